"""The ontology as data: relation properties, their labels, symmetry, CAMEO and PLOVER codes, signs.

Code reads these facts from `ontology/akg.ttl` instead of repeating them as literals.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from .config import Settings
from .errors import GraphError
from .vocab import AKG, OWL, RDF, RDFS, SKOS

__all__ = ["RelationInfo", "find_relation", "label_of", "load_ontology", "relations", "sectors"]


@dataclass(frozen=True)
class RelationInfo:
    iri: URIRef
    name: str
    label: str
    definition: str
    symmetric: bool
    event: bool
    cameo: tuple[str, ...]
    plover: str | None
    sign: int | None  # +1 friendly, -1 hostile, None: not part of the signed network


def load_ontology(ontology_dir: Path | None = None) -> Graph:
    """The ontology of `ontology_dir`, by default the configured one ($KG_ONTOLOGY_DIR)."""
    return _load(ontology_dir or Settings().ontology_dir)


@cache
def _load(ontology_dir: Path) -> Graph:
    path = ontology_dir / "akg.ttl"
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as error:
        raise GraphError(f"cannot read the ontology {path}: {error}") from None
    return graph


def label_of(term: URIRef, ontology_dir: Path | None = None) -> str:
    """rdfs:label or skos:prefLabel of an ontology term, else its local name."""
    graph = load_ontology(ontology_dir)
    value = graph.value(term, RDFS.label) or graph.value(term, SKOS.prefLabel)
    return str(value) if value is not None else str(term).rsplit("#", 1)[-1]


def relations(ontology_dir: Path | None = None) -> dict[str, RelationInfo]:
    """Every relation property (those with an akg:relationKind), keyed by local name."""
    return _relations(ontology_dir or Settings().ontology_dir)


@cache
def _relations(ontology_dir: Path) -> dict[str, RelationInfo]:
    graph = load_ontology(ontology_dir)
    found = {}
    for prop, kind in graph.subject_objects(AKG.relationKind):
        name = str(prop).removeprefix(str(AKG._NS))
        found[name] = RelationInfo(
            iri=prop,
            name=name,
            label=label_of(prop, ontology_dir),
            definition=str(graph.value(prop, SKOS.definition) or ""),
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in graph,
            event=kind == AKG.EventRelation,
            cameo=tuple(sorted(str(c) for c in graph.objects(prop, AKG.cameo))),
            plover=str(graph.value(prop, AKG.plover)) if graph.value(prop, AKG.plover) else None,
            sign=_sign(graph.value(prop, AKG.sign), name),
        )
    return dict(sorted(found.items()))


def find_relation(name: str, ontology_dir: Path | None = None) -> RelationInfo | None:
    """The relation a user names by local name or label, in any case and spacing ('metWith',
    'met with'); None if there is none."""
    wanted = " ".join(name.split()).casefold()
    for key, info in relations(ontology_dir).items():
        if wanted in (key.casefold(), info.label.casefold()):
            return info
    return None


def _sign(value: object, name: str) -> int | None:
    """akg:sign is 1 or -1; anything else in a user's ontology is an error, not a silent 0."""
    if value is None:
        return None
    try:
        sign = int(str(value))
    except ValueError:
        sign = 0
    if sign not in (1, -1):
        raise GraphError(f"akg:{name} has akg:sign {value}; a relation's sign must be 1 or -1")
    return sign


def sectors(ontology_dir: Path | None = None) -> dict[str, URIRef]:
    """Sector code (the skos:notation the sector lexicon uses) -> its akg:Sector concept."""
    return _sectors(ontology_dir or Settings().ontology_dir)


@cache
def _sectors(ontology_dir: Path) -> dict[str, URIRef]:
    graph = load_ontology(ontology_dir)
    return {
        str(graph.value(concept, SKOS.notation)): concept
        for concept in graph.subjects(RDF.type, AKG.Sector)
        if graph.value(concept, SKOS.notation) is not None
    }
