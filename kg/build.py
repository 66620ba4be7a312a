"""The whole pipeline as one call: documents -> spaCy -> claims -> RDF graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .config import Settings
from .corpus import read_corpus
from .graph import build_graph
from .model import Article, Extraction

__all__ = ["build", "build_store", "extract_corpus", "iter_extractions"]


Progress = Callable[[int, int], None]


def iter_extractions(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
) -> Iterator[Extraction]:
    """Parse and extract every article with one pipeline, yielding each as it is done;
    `on_article(done, total)` reports."""
    from .extract import extract_articles
    from .nlp import build_pipeline

    nlp = build_pipeline(settings)
    for done, extraction in enumerate(extract_articles(nlp, articles), start=1):
        yield extraction
        if on_article is not None:
            on_article(done, len(articles))


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
) -> list[Extraction]:
    """Every article's extraction, in corpus order."""
    return list(iter_extractions(articles, settings, on_article))


def build(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
) -> Graph:
    """Read every document under `paths` ('-' is stdin) and return the actor graph."""
    articles = list(read_corpus(paths, stdin=stdin))
    return build_graph(extract_corpus(articles, settings, on_article))


def build_store(
    paths: Iterable[str | Path],
    store: str | Path,
    update_url: str | None = None,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
) -> Counter[str]:
    """Add every document under `paths` to a store (created if new), each in its own transaction
    as soon as it is extracted: a document already stored unchanged is left alone, a changed one
    replaced. Returns how many were added, replaced and unchanged."""
    from .ingest import add_all
    from .store import open_store

    articles = list(read_corpus(paths, stdin=stdin))
    opened = open_store(store, update_url, create=True)
    try:
        changes = add_all(opened, iter_extractions(articles, settings, on_article))
    finally:
        opened.close()
    return Counter(change.action for change in changes)
