"""Score the extraction against gold records at the dyad level (subject, relation, object).

Each record's article goes through the real pipeline; its facts (affirmed, asserted or reported
claims: the direct edges of the graph) are matched one-to-one against the expected facts, and every
fact that matches a forbidden triple is counted. Misses and false alarms get a coarse cause, so the
biggest error classes can be counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from .config import Settings
from .gold import GoldActor, GoldFact, GoldRecord
from .model import Claim, Entity, Extraction
from .resolve import Gazetteer, load_gazetteer
from .schema import load_ontology, relations
from .vocab import AKG, RDFS, slugify

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "Dyad",
    "RecordResult",
    "Report",
    "Score",
    "actor_matches",
    "evaluate",
    "predicted_dyads",
    "score_record",
    "tally",
]

# Coarse causes of a miss (false negative) or a false alarm (false positive).
UNKNOWN_RELATION = "relation not in the ontology"
NO_ACTOR = "actor not recognised"
NOT_ASSERTED = "read but not asserted"
INVERTED = "inverted direction"
OTHER_RELATION = "other relation for the pair"
MISSED = "no rule fired"
FORBIDDEN = "forbidden fact"
WRONG_ACTOR = "wrong actor"
SPURIOUS = "spurious"

Label = Callable[[str], "str | None"]
# actor key -> the states the article ties it to (leader or member of)
Affiliations = Mapping[str, frozenset[str]]
NONE: Affiliations = MappingProxyType({})
# What a scheme reads off the predicted dyads before scoring (PLOVER adds stated intentions).
Reading = Callable[[list["Dyad"]], list["Dyad"]]


@dataclass(frozen=True)
class Score:
    """True positives, false positives, false negatives and the measures built from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Dyad:
    """A predicted claim between two resolved actors, with the sentence it was read from.

    `fact` says whether it is a direct edge; `polarity` and `modality` are the claim's, so a
    scheme that counts statements of intent as events (PLOVER's AGREE) can read them.
    `intent_of` is the relation whose stated intention this dyad stands for, if it does.
    """

    subject: Entity
    relation: str
    object: Entity
    sentence: str = ""
    fact: bool = True
    polarity: str = "affirmed"
    modality: str = "asserted"
    intent_of: str | None = None

    def __str__(self) -> str:
        text = f"{self.subject.label} {self.relation} {self.object.label}"
        return f"{text} (stated intent: {self.intent_of})" if self.intent_of else text


@dataclass(frozen=True)
class RecordResult:
    """What one gold record scored: matched pairs, misses and false alarms with their causes."""

    record: GoldRecord
    matched: tuple[tuple[GoldFact, Dyad], ...] = ()
    missed: tuple[tuple[GoldFact, str], ...] = ()
    false: tuple[tuple[Dyad, str], ...] = ()
    forbidden: tuple[tuple[GoldFact, Dyad], ...] = ()


@dataclass(frozen=True)
class Report:
    """Scores per label (relation or PLOVER type) and overall (micro), plus what was not scored."""

    name: str
    results: tuple[RecordResult, ...]
    labels: dict[str, Score]
    unknown_relations: tuple[str, ...] = ()
    coverage: dict[str, int] = field(default_factory=dict)

    @property
    def overall(self) -> Score:
        return sum(self.labels.values(), Score())

    @property
    def forbidden(self) -> tuple[tuple[GoldRecord, GoldFact, Dyad], ...]:
        return tuple((r.record, f, d) for r in self.results for f, d in r.forbidden)

    def causes(self) -> Counter[tuple[str, str, str]]:
        """(kind, relation, cause) -> count, kind being 'false positive' or 'false negative'."""
        counts: Counter[tuple[str, str, str]] = Counter()
        for result in self.results:
            counts.update(("false negative", g.label, c) for g, c in result.missed)
            counts.update(("false positive", d.relation, c) for d, c in result.false)
        return counts


def _names(entity: Entity) -> set[str]:
    return {entity.key, *(slugify(n) for n in (entity.label, *entity.aliases))}


def _person_name_part(name: str, entity: Entity) -> bool:
    """'Erdogan' is Recep Tayyip Erdogan and 'Xi' is Xi Jinping: one word equal to the first or
    last word of the other name."""
    mine, theirs = name.split(), entity.label.split()
    if len(mine) == 1 and len(theirs) > 1:
        return slugify(mine[0]) in {slugify(theirs[0]), slugify(theirs[-1])}
    if len(theirs) == 1 and len(mine) > 1:
        return slugify(theirs[0]) == slugify(mine[-1])
    return False


def _state_key(name: str, gazetteer: Gazetteer) -> str | None:
    """The actor a name resolves to as the extractor resolves agents: a capital is its state."""
    entry = gazetteer.lookup(name) or gazetteer.demonym_state(name)
    if entry is None:
        return None
    return entry.stands_for or entry.key


def _belongs_to(
    entity: Entity, state: str, gazetteer: Gazetteer, affiliations: Affiliations
) -> bool:
    """The state itself, an actor the gazetteer places in it, a delegation it sent, or an actor
    the article makes its leader or member ("Qatar's emir" is coded QAT)."""
    entry = gazetteer.entries.get(entity.key)
    return (
        entity.key == state
        or (entry is not None and entry.country == state)
        or (entity.kind == "Delegation" and entity.key.startswith(f"{state}-"))
        or state in affiliations.get(entity.key, ())
    )


def affiliations(extraction: Extraction) -> Affiliations:
    """Actor key -> the states the article asserts it leads or belongs to (structural facts)."""
    states = {e.key for e in extraction.entities if e.kind == "State"}
    structural = {n for n, info in relations().items() if not info.event}
    found: dict[str, set[str]] = {}
    for claim in extraction.claims:
        if claim.is_fact and claim.relation in structural and claim.object in states:
            found.setdefault(claim.subject, set()).add(claim.object)
    return {key: frozenset(value) for key, value in found.items()}


def _name_matches(name: str, entity: Entity, gazetteer: Gazetteer) -> bool:
    resolved = _state_key(name, gazetteer)
    if resolved == entity.key or slugify(name) in _names(entity):
        return True
    if entity.kind == "Person" and _person_name_part(name, entity):
        return True
    head, _, last = name.rpartition(" ")
    if entity.kind == "Delegation" and last.lower() == "delegation" and head:
        sender = _state_key(head, gazetteer)
        return sender is not None and entity.key.startswith(f"{sender}-")
    return False


def actor_matches(
    actor: GoldActor, entity: Entity, gazetteer: Gazetteer, affiliations: Affiliations = NONE
) -> bool:
    """Whether a gold actor (any of its names, or its state) denotes the predicted actor."""
    if actor.is_any:
        return True
    if actor.state is not None and _belongs_to(entity, actor.state, gazetteer, affiliations):
        return True
    return any(_name_matches(name, entity, gazetteer) for name in actor.names)


def predicted_dyads(extraction: Extraction) -> list[Dyad]:
    """Every claim of the extraction as a dyad, facts first, one per (subject, relation, object)."""
    entities = {e.key: e for e in extraction.entities}
    symmetric = {n for n, info in relations().items() if info.symmetric}
    seen: set[tuple[str, ...]] = set()
    dyads = []
    for claim in sorted(extraction.claims, key=lambda c: not c.is_fact):
        # one fact per triple; a non-fact once per polarity and modality ('will', 'may')
        kind = ("fact",) if claim.is_fact else (claim.polarity, claim.modality)
        key = (claim.subject, claim.relation, claim.object, *kind)
        if claim.relation in symmetric:
            key = (*sorted((claim.subject, claim.object)), claim.relation, *kind)
        if key not in seen:
            seen.add(key)
            dyads.append(_dyad(claim, entities))
    return dyads


def _dyad(claim: Claim, entities: dict[str, Entity]) -> Dyad:
    def entity(key: str) -> Entity:
        return entities.get(key) or Entity(key, key, "Unknown")

    subject, obj = entity(claim.subject), entity(claim.object)
    context = (claim.is_fact, claim.polarity, claim.modality)
    return Dyad(subject, claim.relation, obj, claim.sentence, *context)


@dataclass(frozen=True)
class _Matcher:
    """Compares gold facts and dyads with the ontology's symmetry and structural relations."""

    gazetteer: Gazetteer
    symmetric: frozenset[str]
    structural: frozenset[str]
    affiliations: Affiliations = field(default_factory=dict)

    def relation_ok(self, fact: GoldFact, relation: str) -> bool:
        if "*" in fact.relations:
            return relation not in self.structural
        return relation in fact.relations

    def ends(self, fact: GoldFact, dyad: Dyad, swapped: bool = False) -> bool:
        first, second = (dyad.object, dyad.subject) if swapped else (dyad.subject, dyad.object)
        g, a = self.gazetteer, self.affiliations
        return actor_matches(fact.subject, first, g, a) and actor_matches(fact.object, second, g, a)

    def matches(self, fact: GoldFact, dyad: Dyad) -> bool:
        if not self.relation_ok(fact, dyad.relation):
            return False
        symmetric = dyad.relation in self.symmetric
        return self.ends(fact, dyad) or (symmetric and self.ends(fact, dyad, True))

    def pair(self, fact: GoldFact, dyad: Dyad) -> bool:
        return self.ends(fact, dyad) or self.ends(fact, dyad, True)

    def one_end(self, fact: GoldFact, dyad: Dyad) -> bool:
        g = self.gazetteer
        return any(
            actor_matches(a, e, g, self.affiliations)
            for a in (fact.subject, fact.object)
            for e in (dyad.subject, dyad.object)
        )


def _miss_cause(
    fact: GoldFact, dyads: Sequence[Dyad], entities: Sequence[Entity], m: _Matcher
) -> str:
    known = relations()
    if not any(r in known for r in fact.relations):
        return UNKNOWN_RELATION
    for actor in (fact.subject, fact.object):
        if not any(actor_matches(actor, e, m.gazetteer, m.affiliations) for e in entities):
            return NO_ACTOR
    if any(not d.fact and m.matches(fact, d) for d in dyads):
        return NOT_ASSERTED
    facts = [d for d in dyads if d.fact]
    if any(m.relation_ok(fact, d.relation) and m.ends(fact, d, True) for d in facts):
        return INVERTED
    if any(m.pair(fact, d) for d in facts):
        return OTHER_RELATION
    return MISSED


def _false_cause(dyad: Dyad, record: GoldRecord, m: _Matcher) -> str:
    if any(m.matches(f, dyad) for f in record.forbidden):
        return FORBIDDEN
    if any(m.relation_ok(f, dyad.relation) and m.ends(f, dyad, True) for f in record.expected):
        return INVERTED
    if any(m.pair(f, dyad) for f in record.expected):
        return OTHER_RELATION
    if any(m.relation_ok(f, dyad.relation) and m.one_end(f, dyad) for f in record.expected):
        return WRONG_ACTOR
    return SPURIOUS


def _matcher(gazetteer: Gazetteer, affiliations: Affiliations = NONE) -> _Matcher:
    info = relations()
    return _Matcher(
        gazetteer,
        frozenset(n for n, i in info.items() if i.symmetric),
        frozenset(n for n, i in info.items() if not i.event),
        affiliations,
    )


def score_record(
    record: GoldRecord,
    dyads: Sequence[Dyad],
    gazetteer: Gazetteer,
    entities: Sequence[Entity] = (),
    label: Label | None = None,
    affiliations: Affiliations = NONE,
) -> RecordResult:
    """Match the record's expected facts one-to-one with the predicted facts among `dyads`
    (`affiliations`: the states the article ties its actors to).

    A fact whose relation `label` maps to None is outside the scheme: neither matched nor false.
    """
    m = _matcher(gazetteer, affiliations)
    facts = [d for d in dyads if d.fact]
    free = list(facts)
    matched, missed = [], []
    for fact in record.expected:
        hit = next((d for d in free if m.matches(fact, d)), None)
        if hit is None:
            missed.append((fact, _miss_cause(fact, dyads, entities or _entities(dyads), m)))
        else:
            free.remove(hit)
            matched.append((fact, hit))
    scored = [d for d in free if (label or _actor_relation)(d.relation) is not None]
    forbidden = [(f, d) for d in facts for f in record.forbidden if m.matches(f, d)]
    return RecordResult(
        record,
        tuple(matched),
        tuple(missed),
        tuple((d, _false_cause(d, record, m)) for d in scored),
        tuple(forbidden),
    )


def _actor_relation(relation: str) -> str | None:
    """Our own scheme scores every relation between two actors (not locatedIn, whose object is
    a place); a name the ontology does not declare is scored too."""
    return None if relation in _place_relations() else relation


@cache
def _place_relations() -> frozenset[str]:
    ontology = load_ontology()
    return frozenset(
        name
        for name, info in relations().items()
        if ontology.value(info.iri, RDFS.range) not in (None, AKG.Actor)
    )


def _entities(dyads: Iterable[Dyad]) -> list[Entity]:
    return [e for d in dyads for e in (d.subject, d.object)]


def tally(results: Iterable[RecordResult], label: Label | None = None) -> dict[str, Score]:
    """Per-label scores: a hit or miss counts under the gold label, a false alarm under its own."""
    scores: dict[str, Score] = {}
    for result in results:
        for fact, _ in result.matched:
            scores[fact.label] = scores.get(fact.label, Score()) + Score(tp=1)
        for fact, _ in result.missed:
            scores[fact.label] = scores.get(fact.label, Score()) + Score(fn=1)
        for dyad, _ in result.false:
            name = (label or _actor_relation)(dyad.relation)
            if name is not None:
                scores[name] = scores.get(name, Score()) + Score(fp=1)
    return dict(sorted(scores.items()))


def evaluate(
    records: Sequence[GoldRecord],
    nlp: Language | None = None,
    *,
    name: str = "gold",
    label: Label | None = None,
    settings: Settings | None = None,
    reading: Reading | None = None,
) -> Report:
    """Run every record's article through the pipeline (one `nlp` for all) and score it.

    `reading` turns each record's predicted dyads into the ones the scheme scores (by default
    they are scored as they are: only facts count).
    """
    from .extract import extract_articles
    from .nlp import build_pipeline

    settings = settings or Settings()
    nlp = nlp or build_pipeline(settings)
    gazetteer = load_gazetteer(settings.ontology_dir)
    results = []
    extractions = extract_articles(nlp, [r.article for r in records])
    for record, extraction in zip(records, extractions, strict=True):
        dyads = predicted_dyads(extraction)
        if reading is not None:
            dyads = reading(dyads)
        results.append(
            score_record(
                record, dyads, gazetteer, extraction.entities, label, affiliations(extraction)
            )
        )
    known = relations()
    unknown = sorted(
        {r for rec in records for f in rec.expected for r in f.relations if r not in known} - {"*"}
    )
    return Report(name, tuple(results), tally(results, label), tuple(unknown))
