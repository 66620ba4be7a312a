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

__all__ = ["build", "extract_corpus"]


Progress = Callable[[int, int], None]


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
) -> list[Extraction]:
    """Parse and extract every article with one pipeline; `on_article(done, total)` reports."""
    from .extract import extract_articles
    from .nlp import build_pipeline

    nlp = build_pipeline(settings)
    extractions = []
    for extraction in extract_articles(nlp, articles):
        extractions.append(extraction)
        if on_article is not None:
            on_article(len(extractions), len(articles))
    return extractions


def build(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
) -> Graph:
    """Read every document under `paths` ('-' is stdin) and return the actor graph."""
    articles = list(read_corpus(paths, stdin=stdin))
    return build_graph(extract_corpus(articles, settings, on_article))
