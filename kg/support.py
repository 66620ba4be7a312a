"""Corroboration: the direct edges and their qualified-relationship nodes, derived from facts.

A direct edge (`:iran akg:threatens :israel`) stands for every fact statement behind it; its
`akg:Relationship` node (the PROV qualified pattern) counts them, names the outlets and the first
and last report dates, and links to each statement. Everything here is derived from `Support`
records, so a graph file, a store update and a time slice all compute it one way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .model import Claim, Extraction
from .schema import relations
from .table import Table, Triple, paused_gc
from .vocab import (
    AKG,
    DCTERMS,
    PROV,
    RDF,
    XSD,
    actor_iri,
    doc_iri,
    relationship_iri,
    statement_iri,
)

__all__ = [
    "EdgeKey",
    "Support",
    "claim_iri",
    "date_of",
    "derived_triples",
    "directions",
    "edge_key",
    "read_supports",
    "rederive",
    "rederived",
    "support_from_row",
    "supports_from_extractions",
    "table_supports",
]

EdgeKey = tuple[URIRef, URIRef, URIRef]

_TRUE = Literal(True)
# What a Support reads of its statement and document.
_SUPPORT_PREDICATES = (
    RDF.subject,
    RDF.predicate,
    RDF.object,
    PROV.wasDerivedFrom,
    DCTERMS.date,
    DCTERMS.publisher,
)


@dataclass(frozen=True)
class Support:
    """One fact statement as evidence for a direct edge: who, what, whom, where and when.

    `date` is the statement's date (the day the sentence names, else the article's), which
    time slices filter on; `published` is the document's date, which first/last reported use."""

    subject: URIRef
    relation: URIRef
    object: URIRef
    statement: URIRef
    document: URIRef
    date: dt.date | None = None
    published: dt.date | None = None
    outlet: str | None = None

    @property
    def reported(self) -> dt.date | None:
        return self.published or self.date


@cache
def _symmetric() -> frozenset[URIRef]:
    return frozenset(r.iri for r in relations().values() if r.symmetric)


def edge_key(subject: URIRef, relation: URIRef, obj: URIRef) -> EdgeKey:
    """The one key of a direct edge and its reverse when the relation is symmetric."""
    if relation in _symmetric() and str(obj) < str(subject):
        return obj, relation, subject
    return subject, relation, obj


def claim_iri(claim: Claim) -> URIRef:
    """The statement IRI of a claim: the same mention in the same document gets the same IRI."""
    return statement_iri(
        claim.doc_id,
        claim.subject,
        claim.relation,
        claim.object,
        claim.start,
        claim.rule,
        claim.trigger,
    )


def directions(key: EdgeKey) -> list[EdgeKey]:
    """The direct edges one key stands for: both ways for a symmetric relation."""
    subject, relation, obj = key
    if relation in _symmetric() and subject != obj:
        return [key, (obj, relation, subject)]
    return [key]


def supports_from_extractions(extractions: Iterable[Extraction]) -> Iterator[Support]:
    """The fact claims of the extractions as Support records (the same IRIs kg.graph writes)."""
    predicates = {name: relation.iri for name, relation in relations().items()}
    for extraction in extractions:
        article = extraction.article
        document = doc_iri(article.id)
        for claim in extraction.claims:
            if not claim.is_fact:
                continue
            yield Support(
                actor_iri(claim.subject),
                predicates[claim.relation],
                actor_iri(claim.object),
                claim_iri(claim),
                document,
                claim.date,
                article.date,
                article.source,
            )


def date_of(node: Node | None) -> dt.date | None:
    """The day of a date (or date-time) literal; None for anything else."""
    value = node.toPython() if isinstance(node, Literal) else None
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def support_from_row(row: tuple[Node | None, ...]) -> Support:
    """A Support from a result row of (s, p, o, statement, document, date, published, outlet)."""
    s, p, o, st, doc, date, published, outlet = row
    return Support(s, p, o, st, doc, date_of(date), date_of(published), outlet and str(outlet))


@paused_gc()
def read_supports(graph: Graph) -> list[Support]:
    """Every fact statement of a graph as a Support (no SPARQL)."""
    return table_supports(Table.read(graph))


def table_supports(table: Table, without: Collection[Node] = frozenset()) -> list[Support]:
    """Every fact statement of a read graph but those `without` as a Support: dict look-ups, no
    rdflib call."""
    subjects, relations_, objects, derived, dates, outlets = map(table.values, _SUPPORT_PREDICATES)
    supports = []
    for statement in table.subjects(AKG.fact, _TRUE):
        if statement in without:
            continue
        document = derived.get(statement)
        supports.append(
            support_from_row(
                (
                    subjects.get(statement),
                    relations_.get(statement),
                    objects.get(statement),
                    statement,
                    document,
                    dates.get(statement),
                    dates.get(document),
                    outlets.get(document),
                )
            )
        )
    return supports


@cache
def _literal(value: int | str | dt.date) -> Literal:
    """One Literal per count, outlet or date (xsd:date): building a Literal is most of the cost
    of deriving a relationship node, and a graph has few distinct values."""
    return Literal(value, datatype=XSD.date if isinstance(value, dt.date) else None)


def _relationship(edge: EdgeKey, supports: list[Support]) -> list[Triple]:
    subject, relation, obj = edge
    node = relationship_iri(*edge)
    triples: list[Triple] = [
        (subject, relation, obj),
        (subject, AKG.qualifiedRelationship, node),
        (node, RDF.type, AKG.Relationship),
        (node, AKG.subjectActor, subject),
        (node, AKG.relation, relation),
        (node, AKG.objectActor, obj),
        (node, AKG.supportCount, _literal(len({s.statement for s in supports}))),
        (node, AKG.documentCount, _literal(len({s.document for s in supports}))),
    ]
    triples += [(node, AKG.supportedBy, s.statement) for s in supports]
    triples += [(node, AKG.reportedBy, _literal(s.outlet)) for s in supports if s.outlet]
    dates = [s.reported for s in supports if s.reported]
    if dates:
        triples.append((node, AKG.firstReported, _literal(min(dates))))
        triples.append((node, AKG.lastReported, _literal(max(dates))))
    return triples


def derived_triples(supports: Iterable[Support]) -> set[Triple]:
    """The direct edges the supports make (symmetric relations both ways), each with its
    qualified-relationship node counting every support of either direction."""
    grouped: dict[EdgeKey, list[Support]] = defaultdict(list)
    for support in supports:
        grouped[edge_key(support.subject, support.relation, support.object)].append(support)
    return {
        t
        for key, group in grouped.items()
        for e in directions(key)
        for t in _relationship(e, group)
    }


@paused_gc()
def rederive(
    graph: Graph, supports: Iterable[Support], without: Collection[Node] = frozenset()
) -> Graph:
    """A copy of the graph whose direct edges and relationship nodes are those the supports make:
    how a time slice or a roll-up changes which facts count, without restating the edge rule.
    Triples about the nodes `without` (as subject or object) are left out of the copy."""
    table = Table.read(graph)
    return table.to_graph(rederived(table, supports, without))


def rederived(
    table: Table, supports: Iterable[Support], without: Collection[Node] = frozenset()
) -> list[Triple]:
    """The triples of `rederive`, from a read graph: one filter over plain tuples."""
    dropped = {r.iri for r in relations().values()} | {AKG.qualifiedRelationship}
    without = set(without)
    skipped = set(table.subjects(RDF.type, AKG.Relationship)) | without
    kept = [
        (s, p, o)
        for p, pairs in table.by_predicate.items()
        if p not in dropped
        for s, o in pairs
        if s not in skipped and o not in without
    ]
    return kept + list(derived_triples(supports))
