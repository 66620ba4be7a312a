"""The whole pipeline as one call: documents -> spaCy -> claims -> RDF graph."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .chunks import CHUNK_CHARS, split_text
from .config import Settings
from .corpus import OnError, read_corpus
from .errors import CorpusError
from .graph import build_graph
from .model import Article, Extraction

__all__ = ["build", "extract_corpus"]


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


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
    chunk_chars: int = CHUNK_CHARS,
) -> list[Extraction]:
    """Parse and extract every article with one pipeline; `on_article(done, total)` reports.

    An article longer than `chunk_chars` is parsed in pieces cut at paragraph or sentence
    breaks (see kg.chunks); its claims keep offsets into the whole text.
    """
    from .extract import extract_articles
    from .nlp import build_pipeline

    nlp = build_pipeline(settings)
    limit = min(chunk_chars, nlp.max_length)
    plan = [
        (index, offset, dataclasses.replace(article, text=piece))
        for index, article in enumerate(articles)
        for offset, piece in split_text(article.text, limit)
    ]
    parsed = zip(plan, extract_articles(nlp, (piece for _, _, piece in plan)), strict=True)
    extractions = []
    for index, group in groupby(parsed, key=lambda pair: pair[0][0]):
        parts = [(offset, extraction) for (_, offset, _), extraction in group]
        extractions.append(_join(articles[index], parts))
        if on_article is not None:
            on_article(len(extractions), len(articles))
    return extractions


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
    articles = list(read_corpus(paths, stdin=stdin, on_error=on_skip))
    if not articles:
        raise CorpusError("no readable articles: every document was skipped")
    return build_graph(extract_corpus(articles, settings, on_article))
