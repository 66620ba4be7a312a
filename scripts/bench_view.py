"""Benchmark of `kg view`: HTML generation time and size for a generated 10k-actor graph.

The graph goes through the real `kg.graph.build_graph` from synthetic claims (a few hubs, many
small actors, ~10 % of statements negated or hypothetical), then `kg.view.render_html` is timed
for the whole graph (top actors by degree) and for the selections an analyst makes.
`run(quick=True)` uses a graph ten times smaller. Target: <= 1 s for the whole 10k-node graph.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict

from rdflib import Graph

from kg.graph import build_graph
from kg.model import ACTOR_KINDS, Article, Claim, Entity, Extraction
from kg.schema import relations
from kg.view import render_html

__all__ = ["generated_graph", "run"]

TARGET_SECONDS = 1.0
CLAIMS_PER_DOC = 10
START = dt.date(2024, 1, 1)


def _label(i: int) -> str:
    return f"Actor {i:05d}"


def generated_graph(n_actors: int, n_edges: int, seed: int = 7) -> Graph:
    """`n_actors` actors joined by `n_edges` distinct relation edges, each with one statement."""
    rng = random.Random(seed)
    names = sorted(relations())
    edges: set[tuple[int, str, int]] = set()
    while len(edges) < n_edges:
        # squared uniform draws skew the degrees: a few hubs, a long tail, as in news
        s, o = int(n_actors * rng.random() ** 2), rng.randrange(n_actors)
        if s != o:
            edges.add((s, rng.choice(names), o))
    entities = [Entity(f"actor-{i}", _label(i), ACTOR_KINDS[i % 5]) for i in range(n_actors)]
    by_doc: dict[int, list[Claim]] = defaultdict(list)
    for n, (s, rel, o) in enumerate(sorted(edges)):
        doc = n // CLAIMS_PER_DOC
        roll = rng.random()
        sentence = f"{_label(s)} and {_label(o)}: statement {n} about {rel}."
        by_doc[doc].append(
            Claim(
                doc_id=f"doc-{doc}",
                subject=f"actor-{s}",
                relation=rel,
                object=f"actor-{o}",
                sentence=sentence,
                start=0,
                end=len(sentence),
                trigger=rel,
                rule="bench",
                polarity="negated" if roll < 0.05 else "affirmed",
                modality="hypothetical" if 0.05 <= roll < 0.1 else "asserted",
                date=START + dt.timedelta(days=doc % 120),
            )
        )
    extractions = []
    for doc, claims in sorted(by_doc.items()):
        keys = {k for c in claims for k in (c.subject, c.object)}
        article = Article(
            id=f"doc-{doc}",
            text="",
            title=f"Report {doc}",
            date=START + dt.timedelta(days=doc % 120),
            url=f"https://news.example/{doc}",
        )
        used = tuple(e for e in entities if e.key in keys) if doc else tuple(entities)
        extractions.append(Extraction(article, used, tuple(claims)))
    return build_graph(extractions)


def _timed(graph: Graph, **options) -> tuple[float, float, int, int, int]:
    """Wall and CPU seconds (the machine may be shared), page bytes, nodes and edges drawn."""
    wall, cpu = time.perf_counter(), time.process_time()
    html = render_html(graph, **options)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    nodes = html.count('"kgTypeLabel"')  # one key per drawn node in the data block
    edges = html.count('"kgHead"')  # one per drawn edge
    return wall, cpu, len(html.encode("utf-8")), nodes, edges


def run(quick: bool = False) -> str:
    """The view section of BENCHMARKS.md as Markdown."""
    n_actors, n_edges = (1_000, 3_000) if quick else (10_000, 30_000)
    started = time.perf_counter()
    graph = generated_graph(n_actors, n_edges)
    built = time.perf_counter() - started
    render_html(graph, max_nodes=50)  # warm the ontology, template and vis-network caches
    hub = _label(0)
    cases = [
        ("whole graph (top 1,000 by degree, layout precomputed)", {}),
        (f"`--focus '{hub}' --hops 1`", {"focus": hub, "hops": 1}),
        ("`--relations threatens,attacked`", {"relations": "threatens,attacked"}),
        ("`--since 2024-02-01 --until 2024-02-07`", {"since": "2024-02-01", "until": "2024-02-07"}),
    ]
    rows, whole = [], 0.0
    for name, options in cases:
        wall, cpu, size, nodes, edges = _timed(graph, **options)
        whole = whole or cpu
        rows.append(
            f"| {name} | {nodes:,} | {edges:,} | {wall:.2f} | {cpu:.2f} | {size / 1e6:.2f} |"
        )
    verdict = "met" if whole <= TARGET_SECONDS else "NOT met"
    return "\n".join(
        [
            "## View: HTML generation (`kg view`)",
            "",
            f"Generated graph: {n_actors:,} actors, {n_edges:,} relation edges with one statement"
            f" each ({len(graph):,} triples; built by `kg.graph.build_graph` in {built:.1f} s,"
            " not counted). Time is `kg.view.render_html` from the loaded graph to the page text.",
            "",
            "| selection | nodes drawn | edges drawn | wall (s) | CPU (s) | HTML (MB) |",
            "|---|---:|---:|---:|---:|---:|",
            *rows,
            "",
            f"Target <= {TARGET_SECONDS:.0f} s for the whole graph: {verdict}"
            f" (CPU time {whole / TARGET_SECONDS:.2f} x the target; wall time also counts"
            " other processes on a shared machine).",
            "",
        ]
    )


if __name__ == "__main__":
    import sys

    print(run(quick="--quick" in sys.argv[1:]))
