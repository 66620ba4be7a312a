"""Actor mentions: named entities resolved to gazetteer keys, surnames linked to full names.

`ActorResolver` writes `doc.spans["kg_actors"]`: label = kind (State, Person, Group, Organization,
Place, Source), id = entity key, kb_id = the state a capital stands for when used as an agent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..resolve import Gazetteer, GazetteerEntry
from ..vocab import slugify
from .tokens import token_table

if TYPE_CHECKING:
    from gender_guesser.detector import Detector

__all__ = ["PAIR_KEY", "SPAN_KEY", "ActorResolver", "has_score", "portfolio", "strip_name"]

SPAN_KEY = "kg_actors"
COREF_KEY = "kg_coref"  # the anaphors kg_coref resolved; label = the rule
# A word that stands for several actors at once ('Hungarian and Romanian officials', 'the two
# leaders'): one span per member on the word; label = kind, id = key.
PAIR_KEY = "kg_pairs"
# spaCy entity labels that can name an actor or place when the gazetteer does not know them.
_UNKNOWN_KINDS = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}

# Entity labels the small model gives person names it does not know ('Scholz' as GPE); a name
# after a title takes their place.
_MISREAD_NAMES = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
# Entity labels of a people's name ('Palestinians'; 'Young Algerians' opening a sentence as ORG).
_PEOPLE_LABELS = {"NORP", "ORG"}
# Actor kinds whose name an acronym in brackets can stand for.
_ACTOR_NAMES = {"Organization", "Group", "State"}
# The entity label a misspelt state name may have ('Quatar' as ORG), if any: a word the model reads
# as a place is one it knows ('Granada', 'Tainan'), a person or people it is not.
_MISSPELT_LABELS = {"ORG"}
# A regnal number after a monarch's name ('King Abdullah II', 'Pope John Paul II').
_REGNAL = re.compile(r"[IVX]{1,5}")
_SCORE = re.compile(r"\b\d{1,2} ?[-\u2013] ?\d{1,2}\b")


def has_score(text: str) -> bool:
    """A match score ('2-0', '6 - 2') marks a sports report: in a name the model tags ('beat
    *Chelsea 2-0*') the name is a team, no actor; in a clause, a win is no attack."""
    return _SCORE.search(text) is not None


@cache
def _first_names() -> Detector:
    """gender-guesser's dictionary of first names (40,000 across countries), loaded the first
    time a word looks like a misspelt state."""
    from gender_guesser.detector import Detector

    return Detector()


def _first_name(word: str) -> bool:
    return _first_names().get_gender(word) != "unknown"


def _cut_name(person: Span, ent: Span, lexicon: Lexicon) -> bool:
    """'Ursula von der' + 'Leyen', 'Hans van' + 'den' + 'Broek': a person name ending in, or
    followed by, name particles goes on with the unknown entity right after them."""
    if person.label_ != "PERSON" or ent.ent_id_:  # tested first: this runs for every entity
        return False
    doc = person.doc
    gap = doc[person.end : ent.start]
    particles = lexicon["name_particles"]
    return all(t.text in particles for t in gap) and (
        len(gap) > 0 or doc[person.end - 1].text in particles
    )


def _state_people(name: Span, entry: GazetteerEntry) -> Token | None:
    """The word of a one-word plural naming a state's people ('Serbs', 'Albanians'), whose
    modifiers may make it a group of its own ('Kosovo Albanians', 'rebel Serbs')."""
    word = name[-1]
    if entry.kind != "State" or word.tag_ not in ("NNPS", "NNS") or len(name) > 1:
        return None
    return word


def _given_names(person: Span, ent: Span, lexicon: Lexicon) -> bool:
    """'Atal Behari' + 'Vajpayee': the model's person name right before a curated person's
    surname the gazetteer tagged, compounded to it, is the start of one name (one or two given
    names, no title: not 'Ayatollah Seyyed', nor a longer span the model ran over titles)."""
    return (
        person.label_ == "PERSON"
        and not person.ent_id_
        and len(person) <= 2
        and all(_name_word(t) and lexicon.role(t.lower_) is None for t in person)
        and ent.label_ == "PERSON"
        and bool(ent.ent_id_)
        and ent.start == person.end
        and person[-1].dep_ == "compound"
        and ent.start <= person[-1].head.i < ent.end
    )


def _cut_of_name(org: Span, ent: Span, lexicon: Lexicon) -> bool:
    """'The Communist Party of' + 'China', 'the Congress of' + 'South African' (Trade Unions): a
    movement's name the model cut after its 'of' (`movement_heads`) goes on with the entity right
    after it; a state organ's does not ('the Government of Kenya' is Kenya's)."""
    return (
        org.label_ == "ORG"
        and ent.start == org.end
        and len(org) > 2
        and org[-1].lower_ == "of"
        and org[-2].lower_ in lexicon["movement_heads"]
    )


def _untagged_surnames(
    doc: Doc, ents: list[Span], surnames: dict[str, tuple[str, str]]
) -> list[Span]:
    """'Lavrov later flew to Baghdad': a surname of a person the article names in full is that
    person where the model tags no entity (a proper noun, read from the token table)."""
    if not surnames:
        return ents
    lowered = {name.lower() for name in surnames}
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    table = token_table(doc)
    found = [
        Span(doc, i, i + 1, label="PERSON")
        for i, (lower, pos) in enumerate(zip(table.lower, table.pos, strict=True))
        if lower in lowered and pos == "PROPN" and i not in covered and doc[i].text in surnames
    ]
    return sorted(ents + found, key=lambda e: e.start) if found else ents


def _split_brackets(doc: Doc, ents: list[Span]) -> list[Span]:
    """'The Movement for Democratic Change (MDC' read as one entity is a name and an acronym;
    an acronym in brackets after a name the model did not read as one is an entity too."""
    found: list[Span] = []
    for ent in ents:
        opening = next((t.i for t in ent if t.text == "("), None)
        if opening is not None and opening > ent.start and _acronym(doc[ent.end - 1]):
            found += [
                Span(doc, ent.start, opening, label=ent.label_),
                Span(doc, ent.end - 1, ent.end, label=ent.label_),
            ]
            continue
        found.append(ent)
        acronym = _bracketed(doc, ent)
        if acronym is not None and not acronym.ent_type_:
            found.append(Span(doc, acronym.i, acronym.i + 1, label=ent.label_))
    return sorted(found, key=lambda e: e.start)


def _titled_name(title: Token, lexicon: Lexicon) -> Span | None:
    """'President Modi': the capitalised proper nouns right after a capitalised role title
    (the last word of the title, 'Minister' of 'Prime Minister'), up to the name's head, with a
    regnal number ('King Abdullah II')."""
    if not title.is_title or lexicon.role(title.lower_) is None:
        return None
    doc, end = title.doc, title.i + 1
    while (
        end < len(doc)
        and doc[end].pos_ == "PROPN"
        and (doc[end].is_title or (end > title.i + 1 and _REGNAL.fullmatch(doc[end].text)))
    ):
        if lexicon.role(doc[end].lower_) is not None:
            return None
        end += 1
    if end == title.i + 1 or title.head.i not in range(title.i + 1, end):
        return None
    return doc[title.i + 1 : end]


def portfolio(token: Token, lexicon: Lexicon) -> bool:
    """A ministry's portfolio in a title ('Secretary of *State*', 'Minister *for Foreign
    Affairs*'): a word of `portfolio_words` after 'of', 'for' or another of them."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return token.lower_ in lexicon["portfolio_words"] and (
        before in ("of", "for") or before in lexicon["portfolio_words"]
    )


def strip_name(span: Span, lexicon: Lexicon) -> Span:
    """Drop leading ranks, honorifics, titles ('Crown Prince') and 'the', and a trailing
    possessive or preposition (the model tags 'Crown Prince Abdullah of' + 'Saudi Arabia')."""
    start, end = span.start, span.end
    doc = span.doc
    ranks, honorifics = lexicon["ranks"], lexicon["honorifics"]
    while end - start > 1:
        token = doc[start]
        first = token.lower_
        if portfolio(token, lexicon):
            start += 1  # 'Minister of *Defence* Sergei Shoigu'
            continue
        if (
            first in ranks
            or first in honorifics
            or first in ("the", "-")
            or token.is_punct
            or token.is_space
        ):
            start += 1
            continue
        if end - start > 2 and lexicon.role(f"{first} {doc[start + 1].lower_}"):
            title = 2  # 'Crown Prince'
        else:
            title = 1 if lexicon.role(first) else 0
        if not title:
            break
        start += title
    while end - start > 1 and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or (
            doc[end - 1].pos_ in ("ADP", "CCONJ")
            and doc[end - 1].text not in lexicon["name_particles"]
        )
    ):
        end -= 1
    return doc[start:end]


def stance_prefix(token: Token, lexicon: Lexicon) -> Token | None:
    """The 'pro' of 'pro-Russian', the 'anti' of 'anti-Israel' (`stance_prefixes`): the name
    after it says what someone stands for, not who they are (not 'anti-aircraft' batteries,
    `countered_nouns`, which are made to counter it)."""
    if token.i < 2 or token.doc[token.i - 1].text != "-" or token.doc[token.i - 1].whitespace_:
        return None
    if token.lower_ in lexicon["countered_nouns"]:
        return None
    prefix = token.doc[token.i - 2]
    return (
        prefix if prefix.lower_ in lexicon["stance_prefixes"] and not prefix.whitespace_ else None
    )


def is_stance(ent: Span, lexicon: Lexicon) -> bool:
    """'Pro-', 'anti-': the prefix the model may tag as a people, which names none."""
    return ent.doc[ent.start].lower_ in lexicon["stance_prefixes"] and ent.text.endswith("-")


def _one_edit(word: str, name: str) -> bool:
    """One letter added, dropped, changed or two neighbours swapped inside the name ('Ethopia',
    'Quatar', 'Phillippines'). The first and last letters must agree: other names differ there
    ('Roland' is no Poland) and so do derived words ('Nepali', 'Americas', 'Philippine')."""
    a, b = word.lower(), name.lower()
    if a == b or a[0] != b[0] or a[-1] != b[-1] or abs(len(a) - len(b)) > 1:
        return False
    i = next(k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y)
    return (
        a[i + 1 :] == b[i + 1 :]  # changed
        or a[i + 1 :] == b[i:]  # added
        or a[i:] == b[i + 1 :]  # dropped
        or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])  # swapped
    )


def _opening_word(ent: Span) -> bool:
    """'Fierce fighting erupted', 'Angry farmers': a capitalised adjective, adverb or verb that
    opens a sentence and that the model tags as a name is no name."""
    word = ent[0]
    return (
        len(ent) == 1
        and word.is_sent_start
        and not ent.ent_id_
        and word.pos_ in ("ADJ", "ADV", "VERB")
        and ent.label_ in _UNKNOWN_KINDS
    )


def _name_word(token: Token) -> bool:
    """A capitalised proper noun ('South', 'Army'), part of a name."""
    return token.pos_ == "PROPN" and token.is_title


def _run_on_person(ent: Span) -> Span:
    """A person's name the model cuts short runs on over the capitalised words the parser
    compounds it with ('Aung San' + 'Suu Kyi': one name, its head the last word)."""
    if ent.label_ != "PERSON" or ent.ent_id_:
        return ent
    doc, end = ent.doc, ent.end
    while (
        end < len(doc)
        and _name_word(doc[end])
        and not doc[end].ent_type_
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i >= end
    ):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label="PERSON")


def _in_name(token: Token) -> bool:
    """A proper noun beside another is part of a longer name ('Columbia University')."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" for i in (token.i - 1, token.i + 1))


def _people_kind(ent: Span, name: Span) -> str | None:
    """'Tibetans', 'Kurds' alone: a people no state names acts as a group of its own; placed by
    a modifier ('Bosnian Serbs', 'Iraqi Kurds', 'Kurds in Syria') the sector resolver names it."""
    word = name[-1]
    modified = any(c.dep_ in ("amod", "compound", "nmod", "prep") for c in word.children)
    plural = len(name) == 1 and word.tag_ in ("NNPS", "NNS") and word.text[:1].isupper()
    return "Group" if ent.label_ == "NORP" and plural and not modified else None


def _acronym(token: Token) -> bool:
    """'RUF', 'FIS', 'SPLM/A': capitals (and '/', '-') only, at least two letters."""
    text = token.text
    return sum(c.isalpha() for c in text) >= 2 and text == text.upper() and text.isascii()


def _bracketed(doc: Doc, name: Span) -> Token | None:
    """The acronym right after a name, in brackets or after ', or', made of the name's initials
    in any order: 'Revolutionary United Front (RUF)', 'Islamic Salvation Front (FIS)',
    'International Atomic Energy Agency, or IAEA'; not 'the force in Lebanon (UNIFIL)'."""
    end = name.end
    if end + 2 >= len(doc):
        return None
    if doc[end].text == "(" and doc[end + 2].text == ")":
        token = doc[end + 1]
    elif doc[end].text == "," and doc[end + 1].lower_ == "or":
        token = doc[end + 2]
    else:
        return None
    initials = {word[0].upper() for word in re.findall(r"[A-Za-z]+", name.text)}
    letters = {c for c in token.text if c.isalpha()}
    return token if _acronym(token) and letters <= initials else None


class ActorResolver:
    """Resolve every entity of a Doc against the gazetteer and the document's own full names."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        # one-word state names long enough that one typo cannot make another word of them
        self.state_names = sorted(
            (name, key)
            for name, key in gazetteer.names.items()
            if gazetteer.entries[key].kind == "State" and name.isalpha() and len(name) >= 5
        )

    def __call__(self, doc: Doc) -> Doc:
        ents = self._mended(doc)
        surnames = self._surnames(ents)
        ents = _untagged_surnames(doc, ents, surnames)
        spans = []
        for ent in ents:
            if is_stance(ent, self.lexicon) or self._regional(ent):
                continue
            if ent.text.lower() in self.lexicon["time_zones"]:
                continue  # '14:32 GMT - Hamas says ...': a clock, no actor
            span = self._resolve(ent, surnames)
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = self._acronyms_resolved(spans)
        return doc

    def _regional(self, ent: Span) -> bool:
        """'Latin American governments', 'South American states': a demonym that ends a
        region's name (`region_names`) names no state."""
        doc = ent.doc
        return (
            ent.start > 0
            and f"{doc[ent.start - 1].text} {ent.text}" in self.lexicon["region_names"]
        )

    def _acronyms_resolved(self, spans: list[Span]) -> list[Span]:
        """'Revolutionary United Front (RUF)': the acronym, there and wherever the document uses
        it again, names the actor the name before it does (the gazetteer's, if it knows one)."""
        by_start = {span.start: span for span in spans}
        same: dict[str, Span] = {}
        for span in spans:
            acronym = _bracketed(span.doc, span)
            short = by_start.get(acronym.i) if acronym is not None else None
            if short is None or span.label_ not in _ACTOR_NAMES:
                continue
            known = span.id_ in self.gazetteer.entries or short.id_ not in self.gazetteer.entries
            same[short.text] = same[span.text] = span if known else short
        if not same:
            return spans
        doc = spans[0].doc
        covered = {i for s in spans for i in range(s.start, s.end)}
        later = [doc[t.i : t.i + 1] for t in doc if t.text in same and t.i not in covered]
        return sorted(
            (
                Span(doc, s.start, s.end, label=t.label_, span_id=t.id_, kb_id=t.kb_id_)
                if (t := same.get(s.text)) is not None
                else s
                for s in [*spans, *later]
            ),
            key=lambda s: s.start,
        )

    def _mended(self, doc: Doc) -> list[Span]:
        """The model's entities with repairs: a name cut short after a lower-case particle
        ('Ursula von der' + 'Leyen') runs on; capitalised words after a title the model missed
        or mislabelled ('Chancellor Scholz', 'President Modi') are a person; an acronym in
        brackets is an entity of its own; a misspelt state name is the state."""
        ents: list[Span] = []
        for ent in doc.ents:
            if _opening_word(ent):
                continue
            previous = ents[-1] if ents else None
            if previous is not None and _cut_name(previous, ent, self.lexicon):
                ents[-1] = Span(doc, previous.start, ent.end, label="PERSON")
                continue
            if previous is not None and _given_names(previous, ent, self.lexicon):
                # 'Atal Behari' + 'Vajpayee' (a curated surname): one name, the curated
                # person's if the first given name is his ('Chaim' + 'Herzog' is not Isaac)
                entry = self.gazetteer.entries.get(ent.ent_id_)
                same = entry is not None and entry.label.split()[0] == previous[0].text
                key = ent.ent_id_ if same else ""
                ents[-1] = Span(doc, previous.start, ent.end, label="PERSON", span_id=key)
                continue
            if previous is not None and _cut_of_name(previous, ent, self.lexicon):
                end = ent.end
                while end < len(doc) and _name_word(doc[end]):
                    end += 1  # 'the Congress of South African *Trade Unions*'
                ents[-1] = Span(doc, previous.start, end, label="ORG")
                continue
            ents.append(_run_on_person(ent))
        table = token_table(doc)
        # only a role title starts such a name: the other words' Tokens are not built
        for i in range(len(doc) - 1):
            if self.lexicon.role(table.lower[i]) is None:
                continue
            name = _titled_name(doc[i], self.lexicon)
            if name is None:
                continue
            covered = [e for e in ents if e.start < name.end and name.start < e.end]
            if any(
                e.label_ == "PERSON" and e.start <= name.start and name.end <= e.end
                for e in covered
            ):
                continue  # the model read a longer name ('Hans Van den Broek')
            if all(not e.ent_id_ and e.label_ in _MISREAD_NAMES for e in covered):
                ents = [e for e in ents if e not in covered]
                ents.append(Span(doc, name.start, name.end, label="PERSON"))
        ents = _split_brackets(doc, sorted(ents, key=lambda e: e.start))
        return self._misspelt(doc, self._inner_states(doc, ents))

    def _inner_states(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """'the South Lebanon Army', 'the Northern Ireland Assembly': a state's name between
        capitalised words of one name that ends in an organization head is part of that name,
        which the gazetteer's patterns had cut in two (not a demonym: 'Royal Thai Army')."""
        heads = self.lexicon["organization_heads"]
        for ent in [e for e in ents if e.ent_id_]:
            entry = self.gazetteer.entries.get(ent.ent_id_)
            if entry is None or entry.kind != "State" or self.gazetteer.demonym_state(ent.text):
                continue
            start, end = ent.start, ent.end
            while start and _name_word(doc[start - 1]) and doc[start - 1].head.i >= ent.start:
                start -= 1
            while end < len(doc) and _name_word(doc[end]):
                end += 1
            if start == ent.start or end == ent.end or doc[end - 1].lower_ not in heads:
                continue
            ents = [e for e in ents if e.end <= start or end <= e.start]
            ents = sorted([*ents, Span(doc, start, end, label="ORG")], key=lambda e: e.start)
        return ents

    def _misspelt(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """A capitalised word one typo away from exactly one state name is that state
        ('Ethopia', 'Quatar'), unless the model reads it as a person or a people or it is a
        first name ('Angela' after a dateline, which the model left unlabelled)."""
        at = {i: e for e in ents for i in range(e.start, e.end)}
        pos = token_table(doc).pos
        for token in (doc[i] for i in range(len(doc)) if pos[i] == "PROPN"):
            ent = at.get(token.i)
            if (
                token.pos_ != "PROPN"
                or not token.is_title
                or len(token) < 6
                or _in_name(token)
                or (ent is not None and (len(ent) > 1 or ent.ent_id_))
                or (ent is not None and ent.label_ not in _MISSPELT_LABELS)
            ):
                continue
            keys = {key for name, key in self.state_names if _one_edit(token.text, name)}
            if len(keys) == 1 and not _first_name(token.text):
                ents = [e for e in ents if e is not ent]
                ents.append(Span(doc, token.i, token.i + 1, label="GPE", span_id=keys.pop()))
        return sorted(ents, key=lambda e: e.start)

    def _surnames(self, ents: Iterable[Span]) -> dict[str, tuple[str, str]]:
        """Last name -> (key, label) of the first multi-word person name in the document."""
        found: dict[str, tuple[str, str]] = {}
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            name = strip_name(ent, self.lexicon)
            if len(name) > 1 and name[-1].text not in found:
                known = self.gazetteer.entries.get(ent.ent_id_ or ent.id_)
                entry = known or self.gazetteer.lookup(name.text)
                key, label = (entry.key, entry.label) if entry else (slugify(name.text), name.text)
                found[name[-1].text] = (key, label)
        return found

    def _people(self, name: Span) -> tuple[Span, GazetteerEntry | None]:
        """A people's state, after leading words that name none ('Young Algerians', 'Ethnic
        Albanians' at the start of a sentence); a leading demonym or name stays ('Bosnian
        Serbs')."""
        for start in range(name.start, name.end):
            entry = self.gazetteer.demonym_state(name.doc[start : name.end].text)
            if entry is not None:
                return name.doc[start : name.end], entry
            word = name.doc[start].text
            if self.gazetteer.lookup(word) or self.gazetteer.demonym_state(word):
                break
        return name, None

    def _document(self, name: Span) -> bool:
        """'the Indus Waters Treaty', 'the Taif Agreement': an unknown name of a treaty, plan or
        process (`document_nouns`) is no actor."""
        word = name[-1]
        return self.lexicon.matches("document_nouns", word.lemma_.lower(), word.lower_)

    def _named_place(self, name: Span) -> bool:
        """'the town of Goma', 'the port of Buchanan': a name the model misreads as a person or an
        organization is the place the noun before 'of' says it is."""
        doc, start = name.doc, name.start
        return (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and self.lexicon.matches(
                "place_nouns", doc[start - 2].lemma_.lower(), doc[start - 2].lower_
            )
        )

    def _namesake(self, ent: Span, entry: GazetteerEntry) -> Span | None:
        """'Hafez al-Assad' is not Bashar al-Assad: a curated person's name right after given
        names that are not theirs (capitalised proper nouns, no title, date or place; a known
        first name the model took for a place, 'Melania Trump', is one) names someone else."""
        doc, start = ent.doc, ent.start
        while start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            word = doc[start - 1]
            named = word.ent_type_ in ("", "PERSON") or (
                _first_name(word.text) and self.gazetteer.lookup(word.text) is None
            )
            if not named or self._title_word(word) or portfolio(word, self.lexicon):
                break  # 'On Monday Putin', 'General Kurilla', 'Minister of Defence Shoigu'
            start -= 1
        name = doc[start : ent.end].text
        if start == ent.start or name in (entry.label, *entry.aliases):
            return None
        return Span(doc, start, ent.end, label="Person", span_id=slugify(name), kb_id=slugify(name))

    def _title_word(self, word: Token) -> bool:
        """A role title, rank or honorific ('President', 'General', 'Sheikh')."""
        lower = word.lower_
        return self.lexicon.role(lower) is not None or lower in (
            self.lexicon["ranks"] | self.lexicon["honorifics"]
        )

    def _armed_people(self, name: Span, entry: GazetteerEntry) -> Span | None:
        """'rebel Serbs': a state's people a group noun qualifies are the group 'Serb rebels',
        not the state."""
        word = _state_people(name, entry)
        if word is None:
            return None
        for child in word.children:
            forms = (child.lemma_.lower(), child.lower_)
            if child.dep_ in ("amod", "compound") and self.lexicon.matches("group_nouns", *forms):
                demonym = self.gazetteer.demonym_of(entry.key) or entry.label
                key = slugify(f"{demonym} {child.lemma_.lower()}")
                return Span(name.doc, child.i, name.end, label="Group", span_id=key, kb_id=key)
        return None

    def _placed(self, name: Span, entry: GazetteerEntry) -> bool:
        """A state's people placed in another state by a modifier or 'in' ('Kosovo Albanians',
        'Turkish Cypriots', 'Serbs in Croatia'): a group of their own, not the state their name
        comes from."""
        word = _state_people(name, entry)
        if word is None:
            return False
        places = [c for c in word.children if c.dep_ in ("amod", "compound") and c.i < word.i]
        places += [
            p
            for c in word.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        return any(
            (other := self._state_named(p)) is not None and other.key != entry.key for p in places
        )

    def _state_named(self, word: Token) -> GazetteerEntry | None:
        """The state a word names, alone, as a demonym or as the head of a name ('the Ivory
        Coast')."""
        ent = next((e for e in word.doc.ents if e.start <= word.i < e.end), None)
        text = strip_name(ent, self.lexicon).text if ent is not None else word.text
        entry = self.gazetteer.lookup(text) or self.gazetteer.demonym_state(word.text)
        return entry if entry is not None and entry.kind == "State" else None

    def _regnal(self, name: Span) -> bool:
        """A monarch is called by a given name ('Jordan's *King* Hussein'), no surname of another
        person in the text ('Saddam Hussein')."""
        return name.start > 0 and name.doc[name.start - 1].lower_ in self.lexicon["regnal_titles"]

    def _resolve(self, ent: Span, surnames: dict[str, tuple[str, str]]) -> Span | None:
        if has_score(ent.text) or all(portfolio(t, self.lexicon) for t in ent):
            return None  # a team in a sports report; the 'State' of 'Secretary of State'
        name = strip_name(ent, self.lexicon)
        known = self.gazetteer.entries.get(ent.ent_id_ or ent.id_)
        if known is not None and known.kind == "Person":
            other = self._namesake(ent, known)
            if other is not None:
                return other
        entry = known or self.gazetteer.lookup(name.text)
        if entry is None and ent.label_ == "ORG" and len(name) == 1 and name.text not in surnames:
            # 'General Motors', 'General Electric': a rank the model reads as part of an
            # organization's name is its name, unless a name ('General Igor Kirillov') or a
            # known person's surname follows
            name = ent.doc[min(t.i for t in ent if t.lower_ != "the") : name.end]
        if entry is None and name.text.isupper() and len(name.text) > 3:
            entry = self.gazetteer.lookup(name.text.title())  # a dateline's 'CAIRO'
        if entry is None and ent.label_ in _PEOPLE_LABELS:
            name, entry = self._people(name)
        if entry is not None and self._placed(name, entry):
            return None  # 'Kosovo Albanians': the sector resolver's group, not Albania
        armed = self._armed_people(name, entry) if entry is not None else None
        if armed is not None:
            return armed
        if entry is not None:
            span = Span(ent.doc, name.start, name.end, label=entry.kind, span_id=entry.key)
            span.kb_id_ = entry.stands_for or entry.key
            return span
        if (
            ent.label_ in ("PERSON", "ORG", "GPE")
            and len(name) == 1
            and name.text in surnames
            and not self._regnal(name)
        ):
            key, _label = surnames[name.text]
            return Span(ent.doc, name.start, name.end, label="Person", span_id=key, kb_id=key)
        kind = _UNKNOWN_KINDS.get(ent.label_) or _people_kind(ent, name)
        if kind is None or not any(t.is_alpha for t in name) or self._document(name):
            return None
        if self._named_place(name):
            kind = "Place"
        key = slugify(name.text)
        return Span(ent.doc, name.start, name.end, label=kind, span_id=key, kb_id=key)
