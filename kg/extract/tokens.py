"""One Doc's token attributes as plain lists, read once and shared by kg's components.

Indexing or iterating a Doc builds a Token object, and each of its string attributes is a
look-up: the components' per-token loops (kg_sectors, kg_coref, kg_actors) paid that for every
word to find the few that matter. They test this table first and build Tokens only for those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc

__all__ = ["TokenTable", "token_table"]

_EXTENSION = "kg_tokens"
_ATTRS = (LOWER, LEMMA, POS, TAG, DEP)


@dataclass(frozen=True)
class TokenTable:
    """Column lists indexed by token position; `lemma` is lower-cased, as every rule reads it."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]

    def forms(self, i: int) -> tuple[str, str]:
        """(lemma, lower-cased form) of token i: the two words a word list is tested with."""
        return self.lemma[i], self.lower[i]


# hash -> text (and lemma hash -> lower-cased lemma), for every Doc of the process: a hash names
# the same string in any vocabulary, and asking the StringStore for each token cost as much as
# the table saves.
_TEXT: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


def _texts(column: list[int], texts: dict[int, str], read: Callable[[int], str]) -> list[str]:
    try:
        return list(map(texts.__getitem__, column))
    except KeyError:  # a word this process has not seen yet
        texts.update((value, read(value)) for value in column if value not in texts)
        return list(map(texts.__getitem__, column))


def _read(doc: Doc) -> TokenTable:
    strings = doc.vocab.strings
    columns = doc.to_array(list(_ATTRS)).T.tolist() if len(doc) else [[] for _ in _ATTRS]
    lower, lemma, pos, tag, dep = columns
    text = strings.__getitem__
    return TokenTable(
        _texts(lower, _TEXT, text),
        _texts(lemma, _LOWERED, lambda value: text(value).lower()),
        _texts(pos, _TEXT, text),
        _texts(tag, _TEXT, text),
        _texts(dep, _TEXT, text),
    )


def token_table(doc: Doc) -> TokenTable:
    """The Doc's table, read on first use: the parse is final before kg's components run."""
    if not Doc.has_extension(_EXTENSION):
        Doc.set_extension(_EXTENSION, default=None)
    table = doc._.get(_EXTENSION)
    if table is None:
        table = _read(doc)
        doc._.set(_EXTENSION, table)
    return table
