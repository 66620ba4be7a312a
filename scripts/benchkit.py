"""Shared by the benchmark sections: a synthetic corpus from real sentences, and one measured run.

The corpus recombines the sentences of the seed articles and the test corpus (a fixed seed makes
it the same on every machine). Each measured run is a fresh process started by `measure`, so
model loading, memory and worker start-up are counted the way a user's `kg build` pays them:
`python scripts/benchkit.py spacy|kg CORPUS.jsonl JOBS` prints one JSON line.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "data" / "corpus")
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_MIN_WORDS = 4


def sentence_pool() -> list[str]:
    """Every sentence of at least four words in the seed and test articles, in file order."""
    from kg.corpus import read_corpus

    return [
        sentence
        for article in read_corpus(SOURCES)
        for line in article.text.split("\n")
        for sentence in _SENTENCE_END.split(line.strip())
        if len(sentence.split()) >= _MIN_WORDS
    ]


def write_corpus(path: Path, documents: int, sentences: int, seed: int = 4) -> int:
    """Write `documents` JSON Lines articles of `sentences` sentences each; return the word count
    (whitespace-separated, the unit of every words/s figure)."""
    pool = sentence_pool()
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(documents):
            text = " ".join(rng.choice(pool) for _ in range(sentences))
            words += len(text.split())
            record = {"id": f"bench-{number}", "date": "2024-08-05", "text": text}
            handle.write(json.dumps(record) + "\n")
    return words


def measure(kind: str, corpus: Path, jobs: int = 1) -> dict[str, float]:
    """Run one build in a fresh process: wall seconds, CPU seconds, peak memory (MB)."""
    command = [sys.executable, str(Path(__file__)), kind, str(corpus), str(jobs)]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{run.stderr}")
    return json.loads(run.stdout.splitlines()[-1])


def _bare_spacy(corpus: Path, jobs: int) -> None:
    """The same model with the same components as kg, every text parsed and nothing else."""
    import spacy

    from kg.build import batch_size
    from kg.config import Settings
    from kg.nlp import unused_components

    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    model = Settings().model
    nlp = spacy.load(model, exclude=unused_components(model))
    for _doc in nlp.pipe(texts, batch_size=batch_size(len(texts), jobs), n_process=jobs):
        pass


def _kg_build(corpus: Path, jobs: int) -> None:
    """What `kg build CORPUS --jobs N -o graph.ttl` does, Turtle file included."""
    from kg.build import build_triples
    from kg.export import write_triples

    write_triples(build_triples([corpus], jobs=jobs), corpus.with_suffix(".ttl"))


def _main(kind: str, corpus: str, jobs: str) -> None:
    runs = {"spacy": _bare_spacy, "kg": _kg_build}
    wall, cpu = time.perf_counter(), time.process_time()
    runs[kind](Path(corpus), int(jobs))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, children.ru_maxrss)
    cpu += children.ru_utime + children.ru_stime
    print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    _main(*sys.argv[1:])
