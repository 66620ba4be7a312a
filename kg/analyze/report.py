"""`kg analyze`: one analysis of an RDF graph as tables (table, CSV or JSON), and its results
written back into the graph as annotations (akg:degree, akg:betweenness, akg:pageRank,
akg:community, akg:bloc) on the actor nodes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import networkx as nx
from rdflib import Graph, Literal, URIRef

from ..errors import AnalysisError
from ..query import Cell, QueryResult, format_result, records
from ..vocab import AKG
from .balance import balance
from .centrality import BETWEENNESS_SAMPLES, OVERALL, centrality_by_layer
from .communities import communities
from .paths import connection, timeline
from .projection import Evidence, find_actor, project, restrict

__all__ = ["ANALYSES", "Report", "Section", "analyze", "annotate", "format_report"]


@dataclass(frozen=True)
class Section:
    name: str  # the JSON key
    title: str  # the heading above a table
    result: QueryResult


@dataclass(frozen=True)
class Report:
    """What one analysis found; `annotations` maps an akg: term to actor IRI -> value."""

    sections: tuple[Section, ...]
    annotations: dict[URIRef, dict[str, int | float]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Options:
    actors: tuple[str, ...]
    top: int | None
    seed: int


def _label(net: nx.MultiDiGraph, node: str) -> str:
    return net.nodes[node]["label"]


def _edge_cells(net: nx.MultiDiGraph, source: str, relation: str, target: str) -> tuple[str, ...]:
    """An edge as a user reads it: actor labels and the relation's label."""
    label = net.edges[source, target, relation]["label"]
    return _label(net, source), label, _label(net, target)


def _centrality(net: nx.MultiDiGraph, options: _Options) -> Report:
    layers = centrality_by_layer(net, samples=BETWEENNESS_SAMPLES, seed=options.seed)
    relation_labels = {key: data["label"] for _u, _v, key, data in net.edges(keys=True, data=True)}
    rows = []
    for name, scores in layers.items():
        for node, score in list(scores.items())[: options.top]:
            layer_label = OVERALL if name == OVERALL else relation_labels[name]
            row = (layer_label, _label(net, node), net.nodes[node]["type"], *vars(score).values())
            rows.append(row)
    columns = ("layer", "actor", "type", "degree", "betweenness", "pagerank")
    overall = layers[OVERALL]
    estimated = (
        f" (betweenness estimated from {BETWEENNESS_SAMPLES} actors, seed {options.seed})"
        if len(net) > BETWEENNESS_SAMPLES
        else ""
    )
    return Report(
        (
            Section(
                "centrality",
                "Centrality, overall and per relation" + estimated,
                QueryResult(columns, tuple(rows)),
            ),
        ),
        {
            AKG.degree: {node: score.degree for node, score in overall.items()},
            AKG.betweenness: {node: score.betweenness for node, score in overall.items()},
            AKG.pageRank: {node: score.pagerank for node, score in overall.items()},
        },
    )


def _communities(net: nx.MultiDiGraph, options: _Options) -> Report:
    found = communities(net, seed=options.seed)
    sizes = Counter(found.values())
    rows = tuple(
        (number, sizes[number], _label(net, node), net.nodes[node]["type"])
        for node, number in found.items()
    )
    result = QueryResult(("community", "size", "actor", "type"), rows)
    title = f"Louvain communities (seed {options.seed})"
    return Report((Section("communities", title, result),), {AKG.community: found})


def _evidence_cells(evidence: Evidence | None) -> tuple[Cell, ...]:
    return (evidence.date, evidence.document, evidence.sentence) if evidence else ("", "", "")


def _balance(net: nx.MultiDiGraph, options: _Options) -> Report:
    found = balance(net, seed=options.seed)
    blocs = tuple(
        (part, found.blocs.get(node), _label(net, node), net.nodes[node]["type"])
        for node, part in sorted(
            found.parts.items(),
            key=lambda item: (item[1], found.blocs.get(item[0], 0), _label(net, item[0])),
        )
    )
    frustrated = tuple(
        (
            *_edge_cells(net, edge.source, edge.relation, edge.target),
            edge.sign,
            *_evidence_cells(
                next(iter(net.edges[edge.source, edge.target, edge.relation]["evidence"]), None)
            ),
        )
        for edge in found.frustrated
    )
    method = "exact" if found.exact else f"local search, seed {options.seed}"
    return Report(
        (
            Section(
                "blocs",
                f"Friend/foe blocs by structural balance ({found.edges} signed edges, "
                f"{len(found.frustrated)} frustrated; {method})",
                QueryResult(("part", "bloc", "actor", "type"), blocs),
            ),
            Section(
                "frustrated",
                "Edges that break the balance",
                QueryResult(
                    ("source", "relation", "target", "sign", "date", "document", "sentence"),
                    frustrated,
                ),
            ),
        ),
        {AKG.bloc: found.blocs},
    )


def _path(net: nx.MultiDiGraph, options: _Options) -> Report:
    a, b = (find_actor(net, name) for name in options.actors)
    rows = tuple(
        (
            step,
            *_edge_cells(net, hop.source, hop.relation, hop.target),
            *_evidence_cells(hop.evidence),
        )
        for step, hop in enumerate(connection(net, a, b), start=1)
    )
    columns = ("hop", "source", "relation", "target", "date", "document", "sentence")
    title = f"How {_label(net, a)} and {_label(net, b)} are connected"
    return Report((Section("path", title, QueryResult(columns, rows)),))


def _timeline(net: nx.MultiDiGraph, options: _Options) -> Report:
    actors = [find_actor(net, name) for name in options.actors]
    rows = tuple(
        (
            event.date,
            *_edge_cells(net, event.source, event.relation, event.target),
            event.evidence.document,
            event.evidence.sentence,
        )
        for event in timeline(net, *actors)
    )
    columns = ("date", "source", "relation", "target", "document", "sentence")
    title = "Relations of " + " and ".join(_label(net, node) for node in actors) + " over time"
    return Report((Section("timeline", title, QueryResult(columns, rows)),))


# analysis -> (how many actors it takes, the function)
_ANALYSES: dict[str, tuple[range, Callable[[nx.MultiDiGraph, _Options], Report]]] = {
    "centrality": (range(0, 1), _centrality),
    "communities": (range(0, 1), _communities),
    "balance": (range(0, 1), _balance),
    "path": (range(2, 3), _path),
    "timeline": (range(1, 3), _timeline),
}
ANALYSES = tuple(_ANALYSES)


def analyze(
    graph: Graph,
    analysis: str,
    actors: Sequence[str] = (),
    *,
    relations: Sequence[str] = (),
    top: int | None = None,
    seed: int = 0,
) -> Report:
    """Run one of `ANALYSES` on the actor network of `graph`, restricted to `relations` if given.

    `actors` are names as a user types them (label or alias, any case): two for `path`, one or two
    for `timeline`, none otherwise. `top` keeps the best N rows per centrality layer.
    """
    if analysis not in _ANALYSES:
        raise AnalysisError(f"unknown analysis '{analysis}' (choose from {', '.join(ANALYSES)})")
    arity, run = _ANALYSES[analysis]
    if len(actors) not in arity:
        wanted = {0: "no actor", 1: "one actor", 2: "two actors"}
        names = " or ".join(wanted[n] for n in arity)
        raise AnalysisError(f"{analysis} takes {names}, got {len(actors)}")
    net = restrict(project(graph), relations)
    return run(net, _Options(tuple(actors), top, seed))


def annotate(graph: Graph, report: Report) -> Graph:
    """A copy of `graph` with the report's values on the actor nodes; older values of the same
    terms are dropped, so a rerun replaces them."""
    if not report.annotations:
        names = ", ".join(section.name for section in report.sections)
        raise AnalysisError(
            f"{names} has nothing to write back (annotate centrality, communities or balance)"
        )
    annotated = Graph()
    for prefix, namespace in graph.namespaces():
        annotated.bind(prefix, namespace, override=True)
    annotated += graph
    for term, values in report.annotations.items():
        annotated.remove((None, term, None))
        for node, value in values.items():
            literal = Literal(value) if isinstance(value, int) else Literal(Decimal(str(value)))
            annotated.add((URIRef(node), term, literal))
    return annotated


def format_report(report: Report, fmt: str = "table") -> str:
    """Tables under their titles; JSON: an object of row lists by section name; CSV: one table,
    or, for several, each after a `# name` line, separated by blank lines."""
    if fmt == "json":
        sections = {section.name: records(section.result) for section in report.sections}
        return json.dumps(sections, indent=2, ensure_ascii=False)
    if fmt == "csv" and len(report.sections) > 1:
        return "\n\n".join(
            f"# {section.name}\n{format_result(section.result, fmt)}" for section in report.sections
        )
    if fmt == "csv":
        return format_result(report.sections[0].result, fmt)
    return "\n".join(
        f"{section.title}\n{format_result(section.result, fmt)}" for section in report.sections
    )
