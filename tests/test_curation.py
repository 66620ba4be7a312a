"""Curation: an analyst's corrections are data (a Turtle file), applied on every build of the seed
corpus, kept by a store, and refused with one line when they name something unknown."""

from __future__ import annotations

import datetime as dt

import pytest
from clirun import assert_one_error_line, kg
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from kg import build, extract_corpus, read_corpus
from kg.build import build_store
from kg.curate import curate, decide, gazetteer_resolver, graph_resolver, list_curation
from kg.curated import curated_graph
from kg.curation import (
    Accept,
    Alias,
    Curation,
    Decision,
    Merge,
    Reject,
    Retype,
    read_curation,
    write_decision,
)
from kg.errors import CurationError, StoreError
from kg.query import resolve_actor, run_named
from kg.store import open_graph
from kg.validate import validate
from kg.vocab import AKG, DCTERMS, PROV, RDF, RDFS, SKOS, actor_iri, decision_iri

NOW = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)
MERGE = Merge("israel", "israel-defense-forces", "Israel")
ALIAS = Alias("Security Council", "russia", "Russia")
RETYPE = Retype("hezbollah", "Organization")
REJECT = Reject("masoud-pezeshkian", "alliedWith", "russia")


def decided(change, minutes: int = 0, by: str = "alice") -> Decision:
    return Decision(change, by, NOW + dt.timedelta(minutes=minutes))


@pytest.fixture(scope="module")
def extractions(seeds_dir):
    return extract_corpus(list(read_corpus([seeds_dir])))


@pytest.fixture(scope="module")
def plain(extractions):
    return curated_graph(extractions, Curation())


def built(extractions, *decisions: Decision) -> Graph:
    return curated_graph(extractions, Curation(decisions))


def edge(subject: str, relation: str, obj: str) -> tuple:
    return actor_iri(subject), AKG[relation], actor_iri(obj)


def statements(graph: Graph, subject: str, relation: str, obj: str) -> set:
    about = set(graph.subjects(RDF.subject, actor_iri(subject)))
    about &= set(graph.subjects(RDF.predicate, AKG[relation]))
    return about & set(graph.subjects(RDF.object, actor_iri(obj)))


def labels(graph: Graph, key: str) -> tuple[set[str], set[str]]:
    node = actor_iri(key)
    prefs = set(map(str, graph.objects(node, SKOS.prefLabel)))
    return prefs, set(map(str, graph.objects(node, SKOS.altLabel)))


def test_merge_makes_one_actor_with_both_labels(plain, extractions):
    assert edge("herzi-halevi", "leaderOf", "israel-defense-forces") in plain
    graph = built(extractions, decided(MERGE))
    assert not set(graph.predicate_objects(actor_iri("israel-defense-forces")))
    assert labels(graph, "israel") == (
        {"Israel"},
        {"Israeli", "Israel Defense Forces", "Israeli army", "Israeli military"},
    )
    assert edge("herzi-halevi", "leaderOf", "israel") in graph
    # 'the army is part of Israel' became Israel's relation to itself: evidence, not an edge
    assert statements(graph, "israel", "partOf", "israel")
    assert edge("israel", "partOf", "israel") not in graph


@pytest.mark.parametrize("name", ["Security Council", "security COUNCIL"])
def test_an_alias_resolves_to_its_actor_in_any_case(plain, extractions, name):
    assert resolve_actor(plain, "Security Council") == actor_iri("security-council-of-russia")
    graph = built(extractions, decided(Alias(name, "russia", "Russia")))
    assert not set(graph.predicate_objects(actor_iri("security-council-of-russia")))
    prefs, aliases = labels(graph, "russia")
    assert prefs == {"Russia"}
    assert {"Security Council", "Security Council of Russia"} <= aliases
    assert resolve_actor(graph, "security council") == actor_iri("russia")
    assert statements(graph, "sergei-shoigu", "memberOf", "russia")


def test_retype_changes_the_class(plain, extractions):
    assert (actor_iri("hezbollah"), RDF.type, AKG.Group) in plain
    graph = built(extractions, decided(RETYPE))
    assert set(graph.objects(actor_iri("hezbollah"), RDF.type)) == {AKG.Organization}


@pytest.mark.parametrize(
    "reject",
    [REJECT, Reject("russia", "alliedWith", "masoud-pezeshkian")],
    ids=["as-extracted", "other-direction-of-a-symmetric-relation"],
)
def test_a_rejected_relationship_is_no_edge_and_its_statements_say_who_and_when(
    plain, extractions, reject
):
    assert edge("masoud-pezeshkian", "alliedWith", "russia") in plain
    decision = decided(reject, by="Dana Analyst")
    graph = built(extractions, decision)
    assert edge("masoud-pezeshkian", "alliedWith", "russia") not in graph
    assert edge("russia", "alliedWith", "masoud-pezeshkian") not in graph
    found = statements(graph, "masoud-pezeshkian", "alliedWith", "russia")
    assert found == statements(plain, "masoud-pezeshkian", "alliedWith", "russia")
    node = decision_iri(decision.key)
    for statement in found:
        assert graph.value(statement, AKG.fact) == Literal(False)
        assert graph.value(statement, AKG.rejectedBy) == node
    agent = graph.value(node, PROV.wasAttributedTo)
    assert graph.value(agent, RDFS.label) == Literal("Dana Analyst")
    assert graph.value(node, DCTERMS.created) == Literal(NOW)  # an xsd:dateTime


@pytest.mark.parametrize(
    ("document", "still_an_edge"),
    [("seed-000", True), ("seed-002", False), (None, False)],
)
def test_a_rejection_can_be_limited_to_one_document(extractions, document, still_an_edge):
    # seed-002 asserts the threat; seed-000 only warns it could come
    graph = built(extractions, decided(Reject("iran", "threatens", "israel", document)))
    assert (edge("iran", "threatens", "israel") in graph) is still_an_edge
    rejected = {
        str(graph.value(st, PROV.wasDerivedFrom)).rsplit("/", 1)[-1]
        for st in statements(graph, "iran", "threatens", "israel")
        if graph.value(st, AKG.rejectedBy) is not None
    }
    assert rejected == ({document} if document else {"seed-000", "seed-002"})


@pytest.mark.parametrize(
    ("order", "is_edge", "mark"),
    [
        ((Reject, Accept), True, AKG.acceptedBy),
        ((Accept, Reject), False, AKG.rejectedBy),
    ],
    ids=["accept-after-reject", "reject-after-accept"],
)
def test_the_later_of_accept_and_reject_counts(extractions, order, is_edge, mark):
    triple = ("masoud-pezeshkian", "alliedWith", "russia")
    decisions = [decided(kind(*triple), minutes) for minutes, kind in enumerate(order)]
    graph = built(extractions, *reversed(decisions))  # file order does not matter, time does
    assert (edge(*triple) in graph) is is_edge
    for statement in statements(graph, *triple):
        assert set(graph.predicates(statement)) & {AKG.acceptedBy, AKG.rejectedBy} == {mark}
        assert graph.value(statement, mark) == decision_iri(decisions[-1].key)


def test_the_curated_query_lists_who_rejected_or_accepted_what_and_when(extractions):
    graph = built(
        extractions,
        decided(REJECT, by="Dana"),
        decided(Accept("iran", "threatens", "israel", "seed-002"), 1, by="Lee"),
    )
    result = run_named(graph, "curated")
    wanted = ("verdict", "subject", "relation", "object", "analyst", "decided", "document")
    rows = [tuple(row[result.columns.index(c)] for c in wanted) for row in result.rows]
    assert rows == [
        ("rejected by", "Masoud Pezeshkian", "allied with", "Russia", "Dana", "2026-01-05T09:30:00+00:00",
         "seed-002"),
        ("accepted by", "Iran", "threatens", "Israel", "Lee", "2026-01-05T09:31:00+00:00", "seed-002"),
    ]  # fmt: skip


def test_a_curated_graph_conforms_to_the_shapes(extractions):
    changes = (MERGE, ALIAS, RETYPE, REJECT, Accept("iran", "threatens", "israel"))
    graph = built(extractions, *(decided(c, i) for i, c in enumerate(changes)))
    report = validate(graph)
    assert report.conforms, report.text


def _undated(graph: Graph) -> None:
    graph.remove((None, DCTERMS.created, None))


def _accepted_by_a_rejection(graph: Graph) -> None:
    for statement, decision in list(graph.subject_objects(AKG.rejectedBy)):
        graph.add((statement, AKG.acceptedBy, decision))


def _not_a_relation(graph: Graph) -> None:
    for decision in list(graph.subjects(AKG.curatedRelation, None)):
        graph.set((decision, AKG.curatedRelation, AKG.fact))


@pytest.mark.parametrize("spoil", [_undated, _accepted_by_a_rejection, _not_a_relation])
def test_the_shapes_catch_a_broken_decision(extractions, spoil):
    graph = built(extractions, decided(REJECT))
    spoil(graph)
    assert not validate(graph).conforms


def test_decisions_round_trip_through_the_file_in_time_order(tmp_path):
    path = tmp_path / "curation.ttl"
    changes = [REJECT, MERGE, Reject("iran", "threatens", "israel", "seed-000"), ALIAS, RETYPE]
    decisions = [decided(change, -minutes) for minutes, change in enumerate(changes)]
    for decision in decisions:
        write_decision(path, decision)
    assert read_curation(path) == Curation(tuple(decisions))
    assert read_curation(path).decisions == tuple(reversed(decisions))
    assert "akg:MergeDecision" in path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def curation_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("curation") / "curation.ttl"
    for minutes, change in enumerate((MERGE, ALIAS, RETYPE, REJECT)):
        write_decision(path, decided(change, minutes))
    return path


def test_rebuilding_from_the_same_articles_keeps_every_correction(
    seeds_dir, extractions, curation_file
):
    first, second = build([seeds_dir], curation=curation_file), build([seeds_dir])
    assert not isomorphic(first, second)
    again = build([seeds_dir], curation=curation_file)
    assert isomorphic(first, again)
    assert isomorphic(first, curated_graph(extractions, read_curation(curation_file)))


def test_a_store_remembers_its_curation_and_refuses_another(
    tmp_path, seeds_dir, extractions, curation_file
):
    store = tmp_path / "store"
    first = seeds_dir / "000_54758514a3fb46c7.txt"
    assert build_store([first], store, curation=curation_file)["added"] == 1
    # a later build adds a document with the stored curation, and leaves the first alone
    assert build_store([seeds_dir], store) == {"added": 1, "unchanged": 1}
    expected = curated_graph(extractions, read_curation(curation_file))
    assert isomorphic(open_graph(store).data(), expected)
    other = tmp_path / "other.ttl"
    write_decision(other, decided(RETYPE))
    with pytest.raises(StoreError, match="built with a different curation"):
        build_store([seeds_dir], store, curation=other)
    assert isomorphic(open_graph(store).data(), expected)


def test_a_store_built_without_a_curation_refuses_one(tmp_path, seeds_dir, curation_file):
    store = tmp_path / "store"
    build_store([seeds_dir / "000_54758514a3fb46c7.txt"], store)
    with pytest.raises(StoreError, match="different curation"):
        build_store([seeds_dir], store, curation=curation_file)


@pytest.mark.parametrize(
    ("verb", "values", "change"),
    [
        ("merge", ("Israel", "israel defense forces"), MERGE),
        ("alias", ("Security Council", "Russian"), ALIAS),
        ("retype", ("the Hezbollah", "organization"), RETYPE),
        ("reject", ("Pezeshkian", "allied with", "Russia"), REJECT),
        ("accept", ("Iran", "threatens", "ISRAEL"), Accept("iran", "threatens", "israel")),
    ],
)
def test_names_are_resolved_as_typed(verb, values, change):
    decision = decide(verb, values, gazetteer_resolver(), "alice", NOW)
    assert decision.change == change


@pytest.mark.parametrize(
    ("verb", "values", "message"),
    [
        ("merge", ("Iran", "Narnia"), "no actor is named 'Narnia'"),
        ("merge", ("Iran", "iran"), "already one actor"),
        ("reject", ("Iran", "hugs", "Israel"), "unknown relation 'hugs'"),
        ("retype", ("Iran", "Planet"), "unknown class 'Planet'"),
        ("alias", ("  ", "Iran"), "must not be empty"),
    ],
)
def test_an_unknown_name_relation_or_class_is_named_in_the_error(verb, values, message):
    with pytest.raises(CurationError, match=message):
        decide(verb, values, gazetteer_resolver(), "alice", NOW)


def test_an_actor_only_the_extractor_found_is_resolved_against_a_graph(plain):
    values = ("russian defense delegation in Tehran", "Group")
    with pytest.raises(CurationError, match="give --graph"):
        decide("retype", values, gazetteer_resolver(), "alice", NOW)
    decision = decide("retype", values, graph_resolver(plain), "alice", NOW)
    assert decision.change == Retype("russia-defense-delegation-tehran-2024-08-05", "Group")


BAD_FILES = {
    "not-turtle": "this is not turtle",
    "no-time": "@prefix akg: <https://w3id.org/akg/ontology#> .\n"
    '[] a akg:RetypeDecision ; <http://www.w3.org/ns/prov#wasAttributedTo> "a" ; '
    "akg:curatedActor <https://w3id.org/akg/id/iran> ; akg:retypedTo akg:Group .",
    "unknown-class": "@prefix akg: <https://w3id.org/akg/ontology#> .\n"
    '[] a akg:RetypeDecision ; <http://www.w3.org/ns/prov#wasAttributedTo> "a" ; '
    '<http://purl.org/dc/terms/created> "2026-01-05T09:30:00Z"^^'
    "<http://www.w3.org/2001/XMLSchema#dateTime> ; "
    "akg:curatedActor <https://w3id.org/akg/id/iran> ; akg:retypedTo akg:Planet .",
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_curation_file_is_one_error_and_stays_as_it_was(tmp_path, name):
    path = tmp_path / "curation.ttl"
    path.write_text(BAD_FILES[name], encoding="utf-8")
    with pytest.raises(CurationError, match=str(path)):
        read_curation(path)
    with pytest.raises(CurationError):
        write_decision(path, decided(RETYPE))
    assert path.read_text(encoding="utf-8") == BAD_FILES[name]


def test_a_hand_written_decision_counts(tmp_path):
    path = tmp_path / "curation.ttl"
    path.write_text(BAD_FILES["unknown-class"].replace("Planet", "Organization"), "utf-8")
    (decision,) = read_curation(path).decisions
    assert decision == Decision(Retype("iran", "Organization"), "a", NOW)


def test_curate_appends_who_and_when(tmp_path):
    path = tmp_path / "curation.ttl"
    curate(path, "merge", ("Israel", "Israel Defense Forces"), by="alice", created=NOW)
    curate(path, "reject", ("Iran", "threatens", "Israel"), by="bob", document="seed-000")
    lines = list_curation(path).splitlines()
    assert lines[0] == "2026-01-05T09:30:00Z\talice\tmerge israel israel-defense-forces"
    assert lines[1].endswith("\tbob\treject iran threatens israel --document seed-000")


def test_the_cli_records_lists_and_refuses_with_one_line(tmp_path, seeds_dir):
    path = tmp_path / "curation.ttl"
    done = kg("curate", "--file", path, "--by", "alice", "alias", "Bibi", "Netanyahu")
    assert done.returncode == 0, done.stderr
    listed = kg("curate", "--file", path, "list")
    assert listed.stdout.strip().endswith("alice\talias Bibi benjamin-netanyahu")
    refused = kg("curate", "--file", path, "retype", "Netanyahu", "Planet")
    assert "unknown class 'Planet'" in assert_one_error_line(refused, 11)
    missing = kg("build", seeds_dir, "--curation", tmp_path / "none.ttl", "-o", tmp_path / "g.ttl")
    assert "no such curation file" in assert_one_error_line(missing, 11)
    assert not (tmp_path / "g.ttl").exists()
