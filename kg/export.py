"""Read and write graph files: Turtle (the default), N-Triples, JSON-LD and TriG."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import GraphError
from .files import write_atomic

__all__ = ["FORMATS", "load_graph", "serialize", "write_graph"]

# format name -> rdflib serializer / parser name
FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
}


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file, its format chosen by suffix (Turtle otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    graph = Graph()
    try:
        graph.parse(path, format=_SUFFIXES.get(path.suffix.lower(), "turtle"))
    except Exception as error:  # rdflib's parsers raise many kinds; all mean unreadable input
        message = " ".join(str(error).split())[:300]
        raise GraphError(f"{path}: not a valid RDF graph ({message})") from None
    return graph


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    if fmt not in FORMATS:
        raise GraphError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    return graph.serialize(format=FORMATS[fmt])


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialize and write atomically: the previous file stays intact if anything fails."""
    return write_atomic(path, serialize(graph, fmt))
