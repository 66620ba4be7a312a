"""Read and write graph files: Turtle (the default), N-Triples, JSON-LD and TriG."""

from __future__ import annotations

from pathlib import Path

from rdflib import Dataset, Graph

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
    fmt = _SUFFIXES.get(path.suffix.lower(), "turtle")
    graph = Graph()
    try:
        if fmt == "trig":  # named graphs: a plain Graph would silently read none of them
            dataset = Dataset(default_union=True)
            dataset.parse(path, format=fmt)
            for prefix, namespace in dataset.namespaces():
                graph.bind(prefix, namespace, override=True)
            graph.addN((s, p, o, graph) for s, p, o in dataset.triples((None, None, None)))
        else:
            graph.parse(path, format=fmt)
    except Exception as error:  # rdflib's parsers raise many kinds; all mean unreadable input
        message = " ".join(str(error).split())[:300]
        raise GraphError(f"{path}: not a valid RDF graph ({message})") from None
    if len(graph) == 0:
        raise GraphError(f"{path}: contains no RDF triples (is it a kg graph file?)")
    return graph


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    if fmt not in FORMATS:
        raise GraphError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fmt == "trig":
        # A plain Graph would be written as a graph named by a random blank node: write it as the
        # default graph instead, so the output is stable and reads back as the same triples.
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace, override=True)
        dataset.default_graph += graph
        return dataset.serialize(format="trig")
    return graph.serialize(format=FORMATS[fmt])


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> Path:
    """Serialize and write atomically: the previous file stays intact if anything fails."""
    return write_atomic(path, serialize(graph, fmt))
