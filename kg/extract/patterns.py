"""Lexicon line -> DependencyMatcher patterns, one per shape of the sentence that can state it.

Verbs: object, passive, preposition, preposition on the object, indirect object, participle
('Iran-backed X'), that-clause, infinitive complement (and a preposition on its object), the
subject of an infinitive ('ordered X to leave', 'called for X to leave', 'wants X to leave') or
of a condition ('threatened to leave unless X ...'), coordinated subjects, a compound subject with
no object ('the two leaders met': shape 'members', the trigger node alone); a particle the verb
needs ('turned down'), with the preposition hung on it ('pulled out of X'); a verb read only with
some object nouns ('lifted the curfew in X', 'cut ties with X', 'sanctions were imposed on X', 'X
and Y restored ties'; also through a participle on the noun, 'lifted the sanctions imposed on X',
'probed crimes committed by X', or a compound-head noun, 'ended its mediation effort between X and
Y') or with them as its manner ('placed X under house arrest').
Event nouns: preposition ('anti-X' for 'against X'), light verb (and its indirect object: 'gave
Jordan a loan'; also after a measure: 'pledged $200 million in aid to X'), that-clause ("X's
demand that Y ..."), 'between X and Y' (also on the verb of which the noun is subject: 'clashes
erupted between X and Y'), compound ('a bombing campaign against X'; 'X and Y signed a
partnership treaty'); a noun read only through object nouns ('a suspension of air links with
X', 'an inquiry into allegations against X', "its demand for X's withdrawal"). Verbs and nouns of
a `frontier` line: the neighbour across a border ('massed troops on the border with X').
Relational nouns ('ally'): 'hailed X as an ally', 'X, an ally of Y', "Y's ally X". Node 'trigger'
is always the trigger word and node 'object' the object (not in 'members').
"""

from __future__ import annotations

from collections.abc import Iterator

from ..lexicon import Lexicon, Trigger

__all__ = ["patterns"]

_VERB = {"POS": {"IN": ["VERB"]}}
_NOUN = {"POS": {"IN": ["NOUN", "PROPN"]}}
# a past participle that describes a noun: 'Iran-backed Houthis', 'talks mediated by Qatar'
_DESCRIBING = {"DEP": {"IN": ["amod", "acl"]}, "TAG": "VBN"}
# an adjective, or a participle read as one ('Russia is *opposed* to X', which the parser makes a
# passive)
_ADJECTIVE = {"POS": {"IN": ["ADJ", "VERB"]}, "TAG": {"IN": ["JJ", "VBN"]}}
# how the parser hangs X of 'anti-X' on the noun after it
_ANTI_DEPS = ("amod", "compound", "nmod", "npadvmod")


def _node(name: str, attrs: dict, parent: str | None = None, rel: str = ">") -> dict:
    node = {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}
    if parent:
        node |= {"LEFT_ID": parent, "REL_OP": rel}
    return node


def _prep(words: tuple[str, ...] | list[str]) -> dict:
    # the parser calls 'to' of 'provided arms to X' a dative
    return {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(words)}}


def _object_after(prep: dict, parent: str) -> list[dict]:
    """The object as the noun of a preposition hanging on `parent` ('met *with* X')."""
    return [_node("prep", prep, parent), _node("object", {"DEP": "pobj"}, "prep")]


def _thing(trigger: Trigger, lexicon: Lexicon, dep: str = "dobj") -> dict:
    """The thing a verb moves or cuts: any, or one of the line's `object_nouns`."""
    nouns = sorted(lexicon[trigger.object_nouns]) if trigger.object_nouns else None
    return {"DEP": dep} | ({"LEMMA": {"IN": nouns}} if nouns else {})


def _measures(lexicon: Lexicon) -> dict:
    """A measure or a sum of what follows its 'of' or 'in': '700 kg of medicine', '$5 million
    in aid'."""
    return {"LEMMA": {"IN": sorted(lexicon.measures())}}


def _compound_heads(lexicon: Lexicon) -> dict:
    """A noun whose compound says what it is ('a mediation *effort*', 'an aid *programme*')."""
    return {"LEMMA": {"IN": sorted(lexicon["compound_heads"])}}


def _frontier(word: dict, trigger: Trigger, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
    """'massed troops on the border with X', 'troops massed near the frontier with X', 'put
    troops on alert along the border with X', "Russia's buildup on the border with X", 'massed
    troops near the Ukrainian border': the neighbour across the frontier. A verb moves one of its
    `object_nouns`, as object or subject."""
    on = _prep(sorted(lexicon["locative_preps"] | {"on", "along"}))
    border = {"DEP": "pobj", "LEMMA": {"IN": sorted(lexicon["frontier_nouns"])}}
    if trigger.pos == "VERB":
        thing = _node("thing", _thing(trigger, lexicon), "trigger")
        # 'deployed thousands of troops along the border with X'
        partitive = {"DEP": "dobj", "LOWER": {"IN": sorted(lexicon["partitive_nouns"])}}
        measured = [
            _node("measure", partitive, "trigger"),
            _node("of", _prep(["of"]), "measure"),
            _node("thing", _thing(trigger, lexicon, "pobj"), "of"),
        ]
        ways = (
            ("frontier", [thing], "trigger"),
            ("frontier-measured", measured, "trigger"),
            ("object-frontier-measured", measured, "measure"),
            (
                "frontier-subject",
                [_node("thing", _thing(trigger, lexicon, "nsubj"), "trigger")],
                "trigger",
            ),
            ("object-frontier", [thing], "thing"),
            (
                "frontier-nested",  # 'on alert along the border'
                [
                    thing,
                    _node("at", {"DEP": "prep"}, "trigger"),
                    _node("place", {"DEP": "pobj"}, "at"),
                ],
                "place",
            ),
        )
    else:
        of = [_node("of", _prep(["of"]), "trigger"), _node("thing", {"DEP": "pobj"}, "of")]
        ways = (("frontier", [], "trigger"), ("object-frontier", of, "thing"))
    # 'near the Ukrainian border', "on Ukraine's border": the neighbour named on the frontier
    frontiers = [
        (shape, [*carrier, _node("prep", on, parent), _node("frontier", border, "prep")])
        for shape, carrier, parent in ways
    ]
    for shape, at in frontiers:
        yield (
            shape,
            [
                _node("trigger", word),
                *at,
                _node("with", _prep(["with"]), "frontier"),
                _node("object", {"DEP": "pobj"}, "with"),
            ],
        )
        yield f"{shape}-owner", [_node("trigger", word), *at, _node("object", _OWNER, "frontier")]
    if trigger.pos == "VERB":
        # the parser hangs 'with X' on the verb: 'moved tanks to the border with X', 'put troops
        # on alert along the border with X', 'massed troops on the border with X' (the frontier
        # on the object), 'Indian troops withdrew from the border with Pakistan' (on the verb)
        with_object = [
            _node("with", _prep(["with"]), "trigger"),
            _node("object", {"DEP": "pobj"}, "with"),
        ]
        for shape, at in frontiers:
            if shape in ("frontier", "object-frontier", "frontier-nested", "frontier-subject"):
                yield f"{shape}-verb-with", [_node("trigger", word), *at, *with_object]


# The owner of a noun: "Russia's withdrawal", 'the Russian withdrawal', 'the US strike'.
_OWNER = {"DEP": {"IN": ["poss", "amod", "compound"]}}
# The preposition nodes of a trigger that the parser may hang on its particle instead.
_HUNG = ("prep", "via")


def patterns(trigger: Trigger, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
    """(shape, pattern) pairs for one lexicon line; node 'trigger' is always the trigger word."""
    if trigger.particle is None:
        yield from _shapes(trigger, lexicon)
        return
    # the parser calls 'aside' of 'brushed aside' an adverb, 'out' of 'pulled out of' a preposition
    particle = {"DEP": {"IN": ["prt", "advmod", "prep"]}, "LOWER": trigger.particle}
    particle = _node("particle", particle, "trigger")
    for shape, pattern in _shapes(trigger, lexicon):
        yield shape, [*pattern, particle]
        at = next(i for i, n in enumerate(pattern) if n["RIGHT_ID"] == "trigger") + 1
        # 'pulled out of Syria', 'walked out of talks with X': the preposition hangs on the
        # particle; 'wrote off Nigeria's debt': the parser makes the object the particle's
        for name, moved, hung in (
            ("particle", _on_particle, lambda n: n["RIGHT_ID"] in _HUNG),
            ("particle-object", _object_on_particle, _direct),
        ):
            if any(hung(n) and n.get("LEFT_ID") == "trigger" for n in pattern):
                yield f"{shape}-{name}", [*pattern[:at], particle, *map(moved, pattern[at:])]


def _on_particle(node: dict) -> dict:
    """The preposition node of a trigger, hung on its particle instead."""
    if node["RIGHT_ID"] in _HUNG and node.get("LEFT_ID") == "trigger":
        return node | {"LEFT_ID": "particle"}
    return node


def _direct(node: dict) -> bool:
    """The trigger's direct object node ('thing' or 'object')."""
    return node.get("LEFT_ID") == "trigger" and node["RIGHT_ATTRS"].get("DEP") == "dobj"


def _object_on_particle(node: dict) -> dict:
    """The trigger's direct object node, as the object of its particle instead."""
    if _direct(node):
        return node | {"LEFT_ID": "particle", "RIGHT_ATTRS": node["RIGHT_ATTRS"] | {"DEP": "pobj"}}
    return node


def _clause(trigger: dict, clause: dict, aux: dict | None = None) -> list[dict]:
    """'demanded that X ...', "X's demand that Y ...": the clause's subject is the object."""
    return [
        _node("trigger", trigger),
        _node("clause", clause, "trigger"),
        _node("object", {"DEP": "nsubj"}, "clause"),
    ] + ([_node("aux", aux, "clause")] if aux else [])


def _for_infinitive(word: dict) -> tuple[str, list[dict]]:
    """'called for Iran to leave', 'its call for Iran to leave': the subject of the 'for' clause
    is the one asked to act."""
    act = {"DEP": {"IN": ["xcomp", "advcl", "ccomp", "acl"]}, "POS": {"IN": ["VERB", "AUX"]}}
    return (
        "for-infinitive",
        [
            _node("trigger", word),
            _node("act", act, "trigger"),
            _node("for", {"DEP": "mark", "LOWER": "for"}, "act"),
            _node("object", {"DEP": "nsubj"}, "act"),
        ],
    )


def _verb_shapes(
    trigger: Trigger, verb: dict, lexicon: Lexicon
) -> Iterator[tuple[str, list[dict]]]:
    """Shapes where the object is the actor asked or threatened to act, not the act's object."""
    if trigger.infinitive:
        # 'ordered Iran to leave'; 'called for Iran to leave' (the parser: a 'for' clause)
        act = {"DEP": {"IN": ["xcomp", "advcl", "ccomp"]}, "POS": {"IN": ["VERB", "AUX"]}}
        yield (
            "infinitive",
            [
                _node("trigger", verb),
                _node("object", {"DEP": "dobj"}, "trigger"),
                _node("act", act, "trigger"),
                _node("to", {"DEP": "aux", "LOWER": "to"}, "act"),
            ],
        )
        yield _for_infinitive(verb)
        # 'wants Iran to leave': the parser makes the party the infinitive's subject
        yield (
            "infinitive-subject",
            [
                _node("trigger", verb),
                _node("act", {"DEP": "ccomp", "POS": {"IN": ["VERB", "AUX"]}}, "trigger"),
                _node("to", {"DEP": "aux", "LOWER": "to"}, "act"),
                _node("object", {"DEP": "nsubj"}, "act"),
            ],
        )
    if trigger.condition:
        # 'threatened to close the strait if the US attacked', 'warned it would leave unless ...'
        # (node 'deed', not 'act': the threatened act is not read as a prospective relation here)
        condition = {"DEP": "advcl"}
        mark = {"DEP": "mark", "LOWER": {"IN": sorted(lexicon[trigger.condition_marks])}}
        act = {"DEP": {"IN": ["xcomp", "ccomp"]}}
        deed = [_node("deed", act, "trigger"), _node("condition", condition, "deed")]
        chains = [
            ("condition", [_node("condition", condition, "trigger")]),
            ("act-condition", deed),
        ]
        if trigger.clause_aux:
            # 'said it would cut the gas unless X paid': the speaker's own act, in these
            # auxiliaries ('said Greece would default unless X ...' threatens no one)
            own = {"DEP": "aux", "LOWER": {"IN": list(trigger.clause_aux)}}
            doer = _node("doer", {"DEP": "nsubj"}, "deed")
            chains = [("own-act-condition", [*deed, doer, _node("aux", own, "deed")])]
        for name, chain in chains:
            yield (
                name,
                [
                    _node("trigger", verb),
                    *chain,
                    _node("mark", mark, "condition"),
                    _node("object", {"DEP": "nsubj"}, "condition"),
                ],
            )


def _named(verb: dict, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
    """'condemned what it called Israeli aggression', 'rejected what it described as American
    interference': the object is what the free relative names (the parser makes 'what' the
    object of the describing verb, which hangs on the trigger as its clause)."""
    describing = {"DEP": "ccomp", "LEMMA": {"IN": sorted(lexicon["describing_verbs"])}}
    head = [
        _node("trigger", verb),
        _node("named", describing, "trigger"),
        _node("what", {"DEP": "dobj", "LOWER": "what"}, "named"),
    ]
    yield "named", [*head, _node("object", {"DEP": {"IN": ["oprd", "dobj"]}}, "named")]
    yield "named-as", [*head, *_object_after({"DEP": "prep", "LOWER": "as"}, "named")]


def _object_noun_shapes(
    trigger: Trigger, verb: dict, lexicon: Lexicon
) -> Iterator[tuple[str, list[dict]]]:
    """'demanded the withdrawal of X', 'demanded a truce with X', 'warned of retaliation
    against X', 'reneged on its pledge to X': the preposition belongs to one of the nouns the
    line names, wherever the parser hangs it (on the noun, or on the verb beside it), also when
    the noun is the passive subject ('sanctions were imposed on X')."""
    nouns = {"LEMMA": {"IN": sorted(lexicon[trigger.object_nouns or ""])}}
    prep = _prep(trigger.preps)
    if trigger.manner:  # 'placed X under house arrest', 'X was held as a human shield'
        manner = [
            _node("prep", prep, "trigger"),
            _node("thing", nouns | {"DEP": "pobj"}, "prep"),
        ]
        # 'provided X with $5 million in aid'
        measured_manner = [
            _node("prep", prep, "trigger"),
            _node("measure", {"DEP": "pobj"} | _measures(lexicon), "prep"),
            _node("of", _prep(["of", "in"]), "measure"),
            _node("thing", nouns | {"DEP": "pobj"}, "of"),
        ]
        for shape, role in (("manner", "dobj"), ("manner-passive", "nsubjpass")):
            for thing in (manner, measured_manner):
                yield (
                    shape,
                    [_node("trigger", verb), _node("object", {"DEP": role}, "trigger"), *thing],
                )
        return
    # 'warned of ...', 'reneged on ...', 'called for ...'; a line's `via`: 'agreed to X's demands'
    via = _prep(["of", "with", "on", "for", *trigger.via])
    # 'handed over 700 kg of medicine to X', '$5 million in aid': the nouns after a measure
    measured = [
        _node("measure", {"DEP": "dobj"} | _measures(lexicon), "trigger"),
        _node("of", _prep(["of", "in"]), "measure"),
        _node("thing", nouns | {"DEP": "pobj"}, "of"),
    ]
    compound = [
        _node("head", {"DEP": "dobj"} | _compound_heads(lexicon), "trigger"),
        _node("thing", nouns | {"DEP": "compound"}, "head"),
    ]
    # 'suspended part of its aid programme for X': a measure of a compound head
    measured_compound = [
        measured[0],
        measured[1],
        _node("head", {"DEP": "pobj"} | _compound_heads(lexicon), "of"),
        _node("thing", nouns | {"DEP": "compound"}, "head"),
    ]
    for shape, thing, holder in (
        ("measure-compound-object-prep", measured_compound, "head"),
        ("measure-prep", measured, "trigger"),
        ("measure-object-prep", measured, "measure"),
        ("measure-thing-prep", measured, "thing"),  # 'sent a team of inspectors to X'
        ("object-prep", [_node("thing", nouns | {"DEP": "dobj"}, "trigger")], "thing"),
        # 'ended its mediation effort between X and Y': the noun names what the effort does
        ("compound-object-prep", compound, "head"),
        ("verb-compound-object-prep", compound, "trigger"),
        ("verb-object-prep", [_node("thing", nouns | {"DEP": "dobj"}, "trigger")], "trigger"),
        # 'sanctions were imposed on X by Y', 'sanctions on X were lifted by Y'
        ("passive-prep", [_node("thing", nouns | {"DEP": "nsubjpass"}, "trigger")], "trigger"),
        ("passive-object-prep", [_node("thing", nouns | {"DEP": "nsubjpass"}, "trigger")], "thing"),
        (
            "prep-object-prep",
            [_node("via", via, "trigger"), _node("thing", nouns | {"DEP": "pobj"}, "via")],
            "thing",
        ),
        # 'took to the streets against X'
        (
            "verb-prep-object-prep",
            [_node("via", via, "trigger"), _node("thing", nouns | {"DEP": "pobj"}, "via")],
            "trigger",
        ),
    ):
        yield (
            shape,
            [
                _node("trigger", verb),
                *thing,
                *_object_after(prep, holder),
            ],
        )
    for purpose in (
        _purpose_objects(trigger.purposes, lexicon, "trigger") if trigger.purposes else ()
    ):
        yield (  # 'took to the streets to denounce X'
            "prep-object-purpose-act",
            [
                _node("trigger", verb),
                _node("via", via, "trigger"),
                _node("thing", nouns | {"DEP": "pobj"}, "via"),
                *purpose,
            ],
        )
    # 'lifted the sanctions imposed on X': the preposition on the participle describing the noun
    yield (
        "object-participle-prep",
        [
            _node("trigger", verb),
            _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
            _node("participle", {"DEP": "acl", "TAG": "VBN"}, "thing"),
            *_object_after(prep, "participle"),
        ],
    )
    if "by" in trigger.preps:  # 'probed war crimes committed by X', 'met demands made by X'
        yield (
            "object-participle-agent",
            [
                _node("trigger", verb),
                _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
                _node("participle", {"DEP": "acl", "TAG": "VBN"}, "thing"),
                _node("agent", {"DEP": "agent"}, "participle"),
                _node("object", {"DEP": "pobj"}, "agent"),
            ],
        )
    if trigger.condition:
        # 'warned of retaliation if X attacked', 'threatened reprisals unless X ...': the subject
        # of the condition on the verb is the one threatened
        mark = {"DEP": "mark", "LOWER": {"IN": sorted(lexicon[trigger.condition_marks])}}
        condition = [
            _node("condition", {"DEP": "advcl"}, "trigger"),
            _node("mark", mark, "condition"),
            _node("object", {"DEP": "nsubj"}, "condition"),
        ]
        named = (
            [_node("via", via, "trigger"), _node("thing", nouns | {"DEP": "pobj"}, "via")],
            [_node("thing", nouns | {"DEP": "dobj"}, "trigger")],
        )
        for thing in named:
            yield "object-condition", [_node("trigger", verb), *thing, *condition]
    if "to" in trigger.preps:  # 'granted Albania $50 million', 'sent Haiti food aid'
        yield (
            "indirect",
            [
                _node("trigger", verb),
                _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
                _node("object", {"DEP": "dative"} | _NOUN, "trigger"),
            ],
        )
    if "with" in trigger.preps:  # 'Iran and Egypt restored (their) ties'
        yield (
            "reciprocal",
            [
                _node("trigger", verb),
                _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
                _node("first", {"DEP": "nsubj"}, "trigger"),
                _node("object", {"DEP": "conj"}, "first"),
            ],
        )
        # 'Indian and Pakistani troops exchanged fire': the members of a compound subject
        yield (
            "members",
            [_node("trigger", verb), _node("thing", nouns | {"DEP": "dobj"}, "trigger")],
        )
    if trigger.owner:  # "the withdrawal of X" is "X's withdrawal", "the X withdrawal"
        yield (
            "object-owner",
            [
                _node("trigger", verb),
                _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
                _node("object", _OWNER, "thing"),
            ],
        )
        # 'froze assets belonging to the Taliban', 'assets belonging to X were frozen'
        for role in ("dobj", "nsubjpass"):
            yield (
                "object-belonging",
                [
                    _node("trigger", verb),
                    _node("thing", nouns | {"DEP": role}, "trigger"),
                    _node("belonging", {"DEP": "acl", "LEMMA": "belong"}, "thing"),
                    *_object_after(_prep(["to"]), "belonging"),
                ],
            )
        yield (  # 'allowed UN peacekeepers to deploy': the noun is the subject of the complement
            "clause-subject-owner",
            [
                _node("trigger", verb),
                _node("clause", {"DEP": "ccomp"}, "trigger"),
                _node("thing", nouns | {"DEP": "nsubj"}, "clause"),
                _node("object", _OWNER, "thing"),
            ],
        )
        yield (  # "called for Israel's withdrawal"
            "prep-object-owner",
            [
                _node("trigger", verb),
                _node("via", via, "trigger"),
                _node("thing", nouns | {"DEP": "pobj"}, "via"),
                _node("object", _OWNER, "thing"),
            ],
        )
        yield (  # 'took two Russian soldiers hostage', parsed as two objects: the first is held
            "second-object",
            [
                _node("trigger", verb),
                _node("thing", nouns | {"DEP": "dobj"}, "trigger"),
                _node(
                    "object", {"DEP": "dobj", "LEMMA": {"NOT_IN": nouns["LEMMA"]["IN"]}}, "trigger"
                ),
            ],
        )


def _purpose(purposes: str, lexicon: Lexicon) -> dict:
    """A verb of the line's `purposes` list, whose infinitive or participle of purpose names the
    object ('rallied to denounce X', 'rioted demanding X's resignation')."""
    return {"DEP": {"IN": ["advcl", "xcomp"]}, "LEMMA": {"IN": sorted(lexicon[purposes])}}


def _purpose_objects(
    purposes: str, lexicon: Lexicon, parent: str, act: dict | None = None
) -> Iterator[list[dict]]:
    """The act of purpose hanging on `parent` (a clause's, unless `act` says how it hangs) and
    its object: a verb of the line's `purposes` list and its direct object, one of
    `request_for_verbs` and its 'for' ('marched in Dhaka calling for the resignation of X',
    'blocked roads to press for X's release'), or one of `called_on_verbs` and the one called on."""
    act = act or {}
    yield [
        _node("act", _purpose(purposes, lexicon) | act, parent),
        _node("object", {"DEP": "dobj"}, "act"),
    ]
    asking = _purpose("request_for_verbs", lexicon) | act
    yield [_node("act", asking, parent), *_object_after(_prep(("for",)), "act")]
    # 'marched in Moscow, calling on Yeltsin to resign': the one called on (see `_addressee`)
    for verb, prep in sorted(lexicon.tables["called_on_verbs"].items()):
        calling = {"DEP": {"IN": ["advcl", "xcomp"]}, "LEMMA": verb} | act
        yield [_node("act", calling, parent), *_object_after(_prep((prep,)), "act")]


def _predicate(trigger: Trigger, verb: dict, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
    """'called Israel's decision unacceptable', 'held Iran responsible', 'described the move as a
    provocation', 'said the decision was illegal': the object is what the predicate word (one of
    the line's `predicate` list) describes, wherever the parser hangs that word."""
    word = {"LEMMA": {"IN": sorted(lexicon[trigger.predicate or ""])}}
    trigger_node = _node("trigger", verb)
    thing = _node("object", {"DEP": "dobj"}, "trigger")
    complement = {"DEP": {"IN": ["oprd", "acomp", "ccomp", "xcomp", "advcl"]}}
    yield "predicate", [trigger_node, thing, _node("predicate", word | complement, "trigger")]
    # 'found X guilty': the parser makes the object the subject of a small clause
    small_clause = _node("predicate", word | {"DEP": {"IN": ["ccomp", "xcomp", "oprd"]}}, "trigger")
    yield (
        "predicate-subject",
        [trigger_node, small_clause, _node("object", {"DEP": "nsubj"}, "predicate")],
    )
    # 'called Israel a terrorist state', 'an illegal occupation': the word modifies the predicate
    described = _node("described", complement, "trigger")
    modifier = _node("predicate", word | {"DEP": {"IN": ["amod", "compound"]}}, "described")
    yield "predicate-modifier", [trigger_node, thing, described, modifier]
    # 'the decision unacceptable': the parser's modifier after the noun (see relations)
    after = _node("predicate", word | {"DEP": "amod"}, "object")
    yield "predicate-after", [trigger_node, thing, after]
    yield (
        "predicate-as",
        [
            trigger_node,
            thing,
            _node("as", {"DEP": "prep", "LOWER": "as"}, "trigger"),
            _node("predicate", word, "as"),
        ],
    )
    yield (
        "predicate-clause",
        [
            trigger_node,
            _node("clause", {"DEP": "ccomp", "LEMMA": "be"}, "trigger"),
            _node("object", {"DEP": "nsubj"}, "clause"),
            # 'was *behind* the attack': a preposition of the list is a predicate too
            _node("predicate", word | {"DEP": {"IN": ["acomp", "attr", "prep"]}}, "clause"),
        ],
    )


def _complement(
    verb: dict, trigger: Trigger, lexicon: Lexicon, name: str = "complement"
) -> Iterator[tuple[str, list[dict]]]:
    """'threatened to bomb X', 'threatened to cut ties with X', 'threatened to impose tariffs on
    X' (the preposition on the act's object): the object is a party of the verb's infinitive
    (or of a noun's: 'its willingness to open the border with X'). With `clause_aux`, also of
    the speaker's own act in a clause in those auxiliaries ('warned it would take action against
    X', 'warned that Belgrade would use force against X': its subject is checked in
    `kg.extract.relations`), and only through the line's prepositions ('vowed to help X'
    threatens no one). With `clause_verbs` the act is one of that list; with `object_nouns` its
    preposition takes one of those nouns, whose owner or agent is the object ('warned it would
    respond to any Israeli attack', '... to any attack by X')."""
    # a noun's infinitive is its clause: 'its threat to close the strait to X'
    dep = "acl" if trigger.pos == "NOUN" else "xcomp"
    act_verb = {"POS": "VERB"}
    if trigger.clause_verbs:
        act_verb |= {"LEMMA": {"IN": sorted(lexicon[trigger.clause_verbs])}}
    acts = [("", [_node("act", {"DEP": dep} | act_verb, "trigger")])]
    if trigger.clause_aux:
        own = {"DEP": "aux", "LOWER": {"IN": list(trigger.clause_aux)}}
        acts.append(
            (
                "-own",
                [
                    _node("act", {"DEP": "ccomp"} | act_verb, "trigger"),
                    _node("doer", {"DEP": "nsubj"}, "act"),
                    _node("aux", own, "act"),
                ],
            )
        )
    prep = _prep(trigger.preps)
    for own_act, act in acts:
        shape = f"{name}{own_act}"
        head = [_node("trigger", verb), *act]
        if trigger.object_nouns:
            nouns = {"DEP": "pobj", "LEMMA": {"IN": sorted(lexicon[trigger.object_nouns])}}
            thing = [_node("via", prep, "act"), _node("thing", nouns, "via")]
            yield f"{shape}-object-owner", [*head, *thing, _node("object", _OWNER, "thing")]
            yield f"{shape}-object-by", [*head, *thing, *_object_after(_prep(["by"]), "thing")]
            continue
        if not trigger.clause_aux:
            yield shape, [*head, _node("object", {"DEP": "dobj"}, "act")]
        yield f"{shape}-prep", [*head, *_object_after(prep, "act")]
        yield (
            f"{shape}-object-prep",
            [*head, _node("thing", {"DEP": "dobj"}, "act"), *_object_after(prep, "thing")],
        )
        if name == "complement" and "with" in trigger.preps:
            yield from _left(head, shape)
    if name == "intent":
        # 'agreed to let U.S. warplanes use the base': the one let act, the subject of the
        # small clause of a permission word
        permission = {"DEP": dep, "LEMMA": {"IN": sorted(lexicon["permission_words"])}}
        yield (
            f"{name}-permitted",
            [
                _node("trigger", verb),
                _node("act", permission, "trigger"),
                _node("clause", {"DEP": "ccomp"}, "act"),
                _node("object", {"DEP": "nsubj"}, "clause"),
            ],
        )


def _left(head: list[dict], shape: str) -> Iterator[tuple[str, list[dict]]]:
    """'threatened to withdraw from the agreement with X', 'to pull out of the talks with X': the
    party of what the act leaves (the parser hangs 'of' on 'out')."""
    left = _prep(["of", "from"])
    out = _node("out", {"DEP": {"IN": ["prep", "prt", "advmod"]}, "LOWER": "out"}, "act")
    with_object = _object_after(_prep(["with"]), "thing")
    thing = _node("thing", {"DEP": "pobj"}, "via")
    yield f"{shape}-left-prep", [*head, _node("via", left, "act"), thing, *with_object]
    yield f"{shape}-out-prep", [*head, out, _node("via", left, "out"), thing, *with_object]


def _shapes(trigger: Trigger, lexicon: Lexicon) -> Iterator[tuple[str, list[dict]]]:
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
                _node("verb", {"LEMMA": {"IN": ["be", "become", "remain"]}}),
                _node("described", {"DEP": "nsubj"}, "verb"),
                _node("trigger", noun | {"DEP": "attr"}, "verb"),
                _node("of", _prep(["of"]), "trigger"),
                _node("object", {"DEP": "pobj"}, "of"),
            ],
        )
        yield "possessive", [_node("trigger", noun), _node("object", {"DEP": "poss"}, "trigger")]
        # 'NATO member Turkey', 'Turkey, a NATO member', 'the US ally Israel', 'Belarus, a
        # Russian ally': a name or demonym before the noun, read as the possessive is
        modifier = {"DEP": {"IN": ["compound", "amod"]}}
        yield "modifier", [_node("trigger", noun), _node("object", modifier, "trigger")]
        # 'Moscow and Beijing are close allies'
        governor, role = {"LEMMA": "be"}, "attr"
    elif trigger.pos == "ADP":  # 'went ahead despite American objections': an adjunct's noun
        nouns = _thing(trigger, lexicon, "pobj")
        yield (
            "adjunct",
            [_node("trigger", lemma | {"DEP": "prep"}), _node("object", nouns, "trigger")],
        )
        return
    elif trigger.deadline:  # 'gave Iraq 48 hours to leave Kuwait': the one given the time
        give = _node("verb", {"LEMMA": "give"} | _VERB)
        time = lemma | _NOUN | {"DEP": {"IN": ["dobj", "npadvmod"]}}
        given = {"DEP": {"IN": ["dative", "dobj"]}, "LEMMA": {"NOT_IN": list(trigger.lemmas)}}
        term = {"DEP": {"IN": ["advcl", "xcomp", "acl", "relcl"]}, "TAG": "VB"}
        for parent in ("verb", "trigger"):  # the parser may hang the infinitive on the noun
            yield (
                f"deadline-{parent}",
                [
                    give,
                    _node("trigger", time, "verb"),
                    _node("object", given, "verb"),
                    _node("term", term, parent),
                ],
            )
        # 'gave Chechen separatists 48 hours to ...': the parser hangs the time on the object
        yield (
            "deadline-object",
            [
                give,
                _node("object", given, "verb"),
                _node("trigger", time, "object"),
                _node("term", term, "verb"),
            ],
        )
        return
    elif trigger.casualties:  # 'three soldiers were killed in a Hezbollah ambush': the victims
        fell = {"LEMMA": {"IN": sorted(lexicon["casualty_verbs"])}}
        yield (
            "casualties",
            [
                _node("trigger", lemma | _NOUN | {"DEP": "pobj"}),
                _node("in", _prep(["in", "during"]), "trigger", "<"),
                _node("verb", fell | _VERB, "in", "<"),
                _node("object", {"DEP": {"IN": ["nsubjpass", "nsubj"]}}, "verb"),
            ],
        )
        # 'claimed a bombing that killed 15 Israelis', 'an ambush which wounded two soldiers'
        yield (
            "casualties-relcl",
            [
                _node("trigger", lemma | _NOUN),
                _node("verb", fell | _VERB | {"DEP": "relcl"}, "trigger"),
                _node("object", {"DEP": "dobj"}, "verb"),
            ],
        )
        return
    elif trigger.pos == "VERB" and trigger.object_nouns and trigger.complement:
        # 'warned it would respond to any Israeli attack': the nouns are the act's
        yield from _complement(lemma | _VERB, trigger, lexicon)
        return
    elif trigger.pos == "VERB" and trigger.object_nouns:
        # read only through the nouns: 'cut ties with X', never 'cut a deal with X'
        verb = lemma | _VERB
        if trigger.frontier:
            yield from _frontier(verb, trigger, lexicon)
        if trigger.preps:
            yield from _object_noun_shapes(trigger, verb, lexicon)
        return
    elif trigger.predicate:  # read only through the predicate words
        yield from _predicate(trigger, lemma | _VERB, lexicon)
        return
    elif trigger.intent:  # 'agreed to ...', 'is ready to ...': only the act's party
        yield from _complement(lemma | {"POS": trigger.pos}, trigger, lexicon, "intent")
        return
    elif trigger.pos in ("VERB", "ADJ"):
        verb = lemma | (_VERB if trigger.pos == "VERB" else _ADJECTIVE)
        if trigger.frontier:
            yield from _frontier(verb, trigger, lexicon)
        if trigger.dobj:
            yield "dobj", [_node("trigger", verb), _node("object", {"DEP": "dobj"}, "trigger")]
            # 'rejected as baseless the accusations by X': the parser hangs the object on the
            # fronted predicate, under 'as' or over it
            adjective = {"POS": "ADJ"}
            for fronted in (
                [
                    _node("predicate", adjective | {"DEP": "advcl"}, "trigger"),
                    _node("as", {"DEP": "advmod", "LOWER": "as"}, "predicate"),
                ],
                [
                    _node("as", {"DEP": "prep", "LOWER": "as"}, "trigger"),
                    _node("predicate", adjective | {"DEP": "pcomp"}, "as"),
                ],
            ):
                yield (
                    "dobj-fronted",
                    [
                        _node("trigger", verb),
                        *fronted,
                        _node("object", {"DEP": "dobj"}, "predicate"),
                    ],
                )
            # 'Israel and Hamas accused each other (one another)': each of the other
            yield (
                "reciprocal-each",
                [
                    _node("trigger", verb),
                    _node("each", {"DEP": "dobj", "LOWER": {"IN": ["other", "one"]}}, "trigger"),
                    _node("det", {"DEP": "det", "LOWER": {"IN": ["each", "another"]}}, "each"),
                    _node("first", {"DEP": "nsubj"}, "trigger"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'received visiting minister X': the parser gives the guest to the participle (which
            # kg_word_classes reads as an adjective, JJ)
            guest = {"TAG": "JJ", "LOWER": {"IN": sorted(lexicon["guest_participles"])}}
            yield (
                "guest",
                [
                    _node("trigger", verb),
                    _node("participle", guest, "trigger"),
                    _node("object", {"DEP": "dobj"}, "participle"),
                ],
            )
            yield from _named(verb, lexicon)
            # 'Iran-backed Houthis', 'separatists backed by Russia'
            participle = verb | _DESCRIBING
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
                    *_object_after(_prep(trigger.preps), "trigger"),
                ],
            )
        if trigger.preps and not trigger.dobj:
            # 'fired missiles at Israel', 'brokered talks between X and Y' (prep on the object);
            # but 'demanded a withdrawal from X': X is the place left
            thing = {"DEP": "dobj", "LEMMA": {"NOT_IN": sorted(lexicon["departure_nouns"])}}
            yield (
                "object-prep",
                [
                    _node("trigger", verb),
                    _node("thing", thing, "trigger"),
                    *_object_after(_prep(trigger.preps), "thing"),
                ],
            )
            if set(trigger.preps) & {"between", "among"}:
                # 'Qatar-mediated talks between X and Y', 'the truce between X and Y, brokered
                # by Z': the parties of what the participle describes (the parser may hang the
                # participle on the first party)
                participle = verb | _DESCRIBING
                between = _prep(["between", "among"])
                yield (
                    "participle-between",
                    [
                        _node("trigger", participle),
                        _node("thing", _NOUN, "trigger", "<"),
                        *_object_after(between, "thing"),
                    ],
                )
                yield (
                    "participle-between",
                    [
                        _node("trigger", participle),
                        _node("object", {"DEP": "pobj"}, "trigger", "<"),
                        _node("prep", between, "object", "<"),
                    ],
                )
                # 'X and Y agreed to a ceasefire brokered by Z', 'X and Y swapped prisoners under
                # a Z-brokered deal': the coordinated subjects of the verb the noun hangs on
                parties = [
                    _node("object", {"DEP": "nsubj"}, "verb"),
                    _node("other", {"DEP": "conj"}, "object"),
                ]
                # the noun as the verb's object, or after its preposition ('under a deal ...')
                for route in ([], [_node("via", {"DEP": "prep"}, "thing", "<")]):
                    yield (
                        "participle-parties",
                        [
                            _node("trigger", participle),
                            _node("thing", _NOUN, "trigger", "<"),
                            *route,
                            _node("verb", {"POS": "VERB"}, "via" if route else "thing", "<"),
                            *parties,
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
            clause = {"DEP": "ccomp"}
            if trigger.clause_verbs:  # 'warned that X would pay ...'
                clause |= {"LEMMA": {"IN": sorted(lexicon[trigger.clause_verbs])}}
            yield "clause", _clause(verb, clause, must if trigger.clause_aux else None)
            if trigger.subjunctive:  # 'insisted that Iran release ...' (no aux: see relations)
                yield "subjunctive", _clause(verb, {"DEP": "ccomp", "TAG": {"IN": ["VB", "VBP"]}})
        yield from _verb_shapes(trigger, verb, lexicon)
        if trigger.purposes:  # 'rallied to denounce X', 'rioted demanding X's resignation'
            act = _purpose(trigger.purposes, lexicon)
            for purpose in _purpose_objects(trigger.purposes, lexicon, "trigger"):
                yield "purpose-act", [_node("trigger", verb), *purpose]
            # 'marched in Belgrade, demanding that Milosevic step down': whom the clause asks to
            # yield (not 'demanding that NATO intervene')
            yielding = {"DEP": "ccomp", "LEMMA": {"IN": sorted(lexicon["protest_demands"])}}
            yield (
                "purpose-clause",
                [
                    _node("trigger", verb),
                    _node("act", act, "trigger"),
                    _node("clause", yielding, "act"),
                    _node("object", {"DEP": "nsubj"}, "clause"),
                ],
            )
            # 'blocked roads demanding X's resignation': the parser hangs the participle on the
            # trigger's object
            described = {"DEP": "acl", "TAG": "VBG"}
            for purpose in _purpose_objects(trigger.purposes, lexicon, "thing", described):
                yield (
                    "purpose-act-object",
                    [_node("trigger", verb), _node("thing", {"DEP": "dobj"}, "trigger"), *purpose],
                )
        if trigger.complement:
            yield from _complement(verb, trigger, lexicon)
        if reciprocal:  # 'Putin and Xi met in Beijing'
            yield (
                "reciprocal",
                [
                    _node("trigger", verb),
                    _node("first", {"DEP": "nsubj"}, "trigger"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'Iran and Saudi Arabia restored ties and agreed to ...', 'X and Y decided to meet':
            # the first verb's subjects
            yield (
                "reciprocal-conj",
                [
                    _node("trigger", verb | {"DEP": {"IN": ["conj", "xcomp"]}}),
                    _node("verb", _VERB, "trigger", "<"),
                    _node("first", {"DEP": "nsubj"}, "verb"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'Hungarian and Romanian officials agreed', 'the two leaders met'
            yield "members", [_node("trigger", verb)]
        return
    elif trigger.object_nouns:
        # read only through the nouns: 'a suspension of air links with X', never 'a suspension
        # of the talks' alone
        nouns = {"DEP": "pobj", "LEMMA": {"IN": sorted(lexicon[trigger.object_nouns])}}
        # 'an inquiry into allegations against X'; a line's `via`: 'a freeze on aid to X'
        of = _prep(["of", "into", "for", *trigger.via])
        if trigger.owner:  # "its demand for Israel's withdrawal"
            yield (
                "of-object-owner",
                [
                    _node("trigger", lemma | _NOUN),
                    _node("of", of, "trigger"),
                    _node("thing", nouns, "of"),
                    _node("object", _OWNER, "thing"),
                ],
            )
            yield (  # 'opened an inquiry into Russia's war crimes': 'into' on the light verb
                "light-verb-of-object-owner",
                [
                    _node("verb", light_verb),
                    _node("trigger", lemma | _NOUN | {"DEP": "dobj"}, "verb"),
                    _node("of", of, "verb"),
                    _node("thing", nouns, "of"),
                    _node("object", _OWNER, "thing"),
                ],
            )
        yield (
            "of-object-prep",
            [
                _node("trigger", lemma | _NOUN),
                _node("of", of, "trigger"),
                _node("thing", nouns, "of"),
                *_object_after(_prep(trigger.preps), "thing"),
            ],
        )
        yield (  # 'a freeze on aid to X', 'the withdrawal of its forces from X': on the noun
            "of-object-trigger-prep",
            [
                _node("trigger", lemma | _NOUN),
                _node("of", of, "trigger"),
                _node("thing", nouns, "of"),
                *_object_after(_prep(trigger.preps), "trigger"),
            ],
        )
        yield (  # 'opened an inquiry into allegations against X': 'into' on the light verb
            "light-verb-of-object-prep",
            [
                _node("verb", light_verb),
                _node("trigger", lemma | _NOUN | {"DEP": "dobj"}, "verb"),
                _node("of", of, "verb"),
                _node("thing", nouns, "of"),
                *_object_after(_prep(trigger.preps), "thing"),
            ],
        )
        return
    else:
        noun = lemma | _NOUN
        if trigger.clausal:  # "Brazil's demand that Argentina pay"
            that = {"DEP": {"IN": ["acl", "ccomp"]}}
            that_mark = _node("that", {"DEP": "mark", "LOWER": "that"}, "clause")
            yield "clause", [*_clause(noun, that), that_mark]
        if trigger.frontier:
            yield from _frontier(noun, trigger, lexicon)
        if trigger.complement:  # "Turkey's threat to invade X"
            yield from _complement(noun, trigger, lexicon)
        if trigger.infinitive:  # 'its call for Iran to leave'
            yield _for_infinitive(noun)
        if trigger.preps:
            yield (
                "prep",
                [
                    _node("trigger", noun),
                    *_object_after(_prep(trigger.preps), "trigger"),
                ],
            )
            dative = {"DEP": {"IN": ["prep", "dative"]}, "LOWER": {"IN": list(trigger.preps)}}
            yield (
                "light-verb",
                [
                    _node("verb", light_verb),
                    _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                    *_object_after(dative, "verb"),
                ],
            )
            if trigger.purposes:
                # 'began a strike to press the government to release X' (the parser may hang
                # the infinitive on the noun: 'launched a strike to force X to resign')
                described = {"DEP": {"IN": ["acl", "relcl"]}}
                for holder, act in (("verb", None), ("trigger", described)):
                    for purpose in _purpose_objects(trigger.purposes, lexicon, holder, act):
                        yield (
                            "light-verb-purpose-act",
                            [
                                _node("verb", light_verb),
                                _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                                *purpose,
                            ],
                        )
            # 'pledged $200 million in aid to X', 'gave X 50 million marks in aid', 'carried out
            # dozens of strikes on X' ('in aid' on the measure, or on the verb: 'will provide 10
            # million dollars in aid to X')
            for holder in ("measure", "verb"):
                measured = [
                    _node("verb", light_verb),
                    _node("measure", {"DEP": "dobj"} | _measures(lexicon), "verb"),
                    _node("of", _prep(["of", "in"]), holder),
                    _node("trigger", noun | {"DEP": "pobj"}, "of"),
                ]
                name = "light-verb-measure" + ("-verb" if holder == "verb" else "")
                yield name, [*measured, *_object_after(dative, "verb")]
                # '... hundreds of airstrikes against X': the parser may hang it on the measure
                yield f"{name}-held", [*measured, *_object_after(dative, "measure")]
                if "to" in trigger.preps:
                    recipient = _node("object", {"DEP": "dative"} | _NOUN, "verb")
                    yield f"{name}-indirect", [*measured, recipient]
            # 'a mediation effort between X and Y', 'a bombing campaign against X': the trigger
            # names what an effort or campaign noun of the lexicon does
            yield (
                "compound",
                [
                    _node("head", _compound_heads(lexicon) | _NOUN),
                    _node("trigger", noun | {"DEP": "compound"}, "head"),
                    *_object_after(_prep(trigger.preps), "head"),
                ],
            )
            # 'were engaged in fighting against X', 'went on strike over X's bill': the
            # preposition on the verb, not the noun
            engaged = {"LEMMA": {"IN": sorted(lexicon["engagement_verbs"])}} | _VERB
            for shape, verb, preps in (
                ("engaged", engaged, ["in"]),
                ("light-verb-prep", light_verb | _VERB, sorted(lexicon["object_preps"])),
            ):
                yield (
                    shape,
                    [
                        _node("verb", verb),
                        _node("in", _prep(preps), "verb"),
                        _node("trigger", noun | {"DEP": "pobj"}, "in"),
                        *_object_after(_prep(trigger.preps), "verb"),
                    ],
                )
        if trigger.preps:
            # 'under a deal reached with X', 'a ceasefire agreed with X', 'an ultimatum issued by
            # NATO to X': the parser hangs the partner on the participle of a light verb that
            # describes the noun
            # ('the peace deal that Congo signed with Rwanda': a relative clause of the verb)
            for described in ({"DEP": "acl", "TAG": "VBN"}, {"DEP": "relcl"}):
                yield (
                    "participle-prep",
                    [
                        _node("trigger", noun),
                        _node("participle", light_verb | described, "trigger"),
                        *_object_after(_prep(trigger.preps), "participle"),
                    ],
                )
        if "against" in trigger.preps:
            # 'anti-American protests', 'anti-Russian sanctions': 'anti-X' is 'against X' (the
            # object after 'anti': `kg.extract.relations`)
            yield (
                "anti",
                [
                    _node("trigger", noun),
                    _node("anti", {"DEP": "amod", "LOWER": "anti"}, "trigger"),
                    _node("object", {"DEP": {"IN": list(_ANTI_DEPS)}}, "trigger"),
                ],
            )
        # 'the army came under attack from X': what the noun names is done to the subject
        exposed = {"LEMMA": {"IN": sorted(lexicon["exposure_verbs"])}}
        yield (
            "under",
            [
                _node("verb", exposed),
                _node("under", {"DEP": "prep", "LOWER": "under"}, "verb"),
                _node("trigger", noun | {"DEP": "pobj"}, "under"),
                _node("object", {"DEP": "nsubj"}, "verb"),
            ],
        )
        # 'Libya was hit by a U.N. ban on flights': what hits the passive subject is done to it
        impact = {"LEMMA": {"IN": sorted(lexicon["impact_verbs"])}, "TAG": "VBN"}
        yield (
            "hit-by",
            [
                _node("verb", impact),
                _node("by", {"DEP": "agent"}, "verb"),
                _node("trigger", noun | {"DEP": "pobj"}, "by"),
                _node("object", {"DEP": "nsubjpass"}, "verb"),
            ],
        )
        if trigger.preps:
            # 'Ukraine won support from X', 'faced criticism from X': so is what it receives (a
            # line read through a clause, 'its call for X to ...', takes no such object)
            received = {"LEMMA": {"IN": sorted(lexicon["receipt_verbs"])}}
            yield (
                "receipt",
                [
                    _node("verb", received),
                    _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                    _node("object", {"DEP": "nsubj"}, "verb"),
                ],
            )
            # 'X fired a missile, drawing condemnation from Y': the participle's subject is X's
            yield (
                "receipt",
                [
                    _node("trigger", noun | {"DEP": "dobj"}),
                    _node("verb", received | {"DEP": "advcl", "TAG": "VBG"}, "trigger", "<"),
                    _node("main", _VERB, "verb", "<"),
                    _node("object", {"DEP": "nsubj"}, "main"),
                ],
            )
        if "to" in trigger.preps:
            # 'gave Jordan a loan', 'will offer Kenya its support': the indirect object receives
            yield (
                "light-verb-indirect",
                [
                    _node("verb", light_verb),
                    _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                    _node("object", {"DEP": "dative"} | _NOUN, "verb"),
                ],
            )
            # 'promised China economic aid': the parser hangs the indirect object on the noun
            yield (
                "light-verb-nmod",
                [
                    _node("verb", light_verb),
                    _node("trigger", noun | {"DEP": "dobj"}, "verb"),
                    _node("object", {"DEP": "nmod", "POS": "PROPN"}, "trigger"),
                ],
            )
        if reciprocal:
            # 'talks between X and Y', 'clashes erupted between X and Y' (the preposition on the
            # verb the noun is subject of)
            subject = [
                _node("trigger", noun | {"DEP": "nsubj"}),
                _node("verb", _VERB, "trigger", "<"),
            ]
            for shape, holders, holder in (
                ("between", [_node("trigger", noun)], "trigger"),
                ("between-subject", subject, "verb"),
            ):
                yield (
                    shape,
                    [
                        *holders,
                        _node("prep", _prep(["between", "among"]), holder),
                        _node("first", {"DEP": "pobj"}, "prep"),
                        _node("object", {"DEP": "conj"}, "first"),
                    ],
                )
        if reciprocal:
            # 'Moscow and Tehran signed a partnership treaty': what a treaty of the
            # compound_heads list is about, between the subjects of its light verb
            head = {"DEP": "dobj"} | _compound_heads(lexicon)
            yield (
                "reciprocal-compound",
                [
                    _node("verb", light_verb),
                    _node("head", head, "verb"),
                    _node("trigger", noun | {"DEP": "compound"}, "head"),
                    _node("first", {"DEP": "nsubj"}, "verb"),
                    _node("object", {"DEP": "conj"}, "first"),
                ],
            )
            # 'the accord signed by Britain and China', 'the deal was signed by X and Y': the
            # coordinated agents of its light verb, passive or a participle describing it
            agents = [
                _node("agent", {"DEP": "agent"}, "verb"),
                _node("first", {"DEP": "pobj"}, "agent"),
                _node("object", {"DEP": "conj"}, "first"),
            ]
            yield (
                "reciprocal-passive",
                [
                    _node("verb", light_verb),
                    _node("trigger", noun | {"DEP": "nsubjpass"}, "verb"),
                    *agents,
                ],
            )
            yield (
                "reciprocal-passive",
                [
                    _node("trigger", noun),
                    _node("verb", light_verb | {"DEP": {"IN": ["acl", "relcl"]}}, "trigger"),
                    *agents,
                ],
            )
            # 'India and China held a new round of talks': the event nouns a series counts
            series = {"DEP": "dobj", "LEMMA": {"IN": sorted(lexicon["series_nouns"])}}
            yield (
                "reciprocal-series",
                [
                    _node("verb", light_verb),
                    _node("series", series, "verb"),
                    _node("of", _prep(["of"]), "series"),
                    _node("trigger", noun | {"DEP": "pobj"}, "of"),
                    _node("first", {"DEP": "nsubj"}, "verb"),
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
        # 'X and Y are expected to sign a treaty', 'X and Y decided to resume talks'
        yield (
            "reciprocal-raised",
            [
                _node("verb", governor | {"DEP": "xcomp"}),
                _node("trigger", noun | {"DEP": role}, "verb"),
                _node("governor", {}, "verb", "<"),
                _node("first", {"DEP": {"IN": ["nsubj", "nsubjpass"]}}, "governor"),
                _node("object", {"DEP": "conj"}, "first"),
            ],
        )
        yield "members", [_node("trigger", noun)]
