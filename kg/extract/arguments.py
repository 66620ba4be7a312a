"""Which actor a token in an argument position stands for.

A named entity is its resolved mention (a capital in an argument position is its state); a
role noun with an apposition is the named person ("army chief, Herzi Halevi"); a sector or
asset noun with an actor modifier is that actor ("Iranian officials", "Hezbollah positions");
a delegation noun is the delegation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..model import ACTOR_KINDS, COLLECTIVE_KINDS
from ..resolve import Gazetteer
from ..vocab import slugify
from .actors import COREF_KEY, PAIR_KEY, SPAN_KEY, stance_prefix
from .context import Context, called_on, infinitive

__all__ = [
    "Arg",
    "Arguments",
    "EventMention",
    "RelationMatch",
    "compound_modifiers",
    "is_former",
    "listed",
    "prep_objects",
]

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
class EventMention:
    """An event named in a Doc. `key` is the slug of type and victim (or target words) when one
    is stated, so two reports of one event can merge; `anchored` says whether it is."""

    key: str
    type: str
    label: str
    victim: Arg | None
    perpetrators: tuple[Arg, ...]
    anchored: bool
    definite: bool = False  # 'the attack' alone: may name one the text has just told of


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
    former: bool = False  # a role the person held before ('ex-Defense Minister')
    event: EventMention | None = None
    # a threat read off a planned act ('vowed to attack X next week'): dated when it is stated
    prospect: bool = False


def compound_modifiers(word: Token) -> list[Token]:
    """The first part of a hyphenated modifier: 'Iran' of 'Iran-backed', 'Saudi' of 'Saudi-led'."""
    return [c for c in word.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")]


# How a participle names who holds what it describes: 'rebel-held', 'Israeli-occupied'.
_HOLDER_DEPS = ("npadvmod", "compound", "nmod", "amod")


def is_former(noun: Token, lexicon: Lexicon) -> bool:
    """'ex-Defense Minister', 'former President Bush' (the parser may hang 'former' on the name
    the title is a compound of); 'the *former* Rwandan army', '*former* Israeli officials' are no
    body of today's state."""
    children = list(noun.children)
    if noun.dep_ == "compound":
        children += [c for c in noun.head.children if c.i < noun.i]
    if noun.dep_ == "appos":  # 'Boris Johnson, then Britain's prime minister, ...'
        children += [c for c in noun.head.children if noun.head.i < c.i < noun.i]
    return any(
        t.lower_ in lexicon["former_modifiers"]
        for child in children
        if child.dep_ in ("amod", "compound", "advmod")
        for t in child.subtree
    )


def prep_objects(token: Token, word: str) -> list[Token]:
    """The objects of the token's preposition `word`: 'attacks by X' -> X."""
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == word
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _after_comma(first: Token, second: Token) -> bool:
    """The phrase of `second` opens right after `first` and a comma ('Hezbollah, the group')."""
    return second.left_edge.i == first.i + 2 and first.doc[first.i + 1].text == ","


def _set_apart(name: Token, noun: Token) -> bool:
    """'Hezbollah, the Lebanese group armed by Iran, fired ...': a common noun set off by a comma
    right after a name is its apposition, though the parser makes both subjects of the verb."""
    return name.pos_ == "PROPN" and noun.pos_ == "NOUN" and _after_comma(name, noun)


def listed(first: Token, second: Token) -> bool:
    """'Russia, Ukraine swap prisoners', 'Trump threatens Canada, Mexico': a name of the same
    kind right after a name and a comma is the next item of a headline's list, whatever
    dependency the parser gives it."""
    return (
        first.pos_ == second.pos_ == "PROPN"
        and first.ent_type_ != ""
        and first.ent_type_ == second.ent_type_
        and _after_comma(first, second)
    )


def stray_by(noun: Token) -> list[Token]:
    """'protested against hikes by the government', 'rejected the offer by Iran': the small
    model hangs the noun's 'by X' on the active verb whose object (or whose preposition's object)
    the noun is; an active verb takes no agent of its own, so X is the noun's."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    return [t for t in prep_objects(verb, "by") if t.i > noun.i]


def turned(word: Token, prefixes: tuple[str, ...] = ("anti",)) -> bool:
    """'American' of 'anti-American' (or 'anti American'): a modifier a prefix before it turns
    from the noun's owner or agent into what the noun is against (or, 'pro', for)."""
    doc = word.doc
    return any(doc[i].lower_ in prefixes for i in (word.i - 2, word.i - 1) if i >= 0)


def _resolved(token: Token) -> bool:
    """Whether `kg_coref` resolved the token (a pronoun or a counterpart noun) to an actor."""
    return any(span.start == token.i for span in token.doc.spans.get(COREF_KEY, ()))


def _unresolved_pronoun(token: Token) -> bool:
    """A third-person pronoun that coreference left alone ('it' with two states before it)."""
    return token.pos_ == "PRON" and token.morph.get("Person") == ["3"] and not _resolved(token)


# prepositions whose participle the clause's subject does ('after meeting X, Y said'); not
# 'without consulting X' or 'instead of meeting X'
_OCCASIONS = ("after", "before", "since", "upon", "on", "by", "while", "when")


_ALONG = ("along", "together")


def _companions(verb: Token, subjects: list[Token]) -> list[Token]:
    """'Egypt, along with Jordan, condemned X', 'Egypt, together with Jordan, ...': who acts with
    the subject (the parser hangs 'along with' on the verb before it, or 'with' on the subject)."""
    along = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _ALONG and c.i < verb.i]
    withs = [w for a in along for w in a.children if w.dep_ == "prep" and w.lower_ == "with"]
    withs += [
        w
        for s in subjects
        for w in s.children
        if w.dep_ == "prep"
        and w.lower_ == "with"
        and any(c.dep_ == "advmod" and c.lower_ in _ALONG for c in w.children)
    ]
    return [c for w in withs for c in w.children if c.dep_ == "pobj"]


class Arguments:
    """Token -> Arg look-ups for one Doc; built per document from `doc.spans["kg_actors"]`."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # Verbs whose subject is the agent of the event noun they take: 'held talks with',
        # 'ruled out a meeting with', 'plans an attack on', 'attended the talks with'.
        self.agent_verbs = (
            lexicon["light_verbs"]
            | lexicon["negative_verbs"]
            | lexicon["planned_words"]
            | lexicon["participation_verbs"]
        )
        self.spans: dict[int, Span] = {}
        actors = list(doc.spans.get(SPAN_KEY, []))
        for span in actors:
            for i in range(span.start, span.end):
                self.spans[i] = span
        # word -> the actors a compound mention stands for ('Hungarian and Romanian officials')
        self.members: dict[int, list[Arg]] = {}
        pairs = list(doc.spans.get(PAIR_KEY, []))
        # their names as first written, read only if needed: a Span's text builds its Tokens
        names: dict[str, str] = {}
        for span in actors if pairs else ():
            names.setdefault(span.id_, span.text)
        for span in pairs:
            label = self.label(span.id_, names.get(span.id_, span.text))
            member = Arg(span.id_, label, span.label_, span.start, span.end)
            self.members.setdefault(span.start, []).append(member)

    def label(self, key: str, fallback: str) -> str:
        entry = self.gazetteer.entries.get(key)
        return entry.label if entry else fallback

    def event_authors(self, token: Token) -> list[Arg]:
        """'An *Israeli* air strike killed ...', 'shelling *by Ethiopian troops* hit ...', 'a car
        bomb planted *by ETA* killed ...': a violent event noun or a weapon that acts stands for
        whom its modifier or its 'by' names."""
        lemma = token.lemma_.lower()
        if lemma not in self.lexicon.event_types and not self.lexicon.matches(
            "weapon_nouns", lemma, token.lower_
        ):
            return []
        found = self.modifier_actor(token, COLLECTIVE_KINDS) or self.owner(
            token, ("by",), COLLECTIVE_KINDS
        )
        return [found] if found is not None else []

    def place_state(self, token: Token, misread: bool = False) -> Arg | None:
        """The state a city lies in ('Russia bombed *Kharkiv*'), from the gazetteer's city table:
        only for a name the model tags as a place, or with `misread` a one-word person, an
        organization or an untagged proper noun (the small model's misreadings of a city:
        'shelled Homs', 'bombed Aleppo', 'attacked El Fasher'; 'sanctioned Juan Diaz' is a
        person, whatever town has his name)."""
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        # 'attacked Palma in northern Mozambique': the state the text puts it in, not the table's
        stated = self._stated_state(token)
        if ent is None and misread and token.pos_ == "PROPN":
            ent = token.doc[token.i : token.i + 1]
        elif ent is None or not (
            ent.label_ in ("GPE", "LOC")
            or (misread and (ent.label_ == "ORG" or (ent.label_ == "PERSON" and len(ent) == 1)))
        ):
            return None
        state = self.gazetteer.entries.get(self.gazetteer.places.get(ent.text, ""))
        if stated is not None and (state is not None or ent.label_ in ("GPE", "LOC")):
            return replace(stated, start=ent.start, end=ent.end)  # (a misread name: a city)
        return Arg(state.key, state.label, state.kind, ent.start, ent.end) if state else None

    def _stated_state(self, city: Token) -> Arg | None:
        """The state after 'in' right after a city, on it or on the verb it is the object of."""
        holders = [city, city.head] if city.dep_ == "dobj" else [city]
        for place in (p for h in holders for p in prep_objects(h, "in") if p.i > city.i):
            arg = self.agent(place)
            if arg is not None and arg.kind == "State" and place.left_edge.i <= city.i + 3:
                return arg
        return None

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

    def measure_of(self, noun: Token) -> Token:
        """The measure noun a noun is measured by, outermost first, else the noun itself (also
        where the parser hangs its 'in' on the verb: 'froze billions of euros *in* EU funds')."""
        while noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in"):
            holder = noun.head.head
            if holder.pos_ == "VERB" and noun.head.lower_ == "in":
                holder = next((c for c in holder.children if c.dep_ == "dobj"), holder)
            if holder.lemma_.lower() not in self.lexicon.measures():
                break
            noun = holder
        return noun

    def seat_state(self, token: Token) -> Arg | None:
        """The state an organization's seat lies in, which is what is done to the city ('attacked
        Brussels': Belgium; 'Brussels imposed sanctions' acts for the EU)."""
        span = self.spans.get(token.i)
        entry = self.gazetteer.entries.get(span.id_) if span is not None else None
        if entry is None or entry.kind != "Place" or entry.country is None:
            return None
        state = self.gazetteer.entries[entry.country]
        return Arg(state.key, state.label, state.kind, span.start, span.end)

    def is_place(self, token: Token) -> bool:
        """A capital or metonym that stands for its state only when it acts ('the Damascus
        strike' is where, not whose)."""
        span = self.spans.get(token.i)
        return span is not None and span.kb_id_ != span.id_

    def modifier_actors(
        self,
        token: Token,
        kinds: tuple[str, ...] = ("State",),
        deps: tuple[str, ...] = _MODIFIER_DEPS,
    ) -> list[Arg]:
        """Every actor the token's modifiers name, coordinated ones too: 'Iranian', 'Tehran',
        "Russia's", 'Hungarian and Romanian (officials)'; not a stance ('the pro-Russian
        government' is not Russia's)."""
        found: dict[str, Arg] = {}
        possessors: set[str] = set()
        states: dict[int, str] = {}  # the position of each state-naming modifier
        for child in token.children:
            if child.dep_ in deps:
                for word in (child, *child.conjuncts):
                    if stance_prefix(word, self.lexicon) is not None or self._ethnic_organ(
                        word, token
                    ):
                        continue
                    arg = self.agent(word)
                    if arg is not None and arg.kind in kinds:
                        found.setdefault(arg.key, arg)
                        if arg.kind == "State":
                            states[word.i] = arg.key
                            if child.dep_ == "poss":
                                possessors.add(arg.key)
        # 'the Bosnian Serb army', 'Kosovo Albanian refugees': two peoples side by side name one
        # people of neither state, a group of its own ('Bosnian and Serb officials' name two)
        pairs = [(i, i + 1) for i in states if states.get(i + 1, states[i]) != states[i]]
        stacked = {states[j] for pair in pairs for j in pair}
        found = {k: a for k, a in found.items() if k not in stacked}
        if "Group" in kinds:
            for i, j in pairs:
                people = self._stacked_people(token.doc[i], token.doc[j], states[i])
                found.setdefault(people.key, people)
        if possessors and any(a.kind in ("Group", "Organization") for a in found.values()):
            # "Sudan's RSF militia": the state only places the group it names (but "Finland's
            # NATO bid" is Finland's)
            forms = (token.lemma_.lower(), token.lower_)
            if self.lexicon.matches("group_nouns", *forms) or self.lexicon.matches(
                "sector_nouns", *forms
            ):
                found = {k: a for k, a in found.items() if k not in possessors}
        return list(found.values())

    def _ethnic_organ(self, modifier: Token, noun: Token) -> bool:
        """'the *ethnic* Albanian leadership': a people's organ, none of Albania ('ethnic Albanian
        prisoners' are the people, who stand for it as event coders code them)."""
        if modifier.i == 0 or modifier.nbor(-1).lower_ not in self.lexicon["ethnic_words"]:
            return False
        sector = self.lexicon.lookup("sector_nouns", noun.lemma_.lower(), noun.lower_)
        return sector is not None and sector not in self.lexicon["civilian_sectors"]

    def _stacked_people(self, first: Token, second: Token, state: str) -> Arg:
        """'Bosnian' + 'Serb': the people the first word's state places the second's in, keyed
        as that people named alone is ('the Kosovo Albanians': the state's demonym and the
        people, `kosovar-albanian`, as `SectorResolver._group_span` keys it)."""
        entry = self.gazetteer.entries.get(state)
        name = self.gazetteer.demonym_of(state) or (entry.label if entry else first.text)
        plural = second.text if second.text.endswith("s") else f"{second.text}s"
        key = slugify(f"{name} {second.text}")
        return Arg(key, f"{first.text} {plural}", "Group", first.i, second.i + 1)

    def _commander(self, token: Token) -> Arg | None:
        """Armed men a named person possesses are his ("Saddam Hussein's forces", "Kabila's
        rebels"; not 'our soldiers' in a quotation: a pronoun names no commander; nor across
        nouns the parser compounded: "Kabila's government repel rebels" is no phrase)."""
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            return None
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children):
            return None
        return self.modifier_actor(token, ("Person",), ("poss",))

    def _carried(self, token: Token) -> Arg | None:
        """'a convoy *carrying* Russian troops was ambushed', 'a plane carrying Iranian
        diplomats': what a vehicle is hit for is whom it carries (`carrier_verbs`)."""
        for participle in token.children:
            if participle.dep_ == "acl" and participle.lemma_ in self.lexicon["carrier_verbs"]:
                for load in (c for c in participle.children if c.dep_ == "dobj"):
                    arg = self.resolve(load)
                    if arg is not None and arg.is_actor:
                        return arg
        return None

    def modifier_actor(
        self,
        token: Token,
        kinds: tuple[str, ...] = ("State",),
        deps: tuple[str, ...] = _MODIFIER_DEPS,
    ) -> Arg | None:
        """The first actor named by a modifier of the token."""
        actors = self.modifier_actors(token, kinds, deps)
        return actors[0] if actors else None

    def parties(self, token: Token) -> list[Arg]:
        """The actors a token in an argument position stands for: each member of a compound
        mention ('Hungarian and Romanian officials', 'the two leaders'), else the one it names."""
        if token.tag_ in ("WDT", "WP") and token.head.dep_ == "relcl":
            # 'Syria, which was condemned by X', 'Hezbollah, which Israel attacked': the name
            # the relative clause hangs on
            return self.parties(token.head.head)
        compound = self.compound(token)
        if compound:
            return compound
        arg = self.resolve(token)
        if arg is None or not arg.is_actor:
            return []
        # 'scores of Sierra Leonean and Liberian refugees': what it resolved to may be compound
        found = self.members.get(arg.start, [arg]) if arg.end == arg.start + 1 else [arg]
        keys = {a.key for a in found}
        for conjunct in self._partitive_conjuncts(token):
            found += [a for a in self.parties(conjunct) if a.key not in keys]
            keys |= {a.key for a in found}
        return found

    def _partitive_conjuncts(self, token: Token) -> list[Token]:
        """'hundreds of Somali and (Eritrean refugees)', parsed as two objects of 'of': the
        conjuncts after a partitive noun's 'of', each a party of its own; and the coordinated
        authors of a proposal ('the proposals of Israel and the US', 'the Israeli and American
        proposals'), and of an asset ('U.S. and British planes'), or where an unowned one lies
        ('targets in Afghanistan and Sudan')."""
        forms = (token.lemma_.lower(), token.lower_)
        if self.lexicon.matches("partitive_nouns", *forms) or self.lexicon.matches(
            "sector_nouns", *forms
        ):
            heads = prep_objects(token, "of")  # also 'the leaders of India and Pakistan'
        elif self.lexicon.matches("proposal_nouns", *forms) or self.lexicon.matches(
            "asset_nouns", *forms
        ):
            owners = [c for c in token.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
            heads = [
                *(p for word in ("of", "by", "from") for p in prep_objects(token, word)),
                *owners,
            ]
            if self.lexicon.matches("asset_nouns", *forms) and not any(
                c.i in self.spans for c in owners
            ):
                heads += prep_objects(token, "in")  # 'targets in Afghanistan and Sudan'
        else:
            return []
        return [conjunct for head in heads for conjunct in head.conjuncts]

    def blame_prep(self, noun: Token) -> Token | None:
        """The 'on' by which a verb of `culprit_verbs` names whom it blames for its object: on
        the verb after the object, else the last 'on' of the object's phrase, wherever the parser
        hangs it ('blamed the killing of its soldiers on Indian troops'). It never names the
        object's target, whoever follows it."""
        if noun.dep_ != "dobj" or not self.lexicon.matches("culprit_verbs", noun.head.lemma_):
            return None
        ons = [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "on"]
        ons = [c for c in ons if c.i > noun.i] or [
            t for t in noun.subtree if t.dep_ == "prep" and t.lower_ == "on"
        ]
        return ons[-1] if ons else None

    def blamed_on(self, noun: Token) -> list[Token]:
        """Whom 'blamed the bombing *on Iran*' blames: a named actor or a capital that stands for
        its government ('on Kyiv'), not a city, an asset or a day ('blamed the strike on a
        hospital in Kyiv': no one is blamed, and the hospital is no target either)."""
        prep = self.blame_prep(noun)
        if prep is None:
            return []
        return [c for c in prep.children if c.dep_ == "pobj" and self._named_party(c)]

    def _named_party(self, token: Token) -> bool:
        """A token an actor's name covers, or a capital's (a place whose span stands for its
        state: 'Kyiv', 'Washington')."""
        span = self.spans.get(token.i)
        return span is not None and (span.label_ != "Place" or self.is_place(token))

    def resolve(self, token: Token) -> Arg | None:
        """The actor (or place) a token in an argument position stands for, if any."""
        # 'Libyan forces loyal to Haftar' (not 'Hezbollah, loyal to Iran', nor 'Hezbollah
        # fighters, loyal to Iran': a named group stays itself)
        loyal = self._loyal(token) if token.pos_ == "NOUN" else None
        if loyal is not None and not any(
            c.dep_ in ("compound", "amod", "nmod", "poss")
            and c.i in self.spans
            and self.spans[c.i].label_ != "State"
            for c in token.children
        ):
            return loyal
        forms = (token.lemma_.lower(), token.lower_)
        if (
            token.pos_ == "NOUN"
            and self.lexicon.matches("group_nouns", *forms)
            and not self.lexicon.matches("follower_nouns", *forms)
            and (named := self.owner(token, ("of", "from"), ("Group", "Organization"))) is not None
        ):
            # 'Albanian guerrillas of the KLA', 'Palestinian militants from Hamas' are the KLA's
            # and Hamas's, not a people's men
            return named
        arg = self.agent(token)
        if arg is not None and self._unnamed_body(arg, token):
            # "Iran's Foreign Ministry", 'the Defense Ministry of Iran': a body of a state that
            # the model tags as a name of its own
            arg = self.modifier_actor(token, ("State",), ("poss",)) or self.owner(token) or arg
        if arg is not None:
            return None if arg.kind == "Source" else arg
        if self.lexicon.matches("source_nouns", *forms):
            # 'The Iranian statement condemned X', "Iran's statement": what is said is its
            # author's (a news outlet's is no party)
            said = self.lexicon.matches("speech_act_nouns", *forms)
            return self._author(token) if said else None
        for child in token.children:
            if child.dep_ == "appos" and self._names_head(child):
                arg = self.agent(child)
                if arg is not None and arg.is_actor:
                    return arg
        # ('one of the few EU leaders to endorse Trump' is one person, not the EU)
        partitive = self.lexicon.matches("partitive_nouns", *forms) or (
            token.pos_ == "NUM" and token.lower_ != "one"
        )
        owner = self.owner(token) if partitive else None
        if owner is not None:
            # 'a group of Moroccan diplomats', 'thousands of Kurds', 'members of Hamas', '139 of
            # the U.N. peacekeepers'
            return owner
        if self.lexicon.matches("group_nouns", *forms):
            # 'activists from the Fatah party' act for it ('supporters of X' are not X)
            # 'students at Cairo University' for the institution (not a place: 'rebels at Kabul')
            # 'guerrillas of the PKK' are the PKK's
            # as the object of an act, followers are targeted for whom they follow ('arrested
            # Falun Gong followers', 'beat supporters of the MDC', 'Hamas supporters were rounded
            # up': the movement's, as CAMEO codes)
            counted = token.dep_ == "pobj" and token.head.lower_ == "of"  # 'hundreds of ...'
            patient = (token.head.head if counted else token).dep_ in ("dobj", "nsubjpass")
            follower = self.lexicon.matches("follower_nouns", *forms) and not patient
            bodies = ("Group", "Organization")
            return (
                self.owner(token, ("from",))
                or self.owner(token, ("at",), ("Organization",))
                or (None if follower else self.owner(token, ("of",), bodies))
                or (None if follower else self.modifier_actor(token, bodies, ("compound",)))
                or self.leader(token)
                # "Laurent Kabila's rebels" are his ("Gbagbo's supporters" are not Gbagbo)
                or (None if follower else self._commander(token))
            )
        if self.lexicon.matches("delegation_nouns", *forms):
            return self.delegation(token)
        kinds = COLLECTIVE_KINDS
        if self.lexicon.matches("sector_nouns", *forms):
            if is_former(token, self.lexicon):
                return None
            # 'Iranian officials', 'the government of Kenya', 'forces loyal to X'
            return (
                self._holder(token, kinds)
                or self.modifier_actor(token, kinds)
                or self.owner(token)
                or self.leader(token)
                # "Museveni's government", 'the Biden administration', where no state is
                # named: its leader's; so are "Saddam Hussein's forces"
                or (
                    self.modifier_actor(token, ("Person",), ("poss", "compound"))
                    if self.lexicon.matches("state_organ_nouns", *forms)
                    else self._commander(token)
                    if self.lexicon.matches("troop_nouns", *forms)
                    else None
                )
            )
        agent_act = self.lexicon.matches("agent_act_nouns", *forms)
        if agent_act or self.lexicon.matches("proposal_nouns", *forms) or self._authored(token):
            # 'rejected Hamas's proposal', "Putin's offer", 'an offer from Iran', 'the ceasefire
            # proposed by Egypt', 'the demands of Turkey' (what is said is its speaker's), 'the
            # resignation of X' (an act of its own): its author
            of = (
                agent_act
                or self.lexicon.matches("speech_act_nouns", *forms)
                or self.lexicon.matches("deed_nouns", *forms)
            )
            # 'a withdrawal from X': X is the place left (departure_nouns), not the author
            left = self.lexicon.matches("departure_nouns", *forms)
            # 'their detention by Israel': a named agent outranks the possessor (who was held)
            if self.undergoer(token) is not None:
                return self.owner(token, ("by",))  # "Navalny's imprisonment" is not his act
            if self.owner(token, ("with",)) is not None and self._authored(token, "broker_verbs"):
                # 'a ceasefire with Israel brokered by the US' is Israel's deal: the one after
                # 'by' only brokered it (the possessor of "Hamas's deal with Israel" made it; a
                # proposer stands for its proposal: 'rejected the truce with X proposed by Egypt')
                return self.modifier_actor(token, (*kinds, "Person"), ("poss",))
            return (
                self.owner(token, ("by",))
                or self._holder(token, (*kinds, "Person"), "authoring_verbs")
                or self.modifier_actor(token, (*kinds, "Person"))
                or (None if left else self.owner(token, ("from",)))
                or (self.owner(token) if of else None)
                or self._stray_author(token)
            )
        if self.lexicon.matches("organization_heads", *forms):
            # 'the al-Qaeda terror network', 'the Hamas movement', "Hamas's armed wing", 'the
            # military wing of Hezbollah': a named group's own body
            groups = ("Group", "Organization")
            named = self.modifier_actor(token, groups, ("compound", "nmod", "poss")) or self.owner(
                token, ("of",), groups
            )
            if named is not None:
                return named
        leader = self.leader(token)
        if leader is not None:
            return leader
        carried = self._carried(token)
        if carried is not None:
            return carried
        if self.lexicon.matches("asset_nouns", *forms):
            # 'Hezbollah positions', "Iran's bases", 'Syrian positions', 'Iraqi territory' --
            # but 'Albanian rebel-held territory' is not Albania's: a holder the noun names
            # ('held', a group) outranks an adjective
            deps = ("compound", "poss", "nmod")  # nmod: 'U.S. and British planes'
            if self.lexicon.matches("diplomatic_assets", *forms) or not self._held(token):
                deps += ("amod",)
            # a name before a possessive pronoun: 'its European Union partners' are the EU's
            named = self.modifier_actor(token, kinds, ("compound",))
            if named is not None and self._own_name(token, named):
                # 'the al-Shifa hospital', 'the Essequibo region': its name, not its owner
                named, deps = None, tuple(d for d in deps if d != "compound")
            # 'a camp for Congolese refugees', 'a base for Kurdish fighters' is theirs; 'targets
            # inside Eritrea' are the state's they are in
            # 'struck targets in Lebanon': the parser may hang the place on the verb; 'a school
            # in Gaza' is in the state of the city
            verb = token.head if token.dep_ == "dobj" else None
            # 'Iran said Israel attacked its consulate in Damascus': an owner coreference could
            # not name is still the owner, not the state the asset is in
            unknown = any(c.dep_ == "poss" and _unresolved_pronoun(c) for c in token.children)
            # 'tariffs on imports from Canada': goods and trade come from their owner
            origin = ("of", "for", "from") if self.lexicon.matches("trade_nouns", *forms) else ()
            owner = self.owner(token, origin or ("of", "for")) or (
                None
                if unknown
                else self._located(token) or (self._located(verb) if verb is not None else None)
            )
            return (
                named
                or self._holder(token, kinds)
                or self.modifier_actor(token, kinds, deps)
                or owner
            )
        return None

    def _own_name(self, token: Token, named: Arg) -> bool:
        """A name no gazetteer knows, compounded to a singular asset noun after 'the', is the
        asset's own name ('the al-Shifa hospital'), not its owner ('the Hamas tunnel' is)."""
        return (
            named.key not in self.gazetteer.entries
            and named.kind != "State"
            and token.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        )

    def _author(self, said: Token) -> Arg | None:
        """Who made a statement: its modifier or possessor ('an Iranian statement', "Iran's
        statement"), else the actor after 'by' or 'from'."""
        kinds = (*COLLECTIVE_KINDS, "Person")
        return self.modifier_actor(said, kinds) or self.owner(said, ("by", "from"))

    def _stray_author(self, act: Token) -> Arg | None:
        """The author the parser hangs elsewhere: on what is offered ('an offer of talks from
        Israel', 'a proposal of a truce by Egypt'; 'a withdrawal from X' names the place left),
        or on the active verb whose object the act is ('rejected the offer by Iran')."""
        for thing in prep_objects(act, "of"):
            left = self.lexicon.matches("departure_nouns", thing.lemma_.lower(), thing.lower_)
            owner = self.owner(thing, ("by",) if left else ("by", "from"))
            if owner is not None:
                return owner
        return next((a for t in stray_by(act) if (a := self.resolve(t)) and a.is_actor), None)

    def _unnamed_body(self, arg: Arg, token: Token) -> bool:
        """An organization no gazetteer knows, named by a sector noun ('Foreign Ministry')."""
        return (
            arg.kind == "Organization"
            and arg.key not in self.gazetteer.entries
            and self.lexicon.matches("sector_nouns", token.lemma_.lower(), token.lower_)
        )

    def _authored(self, token: Token, verbs: str = "authoring_verbs") -> bool:
        """'the ceasefire proposed by Egypt': a noun a participle of `verbs` describes."""
        return any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in self.lexicon[verbs]
            for c in token.children
        )

    def _names_head(self, appos: Token) -> bool:
        """An apposition in brackets abbreviates the words just before it: 'a renewal of the
        mission of the troops in Kosovo (KFOR)' does not call the renewal KFOR."""
        if appos.i < 2 or appos.doc[appos.i - 1].text != "(":
            return True
        return appos.doc[appos.i - 2].i == appos.head.i

    def _located(self, token: Token) -> Arg | None:
        """The state after the token's 'in' or 'inside', named or as the state of a city."""
        named = self.owner(token, ("in", "inside"), ("State",))
        if named is not None:
            return named
        places = (*prep_objects(token, "in"), *prep_objects(token, "inside"))
        return next(filter(None, (self.place_state(p) for p in places)), None)

    def _holder(
        self, asset: Token, kinds: tuple[str, ...], participles: str = "holder_participles"
    ) -> Arg | None:
        """'a Greek-flagged tanker', 'Ukrainian-held positions': the actor a hyphenated holding
        participle names (or one of `authoring_verbs`: 'a U.S.-drafted resolution')."""
        for child in asset.children:
            if child.dep_ == "amod" and child.lemma_.lower() in self.lexicon[participles]:
                holder = self.modifier_actor(child, kinds, _HOLDER_DEPS)
                if holder is not None:
                    return holder
        return None

    def _held(self, asset: Token) -> bool:
        """'rebel-held territory', 'Albanian rebel positions': a participle naming its holder or
        a group noun among the modifiers names who holds the asset, not the adjective beside it
        ('the besieged Bosnian town' is still Bosnia's)."""
        return any(
            (c.tag_ == "VBN" and any(h.dep_ in _HOLDER_DEPS for h in c.children))
            or self.lexicon.matches("group_nouns", c.lemma_.lower(), c.lower_)
            for c in asset.children
            if c.dep_ in ("amod", "compound", "npadvmod")
        )

    def _inner_event_before(self, noun: Token, by: Token) -> bool:
        """'an inquiry into the killings by X': the small model hangs the inner event's 'by X'
        on the outer noun; X killed, it did not inquire."""
        return any(
            self.lexicon.event_types.get(inner.lemma_.lower()) is not None
            for prep in noun.children
            if prep.dep_ == "prep" and prep.i < by.i
            for inner in prep.children
            if inner.dep_ == "pobj"
        )

    def verb_subjects(self, verb: Token, raised: bool = False) -> list[Token]:
        """Who does what the verb says: nsubj, the passive agent, or the subject of the governing
        verb for infinitives, coordinated verbs, a participle after a preposition and a pronoun in
        reported speech ('X vowed to attack Y', 'X met Y and hailed Z', 'After meeting Y, X ...', 'X
        said it would meet Y'), a participle clause ('Rejecting the offer, X ...', 'X, accusing Y of
        ..., ...': the noun it describes); a passive governor raises its subject ('X is expected to
        meet Y'); a relative pronoun is the name it hangs on ('X, which met Y, ...')."""
        for child in verb.children:
            if child.dep_ == "agent":
                return [c for c in child.children if c.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # 'The Red Cross operating in Iraq said': the parser may make the participle the subject
        subjects = [
            s
            for c in subjects
            for s in (
                [g for g in c.children if g.dep_ == "nsubj"] or [c]
                if c.tag_ == "VBG" and c.pos_ == "VERB"
                else [c]
            )
        ]
        if subjects and verb.dep_ == "relcl" and subjects[0].tag_ in ("WDT", "WP"):
            # 'Egypt, which rejected the offer, ...', 'Russian troops, who have been fighting X,
            # ...', "Sudan's army, which is fighting X, ..." (a name, a 'who' or a body an actor
            # owns: not 'a resolution that aims to ...')
            named = verb.head.pos_ == "PROPN" or subjects[0].tag_ == "WP"
            forms = (verb.head.lemma_.lower(), verb.head.lower_)
            if not named and (
                self.lexicon.matches("sector_nouns", *forms)
                or self.lexicon.matches("group_nouns", *forms)
            ):
                owner = self.resolve(verb.head)
                named = owner is not None and owner.is_actor
            return [verb.head] if named else []
        if subjects and verb.dep_ == "ccomp" and _unresolved_pronoun(subjects[0]):
            # 'Iran warned (that) it would attack Israel': an unresolved 'it' is the speaker
            return self.verb_subjects(verb.head)
        if subjects:
            # every nominal subject: the small model splits "Serbia's ally Russia" into two. A
            # pronoun stands for an actor only if `kg_coref` resolved it.
            found = [c for c in subjects if c.dep_ == "nsubj" or raised]
            found = [c for c in found if not any(_set_apart(f, c) for f in found)]
            # 'Israel, Syria hold talks': the parser hangs a headline's first name elsewhere
            found += [
                c
                for c in verb.children
                if c.dep_ in ("npadvmod", "dep", "nmod") and any(listed(c, f) for f in found)
            ]
            return found + _companions(verb, found)
        if verb.dep_ == "relcl":
            return (self._described(verb.head) if infinitive(verb) else None) or [verb.head]
        if verb.dep_ == "acl" and any(c.dep_ == "aux" for c in verb.children):
            described = self._described(verb.head)
            if described is not None:
                return described
            noun = verb.head
            forms = (noun.lemma_.lower(), noun.lower_)
            if (
                self.lexicon.matches("attempt_nouns", *forms)
                and noun.dep_ == "pobj"
                and noun.head.lower_ == "in"
                and noun.head.head.pos_ in ("VERB", "AUX")
            ):
                # 'shuttled between X and Y in an effort to mediate': the clause's subject tries
                return self.verb_subjects(noun.head.head)
            # "Abbas's appeal (to Hamas) to halt attacks": one asked does what a request asks,
            # never its author
            request = noun.pos_ == "NOUN" and self.lexicon.matches("request_nouns", *forms)
            # 'Iran denied any plan to attack Israel': the plan's owner ("Washington's decision
            # to ...", 'the U.S. decision to ...', 'the decision by Serbia to ...'), else who
            # denied it
            owners = (
                [c for c in verb.head.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                or [
                    c
                    for c in verb.head.children
                    if c.dep_ in ("amod", "compound") and c.i in self.spans and not turned(c)
                ]
                or prep_objects(verb.head, "by")
            )
            if (owners and not request) or verb.head.dep_ not in ("dobj", "nsubj", "pobj"):
                return owners
            # 'gave Iraq an ultimatum to leave Kuwait', 'issued an ultimatum to Serbia to ...',
            # "Abbas's call on Hamas to ...": the one it is given to is to act, not its giver
            giver = verb.head.head if verb.head.dep_ == "dobj" else None
            recipients = [p for t in (verb.head, giver) if t for p in prep_objects(t, "to")]
            recipients += [c for c in giver.children if c.dep_ == "dative"] if giver else []
            recipients += prep_objects(verb.head, "on") if request else []
            if recipients or owners or giver is None:
                return [r for r in recipients if r.pos_ != "ADP"]
            return self.verb_subjects(giver)  # 'rejected the ultimatum to leave Kuwait'
        if verb.dep_ == "xcomp" and verb.head.lemma_ in self.lexicon["object_control_verbs"]:
            # 'urged Russia to withdraw', 'asked France to send troops': the object does it (not
            # 'promised Egypt to send aid')
            controllers = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if controllers:
                return controllers
        if verb.dep_ in ("xcomp", "advcl") and (controllers := called_on(verb, self.lexicon)):
            return controllers  # 'called on Germany to send tanks': Germany is asked to
        if verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
            return self.verb_subjects(verb.head, raised=True)
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            return self.verb_subjects(verb.head)
        if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _OCCASIONS:
            return self.verb_subjects(verb.head.head)  # 'After rejecting the offer, Kuwait ...'
        if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i:
            # 'Rejecting the offer, Kuwait said ...', 'Israel bombed X, accusing Y of ...'
            return self.verb_subjects(verb.head)
        if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]  # 'India, accusing Pakistan of ..., called off the talks'
        if verb.dep_ == "advcl" and infinitive(verb):
            # 'became the first European country to recognize X': the parser hangs the
            # attribute's infinitive on its verb
            attribute = next((c for c in verb.head.children if c.dep_ == "attr"), None)
            return (self._described(attribute) or []) if attribute is not None else []
        return []

    def _described(self, noun: Token) -> list[Token] | None:
        """Who a noun an infinitive describes is said to be: 'Germany became the first power to
        recognize X', 'X, the only state to ...' (also over a partitive: 'one of the few ...')."""
        holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        if holder.dep_ == "attr" and holder.head.lemma_ in ("be", "become", "remain"):
            return self.verb_subjects(holder.head)
        if holder.dep_ == "appos":
            return [holder.head]
        return None

    def undergoer(self, noun: Token) -> Token | None:
        """The person whose possessive names who undergoes the act ("Haniyeh's killing",
        "Navalny's imprisonment": `undergone_nouns`), not its author; with an object after 'of'
        the possessor is the author ("Israel's killing of X"), and so of a plural ("Russia's
        killings", "Iran's arrests": many acts are the possessor's deeds)."""
        if noun.tag_ != "NN" or not self.lexicon.matches(
            "undergone_nouns", noun.lemma_.lower(), noun.lower_
        ):
            return None
        if prep_objects(noun, "of"):
            return None
        for child in noun.children:
            if child.dep_ == "poss":
                arg = self.agent(child)
                return child if arg is not None and arg.kind == "Person" else None
        return None

    def noun_agents(self, noun: Token, mutual: bool = False, clause: bool = True) -> list[Token]:
        """The agent of an event noun: "Iran's strike", 'strike by Iran', 'an Israeli strike',
        or (if `clause`) the subject of the light verb it is the object of ('Iran launched an
        attack'), or, for an encounter 'with' someone, of the clause it is the occasion of
        ('after talks with X, Putin said'; 'Iran vowed revenge after the strike' names no one)."""
        by = [
            c
            for c in noun.children
            if c.dep_ in ("prep", "agent")
            and c.lower_ == "by"
            # 'talks by telephone with X': a means, no agent
            and not any(p.lower_ in self.lexicon["remote_words"] for p in c.children)
        ]
        if by and not self._inner_event_before(noun, by[0]):
            # 'their detention by Israel': the possessor is who was detained
            return [c for c in by[0].children if c.dep_ == "pobj"]
        for child in noun.children:
            # a possessive pronoun only once kg_coref resolved it ('its demand that ...')
            if (
                child.dep_ == "poss"
                and (child.pos_ != "PRON" or _resolved(child))
                and child.ent_type_ not in ("DATE", "TIME")  # "Friday's attack" is no Friday's
                and child != self.undergoer(noun)
            ):
                return [child]
        departure = self.lexicon.matches("departure_nouns", noun.lemma_.lower(), noun.lower_)
        # ('the expulsion of X' is done to X: patient_nouns)
        own = departure and not self.lexicon.matches("patient_nouns", noun.lemma_.lower())
        leaving = [t for t in prep_objects(noun, "of") if self.parties(t)] if own else []
        if leaving:
            return leaving  # 'agreed to the withdrawal of UN forces from X': the UN leaves
        for child in noun.children:
            # 'an offer from Iran'; not 'the withdrawal of its troops from X', the place left
            if child.dep_ == "prep" and child.lower_ == "from" and not departure:
                return [c for c in child.children if c.dep_ == "pobj"]
        for thing in prep_objects(noun, "of"):
            # 'the seizure of the tanker by Iran': the parser hangs 'by' on the noun's object
            agents = prep_objects(thing, "by")
            if agents:
                return agents
        if self.lexicon.matches("traveller_nouns", noun.lemma_.lower(), noun.lower_):
            # 'the visit of the Chinese president to Russia': who travels
            travellers = prep_objects(noun, "of")
            if travellers:
                return travellers
        for child in noun.children:
            # an actor's name, not any entity: 'their first meeting' is not the ordinal's; not
            # the target of 'anti-American protests'
            if (
                child.dep_ in ("amod", "compound")
                and child.i in self.spans
                and not turned(child)
                and not self._forum(child, noun)
                and not self._venue(child, noun)
            ):
                return [child]
        for child in noun.children:
            # 'the U.S.-led invasion of Iraq', 'a Saudi-led offensive': who leads it does it
            if child.dep_ == "amod" and child.lemma_ in self.lexicon["leading_verbs"]:
                leaders = [c for c in compound_modifiers(child) if c.i in self.spans]
                if leaders:
                    return leaders
        if not clause:
            return []
        while noun.dep_ == "conj":  # 'launched artillery and rocket *fire* against X'
            noun = noun.head
        if self.lexicon.matches("agentive_nouns", noun.lemma_.lower(), noun.lower_):
            # 'Egypt, a mediator between X and Y', 'Norway is a broker between ...', 'Qatar acted
            # as a mediator between ...': who the noun names an agent is ('a threat to X' is not)
            if noun.dep_ == "appos":
                return [noun.head]
            if noun.dep_ == "attr":
                return self.verb_subjects(noun.head)
            if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB":
                return self.verb_subjects(noun.head.head)
        measure = self.measure_of(noun)
        if measure.dep_ == "dobj":
            noun = measure  # 'pledged $200 million in aid': the measure takes its place
        verb = noun.head
        if (
            noun.dep_ == "pobj"
            and verb.lower_ == "of"
            and (
                verb.head.lemma_ in self.lexicon["series_nouns"]
                or (
                    self.lexicon.matches("planned_words", verb.head.lemma_.lower())
                    and verb.head.pos_ == "NOUN"
                )
            )
        ):
            # 'held a new round of talks with X', "Iran's offer of aid to X"
            return self.noun_agents(verb.head, mutual)
        if noun.dep_ in ("dobj", "nsubjpass") and self._agent_verb(verb):
            # 'Iran opened an inquiry', 'an inquiry was opened by Iran'
            return self.verb_subjects(verb)
        if (
            noun.dep_ == "pobj"
            and verb.lower_ == "in"
            and verb.head.lemma_ in self.lexicon["engagement_verbs"]
        ):
            # 'X was engaged in fighting with Y', 'X remained locked in battles with Y'
            return self.verb_subjects(verb.head, raised=True)
        if (
            noun.dep_ == "pobj"
            and verb.lower_ == "with"
            and verb.head.lemma_ in self.lexicon["response_verbs"]
        ):
            return self.verb_subjects(verb.head)  # 'X responded with strikes on Y'
        if (
            noun.dep_ == "pobj"
            and verb.lower_ == "for"
            and verb.head.lemma_ in self.lexicon["responsibility_nouns"]
            and verb.head.dep_ == "dobj"
        ):
            # 'the Taliban claimed responsibility for the bombing of X' ('denied ...': negated)
            return self.verb_subjects(verb.head.head)
        if (
            (mutual or self.lexicon.matches("traveller_nouns", noun.lemma_.lower(), noun.lower_))
            and noun.dep_ == "pobj"
            and verb.lower_ in self.lexicon["occasion_preps"]
            and verb.head.pos_ in ("VERB", "AUX")
        ):
            # ('were killed in clashes with X': the passive's subject took part too; 'left for
            # Moscow for a visit to Russia', 'is on a visit to China': the subject travels)
            return self.verb_subjects(verb.head, raised=True)
        if (
            noun.dep_ == "pobj"
            and verb.dep_ == "prep"
            and verb.lower_ not in self.lexicon["manner_preps"]
            and verb.head.lemma_ in self.lexicon["participation_verbs"]
        ):
            # 'Qatar was (not) invited to the talks', 'X invited Qatar to the talks'; not 'in',
            # the manner of a clause ('boycotted the courts in protest against X', below)
            invited = verb.head
            return [
                c for c in invited.children if c.dep_ in ("nsubjpass", "dobj")
            ] or self.verb_subjects(invited)
        if noun.dep_ == "pobj" and (
            (verb.lower_ in self.lexicon["object_preps"] and self._agent_verb(verb.head))
            or (
                verb.lower_ in self.lexicon["plan_preps"]
                and self.lexicon.matches("planned_words", verb.head.lemma_)
                # 'vowed retaliation for the killing of X': with an object, 'for' is the reason
                and not any(c.dep_ == "dobj" for c in verb.head.children)
            )
        ):
            # 'agreed to a deal with X', 'decided on talks with X', 'prepared for an offensive'
            return self.verb_subjects(verb.head)
        if (
            noun.dep_ == "pobj"
            and verb.lower_ in self.lexicon["manner_preps"]
            and not any(c.dep_ in ("det", "poss") for c in noun.children)
        ):
            # 'went on strike in protest against X': a bare noun after 'in' is the clause's act,
            # also where the parser hangs it on the verb's object ('boycotted the summit in ...')
            # or on the noun of its adjunct ('rallied outside the embassy in support of X'; not
            # an encounter's: 'troops in the town in talks with X'), unless that noun is an act
            # the phrase describes ('arrested students at a protest in support of X', 'banned
            # protests in solidarity with X')
            # ('were killed in clashes with X': the passive's subject took part too)
            clause = verb.head
            if clause.pos_ == "NOUN" and self.lexicon.matches(
                "proposal_nouns", clause.lemma_.lower(), clause.lower_
            ):
                return []  # a proposal noun, not the verb 'blockaded roads in protest against X'
            if clause.dep_ == "pobj" and clause.head.head.pos_ == "VERB" and not mutual:
                clause = clause.head
            clause = clause.head if clause.dep_ in ("dobj", "prep") else clause
            return self.verb_subjects(clause, raised=True) if clause.pos_ in ("VERB", "AUX") else []
        if (
            noun.dep_ == "pobj"
            and verb.lower_ in self.lexicon["role_preps"]
            and self.lexicon.matches("role_nouns", noun.lemma_.lower(), noun.lower_)
            and verb.head.pos_ == "VERB"
            and verb.head.lemma_ not in self.lexicon["describing_verbs"]
        ):
            # 'struck Hezbollah as a warning to Iran': what the act serves as is its subject's
            return self.verb_subjects(verb.head)
        return []

    def _forum(self, compound: Token, noun: Token) -> bool:
        """'Qatar signed an LNG deal with Germany', 'China filed a WTO complaint against X': a
        name compounded to a light verb's event noun whose subject is an actor is its kind (no
        actor the gazetteer knows) or, for a complaint or case (`forum_nouns`), where it is made;
        the verb's subject is the agent."""
        verb = noun.head
        if compound.dep_ != "compound" or noun.dep_ != "dobj" or not self._agent_verb(verb):
            return False
        if not any(self.parties(s) for s in self.verb_subjects(verb)):
            return False
        arg = self.agent(compound)
        unknown = arg is not None and arg.key not in self.gazetteer.entries
        forum = self.lexicon.matches("forum_nouns", noun.lemma_.lower(), noun.lower_)
        return unknown or forum

    def _venue(self, compound: Token, noun: Token) -> bool:
        """'the Lusaka peace protocol', 'the Oslo accords': a city compounded to a treaty or plan
        (`document_nouns`) is where it was made, not its author."""
        return (
            compound.dep_ in ("compound", "amod")
            and self.spans[compound.i].label_ == "Place"
            and self.lexicon.matches("document_nouns", noun.lemma_.lower(), noun.lower_)
        )

    def _agent_verb(self, verb: Token) -> bool:
        """A verb whose subject does the event noun it takes; a particle verb only with its
        particle ('called off the attack', not 'called the attack a crime')."""
        particle = self.lexicon.particles.get(verb.lemma_)
        return verb.lemma_ in self.agent_verbs and (
            particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)
        )

    def owner(
        self, token: Token, preps: tuple[str, ...] = ("of",), kinds: tuple[str, ...] = ACTOR_KINDS
    ) -> Arg | None:
        """'positions of Hezbollah', 'bases of the Iranian army': the actor after 'of' (or after
        'by'/'from' for a proposal: 'calls by Iran', also on a participle describing it: 'the
        plan put forward by Iran', 'a rally staged by Hamas')."""
        described = [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        for prep in (*token.children, *(c for verb in described for c in verb.children)):
            if prep.dep_ in ("prep", "agent") and prep.lower_ in preps:
                for pobj in prep.children:
                    arg = self.resolve(pobj) if pobj.dep_ == "pobj" else None
                    if arg is not None and arg.is_actor and arg.kind in kinds:
                        return arg
        return None

    def leader(self, token: Token) -> Arg | None:
        """'the Saudi-led coalition', 'forces led by Russia': a body acts for whoever leads it
        (whom it is loyal to `resolve` reads first)."""
        for child in token.children:
            if child.dep_ in ("amod", "acl") and child.lemma_ in self.lexicon["leading_verbs"]:
                for by in self.verb_subjects(child) + compound_modifiers(child):
                    arg = self.agent(by)
                    if arg is not None and arg.is_actor:
                        return arg
        return None

    def _loyal(self, token: Token) -> Arg | None:
        """'militants loyal to Hamas', 'Libyan forces loyal to Haftar': whom a body is loyal to
        (which outranks the state an adjective names)."""
        for child in token.children:
            if child.dep_ == "amod" and child.lemma_ in self.lexicon["allegiance_words"]:
                loyal = self.owner(child, ("to",))
                if loyal is not None:
                    return loyal
        return None

    def delegations(self, token: Token, told: bool = True) -> list[tuple[Arg, Arg]]:
        """(delegation, sender) for each sender: 'a Russian defense delegation in Tehran' (sender,
        kind words and place make its key); 'Iranian and Saudi delegations' are two. If `told`,
        'the delegation' alone is the one named before it."""
        senders = self.modifier_actors(token) or self._sent_from(token)
        if not senders:
            return self._told_delegation(token) if told else []
        kinds = [
            c.lower_
            for c in token.children
            if c.dep_ in ("compound", "amod") and c.i not in self.spans and c.is_alpha
        ]
        place = self.delegation_place(token)
        start = min([token.i, *(c.i for c in token.lefts)])
        found = []
        for sender in senders:
            parts = [sender.key, *kinds, "delegation"] + ([place.key] if place else [])
            name = self.gazetteer.demonym_of(sender.key) or sender.label
            label = " ".join([name, *kinds, "delegation"]) + (f" in {place.label}" if place else "")
            delegation = Arg(slugify(" ".join(parts)), label, "Delegation", start, token.i + 1)
            found.append((delegation, sender))
        return found

    def _told_delegation(self, token: Token) -> list[tuple[Arg, Arg]]:
        """'A Chinese delegation arrived in Tehran. *The delegation* met X': 'the delegation' alone
        is the one delegation the document has named before it (none if it named two, or one
        of no sender: 'Egypt sent a delegation' may be the one meant)."""
        children = list(token.children)
        if len(children) != 1 or children[0].lower_ != "the" or token.tag_ != "NN":
            return []
        earlier = [
            self.delegations(word)
            for word in self.doc[: token.i]
            if word.tag_ == "NN"
            and self.lexicon.matches("delegation_nouns", word.lemma_.lower(), word.lower_)
        ]
        told = {
            delegation.key: (delegation, sender)
            for found in earlier
            for delegation, sender in found
        }
        if len(told) != 1 or not all(earlier):
            return []
        delegation, sender = next(iter(told.values()))
        return [(replace(delegation, start=token.i, end=token.i + 1), sender)]

    def delegation(self, token: Token) -> Arg | None:
        found = self.delegations(token)
        return found[0][0] if found else None

    def compound(self, token: Token) -> list[Arg]:
        """The actors a compound mention stands for ('Hungarian and Romanian officials',
        'Iranian and Saudi delegations'); empty for any other."""
        if token.i in self.members:
            return self.members[token.i]
        if self.lexicon.matches("delegation_nouns", token.lemma_.lower(), token.lower_):
            found = [delegation for delegation, _ in self.delegations(token)]
            return found if len(found) > 1 else []
        return []

    def _sent_from(self, token: Token) -> list[Arg]:
        """'a delegation from Iran', 'a delegation of Sinn Fein': who sent it."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for pobj in child.children:
                    arg = self.agent(pobj) if pobj.dep_ == "pobj" else None
                    if arg is not None and arg.is_actor:
                        return [arg]
        return []

    def delegation_place(self, token: Token) -> Arg | None:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "at"):
                for pobj in child.children:
                    arg = self.mention(pobj) if pobj.dep_ == "pobj" else None
                    if arg is not None and arg.kind in ("Place", "State"):
                        return arg
        return None
