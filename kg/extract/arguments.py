"""Which actor a token in an argument position stands for.

A named entity is its resolved mention (a capital in an argument position is its state); a
role noun with an apposition is the named person ("army chief, Herzi Halevi"); a sector or
asset noun with an actor modifier is that actor ("Iranian officials", "Hezbollah positions");
a delegation noun is the delegation.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..model import ACTOR_KINDS
from ..resolve import Gazetteer
from ..vocab import slugify
from .actors import SPAN_KEY
from .context import Context

__all__ = ["Arg", "Arguments", "RelationMatch"]

_MODIFIER_DEPS = ("amod", "compound", "poss", "nmod")


@dataclass(frozen=True)
class Arg:
    """A resolved argument: the entity key, label and kind, and the tokens that name it."""

    key: str
    label: str
    kind: str
    start: int
    end: int

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS


@dataclass(frozen=True)
class RelationMatch:
    """One relation mention inside a Doc (token indices); `kg.extract` turns it into a Claim."""

    relation: str
    subject: Arg
    object: Arg
    trigger: int
    rule: str
    confidence: float
    context: Context
    title: str | None = None


class Arguments:
    """Token -> Arg look-ups for one Doc; built per document from `doc.spans["kg_actors"]`."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.spans: dict[int, Span] = {}
        for span in doc.spans.get(SPAN_KEY, []):
            for i in range(span.start, span.end):
                self.spans[i] = span

    def label(self, key: str, fallback: str) -> str:
        entry = self.gazetteer.entries.get(key)
        return entry.label if entry else fallback

    def mention(self, token: Token) -> Arg | None:
        """The entity a token is part of, as named (a capital stays a Place)."""
        span = self.spans.get(token.i)
        if span is None:
            return None
        return Arg(span.id_, self.label(span.id_, span.text), span.label_, span.start, span.end)

    def agent(self, token: Token) -> Arg | None:
        """The entity a token names when it acts: capitals and metonyms become their state."""
        span = self.spans.get(token.i)
        if span is None:
            return None
        if span.kb_id_ != span.id_:
            state = self.gazetteer.entries[span.kb_id_]
            return Arg(state.key, state.label, state.kind, span.start, span.end)
        return self.mention(token)

    def modifier_actor(
        self,
        token: Token,
        kinds: tuple[str, ...] = ("State",),
        deps: tuple[str, ...] = _MODIFIER_DEPS,
    ) -> Arg | None:
        """An actor named by a modifier of the token: 'Iranian', 'Tehran', "Russia's"."""
        for child in token.children:
            if child.dep_ in deps:
                arg = self.agent(child)
                if arg is not None and arg.kind in kinds:
                    return arg
        return None

    def resolve(self, token: Token) -> Arg | None:
        """The actor (or place) a token in an argument position stands for, if any."""
        arg = self.agent(token)
        if arg is not None:
            return None if arg.kind == "Source" else arg
        forms = (token.lemma_.lower(), token.lower_)
        if self.lexicon.matches("source_nouns", *forms):
            return None
        for child in token.children:
            if child.dep_ == "appos":
                arg = self.agent(child)
                if arg is not None and arg.is_actor:
                    return arg
        if self.lexicon.matches("delegation_nouns", *forms):
            return self.delegation(token)
        kinds = ("State", "Group", "Organization")
        if self.lexicon.matches("sector_nouns", *forms):
            return self.modifier_actor(token, kinds)
        if self.lexicon.matches("proposal_nouns", *forms):
            # 'rejected Hamas's proposal' is about Hamas; 'rejected a Qatari proposal' is not
            return self.modifier_actor(token, kinds, ("poss",))
        if self.lexicon.matches("asset_nouns", *forms):
            # 'Hezbollah positions', "Iran's bases" -- but 'Albanian rebel-held territory'
            # is not Albania's: an adjective names people, not the owner
            return self.modifier_actor(token, kinds, ("compound", "poss"))
        return None

    def delegation(self, token: Token) -> Arg | None:
        """'a Russian defense delegation in Tehran': sender, kind words and place make its key."""
        sender = self.delegation_sender(token)
        if sender is None:
            return None
        kinds = [
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "amod") and c.i not in self.spans and c.is_alpha
        ]
        place = self.delegation_place(token)
        parts = [sender.key, *kinds, "delegation"] + ([place.key] if place else [])
        name = self.gazetteer.demonym_of(sender.key) or sender.label
        label = " ".join([name, *kinds, "delegation"]) + (f" in {place.label}" if place else "")
        start = min([token.i, *(c.i for c in token.lefts)])
        return Arg(slugify(" ".join(parts)), label, "Delegation", start, token.i + 1)

    def delegation_sender(self, token: Token) -> Arg | None:
        sender = self.modifier_actor(token)
        if sender is not None:
            return sender
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "from":
                for pobj in child.children:
                    arg = self.agent(pobj) if pobj.dep_ == "pobj" else None
                    if arg is not None and arg.is_actor:
                        return arg
        return None

    def delegation_place(self, token: Token) -> Arg | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
                for pobj in child.children:
                    arg = self.mention(pobj) if pobj.dep_ == "pobj" else None
                    if arg is not None and arg.kind in ("Place", "State"):
                        return arg
        return None
