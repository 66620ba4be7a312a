"""Gold records for `kg eval`: an article and the facts it states (or must not state).

Our own format is JSON Lines (see tests/gold/README.md); `kg.plover` turns the PLOVER
gold-standard records into the same `GoldRecord`s, so one scorer serves both.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import read_corpus
from .errors import CorpusError
from .model import Article

__all__ = ["ANY", "GoldActor", "GoldFact", "GoldRecord", "read_gold"]

ANY = "*"


@dataclass(frozen=True)
class GoldActor:
    """An actor as a gold file names it: any of `names` may match; `state` (a gazetteer key)
    also admits any actor of that state, as a CAMEO country code does."""

    names: tuple[str, ...]
    state: str | None = None

    @property
    def is_any(self) -> bool:
        return ANY in self.names

    def __str__(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class GoldFact:
    """One gold dyad; a predicted fact matches if its relation is one of `relations`.

    `label` is what the fact is scored under: its relation name, or a PLOVER event type.
    """

    subject: GoldActor
    relations: frozenset[str]
    object: GoldActor
    label: str

    def __str__(self) -> str:
        return f"{self.subject} {self.label} {self.object}"


@dataclass(frozen=True)
class GoldRecord:
    """An article with the facts it states (`expected`) and those it must not (`forbidden`)."""

    id: str
    article: Article
    expected: tuple[GoldFact, ...]
    forbidden: tuple[GoldFact, ...] = ()
    note: str | None = None


def triple_fact(triple: object, where: str) -> GoldFact:
    """`[subject, relation, object]` of our format -> a `GoldFact` scored under its relation."""
    if not (
        isinstance(triple, list) and len(triple) == 3 and all(isinstance(t, str) for t in triple)
    ):
        raise CorpusError(f"{where}: a triple is [subject, relation, object], got {triple!r}")
    subject, relation, obj = triple
    return GoldFact(GoldActor((subject,)), frozenset({relation}), GoldActor((obj,)), relation)


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise CorpusError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _article(data: dict, record_id: str, base: Path, where: str) -> Article:
    """The record's text, or the one article its `file` (relative to the gold file) holds."""
    date = _date(data.get("date"), where)
    if isinstance(data.get("text"), str):
        return Article(id=record_id, text=data["text"], date=date)
    if not isinstance(data.get("file"), str):
        raise CorpusError(f"{where}: a record needs 'text' or 'file'")
    articles = list(read_corpus([base / data["file"]]))
    if len(articles) != 1:
        raise CorpusError(f"{where}: 'file' must hold one article, it holds {len(articles)}")
    article = articles[0]
    return article if date is None else replace(article, date=date)


def _record(data: object, path: Path, line: int) -> GoldRecord:
    where = f"{path}:{line}"
    if not isinstance(data, dict) or not isinstance(data.get("expected"), list):
        raise CorpusError(f"{where}: a gold record is an object with an 'expected' list")
    record_id = str(data.get("id") or f"{path.name}:{line}")
    forbidden = data.get("forbidden") or []
    if not isinstance(forbidden, list):
        raise CorpusError(f"{where}: 'forbidden' is a list of triples")
    return GoldRecord(
        id=record_id,
        article=_article(data, record_id, path.parent, where),
        expected=tuple(triple_fact(t, where) for t in data["expected"]),
        forbidden=tuple(triple_fact(t, where) for t in forbidden),
        note=data.get("note"),
    )


def _read_file(path: Path) -> Iterator[GoldRecord]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"cannot read gold file {path}: {error}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(f"{path}:{number}: not JSON ({error.msg})") from None
        yield _record(data, path, number)


def read_gold(paths: Iterable[str | Path]) -> list[GoldRecord]:
    """Every record of the gold files (JSON Lines; a folder means its `*.jsonl`, sorted)."""
    records: list[GoldRecord] = []
    for given in paths:
        path = Path(given)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            records.extend(_read_file(file))
    ids = [r.id for r in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CorpusError(f"duplicate gold record ids: {', '.join(duplicates)}")
    return records
