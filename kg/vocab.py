"""The namespaces kg writes: the project ontology, instance IRIs and the standard vocabularies.

No other module writes an IRI string; a test checks every `AKG` term is declared in
`ontology/akg.ttl`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "AKG",
    "ANALYST",
    "CURATION_GRAPH",
    "DATA_GRAPH",
    "DCTERMS",
    "DECISION",
    "DOC",
    "EVENT",
    "GRAPH",
    "ID",
    "ONTOLOGY_GRAPH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "RELATIONSHIP",
    "SCHEMA",
    "SKOS",
    "SOURCE",
    "STMT",
    "STORE_GRAPH",
    "STORE_LAYOUT",
    "WD",
    "XSD",
    "actor_iri",
    "analyst_iri",
    "content_key",
    "decision_iri",
    "doc_iri",
    "event_iri",
    "record_graph",
    "relationship_iri",
    "slugify",
    "source_iri",
    "statement_iri",
]

ID = Namespace("https://w3id.org/akg/id/")
DOC = Namespace(ID["doc/"])
STMT = Namespace(ID["stmt/"])
EVENT = Namespace(ID["event/"])
SOURCE = Namespace(ID["source/"])
RELATIONSHIP = Namespace(ID["rel/"])
# Curation (kg/curation.py): an analyst's decisions and the analysts who made them.
DECISION = Namespace(ID["decision/"])
ANALYST = Namespace(ID["analyst/"])
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = SDO
# Named graphs of a store (kg/store.py): the exported graph (an endpoint's; a store directory
# keeps it in its default graph), the ontology, per-document records, the layout marker.
GRAPH = Namespace("https://w3id.org/akg/graph/")
DATA_GRAPH = GRAPH["data"]
ONTOLOGY_GRAPH = GRAPH["ontology"]
CURATION_GRAPH = GRAPH["curation"]  # the curation a store was built with (kg/curate.py)
STORE_GRAPH = GRAPH["store"]  # what kind of store this is: its layout
STORE_LAYOUT = GRAPH["layout/3"]  # this kg's layout; a store marked otherwise must be rebuilt


class AKG(DefinedNamespace):
    """Terms of `ontology/akg.ttl`; `_fail = True` makes a typo an error instead of a new IRI."""

    _NS = Namespace("https://w3id.org/akg/ontology#")
    _fail = True

    # classes
    Actor: URIRef
    State: URIRef
    Person: URIRef
    Group: URIRef
    Organization: URIRef
    Delegation: URIRef
    Place: URIRef
    Source: URIRef
    Event: URIRef
    Polarity: URIRef
    Modality: URIRef
    Relation: URIRef
    RoleStatus: URIRef
    Sector: URIRef
    EventRelation: URIRef
    StructuralRelation: URIRef
    # polarity and modality values
    Affirmed: URIRef
    Negated: URIRef
    Asserted: URIRef
    Reported: URIRef
    Hypothetical: URIRef
    Planned: URIRef
    # role status and sector values
    Current: URIRef
    Former: URIRef
    GovernmentSector: URIRef
    MilitarySector: URIRef
    DiplomaticSector: URIRef
    IntelligenceSector: URIRef
    SecuritySector: URIRef
    CivilianSector: URIRef
    # relations
    alliedWith: URIRef
    metWith: URIRef
    spokeWith: URIRef
    threatens: URIRef
    condemned: URIRef
    supports: URIRef
    attacked: URIRef
    visited: URIRef
    mediatesBetween: URIRef
    accused: URIRef
    demanded: URIRef
    rejected: URIRef
    sanctioned: URIRef
    aided: URIRef
    cooperatesWith: URIRef
    agreedWith: URIRef
    protestedAgainst: URIRef
    mobilizedAgainst: URIRef
    coerced: URIRef
    concededTo: URIRef
    investigated: URIRef
    withdrewFrom: URIRef
    released: URIRef
    admitted: URIRef
    leaderOf: URIRef
    memberOf: URIRef
    delegationOf: URIRef
    partOf: URIRef
    locatedIn: URIRef
    # annotation and data properties
    relationKind: URIRef
    cameo: URIRef
    plover: URIRef
    sign: URIRef
    eventType: URIRef
    victim: URIRef
    perpetrator: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    trigger: URIRef
    rule: URIRef
    confidence: URIRef
    fact: URIRef
    polarity: URIRef
    modality: URIRef
    accordingTo: URIRef
    title: URIRef
    dateText: URIRef
    roleStatus: URIRef
    subjectSector: URIRef
    objectSector: URIRef
    subjectCoreference: URIRef
    objectCoreference: URIRef
    demonym: URIRef
    capital: URIRef
    seatOf: URIRef
    iso3: URIRef
    country: URIRef
    heldTitle: URIRef
    mentionedIn: URIRef
    labelKey: URIRef
    record: URIRef  # a store's record graphs (kg/records.py)
    # corroboration (kg/support.py)
    Relationship: URIRef
    qualifiedRelationship: URIRef
    subjectActor: URIRef
    relation: URIRef
    objectActor: URIRef
    supportCount: URIRef
    documentCount: URIRef
    reportedBy: URIRef
    firstReported: URIRef
    lastReported: URIRef
    supportedBy: URIRef
    # analysis annotations (kg analyze --annotate)
    degree: URIRef
    betweenness: URIRef
    pageRank: URIRef
    community: URIRef
    bloc: URIRef
    # curation (kg/curation.py): an analyst's decisions, applied on every build
    CurationDecision: URIRef
    MergeDecision: URIRef
    AliasDecision: URIRef
    RetypeDecision: URIRef
    RejectDecision: URIRef
    AcceptDecision: URIRef
    curatedActor: URIRef
    mergedInto: URIRef
    aliasLabel: URIRef
    actorLabel: URIRef
    retypedTo: URIRef
    curatedSubject: URIRef
    curatedRelation: URIRef
    curatedObject: URIRef
    curatedDocument: URIRef
    rejectedBy: URIRef
    acceptedBy: URIRef


PREFIXES: dict[str, Namespace] = {
    "akg": Namespace(str(AKG)),
    "id": ID,
    # Turtle cannot shorten id:doc/x: documents, statements, events and sources get their own.
    "doc": DOC,
    "stmt": STMT,
    "event": EVENT,
    "source": SOURCE,
    "rel": RELATIONSHIP,
    "decision": DECISION,
    "analyst": ANALYST,
    "wd": WD,
    "schema": SCHEMA,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
}


def slugify(text: str) -> str:
    """Stable, readable IRI segment: ASCII-folded, lower case ('Tel Aviv' -> 'tel-aviv')."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def actor_iri(key: str) -> URIRef:
    """IRI of an actor or place; `key` is already a slug."""
    return ID[key]


def source_iri(key: str) -> URIRef:
    return SOURCE[key]


def event_iri(key: str) -> URIRef:
    return EVENT[key]


def doc_iri(doc_id: str) -> URIRef:
    return DOC[slugify(doc_id)]


def content_key(*parts: object) -> str:
    """A short digest of the parts: the same content always gets the same key."""
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:20]


def statement_iri(*parts: object) -> URIRef:
    """Content-addressed statement IRI: the same mention in the same document gets the same IRI."""
    return STMT[content_key(*parts)]


def decision_iri(key: str) -> URIRef:
    """IRI of a curation decision; `key` is the content key kg.curation gives it."""
    return DECISION[key]


def analyst_iri(name: str) -> URIRef:
    """IRI of the analyst who made a curation decision (prov:Agent)."""
    return ANALYST[slugify(name)]


def relationship_iri(subject: URIRef, relation: URIRef, obj: URIRef) -> URIRef:
    """The qualified-relationship node of one direct edge: readable, and the same IRI whichever
    documents support it ('rel/iran.threatens.israel')."""
    parts = (
        str(subject).removeprefix(ID),
        str(relation).removeprefix(str(AKG)),
        str(obj).removeprefix(ID),
    )
    return RELATIONSHIP[".".join(parts)]


def record_graph(document: URIRef) -> URIRef:
    """Named graph holding the entities, sources and events as one document names them
    (kg/store.py, kg/records.py)."""
    return GRAPH["record/" + document.removeprefix(DOC)]
