"""The PLOVER gold-standard records (CAMEO manual sentences, CC BY-SA 4.0) as gold records.

The file is read where it lies (`--plover PATH` or $KG_PLOVER_GSR), never copied. A record's event
type matches our relations through their `akg:plover` annotation plus the equivalences of
`ontology/plover.json`; its actors match by their text and by the country part of their CAMEO code.
Event types no relation maps to are counted as coverage, not scored. A stated intention ('will
support X', 'vowed to attack X') is scored as PLOVER codes it, as AGREE or THREATEN
(`intent_types` of `ontology/plover.json`), though our graph keeps it a non-fact.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import combinations, product
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Settings
from .errors import CorpusError
from .evaluate import Dyad, Report, evaluate
from .gold import GoldActor, GoldFact, GoldRecord
from .model import Article
from .resolve import Gazetteer, load_gazetteer
from .schema import relations

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "default_path",
    "evaluate_plover",
    "plover_label",
    "plover_report",
    "read_plover",
    "stated_intents",
]

DEFAULT_PATH = "../shared/benchmarks/PLOVER_GSR_CAMEO.json"


def default_path() -> Path:
    """$KG_PLOVER_GSR, else the shared benchmark beside the repository."""
    return Path(os.environ.get("KG_PLOVER_GSR", DEFAULT_PATH))


@cache
def _table(ontology_dir: Path) -> dict:
    return json.loads((ontology_dir / "plover.json").read_text(encoding="utf-8"))


def _equivalent(event: str, ontology_dir: Path) -> set[str]:
    return {event, *_table(ontology_dir)["equivalent_types"].get(event, ())}


def plover_label(relation: str, ontology_dir: Path | None = None) -> str | None:
    """The PLOVER type of one of our relations (None: structural, not scored against PLOVER)."""
    info = relations(ontology_dir).get(relation)
    return info.plover if info is not None else None


@cache
def _intent_relations(ontology_dir: Path) -> dict[int, str]:
    """akg:sign -> the relation a stated intention of that sign is scored as: the one whose
    akg:plover is the intent type (the first by name, should several share it)."""
    info = relations(ontology_dir)
    found = {}
    for kind, sign in _table(ontology_dir).get("intent_types", {}).items():
        names = [n for n, i in info.items() if i.plover == kind]  # sorted by name
        if not kind.startswith("_") and names:  # '_doc' is no type
            found[int(sign)] = names[0]
    return found


def _intent(dyad: Dyad, ontology_dir: Path) -> Dyad | None:
    """The PLOVER event an affirmed planned dyad states ('will aid X' -> AGREE), if any."""
    if dyad.fact or dyad.polarity != "affirmed" or dyad.modality != "planned":
        return None
    info = relations(ontology_dir).get(dyad.relation)
    relation = _intent_relations(ontology_dir).get(info.sign) if info and info.sign else None
    if relation is None:
        return None
    return replace(dyad, relation=relation, fact=True, intent_of=dyad.relation)


def _key(dyad: Dyad, ontology_dir: Path) -> tuple[str, ...]:
    ends = (dyad.subject.key, dyad.object.key)
    info = relations(ontology_dir).get(dyad.relation)
    return (dyad.relation, *(sorted(ends) if info and info.symmetric else ends))


def stated_intents(dyads: Sequence[Dyad], ontology_dir: Path | None = None) -> list[Dyad]:
    """The dyads, plus each stated intention as the fact PLOVER codes it (once per dyad, and not
    where the same fact was already read: 'threatened to attack X' is a threat already)."""
    ontology_dir = ontology_dir or Settings().ontology_dir
    seen = {_key(d, ontology_dir) for d in dyads if d.fact}
    found = list(dyads)
    for dyad in dyads:
        intent = _intent(dyad, ontology_dir)
        if intent is not None and _key(intent, ontology_dir) not in seen:
            seen.add(_key(intent, ontology_dir))
            found.append(intent)
    return found


def _names(text: str) -> tuple[str, ...]:
    """The actor text and each run of its words with a capital ('Nigerian President Olusegun
    Obasanjo' -> 'Nigerian', 'Olusegun Obasanjo', ...): the text names the actor somewhere in it."""
    words = [w.removesuffix("'s").strip('.,;:"()') for w in text.split()]
    words = [w for w in words if w]
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    return (text, *dict.fromkeys(r for r in runs if re.search(r"[A-Z]", r)))


def _actor(data: dict, gazetteer: Gazetteer, ontology_dir: Path) -> GoldActor:
    code = str(data.get("code") or "")[:3]
    iso = _table(ontology_dir)["cameo_countries"].get(code, code)
    return GoldActor(_names(str(data.get("actorText") or "")), gazetteer.iso3.get(iso))


def _actors(record: dict, key: str) -> list[dict]:
    value = record.get(key)
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _pairs(record: dict) -> list[tuple[dict, dict]]:
    """Source x target; a compound actor coded SRC/TAR ('Hungarian and Romanian officials
    agreed') gives each pair of its members."""
    sources, targets = _actors(record, "source"), _actors(record, "target")
    if targets:
        return list(product(sources, targets))
    if "SRC/TAR" in str((record.get("textInfo") or {}).get("markup", "")):
        return list(combinations(sources, 2))
    return []


def _record(
    data: dict, gazetteer: Gazetteer, ontology_dir: Path, coverage: Counter[str]
) -> GoldRecord:
    event = str(data["event"])
    equivalent = _equivalent(event, ontology_dir)
    names = frozenset(n for n, i in relations(ontology_dir).items() if i.plover in equivalent)
    pairs = _pairs(data)
    if not names:
        coverage[f"{event}: no relation maps to it"] += 1
    elif not pairs:
        coverage[f"{event}: no target actor"] += 1
    expected = tuple(
        GoldFact(
            _actor(s, gazetteer, ontology_dir), names, _actor(t, gazetteer, ontology_dir), event
        )
        for s, t in (pairs if names else ())
    )
    try:
        date = dt.date.fromisoformat(str(data.get("date"))[:10])
    except ValueError:
        date = None
    article = Article(id=str(data["id"]), text=str(data["text"]), date=date)
    return GoldRecord(str(data["id"]), article, expected, note=str(data.get("eventText") or ""))


def _load(path: Path) -> list[dict]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorpusError(f"cannot read PLOVER records {path}: {error}") from None
    if not isinstance(data, list):
        raise CorpusError(f"{path}: PLOVER records are a JSON list")
    return [r for r in data if isinstance(r, dict) and r.get("event") != "DOCUMENT"]


def _records(path: Path, settings: Settings, coverage: Counter[str]) -> Iterator[GoldRecord]:
    gazetteer = load_gazetteer(settings.ontology_dir)
    for data in _load(path):
        if not isinstance(data.get("text"), str) or "event" not in data or "id" not in data:
            raise CorpusError(f"{path}: a PLOVER record needs id, event and text")
        yield _record(data, gazetteer, settings.ontology_dir, coverage)


def read_plover(
    path: str | Path, settings: Settings | None = None
) -> tuple[list[GoldRecord], dict[str, int]]:
    """The records (the DOCUMENT header skipped) and, per reason, how many are not scored."""
    coverage: Counter[str] = Counter()
    records = list(_records(Path(path), settings or Settings(), coverage))
    return records, dict(sorted(coverage.items()))


def evaluate_plover(
    path: str | Path, nlp: Language | None = None, settings: Settings | None = None
) -> Report:
    """Dyad scores per PLOVER event type; our facts are labelled with their relation's type."""
    settings = settings or Settings()
    return plover_report(*read_plover(path, settings), nlp, settings)


def plover_report(
    records: Sequence[GoldRecord],
    coverage: dict[str, int],
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> Report:
    """Score records `read_plover` returned; `coverage` goes into the report as not scored.
    Stated intentions count as the facts PLOVER codes them as (`stated_intents`)."""
    settings = settings or Settings()
    report = evaluate(
        records,
        nlp,
        name="PLOVER",
        label=lambda relation: plover_label(relation, settings.ontology_dir),
        settings=settings,
        reading=lambda dyads: stated_intents(dyads, settings.ontology_dir),
    )
    return Report(report.name, report.results, report.labels, (), coverage)
