"""Record encoding (kg/records.py): one literal per node, read back to exactly its pairs."""

from __future__ import annotations

import datetime as dt

import pytest
from rdflib import URIRef

from kg.graph import entity_triples, event_triples, source_triples
from kg.model import Entity, Event
from kg.records import decode, encode
from kg.vocab import AKG, doc_iri

ODD_LABEL = 'The "Odd" Group \\ of\nÜrümqi\r .\t<x> \\n'
# (what the records are, their triples)
RECORDS = [
    (
        "an actor with aliases and Wikidata",
        entity_triples(
            Entity(
                "iran", "Iran", "State", ("Tehran regime",), "http://www.wikidata.org/entity/Q794"
            )
        ),
    ),
    (
        "a label N-Triples must escape",
        entity_triples(Entity("odd", ODD_LABEL, "Group", (ODD_LABEL + "!",))),
    ),
    ("a source", source_triples("axios", "Axios")),
    (
        "an event with a date",
        event_triples(
            Event(
                "killing", "the killing", "killing", "haniyeh", ("israel",), dt.date(2024, 7, 31)
            ),
            doc_iri("d"),
        ),
    ),
    (
        "two nodes",
        entity_triples(Entity("a", "A", "Person")) + entity_triples(Entity("b", "B", "Group")),
    ),
]


@pytest.mark.parametrize("triples", [r[1] for r in RECORDS], ids=[r[0] for r in RECORDS])
def test_records_read_back_to_exactly_their_triples(triples):
    encoded = encode(triples)
    assert {s for s, _, _ in encoded} == {s for s, _, _ in triples}  # one record per node
    assert {p for _, p, _ in encoded} == {AKG.record}
    decoded = decode((s, o) for s, _, o in encoded)
    assert {(s, p, o) for s, pairs in decoded.items() for p, o in pairs} == set(triples)


def test_a_node_named_alike_has_one_record_whatever_the_order():
    triples = entity_triples(Entity("iran", "Iran", "State", ("Tehran regime", "IRI")))
    assert encode(triples) == encode(reversed(triples))


def test_records_read_back_under_the_key_they_are_asked_for():
    """A node's records in several documents come back under each document's graph."""
    record = next(iter(encode(entity_triples(Entity("iran", "Iran", "State")))))[2]
    graphs = [URIRef("https://example.org/g1"), URIRef("https://example.org/g2")]
    decoded = decode((g, record) for g in graphs)
    assert sorted(decoded) == graphs
    assert set(decoded[graphs[0]]) == set(decoded[graphs[1]]) != set()
