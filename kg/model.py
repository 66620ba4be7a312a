"""The records that flow between stages: plain frozen dataclasses, no spaCy or rdflib objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "ACTOR_KINDS",
    "COLLECTIVE_KINDS",
    "MODALITIES",
    "POLARITIES",
    "ROLE_STATUSES",
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Extraction",
]

# Entity kinds are the local names of the ontology classes they become.
ACTOR_KINDS = ("State", "Person", "Group", "Organization", "Delegation")
# the actors that are bodies (owners, authors, antecedents of 'it'), not persons or delegations
COLLECTIVE_KINDS = ("State", "Group", "Organization")
POLARITIES = ("affirmed", "negated")
MODALITIES = ("asserted", "reported", "hypothetical", "planned")
ROLE_STATUSES = ("current", "former")


@dataclass(frozen=True)
class Article:
    """One news document and its metadata; `id` is its URL or given id, else a content hash."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Entity:
    """An actor, place or news source as resolved in one document.

    `key` is the slug that becomes the IRI; `kind` is an actor kind, "Place" or "Source".
    """

    key: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Claim:
    """One relation mention: subject/object entity keys plus everything needed to trace it.

    `date` is the day the sentence names for it ('last Wednesday', phrase in `date_text`), else the
    article's date. `role_status` marks a title statement current or former ('ex-Defense
    Minister'); a former role is evidence, never a direct edge. `*_sector` is the part of a state
    that acted ('Israeli officials' -> government); `*_coref` the rule that resolved an anaphoric
    argument ('the Russian leader', 'he'). `rejected_by` / `accepted_by` name the analyst's
    curation decision (kg/curation.py) that rejected or confirmed the statement.
    """

    doc_id: str
    subject: str
    relation: str
    object: str
    sentence: str
    start: int
    end: int
    trigger: str
    rule: str
    confidence: float = 0.8
    polarity: str = "affirmed"
    modality: str = "asserted"
    attribution: str | None = None
    date: dt.date | None = None
    title: str | None = None
    date_text: str | None = None
    role_status: str | None = None
    subject_sector: str | None = None
    object_sector: str | None = None
    subject_coref: str | None = None
    object_coref: str | None = None
    object_is_event: bool = False
    rejected_by: str | None = None
    accepted_by: str | None = None

    @property
    def is_fact(self) -> bool:
        """Affirmed, not hypothetical/planned, between two actors, not a former role, not
        rejected by an analyst: enough to assert the direct edge (a statement about an event is
        evidence, never an edge; so is one an analyst's merge turned into an actor's relation to
        itself)."""
        return (
            self.polarity == "affirmed"
            and self.modality in ("asserted", "reported")
            and self.role_status != "former"
            and not self.object_is_event
            and self.rejected_by is None
            and self.subject != self.object
        )


@dataclass(frozen=True)
class Event:
    """An event a claim is about ('the killing of Ismail Haniyeh'): not an actor, never a party.

    `victim` and `perpetrators` are entity keys; `type` comes from the event-noun lexicon.
    """

    key: str
    label: str
    type: str
    victim: str | None = None
    perpetrators: tuple[str, ...] = ()
    date: dt.date | None = None


@dataclass(frozen=True)
class Extraction:
    """What one article yields: the entities it mentions, the events claims are about, and the
    claims."""

    article: Article
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = field(default=())
    events: tuple[Event, ...] = ()
