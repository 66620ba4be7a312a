"""The graph as the network view needs it, read in bulk: one pass per predicate, and a statement's
details (sentence, document, attribution) looked up only for the statements that are drawn.

Nodes are keyed by their IRI as a plain `str`: rdflib terms hash and compare in Python, which made
dictionary work on a 10k-actor graph cost more than reading it.

`kg.view_data` selects from what this reads; `kg.view` renders the selection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.schema import label_of, load_ontology, relations
from kg.vocab import AKG, DCTERMS, PROV, RDF, RDFS, SCHEMA, SKOS, relationship_iri

__all__ = [
    "Corroboration",
    "DocRecord",
    "Evidence",
    "Ontology",
    "Reader",
    "Statement",
    "local_name",
    "ontology",
]


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
class Corroboration:
    """What a direct edge's relationship node (akg:Relationship) says about the reports behind
    it, as the graph records it: the view draws and names these, it does not recount them."""

    support: int  # akg:supportCount: fact statements
    documents: int  # akg:documentCount
    outlets: tuple[str, ...]  # akg:reportedBy, sorted
    first: str  # akg:firstReported, ISO date; "" when unknown
    last: str  # akg:lastReported


@dataclass(frozen=True)
class DocRecord:
    iri: str
    id: str
    title: str
    url: str
    date: str


@dataclass(frozen=True)
class Ontology:
    relations: dict[URIRef, str]  # relation property -> its rdfs:label
    symmetric: frozenset[URIRef]
    by_iri: dict[str, URIRef]  # relation IRI as text -> relation property
    symmetric_iris: frozenset[str]
    actor_classes: tuple[URIRef, ...]  # in priority order for a node typed twice
    labels: dict[URIRef, str]  # classes and polarity/modality values -> label


@lru_cache(maxsize=1)
def ontology() -> Ontology:
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
    return Ontology(
        relations={r.iri: r.label for r in info},
        symmetric=frozenset(r.iri for r in info if r.symmetric),
        by_iri={str(r.iri): r.iri for r in info},
        symmetric_iris=frozenset(str(r.iri) for r in info if r.symmetric),
        actor_classes=(*ordered, *sorted(declared - set(ordered))),
        labels={term: label_of(term) for term in terms},
    )


def _pick(values: Iterable[Node]) -> str | None:
    """One label, deterministically: English or untagged first, then the smallest string."""
    strings = [v for v in values if isinstance(v, Literal)]
    if not strings:
        return None
    return str(min(strings, key=lambda v: (v.language not in (None, "en"), str(v))))


def local_name(term: Node) -> str:
    text = str(term)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _index(graph: Graph, prop: URIRef) -> dict[str, list[Node]]:
    found: dict[str, list[Node]] = defaultdict(list)
    for s, o in graph.subject_objects(prop):
        found[str(s)].append(o)
    return found


def _date_text(value: Node | None) -> str:
    return str(value)[:10] if value is not None else ""


def _count(value: Node | None) -> int:
    """A count read from the graph; a malformed one (the graph is untrusted) counts 0."""
    try:
        return max(int(str(value)), 0) if value is not None else 0
    except ValueError:
        return 0


class Statement(NamedTuple):
    """One relation statement as the selection needs it. A named tuple, not a frozen dataclass:
    the view makes one per statement of the graph (30,000 for 10k actors), and it builds in half
    the time."""

    node: Node
    subject: str
    relation: str
    object: str
    drawn: bool


class Reader:
    """The graph read once by predicate; details of a statement are looked up only when shown."""

    def __init__(self, graph: Graph, onto: Ontology) -> None:
        self.graph, self.onto = graph, onto
        self.pref = _index(graph, SKOS.prefLabel)
        self.alt = _index(graph, SKOS.altLabel)
        self.kinds: dict[str, URIRef] = {}
        for cls in onto.actor_classes:
            for node in graph.subjects(RDF.type, cls):
                if not isinstance(node, Literal):
                    self.kinds.setdefault(str(node), cls)
        self.places = {str(n) for n in graph.subjects(RDF.type, AKG.Place)} - set(self.kinds)
        self._labels: dict[str, str] = {}

    def label(self, node: str) -> str:
        if node not in self._labels:
            text = _pick(self.pref.get(node, ()))
            text = text or _pick(self.graph.objects(URIRef(node), RDFS.label))
            self._labels[node] = text or local_name(node)
        return self._labels[node]

    def statements(self) -> list[Statement]:
        """Every relation statement (a time slice is cut before: kg.timeslice)."""
        g = self.graph
        subjects = {str(st): str(s) for st, s in g.subject_objects(RDF.subject)}
        objects = {str(st): str(o) for st, o in g.subject_objects(RDF.object)}
        # Only the few statements that are not facts (akg:fact false) are looked up, by value.
        undrawn = {str(st) for st in g.subjects(AKG.fact, Literal(False))}
        found = []
        for node, prop in g.subject_objects(RDF.predicate):  # order is irrelevant: sorted later
            key, relation = str(node), str(prop)
            if relation in self.onto.by_iri and key in subjects and key in objects:
                found.append(
                    Statement(node, subjects[key], relation, objects[key], key not in undrawn)
                )
        return found

    def properties(self, node: Node) -> dict[Node, list[Node]]:
        """All (property, values) of a node in one index lookup instead of one per property."""
        found: dict[Node, list[Node]] = defaultdict(list)
        for prop, value in self.graph.predicate_objects(node):
            found[prop].append(value)
        return found

    def evidence(self, st: Statement) -> Evidence:
        onto = self.onto
        props = self.properties(st.node)
        doc = next(iter(props[PROV.wasDerivedFrom]), None)
        date = _date_text(next(iter(props[DCTERMS.date]), None))
        if not date and doc is not None:
            date = _date_text(self.graph.value(doc, DCTERMS.date))
        qualifier = [
            onto.labels.get(term, local_name(term))
            for term in (*props[AKG.polarity], *props[AKG.modality])
            if term not in (AKG.Affirmed, AKG.Asserted)
        ]
        sources = props[AKG.accordingTo]
        relation = onto.relations[onto.by_iri[st.relation]]
        return Evidence(
            sentence=" ".join((_pick(props[AKG.sentence]) or "").split()),
            doc=str(doc) if doc is not None else "",
            date=date,
            qualifier=", ".join(qualifier),
            source=self.label(str(sources[0])) if sources else "",
            claim=f"{self.label(st.subject)} {relation} {self.label(st.object)}",
        )

    def corroboration(self, relation: str, subject: str, obj: str) -> Corroboration | None:
        """The relationship node of a direct edge, looked up by its IRI (only for drawn edges);
        None for a graph built without relationship nodes."""
        node = relationship_iri(URIRef(subject), URIRef(relation), URIRef(obj))
        value = self.graph.value  # by property: a node has one akg:supportedBy per statement
        support = value(node, AKG.supportCount)
        if support is None:
            return None
        return Corroboration(
            support=_count(support),
            documents=_count(value(node, AKG.documentCount)),
            outlets=tuple(sorted({str(o) for o in self.graph.objects(node, AKG.reportedBy)})),
            first=_date_text(value(node, AKG.firstReported)),
            last=_date_text(value(node, AKG.lastReported)),
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

    def bloc(self, node: str) -> int | None:
        value = self.graph.value(URIRef(node), AKG.bloc)
        try:
            return int(value) if value is not None else None
        except ValueError:
            return None
