"""Records -> RDF: reified statements with provenance, direct edges only for facts, one node per
actor, documents as schema:NewsArticle, SHACL conformance, round trips and deterministic output.

Everything here runs on hand-made `Extraction` records; no spaCy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import pickle
import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg import vocab
from kg.export import FORMATS, load_graph, serialize, write_graph
from kg.graph import build_graph
from kg.model import MODALITIES, POLARITIES, Article, Claim, Entity, Extraction
from kg.validate import validate
from kg.vocab import AKG, DCTERMS, ID, PROV, RDF, SKOS, doc_iri

# Not imported by name: pytest probes module globals and these namespaces warn on unknown names.
NEWS_ARTICLE = vocab.SCHEMA.NewsArticle
XSD_DATE = vocab.XSD.date
XSD_DECIMAL = vocab.XSD.decimal

DATE = dt.date(2024, 8, 4)
SENTENCE = "Iran threatened Israel on Monday, according to Axios."
ARTICLE = Article(
    id="https://news.example/iran-israel",
    text="Tensions rose. " + SENTENCE,
    title="Iran warns Israel",
    date=DATE,
    source="Example Wire",
    url="https://news.example/iran-israel",
)
IRAN = Entity("iran", "Iran", "State")
ISRAEL = Entity("israel", "Israel", "State")
USA = Entity("united-states", "United States", "State", aliases=("US",))
BIDEN = Entity("joe-biden", "Joe Biden", "Person", aliases=("Biden",))
NETANYAHU = Entity("benjamin-netanyahu", "Benjamin Netanyahu", "Person")
ENTITIES = (IRAN, ISRAEL, USA, BIDEN, NETANYAHU)


def claim(
    subject: str = "iran", relation: str = "threatens", obj: str = "israel", **fields
) -> Claim:
    """A claim in ARTICLE; keyword arguments override the defaults."""
    defaults = {
        "doc_id": ARTICLE.id,
        "sentence": SENTENCE,
        "start": 15,
        "end": 15 + len(SENTENCE),
        "trigger": "threatened",
        "rule": f"{relation}/test",
    }
    return Claim(subject=subject, relation=relation, object=obj, **(defaults | fields))


def extraction(*claims: Claim, article: Article = ARTICLE, entities=ENTITIES) -> Extraction:
    return Extraction(article, tuple(entities), tuple(claims))


def short(term: object) -> str:
    """A test id: the local name of an IRI."""
    return re.split(r"[#/]", str(term))[-1]


def statements(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, RDF.Statement))


def only_statement(graph: Graph) -> URIRef:
    (statement,) = statements(graph)
    return statement


# A small but complete valid graph: facts, a non-fact, a symmetric relation, a role with a title.
VALID = (
    extraction(
        claim(attribution="Axios", modality="reported", date=DATE, confidence=0.9),
        claim("israel", "threatens", "iran", modality="hypothetical", start=0, end=14),
        claim("joe-biden", "metWith", "benjamin-netanyahu", trigger="met"),
        claim("joe-biden", "leaderOf", "united-states", trigger="President", title="President"),
        claim("benjamin-netanyahu", "leaderOf", "israel", trigger="Prime", title="Prime Minister"),
    ),
)


@pytest.fixture
def valid_graph() -> Graph:
    return build_graph(VALID)


# --- provenance ---------------------------------------------------------------------------------

PROVENANCE = [
    (RDF.subject, ID.iran),
    (RDF.predicate, AKG.threatens),
    (RDF.object, ID.israel),
    (PROV.wasDerivedFrom, doc_iri(ARTICLE.id)),
    (AKG.sentence, Literal(SENTENCE)),
    (AKG.charStart, Literal(15)),
    (AKG.charEnd, Literal(15 + len(SENTENCE))),
    (AKG.trigger, Literal("threatened")),
    (AKG.rule, Literal("threatens/test")),
    (AKG.confidence, Literal(Decimal("0.9"), datatype=XSD_DECIMAL)),
    (AKG.polarity, AKG.Affirmed),
    (AKG.modality, AKG.Reported),
    (DCTERMS.date, Literal(DATE, datatype=XSD_DATE)),
]


@pytest.mark.parametrize(("prop", "value"), PROVENANCE, ids=[short(p) for p, _ in PROVENANCE])
def test_a_statement_carries_its_provenance(prop, value):
    graph = build_graph(
        [extraction(claim(attribution="Axios", modality="reported", date=DATE, confidence=0.9))]
    )
    found = list(graph.objects(only_statement(graph), prop))
    assert found == [value]
    if isinstance(value, Literal):
        assert found[0].datatype == value.datatype


def test_confidence_is_an_xsd_decimal():
    graph = build_graph([extraction(claim(confidence=0.75))])
    confidence = graph.value(only_statement(graph), AKG.confidence)
    assert confidence.datatype == XSD_DECIMAL
    assert confidence.toPython() == Decimal("0.75")


def test_attribution_is_a_labelled_source():
    graph = build_graph([extraction(claim(attribution="Axios", modality="reported"))])
    source = graph.value(only_statement(graph), AKG.accordingTo)
    assert (source, RDF.type, AKG.Source) in graph
    assert list(graph.objects(source, SKOS.prefLabel)) == [Literal("Axios")]
    assert list(graph.objects(source, AKG.labelKey)) == [Literal("axios")]


@pytest.mark.parametrize(
    ("entity", "keys"),
    [
        (Entity("joe-biden", "Joe Biden", "Person", ("Biden", "BIDEN")), {"joe biden", "biden"}),
        (Entity("iran", "Iran", "State"), {"iran"}),
    ],
)
def test_every_label_has_its_lower_case_lookup_key(entity, keys):
    graph = build_graph([Extraction(ARTICLE, (entity,), ())])
    assert {str(key) for key in graph.objects(ID[entity.key], AKG.labelKey)} == keys


def test_a_role_statement_carries_its_title():
    graph = build_graph(
        [extraction(claim("joe-biden", "leaderOf", "united-states", title="President"))]
    )
    assert graph.value(only_statement(graph), AKG.title) == Literal("President")


@pytest.mark.parametrize("prop", [AKG.accordingTo, AKG.title, DCTERMS.date], ids=short)
def test_optional_provenance_is_absent_when_unknown(prop):
    graph = build_graph([extraction(claim())])
    assert graph.value(only_statement(graph), prop) is None


# --- direct edges -------------------------------------------------------------------------------


@pytest.mark.parametrize(("polarity", "modality"), list(itertools.product(POLARITIES, MODALITIES)))
def test_direct_edge_only_for_affirmed_asserted_or_reported_statements(polarity, modality):
    graph = build_graph([extraction(claim(polarity=polarity, modality=modality))])
    is_fact = polarity == "affirmed" and modality in ("asserted", "reported")
    assert ((ID.iran, AKG.threatens, ID.israel) in graph) is is_fact
    statement = only_statement(graph)
    assert graph.value(statement, AKG.polarity) == AKG[polarity.capitalize()]
    assert graph.value(statement, AKG.modality) == AKG[modality.capitalize()]


# claim fields -> is it a fact (akg:fact on its statement, and the direct edge)?
FACT_CASES = [
    ({}, True),
    ({"modality": "reported"}, True),
    ({"polarity": "negated"}, False),
    ({"modality": "planned"}, False),
    ({"relation": "leaderOf", "obj": "israel", "role_status": "former"}, False),
    ({"relation": "leaderOf", "obj": "israel", "role_status": "current"}, True),
]


@pytest.mark.parametrize(("fields", "is_fact"), FACT_CASES)
def test_each_statement_records_whether_it_is_a_fact(fields, is_fact):
    fields = {"subject": "benjamin-netanyahu", **fields}
    graph = build_graph([extraction(claim(**fields))])
    assert graph.value(only_statement(graph), AKG.fact) == Literal(is_fact)
    edge = (ID["benjamin-netanyahu"], AKG[fields.get("relation", "threatens")], ID.israel)
    assert (edge in graph) is is_fact


@pytest.mark.parametrize(
    ("kinds", "edge"),
    [
        ([("affirmed", "asserted")], True),
        ([("negated", "asserted"), ("affirmed", "reported")], True),
        ([("affirmed", "hypothetical"), ("affirmed", "asserted")], True),
        ([("negated", "asserted"), ("affirmed", "planned")], False),
        ([("affirmed", "hypothetical"), ("negated", "reported")], False),
    ],
)
def test_one_affirmed_fact_among_several_statements_is_enough(kinds, edge):
    claims = [
        claim(polarity=polarity, modality=modality, start=i, end=i + 10)
        for i, (polarity, modality) in enumerate(kinds)
    ]
    graph = build_graph([extraction(*claims)])
    assert len(statements(graph)) == len(kinds)
    assert ((ID.iran, AKG.threatens, ID.israel) in graph) is edge


@pytest.mark.parametrize(
    ("relation", "symmetric"),
    [
        ("metWith", True),
        ("spokeWith", True),
        ("alliedWith", True),
        ("threatens", False),
        ("condemned", False),
    ],
)
def test_symmetric_relations_are_asserted_both_ways(relation, symmetric):
    graph = build_graph([extraction(claim("iran", relation, "israel"))])
    assert (ID.iran, AKG[relation], ID.israel) in graph
    assert ((ID.israel, AKG[relation], ID.iran) in graph) is symmetric
    assert len(statements(graph)) == 1


# --- actors and documents -----------------------------------------------------------------------

OTHER = Article(id="other-doc", text="Haniyeh spoke.", title="Another", date=dt.date(2024, 8, 5))


@pytest.mark.parametrize("reverse", [False, True], ids=["short-first", "long-first"])
def test_an_actor_in_two_documents_is_one_node_with_the_longest_label(reverse):
    extractions = [
        extraction(entities=(Entity("ismail-haniyeh", "Haniyeh", "Person"),)),
        extraction(
            article=OTHER,
            entities=(Entity("ismail-haniyeh", "Ismail Haniyeh", "Person", ("Abu al-Abd",)),),
        ),
    ]
    graph = build_graph(reversed(extractions) if reverse else extractions)
    node = ID["ismail-haniyeh"]
    assert list(graph.objects(node, SKOS.prefLabel)) == [Literal("Ismail Haniyeh")]
    assert set(graph.objects(node, SKOS.altLabel)) == {Literal("Haniyeh"), Literal("Abu al-Abd")}
    assert list(graph.objects(node, RDF.type)) == [AKG.Person]
    assert set(graph.objects(node, AKG.mentionedIn)) == {doc_iri(ARTICLE.id), doc_iri(OTHER.id)}


def test_a_state_named_alike_in_two_documents_keeps_one_label():
    graph = build_graph([extraction(), extraction(article=OTHER)])
    assert list(graph.objects(ID.iran, SKOS.prefLabel)) == [Literal("Iran")]
    assert list(graph.objects(ID["united-states"], SKOS.altLabel)) == [Literal("US")]


DOCUMENT = [
    (RDF.type, NEWS_ARTICLE),
    (DCTERMS.identifier, Literal(ARTICLE.id)),
    (DCTERMS.title, Literal("Iran warns Israel")),
    (DCTERMS.date, Literal(DATE, datatype=XSD_DATE)),
    (DCTERMS.publisher, Literal("Example Wire")),
]


@pytest.mark.parametrize(("prop", "value"), DOCUMENT, ids=[short(p) for p, _ in DOCUMENT])
def test_a_document_is_a_news_article_with_its_metadata(prop, value):
    graph = build_graph([extraction()])
    found = list(graph.objects(doc_iri(ARTICLE.id), prop))
    assert found == [value]
    if isinstance(value, Literal):
        assert found[0].datatype == value.datatype


def test_a_document_without_metadata_has_only_its_identifier():
    bare = Article(id="sha256:0123456789abcdef", text="Iran threatened Israel.")
    graph = build_graph([extraction(article=bare)])
    assert set(graph.predicate_objects(doc_iri(bare.id))) == {
        (RDF.type, NEWS_ARTICLE),
        (DCTERMS.identifier, Literal(bare.id)),
    }


# --- SHACL --------------------------------------------------------------------------------------


def test_a_built_graph_conforms_to_the_shapes(valid_graph):
    report = validate(valid_graph)
    assert report.conforms, report.text
    assert report.violations == 0


def test_validation_does_not_change_the_graph(valid_graph):
    before = len(valid_graph)
    validate(valid_graph)
    assert len(valid_graph) == before


def _statement_of(graph: Graph, relation: URIRef) -> URIRef:
    return next(s for s in statements(graph) if graph.value(s, RDF.predicate) == relation)


def _unsupported_edge(graph: Graph) -> None:
    graph.add((ID.iran, AKG.condemned, ID["united-states"]))


def _edge_behind_hypothetical_only(graph: Graph) -> None:
    graph.add((ID.israel, AKG.threatens, ID.iran))


def _reverse_of_asymmetric_edge(graph: Graph) -> None:
    """Only the forward statement (Iran threatens Israel) is left to back Israel -> Iran."""
    hypothetical = next(
        s for s in statements(graph) if graph.value(s, AKG.modality) == AKG.Hypothetical
    )
    graph.remove((hypothetical, None, None))
    graph.add((ID.israel, AKG.threatens, ID.iran))


def _statement_without_sentence(graph: Graph) -> None:
    graph.remove((_statement_of(graph, AKG.metWith), AKG.sentence, None))


def _sentence_ending_before_it_starts(graph: Graph) -> None:
    statement = _statement_of(graph, AKG.metWith)
    graph.set((statement, AKG.charEnd, Literal(3)))
    graph.set((statement, AKG.charStart, Literal(10)))


def _confidence_above_one(graph: Graph) -> None:
    statement = _statement_of(graph, AKG.metWith)
    graph.set((statement, AKG.confidence, Literal(Decimal("1.5"))))


def _leader_is_a_state(graph: Graph) -> None:
    graph.remove((ID["joe-biden"], RDF.type, AKG.Person))
    graph.add((ID["joe-biden"], RDF.type, AKG.State))


def _actor_with_two_labels(graph: Graph) -> None:
    graph.add((ID.iran, SKOS.prefLabel, Literal("Islamic Republic of Iran")))


def _statement_from_no_document(graph: Graph) -> None:
    graph.remove((_statement_of(graph, AKG.metWith), PROV.wasDerivedFrom, None))


# mutation of a valid graph -> a fragment the SHACL report must contain
MUTATIONS = [
    (_unsupported_edge, "SupportedEdgeShape"),
    (_edge_behind_hypothetical_only, "SupportedEdgeShape"),
    (_reverse_of_asymmetric_edge, "SupportedEdgeShape"),
    (_statement_without_sentence, "akg:sentence"),
    (_sentence_ending_before_it_starts, "must end after it starts"),
    (_confidence_above_one, "akg:confidence"),
    (_leader_is_a_state, "LeaderShape"),
    (_actor_with_two_labels, "skos:prefLabel"),
    (_statement_from_no_document, "prov:wasDerivedFrom"),
]


@pytest.mark.parametrize(
    ("mutate", "reported"), MUTATIONS, ids=[f.__name__.strip("_") for f, _ in MUTATIONS]
)
def test_a_graph_that_breaks_a_rule_does_not_conform(
    valid_graph, mutate: Callable[[Graph], None], reported: str
):
    assert validate(valid_graph).conforms
    mutate(valid_graph)
    report = validate(valid_graph)
    assert not report.conforms
    assert report.violations == 1
    assert reported in report.text


def test_a_symmetric_edge_backed_by_the_reverse_statement_conforms(valid_graph):
    assert (ID["benjamin-netanyahu"], AKG.metWith, ID["joe-biden"]) in valid_graph
    assert validate(valid_graph).conforms


# --- serialization ------------------------------------------------------------------------------


def test_turtle_round_trip_gives_the_same_graph(valid_graph):
    parsed = Graph().parse(data=serialize(valid_graph, "turtle"), format="turtle")
    assert isomorphic(parsed, valid_graph)


SUFFIX = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_written_and_read_back_unchanged(valid_graph, tmp_path, fmt):
    path = write_graph(valid_graph, tmp_path / f"graph.{SUFFIX[fmt]}", fmt)
    assert isomorphic(load_graph(path), valid_graph)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_serialization_is_identical_across_builds(fmt):
    assert serialize(build_graph(VALID), fmt) == serialize(build_graph(VALID), fmt)


def test_serialization_does_not_depend_on_document_order():
    extractions = [*VALID, extraction(claim(start=1, end=9), article=OTHER)]
    assert serialize(build_graph(extractions)) == serialize(build_graph(extractions[::-1]))


def test_serialization_does_not_depend_on_the_hash_seed(tmp_path):
    records = tmp_path / "records.pickle"
    records.write_bytes(pickle.dumps(VALID))
    script = (
        "import pickle, sys\n"
        "from kg.export import serialize\n"
        "from kg.graph import build_graph\n"
        "with open(sys.argv[1], 'rb') as f:\n"
        "    sys.stdout.write(serialize(build_graph(pickle.load(f))))\n"
    )
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script, str(records)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] == outputs[1] == serialize(build_graph(VALID))
