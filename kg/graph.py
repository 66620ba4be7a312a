"""Claims -> RDF: actors, documents, events and one reified rdf:Statement per relation mention.

A direct triple (`:iran akg:threatens :israel`) is asserted only when at least one affirmed,
non-hypothetical statement supports it; symmetric relations are asserted in both directions.
A statement about an event ('condemned the killing of X') has the event node as its object and
makes no direct edge: events are not actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .model import ACTOR_KINDS, Claim, Entity, Event, Extraction
from .schema import relations
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
    doc_iri,
    event_iri,
    slugify,
    source_iri,
    statement_iri,
)

__all__ = ["build_graph", "new_graph"]

_POLARITY = {"affirmed": AKG.Affirmed, "negated": AKG.Negated}
_MODALITY = {
    "asserted": AKG.Asserted,
    "reported": AKG.Reported,
    "hypothetical": AKG.Hypothetical,
    "planned": AKG.Planned,
}
_KIND_ORDER = (*ACTOR_KINDS, "Place", "Source")


def new_graph() -> Graph:
    """An empty graph with the project prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def _merge(entities: Iterable[Entity]) -> dict[str, Entity]:
    """One entity per key across documents: the longest label (a gazetteer actor has the same
    label in every document), the other labels as aliases, the most specific kind."""
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
        merged[entity.key] = Entity(
            entity.key, label, kind, aliases, old.wikidata or entity.wikidata
        )
    return merged


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = actor_iri(entity.key)
    graph.add((node, RDF.type, AKG[entity.kind]))
    graph.add((node, SKOS.prefLabel, Literal(entity.label)))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        graph.add((node, OWL.sameAs, URIRef(entity.wikidata)))


def _add_document(graph: Graph, extraction: Extraction) -> URIRef:
    article = extraction.article
    node = doc_iri(article.id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, DCTERMS.identifier, Literal(article.id)))
    if article.title:
        graph.add((node, DCTERMS.title, Literal(article.title)))
    if article.date:
        graph.add((node, DCTERMS.date, Literal(article.date, datatype=XSD.date)))
    if article.source:
        graph.add((node, DCTERMS.publisher, Literal(article.source)))
    if article.url:
        graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
    for entity in extraction.entities:
        graph.add((actor_iri(entity.key), AKG.mentionedIn, node))
    return node


def _add_event(graph: Graph, event: Event, document: URIRef) -> None:
    node = event_iri(event.key)
    graph.add((node, RDF.type, AKG.Event))
    graph.set((node, SKOS.prefLabel, Literal(event.label)))
    graph.set((node, AKG.eventType, Literal(event.type)))
    graph.add((node, AKG.mentionedIn, document))
    if event.victim:
        graph.add((node, AKG.victim, actor_iri(event.victim)))
    for perpetrator in event.perpetrators:
        graph.add((node, AKG.perpetrator, actor_iri(perpetrator)))
    if event.date:
        graph.set((node, DCTERMS.date, Literal(event.date, datatype=XSD.date)))


def _add_claim(graph: Graph, claim: Claim, document: URIRef) -> None:
    predicate = relations()[claim.relation].iri
    subject = actor_iri(claim.subject)
    obj = event_iri(claim.object) if claim.object_is_event else actor_iri(claim.object)
    node = statement_iri(
        claim.doc_id,
        claim.subject,
        claim.relation,
        claim.object,
        claim.start,
        claim.rule,
        claim.trigger,
    )
    graph.add((node, RDF.type, RDF.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, PROV.wasDerivedFrom, document))
    graph.add((node, AKG.sentence, Literal(claim.sentence)))
    graph.add((node, AKG.charStart, Literal(claim.start)))
    graph.add((node, AKG.charEnd, Literal(claim.end)))
    graph.add((node, AKG.trigger, Literal(claim.trigger)))
    graph.add((node, AKG.rule, Literal(claim.rule)))
    graph.add((node, AKG.confidence, Literal(Decimal(str(claim.confidence)))))
    graph.add((node, AKG.polarity, _POLARITY[claim.polarity]))
    graph.add((node, AKG.modality, _MODALITY[claim.modality]))
    if claim.date:
        graph.add((node, DCTERMS.date, Literal(claim.date, datatype=XSD.date)))
    if claim.title:
        graph.add((node, AKG.title, Literal(claim.title)))
    if claim.attribution:
        graph.add((node, AKG.accordingTo, source_iri(slugify(claim.attribution))))
    if claim.is_fact:
        graph.add((subject, predicate, obj))
        if relations()[claim.relation].symmetric:
            graph.add((obj, predicate, subject))


def build_graph(extractions: Iterable[Extraction], graph: Graph | None = None) -> Graph:
    """Add every extraction's documents, entities and statements to `graph` (a new one if None)."""
    graph = graph if graph is not None else new_graph()
    extractions = list(extractions)
    for entity in _merge(e for x in extractions for e in x.entities).values():
        _add_entity(graph, entity)
    # 'Axios' and 'AXIOS' are one source with one label: the first in sort order
    attributions = sorted(c.attribution for x in extractions for c in x.claims if c.attribution)
    sources: dict[str, str] = {}
    for attribution in attributions:
        sources.setdefault(slugify(attribution), attribution)
    for key, label in sources.items():
        graph.add((source_iri(key), RDF.type, AKG.Source))
        graph.add((source_iri(key), SKOS.prefLabel, Literal(label)))
    for extraction in extractions:
        document = _add_document(graph, extraction)
        for event in extraction.events:
            _add_event(graph, event, document)
        for claim in extraction.claims:
            _add_claim(graph, claim, document)
    return graph
