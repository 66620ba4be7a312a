"""An analyst's corrections as data: merge, alias, retype, reject and accept decisions, kept in a
Turtle curation file and applied to the extracted records on every build, so they survive rebuilds.

Decisions name actors by key (their IRI's slug), relations by local name and documents by slug;
kg/curate.py turns the names a user types into these. Each decision records who made it and when;
of two decisions about the same thing, the later one counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple, dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .errors import CurationError, GraphError
from .graph import new_graph
from .model import ACTOR_KINDS
from .schema import relations
from .vocab import (
    AKG,
    DCTERMS,
    DOC,
    ID,
    PROV,
    RDF,
    RDFS,
    XSD,
    actor_iri,
    analyst_iri,
    content_key,
    decision_iri,
)

__all__ = [
    "CLASSES",
    "SLOTS",
    "VERBS",
    "Accept",
    "Alias",
    "Change",
    "Curation",
    "Decision",
    "Merge",
    "Reject",
    "Retype",
    "Slot",
    "Verdict",
    "curation_from_graph",
    "curation_triples",
    "decision_triples",
    "read_curation",
    "write_decision",
]

Triple = tuple[Node, Node, Node]
# The classes a retype may give: the actor kinds, and Place for a town taken for a state.
CLASSES = (*ACTOR_KINDS, "Place")


@dataclass(frozen=True)
class Merge:
    """`merged` is the same actor as `kept`: its records take `kept`'s key and `label` (the kept
    actor's name when the analyst decided), their own labels becoming aliases."""

    kept: str
    merged: str
    label: str | None = None


@dataclass(frozen=True)
class Alias:
    """An actor a document names `name` (in any case) is `actor`, labelled `label` (as Merge)."""

    name: str
    actor: str
    label: str | None = None


@dataclass(frozen=True)
class Retype:
    """`actor` is of class `kind` (one of CLASSES), whatever the extractor took it for."""

    actor: str
    kind: str


@dataclass(frozen=True)
class Verdict:
    """What a reject or accept is about: statements subject-relation-object, of one document
    (slug) if given."""

    subject: str
    relation: str
    object: str
    document: str | None = None


@dataclass(frozen=True)
class Reject(Verdict):
    """The statements subject-relation-object (of one document, if given; either direction for a
    symmetric relation) are wrong: they stay as evidence but are no facts."""


@dataclass(frozen=True)
class Accept(Verdict):
    """The statements subject-relation-object are confirmed; this overrides an earlier Reject."""


Change = Merge | Alias | Retype | Reject | Accept


@dataclass(frozen=True)
class Decision:
    """A change, who made it and when (UTC, whole seconds)."""

    change: Change
    by: str
    created: dt.datetime

    def __post_init__(self) -> None:
        created = self.created if self.created.tzinfo else self.created.replace(tzinfo=dt.UTC)
        object.__setattr__(self, "created", created.astimezone(dt.UTC).replace(microsecond=0))

    @property
    def key(self) -> str:
        """Content key of the decision's IRI: the same decision always gets the same IRI."""
        when = self.created.isoformat()
        return content_key(type(self.change).__name__, *astuple(self.change), self.by, when)

    @property
    def verb(self) -> str:
        return next(verb for verb, kind in VERBS.items() if isinstance(self.change, kind))


@dataclass(frozen=True)
class Curation:
    """Every decision of a curation file, oldest first (ties in key order)."""

    decisions: tuple[Decision, ...] = field(default=())

    def __post_init__(self) -> None:
        ordered = tuple(sorted(set(self.decisions), key=lambda d: (d.created, d.key)))
        object.__setattr__(self, "decisions", ordered)


VERBS: dict[str, type] = {
    "merge": Merge,
    "alias": Alias,
    "retype": Retype,
    "reject": Reject,
    "accept": Accept,
}


@dataclass(frozen=True)
class Slot:
    """One field of a change as RDF: its property and the kind of term it holds."""

    field: str
    prop: URIRef
    kind: str  # actor | text | relation | class | document
    optional: bool = False
    label_of: str | None = None  # the slot holds the label of the actor in this field


# The preferred label of the actor a merge or alias leads to, as found when deciding.
def _label_of(name: str) -> Slot:
    return Slot("label", AKG.actorLabel, "text", optional=True, label_of=name)


_VERDICT = (
    Slot("subject", AKG.curatedSubject, "actor"),
    Slot("relation", AKG.curatedRelation, "relation"),
    Slot("object", AKG.curatedObject, "actor"),
    Slot("document", AKG.curatedDocument, "document", optional=True),
)
# Each change's class and fields, in the order `kg curate VERB` takes them.
SLOTS: dict[type, tuple[URIRef, tuple[Slot, ...]]] = {
    Merge: (
        AKG.MergeDecision,
        (
            Slot("kept", AKG.mergedInto, "actor"),
            Slot("merged", AKG.curatedActor, "actor"),
            _label_of("kept"),
        ),
    ),
    Alias: (
        AKG.AliasDecision,
        (
            Slot("name", AKG.aliasLabel, "text"),
            Slot("actor", AKG.curatedActor, "actor"),
            _label_of("actor"),
        ),
    ),
    Retype: (
        AKG.RetypeDecision,
        (Slot("actor", AKG.curatedActor, "actor"), Slot("kind", AKG.retypedTo, "class")),
    ),
    Reject: (AKG.RejectDecision, _VERDICT),
    Accept: (AKG.AcceptDecision, _VERDICT),
}


def _encode(kind: str, value: str) -> Node:
    if kind == "actor":
        return actor_iri(value)
    if kind == "relation":
        return relations()[value].iri
    if kind == "class":
        return AKG[value]
    if kind == "document":
        return DOC[value]
    return Literal(value)


def _decode(kind: str, term: Node) -> str | None:
    """The field value a term stands for; None if it is not a term of that kind."""
    text = str(term)
    if kind == "text":
        return text if isinstance(term, Literal) and text.strip() else None
    if not isinstance(term, URIRef):
        return None
    if kind == "relation":
        return next((n for n, r in relations().items() if r.iri == term), None)
    if kind == "class":
        name = text.removeprefix(str(AKG._NS))
        return name if name in CLASSES and AKG[name] == term else None
    namespace = str(DOC) if kind == "document" else str(ID)
    key = text.removeprefix(namespace)
    return key if key != text and key and "/" not in key else None


def decision_triples(decision: Decision) -> list[Triple]:
    """A decision as RDF: its class and fields, who (a prov:Agent) and when."""
    node = decision_iri(decision.key)
    cls, slots = SLOTS[type(decision.change)]
    agent = analyst_iri(decision.by)
    triples: list[Triple] = [
        (node, RDF.type, cls),
        (node, PROV.wasAttributedTo, agent),
        (node, DCTERMS.created, Literal(decision.created, datatype=XSD.dateTime)),
        (agent, RDF.type, PROV.Agent),
        (agent, RDFS.label, Literal(decision.by)),
    ]
    for slot in slots:
        value = getattr(decision.change, slot.field)
        if value is not None:
            triples.append((node, slot.prop, _encode(slot.kind, value)))
    return triples


def curation_triples(curation: Curation) -> list[Triple]:
    """Every decision as RDF: what a curated graph adds, so its statements link to who and when."""
    return [t for decision in curation.decisions for t in decision_triples(decision)]


def _one(graph: Graph, node: Node, prop: URIRef, optional: bool = False) -> Node | None:
    values = list(graph.objects(node, prop))
    if len(values) > 1 or (not values and not optional):
        count = "several" if values else "no"
        raise ValueError(f"{count} {graph.namespace_manager.normalizeUri(prop)}")
    return values[0] if values else None


def _when(term: Node | None) -> dt.datetime:
    value = term.toPython() if isinstance(term, Literal) else None
    if not isinstance(value, dt.datetime) or term.datatype != XSD.dateTime:
        raise ValueError(f"dcterms:created is not an xsd:dateTime: {term}")
    return value


def _decision(graph: Graph, node: Node, cls: URIRef) -> Decision:
    kind = next(k for k, (c, _) in SLOTS.items() if c == cls)
    values = {}
    for slot in SLOTS[kind][1]:
        term = _one(graph, node, slot.prop, slot.optional)
        value = None if term is None else _decode(slot.kind, term)
        if term is not None and value is None:
            raise ValueError(f"{term.n3()} is not a known {slot.kind}")
        values[slot.field] = value
    agent = _one(graph, node, PROV.wasAttributedTo)
    # an agent node with its name, or (written by hand) the name itself
    by = agent if isinstance(agent, Literal) else _one(graph, agent, RDFS.label, optional=True)
    if not isinstance(by, Literal) or not str(by).strip():
        raise ValueError("prov:wasAttributedTo needs an agent with an rdfs:label")
    return Decision(kind(**values), str(by), _when(_one(graph, node, DCTERMS.created)))


def curation_from_graph(graph: Graph, source: str = "curation") -> Curation:
    """The decisions of a curation graph; a malformed one is a CurationError naming it."""
    classes = {cls for cls, _ in SLOTS.values()}
    props = {slot.prop for _, slots in SLOTS.values() for slot in slots}
    # anything typed or described as a decision: one without its class is an error, not skipped
    nodes = {s for s, o in graph.subject_objects(RDF.type) if o in classes | {AKG.CurationDecision}}
    nodes |= {s for s, p in graph.subject_predicates() if p in props}
    decisions = []
    for node in sorted(nodes):
        found = set(graph.objects(node, RDF.type)) & classes
        try:
            if len(found) != 1:
                raise ValueError("needs exactly one decision class (akg:MergeDecision, ...)")
            decisions.append(_decision(graph, node, found.pop()))
        except ValueError as error:
            raise CurationError(f"{source}: decision {node.n3()}: {error}") from None
    return Curation(tuple(decisions))


def _load(path: Path) -> Graph:
    from .export import load_graph

    if not path.is_file():
        raise CurationError(f"{path}: no such curation file")
    if path.stat().st_size == 0:
        return Graph()
    try:
        return load_graph(path)
    except GraphError as error:
        raise CurationError(str(error)) from None


def read_curation(path: str | Path) -> Curation:
    """The decisions of a curation file (Turtle, or any format kg reads by its suffix)."""
    return curation_from_graph(_load(Path(path)), str(path))


def write_decision(path: str | Path, decision: Decision) -> Path:
    """Append a decision to a curation file (created if absent), atomically: the file is read
    and checked first, so a broken one is reported, never overwritten."""
    from .export import write_graph

    path = Path(path)
    graph = new_graph()
    if path.exists():
        existing = _load(path)
        curation_from_graph(existing, str(path))
        graph += existing
    graph.addN((*triple, graph) for triple in decision_triples(decision))
    return write_graph(graph, path)
