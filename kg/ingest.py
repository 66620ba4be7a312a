"""Incremental, idempotent store updates: add, replace or remove one document in one transaction.

A store's data (its `data_graph`) holds each document's own triples (its node, the actors it
mentions, its statements) plus a derived layer: merged actor labels, source labels, and direct
edges with their qualified-relationship nodes (kg/support.py). A change to
one document recomputes the derived layer only for the actors, sources and edges it touches, from
the per-document record graphs (see kg/store.py), so the data always equals what
`kg.graph.build_graph` makes for the stored documents. Every change is one SPARQL update, which
the store applies atomically: a crash leaves the store as it was before that document.

A store directory with no documents yet is filled in one bulk load instead (`add_all`): the same
quads, computed for all documents at once (`batch_quads`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from .errors import StoreError
from .graph import (
    document_triples,
    entity_triples,
    event_triples,
    graph_triples,
    merge_entities,
    source_triples,
)
from .model import Entity, Extraction
from .records import decode, encode
from .store import LocalStore, Quad, Store, update_text
from .support import (
    EdgeKey,
    Support,
    derived_triples,
    directions,
    edge_key,
    support_from_row,
    supports_from_extractions,
)
from .vocab import (
    AKG,
    DCTERMS,
    ID,
    OWL,
    RDF,
    SKOS,
    XSD,
    doc_iri,
    event_iri,
    record_graph,
    relationship_iri,
    slugify,
    source_iri,
)

__all__ = [
    "Change",
    "add_all",
    "add_extraction",
    "batch_quads",
    "find_documents",
    "has_documents",
    "remove_document",
    "remove_documents",
]

Triple = tuple[Node, Node, Node]
Pairs = list[tuple[Node, Node]]
_SOURCE = source_iri("")
_EVENT = event_iri("")
# the derived layer of an actor or source (merged labels) and of an event (merged reports)
_LABELS = (RDF.type, SKOS.prefLabel, SKOS.altLabel, AKG.labelKey, OWL.sameAs)
_EVENT_CORE = (RDF.type, SKOS.prefLabel, AKG.eventType, AKG.victim, AKG.perpetrator, DCTERMS.date)
_FACT = Literal(True)  # akg:fact: Claim.is_fact, written on each statement by kg.graph

# Internal queries over data + ontology (`dataset=False`): they ask about instances, which the
# ontology never describes, so they see the data alone; the rest is bound.
_DOCUMENT = "SELECT ?p ?o WHERE { ?doc ?p ?o }"
_STATEMENTS = "SELECT ?st ?p ?o WHERE { ?st prov:wasDerivedFrom ?doc ; ?p ?o }"
_MENTIONS = "SELECT ?a WHERE { ?a akg:mentionedIn ?doc }"
_OWN = "SELECT ?p ?o WHERE { ?node ?p ?o }"
# the facts of other documents behind one direct edge, as Support rows (kg/support.py)
_SUPPORTS = """SELECT ?st ?doc ?date ?published ?outlet WHERE {
    ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; akg:fact true ;
        prov:wasDerivedFrom ?doc .
    OPTIONAL { ?st dcterms:date ?date }
    OPTIONAL { ?doc dcterms:date ?published }
    OPTIONAL { ?doc dcterms:publisher ?outlet }
    FILTER (?doc != ?self)
}"""
_HAS = "ASK WHERE { ?s ?p ?o }"
_FIND = """SELECT DISTINCT ?doc WHERE {
    { ?doc dcterms:identifier ?ref } UNION { ?doc schema:url ?url }
}"""
_DOCUMENTS = "ASK { ?doc a schema:NewsArticle }"
# ... and over the record graphs (`dataset=True`; kg/records.py)
_RECORDS = "SELECT ?node ?record WHERE { GRAPH ?g { ?node akg:record ?record } }"
_OTHER_RECORDS = """SELECT ?g ?record WHERE {
    GRAPH ?g { ?node akg:record ?record } FILTER (?g != ?self)
}"""


def _data(store: Store, query: str, bindings: dict[str, Node]) -> list[tuple[Node | None, ...]]:
    """Rows of an internal query over the data (see above)."""
    return store.select(query, bindings, dataset=False)


@dataclass(frozen=True)
class Change:
    """What one store update did to one document: added, replaced, unchanged or removed."""

    document: str
    action: str


def _is_event(node: Node) -> bool:
    return str(node).startswith(_EVENT)


def _own(extraction: Extraction) -> set[Triple]:
    """A document's own triples in DATA: all it contributes except the core of the events it
    reports, which several documents may share and so belongs to the derived layer."""
    return {
        (s, p, o)
        for s, p, o in document_triples(extraction)
        if not (_is_event(s) and p != AKG.mentionedIn)
    }


def _records(extraction: Extraction) -> set[Triple]:
    """The entities, sources and events as this document alone names them (before merging),
    without the label keys: `_derived` recomputes those from the labels. Stored encoded
    (kg/records.py), one record triple per node."""
    triples = {t for entity in extraction.entities for t in entity_triples(entity)}
    document = doc_iri(extraction.article.id)
    for event in extraction.events:
        triples.update(t for t in event_triples(event, document) if t[1] != AKG.mentionedIn)
    for claim in extraction.claims:
        if claim.attribution:
            triples.update(source_triples(slugify(claim.attribution), claim.attribution))
    return {t for t in triples if t[1] != AKG.labelKey}


def _state(store: Store, document: URIRef) -> tuple[set[Triple], set[Triple]]:
    """A stored document's own triples in the data and the record triples of its record graph
    (both empty if absent)."""
    bound = {"doc": document}
    own = {(document, p, o) for p, o in _data(store, _DOCUMENT, bound)}
    own |= {(st, p, o) for st, p, o in _data(store, _STATEMENTS, bound)}
    own |= {(a, AKG.mentionedIn, document) for (a,) in _data(store, _MENTIONS, bound)}
    rows = store.select(_RECORDS, {"g": record_graph(document)})
    return own, {(node, AKG.record, record) for node, record in rows}


def _edge_keys(own: Iterable[Triple]) -> set[EdgeKey]:
    """The direct edges a document's stored fact statements support."""
    statements: dict[Node, dict[Node, Node]] = {}
    for s, p, o in own:
        statements.setdefault(s, {})[p] = o
    return {
        edge_key(fields[RDF.subject], fields[RDF.predicate], fields[RDF.object])
        for fields in statements.values()
        if fields.get(RDF.type) == RDF.Statement and fields.get(AKG.fact) == _FACT
    }


def _entity(node: URIRef, pairs: Iterable[tuple[Node, Node]]) -> Entity | None:
    """One entity from label triples (records or the merged layer); None if there are none.
    Labels and kinds are merged once each, not once per record naming them: an actor most
    documents name would otherwise cost records squared."""
    labels, aliases, kinds, same = set(), set(), set(), []
    for p, o in pairs:
        if p == SKOS.prefLabel:
            labels.add(str(o))
        elif p == SKOS.altLabel:
            aliases.add(str(o))
        elif p == RDF.type and str(o).startswith(str(AKG)):
            kinds.add(str(o).removeprefix(str(AKG)))
        elif p == OWL.sameAs:
            same.append(str(o))
    if not labels or not kinds:
        return None
    merged = merge_entities(
        Entity(
            node.removeprefix(str(ID)), label, kind, tuple(sorted(aliases)), min(same, default=None)
        )
        for label in labels
        for kind in kinds
    )
    return next(iter(merged.values()))


def _event(node: URIRef, reports: list[Pairs]) -> set[Triple]:
    """The merged core of an event, as kg.graph.merge_events makes it: the first label and type
    in sort order over the reports, the victims, perpetrators and dates of all of them."""
    firsts = [
        (str(label), str(kind))
        for pairs in reports
        for label in [o for p, o in pairs if p == SKOS.prefLabel]
        for kind in [o for p, o in pairs if p == AKG.eventType]
    ]
    if not firsts:
        return set()
    label, kind = min(firsts)
    triples = {
        (node, RDF.type, AKG.Event),
        (node, SKOS.prefLabel, Literal(label)),
        (node, AKG.eventType, Literal(kind)),
    }
    others = (AKG.victim, AKG.perpetrator, DCTERMS.date)
    return triples | {(node, p, o) for pairs in reports for p, o in pairs if p in others}


def _derived(node: URIRef, reports: list[Pairs]) -> set[Triple]:
    """The merged triples of an actor, source or event, given every record still about it
    (one list of (predicate, object) per document)."""
    if _is_event(node):
        return _event(node, reports)
    pairs = [pair for pairs in reports for pair in pairs]
    if node.startswith(_SOURCE):
        labels = [str(o) for p, o in pairs if p == SKOS.prefLabel]
        return set(source_triples(node.removeprefix(_SOURCE), min(labels))) if labels else set()
    entity = _entity(node, pairs)
    return set(entity_triples(entity)) if entity else set()


def _relabel(
    store: Store, document: URIRef, old: dict[Node, Pairs], new: dict[Node, Pairs]
) -> tuple[set[Triple], set[Triple]]:
    """(delete, insert) for the merged labels of every actor/source and the merged core of every
    event the change touches, given this document's records before and after (node -> pairs).

    A node this document named before is recomputed from every other record; a node it names
    for the first time is merged into the current layer (cheap: no scan of other documents)."""
    delete, insert = set(), set()
    for node in old.keys() | new.keys():
        layer = _EVENT_CORE if _is_event(node) else _LABELS
        current = [(p, o) for p, o in _data(store, _OWN, {"node": node}) if p in layer]
        if node in old:
            bound = {"node": node, "self": record_graph(document)}
            reports = list(decode(store.select(_OTHER_RECORDS, bound)).values())
        else:
            reports = [current] if current else []
        reports.append(new.get(node, []))
        target = _derived(node, reports)
        present = {(node, p, o) for p, o in current}
        delete |= present - target
        insert |= target - present
    return delete, insert


def _present(store: Store, edge: EdgeKey) -> set[Triple]:
    """The derived triples of one direct edge as the store holds them now."""
    node = relationship_iri(*edge)
    found = {(node, p, o) for p, o in _data(store, _OWN, {"node": node})}
    for s, p, o in (edge, (edge[0], AKG.qualifiedRelationship, node)):
        if store.query(_HAS, {"s": s, "p": p, "o": o}):
            found.add((s, p, o))
    return found


def _rederive(
    store: Store, document: URIRef, keys: set[EdgeKey], supports: list[Support]
) -> tuple[set[Triple], set[Triple]]:
    """(delete, insert) for the direct edges and relationship nodes the change touches: each is
    recomputed from the other documents' facts plus this document's new ones."""
    delete, insert = set(), set()
    for key in keys:
        group = [s for s in supports if edge_key(s.subject, s.relation, s.object) == key]
        present: set[Triple] = set()
        for edge in directions(key):
            s, p, o = edge
            bound = {"s": s, "p": p, "o": o, "self": document}
            rows = _data(store, _SUPPORTS, bound)
            group += [support_from_row((*edge, *row)) for row in rows]
            present |= _present(store, edge)
        target = derived_triples(group)
        delete |= present - target
        insert |= target - present
    return delete, insert


def _apply(store: Store, document: URIRef, extraction: Extraction | None) -> str:
    """Replace a document's triples by the extraction's (None removes it) in one update; says
    what happened: added, replaced, removed or unchanged."""
    old_own, old_records = _state(store, document)
    new_own = _own(extraction) if extraction else set()
    new_records = encode(_records(extraction)) if extraction else set()
    if old_own == new_own and old_records == new_records:
        return "unchanged"
    old_pairs, new_pairs = (decode((s, o) for s, _, o in r) for r in (old_records, new_records))
    label_delete, label_insert = _relabel(store, document, old_pairs, new_pairs)
    supports = list(supports_from_extractions([extraction])) if extraction else []
    keys = _edge_keys(old_own) | {edge_key(s.subject, s.relation, s.object) for s in supports}
    edge_delete, edge_insert = _rederive(store, document, keys, supports)
    records, data = record_graph(document), store.data_graph
    delete = [
        *((*t, data) for t in (old_own - new_own) | label_delete | edge_delete),
        *((*t, records) for t in old_records - new_records),
    ]
    insert = [
        *((*t, data) for t in (new_own - old_own) | label_insert | edge_insert),
        *((*t, records) for t in new_records - old_records),
    ]
    store.update(update_text(delete, insert))
    if extraction is None:
        return "removed"
    return "replaced" if old_own else "added"


def add_extraction(store: Store, extraction: Extraction) -> Change:
    """Add a document, or replace the stored one with the same id; re-adding changes nothing."""
    article_id = extraction.article.id
    return Change(article_id, _apply(store, doc_iri(article_id), extraction))


def find_documents(store: Store, reference: str) -> list[URIRef]:
    """Stored documents whose id or URL is `reference`."""
    bound = {
        "ref": Literal(reference),
        "url": Literal(reference, datatype=XSD.anyURI),
    }
    return [doc for (doc,) in _data(store, _FIND, bound)]


def remove_document(store: Store, reference: str) -> Change:
    """Take a document out: its statements go, and the edges and labels only it supported."""
    documents = find_documents(store, reference)
    if not documents:
        raise StoreError(f"{store.name}: no document with id or URL '{reference}'")
    for document in documents:
        _apply(store, document, None)
    return Change(reference, "removed")


def has_documents(store: Store) -> bool:
    return bool(store.query(_DOCUMENTS))


def batch_quads(extractions: Iterable[Extraction], data: URIRef) -> Iterator[Quad]:
    """The quads documents add to a store that holds none, the data in graph `data`: what
    adding them one by one leaves (of several with one id, the last), computed at once."""
    latest = list({doc_iri(x.article.id): x for x in extractions}.values())
    yield from ((*t, data) for t in graph_triples(latest))
    for extraction in latest:
        graph = record_graph(doc_iri(extraction.article.id))
        yield from ((*t, graph) for t in encode(_records(extraction)))


def _load_all(store: LocalStore, extractions: Iterable[Extraction]) -> list[Change]:
    """Every extraction, then one bulk load of them all; the changes adding them one by one
    would report."""
    kept: dict[str, Extraction] = {}
    changes = []
    for extraction in extractions:
        article_id = extraction.article.id
        before = kept.get(article_id)
        if before is None:
            action = "added"
        elif _own(before) == _own(extraction) and _records(before) == _records(extraction):
            action = "unchanged"
        else:
            action = "replaced"
        kept[article_id] = extraction
        changes.append(Change(article_id, action))
    store.load(batch_quads(kept.values(), store.data_graph))
    return changes


def add_all(
    store: Store,
    extractions: Iterable[Extraction],
    on_change: Callable[[Change], None] | None = None,
) -> list[Change]:
    """Add each extraction as it comes, one transaction each; `on_change` hears of each.

    A store directory holding no documents yet gets them in one bulk load once the last is
    extracted instead (tens of times faster; the result is the same); `on_change` hears of
    each after the load."""
    if isinstance(store, LocalStore) and not has_documents(store):
        changes = _load_all(store, extractions)
        for change in changes if on_change is not None else ():
            on_change(change)
        return changes
    changes = []
    for extraction in extractions:
        changes.append(add_extraction(store, extraction))
        if on_change is not None:
            on_change(changes[-1])
    return changes


def remove_documents(
    store: str | Path, references: Iterable[str], update_url: str | None = None
) -> list[Change]:
    """Remove documents by id or URL from a store, each in its own transaction; every reference
    is checked first, so an unknown one removes nothing."""
    from .store import open_store

    opened = open_store(store, update_url, writable=True)
    try:
        references = list(references)
        missing = [ref for ref in references if not find_documents(opened, ref)]
        if missing:
            raise StoreError(f"{opened.name}: no document with id or URL {', '.join(missing)}")
        return [remove_document(opened, ref) for ref in references]
    finally:
        opened.close()
