"""Parse and extract batches of articles in worker processes.

Extraction is a pure function article -> Extraction, so each worker parses *and* extracts and sends
back only the small records: returning spaCy Docs (tensors, annotations) and extracting them here
made this process the bottleneck of a parallel build.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from .config import Settings
from .errors import KgError
from .extract import extract_articles
from .model import Article, Extraction

__all__ = ["extract_batch", "map_batches"]

# The worker process's pipeline, set once when it starts (see _start).
_pipeline: Language


def extract_batch(nlp: Language, articles: Sequence[Article]) -> list[Extraction]:
    """Each article's extraction, in order, parsed as one spaCy batch."""
    return list(extract_articles(nlp, articles, batch_size=max(1, len(articles))))


def _start(source: Language | Settings) -> None:
    """Worker set-up: a forked worker shares the parent's pipeline, any other builds its own.
    Ctrl-C is the parent's to handle (it stops the workers), so a worker ignores it."""
    global _pipeline
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if isinstance(source, Language):
        _pipeline = source
    else:
        from .nlp import build_pipeline

        _pipeline = build_pipeline(source)


def _work(articles: Sequence[Article]) -> list[Extraction]:
    return extract_batch(_pipeline, articles)


def map_batches(
    nlp: Language,
    batches: Iterable[Sequence[Article]],
    jobs: int,
    settings: Settings | None = None,
) -> Iterator[list[Extraction]]:
    """The extractions of each batch, in order, from `jobs` worker processes (forked from this
    one where the platform can, so the pipeline `nlp` is not loaded again; elsewhere each worker
    loads it from `settings`)."""
    fork = "fork" in multiprocessing.get_all_start_methods()
    executor = ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("fork" if fork else None),
        initializer=_start,
        initargs=(nlp if fork else settings or Settings(),),
    )
    try:
        yield from executor.map(_work, batches)
    except BaseException as error:  # also Ctrl-C, or the caller stopped reading: stop at once
        _stop(executor)
        if isinstance(error, BrokenProcessPool):
            raise KgError(
                "a worker process stopped abruptly (out of memory?); try fewer --jobs"
            ) from None
        raise
    # wait for the idle workers to exit, so that their CPU time is accounted for
    executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Drop the batches not started and end the workers now instead of after their current
    batch. Python 3.14 calls this `terminate_workers()`; before it the executor's process table
    is the only handle on them."""
    processes = list((executor._processes or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
