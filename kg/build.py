"""The whole pipeline as one call: documents -> spaCy -> claims -> RDF graph (or a store)."""

from __future__ import annotations

import dataclasses
import gc
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, groupby
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from .chunks import CHUNK_CHARS, split_text
from .config import Settings
from .corpus import OnError, read_corpus
from .curated import apply_curation, curated_triples
from .curation import Curation, read_curation
from .errors import CorpusError
from .graph import Triple, graph_of
from .model import Article, Extraction

__all__ = [
    "BATCH_SIZE",
    "batch_size",
    "batches",
    "build",
    "build_store",
    "build_triples",
    "extract_corpus",
    "iter_extractions",
]


Progress = Callable[[int, int], None]

# Articles parsed together: large enough for spaCy's batched network passes, small enough that a
# batch of long articles stays a few tens of megabytes.
BATCH_SIZE = 64


# Characters parsed together: spaCy holds about 3 KB per character of a batch while it parses.
BATCH_CHARS = 400_000


def batch_size(articles: int, jobs: int, longest: int = 0) -> int:
    """Articles per batch: BATCH_SIZE, or fewer so that every one of `jobs` workers gets some and
    a batch of the `longest` texts stays within BATCH_CHARS."""
    fitting = BATCH_CHARS // longest if longest else BATCH_SIZE
    return max(1, min(BATCH_SIZE, fitting, -(-articles // jobs)))


# The smallest batch a worker is sent near the end of a parallel build: smaller ones cost spaCy's
# batched network passes more than they save in waiting.
MIN_BATCH = 8


def batches(items: Sequence[Article], jobs: int, size: int) -> Iterator[Sequence[Article]]:
    """The items in order, for `jobs` worker processes: batches of `size`, but none larger than a
    (2 x jobs)-th of what is left ("guided" scheduling), so the last batches are small and every
    worker finishes within about one small batch of the others, instead of one idling while
    another parses a whole batch."""
    start = 0
    while start < len(items):
        left = len(items) - start
        step = max(min(size, MIN_BATCH), min(size, -(-left // (2 * jobs))))
        yield items[start : start + step]
        start += step


@contextmanager
def _lasting() -> Iterator[None]:
    """The objects alive now (a loaded pipeline, the extractions a graph is made of) outlive
    what follows: the garbage collector stops rescanning them, which took a tenth of a build's
    own time, and forked workers leave their pages shared."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


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
    jobs: int = 1,
) -> Iterator[Extraction]:
    """Parse and extract every article with one pipeline (in `jobs` worker processes), yielding
    each as soon as it is done; `on_article(done, total)` reports.

    An article longer than `chunk_chars` is parsed in pieces cut at paragraph or sentence
    breaks (see kg.chunks); its claims keep offsets into the whole text.
    """
    from .extract import extract_articles
    from .nlp import build_pipeline
    from .workers import map_batches

    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    nlp = build_pipeline(settings)
    limit = min(chunk_chars, nlp.max_length)
    longest = min(limit, max((len(article.text) for article in articles), default=0))
    size = batch_size(len(articles), jobs, longest)
    plan = [
        (index, offset, dataclasses.replace(article, text=piece))
        for index, article in enumerate(articles)
        for offset, piece in split_text(article.text, limit)
    ]
    pieces = [piece for *_, piece in plan]
    if jobs == 1:  # one article at a time, so progress is reported as each is done
        extracted = extract_articles(nlp, pieces, batch_size=size)
    else:
        work = batches(pieces, jobs, size)
        extracted = chain.from_iterable(map_batches(nlp, work, jobs, settings))
    parsed = zip(plan, extracted, strict=True)
    with _lasting():  # the pipeline (workers fork from here)
        for done, (index, group) in enumerate(groupby(parsed, key=lambda p: p[0][0]), start=1):
            parts = [(offset, extraction) for (_, offset, _), extraction in group]
            yield _join(articles[index], parts)
            if on_article is not None:
                on_article(done, len(articles))


def extract_corpus(
    articles: Sequence[Article],
    settings: Settings | None = None,
    on_article: Progress | None = None,
    chunk_chars: int = CHUNK_CHARS,
    jobs: int = 1,
) -> list[Extraction]:
    """Every article's extraction, in corpus order; the result does not depend on `jobs`."""
    return list(iter_extractions(articles, settings, on_article, chunk_chars, jobs))


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
    jobs: int = 1,
    curation: str | Path | None = None,
) -> Graph:
    """Read every document under `paths` ('-' is stdin) and return the actor graph; `jobs`
    processes parse in parallel.

    With `on_skip`, a bad document is reported to it and left out instead of stopping the build.
    A `curation` file's decisions are applied (kg/curation.py) and added to the graph.
    """
    triples = build_triples(paths, settings, stdin, on_article, on_skip, jobs, curation)
    with _lasting():
        return graph_of(triples)


def build_triples(
    paths: Iterable[str | Path],
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
    on_skip: OnError | None = None,
    jobs: int = 1,
    curation: str | Path | None = None,
) -> list[Triple]:
    """The triples of the graph `build` returns, each once in the order first made (so a graph
    of them lists them as `build`'s does), without the graph: one only written out
    (kg.export.write_triples) need not index every triple three ways, a fifth of kg's own time."""
    corrections = read_curation(curation) if curation is not None else Curation()
    articles = _read(paths, stdin, on_skip)
    extractions = extract_corpus(articles, settings, on_article, jobs=jobs)
    with _lasting():
        return list(dict.fromkeys(curated_triples(extractions, corrections)))


def build_store(
    paths: Iterable[str | Path],
    store: str | Path,
    update_url: str | None = None,
    settings: Settings | None = None,
    stdin: TextIO | None = None,
    on_article: Progress | None = None,
    on_skip: OnError | None = None,
    jobs: int = 1,
    curation: str | Path | None = None,
) -> Counter[str]:
    """Add every document under `paths` to a store (created if new), each in its own transaction
    as soon as it is extracted: a document already stored unchanged is left alone, a changed one
    replaced; a store directory without documents gets them in one bulk load instead (see
    kg.ingest.add_all). Returns how many were added, replaced and unchanged.

    The store keeps the curation it was first built with and applies it to every document;
    without `curation` the stored one is used, and a different one is an error (see
    kg.curate.settle_curation)."""
    from .curate import settle_curation
    from .ingest import add_all
    from .store import open_store

    corrections = read_curation(curation) if curation is not None else None
    articles = _read(paths, stdin, on_skip)
    opened = open_store(store, update_url, create=True)
    try:
        chosen = settle_curation(opened, corrections)
        extractions = iter_extractions(articles, settings, on_article, jobs=jobs)
        changes = add_all(opened, apply_curation(extractions, chosen))
    finally:
        opened.close()
    return Counter(change.action for change in changes)
