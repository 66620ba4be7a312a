"""SHACL validation of a built graph against `ontology/shapes.ttl` (with the ontology's classes)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .config import ONTOLOGY_DIR
from .schema import load_ontology

__all__ = ["Report", "validate"]


@dataclass(frozen=True)
class Report:
    conforms: bool
    text: str
    violations: int


def validate(graph: Graph, ontology_dir: Path = ONTOLOGY_DIR) -> Report:
    """Run pySHACL; the ontology is mixed in so `sh:class akg:Actor` sees the subclasses."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(ontology_dir / "shapes.ttl", format="turtle")
    conforms, results, text = shacl_validate(
        graph,
        shacl_graph=shapes,
        ont_graph=load_ontology(ontology_dir),
        inference="none",
        advanced=True,
        allow_warnings=False,
    )
    violations = len(set(results.subjects(SH.resultSeverity, SH.Violation)))
    return Report(bool(conforms), text, violations)
