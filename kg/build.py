"""The whole pipeline as one call: documents -> spaCy -> claims -> RDF graph."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .config import Settings
from .corpus import read_corpus
from .graph import build_graph
from .model import Article, Extraction

__all__ = ["BATCH_SIZE", "batch_size", "build", "extract_corpus"]


Progress = Callable[[int, int], None]

# Articles parsed together: large enough for spaCy's batched network passes, small enough that a
# batch of long articles stays a few tens of megabytes.
BATCH_SIZE = 64


def batch_size(articles: int, jobs: int) -> int:
    """Articles per batch: BATCH_SIZE, or fewer so that every one of `jobs` workers gets some."""
    return max(1, min(BATCH_SIZE, -(-articles // jobs)))


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
    jobs: int = 1,
) -> list[Extraction]:
    """Parse and extract every article, in `jobs` worker processes (1: in this process);
    `on_article(done, total)` reports. The result does not depend on `jobs`."""
    from .extract import extract_articles
    from .nlp import build_pipeline

    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    nlp = build_pipeline(settings)
    size = batch_size(len(articles), jobs)
    extractions = []
    for extraction in extract_articles(nlp, articles, jobs=jobs, batch_size=size):
        extractions.append(extraction)
        if on_article is not None:
            on_article(len(extractions), len(articles))
    return extractions


def build(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
    jobs: int = 1,
) -> Graph:
    """Read every document under `paths` ('-' is stdin) and return the actor graph; `jobs`
    processes parse in parallel."""
    articles = list(read_corpus(paths, stdin=stdin))
    return build_graph(extract_corpus(articles, settings, on_article, jobs))
