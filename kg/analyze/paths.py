"""How two actors are connected, and an actor's (or a pair's) relations over time, with evidence."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import networkx as nx

from ..errors import AnalysisError
from .projection import Evidence

__all__ = ["Event", "Hop", "connection", "timeline"]


@dataclass(frozen=True)
class Hop:
    """One step of a connection, as the relation reads (`source` `relation` `target`), with the
    earliest statement behind it (None for a projection built without evidence)."""

    source: str
    relation: str
    target: str
    evidence: Evidence | None


@dataclass(frozen=True)
class Event:
    """One statement behind a relation of the actor: the date, the relation and where it is read."""

    date: str
    source: str
    relation: str
    target: str
    evidence: Evidence


def _hop(net: nx.MultiDiGraph, x: str, y: str) -> Hop:
    """The best-supported relation between x and y, in either direction."""
    candidates = [
        (u, key, v, data["evidence"])
        for u, v in ((x, y), (y, x))
        for key, data in (net.get_edge_data(u, v) or {}).items()
    ]
    u, key, v, evidence = min(candidates, key=lambda c: (-len(c[3]), c[1], c[0] != x))
    return Hop(u, key, v, evidence[0] if evidence else None)


def connection(net: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """A shortest chain of relations from `a` to `b`, whatever their direction.

    >>> from kg.analyze import from_triples
    >>> net = from_triples([("A", "metWith", "B"), ("C", "threatens", "B"), ("C", "leaderOf", "D")])
    >>> [(h.source, h.relation, h.target) for h in connection(net, "A", "D")]
    [('A', 'metWith', 'B'), ('C', 'threatens', 'B'), ('C', 'leaderOf', 'D')]
    """
    if a == b:
        raise AnalysisError("give two different actors")
    ties = nx.Graph()
    ties.add_nodes_from(net)
    ties.add_edges_from(net.edges())
    try:
        path = nx.shortest_path(ties, a, b)
    except nx.NetworkXNoPath:
        labels = net.nodes[a]["label"], net.nodes[b]["label"]
        raise AnalysisError(f"no connection between {labels[0]} and {labels[1]}") from None
    return [_hop(net, x, y) for x, y in pairwise(path)]


def timeline(net: nx.MultiDiGraph, actor: str, other: str | None = None) -> list[Event]:
    """Every statement behind a relation of `actor` (with `other`, if given), oldest first and
    undated last; a symmetric relation is read from `actor`'s side.

    >>> from kg.analyze import from_triples
    >>> timeline(from_triples([("A", "metWith", "B")]), "A")  # no evidence: no events
    []
    """
    edges = [
        *net.out_edges(actor, keys=True, data=True),
        *net.in_edges(actor, keys=True, data=True),
    ]
    seen: set[str] = set()
    events = []
    for u, v, key, data in edges:
        if other is not None and other not in (u, v):
            continue
        for evidence in data["evidence"]:
            if evidence.statement not in seen:
                seen.add(evidence.statement)
                events.append(Event(evidence.date, u, key, v, evidence))
    return sorted(events, key=lambda e: (e.date == "", e.date, e.relation, e.source, e.target))
