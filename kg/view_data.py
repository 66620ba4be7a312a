"""What the network view draws: actors, relation edges and their evidence, selected from a graph.

Reads the graph in bulk (one pass per predicate, no per-statement queries until the selection is
made), so a 10k-actor graph is read in a fraction of a second; `kg.view` turns the result into HTML.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.schema import label_of, load_ontology, relations
from kg.vocab import AKG, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS

__all__ = ["DocRecord", "EdgeRecord", "Evidence", "NodeRecord", "Selection", "View", "select"]

MAX_NODES = 1000  # above this many nodes only the best connected are drawn
PHYSICS_LIMIT = 300  # above this many nodes the layout is computed here and physics is off

# A statement supports a drawn edge only when affirmed and asserted or reported.
_DRAWN = {AKG.polarity: {AKG.Affirmed}, AKG.modality: {AKG.Asserted, AKG.Reported}}


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to draw; the defaults draw everything (up to `max_nodes`)."""

    focus: str | None = None  # an actor name or alias, as a user types it
    hops: int = 1
    relations: tuple[str, ...] | None = None  # relation local names or labels
    since: dt.date | None = None  # statement dates, inclusive
    until: dt.date | None = None
    max_nodes: int = MAX_NODES


@dataclass(frozen=True)
class Evidence:
    """One statement behind an edge (or not asserted, kept on its subject node)."""

    sentence: str
    doc: str  # document IRI, a key of View.docs; "" when unknown
    date: str  # ISO date, "" when undated
    qualifier: str  # e.g. "reported" or "negated, hypothetical"; "" when plainly asserted
    source: str  # "according to" label
    claim: str  # "Iran threatens Israel"


@dataclass(frozen=True)
class DocRecord:
    iri: str
    id: str
    title: str
    url: str
    date: str


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
    evidence: tuple[Evidence, ...]  # newest first


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


@dataclass(frozen=True)
class _Ontology:
    relations: dict[URIRef, str]  # relation property -> its rdfs:label
    names: dict[str, URIRef]  # local name and label, lower case -> relation
    symmetric: frozenset[URIRef]
    actor_classes: tuple[URIRef, ...]  # in priority order for a node typed twice
    labels: dict[URIRef, str]  # classes and polarity/modality values -> label
    undrawn: tuple[tuple[URIRef, URIRef], ...]  # (akg:polarity or akg:modality, a non-fact value)


@lru_cache(maxsize=1)
def _ontology() -> _Ontology:
    onto = load_ontology()
    info = relations().values()
    declared = {c for c in onto.subjects(RDFS.subClassOf, AKG.Actor) if isinstance(c, URIRef)}
    priority = (AKG.State, AKG.Person, AKG.Group, AKG.Organization, AKG.Delegation)
    ordered = [c for c in priority if c in declared]
    values = {
        AKG.polarity: sorted(onto.subjects(RDF.type, AKG.Polarity)),
        AKG.modality: sorted(onto.subjects(RDF.type, AKG.Modality)),
    }
    terms = (*declared, AKG.Place, *values[AKG.polarity], *values[AKG.modality])
    return _Ontology(
        relations={r.iri: r.label for r in info},
        names={n.lower(): r.iri for r in info for n in (r.name, r.label)},
        symmetric=frozenset(r.iri for r in info if r.symmetric),
        actor_classes=(*ordered, *sorted(declared - set(ordered))),
        labels={term: label_of(term) for term in terms},
        undrawn=tuple((p, v) for p, vs in values.items() for v in vs if v not in _DRAWN[p]),
    )


def _pick(values: Iterable[Node]) -> str | None:
    """One label, deterministically: English or untagged first, then the smallest string."""
    strings = [v for v in values if isinstance(v, Literal)]
    if not strings:
        return None
    return str(min(strings, key=lambda v: (v.language not in (None, "en"), str(v))))


def _local_name(term: Node) -> str:
    text = str(term)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _index(graph: Graph, prop: URIRef) -> dict[Node, list[Node]]:
    found: dict[Node, list[Node]] = defaultdict(list)
    for s, o in graph.subject_objects(prop):
        found[s].append(o)
    return found


def _date_text(value: Node | None) -> str:
    return str(value)[:10] if value is not None else ""


@dataclass(frozen=True)
class _Statement:
    iri: Node
    subject: Node
    relation: URIRef
    object: Node
    drawn: bool
    date: str


class _Reader:
    """The graph read once by predicate; details of a statement are looked up only when shown."""

    def __init__(self, graph: Graph, onto: _Ontology) -> None:
        self.graph, self.onto = graph, onto
        self.pref = _index(graph, SKOS.prefLabel)
        self.alt = _index(graph, SKOS.altLabel)
        self.kinds: dict[Node, URIRef] = {}
        for cls in onto.actor_classes:
            for node in graph.subjects(RDF.type, cls):
                if not isinstance(node, Literal):
                    self.kinds.setdefault(node, cls)
        self.places = set(graph.subjects(RDF.type, AKG.Place)) - set(self.kinds)
        self._labels: dict[Node, str] = {}

    def label(self, node: Node) -> str:
        if node not in self._labels:
            text = _pick(self.pref.get(node, ())) or _pick(self.graph.objects(node, RDFS.label))
            self._labels[node] = text or _local_name(node)
        return self._labels[node]

    def statements(self, dated: bool) -> list[_Statement]:
        """Every relation statement; dates are read here only when a date filter needs them."""
        g = self.graph
        subjects = dict(g.subject_objects(RDF.subject))
        predicates = dict(g.subject_objects(RDF.predicate))
        objects = dict(g.subject_objects(RDF.object))
        # Only the few statements that are not facts are looked up, by value.
        undrawn = {st for p, v in self.onto.undrawn for st in g.subjects(p, v)}
        dates = dict(g.subject_objects(DCTERMS.date)) if dated else {}
        derived = dict(g.subject_objects(PROV.wasDerivedFrom)) if dated else {}
        found = []
        for st, relation in predicates.items():  # order is irrelevant: evidence is sorted later
            if relation in self.onto.relations and st in subjects and st in objects:
                date = _date_text(dates.get(st) or dates.get(derived.get(st)))
                found.append(
                    _Statement(st, subjects[st], relation, objects[st], st not in undrawn, date)
                )
        return found

    def properties(self, node: Node) -> dict[Node, list[Node]]:
        """All (property, values) of a node in one index lookup instead of one per property."""
        found: dict[Node, list[Node]] = defaultdict(list)
        for prop, value in self.graph.predicate_objects(node):
            found[prop].append(value)
        return found

    def evidence(self, st: _Statement) -> Evidence:
        onto = self.onto
        props = self.properties(st.iri)
        doc = next(iter(props[PROV.wasDerivedFrom]), None)
        date = st.date or _date_text(next(iter(props[DCTERMS.date]), None))
        if not date and doc is not None:
            date = _date_text(self.graph.value(doc, DCTERMS.date))
        qualifier = [
            onto.labels.get(term, _local_name(term))
            for term in (*props[AKG.polarity], *props[AKG.modality])
            if term not in (AKG.Affirmed, AKG.Asserted)
        ]
        sources = props[AKG.accordingTo]
        relation = onto.relations[st.relation]
        return Evidence(
            sentence=" ".join((_pick(props[AKG.sentence]) or "").split()),
            doc=str(doc) if doc is not None else "",
            date=date,
            qualifier=", ".join(qualifier),
            source=self.label(sources[0]) if sources else "",
            claim=f"{self.label(st.subject)} {relation} {self.label(st.object)}",
        )

    def doc(self, iri: str) -> DocRecord:
        props = self.properties(URIRef(iri))
        return DocRecord(
            iri=iri,
            id=_pick(props[DCTERMS.identifier]) or "",
            title=_pick(props[DCTERMS.title]) or "",
            url=_pick(props[SCHEMA.url]) or "",
            date=_date_text(next(iter(props[DCTERMS.date]), None)),
        )

    def bloc(self, node: Node) -> int | None:
        value = self.graph.value(node, AKG.bloc)
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None


# ---------------------------------------------------------------------------------------------
# Resolving what the user typed


def _resolve_relations(names: Iterable[str] | None, onto: _Ontology) -> frozenset[URIRef] | None:
    if names is None:
        return None
    wanted, unknown = set(), []
    for name in names:
        key = " ".join(name.split()).lower()
        if key in onto.names:
            wanted.add(onto.names[key])
        elif key:
            unknown.append(name)
    if unknown or not wanted:
        valid = ", ".join(sorted({_local_name(r) for r in onto.relations}))
        shown = ", ".join(repr(n) for n in unknown) or "none given"
        raise QueryError(f"unknown relation {shown} (valid: {valid})")
    return frozenset(wanted)


def _resolve_focus(name: str, reader: _Reader) -> Node:
    key = " ".join(name.split()).casefold()
    names: dict[str, set[Node]] = defaultdict(set)
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
    if selection.since and selection.until and selection.since > selection.until:
        raise QueryError(f"since {selection.since} is after until {selection.until}")


# ---------------------------------------------------------------------------------------------
# Selecting


_EdgeKey = tuple[URIRef, Node, Node]  # (relation, from, to); a symmetric pair in IRI order


def _edge_key(rel: URIRef, s: Node, o: Node, onto: _Ontology) -> _EdgeKey:
    if rel in onto.symmetric and str(o) < str(s):
        s, o = o, s
    return rel, s, o


def _neighbourhood(start: Node, edges: Iterable[_EdgeKey], hops: int) -> set[Node]:
    """Nodes within `hops` edges of `start`, ignoring direction."""
    around: dict[Node, set[Node]] = defaultdict(set)
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


def _spiral(ranked: list[Node]) -> dict[Node, tuple[float, float]]:
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
    onto = _ontology()
    reader = _Reader(graph, onto)
    wanted = _resolve_relations(selection.relations, onto)
    focus = _resolve_focus(selection.focus, reader) if selection.focus is not None else None
    since = selection.since.isoformat() if selection.since else ""
    until = selection.until.isoformat() if selection.until else ""
    dated = bool(since or until)

    def in_range(date: str) -> bool:
        if not dated:
            return True
        return bool(date) and (not since or date >= since) and (not until or date <= until)

    def endpoints_ok(s: Node, o: Node) -> bool:
        return s in reader.kinds and (o in reader.kinds or o in reader.places)

    # Direct edges between drawable nodes; a symmetric pair counts once.
    support: dict[_EdgeKey, list[_Statement]] = {}
    for rel in onto.relations if wanted is None else sorted(wanted):
        for s, o in graph.subject_objects(rel):
            if endpoints_ok(s, o):
                support.setdefault(_edge_key(rel, s, o, onto), [])
    hidden: dict[Node, list[_Statement]] = defaultdict(list)
    for st in reader.statements(dated):
        if (wanted is not None and st.relation not in wanted) or not in_range(st.date):
            continue
        if not st.drawn:
            hidden[st.subject].append(st)
        elif (key := _edge_key(st.relation, st.subject, st.object, onto)) in support:
            support[key].append(st)
    if dated:  # an edge is drawn for the dates when a statement in range supports it
        support = {key: sts for key, sts in support.items() if sts}

    filtered = dated or wanted is not None
    nodes = {n for _rel, s, o in support for n in (s, o)}
    if not filtered:
        nodes |= set(reader.kinds)
    if focus is not None:
        nodes = _neighbourhood(focus, support, selection.hops)
    degree: Counter[Node] = Counter()
    for _rel, s, o in support:
        if s in nodes and o in nodes:
            degree[s] += 1
            degree[o] += 1
    ranked = sorted(nodes, key=lambda n: (n != focus, -degree[n], str(n)))
    candidates = len(ranked)
    ranked = ranked[: selection.max_nodes]
    kept = set(ranked)
    edges = {k: sts for k, sts in support.items() if k[1] in kept and k[2] in kept}
    degree = Counter(n for _rel, s, o in edges for n in (s, o))
    layout = len(ranked) > PHYSICS_LIMIT
    positions = _spiral(ranked) if layout else {}

    node_records = tuple(
        NodeRecord(
            iri=str(node),
            label=reader.label(node),
            kind=reader.kinds.get(node, AKG.Place),
            degree=degree[node],
            bloc=reader.bloc(node),
            aliases=tuple(sorted({str(a) for a in reader.alt.get(node, ())})),
            not_asserted=_sort_evidence(map(reader.evidence, hidden.get(node, ()))),
            position=positions.get(node),
        )
        for node in sorted(kept, key=str)
    )
    edge_records = tuple(
        EdgeRecord(rel, str(s), str(o), _sort_evidence(map(reader.evidence, edges[(rel, s, o)])))
        for rel, s, o in sorted(edges, key=lambda k: (str(k[1]), str(k[2]), str(k[0])))
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
    )


def _evidence_of(record: NodeRecord | EdgeRecord) -> tuple[Evidence, ...]:
    return record.evidence if isinstance(record, EdgeRecord) else record.not_asserted
