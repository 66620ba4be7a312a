"""Relation mentions found by dependency patterns generated from the trigger lexicon.

Each lexicon line becomes `DependencyMatcher` patterns, one per shape (verb + object, verb + prep +
object, passive, event noun + prep, 'between X and Y', light verb + noun, 'hailed X as an ally',
'X, an ally of Y'). Subjects, coordination and context are then read off the tree around the match.
`RelationFinder` writes the matches to `doc._.kg_relations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicon import Lexicon, Trigger
from ..resolve import Gazetteer
from .arguments import Arguments, RelationMatch
from .context import Context, read_context
from .matching import TriggerMatcher
from .roles import find_roles

__all__ = ["RelationFinder", "verb_subjects"]

_VERB = {"POS": {"IN": ["VERB"]}}
_NOUN = {"POS": {"IN": ["NOUN", "PROPN"]}}


def _node(name: str, attrs: dict, parent: str | None = None, rel: str = ">") -> dict:
    node = {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}
    if parent:
        node |= {"LEFT_ID": parent, "REL_OP": rel}
    return node


def _prep(words: tuple[str, ...] | list[str]) -> dict:
    return {"DEP": "prep", "LOWER": {"IN": list(words)}}


def _patterns(trigger: Trigger, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
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
        if reciprocal:  # 'Putin and Xi met in Beijing'
            yield (
                "reciprocal",
                [
                    _node("trigger", verb),
                    _node("first", {"DEP": "nsubj"}, "trigger"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
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


# Shapes whose two parties are coordinated with each other: 'talks between X and Y', 'X and Y met'.
_PAIRWISE = ("between", "reciprocal")


def _has_own_object(word: Token, trigger: Trigger) -> bool:
    """'X and Y met with Z' is about Z: a reciprocal reading needs a trigger without an object."""
    return any(
        c.dep_ in ("dobj", "attr") or (c.dep_ == "prep" and c.lower_ in (*trigger.preps, "of"))
        for c in word.children
    )


_PROSPECTIVE_DISCOUNT = 0.8  # a threat read off a planned attack is less certain than a stated one


def _prospective(context: Context) -> Context | None:
    """A planned attack is an asserted threat; a feared one a hypothetical threat; a denied or
    carried-out attack is no threat at all."""
    if context.polarity != "affirmed" or context.modality not in ("planned", "hypothetical"):
        return None
    if context.modality == "hypothetical":
        return context
    return Context(
        context.polarity, "reported" if context.attribution else "asserted", context.attribution
    )


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def verb_subjects(verb: Token, raised: bool = False) -> list[Token]:
    """Who does what the verb says: nsubj, the passive agent, or the subject of the governing
    verb for infinitives and coordinated verbs ('X vowed to attack Y', 'X met Y and hailed Z');
    a passive governor raises its subject ('X is expected to meet Y')."""
    for child in verb.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
    for child in verb.children:
        subject = child.dep_ == "nsubj" or (raised and child.dep_ == "nsubjpass")
        if subject and child.pos_ != "PRON":
            return [child]
        if child.dep_ in ("nsubj", "nsubjpass"):
            return []
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and any(c.dep_ == "aux" for c in verb.children):
        # 'Iran denied any plan to attack Israel': the plan's owner, else who denied it
        owners = [c for c in verb.head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owners or verb.head.dep_ not in ("dobj", "nsubj", "pobj"):
            return owners
        return verb_subjects(verb.head.head) if verb.head.dep_ == "dobj" else []
    if verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        return verb_subjects(verb.head, raised=True)
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return verb_subjects(verb.head)
    return []


class RelationFinder:
    """The `kg_relations` component: relation, role and delegation mentions of a Doc."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.matcher = TriggerMatcher(vocab)
        # pattern name -> (lexicon line, shape, node names in the order the matcher reports tokens)
        self.shapes: dict[str, tuple[Trigger, str, tuple[str, ...]]] = {}
        for number, trigger in enumerate(lexicon.triggers):
            for shape, pattern in _patterns(trigger, lexicon):
                name = f"{number}:{shape}"
                self.shapes[name] = (trigger, shape, tuple(node["RIGHT_ID"] for node in pattern))
                self.matcher.add(name, [pattern])
        # Verbs whose subject is the agent of the event noun they take: 'held talks with',
        # 'ruled out a meeting with', 'plans an attack on', 'attended the talks with'.
        self._agent_verbs = (
            lexicon["light_verbs"]
            | lexicon["negative_verbs"]
            | lexicon["planned_words"]
            | lexicon["participation_verbs"]
        )
        if not Doc.has_extension("kg_relations"):
            Doc.set_extension("kg_relations", default=None)

    def __call__(self, doc: Doc) -> Doc:
        arguments = Arguments(doc, self.gazetteer, self.lexicon)
        found: dict[tuple, RelationMatch] = {}
        for match in chain(
            self._pattern_matches(doc, arguments), find_roles(doc, arguments, self.lexicon)
        ):
            key = (match.trigger, match.relation, match.subject.key, match.object.key)
            found.setdefault(key, match)
        doc._.kg_relations = [found[key] for key in sorted(found)]
        return doc

    def _pattern_matches(self, doc: Doc, arguments: Arguments) -> Iterator[RelationMatch]:
        for match_id, token_ids in self.matcher(doc):
            trigger, shape, names = self.shapes[doc.vocab.strings[match_id]]
            nodes = {name: doc[i] for name, i in zip(names, token_ids, strict=True)}
            yield from self._matches(trigger, shape, nodes, arguments)

    def _subjects(self, shape: str, nodes: dict[str, Token]) -> list[Token]:
        trigger = nodes["trigger"]
        if shape in _PAIRWISE:
            return [nodes["first"]]
        if shape == "as":
            return verb_subjects(nodes["verb"])
        if shape in ("appos-of", "attr-of"):
            return [nodes["described"]]
        if shape == "possessive":
            return [c for c in trigger.children if c.dep_ == "appos"] or (
                [trigger.head] if trigger.dep_ == "compound" else []
            )
        if trigger.pos_ == "VERB":
            return verb_subjects(trigger)
        return self._noun_agents(trigger)

    def _noun_agents(self, noun: Token) -> list[Token]:
        """The agent of an event noun: "Iran's strike", 'strike by Iran', 'an Israeli strike',
        or the subject of the light verb it is the object of ('Iran launched an attack')."""
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return [child]
        for child in noun.children:
            if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                return [c for c in child.children if c.dep_ == "pobj"]
        for child in noun.children:
            if child.dep_ in ("amod", "compound") and child.ent_type_:
                return [child]
        verb = noun.head
        if noun.dep_ == "dobj" and verb.lemma_ in self._agent_verbs:
            return verb_subjects(verb)
        if (
            noun.dep_ == "pobj"
            and verb.dep_ == "prep"
            and verb.head.lemma_ in self.lexicon["participation_verbs"]
        ):
            # 'Qatar was (not) invited to the talks', 'X invited Qatar to the talks'
            invited = verb.head
            return [
                c for c in invited.children if c.dep_ in ("nsubjpass", "dobj")
            ] or verb_subjects(invited)
        return []

    def _matches(
        self, trigger: Trigger, shape: str, nodes: dict[str, Token], arguments: Arguments
    ) -> Iterator[RelationMatch]:
        word = nodes["trigger"]
        if shape == "reciprocal" and _has_own_object(word, trigger):
            return
        # 'between X and Y', 'X and Y met' pair X with its conjuncts; elsewhere coordination
        # multiplies subjects and objects.
        expand = (lambda t: [t]) if shape in _PAIRWISE else _with_conjuncts
        subjects = [
            arg
            for token in self._subjects(shape, nodes)
            for t in expand(token)
            if (arg := arguments.resolve(t)) is not None and arg.is_actor
        ]
        objects = [
            arg
            for t in _with_conjuncts(nodes["object"])
            if (arg := arguments.resolve(t)) is not None and arg.is_actor
        ]
        context = read_context(word, self.lexicon)
        rule = f"{trigger.rule}/{shape}"
        for subject in subjects:
            for obj in objects:
                if subject.key == obj.key:
                    continue
                yield RelationMatch(
                    trigger.relation, subject, obj, word.i, rule, trigger.confidence, context
                )
                prospective = _prospective(context) if trigger.prospective else None
                if prospective is not None:
                    yield RelationMatch(
                        trigger.prospective,
                        subject,
                        obj,
                        word.i,
                        f"{trigger.prospective}/prospective-{shape}",
                        round(trigger.confidence * _PROSPECTIVE_DISCOUNT, 2),
                        prospective,
                    )
