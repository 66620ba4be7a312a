"""Lexicon line -> DependencyMatcher patterns, one per shape of the sentence that can state it.

Verbs: object, passive, preposition, preposition on the object, indirect object, participle
('Iran-backed X'), that-clause, infinitive complement (and a preposition on its object),
coordinated subjects, a compound subject with no object ('the two leaders met': shape
'members', the trigger node alone). Event nouns: preposition, light verb, 'between X and Y'.
Relational nouns ('ally'): 'hailed X as an ally', 'X, an ally of Y', "Y's ally X". Node
'trigger' is always the trigger word and node 'object' the object (not in 'members').
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import Lexicon, Trigger

__all__ = ["patterns"]

_VERB = {"POS": {"IN": ["VERB"]}}
_NOUN = {"POS": {"IN": ["NOUN", "PROPN"]}}


def _node(name: str, attrs: dict, parent: str | None = None, rel: str = ">") -> dict:
    node = {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}
    if parent:
        node |= {"LEFT_ID": parent, "REL_OP": rel}
    return node


def _prep(words: tuple[str, ...] | list[str]) -> dict:
    # the parser calls 'to' of 'provided arms to X' a dative
    return {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(words)}}


def patterns(trigger: Trigger, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
    """(shape, pattern) pairs for one lexicon line; node 'trigger' is always the trigger word."""
    lemma = {"LEMMA": {"IN": list(trigger.lemmas)}}
    light_verb = {"LEMMA": {"IN": sorted(lexicon["light_verbs"])}}
    reciprocal = "with" in trigger.preps or trigger.frame == "relational"
    if trigger.frame == "relational":
        noun = lemma | _NOUN
        describing = {"LEMMA": {"IN": sorted(lexicon["describing_verbs"])}}
        yield (
            "as",
            [
                _node("verb", describing | _VERB),
                _node("object", {"DEP": "dobj"}, "verb"),
                _node("as", {"LOWER": "as"}, "verb"),
                _node("trigger", noun | {"DEP": "pobj"}, "as"),
            ],
        )
        yield (
            "appos-of",
            [
                _node("described", {}),
                _node("trigger", noun | {"DEP": "appos"}, "described"),
                _node("of", _prep(["of"]), "trigger"),
                _node("object", {"DEP": "pobj"}, "of"),
            ],
        )
        yield (
            "attr-of",
            [
                _node("verb", {"LEMMA": "be"}),
                _node("described", {"DEP": "nsubj"}, "verb"),
                _node("trigger", noun | {"DEP": "attr"}, "verb"),
                _node("of", _prep(["of"]), "trigger"),
                _node("object", {"DEP": "pobj"}, "of"),
            ],
        )
        yield "possessive", [_node("trigger", noun), _node("object", {"DEP": "poss"}, "trigger")]
        # 'Moscow and Beijing are close allies'
        governor, role = {"LEMMA": "be"}, "attr"
    elif trigger.pos == "VERB":
        verb = lemma | _VERB
        if trigger.dobj:
            yield "dobj", [_node("trigger", verb), _node("object", {"DEP": "dobj"}, "trigger")]
            # 'Iran-backed Houthis', 'separatists backed by Russia'
            participle = verb | {"DEP": {"IN": ["amod", "acl"]}, "TAG": "VBN"}
            yield (
                "participle",
                [_node("trigger", participle), _node("object", _NOUN, "trigger", "<")],
            )
            yield (
                "passive",
                [
                    _node("trigger", verb),
                    _node("object", {"DEP": "nsubjpass"}, "trigger"),
                ],
            )
        if trigger.preps:
            yield (
                "prep",
                [
                    _node("trigger", verb),
                    _node("prep", _prep(trigger.preps), "trigger"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
        if trigger.preps and not trigger.dobj:
            # 'fired missiles at Israel', 'brokered talks between X and Y' (prep on the object)
            yield (
                "object-prep",
                [
                    _node("trigger", verb),
                    _node("thing", {"DEP": "dobj"}, "trigger"),
                    _node("prep", _prep(trigger.preps), "thing"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
        if "to" in trigger.preps and not trigger.dobj:
            # 'gave Jordan a loan': the indirect object is the recipient
            yield (
                "indirect",
                [_node("trigger", verb), _node("object", {"DEP": "dative"} | _NOUN, "trigger")],
            )
        if trigger.clausal:  # 'demanded that Iran release the sailors', 'said Iran must ...'
            must = {"DEP": "aux", "LOWER": {"IN": list(trigger.clause_aux)}}
            yield (
                "clause",
                [
                    _node("trigger", verb),
                    _node("clause", {"DEP": "ccomp"}, "trigger"),
                    _node("object", {"DEP": "nsubj"}, "clause"),
                ]
                + ([_node("aux", must, "clause")] if trigger.clause_aux else []),
            )
        if trigger.complement:  # 'threatened to cut ties with X', 'threatened to bomb X'
            act = {"DEP": "xcomp", "POS": "VERB"}
            yield (
                "complement",
                [
                    _node("trigger", verb),
                    _node("act", act, "trigger"),
                    _node("object", {"DEP": "dobj"}, "act"),
                ],
            )
            yield (
                "complement-prep",
                [
                    _node("trigger", verb),
                    _node("act", act, "trigger"),
                    _node("prep", _prep(trigger.preps), "act"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
            # 'threatened to impose tariffs on X' (the preposition on the act's object)
            yield (
                "complement-object-prep",
                [
                    _node("trigger", verb),
                    _node("act", act, "trigger"),
                    _node("thing", {"DEP": "dobj"}, "act"),
                    _node("prep", _prep(trigger.preps), "thing"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
        if reciprocal:  # 'Putin and Xi met in Beijing'
            yield (
                "reciprocal",
                [
                    _node("trigger", verb),
                    _node("first", {"DEP": "nsubj"}, "trigger"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'Iran and Saudi Arabia restored ties and agreed to ...': the first verb's subjects
            yield (
                "reciprocal-conj",
                [
                    _node("trigger", verb | {"DEP": "conj"}),
                    _node("verb", _VERB, "trigger", "<"),
                    _node("first", {"DEP": "nsubj"}, "verb"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'Hungarian and Romanian officials agreed', 'the two leaders met'
            yield "members", [_node("trigger", verb)]
        return
    else:
        noun = lemma | _NOUN
        if trigger.preps:
            yield (
                "prep",
                [
                    _node("trigger", noun),
                    _node("prep", _prep(trigger.preps), "trigger"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
            dative = {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(trigger.preps)}}
            yield (
                "light-verb",
                [
                    _node("verb", light_verb),
                    _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                    _node("prep", dative, "verb"),
                    _node("object", {"DEP": "pobj"}, "prep"),
                ],
            )
        if reciprocal:
            yield (
                "between",
                [
                    _node("trigger", noun),
                    _node("prep", _prep(["between", "among"]), "trigger"),
                    _node("first", {"DEP": "pobj"}, "prep"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
        # 'Erdogan and Putin held a telephone conversation'
        governor, role = light_verb, "dobj"
    if reciprocal:
        yield (
            "reciprocal",
            [
                _node("verb", governor),
                _node("trigger", noun | {"DEP": role}, "verb"),
                _node("first", {"DEP": "nsubj"}, "verb"),
                _node("object", {"DEP": "conj"}, "first"),
            ],
        )
        yield "members", [_node("trigger", noun)]
