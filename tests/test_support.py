"""Corroboration: one qualified-relationship node per direct edge, counting the reports behind it.

The same fact reported by three articles is one relationship with support count 3, not three
edges; a store updated document by document holds exactly what a fresh build makes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Literal

from kg.graph import build_graph
from kg.ingest import add_extraction, remove_document
from kg.model import Article, Claim, Entity, Extraction
from kg.store import open_store
from kg.support import read_supports, rederive, supports_from_extractions
from kg.validate import validate
from kg.vocab import AKG, actor_iri, doc_iri, relationship_iri

IRAN = Entity("iran", "Iran", "State")
ISRAEL = Entity("israel", "Israel", "State")
QATAR = Entity("qatar", "Qatar", "State")
THREAT = (actor_iri("iran"), AKG.threatens, actor_iri("israel"))


def report(doc: str, day: int, outlet: str | None, *claims: tuple) -> Extraction:
    """One article of 4 August 2024 + `day` days, by `outlet`, stating `claims`."""
    article = Article(doc, f"text of {doc}", date=dt.date(2024, 8, 4 + day), source=outlet)
    made = tuple(
        Claim(doc, s, r, o, f"{s} {r} {o}", 10 * i, 10 * i + 9, r, "test", **fields)
        for i, (s, r, o, fields) in enumerate(claims)
    )
    return Extraction(article, (IRAN, ISRAEL, QATAR), made)


THREE_REPORTS = [
    report("a", 0, "Reuters", ("iran", "threatens", "israel", {})),
    report("b", 2, "AP", ("iran", "threatens", "israel", {})),
    report("c", 5, "Reuters", ("iran", "threatens", "israel", {})),
]


def relationship(graph, edge=THREAT) -> dict:
    node = relationship_iri(*edge)
    return {
        "count": graph.value(node, AKG.supportCount),
        "documents": graph.value(node, AKG.documentCount),
        "outlets": {str(o) for o in graph.objects(node, AKG.reportedBy)},
        "first": graph.value(node, AKG.firstReported),
        "last": graph.value(node, AKG.lastReported),
        "statements": set(graph.objects(node, AKG.supportedBy)),
    }


def test_three_reports_of_one_fact_are_one_relationship_with_count_three():
    graph = build_graph(THREE_REPORTS)
    assert list(graph.triples(THREAT)) == [THREAT]
    found = relationship(graph)
    assert found["count"] == Literal(3)
    assert found["documents"] == Literal(3)
    assert found["outlets"] == {"Reuters", "AP"}
    assert found["first"].toPython() == dt.date(2024, 8, 4)
    assert found["last"].toPython() == dt.date(2024, 8, 9)
    assert len(found["statements"]) == 3
    assert (THREAT[0], AKG.qualifiedRelationship, relationship_iri(*THREAT)) in graph
    assert len(set(graph.subjects(AKG.relation, AKG.threatens))) == 1


def test_two_mentions_in_one_article_count_two_statements_one_document():
    both = report("a", 0, "AP", *[("iran", "threatens", "israel", {})] * 2)
    found = relationship(build_graph([both]))
    assert (found["count"], found["documents"]) == (Literal(2), Literal(1))


@pytest.mark.parametrize(
    "fields",
    [
        {"polarity": "negated"},
        {"modality": "hypothetical"},
        {"modality": "planned"},
    ],
    ids=["negated", "hypothetical", "planned"],
)
def test_statements_that_are_not_facts_are_not_counted(fields):
    graph = build_graph(
        [*THREE_REPORTS, report("d", 1, "AFP", ("iran", "threatens", "israel", fields))]
    )
    found = relationship(graph)
    assert found["count"] == Literal(3)
    assert "AFP" not in found["outlets"]


def test_a_relation_with_no_fact_has_no_relationship_node():
    graph = build_graph(
        [report("a", 0, "AP", ("iran", "threatens", "israel", {"polarity": "negated"}))]
    )
    assert THREAT not in graph
    assert not list(graph.subjects(AKG.relation, AKG.threatens))


def test_a_symmetric_relation_counts_both_directions_on_both_edges():
    graph = build_graph(
        [
            report("a", 0, "AP", ("iran", "metWith", "qatar", {})),
            report("b", 1, "AP", ("qatar", "metWith", "iran", {})),
        ]
    )
    for edge in [
        (actor_iri("iran"), AKG.metWith, actor_iri("qatar")),
        (actor_iri("qatar"), AKG.metWith, actor_iri("iran")),
    ]:
        assert edge in graph
        assert relationship(graph, edge)["count"] == Literal(2)


def test_an_undated_report_has_no_first_or_last_date():
    undated = Extraction(
        Article("u", "text"),
        (IRAN, ISRAEL),
        (Claim("u", "iran", "threatens", "israel", "s", 0, 9, "t", "test"),),
    )
    found = relationship(build_graph([undated]))
    assert found["count"] == Literal(1)
    assert found["first"] is None and found["last"] is None and found["outlets"] == set()


def test_supports_read_back_from_the_graph_are_the_ones_written():
    graph = build_graph(THREE_REPORTS)
    assert set(read_supports(graph)) == set(supports_from_extractions(THREE_REPORTS))


def test_the_built_graph_conforms_and_a_wrong_count_is_a_violation():
    graph = build_graph(THREE_REPORTS)
    assert validate(graph).conforms
    node = relationship_iri(*THREAT)
    graph.set((node, AKG.supportCount, Literal(4)))
    report_ = validate(graph)
    assert not report_.conforms
    assert "counts do not match" in report_.text


@pytest.mark.parametrize(
    ("operations", "held"),
    [
        (["a", "b", "c"], ["a", "b", "c"]),
        (["a", "b", "c", "-b"], ["a", "c"]),
        (["a", "b", "c", "-a", "-c"], ["b"]),
        (["a", "b", "-a", "-b"], []),
        (["a", "b", "c", "-c", "c"], ["a", "b", "c"]),
    ],
    ids=["add three", "remove the middle", "remove first and last", "remove all", "re-add"],
)
def test_a_store_keeps_counts_and_dates_exactly_as_a_fresh_build(tmp_path, operations, held):
    by_id = {x.article.id: x for x in THREE_REPORTS}
    with open_store(tmp_path / "store", writable=True, create=True) as store:
        for op in operations:
            if op.startswith("-"):
                remove_document(store, op[1:])
            else:
                add_extraction(store, by_id[op])
        assert set(store.data()) == set(build_graph([by_id[d] for d in held]))


def test_a_changed_article_moves_its_support_to_the_new_relation(tmp_path):
    changed = report("b", 2, "AP", ("iran", "condemned", "israel", {}))
    with open_store(tmp_path / "store", writable=True, create=True) as store:
        for extraction in [*THREE_REPORTS, changed]:
            add_extraction(store, extraction)
        data = store.data()
    assert relationship(data)["count"] == Literal(2)
    assert relationship(data)["outlets"] == {"Reuters"}
    condemned = (actor_iri("iran"), AKG.condemned, actor_iri("israel"))
    assert relationship(data, condemned)["count"] == Literal(1)


def test_rederiving_from_fewer_supports_drops_edges_and_counts_only_they_made():
    graph = build_graph([*THREE_REPORTS, report("d", 1, "AP", ("qatar", "supports", "iran", {}))])
    kept = [
        s for s in read_supports(graph) if s.document != doc_iri("d") and s.document != doc_iri("c")
    ]
    sliced = rederive(graph, kept)
    assert relationship(sliced)["count"] == Literal(2)
    assert relationship(sliced)["last"].toPython() == dt.date(2024, 8, 6)
    assert (actor_iri("qatar"), AKG.supports, actor_iri("iran")) not in sliced
    assert not list(sliced.subjects(AKG.relation, AKG.supports))
    assert len(sliced) < len(graph) and set(rederive(graph, read_supports(graph))) == set(graph)
