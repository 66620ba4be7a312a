"""Roles and delegations: 'senior Hamas leader Ismail Haniyeh', 'President Biden', 'Israeli army
chief, Herzi Halevi', 'head of US Central Command, General Michael Kurilla', 'a Russian defense
delegation in Tehran'. Former roles ('ex-Defense Minister') are kept marked `former`: evidence of
the role, never a current fact.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..lexicon import ROLE_TITLES, Lexicon, RoleTitle
from ..vocab import slugify
from .arguments import Arg, Arguments, RelationMatch, is_former, prep_objects
from .context import Context, read_context
from .tokens import token_table

__all__ = ["delegation_leaders", "find_roles", "may_be_title", "titled_role"]

_ROLE_CONFIDENCE = 0.85
_GAZETTEER_TITLE_CONFIDENCE = 0.75


def _title_tokens(noun: Token, skip: set[int]) -> list[Token]:
    """The role noun and the compound words before it ('Prime Minister', 'army chief')."""
    words = [noun]
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i and child.i not in skip:
            words.extend(_title_tokens(child, skip))
    return sorted(words, key=lambda t: t.i)


def may_be_title(noun: Token, lexicon: Lexicon) -> bool:
    """Whether a role title can end in the noun, as `_role` reads it (hyphens as spaces): a test
    that costs no tree walk, made first on every noun."""
    heads = lexicon.heads(ROLE_TITLES)
    text = noun.lower_
    return text.rsplit(" ", 1)[-1] in heads or text.replace("-", " ").rsplit(" ", 1)[-1] in heads


def _role(noun: Token, lexicon: Lexicon, skip: set[int]) -> tuple[RoleTitle, str] | None:
    """The longest known title ending in the noun; an adjective counts only as part of one
    ('prime minister', which spaCy may parse as amod + noun). A deputy's title ('Deputy Prime
    Minister', 'Vice President') is a membership, not the leadership."""
    words = _title_tokens(noun, skip)
    before = noun.doc[words[0].i - 1] if words[0].i > 0 else None
    found = _known_role(noun, words, before, lexicon, skip)
    if found is None:
        return None
    role, title = found
    deputy = [w for w in (before, *words) if w is not None and w.lower_ in lexicon["deputy_words"]]
    if deputy and role.relation == "leaderOf":
        return replace(role, relation="memberOf", head_of_state=False), f"{deputy[0].text} {title}"
    staff = [o for o in prep_objects(noun, "of") if o.lemma_ in lexicon["staff_nouns"]]
    if staff and role.relation == "leaderOf":
        # 'chief of (general) staff' heads a staff of what the title is in: a member of it
        return replace(role, relation="memberOf"), f"{title} of {staff[0].text}"
    return role, title


def _branch(noun: Token, lexicon: Lexicon, skip: set[int]) -> bool:
    """A leading title of one branch: a sector word on it ('military intelligence chief',
    "Hamas's military chief") or its own sector ('a Hamas commander'): it heads that branch,
    not all of what the title is in (a government head is no branch)."""
    words = [*_title_tokens(noun, skip)[:-1], *(c for c in noun.children if c.dep_ == "amod")]
    sectors = [lexicon.lookup("sector_modifiers", w.lower_) for w in words]
    sectors.append(lexicon.lookup("title_sectors", noun.lower_))
    return any(sector not in (None, "government") for sector in sectors)


def _known_role(
    noun: Token, words: list[Token], before: Token | None, lexicon: Lexicon, skip: set[int]
) -> tuple[RoleTitle, str] | None:
    """The title `words` (the noun and its compounds) end in, with the word `before` them if it
    belongs to the noun (an adjective of it, or a compound the parser hung beside it on the
    name: 'Crown Prince Abdullah') and makes a known title."""
    sibling = (
        before is not None
        and before.dep_ == "compound"
        and noun.dep_ == "compound"
        and before.head == noun.head
    )
    if before is not None and (sibling or (before.dep_ == "amod" and before.head == noun)):
        text = " ".join(w.text for w in (before, *words))
        if lexicon.role(text) is not None and before.i not in skip:
            return lexicon.role(text), text
    for start in range(len(words)):
        text = " ".join(w.text for w in words[start:])
        role = lexicon.role(text) or lexicon.role(text.replace("-", " "))
        if role is not None:
            return role, text
    return None


def _organization(noun: Token, arguments: Arguments) -> Arg | None:
    """What the role is a role in: "Russia's", 'Hamas', 'Israeli', 'of US Central Command', 'a
    spokesman for Hamas' (`speaker_titles`)."""
    candidates = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    preps = ("of", "for") if arguments.lexicon.matches("speaker_titles", noun.lower_) else ("of",)
    candidates += [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
    ]
    if noun.dep_ == "conj":  # "Russia's ex-Defense Minister and current ... secretary"
        candidates += [c for c in noun.head.children if c.dep_ == "poss"]
    # 'the *ethnic* Albanian leader' leads a people, not Albania
    ethnic = arguments.lexicon["ethnic_words"]
    candidates = [c for c in candidates if c.i == 0 or c.doc[c.i - 1].lower_ not in ethnic]
    found = [arg for c in candidates if (arg := arguments.agent(c)) is not None and arg.is_actor]
    # "Putin's spokesman" is no member of a person
    organizations = [
        a for a in found if a.kind not in ("State", "Person") and _is_organization(a, arguments)
    ]
    states = [a for a in found if a.kind == "State"]
    if organizations:
        body = organizations[0]
        return _qualified(body, states[0] if states else _name_state(body, arguments), arguments)
    if len(states) > 1:
        # 'Bosnian Serb leader X' leads the Bosnian Serbs, a people of neither state
        people = [
            a for a in arguments.modifier_actors(noun, ("State", "Group")) if a.kind == "Group"
        ]
        if people:
            return people[0]
    return states[0] if states else None


def _state_body(noun: Token, state: Arg, arguments: Arguments, skip: set[int]) -> Arg:
    """ "Israel's army chief" leads Israel's army (the Israel Defense Forces), not Israel;
    "Kenya's opposition leader" leads the Kenyan opposition."""
    lexicon = arguments.lexicon
    for word in _title_tokens(noun, skip)[:-1]:
        if lexicon.matches("organization_heads", word.lower_) or lexicon.matches(
            "group_nouns", word.lower_
        ):
            body = Arg(slugify(word.text), word.text, "Organization", word.i, word.i + 1)
            return _qualified(body, state, arguments)
    return state


def _is_organization(arg: Arg, arguments: Arguments) -> bool:
    """A known actor, or a name ending in an organization word: spaCy also tags the 'Defence' of
    'Defence Minister' as an organization, which it is not."""
    if arg.key in arguments.gazetteer.entries:
        return True
    return arguments.doc[arg.end - 1].lower_ in arguments.lexicon["organization_heads"]


def _qualified(organization: Arg, state: Arg | None, arguments: Arguments) -> Arg:
    """'Russia's ... Security Council' is the Russian Security Council, not the UN's."""
    if state is None or organization.key in arguments.gazetteer.entries:
        return organization
    demonym = arguments.gazetteer.demonym_of(state.key) or state.label
    for name in (f"{demonym} {organization.label}", f"{state.label} {organization.label}"):
        entry = arguments.gazetteer.lookup(name)
        if entry is not None:
            return Arg(entry.key, entry.label, entry.kind, organization.start, organization.end)
    name = f"{demonym} {organization.label}"
    return Arg(slugify(name), name, "Organization", organization.start, organization.end)


def _unattached_title(person: Span, arguments: Arguments) -> Token | None:
    """A noun the parser left unattached ('dep') right before the comma that opens a name
    (honorifics skipped) is an apposition: "Qatar's emir, Sheikh Hamad launched ..."."""
    doc, start = person.doc, person.start
    honorifics = arguments.lexicon["honorifics"]
    while start > 0 and doc[start - 1].lower_.rstrip(".") in honorifics:
        start -= 1
    if start < 2 or doc[start - 1].text != ",":
        return None
    noun = doc[start - 2]
    return noun if noun.dep_ == "dep" and noun.pos_ == "NOUN" else None


def _person_between(start: int, end: int, arguments: Arguments) -> bool:
    span = arguments.spans
    return any(i in span and span[i].label_ == "Person" for i in range(start + 1, end))


def _role_nouns(person: Span, arguments: Arguments) -> Iterator[tuple[Token, str]]:
    """Nouns that give a person's role: compound titles, appositions either way, 'head of X, Y',
    and the title that names the person ('the Russian leader', resolved by kg_coref)."""
    root = person.root
    if root.pos_ == "NOUN":
        yield root, "anaphor"
    # the title may hang on any word of a name the parser split ('Minister Hans Van den Broek')
    # (or as nmod when an 'of' follows it: 'U.S. Secretary of State Madeleine Albright')
    # ('Indian Prime Minister Vajpayee and Pakistani Prime Minister Sharif': the parser may hang
    # both titles on the last name; a title is the first name's after it)
    titles = [
        child
        for word in person
        for child in word.children
        if child.dep_ in ("compound", "nmod")
        and child.i < person.start
        and not _person_between(child.i, person.start, arguments)
    ]
    before = person.doc[person.start - 1] if person.start > 0 else None
    if (
        before is not None
        and before.dep_ == "compound"
        and before.head.i not in range(person.start, person.end)
    ):
        titles.append(before)  # ... and the first name's title hangs on the last one
    for title in titles:
        yield title, "compound"
    for child in root.children:
        if child.dep_ == "appos":
            for noun in (child, *child.conjuncts):
                yield noun, "appos"
    comma = _unattached_title(person, arguments)
    if comma is not None:
        yield comma, "appos"
    # a title of his own outranks another's (a rank does not: 'the army chief, General X')
    lexicon = arguments.lexicon
    own = [t for t in titles if lexicon.role(t.lower_) and t.lower_ not in lexicon["ranks"]]
    if root.dep_ == "appos" and not own:
        head = root.head
        if arguments.agent(head) is None:
            yield head, "appos"
        elif head.head.dep_ == "prep" and head.head.lower_ == "of":
            yield head.head.head, "appos-of"


def find_roles(doc: Doc, arguments: Arguments, lexicon: Lexicon) -> Iterator[RelationMatch]:
    """leaderOf / memberOf for every titled person, delegationOf / locatedIn for delegations."""
    for span in doc.spans.get("kg_actors", []):
        if span.label_ == "Person":
            yield from _person_roles(span, arguments, lexicon)
            continue
        if span.label_ == "Organization":
            yield from _national_organization(span, arguments)
        if span.label_ in ("Organization", "Group", "State"):
            yield from _led_actor(span, arguments)
    for token in _with_words(doc, lexicon["delegation_nouns"]):
        yield from _delegation(token, arguments, lexicon)


def _with_words(doc: Doc, words: frozenset[str]) -> Iterator[Token]:
    """The tokens whose form or lower-cased lemma is one of the words, in order, read off the
    Doc's token table: a Token is built only for those (this scan runs twice per Doc)."""
    table = token_table(doc)
    for i, (lemma, lower) in enumerate(zip(table.lemma, table.lower, strict=True)):
        if lower in words or lemma in words:
            yield doc[i]


def titled_role(
    noun: Token, arguments: Arguments, lexicon: Lexicon, skip: set[int]
) -> tuple[RoleTitle, str, Arg | None] | None:
    """The role a title noun names, its title text and what it is a role in: 'Russian President'
    -> (president, 'President', Russia); "Israel's army chief" -> (chief, 'army chief', IDF)."""
    found = _role(noun, lexicon, skip) if may_be_title(noun, lexicon) else None
    if found is None:
        return None
    role, title = found
    organization = _organization(noun, arguments)
    if organization is not None and organization.kind == "State":
        body = _state_body(noun, organization, arguments, skip)
        if body is not organization:
            return role, title, body  # "Israel's army chief" leads the army
    if role.relation == "leaderOf" and _branch(noun, lexicon, skip):
        role = replace(role, relation="memberOf")
    return role, title, organization


def _named_after(person: Span, arguments: Arguments) -> Arg | None:
    """'King Hussein of Jordan', 'Sultan Qaboos of Oman': the state the title is held in, named
    after the name."""
    states = [arguments.agent(t) for t in prep_objects(person.root, "of")]
    return next((s for s in states if s is not None and s.kind == "State"), None)


def _city_title(noun: Token, person: Span, arguments: Arguments) -> bool:
    """A capital (a Place) compounded to the title or the name: a city's office, not its state's
    ("Iran's ambassador" and 'Tehran's ambassador' are Iran's)."""
    return any(
        c.dep_ == "compound" and c.i in arguments.spans and arguments.spans[c.i].label_ == "Place"
        for c in (*noun.children, *person.root.children)
    )


def _demonym_before(title: Token, arguments: Arguments) -> Arg | None:
    """The state named right before a title ('... and *Pakistani* Prime Minister Nawaz Sharif':
    the parser may hang the demonym on the name before the 'and'); not before an organization
    the title is of ('Lebanese Forces leader Samir Geagea' leads no Lebanon)."""
    compounds = [c for c in title.children if c.dep_ == "compound"]
    lexicon = arguments.lexicon
    if any(lexicon.matches("organization_heads", c.lemma_.lower(), c.lower_) for c in compounds):
        return None
    start = min([title.i, *(c.i for c in compounds)])
    if start == 0:
        return None
    arg = arguments.mention(title.doc[start - 1])
    return arg if arg is not None and arg.kind == "State" else None


def _person_roles(span: Span, arguments: Arguments, lexicon: Lexicon) -> Iterator[RelationMatch]:
    person = arguments.mention(span.root)
    skip = set(range(span.start, span.end)) | set(arguments.spans)
    for noun, shape in _role_nouns(span, arguments):
        found = titled_role(noun, arguments, lexicon, skip)
        if found is None:
            continue
        if _city_title(noun, span, arguments):
            continue  # 'Delhi Chief Minister X', 'Kyiv Mayor X' hold a city's office
        former = is_former(noun, lexicon)
        role, title, organization = found
        if organization is None and shape == "compound":
            # 'King Hussein of Jordan'; "Jordan's King Abdullah", 'Saudi Crown Prince Abdullah'
            # (the parser hangs the state on the name, not on the title)
            organization = (
                _named_after(span, arguments)
                or arguments.modifier_actor(
                    span.root, ("State",), ("poss", "amod", "compound", "nmod")
                )
                or _demonym_before(noun, arguments)
            )
        rule, confidence = f"{role.relation}/role-{shape}", _ROLE_CONFIDENCE
        if organization is None and role.head_of_state:
            organization = _known_country(person, title, arguments)
            rule, confidence = f"{role.relation}/title-gazetteer", _GAZETTEER_TITLE_CONFIDENCE
        if organization is None or organization.key == person.key:
            continue
        # A title is presupposed, not claimed: 'speculation that President Putin ...' and
        # 'X rejected President Y's offer' still say who is president.
        context = Context()
        yield RelationMatch(
            role.relation, person, organization, noun.i, rule, confidence, context, title, former
        )
        if (
            organization.key not in arguments.gazetteer.entries
            and organization.kind == "Organization"
        ):
            state = (
                arguments.modifier_actor(noun)
                or _organization_state(noun, arguments)
                or _name_state(organization, arguments)
            )
            if state is not None:
                yield RelationMatch(
                    "partOf",
                    organization,
                    state,
                    noun.i,
                    "partOf/qualified-organization",
                    _ROLE_CONFIDENCE,
                    context,
                )


def _national_organization(span: Span, arguments: Arguments) -> Iterator[RelationMatch]:
    """'Israeli army', 'US Central Command', 'Russian Security Council' belong to that state."""
    first = span.doc[span.start]
    entry = arguments.gazetteer.demonym_state(first.text) or arguments.gazetteer.lookup(first.text)
    if entry is None or entry.kind != "State" or len(span) < 2:
        return
    organization = arguments.mention(span.root)
    state = Arg(entry.key, entry.label, entry.kind, first.i, first.i + 1)
    yield RelationMatch(
        "partOf",
        organization,
        state,
        span.root.i,
        "partOf/national-organization",
        _ROLE_CONFIDENCE,
        Context(),
    )


def _name_state(body: Arg, arguments: Arguments) -> Arg | None:
    """'Chinese Foreign Ministry spokesperson X': a state that modifies a body's name."""
    return arguments.modifier_actor(arguments.doc[body.end - 1])


def _organization_state(noun: Token, arguments: Arguments) -> Arg | None:
    if noun.dep_ == "conj":
        return arguments.modifier_actor(noun.head)
    return None


def _known_country(person: Arg, title: str, arguments: Arguments) -> Arg | None:
    """'President Biden': the state comes from the curated actor file when the titles agree."""
    entry = arguments.gazetteer.entries.get(person.key)
    if entry is None or entry.country is None:
        return None
    if title.lower() not in {t.lower() for t in entry.titles}:
        return None
    state = arguments.gazetteer.entries[entry.country]
    return Arg(state.key, state.label, state.kind, person.start, person.end)


def _delegation(token: Token, arguments: Arguments, lexicon: Lexicon) -> Iterator[RelationMatch]:
    # 'the delegation' that refers back names no sender, place or leader of its own
    delegations = arguments.delegations(token, told=False)
    if not delegations:
        return
    context = read_context(token, lexicon)
    place = arguments.delegation_place(token)
    for delegation, sender in delegations:
        yield RelationMatch(
            "delegationOf",
            delegation,
            sender,
            token.i,
            "delegationOf/sender",
            _ROLE_CONFIDENCE,
            context,
        )
        if place is not None:
            yield RelationMatch(
                "locatedIn",
                delegation,
                place,
                token.i,
                "locatedIn/delegation-place",
                _ROLE_CONFIDENCE,
                context,
            )
    delegation = delegations[0][0]
    for participle, leader in _led_by(token, arguments):
        yield RelationMatch(
            "leaderOf",
            leader,
            delegation,
            participle.i,
            "leaderOf/delegation-led-by",
            _ROLE_CONFIDENCE,
            context,
            "head of delegation",
        )


def _led_by(token: Token, arguments: Arguments) -> Iterator[tuple[Token, Arg]]:
    """(participle, person) for 'a delegation led by Wang Yi', 'the RSF, led by Dagalo', 'forces
    commanded by X': the person a participle of `leading_verbs` names after 'by'."""
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_ in arguments.lexicon["leading_verbs"]:
            for agent in (c for c in child.children if c.dep_ == "agent"):
                for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                    leader = arguments.resolve(pobj)
                    if leader is not None and leader.kind == "Person":
                        yield child, leader


def _led_actor(span: Span, arguments: Arguments) -> Iterator[RelationMatch]:
    """'The RSF, led by Mohamed Hamdan Dagalo, ...': the person leads the named actor (not the
    one a sector noun stands for: 'the Saudi-led coalition, commanded by X' is no Saudi office),
    or the state a governing body stands for ("Niger's junta, led by General Tiani": Niger)."""
    root = span.root
    governing = arguments.lexicon.matches("governing_nouns", root.lemma_.lower(), root.lower_)
    led = list(_led_by(root, arguments)) if root.pos_ == "PROPN" or governing else []
    actor = arguments.mention(root) if led else None
    if actor is None:
        return
    for participle, leader in led:
        if leader.key != actor.key:
            # 'Hezbollah, formerly headed by Nasrallah', '... led by X until his death': a former
            # role, evidence only
            former = any(
                (c.dep_ == "advmod" and c.lower_ in arguments.lexicon["former_modifiers"])
                or (c.dep_ == "prep" and c.lower_ == "until")
                for c in participle.children
            )
            yield RelationMatch(
                "leaderOf",
                leader,
                actor,
                participle.i,
                "leaderOf/led-by",
                _ROLE_CONFIDENCE,
                read_context(participle, arguments.lexicon),
                "leader",
                former,
            )


def delegation_leaders(matches: list[RelationMatch], lexicon: Lexicon) -> Iterator[RelationMatch]:
    """'A Chinese delegation led by Wang Yi met X': the leader met X too. Each meeting-like
    relation of a delegation (`delegation_shared_relations`) is repeated for its leader."""
    leaders: dict[str, list[Arg]] = {}
    for match in matches:
        if match.relation == "leaderOf" and match.object.kind == "Delegation":
            leaders.setdefault(match.object.key, []).append(match.subject)
    for match in matches:
        if match.relation not in lexicon["delegation_shared_relations"]:
            continue
        for leader in leaders.get(match.subject.key, ()):
            if leader.key != match.object.key:
                yield replace(match, subject=leader, rule=f"{match.rule}/delegation-leader")
        for leader in leaders.get(match.object.key, ()):
            if leader.key != match.subject.key:
                yield replace(match, object=leader, rule=f"{match.rule}/delegation-leader")
