"""Load the data that drives extraction: trigger lexicon, role titles, context words.

All of it lives in `ontology/lexicon/` as JSONL/JSON a user can extend; nothing here is hard-coded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import KgError

__all__ = ["Lexicon", "RoleTitle", "Trigger", "load_lexicon"]


@dataclass(frozen=True)
class Trigger:
    """One line of triggers.jsonl: words of one part of speech that signal one relation.

    `frame` is "event" (verb or event noun with its arguments) or "relational" ("ally of X").
    `prospective` names the relation a planned or feared instance also signals
    ("attack" -> threatens); `events` lets the object be an event ("condemned the killing of X");
    `clausal` lets it be the subject of a that-clause ("demanded that Iran release ..."), and
    `clause_aux` requires the clause to carry one of these auxiliaries ("said Sudan *must* ...");
    `complement` lets it be the object of the verb's infinitive ("threatened to cut ties with X").
    """

    relation: str
    pos: str
    lemmas: tuple[str, ...]
    dobj: bool = True
    preps: tuple[str, ...] = ()
    frame: str = "event"
    confidence: float = 0.8
    prospective: str | None = None
    events: bool = False
    clausal: bool = False
    clause_aux: tuple[str, ...] = ()
    complement: bool = False

    @property
    def rule(self) -> str:
        return f"{self.relation}/{self.pos.lower()}-{self.frame}"


@dataclass(frozen=True)
class RoleTitle:
    """A title word and the structural relation it implies ("chief" -> leaderOf)."""

    title: str
    relation: str
    head_of_state: bool = False


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    roles: dict[str, RoleTitle]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    particles: dict[str, str] = field(default_factory=dict)
    tables: dict[str, dict[str, str]] = field(default_factory=dict)
    event_types: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> frozenset[str]:
        """A named word list of context.json, e.g. `lexicon["negative_verbs"]`."""
        return self.words[name]

    def matches(self, name: str, *words: str) -> bool:
        """Whether any of the words (a lemma, a lower-cased form) is in the named word list."""
        return not self.words[name].isdisjoint(words)

    def lookup(self, name: str, *words: str) -> str | None:
        """The value of the first word found in a named table of context.json, e.g. the sector
        code of 'officials' in `lexicon.lookup("sector_nouns", "official", "officials")`."""
        table = self.tables[name]
        return next((table[word] for word in words if word in table), None)

    def role(self, text: str) -> RoleTitle | None:
        return self.roles.get(text.lower())


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise KgError(f"{path}:{number}: invalid lexicon line ({error.msg})") from None
    return rows


@cache
def load_lexicon(lexicon_dir: Path) -> Lexicon:
    """Read triggers.jsonl, roles.jsonl and context.json once per directory."""
    triggers = tuple(
        Trigger(
            relation=row["relation"],
            pos=row["pos"],
            lemmas=tuple(row["lemmas"]),
            dobj=row.get("dobj", True),
            preps=tuple(row.get("preps", ())),
            frame=row.get("frame", "event"),
            confidence=float(row.get("confidence", 0.8)),
            prospective=row.get("prospective"),
            events=row.get("events", False),
            clausal=row.get("clausal", False),
            clause_aux=tuple(row.get("clause_aux", ())),
            complement=row.get("complement", False),
        )
        for row in _read_jsonl(lexicon_dir / "triggers.jsonl")
    )
    roles = {
        row["title"]: RoleTitle(row["title"], row["relation"], row.get("head_of_state", False))
        for row in _read_jsonl(lexicon_dir / "roles.jsonl")
    }
    context = json.loads((lexicon_dir / "context.json").read_text(encoding="utf-8"))
    particles = context.pop("negative_verb_particles", {})
    # A word list is a JSON list; a table ({word: value}) is also the word list of its keys.
    tables = {name: values for name, values in context.items() if isinstance(values, dict)}
    event_types = context.pop("event_types", {})
    words = {
        name: frozenset(values)
        for name, values in context.items()
        if isinstance(values, list | dict)
    }
    return Lexicon(
        triggers=triggers,
        roles=roles,
        words=words,
        particles=particles,
        tables=tables,
        event_types=event_types,
    )
