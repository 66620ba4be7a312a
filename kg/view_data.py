"""What the network view draws: the actors and relation edges a Selection asks for, with evidence.

`kg.view_read` reads the graph; `kg.view` turns the View this returns into HTML.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.errors import QueryError
from kg.rollup import network_graph
from kg.schema import find_relation
from kg.timeslice import Window, parse_date
from kg.view_read import (
    Corroboration,
    DocRecord,
    Evidence,
    Ontology,
    Reader,
    Statement,
    local_name,
    ontology,
)
from kg.vocab import AKG

__all__ = ["EdgeRecord", "NodeRecord", "Selection", "View", "select", "selection"]

MAX_NODES = 1000  # above this many nodes only the best connected are drawn
PHYSICS_LIMIT = 300  # above this many nodes the layout is computed here and physics is off


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to draw; the defaults draw everything (up to `max_nodes`)."""

    focus: str | None = None  # an actor name or alias, as a user types it
    hops: int = 1
    relations: tuple[str, ...] | None = None  # relation local names or labels
    since: dt.date | None = None  # statement dates, inclusive
    until: dt.date | None = None
    max_nodes: int = MAX_NODES
    level: str = "actor"  # kg.rollup.LEVELS


@dataclass(frozen=True)
class NodeRecord:
    iri: str
    label: str
    kind: URIRef  # an actor class or akg:Place
    degree: int
    bloc: int | None
    aliases: tuple[str, ...]
    not_asserted: tuple[Evidence, ...]
    position: tuple[float, float] | None  # precomputed when physics is off


@dataclass(frozen=True)
class EdgeRecord:
    relation: URIRef
    source: str
    target: str
    evidence: tuple[Evidence, ...]  # newest first (within the selected dates)
    corroboration: Corroboration | None  # the drawn slice's; None: no relationship node


@dataclass(frozen=True)
class View:
    """The selected network plus what the page says about the selection."""

    nodes: tuple[NodeRecord, ...]
    edges: tuple[EdgeRecord, ...]
    docs: dict[str, DocRecord]
    relation_labels: dict[URIRef, str]
    symmetric: frozenset[URIRef]
    kind_labels: dict[URIRef, str]
    n_actors: int  # drawn actors (not places)
    n_candidates: int  # nodes the selection matched before the max_nodes cut
    n_not_asserted: int
    layout: bool  # positions precomputed, physics off
    focus: str | None  # the focus actor's label


# ---------------------------------------------------------------------------------------------
# Resolving what the user typed


def selection(
    *,
    focus: str | None = None,
    hops: int = 1,
    relations: str | Iterable[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    max_nodes: int = MAX_NODES,
    level: str = "actor",
) -> Selection:
    """A Selection from what a user typed: comma-separated relations, ISO dates as text."""
    if isinstance(relations, str):
        relations = relations.split(",")
    return Selection(
        focus=focus,
        hops=hops,
        relations=tuple(relations) if relations is not None else None,
        since=parse_date(since, "since"),
        until=parse_date(until, "until"),
        max_nodes=max_nodes,
        level=level,
    )


def _resolve_relations(names: Iterable[str] | None, onto: Ontology) -> frozenset[str] | None:
    """The IRIs of the relations named by local name or label."""
    if names is None:
        return None
    wanted, unknown = set(), []
    for name in names:
        if (relation := find_relation(name)) is not None:
            wanted.add(str(relation.iri))
        elif name.strip():
            unknown.append(name)
    if unknown or not wanted:
        valid = ", ".join(sorted({local_name(r) for r in onto.relations}))
        shown = ", ".join(repr(n) for n in unknown) or "none given"
        raise QueryError(f"unknown relation {shown} (valid: {valid})")
    return frozenset(wanted)


def _resolve_focus(name: str, reader: Reader) -> str:
    """The one actor whose name or alias is `name`, ignoring case and spacing."""
    key = " ".join(name.split()).casefold()
    names: dict[str, set[str]] = defaultdict(set)
    for node in reader.kinds:
        for label in (reader.label(node), *map(str, reader.alt.get(node, ()))):
            names[" ".join(label.split()).casefold()].add(node)
    matches = names.get(key, set())
    if len(matches) == 1:
        return next(iter(matches))
    if matches:
        listed = ", ".join(sorted(f"{reader.label(n)} <{n}>" for n in matches))
        raise QueryError(f"actor {name!r} is ambiguous: {listed}")
    close = difflib.get_close_matches(key, names, n=3)
    hint = f" (did you mean: {', '.join(close)}?)" if close else ""
    raise QueryError(f"no actor named {name!r} in the graph{hint}")


def _check(selection: Selection) -> None:
    if selection.hops < 0:
        raise QueryError(f"hops must be 0 or more, not {selection.hops}")
    if selection.max_nodes < 1:
        raise QueryError(f"max nodes must be 1 or more, not {selection.max_nodes}")


# ---------------------------------------------------------------------------------------------
# Selecting


_EdgeKey = tuple[str, str, str]  # (relation, from, to) IRIs; a symmetric pair in IRI order


def _edge_key(rel: str, s: str, o: str, onto: Ontology) -> _EdgeKey:
    if o < s and rel in onto.symmetric_iris:
        s, o = o, s
    return rel, s, o


def _neighbourhood(start: str, edges: Iterable[_EdgeKey], hops: int) -> set[str]:
    """Nodes within `hops` edges of `start`, ignoring direction."""
    around: dict[str, set[str]] = defaultdict(set)
    for _rel, s, o in edges:
        around[s].add(o)
        around[o].add(s)
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        node, depth = queue.popleft()
        if depth < hops:
            for other in around[node] - seen:
                seen.add(other)
                queue.append((other, depth + 1))
    return seen


def _spiral(ranked: list[str]) -> dict[str, tuple[float, float]]:
    """A sunflower spiral, best connected in the middle: instant, stable and without overlaps."""
    golden = math.pi * (3 - math.sqrt(5))
    return {
        node: (
            round(60 * math.sqrt(i) * math.cos(i * golden), 1),
            round(60 * math.sqrt(i) * math.sin(i * golden), 1),
        )
        for i, node in enumerate(ranked)
    }


def _sort_evidence(items: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """Newest first, undated last; ties broken by document and sentence so output is stable."""
    unique = sorted(set(items), key=lambda e: (e.doc, e.sentence, e.source, e.qualifier, e.claim))
    return tuple(sorted(unique, key=lambda e: e.date, reverse=True))


def select(graph: Graph, selection: Selection = Selection()) -> View:
    """The nodes and edges of `graph` that `selection` asks for, with their evidence."""
    _check(selection)
    span = Window(selection.since, selection.until)
    # the edges, their evidence and counts as the dates reported them, at the chosen level
    graph = network_graph(graph, span, selection.level)
    onto = ontology()
    reader = Reader(graph, onto)
    wanted = _resolve_relations(selection.relations, onto)
    focus = _resolve_focus(selection.focus, reader) if selection.focus is not None else None

    def endpoints_ok(s: str, o: str) -> bool:
        return s in reader.kinds and (o in reader.kinds or o in reader.places)

    # Direct edges between drawable nodes; a symmetric pair counts once.
    support: dict[_EdgeKey, list[Statement]] = {}
    for rel in sorted(onto.by_iri if wanted is None else wanted):
        for s, o in graph.subject_objects(onto.by_iri[rel]):
            s, o = str(s), str(o)
            if endpoints_ok(s, o):
                support.setdefault(_edge_key(rel, s, o, onto), [])
    hidden: dict[str, list[Statement]] = defaultdict(list)
    for st in reader.statements():
        if wanted is not None and st.relation not in wanted:
            continue
        if not st.drawn:
            hidden[st.subject].append(st)
        elif (key := _edge_key(st.relation, st.subject, st.object, onto)) in support:
            support[key].append(st)

    filtered = bool(span) or wanted is not None
    nodes = {n for _rel, s, o in support for n in (s, o)}
    if not filtered:
        nodes |= set(reader.kinds)
    if focus is not None:
        nodes = _neighbourhood(focus, support, selection.hops)
    degree: Counter[str] = Counter()
    for _rel, s, o in support:
        if s in nodes and o in nodes:
            degree[s] += 1
            degree[o] += 1
    ranked = sorted(nodes, key=lambda n: (n != focus, -degree[n], n))
    candidates = len(ranked)
    ranked = ranked[: selection.max_nodes]
    kept = set(ranked)
    edges = {k: sts for k, sts in support.items() if k[1] in kept and k[2] in kept}
    degree = Counter(n for _rel, s, o in edges for n in (s, o))
    layout = len(ranked) > PHYSICS_LIMIT
    positions = _spiral(ranked) if layout else {}

    node_records = tuple(
        NodeRecord(
            iri=node,
            label=reader.label(node),
            kind=reader.kinds.get(node, AKG.Place),
            degree=degree[node],
            bloc=reader.bloc(node),
            aliases=tuple(sorted({str(a) for a in reader.alt.get(node, ())})),
            not_asserted=_sort_evidence(map(reader.evidence, hidden.get(node, ()))),
            position=positions.get(node),
        )
        for node in sorted(kept)
    )
    edge_records = tuple(
        EdgeRecord(
            onto.by_iri[rel],
            s,
            o,
            _sort_evidence(map(reader.evidence, edges[(rel, s, o)])),
            reader.corroboration(rel, s, o),
        )
        for rel, s, o in sorted(edges, key=lambda k: (k[1], k[2], k[0]))
    )
    cited = {e.doc for r in (*edge_records, *node_records) for e in _evidence_of(r) if e.doc}
    return View(
        nodes=node_records,
        edges=edge_records,
        docs={iri: reader.doc(iri) for iri in sorted(cited)},
        relation_labels=onto.relations,
        symmetric=onto.symmetric,
        kind_labels=onto.labels,
        n_actors=sum(1 for n in kept if n in reader.kinds),
        n_candidates=candidates,
        n_not_asserted=sum(len(n.not_asserted) for n in node_records),
        layout=layout,
        focus=reader.label(focus) if focus is not None else None,
    )


def _evidence_of(record: NodeRecord | EdgeRecord) -> tuple[Evidence, ...]:
    return record.evidence if isinstance(record, EdgeRecord) else record.not_asserted
