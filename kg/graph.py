"""Claims -> RDF: actors, documents, events and one reified rdf:Statement per relation mention.

A direct triple (`:iran akg:threatens :israel`) is asserted only when at least one affirmed,
non-hypothetical statement supports it; symmetric relations are asserted in both directions, and
each direct edge gets its qualified-relationship node (kg/support.py). Each statement carries that
decision (`akg:fact`, from `Claim.is_fact`), so the store, the view and the queries read one rule
instead of restating it.
A statement about an event ('condemned the killing of X') has the event node as its object and
makes no direct edge: events are not actors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .model import ACTOR_KINDS, Claim, Entity, Event, Extraction
from .schema import relations, sectors
from .support import claim_iri, derived_triples, supports_from_extractions
from .vocab import (
    AKG,
    DCTERMS,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    XSD,
    actor_iri,
    decision_iri,
    doc_iri,
    event_iri,
    slugify,
    source_iri,
)

__all__ = [
    "Triple",
    "build_graph",
    "document_triples",
    "entity_triples",
    "event_triples",
    "graph_of",
    "graph_triples",
    "label_key",
    "merge_entities",
    "merge_events",
    "new_graph",
    "source_labels",
    "source_triples",
]

Triple = tuple[URIRef, URIRef, Node]

_POLARITY = {"affirmed": AKG.Affirmed, "negated": AKG.Negated}
_MODALITY = {
    "asserted": AKG.Asserted,
    "reported": AKG.Reported,
    "hypothetical": AKG.Hypothetical,
    "planned": AKG.Planned,
}
_ROLE_STATUS = {"current": AKG.Current, "former": AKG.Former}
_KIND_ORDER = (*ACTOR_KINDS, "Place", "Source")

# A literal of a value many statements repeat (rules, triggers, offsets, dates, flags), built
# once: an rdflib Literal costs more to build than its triple does to add. `typed`, so True and 1
# stay two literals.
_literal = lru_cache(maxsize=1 << 14, typed=True)(Literal)


@lru_cache(maxsize=1 << 12)
def _date(day: dt.date) -> Literal:
    return Literal(day, datatype=XSD.date)


@lru_cache(maxsize=1 << 10)
def _decimal(text: str) -> Literal:
    return Literal(Decimal(text))


# The predicates of a statement node, in the order `_statement` gives their objects, and the
# optional ones: each namespace attribute builds a new URIRef, so they are looked up once.
_STATEMENT_PREDICATES = (
    RDF.type,
    RDF.subject,
    RDF.predicate,
    RDF.object,
    PROV.wasDerivedFrom,
    AKG.sentence,
    AKG.charStart,
    AKG.charEnd,
    AKG.trigger,
    AKG.rule,
    AKG.confidence,
    AKG.fact,
    AKG.polarity,
    AKG.modality,
)
_SECTORS = (AKG.subjectSector, AKG.objectSector)
_COREFERENCES = (AKG.subjectCoreference, AKG.objectCoreference)
_DECISIONS = (AKG.rejectedBy, AKG.acceptedBy)
_DATE, _TITLE, _DATE_TEXT = DCTERMS.date, AKG.title, AKG.dateText
_ROLE_STATUS_PREDICATE, _ACCORDING_TO = AKG.roleStatus, AKG.accordingTo


def new_graph() -> Graph:
    """An empty graph with the project prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def merge_entities(entities: Iterable[Entity]) -> dict[str, Entity]:
    """One entity per key across documents: the longest label (a gazetteer actor has the same
    label in every document), the other labels as aliases, the most specific kind, the first
    Wikidata IRI in sort order. The result does not depend on the order of the documents, so a
    store can recompute it from any subset of them."""
    merged: dict[str, Entity] = {}
    for entity in entities:
        old = merged.get(entity.key)
        if old is None:
            merged[entity.key] = entity
            continue
        label = max((old.label, entity.label), key=lambda text: (len(text), text))
        kind = min((old.kind, entity.kind), key=_KIND_ORDER.index)
        aliases = tuple(
            sorted((set(old.aliases) | set(entity.aliases) | {old.label, entity.label}) - {label})
        )
        wikidata = min(filter(None, (old.wikidata, entity.wikidata)), default=None)
        merged[entity.key] = Entity(entity.key, label, kind, aliases, wikidata)
    return merged


def label_key(label: str) -> str:
    """A label as a name lookup matches it: lower case, so a typed name in any case is an
    exact (indexed) match in a store instead of a filter over every label."""
    return label.lower()


def _key_triples(node: URIRef, labels: Iterable[str]) -> list[Triple]:
    return [(node, AKG.labelKey, Literal(key)) for key in sorted(set(map(label_key, labels)))]


def entity_triples(entity: Entity) -> list[Triple]:
    node = actor_iri(entity.key)
    triples: list[Triple] = [
        (node, RDF.type, AKG[entity.kind]),
        (node, SKOS.prefLabel, Literal(entity.label)),
    ]
    triples += [(node, SKOS.altLabel, Literal(alias)) for alias in entity.aliases]
    triples += _key_triples(node, (entity.label, *entity.aliases))
    if entity.wikidata:
        triples.append((node, OWL.sameAs, URIRef(entity.wikidata)))
    return triples


def source_labels(attributions: Iterable[str]) -> dict[str, str]:
    """Source key -> label: 'Axios' and 'AXIOS' are one source, labelled by the first in sort
    order."""
    sources: dict[str, str] = {}
    for attribution in sorted(attributions):
        sources.setdefault(slugify(attribution), attribution)
    return sources


def source_triples(key: str, label: str) -> list[Triple]:
    return [
        (source_iri(key), RDF.type, AKG.Source),
        (source_iri(key), SKOS.prefLabel, Literal(label)),
        *_key_triples(source_iri(key), (label,)),
    ]


def _document(extraction: Extraction) -> tuple[URIRef, list[Triple]]:
    article = extraction.article
    node = doc_iri(article.id)
    triples: list[Triple] = [
        (node, RDF.type, SCHEMA.NewsArticle),
        (node, DCTERMS.identifier, Literal(article.id)),
    ]
    if article.title:
        triples.append((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        triples.append((node, _DATE, _date(article.date)))
    if article.source:
        triples.append((node, DCTERMS.publisher, Literal(article.source)))
    if article.url:
        triples.append((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    triples += [(actor_iri(entity.key), AKG.mentionedIn, node) for entity in extraction.entities]
    return node, triples


def event_triples(event: Event, document: URIRef) -> list[Triple]:
    """An event node as one document reports it: type, label, victim, perpetrators, date."""
    node = event_iri(event.key)
    triples: list[Triple] = [
        (node, RDF.type, AKG.Event),
        (node, SKOS.prefLabel, Literal(event.label)),
        (node, AKG.eventType, Literal(event.type)),
        (node, AKG.mentionedIn, document),
    ]
    if event.victim:
        triples.append((node, AKG.victim, actor_iri(event.victim)))
    triples += [(node, AKG.perpetrator, actor_iri(p)) for p in event.perpetrators]
    if event.date:
        triples.append((node, _DATE, _date(event.date)))
    return triples


def merge_events(extractions: list[Extraction]) -> list[Extraction]:
    """Reports of one event (same key) share one label and type: the first in sort order, so the
    output does not depend on document order."""
    firsts: dict[str, Event] = {}
    for event in sorted(
        (e for x in extractions for e in x.events), key=lambda e: (e.label, e.type)
    ):
        firsts.setdefault(event.key, event)
    return [
        replace(
            x,
            events=tuple(
                replace(e, label=firsts[e.key].label, type=firsts[e.key].type) for e in x.events
            ),
        )
        for x in extractions
    ]


def _statement(
    claim: Claim, document: URIRef, predicates: dict[str, URIRef], codes: dict[str, URIRef]
) -> list[Triple]:
    obj = event_iri(claim.object) if claim.object_is_event else actor_iri(claim.object)
    node = claim_iri(claim)
    objects = (
        RDF.Statement,
        actor_iri(claim.subject),
        predicates[claim.relation],
        obj,
        document,
        Literal(claim.sentence),
        _literal(claim.start),
        _literal(claim.end),
        _literal(claim.trigger),
        _literal(claim.rule),
        _decimal(str(claim.confidence)),
        _literal(claim.is_fact),  # the one fact rule, read by every reader
        _POLARITY[claim.polarity],
        _MODALITY[claim.modality],
    )
    triples: list[Triple] = [
        (node, p, o) for p, o in zip(_STATEMENT_PREDICATES, objects, strict=True)
    ]
    if claim.date:
        triples.append((node, _DATE, _date(claim.date)))
    if claim.title:
        triples.append((node, _TITLE, _literal(claim.title)))
    if claim.date_text:
        triples.append((node, _DATE_TEXT, _literal(claim.date_text)))
    if claim.role_status:
        triples.append((node, _ROLE_STATUS_PREDICATE, _ROLE_STATUS[claim.role_status]))
    for prop, sector in zip(_SECTORS, (claim.subject_sector, claim.object_sector), strict=True):
        if sector:
            triples.append((node, prop, codes[sector]))
    for prop, rule in zip(_COREFERENCES, (claim.subject_coref, claim.object_coref), strict=True):
        if rule:
            triples.append((node, prop, _literal(rule)))
    if claim.attribution:
        triples.append((node, _ACCORDING_TO, source_iri(slugify(claim.attribution))))
    # an analyst's curation decision (kg/curation.py), which says who and when
    for prop, key in zip(_DECISIONS, (claim.rejected_by, claim.accepted_by), strict=True):
        if key:
            triples.append((node, prop, decision_iri(key)))
    return triples


def document_triples(extraction: Extraction) -> list[Triple]:
    """What one document alone contributes: its node, who it mentions, its statements."""
    document, triples = _document(extraction)
    for event in extraction.events:
        triples += event_triples(event, document)
    # looked up once per document, not per claim: each lookup reads the settings
    predicates = {name: relation.iri for name, relation in relations().items()}
    codes = sectors()
    for claim in extraction.claims:
        triples += _statement(claim, document, predicates, codes)
    return triples


def graph_triples(extractions: Iterable[Extraction]) -> Iterator[Triple]:
    """Every triple of the extractions' graph (repeats possible): streamed, so a store can load
    a large batch without building an in-memory graph first."""
    extractions = merge_events(list(extractions))
    for entity in merge_entities(e for x in extractions for e in x.entities).values():
        yield from entity_triples(entity)
    attributions = (c.attribution for x in extractions for c in x.claims if c.attribution)
    for key, label in source_labels(attributions).items():
        yield from source_triples(key, label)
    for extraction in extractions:
        yield from document_triples(extraction)
    yield from derived_triples(supports_from_extractions(extractions))


def graph_of(triples: Iterable[Triple], graph: Graph | None = None) -> Graph:
    """Add the triples to `graph` (a new one with the project prefixes if None)."""
    graph = graph if graph is not None else new_graph()
    graph.addN((*triple, graph) for triple in triples)
    return graph


def build_graph(extractions: Iterable[Extraction], graph: Graph | None = None) -> Graph:
    """Add every extraction's documents, entities and statements to `graph` (a new one if None)."""
    return graph_of(graph_triples(extractions), graph)
