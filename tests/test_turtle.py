"""kg's Turtle writer: valid Turtle that reads back as the same graph, in one stable layout."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kg import vocab
from kg.export import serialize
from kg.graph import new_graph
from kg.turtle import write_turtle
from kg.vocab import AKG, ID, PREFIXES, RDF, SKOS, doc_iri, statement_iri

EX = Namespace("http://example.org/")

# objects every kind of literal and IRI kg (or a user's graph) may hold
OBJECTS = [
    Literal("plain"),
    Literal('quotes " and \\ and\nnew lines\tand tabs'),
    Literal("\u00e9t\u00e9 \u05e9\u05dc\u05d5\u05dd"),
    Literal("Iran", lang="en"),
    Literal(42),
    Literal(-3),
    Literal(Decimal("0.9")),
    Literal(1.5e-7),
    Literal(True),
    Literal(dt.date(2024, 8, 5)),
    Literal("https://news.example/a", datatype=vocab.XSD.anyURI),
    Literal("x", datatype=EX["custom-type"]),
    URIRef("https://w3id.org/akg/id/iran"),
    URIRef("https://w3id.org/akg/id/doc/seed-000"),
    URIRef("https://w3id.org/akg/id/odd/path"),
    URIRef("https://w3id.org/akg/id/ends.with.dot."),
    URIRef("https://w3id.org/akg/id/percent%20sign"),
    URIRef("http://example.org/"),
    BNode("b1"),
]


def _graph(objects=OBJECTS) -> Graph:
    graph = new_graph()
    graph.bind("ex", EX)
    for number, obj in enumerate(objects):
        graph.add((EX[f"s{number % 3}"], EX[f"p{number % 4}"], obj))
        graph.add((EX[f"s{number % 3}"], RDF.type, EX.Thing))
    graph.add((BNode("b1"), SKOS.prefLabel, Literal("a blank node")))
    return graph


def test_every_kind_of_term_reads_back_as_the_same_graph():
    graph = _graph()
    assert isomorphic(Graph().parse(data=serialize(graph), format="turtle"), graph)


@pytest.mark.parametrize("obj", OBJECTS, ids=str)
def test_each_term_alone_reads_back(obj):
    graph = _graph([obj])
    assert isomorphic(Graph().parse(data=serialize(graph), format="turtle"), graph)


def test_the_output_does_not_depend_on_insertion_order():
    triples = list(_graph())
    forward, backward = new_graph(), new_graph()
    for triple in triples:
        forward.add(triple)
    for triple in reversed(triples):
        backward.add(triple)
    assert serialize(forward) == serialize(backward)


@pytest.mark.parametrize(
    ("iri", "written"),
    [
        (ID["iran"], "id:iran"),
        (doc_iri("seed-000"), "doc:seed-000"),
        (statement_iri("a", "b"), "stmt:" + statement_iri("a", "b").rsplit("/", 1)[-1]),
        (ID["odd/path"], "<https://w3id.org/akg/id/odd/path>"),
        (ID["ends.with.dot."], "<https://w3id.org/akg/id/ends.with.dot.>"),
    ],
)
def test_an_iri_is_shortened_by_the_longest_namespace_that_gives_a_valid_name(iri, written):
    text = write_turtle([(iri, RDF.type, AKG.State)], PREFIXES.items())
    assert text.endswith(f"\n{written} a akg:State .\n")


def test_only_the_prefixes_used_are_declared():
    text = write_turtle([(ID["iran"], SKOS.prefLabel, Literal("Iran"))], PREFIXES.items())
    assert text.splitlines()[:3] == [
        "@prefix id: <https://w3id.org/akg/id/> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        "",
    ]


def test_a_subject_block_lists_its_type_first_then_predicates_and_objects_in_order():
    iran = ID["iran"]
    triples = [
        (iran, SKOS.prefLabel, Literal("Iran")),
        (iran, AKG.labelKey, Literal("iran")),
        (iran, AKG.labelKey, Literal("islamic republic")),
        (iran, RDF.type, AKG.State),
    ]
    assert write_turtle(triples, PREFIXES.items()).split("\n\n", 1)[1] == (
        'id:iran a akg:State ;\n    skos:prefLabel "Iran" ;\n'
        '    akg:labelKey "iran",\n        "islamic republic" .\n'
    )
