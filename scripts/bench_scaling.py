"""Benchmark section: how `kg build` time and memory grow with the number of documents.

Short documents (4 sentences each) keep the 10,000-document run to minutes; the question here is
the shape of the curve (time per document and memory should stay flat), not the throughput.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchkit import measure, write_corpus

SENTENCES = 4
FULL = (100, 1_000, 10_000)
QUICK = (20, 100, 500)


def run(quick: bool = False) -> str:
    sizes = QUICK if quick else FULL
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for documents in sizes:
            corpus = Path(folder) / f"corpus-{documents}.jsonl"
            words = write_corpus(corpus, documents, SENTENCES)
            rows.append((documents, words, measure("kg", corpus, 1)))
    lines = [
        "## Scaling: `kg build` at growing corpus sizes",
        "",
        f"Synthetic documents of {SENTENCES} sentences (short, so that the largest run takes "
        "minutes, not the ~40 of article-sized ones), built with `--jobs 1` in a fresh process "
        "each, model loading and the Turtle file included. Linear growth shows as a flat time "
        "per document and a time ratio close to the document ratio.",
        "",
        "| documents | words | wall s | ms / document | time ratio to previous | peak memory MB |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    previous = None
    for documents, words, result in rows:
        wall = result["wall"]
        growth = (
            ""
            if previous is None
            else f"{wall / previous[1]:.1f}x for {documents // previous[0]}x docs"
        )
        lines.append(
            f"| {documents:,} | {words:,} | {wall:.1f} | {1000 * wall / documents:.1f} | "
            f"{growth} | {result['peak_mb']:,.0f} |"
        )
        previous = (documents, wall)
    lines.append("")
    return "\n".join(lines)
