"""Read and write graph files: Turtle (the default), N-Triples, JSON-LD and TriG; write the actor
network (the networkx projection of `kg.analyze`) as GraphML, GEXF or a CSV edge list."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from .errors import GraphError, one_line
from .files import write_atomic
from .graph import Triple, graph_of, new_graph
from .turtle import write_turtle

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "FORMATS",
    "NETWORK_FORMATS",
    "format_of",
    "load_graph",
    "serialize",
    "write_graph",
    "write_triples",
]

# RDF format name -> rdflib serializer / parser name
FORMATS = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".trig": "trig",
}
_WHY_RE = re.compile(r"Bad syntax \((.*)\) at \^", re.S)


def format_of(path: str | Path) -> str:
    """The format name (a key of FORMATS) a file's extension implies; Turtle otherwise."""
    parser = _SUFFIXES.get(Path(path).suffix.lower(), "turtle")
    return next(name for name, rdflib_name in FORMATS.items() if rdflib_name == parser)


def _parse_error(error: Exception, path: Path, fmt: str) -> GraphError:
    """`FILE:LINE: ...` where the parser says where it stopped.

    The N-Triples parser gives no line; N-Triples is a subset of Turtle, so the Turtle parser,
    run only on this error path, finds it.
    """
    if fmt == "nt" and not isinstance(error, BadSyntax):
        try:
            Graph().parse(path, format="turtle")
        except BadSyntax as located:
            error = located
        except Exception:  # the Turtle parser failing differently tells us nothing more
            pass
    if isinstance(error, BadSyntax):
        why = _WHY_RE.search(str(error))
        reason = why.group(1) if why else error
        return GraphError(f"{path}:{error.lines + 1}: not a valid RDF graph ({one_line(reason)})")
    lineno = getattr(error, "lineno", None)  # json.JSONDecodeError, for JSON-LD
    where = f"{path}:{lineno}" if isinstance(lineno, int) else str(path)
    return GraphError(f"{where}: not a valid RDF graph ({one_line(error)})")


# the actor network for Gephi (graphml, gexf) and spreadsheets (csv: one row per edge)
NETWORK_FORMATS = ("graphml", "gexf", "csv")
EXPORT_FORMATS = (*FORMATS, *NETWORK_FORMATS)
CSV_COLUMNS = (
    "source",
    "source_label",
    "source_type",
    "relation",
    "relation_label",
    "target",
    "target_label",
    "target_type",
    "sign",
    "support",
    "first_date",
    "last_date",
    "documents",
    "sentence",
)


def load_graph(path: str | Path) -> Graph:
    """Parse a graph file, its format chosen by suffix (Turtle otherwise)."""
    path = Path(path)
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file")
    fmt = FORMATS[format_of(path)]
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
        raise _parse_error(error, path, fmt) from None
    if len(graph) == 0:
        raise GraphError(f"{path}: contains no RDF triples (is it a kg graph file?)")
    return graph


def serialize(graph: Graph, fmt: str = "turtle") -> str:
    if fmt in NETWORK_FORMATS:
        return _network_text(graph, fmt)
    if fmt not in FORMATS:
        raise GraphError(f"unknown format '{fmt}' (choose from {', '.join(EXPORT_FORMATS)})")
    if fmt == "trig":
        # A plain Graph would be written as a graph named by a random blank node: write it as the
        # default graph instead, so the output is stable and reads back as the same triples.
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace, override=True)
        dataset.default_graph += graph
        return dataset.serialize(format="trig")
    if fmt == "turtle":
        return write_turtle(graph, graph.namespaces())
    return graph.serialize(format=FORMATS[fmt])


def write_graph(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Serialize and write atomically: the previous file stays intact if anything fails.

    Without `fmt` the extension chooses (.ttl .nt .jsonld .trig; Turtle otherwise), so the file
    reads back with `load_graph`.
    """
    return write_atomic(path, serialize(graph, fmt or format_of(path)))


def write_triples(triples: Iterable[Triple], path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph of the triples as `write_graph` would; Turtle is written straight from
    them, without building the rdflib Graph (which cost more than writing it)."""
    fmt = fmt or format_of(path)
    if fmt == "turtle":
        return write_atomic(path, write_turtle(triples, new_graph().namespaces()))
    return write_graph(graph_of(triples), path, fmt)


def _edge_attributes(data: dict) -> dict[str, object]:
    """One edge with scalar values only, as GraphML, GEXF and CSV need them."""
    evidence = data["evidence"]
    dates = [e.date for e in evidence if e.date]
    return {
        "relation": data["relation"],
        "relation_label": data["label"],
        "sign": data["sign"] or 0,
        "support": len(evidence),
        "first_date": min(dates, default=""),
        "last_date": max(dates, default=""),
        "documents": " ".join(sorted({e.document for e in evidence})),
        "sentence": evidence[0].sentence if evidence else "",
    }


def _network_text(graph: Graph, fmt: str) -> str:
    """The actor network: node id = actor IRI with `label` and `type`; one edge per direct
    relation triple with the attributes of `_edge_attributes` (CSV: one row per edge)."""
    import networkx as nx

    from .analyze import project

    net = project(graph)
    flat = nx.MultiDiGraph()
    for node, data in net.nodes(data=True):
        flat.add_node(node, label=data["label"], type=data["type"])
    for u, v, key, data in net.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, label=data["label"], **_edge_attributes(data))
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(flat)) + "\n"
    if fmt == "gexf":
        return "\n".join(nx.generate_gexf(flat)) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    rows = []
    for u, v, data in flat.edges(data=True):
        source, target = flat.nodes[u], flat.nodes[v]
        rows.append(
            {
                **data,
                "source": u,
                "source_label": source["label"],
                "source_type": source["type"],
                "target": v,
                "target_label": target["label"],
                "target_type": target["type"],
            }
        )
    rows.sort(key=lambda r: (r["source_label"], r["relation_label"], r["target_label"]))
    writer.writerows(rows)
    return buffer.getvalue()
