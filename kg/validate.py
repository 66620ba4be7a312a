"""SHACL validation of a built graph against `ontology/shapes.ttl` (with the ontology's classes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .config import Settings
from .schema import load_ontology

__all__ = ["Report", "validate"]


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    violations: int


def validate(graph: Graph, ontology_dir: Path | None = None) -> Report:
    """Run pySHACL over a copy of graph + ontology, so `sh:class akg:Actor` sees the subclasses
    and SPARQL constraints see `akg:relationKind`.

    The whole ontology is added here rather than passed as pySHACL's `ont_graph`, which copies
    only RDFS/OWL axioms and would hide the ontology's own annotations from the constraints.
    """
    from pyshacl import validate as shacl_validate

    ontology_dir = ontology_dir or Settings().ontology_dir
    shapes = Graph().parse(ontology_dir / "shapes.ttl", format="turtle")
    data = Graph()
    data += graph
    data += load_ontology(ontology_dir)
    conforms, results, text = shacl_validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=False,
        inplace=True,
    )
    violations = len(set(results.subjects(SH.resultSeverity, SH.Violation)))
    return Report(bool(conforms), text, violations)
