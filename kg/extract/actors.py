"""Actor mentions: named entities resolved to gazetteer keys, surnames linked to full names.

`ActorResolver` writes `doc.spans["kg_actors"]`: label = kind (State, Person, Group, Organization,
Place, Source), id = entity key, kb_id = the state a capital stands for when used as an agent.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..lexicon import Lexicon
from ..resolve import Gazetteer
from ..vocab import slugify

__all__ = ["PAIR_KEY", "SPAN_KEY", "ActorResolver", "strip_name"]

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


def _cut_name(person: Span, ent: Span, lexicon: Lexicon) -> bool:
    """'Ursula von der' + 'Leyen', 'Hans van' + 'den' + 'Broek': a person name ending in, or
    followed by, name particles goes on with the unknown entity right after them."""
    doc = person.doc
    gap = doc[person.end : ent.start]
    particles = lexicon["name_particles"]
    return (
        person.label_ == "PERSON"
        and not ent.ent_id_
        and all(t.text in particles for t in gap)
        and (len(gap) > 0 or doc[person.end - 1].text in particles)
    )


def _titled_name(title: Token, lexicon: Lexicon) -> Span | None:
    """'President Modi': the capitalised proper nouns right after a capitalised role title
    (the last word of the title, 'Minister' of 'Prime Minister'), up to the name's head."""
    if not title.is_title or lexicon.role(title.lower_) is None:
        return None
    doc, end = title.doc, title.i + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title:
        if lexicon.role(doc[end].lower_) is not None:
            return None
        end += 1
    if end == title.i + 1 or title.head.i not in range(title.i + 1, end):
        return None
    return doc[title.i + 1 : end]


def strip_name(span: Span, lexicon: Lexicon) -> Span:
    """Drop leading ranks, honorifics, titles and 'the', and a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    skip = lexicon["ranks"] | lexicon["honorifics"] | {"the", "-"}
    while end - start > 1 and (
        doc[start].lower_ in skip
        or lexicon.role(doc[start].lower_)
        or doc[start].is_punct
        or doc[start].is_space
    ):
        start += 1
    while end - start > 1 and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    return doc[start:end]


class ActorResolver:
    """Resolve every entity of a Doc against the gazetteer and the document's own full names."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        ents = self._mended(doc)
        surnames = self._surnames(ents)
        spans = []
        for ent in ents:
            span = self._resolve(ent, surnames)
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _mended(self, doc: Doc) -> list[Span]:
        """The model's entities with two repairs: a name cut short after a lower-case particle
        ('Ursula von der' + 'Leyen') runs on, and capitalised words after a title the model
        missed or mislabelled ('Chancellor Scholz', 'President Modi') are a person."""
        ents: list[Span] = []
        for ent in doc.ents:
            previous = ents[-1] if ents else None
            if previous is not None and _cut_name(previous, ent, self.lexicon):
                ents[-1] = Span(doc, previous.start, ent.end, label="PERSON")
                continue
            ents.append(ent)
        for token in doc[:-1]:
            name = _titled_name(token, self.lexicon)
            if name is None:
                continue
            covered = [e for e in ents if e.start < name.end and name.start < e.end]
            if all(not e.ent_id_ and e.label_ in _MISREAD_NAMES for e in covered):
                ents = [e for e in ents if e not in covered]
                ents.append(Span(doc, name.start, name.end, label="PERSON"))
        return sorted(ents, key=lambda e: e.start)

    def _surnames(self, ents: Iterable[Span]) -> dict[str, tuple[str, str]]:
        """Last name -> (key, label) of the first multi-word person name in the document."""
        found: dict[str, tuple[str, str]] = {}
        for ent in ents:
            if ent.label_ != "PERSON":
                continue
            name = strip_name(ent, self.lexicon)
            if len(name) > 1 and name[-1].text not in found:
                entry = self.gazetteer.entries.get(ent.ent_id_) or self.gazetteer.lookup(name.text)
                key, label = (entry.key, entry.label) if entry else (slugify(name.text), name.text)
                found[name[-1].text] = (key, label)
        return found

    def _resolve(self, ent: Span, surnames: dict[str, tuple[str, str]]) -> Span | None:
        name = strip_name(ent, self.lexicon)
        entry = self.gazetteer.entries.get(ent.ent_id_) or self.gazetteer.lookup(name.text)
        if entry is None and ent.label_ == "NORP":
            entry = self.gazetteer.demonym_state(name.text)
        if entry is not None:
            span = Span(ent.doc, name.start, name.end, label=entry.kind, span_id=entry.key)
            span.kb_id_ = entry.capital_of or entry.key
            return span
        if ent.label_ in ("PERSON", "ORG", "GPE") and len(name) == 1 and name.text in surnames:
            key, _label = surnames[name.text]
            return Span(ent.doc, name.start, name.end, label="Person", span_id=key, kb_id=key)
        kind = _UNKNOWN_KINDS.get(ent.label_)
        if kind is None or not any(t.is_alpha for t in name):
            return None
        key = slugify(name.text)
        return Span(ent.doc, name.start, name.end, label=kind, span_id=key, kb_id=key)
