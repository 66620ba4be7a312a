"""Relation mentions found by dependency patterns generated from the trigger lexicon.

Each lexicon line becomes `DependencyMatcher` patterns, one per shape (`kg.extract.patterns`).
Subjects, coordination, context and event objects are then read off the tree around the match.
`RelationFinder` writes the matches to `doc._.kg_relations`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from itertools import chain, combinations

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..lexicon import Lexicon, Trigger
from ..model import COLLECTIVE_KINDS
from ..resolve import Gazetteer
from ..vocab import slugify
from .actors import has_score
from .arguments import (
    Arg,
    Arguments,
    EventMention,
    RelationMatch,
    compound_modifiers,
    is_former,
    listed,
    prep_objects,
)
from .context import Context, denied, infinitive, read_context, subjunctive
from .events import read_event
from .matching import TriggerMatcher
from .patterns import patterns
from .roles import delegation_leaders, find_roles
from .sectors import SECTOR_KEY
from .tokens import token_table

__all__ = ["RelationFinder"]

# Shapes whose two parties are coordinated with each other: 'talks between X and Y', 'X and Y met'.
_PAIRWISE = (
    "between",
    "between-subject",
    "reciprocal",
    "reciprocal-conj",
    "reciprocal-compound",
    "reciprocal-raised",
    "reciprocal-series",
    "reciprocal-each",
    "reciprocal-passive",
)


def _without_trigger_words(node: dict) -> dict:
    if node["RIGHT_ID"] != "trigger":
        return node
    attrs = {k: v for k, v in node["RIGHT_ATTRS"].items() if k != "LEMMA"}
    return node | {"RIGHT_ATTRS": attrs}


def _has_own_object(word: Token, trigger: Trigger, arguments: Arguments) -> bool:
    """'X and Y met with Z' is about Z: a reciprocal reading needs a trigger without an object.
    'of' names one only if an actor follows ('signed a treaty of friendship' has none), a
    preposition before the trigger is an adjunct ('With the accord signed, X and Y agreed'); a noun
    the line reads the verb through is none ('X and Y restored *ties*'), but its preposition
    is ('restored ties *with Z*')."""
    nouns = arguments.lexicon[trigger.object_nouns] if trigger.object_nouns else frozenset()
    things = [c for c in word.children if c.dep_ == "dobj" and c.lemma_ in nouns]
    return any(
        (c.dep_ in ("dobj", "attr") and c.lemma_ not in nouns)
        or (c.dep_ == "prep" and c.lower_ in trigger.preps and c.lower_ != "of" and c.i > word.i)
        or (c.dep_ == "prep" and c.lower_ == "of" and _names_actor(c, arguments))
        for c in [*word.children, *(c for thing in things for c in thing.children)]
    )


def _names_actor(prep: Token, arguments: Arguments) -> bool:
    return any(
        (arg := arguments.resolve(c)) is not None and arg.is_actor
        for c in prep.children
        if c.dep_ == "pobj"
    )


def _states_a_view(word: Token, lexicon: Lexicon) -> bool:
    """'France agreed with Germany that the risk was high' shares a view, no agreement; a clause
    with a modal ('agreed that their armies should hold drills') is a commitment."""
    return word.lemma_ in lexicon["opinion_verbs"] and any(
        c.dep_ == "ccomp" and not any(a.tag_ == "MD" for a in c.children) for c in word.children
    )


# the context.json lists of hostile measures whose lifting or halting relieves their target
_RELIEVED_NOUNS = ("restriction_nouns", "blockade_nouns", "offensive_nouns", "objection_nouns")
# the lists of friendly measures whose cutting or ending withdraws them from their target
_CUT_NOUNS = ("aid_nouns", "backing_nouns", "tie_nouns")
_PROSPECTIVE_DISCOUNT = 0.8  # a threat read off a planned attack is less certain than a stated one
_INDIRECT_DISCOUNT = 0.8  # 'condemned the killing by Y' condemns Y less surely than 'condemned Y'


def _prospective(context: Context) -> Context | None:
    """A planned attack is an asserted threat; a feared one a hypothetical threat; a denied or
    carried-out attack is no threat at all."""
    if context.polarity != "affirmed" or context.modality not in ("planned", "hypothetical"):
        return None
    if context.modality == "hypothetical":
        return context
    return Context(context.polarity, _standing(context), context.attribution)


def _standing(context: Context) -> str:
    """The modality of a measure in force, whatever is planned for it: stated by the text, or
    reported by its source."""
    return "reported" if context.attribution else "asserted"


def _event_matches(
    trigger: Trigger,
    event: EventMention,
    subjects: list[Arg],
    word: int,
    rule: str,
    context: Context,
) -> Iterator[RelationMatch]:
    """The statement about the event itself, and one about each perpetrator the text names
    ('condemned the killing of X by Y' condemns Y); never one about the victim."""
    obj = Arg(event.key, event.label, "Event", word, word + 1)
    for subject in subjects:
        yield RelationMatch(
            trigger.relation, subject, obj, word, rule, trigger.confidence, context, event=event
        )
        for perpetrator in event.perpetrators:
            if perpetrator.key != subject.key:
                yield RelationMatch(
                    trigger.relation,
                    subject,
                    perpetrator,
                    word,
                    f"{trigger.relation}/event-perpetrator",
                    round(trigger.confidence * _INDIRECT_DISCOUNT, 2),
                    context,
                )


# Shapes whose object is the trigger's direct object ('rejected *as baseless* the accusations').
_DIRECT = ("dobj", "dobj-fronted")
# Shapes whose object is named by the line's purpose verb ('rallied to denounce X').
_PURPOSE_SHAPES = (
    "purpose-act",
    "purpose-act-object",
    "prep-object-purpose-act",
    "light-verb-purpose-act",
)
# Prepositions of a time or a concession, not of the act's purpose or manner.
_TIME_PREPS = ("after", "before", "since", "until", "following", "despite")


def _addressee(act: Token, lexicon: Lexicon) -> bool:
    """Whether the act's object is the one pressed, not the thing asked for: a verb of
    `object_control_verbs` or `called_on_verbs` with an infinitive, one of `protest_demands`
    unless the verb is one of `pressing_verbs` ('to press *Milosevic* to resign', 'calling on
    Yeltsin to resign', 'to press the government to raise pay'; 'to request EU membership' asks
    for the membership, 'urging NATO to intervene' asks NATO's help; the parser may make the
    infinitive a clause of purpose: 'to press the government to release X')."""
    asking = act.lemma_ in lexicon["object_control_verbs"] or lexicon.lookup(
        "called_on_verbs", act.lemma_
    )
    pressing = act.lemma_ in lexicon["pressing_verbs"]
    return bool(asking) and any(
        (c.dep_ == "xcomp" or (c.dep_ == "advcl" and infinitive(c)))
        and (pressing or c.lemma_ in lexicon["protest_demands"])
        for c in act.children
    )


def _cancelled(word: Token, trigger: Trigger) -> bool:
    """A purpose in the trigger's clause among the line's `unless` words: 'demonstrated outside
    the embassy in support of X', '... to celebrate the victory' is no protest; or a modifier of
    the trigger's own, or the preposition or verb it is the object of: 'a general strike against
    X', 'went on strike against X', 'staged a strike against X' are no attack, 'pressed ahead
    with talks with X' no demand, 'scored twice as France beat Belgium' no attack; or a
    modifier of its direct object: 'withdrew its *peacekeeping* force' is no retreat, 'expelled
    the UN *envoy* Jan Pronk' no expulsion of a person, 'handed over *their* weapons' no aid; or,
    for a line with 'score' among them, a match score in the clause ('France beat Belgium 1-0')."""
    clause = word.head if word.dep_ == "dobj" else word
    own = ("amod", "compound", "advmod", "prt")
    doc = clause.doc
    return (
        (
            "score" in trigger.unless
            and has_score(doc[clause.left_edge.i : clause.right_edge.i + 1].text)
        )
        or any(
            (t.lemma_ in trigger.unless or t.lower_ in trigger.unless)
            and t.dep_ in ("pobj", "dobj", "advcl", "xcomp")
            and t.head.lower_ not in _TIME_PREPS  # 'attacked X after a speech by Y' did attack
            for t in clause.subtree
        )
        or any(c.lower_ in trigger.unless and c.dep_ in own for c in word.children)
        or (word.dep_ == "pobj" and word.head.lower_ in trigger.unless)
        or (word.dep_ in ("dobj", "advcl") and word.head.lemma_ in trigger.unless)
        or any(
            m.lower_ in trigger.unless and m.dep_ in ("amod", "compound", "poss")
            for c in word.children
            if c.dep_ == "dobj"
            for m in c.children
        )
    )


def _question(clause: Token) -> bool:
    """'(asked) why / whether Iran attacked': an indirect question, not a demand's content."""
    return any(
        c.tag_ in ("WRB", "WP", "WDT") or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
        for c in clause.children
    )


def _conditional(clause: Token, lexicon: Lexicon) -> bool:
    """'(would not negotiate) if it declared independence': a condition on the act."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lexicon["conditional_marks"] for c in clause.children
    )


def _allied(word: Token, nodes: dict[str, Token]) -> bool:
    """'fought with X against Y': X fought alongside, Y is the enemy."""
    return nodes["prep"].lower_ == "with" and any(
        c.dep_ == "prep" and c.lower_ == "against"
        for c in (*word.children, *nodes["object"].children)
    )


def _between(noun: Token) -> list[Token]:
    """'clashes between Armenian and Azerbaijani troops', 'fighting broke out between Thai and
    Cambodian soldiers': the parties after 'between', on the noun or on the verb it is subject
    of."""
    holders = [noun, noun.head] if noun.dep_ == "nsubj" else [noun]
    return [p for holder in holders for w in ("between", "among") for p in prep_objects(holder, w)]


def _named(target: Token) -> bool:
    """'called Netanyahu a butcher', '... illegitimate': the verb gives its object a name or a
    quality (after it, a complement of the verb or a common noun in apposition with no comma)."""
    doc = target.doc
    return any(c.dep_ in ("oprd", "acomp") and c.i > target.i for c in target.head.children) or any(
        c.dep_ == "appos"
        and c.pos_ != "PROPN"  # 'met his counterpart Wang Yi' names the counterpart
        and c.i > target.i
        and not doc[c.left_edge.i - 1].is_punct
        for c in target.children
    )


def _reflexive(word: Token, lexicon: Lexicon) -> bool:
    """'declared themselves allies': the noun describes the subjects of its verb."""
    return word.dep_ in ("dobj", "oprd") and any(
        c.dep_ == "dobj" and c.i < word.i and c.lower_ in lexicon["reflexive_pronouns"]
        for c in word.head.children
    )


def _named_means(act: Token, lexicon: Lexicon) -> bool:
    """A response whose means is named and no force ('respond ... *by* sending aid', '... *with*
    a complaint'; not '*with* force', '*with* strikes'): the means says what it is."""
    forceful = lexicon["strike_nouns"] | lexicon["weapon_nouns"] | lexicon["retaliation_nouns"]
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("by", "with")
        and not any(o.lemma_ in forceful or o.lower_ == "force" for o in c.children)
        for c in act.children
    )


def _refusers(refusal: Token, arguments: Arguments) -> set[str]:
    """Who refuses: 'Israel rejected Egypt's aid to Gaza' is Israel's refusal, not Egypt's."""
    found = (
        arguments.noun_agents(refusal)
        if refusal.pos_ == "NOUN"
        else arguments.verb_subjects(refusal)
    )
    return {a.key for t in found for a in arguments.parties(t)}


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and its conjuncts, less those a 'not' excludes ('Hezbollah but not Hamas', 'not
    Russia but Iran'; 'not only X but also Y' keeps both), and names a headline lists with a
    comma, which the parser makes appositions ('Trump threatens Canada, Mexico')."""
    conjuncts = [c for c in token.conjuncts if not _excluded(c)]
    return [*([] if conjuncts and _excluded(token) else [token]), *conjuncts, *_listed(token)]


def _listed(name: Token) -> list[Token]:
    """The names a headline lists after this one, which the parser makes its appositions."""
    return [c for c in name.children if c.dep_ == "appos" and listed(name, c)]


def _excluded(conjunct: Token) -> bool:
    """A conjunct with a 'not' just before it or on it, other than 'not only'."""
    doc, start = conjunct.doc, conjunct.left_edge.i
    # the 'not' of 'but not' hangs on the 'but'; a verb's own 'not' is no conjunct's
    nots = [
        t
        for t in doc[max(start - 2, 0) : start + 1]
        if t.dep_ == "neg" and (t.head.i == conjunct.i or t.head.dep_ == "cc")
    ]
    nots += [c for c in conjunct.children if c.dep_ == "neg" and c not in nots]
    return any(
        t.i + 1 >= len(doc) or doc[t.i + 1].lower_ not in ("only", "just", "merely") for t in nots
    )


class RelationFinder:
    """The `kg_relations` component: relation, role and delegation mentions of a Doc."""

    def __init__(
        self,
        vocab: Vocab,
        lexicon: Lexicon,
        gazetteer: Gazetteer,
        signs: dict[str, int | None] | None = None,
        symmetric: frozenset[str] = frozenset(),
    ) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.signs = signs or {}  # relation -> akg:sign: a refused friendly act is a rejection
        self.symmetric = symmetric  # relations whose two parties stand alike ('metWith')
        self.matcher = TriggerMatcher(vocab)
        # Lines whose patterns differ only in their trigger words share one pattern (the matcher's
        # cost grows with the number of patterns); the trigger's lemma picks the lines back.
        # pattern name -> (shape, node names in matcher order, lemma -> lexicon lines)
        self.shapes: dict[str, tuple[str, tuple[str, ...], dict[str, list[Trigger]]]] = {}
        merged: dict[str, tuple[str, list[dict], dict[str, list[Trigger]]]] = {}
        for trigger in lexicon.triggers:
            for shape, pattern in patterns(trigger, lexicon):
                nodes = [_without_trigger_words(node) for node in pattern]
                key = json.dumps([shape, nodes], sort_keys=True)
                _shape, _pattern, lines = merged.setdefault(key, (shape, pattern, {}))
                for lemma in trigger.lemmas:
                    lines.setdefault(lemma, []).append(trigger)
        for number, (shape, pattern, lines) in enumerate(merged.values()):
            words = {"LEMMA": {"IN": sorted(lines)}}
            pattern = [
                node | {"RIGHT_ATTRS": node["RIGHT_ATTRS"] | words}
                if node["RIGHT_ID"] == "trigger"
                else node
                for node in pattern
            ]
            name = f"{number}:{shape}"
            self.shapes[name] = (shape, tuple(node["RIGHT_ID"] for node in pattern), lines)
            self.matcher.add(name, [pattern])
        # the verbs that state each relation: 'agreed to a deal with X' is one agreement (a
        # particle verb only with its particle: 'called off the offensive', not 'called for')
        self._verbs = {
            relation: frozenset(
                lemma
                for t in lexicon.triggers
                if t.relation == relation and t.pos == "VERB" and t.particle is None
                for lemma in t.lemmas
            )
            for relation in {t.relation for t in lexicon.triggers}
        }
        # the verbs that take an event as their object ('condemned Russia's invasion')
        self._event_verbs = frozenset(
            lemma for t in lexicon.triggers if t.events and t.pos == "VERB" for lemma in t.lemmas
        )
        # the verbs a line reads without object nouns: an intention to do them is theirs to state
        self._act_verbs = frozenset(
            lemma
            for t in lexicon.triggers
            if t.pos == "VERB" and not (t.object_nouns or t.particle or t.intent)
            for lemma in t.lemmas
        )
        self._roles = frozenset(role.relation for role in lexicon.roles.values())
        self._attack_verbs = lexicon.trigger_lemmas("attacked", "VERB")
        # the words of the relations a purpose is read into ('rallied in X, denouncing Y')
        aimed = {t.relation for t in lexicon.triggers if t.purposes}
        self._aimed_words = frozenset(
            lemma for t in lexicon.triggers if t.relation in aimed for lemma in t.lemmas
        )
        # 'threatened to attack X' is read once, as the prospective threat of the attack: (the
        # relation, the act's lemma) -> the objects and prepositions its own line reads it with
        # (None: any object; no prepositions for a line that takes a direct object or an object
        # noun, whose preposition may hang on the noun)
        self._prospective_verbs: dict[
            tuple[str, str], list[tuple[frozenset[str] | None, frozenset[str]]]
        ] = {}
        for t in lexicon.triggers:
            if t.prospective and t.pos == "VERB":
                nouns = lexicon[t.object_nouns] if t.object_nouns else None
                preps = frozenset() if t.dobj or t.object_nouns else frozenset(t.preps)
                for lemma in t.lemmas:
                    self._prospective_verbs.setdefault((t.prospective, lemma), []).append(
                        (nouns, preps)
                    )
        # the verbs of friendly lines that undo a hostile measure, and of hostile lines that
        # cut a friendly one -> the measures they undo
        self._relieving = self._undoing(_RELIEVED_NOUNS, 1)
        # the verbs of friendly lines done 'with' another, and light verbs: a mediated deal or
        # swap their subjects made ('X and Y agreed to a truce brokered by Z', 'signed a deal
        # mediated by Z'; not 'X and Y violated the Z-brokered truce', 'backed a Z-brokered plan')
        self._friendly_verbs = lexicon["light_verbs"] | frozenset(
            lemma
            for t in lexicon.triggers
            if t.pos == "VERB" and self.signs.get(t.relation) == 1 and "with" in t.preps
            for lemma in t.lemmas
        )
        # (relation, verb) pairs some line reads with its recipient after 'to' ('supplied drones
        # to Russia'): their direct object is then what is given, not the party
        self._to_recipient = {
            (t.relation, lemma) for t in lexicon.triggers if "to" in t.preps for lemma in t.lemmas
        }
        self._cutting = self._undoing(_CUT_NOUNS, -1)
        # a negative verb blocks a hostile measure from coming ('threatened to veto the
        # sanctions against X' threatens no X)
        self._blocking = dict.fromkeys(
            lexicon["negative_verbs"], frozenset().union(*(lexicon[n] for n in _RELIEVED_NOUNS))
        )
        if not Doc.has_extension("kg_relations"):
            Doc.set_extension("kg_relations", default=None)

    def __call__(self, doc: Doc) -> Doc:
        arguments = Arguments(doc, self.gazetteer, self.lexicon)
        found: dict[tuple, RelationMatch] = {}
        roles = list(find_roles(doc, arguments, self.lexicon))
        # 'Serbian President X': whose officials the text says people are
        held = frozenset((m.subject.key, m.object.key) for m in roles if m.relation in self._roles)
        for match in chain(self._pattern_matches(doc, arguments, held), roles):
            key = (match.trigger, match.relation, match.subject.key, match.object.key)
            found.setdefault(key, match)
        for match in delegation_leaders(list(found.values()), self.lexicon):
            found.setdefault(
                (match.trigger, match.relation, match.subject.key, match.object.key), match
            )
        # 'the Serbian president promised to reform Serbia' states no intention toward another
        own = {(m.subject.key, m.object.key) for m in found.values() if m.relation in self._roles}
        told = self._told_events(
            doc,
            [
                found[key]
                for key in sorted(found)
                if "/intent" not in found[key].rule or key[2:] not in own
            ],
        )
        doc._.kg_relations = self._disputed(doc, arguments, told)
        return doc

    def _disputed(
        self, doc: Doc, arguments: Arguments, matches: list[RelationMatch]
    ) -> list[RelationMatch]:
        """'Iran supplied drones to Russia. Tehran denied it.': an actor that, later in the
        sentence or in the next one, denies the report, the claim or 'it' (`denial_verbs`,
        `accusation_nouns`), or denies doing an act of the relation ('HTS denied launching any
        offensive'), disputes what was said it did: alleged (hypothetical), no fact."""
        denials: dict[int, list[tuple[int, set[str], bool, list[Token]]]] = {}
        table = token_table(doc)
        words = self.lexicon["denial_verbs"]
        for i in (i for i, lemma in enumerate(table.lemma) if lemma in words):
            token = doc[i]
            if token.pos_ != "VERB" or denied(token):
                continue  # 'Tehran did not deny it'
            deniers = {a.key for t in arguments.verb_subjects(token) for a in arguments.parties(t)}
            objects = [c for c in token.children if c.dep_ == "dobj"]
            # '... denied it', '... denied the report', '..., a claim Tehran denied'
            anaphor = any(
                o.lemma_ in self.lexicon["accusation_nouns"]
                or (o.pos_ == "PRON" and o.lower_ in ("it", "this", "that", "them"))
                for o in objects
            ) or (token.dep_ == "relcl" and token.head.lemma_ in self.lexicon["accusation_nouns"])
            acts = [
                t
                for c in token.children
                if c.dep_ in ("xcomp", "ccomp", "pcomp", "dobj", "prep")
                for t in c.subtree
            ]
            if deniers:
                denials.setdefault(token.sent.start, []).append((i, deniers, anaphor, acts))
        if not denials:
            return matches
        found = []
        for match in matches:
            sentence = doc[match.trigger].sent
            after = [
                d
                for d in (*denials.get(sentence.start, ()), *denials.get(sentence.end, ()))
                if d[0] > match.trigger
            ]
            if (
                match.relation not in self._roles
                and match.context.polarity == "affirmed"
                and match.context.modality in ("asserted", "reported")
                and any(
                    match.subject.key in deniers
                    and (anaphor or self._denies_act(acts, match, arguments))
                    for _, deniers, anaphor, acts in after
                )
            ):
                match = replace(match, context=replace(match.context, modality="hypothetical"))
            found.append(match)
        return found

    def _denies_act(self, acts: list[Token], match: RelationMatch, arguments: Arguments) -> bool:
        """A denied act of the match's relation with no object, or with the match's ('denied
        launching any offensive', 'denied attacking Syria'; 'denied targeting civilians' denies
        another act than striking a city)."""
        words = {pos: self.lexicon.trigger_lemmas(match.relation, pos) for pos in ("VERB", "NOUN")}
        return any(
            t.lemma_ in words.get(t.pos_, ())
            and all(
                any(a.key == match.object.key for a in arguments.parties(o))
                for o in t.children
                if o.dep_ == "dobj"
            )
            for t in acts
        )

    def _told_events(self, doc: Doc, matches: list[RelationMatch]) -> list[RelationMatch]:
        """'Israel struck Beirut. Iran condemned the attack.': 'the attack' (or 'the strikes')
        alone is the attack the text has just told of, when that is the one attacker and target
        stated as fact before it in the document, in its sentence or the one before, no other
        violent act is told between them ('Russia struck Kyiv. On Tuesday gunmen attacked a hall.
        X condemned the attack' names no one) and no date follows ('the attack on October 7' may
        be another day's). The event takes that victim and perpetrator, and what is said about it
        is said about the perpetrator too."""
        last: dict[tuple[str, str], RelationMatch] = {}
        for m in matches:
            if (
                m.relation == "attacked"
                and m.event is None
                and m.context.polarity == "affirmed"
                and m.context.modality in ("asserted", "reported")
            ):
                pair = (m.subject.key, m.object.key)
                if pair not in last or last[pair].trigger < m.trigger:
                    last[pair] = m
        found: list[RelationMatch] = []
        for match in matches:
            event = match.event
            found.append(match)
            if event is None or not event.definite or event.victim or event.perpetrators:
                continue
            told = [a for a in last.values() if a.trigger < match.trigger]
            if len(told) != 1:
                continue
            attack = told[0]
            near, sentence = doc[attack.trigger].sent, doc[match.trigger].sent
            if (
                (near != sentence and near.end != sentence.start)
                or any(self._violent(t) for t in doc[attack.trigger + 1 : match.trigger])
                # 'defended the attack on October 7' may be another day's
                or any(t.ent_type_ in ("DATE", "TIME") for t in doc[match.trigger : sentence.end])
            ):
                continue
            event = replace(
                event,
                key=slugify(f"{event.type} {attack.object.key}"),
                victim=attack.object,
                perpetrators=(attack.subject,),
                anchored=True,
            )
            found[-1] = replace(match, object=replace(match.object, key=event.key), event=event)
            if attack.subject.key != match.subject.key:
                found.append(
                    RelationMatch(
                        match.relation,
                        match.subject,
                        attack.subject,
                        match.trigger,
                        f"{match.relation}/event-perpetrator",
                        round(match.confidence * _INDIRECT_DISCOUNT, 2),
                        match.context,
                    )
                )
        return found

    def _forum_addressee(
        self, trigger: Trigger, word: Token, prep: Token, target: Token, arguments: Arguments
    ) -> bool:
        """A hostile act's addressee after 'to' that is an organization, where the act's matter
        after 'about' or 'over' is another's doing ('protested to the United Nations about
        Hezbollah attacks': a complaint lodged with a forum; 'protested to the EU over the listing
        of Chinese companies' and 'protested to China over the incident' are addressed to the
        one complained of)."""
        if prep.lower_ != "to" or self.signs.get(trigger.relation) != -1:
            return False
        addressed = {a.key for a in arguments.parties(target) if a.kind == "Organization"}
        doers = {
            a.key
            for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("about", "over")
            for matter in c.children
            if matter.dep_ == "pobj"
            for agent in arguments.noun_agents(matter, clause=False)
            for a in arguments.parties(agent)
        }
        return bool(addressed) and bool(doers - addressed)

    def _remote(self, word: Token) -> bool:
        """An encounter held at a distance: a word of `remote_words` modifying the trigger
        ('phone talks', 'a video summit') or after 'by', 'via' or 'over' on it or on its verb
        ('consulted with X by telephone', 'held talks by phone with X')."""
        remote = self.lexicon["remote_words"]
        holders = [word, word.head] if word.dep_ in ("dobj", "pobj") else [word]
        return any(
            c.dep_ in ("compound", "amod") and c.lower_ in remote for c in word.children
        ) or any(
            p.lower_ in remote
            for holder in holders
            for c in holder.children
            if c.dep_ == "prep" and c.lower_ in ("by", "via", "over")
            for p in c.children
            if p.dep_ == "pobj"
        )

    def _violent(self, token: Token) -> bool:
        """A word that tells of a violent act: a verb of an attack line, an event noun."""
        if token.pos_ == "VERB":
            return token.lemma_ in self._attack_verbs
        return token.pos_ == "NOUN" and token.lemma_.lower() in self.lexicon.event_types

    def _pattern_matches(
        self, doc: Doc, arguments: Arguments, held: frozenset[tuple[str, str]]
    ) -> Iterator[RelationMatch]:
        for match_id, token_ids in self.matcher(doc):
            shape, names, lines = self.shapes[doc.vocab.strings[match_id]]
            nodes = {name: doc[i] for name, i in zip(names, token_ids, strict=True)}
            for trigger in lines[nodes["trigger"].lemma_]:
                yield from self._matches(trigger, shape, nodes, arguments, held)

    def _subjects(
        self, trigger: Trigger, shape: str, nodes: dict[str, Token], arguments: Arguments
    ) -> list[Token]:
        word = nodes["trigger"]
        if self._aim(word) and not trigger.purpose:
            return []
        if trigger.purpose:
            # 'went on strike to protest X' (the strike is the protest), 'began to protest X'
            if word.dep_ == "xcomp":
                return arguments.verb_subjects(word)
            if word.dep_ == "advcl" and infinitive(word) and not arguments.verb_subjects(word):
                return arguments.verb_subjects(word.head)
            act = word.head
            if word.dep_ in ("relcl", "acl") and infinitive(word) and act.dep_ == "dobj":
                # 'staged a sit-in to protest X': the act's agent, by its light verb
                light = act.head.lemma_ in self.lexicon["light_verbs"]
                return arguments.verb_subjects(act.head) if light else []
            return []
        if shape in _PAIRWISE:
            return [nodes["first"]]
        if shape == "as" or shape.startswith("deadline"):
            return arguments.verb_subjects(nodes["verb"])
        if shape in ("appos-of", "attr-of"):
            return [nodes["described"]]
        if shape in ("possessive", "modifier"):
            # "Serbia's ally, Russia", "Serbia's ally Russia", "Hungary, Serbia's ally, ...",
            # 'NATO member Turkey'
            named = word.nbor() if word.i + 1 < len(word.doc) else word
            return (
                [c for c in word.children if c.dep_ == "appos"]
                or ([word.head] if word.dep_ in ("compound", "appos") else [])
                or ([named] if named.pos_ == "PROPN" else [])
            )
        if shape in ("participle", "participle-between", "participle-parties"):
            # the modifier of 'Iran-backed', else the agent of 'backed by Iran'
            return compound_modifiers(word) or arguments.verb_subjects(word)
        if shape == "manner-passive":
            # 'Iraq was placed under an embargo by the UN': the parser may hang the agent on
            # the noun
            return arguments.verb_subjects(word) or prep_objects(nodes["thing"], "by")
        if shape == "participle-prep":  # 'an ultimatum issued by NATO to X': the agent, if any
            participle = nodes["participle"]  # ('the deal that Congo signed with X': its subject)
            if participle.dep_ == "relcl" or any(c.dep_ == "agent" for c in participle.children):
                return arguments.verb_subjects(participle)
        if trigger.pos == "ADP":  # 'X pressed on despite Y's objections': the clause's subject
            verb = word.head
            if self.lexicon.matches("reporting_verbs", verb.lemma_) and any(
                c.dep_ == "ccomp" for c in verb.children
            ):
                # 'X is unlikely to allow Y, officials indicated, despite pressure from Z': the
                # parser hangs it on the report, whose content may be hedged: no one defied
                return []
            return arguments.verb_subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
        if trigger.pos == "ADJ":  # 'Iran is ready to ...', 'Russia is (not) opposed to ...'
            if word.dep_ == "acomp":
                return arguments.verb_subjects(word.head)
            return [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        if word.pos_ == "VERB":
            # 'a statement condemning X' is its author's before the statement itself
            return self._describing_agents(word, arguments) or arguments.verb_subjects(word)
        if shape in ("under", "receipt", "hit-by"):
            # 'came under fire from X', 'won support from X': the source may hang on the verb;
            # 'sparked protests in Jordan': the people of the state a reaction is in
            # (`reaction_relations`; 'provoked the war in Ukraine' makes Ukraine no attacker)
            verb = nodes["verb"]
            reaction = trigger.relation in self.lexicon["reaction_relations"]
            return (
                arguments.noun_agents(word, clause=False)
                or [*prep_objects(verb, "from"), *prep_objects(verb, "by")]
                or [
                    place
                    for holder in (word, verb)
                    for place in prep_objects(holder, "in")
                    if reaction
                    and (arg := arguments.agent(place)) is not None
                    and arg.kind == "State"
                ]
            )
        noun = nodes["head"] if shape == "compound" else word
        return arguments.noun_agents(noun, "with" in trigger.preps)

    def _refusal(self, word: Token, trigger: Trigger) -> tuple[Token, str, Context] | None:
        """'refused to meet X', 'rejected talks with X', 'refused to send aid to X' (an event
        noun's light verb), "its refusal to meet X": refusing a friendly act (akg:sign 1) rejects
        its object (the relation context.json's refusal_verbs names), and so does failing to
        agree or cooperate ('X and Y failed to reach agreement': failure_verbs, failure_relations);
        refusing a hostile one ('refused to condemn X') is only its negation, and refusing to go
        between two parties (go_between_relations) rebuffs neither."""
        verb = word.head
        if (
            word.dep_ == "dobj"
            and verb.dep_ in ("xcomp", "acl")
            and verb.lemma_ in self.lexicon["light_verbs"]
        ):
            word, verb = verb, verb.head  # 'refused to send peacekeepers to X'
        if (
            self.signs.get(trigger.relation) != 1
            or trigger.relation in self.lexicon["go_between_relations"]
        ):
            return None
        # "Iran's refusal to negotiate with X": the noun's infinitive
        noun = word.dep_ == "acl" and verb.pos_ == "NOUN" and infinitive(word)
        if not (noun or (word.dep_ in ("xcomp", "dobj") and verb.pos_ == "VERB")):
            return None
        relation = self.lexicon.lookup("refusal_verbs", verb.lemma_)
        if (
            relation is None
            and verb.lemma_ in self.lexicon["failure_verbs"]
            and trigger.relation in self.lexicon["failure_relations"]
        ):
            relation = self.lexicon.lookup("refusal_verbs", "refuse")  # 'failed to agree'
        return (verb, relation, read_context(verb, self.lexicon)) if relation else None

    def _refused_ahead(
        self, word: Token, trigger: Trigger, context: Context
    ) -> tuple[Token, str, Context] | None:
        """'said it would never negotiate with X', 'will not accept X's plan': talks or an
        agreement (context.json's refusable_relations) denied in the future tense is a refusal
        stated now (not under 'if'; 'will not withdraw from X' only denies the withdrawal)."""
        act = word.head if word.dep_ == "dobj" else word
        if act.lemma_ not in self.lexicon["light_verbs"] and act is not word:
            act = word
        future = self.lexicon["reported_future_aux"] | self.lexicon["planned_aux"]
        if (
            trigger.relation not in self.lexicon["refusable_relations"]
            or (context.polarity, context.modality) != ("negated", "planned")
            or act.pos_ != "VERB"
            or not any(c.dep_ == "neg" or c.lower_ == "never" for c in act.children)
            or not any(c.dep_ == "aux" and c.lower_ in future for c in act.children)
            or any(_conditional(c, self.lexicon) for c in act.children)
        ):
            return None
        relation = self.lexicon.lookup("refusal_verbs", "refuse")
        stated = "reported" if context.attribution else "asserted"
        refused = replace(context, polarity="affirmed", modality=stated)
        return (act, relation, refused) if relation else None

    def _aim(self, word: Token) -> bool:
        """'students rallied in Manila, denouncing China', 'staged rallies, saying he must
        resign', 'began a hunger strike to protest X': a participle or an infinitive on a
        demonstration states its aim, which the demonstration's own line (or a purpose line)
        reads (a protest, not a condemnation or a demand of its own)."""
        act = word.head
        aim = (word.tag_ == "VBG" and word.dep_ == "advcl") or (
            word.dep_ in ("advcl", "xcomp") and infinitive(word)
        )
        return aim and any(
            t.lemma_ in self._aimed_words
            for t in (act, *(c for c in act.children if c.dep_ == "dobj"))
        )

    def _read_as_prospective(self, relation: str, act: Token) -> bool:
        """'threatened to impose sanctions on X' is the sanction line's prospective threat;
        'threatened to impose a blockade on X', which no line reads, is the threat's own, and so
        is 'said they would move against X', which the line of 'move into X' does not read."""
        things = {c.lemma_ for c in act.children if c.dep_ in ("dobj", "nsubjpass")}
        preps = {c.lower_ for c in act.children if c.dep_ == "prep"}
        return any(
            (nouns is None or bool(things & nouns)) and (not needed or bool(preps & needed))
            for nouns, needed in self._prospective_verbs.get((relation, act.lemma_), ())
        )

    def _undoing(self, lists: tuple[str, ...], sign: int) -> dict[str, frozenset[str]]:
        """Lemma -> the nouns of `lists` that a line of that sign takes it with as object."""
        found: dict[str, frozenset[str]] = {}
        for t in self.lexicon.triggers:
            if t.object_nouns in lists and self.signs.get(t.relation) == sign:
                for lemma in t.lemmas:
                    found[lemma] = found.get(lemma, frozenset()) | self.lexicon[t.object_nouns]
        return found

    def _undoes(self, act: Token, undoing: dict[str, frozenset[str]]) -> bool:
        """Whether the act's verb undoes its direct object by `undoing` (a verb -> the measures
        it undoes): with `_relieving`, 'lift its embargo against X' is no harm to X; with
        `_cutting`, 'ended its support for X' is no support."""
        nouns = undoing.get(act.lemma_)
        return nouns is not None and any(
            t.lemma_ in nouns
            for c in act.children
            if c.dep_ == "dobj"
            for t in (c, *self._measured(c))
        )

    def _measured(self, measure: Token) -> list[Token]:
        """What a measure noun measures ('froze *billions* of euros in EU *funds*')."""
        if measure.lemma_.lower() not in self.lexicon.measures():
            return []
        found = prep_objects(measure, "of") + prep_objects(measure, "in")
        if measure.dep_ == "dobj":  # the 'in' the parser hangs on the verb
            found += prep_objects(measure.head, "in")
        return found + [t for f in found for t in self._measured(f)]

    def _planned_by_another(self, word: Token, subjects: list[Arg], arguments: Arguments) -> bool:
        """'Ukraine prepared for Russia's offensive': the plan is Ukraine's; the offensive is
        only expected of Russia, not its plan (nor a threat of it)."""
        token = word
        while token.head.i != token.i:
            token = token.head
            if self.lexicon.matches("planned_words", token.lemma_.lower(), token.lower_):
                planners = {
                    a.key for t in arguments.verb_subjects(token) for a in arguments.parties(t)
                }
                return bool(planners) and not planners & {s.key for s in subjects}
        return False

    def _suspected(self, agent: Token) -> bool:
        """An agent only suspected to be who it is: '*suspected* Houthi drones', '*alleged*
        Russian saboteurs' (the parser may hang the word on the name before the noun)."""
        heads = [agent, *(c for c in agent.children if c.dep_ == "compound")]
        return any(
            c.dep_ in ("amod", "compound") and c.lower_ in self.lexicon["suspicion_modifiers"]
            for h in heads
            for c in h.children
        )

    def _under(self, act: Token, words: str, deps: tuple[str, ...]) -> Token | None:
        """The word of the context.json list `words` the act is the complement of, up through
        `deps`, if any."""
        while act.dep_ in deps and act.head.i != act.i:
            act = act.head
            if act.lemma_ in self.lexicon[words]:
                return act
        return None

    def _prepared(self, act: Token) -> bool:
        """What its subject prepares for ('prepared to resume shelling X', 'is poised to ...')."""
        return self._under(act, "preparation_words", ("xcomp", "pobj", "prep")) is not None

    def _expected(self, act: Token) -> bool:
        """What others expect of the actor ('Israel is expected to strike X', 'analysts expect
        Israel to strike X', '... to launch an offensive against X'), not what it expects to do
        itself ('Israel expects to strike X')."""
        deps = ("xcomp", "ccomp", "dobj", "pobj", "prep")
        word = self._under(act, "expectation_words", deps)
        return word is not None and any(
            c.dep_ in ("auxpass", "nsubjpass", "dobj", "ccomp") for c in word.children
        )

    def _act_noun(self, token: Token) -> bool:
        return self.lexicon.matches("proposal_nouns", token.lemma_.lower(), token.lower_)

    def _thing(self, token: Token) -> bool:
        """An asset that is no body of people ('office', 'base'; not 'troops', 'leaders')."""
        forms = (token.lemma_.lower(), token.lower_)
        return self.lexicon.matches("asset_nouns", *forms) and not self.lexicon.matches(
            "sector_nouns", *forms
        )

    def _named_by(self, token: Token, nouns: str) -> bool:
        """The token is one of the context.json list `nouns`, or a partitive of one ('thousands
        of students', 'units of the army')."""
        forms = (token.lemma_.lower(), token.lower_)
        if self.lexicon.matches(nouns, *forms):
            return True
        return self.lexicon.matches("partitive_nouns", *forms) and any(
            self._named_by(c, nouns) for c in prep_objects(token, "of")
        )

    def _demanded_of(self, demand: Token) -> Token | None:
        """What a demanded removal, end or independence is done to: 'demanding the ouster *of
        X*', 'to demand an end *to the U.S. occupation*' (whose author the protest is against),
        'demanding independence *from Indonesia*'; whom demands are pressed on ('to press their
        demands for greater freedom *from X*')."""
        if self.lexicon.matches("removal_nouns", demand.lemma_):
            return next(iter(prep_objects(demand, "of")), None)
        if self.lexicon.matches("cessation_nouns", demand.lemma_):
            return next(iter(prep_objects(demand, "to") or prep_objects(demand, "of")), None)
        if self.lexicon.matches("autonomy_nouns", demand.lemma_):
            # 'independence from X' (the parser may hang 'from X' on the verb)
            freed = prep_objects(demand, "from") or prep_objects(demand.head, "from")
            return next(iter(freed), None)
        if self.lexicon.matches("demand_nouns", demand.lemma_):
            # 'to press their demands for greater freedom from X' (or on what is demanded)
            asked = [demand, *prep_objects(demand, "for")]
            return next((o for t in asked for o in prep_objects(t, "from")), None)
        return None

    def _crowd(self, token: Token) -> bool:
        """'students', 'thousands of villagers', 'Kenyans': people in the street, not a state or
        its officials."""
        if token.ent_type_ in ("ORG", "GPE"):
            return False  # the 'Union' of 'European Union' is no trade union
        forms = (token.lemma_.lower(), token.lower_)
        if self.lexicon.matches("crowd_nouns", *forms):
            return True
        if self.lexicon.matches("partitive_nouns", *forms):
            return any(self._crowd(c) for c in prep_objects(token, "of"))  # 'thousands of Serbs'
        return (
            token.tag_ in ("NNPS", "NNS")
            and token.text[:1].isupper()
            and (token.ent_type_ == "NORP" or self.gazetteer.demonym_state(token.text) is not None)
        )

    def _harmful(self, predicate: Token) -> bool:
        """What a blame predicate names, if anything, is a harm: 'responsible *for the attack*',
        'was behind *the bombing*', 'guilty *of war crimes*' ('a violation *of the law*' is no
        blame predicate)."""
        if not self.lexicon.matches("blame_predicates", predicate.lemma_):
            return True
        named = [c for c in predicate.children if c.dep_ == "pobj"] + [
            g
            for c in predicate.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return not named or any(t.lemma_ in self.lexicon["harm_nouns"] for t in named)

    def _place_or_parties(self, token: Token, arguments: Arguments, relation: str) -> list[Arg]:
        """'Russia bombed Kharkiv': what is done to a city is done to its state, also to a city
        the small model reads as a person or an organization no gazetteer knows ('shelled
        Kherson', 'shelled Homs') or one a place noun names ('shelled the town of Kharkiv'), and,
        for `site_relations`, to the seat of an organization ('attacked Brussels': Belgium;
        'threatened Brussels with retaliation' threatens the EU)."""
        parties = self._seat_or_parties(token, arguments, relation)
        forms = (token.lemma_.lower(), token.lower_)
        if not parties and self.lexicon.matches("place_nouns", *forms):
            return [
                a
                for place in prep_objects(token, "of")
                for a in self._place_or_parties(place, arguments, relation)
            ]
        if any(
            a.kind not in ("Person", "Organization") or a.key in self.gazetteer.entries
            for a in parties
        ):
            return parties
        if parties and self._titled(token):
            return parties  # 'President Bush' is no town called Bush
        state = arguments.place_state(token, misread=True)
        return [state] if state is not None else parties

    def _seat_or_parties(self, token: Token, arguments: Arguments, relation: str) -> list[Arg]:
        """The actors a token stands for, but for `site_relations` the state a seat of an
        organization lies in ('attacked Brussels', 'travelled to Brussels': Belgium)."""
        seat = arguments.seat_state(token) if relation in self.lexicon["site_relations"] else None
        return [seat] if seat is not None else arguments.parties(token)

    def _seizes_site(self, verb: Token, relation: str, arguments: Arguments) -> bool:
        """Whether the verb's direct object is a city, read as its state: a capital, a city of
        the city table, or one after a place noun ('seized Kyiv', 'Goma', 'the town of Uvira'),
        or ground held by force (`territory_nouns`: 'seized three Ecuadorean border posts')."""
        return any(
            arguments.is_place(c)
            or self.lexicon.matches("territory_nouns", c.lemma_.lower(), c.lower_)
            or self._place_or_parties(c, arguments, relation) != arguments.parties(c)
            for c in verb.children
            if c.dep_ == "dobj"
        )

    def _titled(self, token: Token) -> bool:
        """A name after a role title, rank or honorific ('President Bush', 'General Aidid')."""
        return any(
            self.lexicon.role(c.lower_) is not None
            or c.lower_ in self.lexicon["ranks"] | self.lexicon["honorifics"]
            for c in token.lefts
            if c.dep_ in ("compound", "amod", "nmod")
        )

    def _people(self, arg: Arg, doc: Doc) -> Arg | None:
        """'Kenyan teachers', 'Nigerians': a state's civilians (a sector of `civilian_sectors`),
        or its people named alone, as a group of their own ('kenyan-teacher', 'nigerians')."""
        if arg.kind != "State" or arg.end - arg.start != 1:
            return None
        token = doc[arg.start]
        civilians = [
            s
            for s in doc.spans.get(SECTOR_KEY, [])
            if s.label_ in self.lexicon["civilian_sectors"] and s.id_ == arg.key
        ]
        if token.pos_ == "PRON":
            # 'French farmers said they would blockade Paris': the people the pronoun stands for
            before = [s for s in civilians if s.end <= token.i and len(s) == 1]
            token = doc[before[-1].start] if before else token
        if token.tag_ in ("NNPS", "NNS") and self.gazetteer.demonym_state(token.text):
            return Arg(slugify(token.text), token.text, "Group", arg.start, arg.end)
        if not any(s.start == token.i and s.end == token.i + 1 for s in civilians):
            return None
        if self.lexicon.matches("asset_nouns", token.lemma_.lower(), token.lower_):
            return None  # 'Japanese cars', 'Iranian ships' are things, no people
        people = self.gazetteer.demonym_of(arg.key) or arg.label
        key = slugify(f"{people} {token.lemma_}")
        return Arg(key, f"{people} {token.text}", "Group", arg.start, arg.end)

    def _domestic(
        self, subject: Arg, obj: Arg, doc: Doc, held: frozenset[tuple[str, str]]
    ) -> tuple[Arg, Arg]:
        """'Kenyan teachers protested against the government', 'Indian farmers protested against
        Modi', 'Serbians marched against Serbian President X': one state's civilians against its
        organs or its known or titled leaders (or the reverse) are a group of their own, not the
        state itself."""
        if subject.key != obj.key and not (
            self._own(obj, subject, held) or self._own(subject, obj, held)
        ):
            return subject, obj
        people = self._people(subject, doc), self._people(obj, doc)
        if people[0] is not None and people[1] is None:
            return people[0], obj
        if people[1] is not None and people[0] is None:
            return subject, people[1]
        return subject, obj

    def _country(self, person: Arg) -> str | None:
        """The state a curated person belongs to, if any."""
        entry = self.gazetteer.entries.get(person.key)
        return entry.country if entry is not None and entry.kind == "Person" else None

    def _own(self, subject: Arg, obj: Arg, held: frozenset[tuple[str, str]] = frozenset()) -> bool:
        """The state a known person belongs to, or one the text titles them in (`held`):
        'Putin ordered Russian troops to leave' is a command to his own forces, not a demand on
        another actor; 'Trump threatened to send US troops into X' threatens X, not them."""
        known = self._country(subject) == obj.key
        return known or (subject.key, obj.key) in held  # (a group's home state is not its own)

    def _describing_agents(self, word: Token, arguments: Arguments) -> list[Token]:
        """'Hamas issued a statement condemning Israel', "Iran's statement condemning Israel":
        a participle describing a noun acts for the noun's author or the light verb's subject."""
        noun = word.head
        if word.dep_ != "acl" or word.tag_ != "VBG" or noun.pos_ not in ("NOUN", "PROPN"):
            return []
        if noun.dep_ == "dobj" and noun.head.lemma_ in self.lexicon["light_verbs"]:
            return arguments.verb_subjects(noun.head)
        return arguments.noun_agents(noun, clause=False)

    def _member_matches(
        self, trigger: Trigger, word: Token, arguments: Arguments
    ) -> Iterator[RelationMatch]:
        """'Hungarian and Romanian officials agreed', 'the two leaders met': a reciprocal
        trigger with no object of its own relates the members of its compound subject."""
        if trigger.unless and _cancelled(word, trigger):
            return  # 'Putin and Modi held phone talks'
        reflexive = _reflexive(word, self.lexicon)
        if word.pos_ == "VERB":
            agents = arguments.verb_subjects(word)
        elif word.dep_ == "attr" or reflexive:  # 'the two countries are allies'
            agents = arguments.verb_subjects(word.head)
        else:
            agents = arguments.noun_agents(word) or _between(word)
        # ('the leaders of India and Pakistan met': the conjuncts after a sector noun's 'of')
        pairs = [pair for agent in agents for pair in combinations(arguments.parties(agent), 2)]
        names = [*agents, *(c for agent in agents for c in _listed(agent))]
        if not pairs and len(names) > 1 and all(t.pos_ == "PROPN" for t in names):
            # 'Israel, Syria hold talks', 'Russia, Ukraine swap prisoners': a headline's list
            named = {
                a.key: a for t in sorted(names, key=lambda t: t.i) for a in arguments.parties(t)
            }
            pairs = list(combinations(named.values(), 2))
        if not pairs and reflexive:
            # 'X and Y declared themselves allies': the coordinated subjects, named one by one
            named = [a for t in agents for c in _with_conjuncts(t) for a in arguments.parties(c)]
            pairs = list(combinations(named, 2))
        # most triggers have no compound subject: the tree walks below are left for those that do
        if not pairs or _has_own_object(word, trigger, arguments):
            return
        context = read_context(word, self.lexicon, self._verbs[trigger.relation])
        for first, second in pairs:
            yield RelationMatch(
                trigger.relation,
                first,
                second,
                word.i,
                f"{trigger.rule}/members",
                trigger.confidence,
                context,
            )

    def _matches(
        self,
        trigger: Trigger,
        shape: str,
        nodes: dict[str, Token],
        arguments: Arguments,
        held: frozenset[tuple[str, str]],
    ) -> Iterator[RelationMatch]:
        word = nodes["trigger"]
        remote = self.lexicon.lookup("remote_relations", trigger.relation)
        if remote is not None and self._remote(word):
            # 'held phone talks with X', 'consulted with X by telephone': no meeting
            trigger = replace(trigger, relation=remote)
        if shape == "members":
            yield from self._member_matches(trigger, word, arguments)
            return
        if (
            shape.startswith("reciprocal")
            and shape != "reciprocal-each"
            and _has_own_object(word, trigger, arguments)
        ):
            return
        if _states_a_view(word, self.lexicon):
            return
        if "act" in nodes and self._read_as_prospective(trigger.relation, nodes["act"]):
            return
        if (
            shape == "receipt"
            and word.lemma_
            in self.lexicon.tables["receipt_idioms"].get(nodes["verb"].lemma_, "").split()
        ):
            return  # 'the decision drew fire from X' is criticism, no shooting
        if "main" in nodes and nodes["main"].lemma_ in (
            self.lexicon["exposure_verbs"] | self.lexicon["receipt_verbs"]
        ):
            return  # 'X came under shelling, drawing condemnation from Y': not of X's act
        purpose = shape in ("purpose-act", "purpose-clause", "light-verb-purpose-act")
        if purpose and not (infinitive(nodes["act"]) or nodes["act"].tag_ == "VBG"):
            return  # a purpose is 'to denounce X' or 'demanding X', not 'and denounced X'
        if (
            shape in _PURPOSE_SHAPES
            and (
                self.lexicon.matches("request_words", nodes["act"].lemma_)
                or nodes["act"].lemma_ in self.lexicon["request_for_verbs"]
            )
            and not self.lexicon.matches("agent_act_nouns", nodes["object"].lemma_)
            and self._demanded_of(nodes["object"]) is None
            and not _addressee(nodes["act"], self.lexicon)
        ):
            # demanding (urging, calling for) X's resignation or the ouster of X protests
            # against X; demanding (calling for) EU membership does not protest against the EU;
            # pressing X to resign protests against X, the one pressed
            return
        if trigger.intent and nodes["act"].lemma_ in self._act_verbs:
            return  # 'agreed to aid X' states its own planned aid
        if (
            shape.startswith("complement")
            and trigger.object_nouns
            and (_named_means(nodes["act"], self.lexicon) or arguments.is_place(nodes["object"]))
        ):
            # 'would respond to X's strike by sending aid / with a complaint': its means; 'the
            # Damascus strike' is where, not whose
            return
        if shape.startswith("complement") and (
            self._undoes(nodes["act"], self._relieving)
            or self._undoes(nodes["act"], self._blocking)
            or denied(nodes["act"])
        ):
            # 'vowed to lift its embargo against X', 'said it would not respond to X's attack'
            # threaten no one
            return
        if trigger.unless and _cancelled(word, trigger):
            return
        if shape == "hit-by" and self.signs.get(trigger.relation) != -1:
            return  # 'Pakistan was hit by Indian missiles': no aid, whatever the noun is
        if (
            shape == "prep-object-owner"
            and nodes["via"].lower_ == "for"
            and any(c.dep_ == "dobj" for c in word.children)
        ):
            return  # 'returned the bodies of three soldiers for 400 prisoners held by X': a price
        if shape == "prep" and _allied(word, nodes):
            return
        if (
            trigger.object_nouns == "proposal_nouns"  # read for their author
            and "prep" in nodes
            and nodes["prep"].lower_ == "of"
            and nodes["prep"].head.i == nodes["thing"].i
            and self.lexicon.matches("patient_nouns", nodes["thing"].lemma_)
        ):
            return  # 'welcomed the expulsion of Russian diplomats': they undergo it
        if (
            trigger.pos == "NOUN"
            and "prep" in nodes
            and nodes["prep"] == arguments.blame_prep(word)
        ):
            return  # 'blamed the attack on Iran': Iran is blamed, not attacked
        if (
            self.lexicon.matches("culprit_verbs", word.lemma_)
            and nodes.get("prep") is not None
            and nodes["prep"].lower_ == "on"
            and not any(
                nodes["object"] in arguments.blamed_on(c) for c in word.children if c.dep_ == "dobj"
            )
        ):
            return  # 'blamed the strike on a hospital in Kyiv': what was struck, not whom blamed
        if shape == "object-participle-prep" and any(
            c.dep_ == "agent" for c in nodes["participle"].children
        ):
            return  # 'probed crimes committed by X in Y': X's crimes, Y only their place
        if trigger.intransitive and any(c.dep_ == "dobj" for c in word.children):
            return
        if trigger.relation in self._roles and infinitive(word):
            return  # 'Finland's decision to join NATO', 'hopes to join X': no membership stated
        if shape == "subjunctive" and not subjunctive(nodes["clause"]):
            return  # 'insisted that Iran will ...' states a view
        if (
            shape == "infinitive"
            and self.lexicon.lookup("called_on_verbs", word.lemma_)
            and not self.lexicon.matches("request_words", nodes["act"].lemma_)
        ):
            # the one asked follows their preposition ('called on X to ...'): 'Biden called
            # Netanyahu to discuss X' is a phone call ('... to urge a ceasefire' asks it)
            return
        if shape == "participle-parties" and nodes["verb"].lemma_ not in self._friendly_verbs:
            return  # 'Hamas and Islamic Jihad violated the Egypt-brokered truce'
        if shape == "clause" and _question(nodes["clause"]):
            return  # 'asked why Iran attacked' asks a question, demands nothing
        if (
            trigger.owner
            and nodes.get("prep") is not None
            and nodes["prep"].lower_ == "from"
            and arguments.modifier_actor(nodes["thing"], COLLECTIVE_KINDS) is not None
            and (
                self.lexicon.matches("territory_nouns", nodes["object"].lemma_.lower())
                or (
                    (place := arguments.agent(nodes["object"])) is not None
                    and place.kind in ("State", "Place")
                )
            )
        ):
            # 'expel NATO monitors from Kosovo', '... U.N. peacekeepers from Bosnian Serb
            # territory': whose they are is named, the rest is where from ('U.S. inspectors from
            # UNSCOM' are UNSCOM's)
            return
        if shape == "predicate-after" and nodes["predicate"].i < nodes["object"].i:
            return  # 'called the illegal X ...' describes X in passing
        if trigger.predicate and not self._harmful(nodes["predicate"]):
            return  # 'said X was responsible for security' blames no one
        if (
            trigger.site is not None
            and self._seizes_site(word, trigger.relation, arguments) != trigger.site
        ):
            return  # 'seized Goma' attacks DR Congo; 'seized a tanker' coerces its owner
        # 'between X and Y', 'X and Y met' pair X with its conjuncts; elsewhere coordination
        # multiplies subjects and objects.
        expand = (lambda t: [t]) if shape in _PAIRWISE else _with_conjuncts
        agents = self._subjects(trigger, shape, nodes, arguments)
        if trigger.crowd is not None:
            agents = [t for t in agents if self._crowd(t) == trigger.crowd]
        if trigger.subject_nouns:
            agents = [t for t in agents if self._named_by(t, trigger.subject_nouns)]
        subjects = [
            arg
            for token in agents
            for t in expand(token)
            for arg in arguments.parties(t) or arguments.event_authors(t)
        ]
        if "doer" in nodes and nodes["doer"].pos_ != "PRON":
            # 'Milosevic warned that Belgrade would use force against X': the speaker's own act
            # names him or his state ('said Greece would default unless X ...' is no one's)
            doers = {a.key for a in arguments.parties(nodes["doer"])}
            subjects = [s for s in subjects if s.key in doers or self._country(s) in doers]
        if not subjects:
            return  # nothing to state: the object, event and context walks are left out
        target = nodes["object"]
        if shape in _PURPOSE_SHAPES:
            target = self._demanded_of(target) or target
        if shape == "participle" and word.dep_ == "amod" and self.signs.get(trigger.relation) == -1:
            return  # 'the Israeli-occupied West Bank' describes a standing state, no hostile act
        if shape == "participle" and target.dep_ == "appos":
            target = target.head  # 'Hezbollah, an Iran-backed group': the group is Hezbollah
        if shape == "modifier" and target.i > word.i:
            return  # a modifier after the noun names no one it relates to
        if shape == "anti" and target.i < nodes["anti"].i:
            return  # 'Pakistani anti-American protests': the protesters, not the target
        if shape == "prep" and self._forum_addressee(
            trigger, word, nodes["prep"], target, arguments
        ):
            return  # 'protested to the UN about Hezbollah attacks': the UN is where, not whom
        if (
            shape in _DIRECT
            and ("with" in trigger.preps or trigger.object_kinds)
            and (
                self._act_noun(target)
                or (
                    trigger.relation in self.symmetric
                    and (
                        self._thing(target)
                        or _named(target)
                        or self._named_by(target, "hosted_nouns")
                    )
                )
            )
        ):
            # 'met Bolivia's demands', 'welcomed Reagan's statement' meet no one: one meets
            # parties, not their acts, nor their things ('hosts Hamas's political office'), nor
            # what one hosts or receives ('hosted Afghan refugees', 'received Russian missiles'),
            # and 'called Netanyahu a butcher' names him
            return
        if shape.startswith("casualties") and (
            any(c.dep_ == "det" and c.lower_ == "no" for c in target.children)
            or (shape == "casualties" and any(c.dep_ == "dobj" for c in target.head.children))
        ):
            # 'no Israeli soldiers were killed in the attack' names no victim; 'Afghan troops
            # killed 20 fighters in an airstrike' names the killers
            return
        if (
            shape.endswith("object-owner")
            and target.dep_ != "poss"
            and any(c.dep_ == "poss" for c in nodes["thing"].children)
        ):
            return  # "Sweden's NATO membership bid" is Sweden's, not NATO's
        if (
            shape in _DIRECT
            and (trigger.relation, word.lemma_) in self._to_recipient
            and any(
                c.dep_ in ("prep", "dative") and c.lower_ == "to" and c.i > target.i
                for c in word.children
            )
        ):
            return  # 'supplied Shahed drones to Russia': the drones are given, Russia aided
        if (
            shape.endswith("object-owner")
            and (
                self.lexicon.matches("aid_nouns", nodes["thing"].lemma_)
                or self.lexicon.matches("trade_nouns", nodes["thing"].lemma_)
            )
            and any(
                c.dep_ in ("prep", "dative") and c.lower_ in ("to", "in") and c.i > nodes["thing"].i
                for c in (*nodes["thing"].children, *word.children)
            )
        ):
            # 'blocked EU aid to Ukraine', 'banned U.S. investment in Burma': the giver, not the
            # one the block is aimed at
            return
        places = trigger.relation in self.lexicon["place_object_relations"]
        objects = [
            arg
            for t in _with_conjuncts(target)
            # 'the army and Rwandan-backed rebels': a modifier backs no conjunct before its noun,
            # nor one with a modifier of its own ('Russian-backed separatists and Ukrainian
            # forces'; 'Iran-backed Houthis and Hezbollah' are both backed)
            if shape != "participle"
            or t == target
            or (t.i > target.i and not any(c.dep_ in ("amod", "compound") for c in t.children))
            for arg in (
                self._place_or_parties(t, arguments, trigger.relation)
                if places
                else self._seat_or_parties(t, arguments, trigger.relation)
            )
            if not trigger.object_kinds
            or arg.kind in trigger.object_kinds
            # 'exploded a car bomb in Madrid': a line's "Place" takes the state a city is in
            # ('detonated a bomb in southern Lebanon' names where, not whom)
            or (
                "Place" in trigger.object_kinds
                and (arguments.is_place(t) or arguments.place_state(t) is not None)
            )
        ]
        if shape == "participle":
            # 'the Rally for Democracy, backed by Rwanda and Uganda': what the participle describes
            # is never named inside its own phrase (here by the 'by' of a rally's author)
            objects = [o for o in objects if not word.left_edge.i <= o.start <= word.right_edge.i]
        if shape in _DIRECT and arguments.blamed_on(target):
            objects = []  # 'blamed the shelling of X on Y': only the event, Y is blamed
        if (
            shape == "prep"
            and word.pos_ == "VERB"
            and self.lexicon.lookup("called_on_verbs", word.lemma_)
            and not any(c.dep_ in ("xcomp", "advcl", "ccomp") for c in word.children)
        ):
            # 'called on President Xi at the Great Hall' pays a visit: a person called on with
            # nothing asked of them is asked nothing
            objects = [o for o in objects if o.kind != "Person"]
        event = read_event(target, arguments) if trigger.events and not objects else None
        pairs = [self._domestic(s, o, word.doc, held) for s in subjects for o in objects]
        if trigger.inverse:
            pairs = [(o, s) for s, o in pairs]  # 'thanked X for its support': X supports them
        if shape == "receipt":
            # 'Sall postponed the election, sparking protests in Dakar': a reaction in a state to
            # its own leader's act is its people's, whom the text does not name; no state's
            pairs = [
                (s, o) for s, o in pairs if not (self._own(o, s, held) or self._own(s, o, held))
            ]
        if shape in _PAIRWISE:
            # 'France, Germany and Italy met': every two of them, not only the first with the rest
            others = [o for o in objects if all(o.key != s.key for s in subjects)]
            pairs += [self._domestic(a, b, word.doc, held) for a, b in combinations(others, 2)]
        if shape.startswith("reciprocal") and trigger.relation not in self.symmetric:
            # 'X and Y accused each other', 'traded accusations', 'exchanged fire': both ways
            pairs += [(o, s) for s, o in pairs]
        if event is None and all(s.key == o.key for s, o in pairs):
            return
        if trigger.intent:  # an intention, whatever else scopes over its act, is a plan
            context = read_context(nodes["act"], self.lexicon)
            if context.modality in ("asserted", "reported"):
                context = replace(context, modality="planned")
        elif trigger.predicate:  # 'called the decision *not* illegal', 'said it *may* be illegal'
            context = read_context(nodes["predicate"], self.lexicon)
        elif trigger.pos == "ADP":
            # acting, or refusing to act, despite Y's demands defies Y: only the clause's modality
            # counts ('may continue despite ...')
            context = replace(read_context(word.head, self.lexicon), polarity="affirmed")
        else:
            described = trigger.frame == "relational" and shape in ("possessive", "modifier")
            context = read_context(
                word,
                self.lexicon,
                self._verbs[trigger.relation],
                self._verbs["rejected"],
                description=described,
                hostile=self.signs.get(trigger.relation) == -1,
                about=self._event_verbs,
            )
            if context.modality == "planned" and self._planned_by_another(
                word, subjects, arguments
            ):
                context = replace(context, modality="hypothetical")
            measure = arguments.measure_of(word)  # 'froze billions of euros in EU funds for X'
            if (
                measure.dep_ == "dobj"
                and trigger.pos == "NOUN"
                and (
                    self._undoes(measure.head, self._relieving)
                    or self._undoes(measure.head, self._cutting)
                )
            ):
                # 'ended its embargo on X', 'ended its support for X' undo the measure; 'did not
                # lift its sanctions on X', 'refused to end its support for X', 'has no plans to
                # lift its sanctions on X' leave it standing (in force, no planned one: no threat)
                undone = read_context(measure.head, self.lexicon).polarity == "affirmed"
                context = (
                    replace(context, polarity="negated")
                    if undone
                    else replace(context, polarity="affirmed", modality=_standing(context))
                )
        if trigger.frame == "relational" and is_former(word, self.lexicon):
            # 'Armenia, formerly a close ally of Russia', 'a former ally': no longer holds,
            # read as a former title is
            context = replace(context, polarity="negated")
        if any(self._suspected(t) for t in agents):
            context = replace(context, modality="hypothetical")  # 'suspected Houthi drones hit X'
        rule = f"{trigger.rule}/{shape}"
        if event is not None:
            yield from _event_matches(trigger, event, subjects, word.i, rule, context)
        refusal = self._refusal(word, trigger) or self._refused_ahead(word, trigger, context)
        refusers = _refusers(refusal[0], arguments) if refusal is not None else set()
        prospective = _prospective(context) if trigger.prospective else None
        if prospective is not None and (
            self._expected(word) or self._under(word, "covert_words", ("xcomp",)) is not None
        ):
            # 'Israel is expected to strike X': others' expectation, no threat Israel made;
            # 'plotted to kill X': a secret plan, no threat either
            prospective = replace(prospective, modality="hypothetical")
        # 'prepared to attack X' readies forces against X; 'vowed to attack X' threatens X
        prepared = trigger.relation == "attacked" and self._prepared(word)
        prospect = "mobilizedAgainst" if prepared else trigger.prospective
        for subject, obj in pairs:
            if subject.key == obj.key or (
                (shape.startswith(("infinitive", "complement", "own-act")) or trigger.intent)
                and self._own(subject, obj)
            ):
                continue
            if trigger.relation in self.lexicon["abroad_relations"] and self._own(
                subject, obj, held
            ):
                continue  # no one visits their own state ('his visit' read as its own leader's)
            yield RelationMatch(
                trigger.relation, subject, obj, word.i, rule, trigger.confidence, context
            )
            if (
                refusal is not None
                and (not refusers or subject.key in refusers)
                # 'refused to free Gilad Shalit': a person held is no party to the refusal
                and not (
                    obj.kind == "Person" and trigger.relation in self.lexicon["captive_relations"]
                )
            ):
                verb, relation, refused = refusal
                yield RelationMatch(
                    relation,
                    subject,
                    obj,
                    verb.i,
                    f"{relation}/refusal-{shape}",
                    trigger.confidence,
                    refused,
                )
            if prospective is not None:
                yield RelationMatch(
                    prospect,
                    subject,
                    obj,
                    word.i,
                    f"{prospect}/prospective-{shape}",
                    round(trigger.confidence * _PROSPECTIVE_DISCOUNT, 2),
                    prospective,
                    prospect=True,
                )
