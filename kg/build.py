"""The whole pipeline as one call: documents -> spaCy -> claims -> RDF graph (or a store)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby, tee
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .chunks import CHUNK_CHARS, split_text
from .config import Settings
from .corpus import OnError, read_corpus
from .errors import CorpusError
from .graph import build_graph
from .model import Article, Extraction

__all__ = ["build", "build_store", "extract_corpus", "iter_extractions"]


Progress = Callable[[int, int], None]


def _join(article: Article, parts: Sequence[tuple[int, Extraction]]) -> Extraction:
    """One article's extraction from those of its pieces: claim offsets move from the piece to
    the article text; an actor named in several pieces is merged later by `build_graph`."""
    if len(parts) == 1:
        return dataclasses.replace(parts[0][1], article=article)
    claims = tuple(
        dataclasses.replace(claim, start=claim.start + offset, end=claim.end + offset)
        for offset, part in parts
        for claim in part.claims
    )
    entities = {entity for _, part in parts for entity in part.entities}
    return Extraction(article, tuple(sorted(entities, key=lambda e: (e.key, e.label))), claims)


def iter_extractions(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Extraction]:
    """Parse and extract every article with one pipeline, yielding each as soon as it is done;
    `on_article(done, total)` reports.

    An article longer than `chunk_chars` is parsed in pieces cut at paragraph or sentence
    breaks (see kg.chunks); its claims keep offsets into the whole text.
    """
    from .extract import extract_articles
    from .nlp import build_pipeline

    nlp = build_pipeline(settings)
    limit = min(chunk_chars, nlp.max_length)
    plan = (
        (index, offset, dataclasses.replace(article, text=piece))
        for index, article in enumerate(articles)
        for offset, piece in split_text(article.text, limit)
    )
    # two views of the lazy plan: one feeds the parser, the other says where each piece belongs
    keys, feed = tee(plan)
    parsed = zip(keys, extract_articles(nlp, (piece for *_, piece in feed)), strict=True)
    for done, (index, group) in enumerate(groupby(parsed, key=lambda pair: pair[0][0]), start=1):
        parts = [(offset, extraction) for (_, offset, _), extraction in group]
        yield _join(articles[index], parts)
        if on_article is not None:
            on_article(done, len(articles))


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> list[Extraction]:
    """Every article's extraction, in corpus order."""
    return list(iter_extractions(articles, settings, on_article, chunk_chars))


def _read(
    paths: Iterable[str | Path], stdin: TextIO | None, on_skip: OnError | None
) -> list[Article]:
    articles = list(read_corpus(paths, stdin=stdin, on_error=on_skip))
    if not articles:
        raise CorpusError("no readable articles: every document was skipped")
    return articles


def build(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
    on_skip: OnError | None = None,
) -> Graph:
    """Read every document under `paths` ('-' is stdin) and return the actor graph.

    With `on_skip`, a bad document is reported to it and left out instead of stopping the build.
    """
    return build_graph(extract_corpus(_read(paths, stdin, on_skip), settings, on_article))


def build_store(
    paths: Iterable[str | Path],
    store: str | Path,
    update_url: str | None = None,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
    on_skip: OnError | None = None,
) -> Counter[str]:
    """Add every document under `paths` to a store (created if new), each in its own transaction
    as soon as it is extracted: a document already stored unchanged is left alone, a changed one
    replaced. Returns how many were added, replaced and unchanged."""
    from .ingest import add_all
    from .store import open_store

    articles = _read(paths, stdin, on_skip)
    opened = open_store(store, update_url, create=True)
    try:
        changes = add_all(opened, iter_extractions(articles, settings, on_article))
    finally:
        opened.close()
    return Counter(change.action for change in changes)
