"""Objects that are events: "Russia condemned the killing of Haniyeh" is about a killing.

A noun of the `event_types` lexicon in the object position of a trigger that takes events is read
as an event: its type, its victim ('of X', 'on X'), and its perpetrator when the text names one
("Israel's killing of X", 'by X', 'an Israeli strike', 'which al-Shabaab claimed').
"""

from __future__ import annotations

from spacy.tokens import Token

from ..model import COLLECTIVE_KINDS
from ..vocab import slugify
from .arguments import Arg, Arguments, EventMention, prep_objects, stray_by

__all__ = ["read_event"]

_TARGET_PREPS = ("of", "on", "against", "upon")


def _target(noun: Token, blame: Token | None) -> tuple[str, Token] | None:
    """('of', the head of 'the embassy') for 'the bombing of the embassy'; not the 'on' of whom
    it is blamed on (`blame`: 'blamed the bombing on Iran')."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and child != blame:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    return child.lower_, pobj  # ('the attack on Wednesday' is when)
    return None


def _casualties(noun: Token, fell: frozenset[str]) -> tuple[str, Token] | None:
    """('that killed', the head of '15 Israelis') for 'a bombing that killed 15 Israelis': whom a
    relative clause says the event killed or wounded is its victim."""
    for verb in noun.children:
        if verb.dep_ == "relcl" and verb.lemma_ in fell:
            for obj in verb.children:
                if obj.dep_ == "dobj" and not any(
                    c.dep_ == "det" and c.lower_ == "no" for c in obj.children
                ):  # 'an attack that killed no one' names no victim
                    return noun.doc[verb.left_edge.i : obj.left_edge.i].text, obj
    return None


def _claimants(noun: Token, arguments: Arguments) -> list[Token]:
    """Subjects of a claiming clause on the event or its target: 'which al-Shabaab claimed',
    'carried out by X'; a relative pronoun subject names no one."""
    found = []
    for token in noun.subtree:
        if token.dep_ in ("relcl", "acl") and token.lemma_ in arguments.lexicon["claiming_verbs"]:
            found += [
                t for t in arguments.verb_subjects(token) if t.i != noun.i and t.dep_ != "relcl"
            ]
    return found


def _stray_agents(noun: Token, target: Token | None) -> list[Token]:
    """'condemned the abduction of X by Y', 'the bombing of its embassy by Y': the small model
    hangs 'by Y' on the event's target or on the active verb whose object the event is; neither
    takes an agent of its own, so it is the event's."""
    found = prep_objects(target, "by") if target is not None else []
    outer = noun.head.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and outer.pos_ in ("NOUN", "PROPN"):
        # 'an inquiry into the killings by X': 'by X' hung on the outer noun or its verb
        found += [t for t in prep_objects(outer, "by") + stray_by(outer) if t.i > noun.i]
    return found + (stray_by(noun) if noun.dep_ == "dobj" else [])


def read_event(noun: Token, arguments: Arguments) -> EventMention | None:
    """The event a noun names, or None when it is not an event noun of the lexicon."""
    kind = arguments.lexicon.event_types.get(noun.lemma_.lower())
    if kind is None:
        return None
    blamed = arguments.blamed_on(noun)
    undergoer = arguments.undergoer(noun)  # "Haniyeh's killing": the killing of Haniyeh
    target = (
        _target(noun, arguments.blame_prep(noun))
        or _casualties(noun, arguments.lexicon["casualty_verbs"])
        or (("of", undergoer) if undergoer is not None else None)
    )
    victim = arguments.resolve(target[1]) if target else None
    victim = victim if victim is not None and victim.is_actor else None
    perpetrators: dict[str, Arg] = {}
    candidates = (
        blamed
        or arguments.noun_agents(noun, clause=False)
        or _stray_agents(noun, target[1] if target else None)
    )
    for token in candidates + _claimants(noun, arguments):
        # 'by Israeli settlers': people named by a demonym act for their state
        arg = arguments.resolve(token) or arguments.modifier_actor(
            token, COLLECTIVE_KINDS, ("amod",)
        )
        if arg is not None and arg.is_actor and (victim is None or arg.key != victim.key):
            perpetrators.setdefault(arg.key, arg)
    if target is None:
        label = noun.text.lower()
        # 'the attack', 'the strikes' alone: not 'the October 7 attack', 'the attack by X'
        children = list(noun.children)
        definite = (
            noun.tag_ in ("NN", "NNS")
            and len(children) == 1
            and children[0].dep_ == "det"
            and children[0].lower_ in ("the", "this", "that")
        )
        return EventMention(
            slugify(kind), kind, label, None, tuple(perpetrators.values()), False, definite
        )
    prep, head = target
    phrase = arguments.doc[head.left_edge.i : head.i + 1]
    label = f"{noun.text.lower()} {prep} {phrase.text}"
    words = [t.text for t in phrase if t.dep_ != "det" and t.pos_ != "PRON"]
    named = victim.key if victim else " ".join(words)
    return EventMention(
        slugify(f"{kind} {named}"),
        kind,
        label,
        victim,
        tuple(perpetrators.values()),
        True,
    )
