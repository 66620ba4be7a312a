"""Metonymy by sector: 'Israeli officials', 'Russian diplomats', 'US forces', 'the Pentagon' act for
their state (or group), and the text says which part of it acted.

`SectorResolver` (the `kg_sectors` component, after `kg_actors`) adds a span for each sector noun
with a known owner to `doc.spans["kg_actors"]` (label = the owner's kind, id = its key), so the
relation finder reads it as the owner, and records the sector in `doc.spans["kg_sectors"]`
(label = sector code, id = owner key); metonyms already in `kg_actors` get only the sector span.
A sector noun of several owners ('Hungarian and Romanian officials') also gets one span per owner
in `doc.spans["kg_pairs"]`: it stands for each of them.
'Saudi-led coalition' and 'Vietnamese-led forces' belong to the leader. People of a state acting
apart from it ('Sudanese rebels', 'rebels in Sudan', `group_nouns`) are a group of their own,
named by the state's demonym and the noun (key 'sudanese-rebel'), never the state; a people no
state names ('Kurdish guerrillas', 'Kurdish villagers') by its own name; a people placed in
another state ('Bosnian Serbs', 'Iraqi Kurds', 'Kurds in Syria') is a group too, and so is an
unnamed body of a people ('Palestinian armed groups'). Armed group nouns are also sector nouns:
'Hezbollah fighters' act for Hezbollah.
Word -> sector tables are data: `sector_nouns`, `sector_modifiers`, `sector_metonyms` in
`ontology/lexicon/context.json`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..model import COLLECTIVE_KINDS
from ..resolve import Gazetteer, GazetteerEntry
from ..vocab import slugify
from .actors import PAIR_KEY, SPAN_KEY, is_stance, stance_prefix
from .arguments import Arg, Arguments, is_former, turned
from .tokens import TokenTable, token_table

__all__ = ["SECTOR_KEY", "SectorResolver"]

SECTOR_KEY = "kg_sectors"
# A sector noun used as a modifier ('army chief', 'military planning') names no actor.
_ATTRIBUTE_DEPS = ("compound", "amod", "nmod")
_MODIFIER_DEPS = (*_ATTRIBUTE_DEPS, "poss")
# How a group noun's people are named: 'Sudanese rebels', 'Ivory Coast rebels', 'Tamil rebels'.
_PEOPLE_DEPS = ("amod", "compound", "nmod")
# Tags of a plural people's name ('Serbs'; the model tags some, 'Bangladeshis', as singular).
_PLURAL_TAGS = ("NNPS", "NNS", "NNP")
# Entity labels of a people no state names ('Kurdish'; the small model reads 'Tamil' as a person).
_PEOPLE_LABELS = ("NORP", "PERSON")


def _own_name(head: Token, modifier: Token) -> Span | None:
    """The name a group noun after a people's name is part of: capitalised words between them
    ('the Pakistan *Peoples* Party', 'the Pakistan Tehreek-e-Insaf party') or after it ('the
    Bangladesh Nationalist *Party*'), the noun too if it is capitalised; None for
    'Bangladeshi opposition parties', nor for another people between them ('the Iraqi
    *Kurdish* party')."""
    doc = head.doc
    last = head
    while last.dep_ == "compound" and last.head.i == last.i + 1 and last.head.is_title:
        last = last.head  # 'Nationalist Party'
    words = [t for t in doc[modifier.i + 1 : head.i] if t.is_alpha and not _in_hyphenated(t)]
    if not (words or last != head) or not all(
        (t.is_title or t.is_upper) and not (t.ent_type_ == "NORP" and t.ent_iob_ == "B")
        for t in words
    ):
        return None
    first = modifier.left_edge  # 'the *South* African Communist Party'
    if not all(t.is_title for t in doc[first.i : modifier.i]):
        first = modifier
    return doc[first.i : last.i + 1 if last.is_title else last.i]


def _in_hyphenated(token: Token) -> bool:
    """A word inside a hyphenated name ('Tehreek-*e*-Insaf')."""
    doc = token.doc
    return (
        0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "-" and doc[token.i + 1].text == "-"
    )


def _sector_word_forms(token: Token) -> list[str]:
    """'officials' -> official, officials; 'security services', 'the high commission' -> also
    the two-word name."""
    forms = [token.lemma_.lower(), token.lower_]
    # the compound child just before it, found without walking every child: this runs per token
    before = token.doc[token.i - 1] if token.i else token
    compounds = (
        [before]
        if before.dep_ in ("compound", "amod") and before.head.i == token.i != before.i
        else []
    )
    return [f"{c.lower_} {form}" for c in compounds for form in forms] + forms


def _absorbed(span: Span, group: Span, gazetteer: Gazetteer) -> bool:
    """An unknown name inside a group's name ('Tamil' of 'Tamil rebels') is part of it."""
    inside = group.start <= span.start and span.end <= group.end
    return inside and span.id_ not in gazetteer.entries


def _led_by(token: Token, arguments: Arguments) -> Arg | None:
    """'Saudi-led coalition', 'Vietnamese-led forces', 'the U.S.-led coalition' (one token when
    the name ends in a full stop): the leader owns the sector."""
    for child in token.children:
        if child.dep_ == "amod" and child.lower_ == "led":
            owner = arguments.modifier_actor(
                child, COLLECTIVE_KINDS, ("npadvmod", "compound", "amod")
            )
            if owner is not None:
                return owner
        elif child.dep_ == "amod" and child.lower_.endswith(".-led"):
            entry = arguments.gazetteer.lookup(child.text[: -len("-led")])
            if entry is not None and entry.kind in COLLECTIVE_KINDS:
                return Arg(entry.key, entry.label, entry.kind, child.i, child.i + 1)
    return None


def _government_men(token: Token) -> bool:
    """'government troops', 'Government forces': men the word 'government' alone says are the
    state's (not 'anti-government' or 'pro-government forces')."""
    return any(
        c.lower_ == "government" and c.dep_ in _ATTRIBUTE_DEPS and not turned(c, ("anti", "pro"))
        for c in token.children
    )


def _unowned(token: Token, organs: frozenset[str]) -> bool:
    """'the government', 'police', 'the interim authorities', 'government troops': a definite or
    bare noun of `organs`, or men of the government, that no possessor, compound or 'of' names
    the owner of ('the military government of President Avril' is his)."""
    children = list(token.children)
    if _government_men(token):
        return not any(c.dep_ == "poss" or c.ent_type_ for c in children)
    if token.lower_ not in organs:
        return False
    if any(
        c.dep_ in ("poss", "compound", "nmod")
        or c.lower_ in ("a", "an")
        or (c.dep_ == "prep" and c.lower_ == "of")
        for c in children
    ):
        return False
    return (
        token.tag_ == "NNS"
        or token.lower_ == "police"
        or any(c.dep_ == "det" and c.lower_ == "the" for c in children)
    )


def _sent_from(token: Token, arguments: Arguments) -> list[Arg]:
    """'envoys from Sudan and Chad', 'troops from Chad': the actors after 'from'."""
    found = {}
    for pobj in (
        p for c in token.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
    ):
        for word in (pobj, *pobj.conjuncts) if pobj.dep_ == "pobj" else ():
            arg = arguments.agent(word)
            if arg is not None and arg.kind in COLLECTIVE_KINDS:
                found.setdefault(arg.key, arg)
    return list(found.values())


def _within(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def _stand_for(
    token: Token,
    sector: str,
    owners: list[Arg],
    actors: list[Span],
    sectors: list[Span],
    members: list[Span],
) -> None:
    """The noun stands for its first owner, in `sector` of each ('Hungarian and Romanian
    officials' are both states' officials, one pair member each)."""
    doc, first = token.doc, owners[0]
    actors.append(Span(doc, token.i, token.i + 1, label=first.kind, span_id=first.key))
    actors[-1].kb_id_ = first.key
    for owner in owners:
        sectors.append(Span(doc, token.i, token.i + 1, label=sector, span_id=owner.key))
    if len(owners) > 1:
        members += [Span(doc, token.i, token.i + 1, o.kind, span_id=o.key) for o in owners]


class SectorResolver:
    """Sector nouns with an actor modifier stand for that actor; the sector is recorded."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # the words a sector noun (`_sector_noun`) or a group noun (`_group`) can end in
        self.nouns = (
            lexicon.heads("sector_nouns") | lexicon["group_nouns"] | lexicon["organization_heads"]
        )

    def _may_name(self, table: TokenTable, i: int) -> bool:
        """Whether token i can be a sector or group noun: a word of their lists, a form with a
        space (which goes on to the look-up) or a plural (a people, 'Serbs'); the rest are
        skipped without building their Token."""
        lemma, form = table.forms(i)
        return (
            lemma in self.nouns
            or form in self.nouns
            or " " in lemma + form
            or table.tag[i] in _PLURAL_TAGS
        )

    def __call__(self, doc: Doc) -> Doc:
        arguments = Arguments(doc, self.gazetteer, self.lexicon)
        table = token_table(doc)
        sectors = []
        for span in doc.spans.get(SPAN_KEY, []):
            sector = self.lexicon.lookup("sector_metonyms", span.text)
            if sector is not None:
                sectors.append(Span(doc, span.start, span.end, label=sector, span_id=span.id_))
        actors = list(doc.spans.get(SPAN_KEY, []))
        members = list(doc.spans.get(PAIR_KEY, []))
        unowned: list[tuple[Token, str]] = []  # 'the government', 'police': no owner named
        for i in range(len(doc)):
            if i in arguments.spans or not self._may_name(table, i):
                continue
            token = doc[i]
            sector = self._sector_noun(token)
            group = self._group(token, arguments, sector)
            if group is not None:
                # 'Tamil' of 'Tamil rebels' names the group's people, not an actor of its own
                actors = [a for a in actors if not _absorbed(a, group, self.gazetteer)]
                actors.append(group)
                for i in range(group.start, group.end):
                    arguments.spans[i] = group
                continue
            people = self._people_state(token)
            if people is not None:  # 'Ethnic Hungarians rallied', the model reading no entity
                actors.append(Span(doc, i, i + 1, label=people.kind, span_id=people.key))
                actors[-1].kb_id_ = people.key
                continue
            if self._people_alone(token):  # 'Tamils demonstrated', the model reading no entity
                actors.append(Span(doc, i, i + 1, label="Group", span_id=slugify(token.text)))
                actors[-1].kb_id_ = actors[-1].id_
                continue
            if token.dep_ in _ATTRIBUTE_DEPS or sector is None or is_former(token, self.lexicon):
                continue  # "the government's" names one; 'the former Rwandan army' none today
            # 'Nigerian-led ECOMOG peacekeepers' are ECOMOG's, which Nigeria leads
            named = arguments.modifier_actor(token, ("Organization", "Group"), ("compound",))
            led = None if named is not None else _led_by(token, arguments)
            # an armed group's name the gazetteer does not know owns its men ('FARC rebels')
            forms = (token.lemma_.lower(), token.lower_)
            armed = self.lexicon.matches("group_nouns", *forms)
            owners = [
                o
                for o in ([led] if led else self._owners(token, arguments))
                if o.key in self.gazetteer.entries or (armed and o.kind != "State")
            ]
            sector = self._refined(token) or sector
            if not owners and (
                sector in self.lexicon["domestic_sectors"]
                or _government_men(token)
                or token.lower_ in self.lexicon["state_organ_nouns"]  # 'the junta'
            ):
                # 'police in Kenya', 'security forces in Guinea': organs of the state they are in
                owners = [a for a in [self._state_after(token, arguments, cities=True)] if a]
                if not owners and _unowned(token, self.lexicon["state_organ_nouns"]):
                    unowned.append((token, sector))
            elif (
                not owners
                and self.lexicon.matches("resident_nouns", *forms)
                # 'foreign aid workers in Afghanistan' are no Afghans
                and not any(
                    t.lower_ in self.lexicon["alien_modifiers"]
                    for t in token.doc[token.left_edge.i : token.i]
                )
            ):
                # 'villagers in Nepal', 'residents of Kenya', 'villagers near Algiers': people of
                # the state they live in ('killed 30 people in Gaza': the parser hangs the place
                # on the verb)
                place = self._state_after(token, arguments, ("in", "of", "near"), cities=True)
                if place is None and token.dep_ in ("dobj", "nsubj"):
                    # a subject's also on the verb's object: 'villagers blocked a highway in Mexico'
                    objects = [c for c in token.head.children if c.dep_ == "dobj"]
                    holders = [token.head, *(objects if token.dep_ == "nsubj" else [])]
                    places = (
                        self._state_after(h, arguments, ("in", "near"), cities=True)
                        for h in holders
                    )
                    place = next((p for p in places if p is not None), None)
                owners = [place] if place is not None else []
            if owners:
                _stand_for(token, sector, owners, actors, sectors, members)
        for token, sector in unowned:
            # 'Kenyan teachers protested against the government': the one state of its sentence,
            # else of the sentence before ('Israel struck Gaza. The government said ...'); a
            # capital is its state's ('Police arrested 20 MDC members in Harare')
            sentence = token.sent
            around = [sentence] + ([doc[sentence.start - 1].sent] if sentence.start > 0 else [])
            for within in around:
                states = {
                    arg.key: arg
                    for arg in map(self._span_state, actors)
                    if arg is not None and self._organ_state(doc[arg.start : arg.end], within)
                }
                if states:
                    break
            if len(states) == 1:
                _stand_for(token, sector, list(states.values()), actors, sectors, members)
        doc.spans[SPAN_KEY] = actors
        doc.spans[SECTOR_KEY] = sectors
        doc.spans[PAIR_KEY] = members
        return doc

    def _span_state(self, actor: Span) -> Arg | None:
        """The state an actor span names: a state, or the state of a capital that is where
        something happens ('in Harare'; 'ties to Beijing' is no place)."""
        if actor.label_ == "State":
            return Arg(actor.id_, actor.text, actor.label_, actor.start, actor.end)
        scene = actor.label_ == "Place" and actor.root.head.lower_ == "in"
        entry = self.gazetteer.entries.get(actor.kb_id_) if scene else None
        if entry is None or entry.kind != "State":
            return None
        return Arg(entry.key, entry.label, entry.kind, actor.start, actor.end)

    def _organ_state(self, state: Span, within: Span) -> bool:
        """Whether a state the sentence names may own its unnamed organs ('the police'): not a
        stance ('pro-Palestinian demonstrators'), the owner of an embassy ('outside the Israeli
        embassy in London': the London police are not Israel's), nor the agent a hyphenated
        participle names ('a *China*-brokered deal': the junta handed a town is not China's)."""
        word = state.doc[state.start]
        embassy = word.dep_ in ("amod", "compound") and self.lexicon.matches(
            "diplomatic_assets", word.head.lemma_.lower(), word.head.lower_
        )
        doc = state.doc
        hyphenated = (
            state.end + 1 < len(doc)
            and doc[state.end].text == "-"
            and doc[state.end + 1].tag_ == "VBN"
        )
        return (
            _within(state, within)
            and not embassy
            and not hyphenated
            and stance_prefix(word, self.lexicon) is None
        )

    def _sector_noun(self, token: Token) -> str | None:
        """The sector a word names ('officials', 'security services'), read once per token: most
        words end no entry of `sector_nouns`, and those skip building the look-up's forms."""
        heads = self.lexicon.heads("sector_nouns")
        lemma, form = token.lemma_.lower(), token.lower_
        if lemma not in heads and form not in heads and " " not in lemma + form:
            return None  # (a form with a space goes on to the look-up)
        return self.lexicon.lookup("sector_nouns", *_sector_word_forms(token))

    def _group(self, token: Token, arguments: Arguments, sector: str | None) -> Span | None:
        """'Sudanese rebels', 'Ivory Coast rebels', 'rebels in the Ivory Coast', 'Afghan guerrilla
        (camps)': people of a state acting apart from it are a group of their own, named by the
        state's demonym and the noun; 'Kurdish guerrillas', 'Tamil separatists': people no state
        names are a group named by the people and the noun. `sector` is the token's own
        (`_sector_noun`)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None  # 'stopped funding the project in China' names no fund
        forms = (token.lemma_.lower(), token.lower_)
        # a people living in another state is a group too ('Bosnian Serbs', 'Iraqi Kurds'), and
        # so is an unnamed body of a people ('an Israeli peace movement', 'Palestinian armed
        # groups'), but not a state's own organ ('the Israeli army': a sector noun)
        body = (
            sector is None
            and self.lexicon.matches("organization_heads", *forms)
            # 'the Israeli trade office' is the state's asset, no body of Israelis
            and not self.lexicon.matches("asset_nouns", *forms)
            # 'the Hamas movement', 'the Karen rebel group' are the group named; 'Iraqi troop
            # movements' are no body of Iraqis
            and not any(
                (c.i in arguments.spans and arguments.spans[c.i].label_ != "State")
                or (c.dep_ == "compound" and self._sector_noun(c) is not None)
                for c in token.children
            )
        )
        group = self.lexicon.matches("group_nouns", *forms) or self._people_noun(token) or body
        # armed men or civilians of a people no state names are a group too ('Moslem forces',
        # 'Tamil refugees')
        armed = sector in self.lexicon["people_sectors"]
        if token.dep_ == "amod" or not (group or armed):
            return None
        # 'Kampuchean guerrilla camps': the adjective may modify the noun the group noun modifies
        around = (
            token.children if token.dep_ != "compound" else [*token.children, *token.head.children]
        )
        modifiers = [c for c in around if c.dep_ in _PEOPLE_DEPS and c.i < token.i]
        for modifier in modifiers:
            person = arguments.agent(modifier) if group and modifier.dep_ == "compound" else None
            if person is not None and person.kind == "Person":
                # 'Gbagbo loyalists', 'Trump supporters': a group of their own, not the person
                start = modifier.left_edge.i
                name = token.doc[start : modifier.i + 1].text
                return self._group_span(token, start, token.i + 1, name)
            name = self._people(modifier, arguments, states=group)
            if name is not None:
                prefix = stance_prefix(modifier, self.lexicon)  # 'pro-Russian separatists'
                start = modifier.left_edge.i if prefix is None else prefix.i
                own = _own_name(token, modifier) if group else None
                if own is not None:
                    # 'the Pakistan Peoples Party', 'the Iraqi Communist Party': a party of its
                    # own name, not every Pakistani or Iraqi party in one
                    # ('Tamil Tiger rebels' are the Tamil Tigers, if the gazetteer knows them)
                    known = self.gazetteer.lookup(own.text) or self.gazetteer.lookup(f"{own.text}s")
                    label = known.kind if known else "Group"
                    span = Span(token.doc, start, max(own.end, token.i + 1), label=label)
                    span.id_ = span.kb_id_ = known.key if known else slugify(own.text)
                    return span
                return self._group_span(token, start, token.i + 1, name)
        if any(
            (arg := arguments.agent(m)) is not None and arg.kind in ("Group", "Organization")
            for m in modifiers
        ):
            return None  # 'Hamas militants in Gaza' are Hamas's, no group named by the place
        # 'rebels of southern Sudan' too ('supporters of Sudan' are not Sudanese, 'the movement
        # of Palestinians' is no body)
        members = self.lexicon.matches("group_nouns", *forms)
        of = members and not self.lexicon.matches("follower_nouns", *forms)
        preps = ("in", "from", "of") if of else ("in", "from")
        place = self._state_after(token, arguments, preps) if group else None
        if place is None and members:
            # 'rebels in Darfur', 'protesters in Paris': named by the region or city they are in
            # (men in a city may be foreigners: not the state's)
            place = self._state_after(token, arguments, kinds=("Place",))
        if place is not None:  # 'rebels in the Ivory Coast'
            name = self.gazetteer.demonym_of(place.key) or place.label
            return self._group_span(token, token.i, place.end, name)
        return None

    def _people(self, modifier: Token, arguments: Arguments, states: bool = True) -> str | None:
        """The people a modifier names: a state's demonym ('Sudanese', 'Ivory Coast' ->
        Ivorian; not if `states` is false: 'Sudanese forces' are the state's), else an ethnic
        or religious name the gazetteer does not know as an actor ('Kurdish', 'Tamil'); a stance
        ('pro-Russian separatists', 'anti-Israel protesters') names them, never the state's."""
        prefix = stance_prefix(modifier, self.lexicon)
        if prefix is not None:
            return modifier.doc[prefix.i : modifier.i + 1].text
        arg = arguments.agent(modifier)
        if arg is not None and arg.kind == "State":
            return (self.gazetteer.demonym_of(arg.key) or arg.label) if states else None
        if arg is not None and arg.key in self.gazetteer.entries:
            return None
        if self._people_name(modifier):
            return modifier.text  # 'Tamil rebels', whatever entity the model reads it as, if any
        ent = next((e for e in modifier.doc.ents if e.start <= modifier.i < e.end), None)
        if ent is None or ent.label_ not in _PEOPLE_LABELS or not ent.text[:1].isupper():
            return None
        if is_stance(ent, self.lexicon):
            return None  # the model's 'Pro-' of 'Pro-Russian'
        return ent.text

    def _people_name(self, token: Token) -> bool:
        """A capitalised name of a people no state names (`people_names`: 'Tamils', 'Hutu')."""
        return token.text[:1].isupper() and self.lexicon.matches("people_names", token.lower_)

    def _people_alone(self, token: Token) -> bool:
        """'Tamils', 'Kurds' named alone, plural, as no modifier: a group of their own (the
        parser may tag the plural a singular name: 'killed hundreds of Tutsis')."""
        return (
            token.dep_ not in _MODIFIER_DEPS
            and (
                token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NNP" and token.text.endswith("s"))
            )
            and self._people_name(token)
        )

    def _people_noun(self, token: Token) -> bool:
        """'Serbs', 'Kurds': a capitalised plural naming a people (a state's demonym or a
        nationality the model knows), which a modifier can place in another state."""
        return (
            token.tag_ in _PLURAL_TAGS
            and token.text[:1].isupper()
            and token.text.endswith("s")
            and (
                self.gazetteer.demonym_state(token.text) is not None
                or token.ent_type_ == "NORP"
                or self._people_name(token)
            )
        )

    def _owners(self, token: Token, arguments: Arguments) -> list[Arg]:
        """The actors the noun's modifiers name, or those of a compound before it ('Egyptian
        riot police', the parser hanging 'Egyptian' on 'riot'), or, for a subject, those it comes
        from ('envoys from Sudan and Chad met'; 'evacuated its troops from X' is the place left)."""
        return (
            arguments.modifier_actors(token, COLLECTIVE_KINDS)
            or [
                owner
                for child in token.children
                if child.dep_ == "compound" and child.i < token.i
                for owner in arguments.modifier_actors(
                    child, COLLECTIVE_KINDS, ("amod", "compound")
                )
            ]
            or (_sent_from(token, arguments) if token.dep_ in ("nsubj", "nsubjpass") else [])
        )

    def _people_state(self, token: Token) -> GazetteerEntry | None:
        """The state of a people named alone ('Hungarians', 'Iraqis'), not a modifier."""
        if token.dep_ in _MODIFIER_DEPS or not self._people_noun(token):
            return None
        return self.gazetteer.demonym_state(token.text)

    def _state_after(
        self,
        token: Token,
        arguments: Arguments,
        preps: tuple[str, ...] = ("in", "from"),
        cities: bool = False,
        kinds: tuple[str, ...] = ("State",),
    ) -> Arg | None:
        """The state after one of `preps` ('rebels in the Ivory Coast'); with `cities`, also the
        state of a city there ('police in Kharkiv'; 'protesters in Paris' may be foreigners);
        an actor of another of `kinds` instead ('rebels in Darfur': a Place)."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    arg = arguments.mention(pobj)
                    if cities and (arg is None or arg.kind == "Place"):
                        # a capital is its state; another city is in the state of its row
                        agent = arguments.agent(pobj)
                        city = agent is None or agent.kind == "Place"
                        arg = arguments.place_state(pobj) if city else agent
                    if arg is not None and arg.kind in kinds and arg.end == pobj.i + 1:
                        return arg
        return None

    def _group_span(self, token: Token, start: int, end: int, name: str) -> Span:
        """The group's span, keyed by its people and the singular noun ('ivorian-rebel')."""
        noun = token.lemma_.lower()  # a capitalised 'Rebels' keeps its plural as lemma
        if noun.endswith("s") and (
            self.lexicon.matches("group_nouns", noun[:-1]) or self._people_noun(token)
        ):
            noun = noun[:-1]
        span = Span(token.doc, start, end, label="Group")
        span.id_ = span.kb_id_ = slugify(f"{name} {noun}")
        return span

    def _refined(self, token: Token) -> str | None:
        """'Israeli military officials' are military, 'Russian foreign ministry' diplomatic."""
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                sector = self.lexicon.lookup("sector_modifiers", child.lower_)
                if sector is not None:
                    return sector
        return None
