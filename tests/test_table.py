"""kg.table: a graph read once into plain tuples and built back in one bulk add, and the pause of
the garbage collector the whole-graph rewrites (time slice, roll-up) run under."""

from __future__ import annotations

import gc

import pytest
from rdflib import Literal, Namespace
from test_support import THREE_REPORTS

from kg.graph import build_graph
from kg.table import Table, paused_gc

EX = Namespace("http://example.org/")


def test_a_graph_read_and_built_back_has_the_same_triples_and_prefixes():
    graph = build_graph(THREE_REPORTS)
    graph.bind("ex", EX)
    table = Table.read(graph)
    copy = table.to_graph((s, p, o) for p, pairs in table.by_predicate.items() for s, o in pairs)
    assert set(copy) == set(graph)
    assert dict(copy.namespaces()) == dict(graph.namespaces())


def test_one_predicate_reads_as_pairs_values_and_subjects():
    graph = build_graph([])
    graph.add((EX.a, EX.p, Literal(1)))
    graph.add((EX.b, EX.p, Literal(2)))
    graph.add((EX.a, EX.q, EX.b))
    table = Table.read(graph)
    assert table.values(EX.p) == {EX.a: Literal(1), EX.b: Literal(2)}
    assert table.subjects(EX.q, EX.b) == [EX.a]
    assert table.subjects(EX.q, EX.a) == []
    assert table.pairs(EX.missing) == []


@pytest.mark.parametrize("enabled", [True, False], ids=["collector on", "collector off"])
def test_the_collector_is_paused_inside_and_as_it_was_after_even_on_an_error(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ValueError), paused_gc():
            assert not gc.isenabled()
            raise ValueError
        assert gc.isenabled() == enabled
    finally:
        gc.enable()
