"""The token table kg's components share: the same attributes the Tokens give, read once."""

from __future__ import annotations

import pytest

from kg.extract.tokens import token_table

TEXTS = [
    "The Sudanese Rebels attacked Istanbul.",
    "Officials said he MET them in the U.S. on Tuesday.\nİzmir's mayor resigned.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_table_holds_what_each_token_says(nlp, text):
    doc = nlp(text)
    table = token_table(doc)
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert all(table.forms(t.i) == (t.lemma_.lower(), t.lower_) for t in doc)


def test_table_is_read_once_per_doc(nlp):
    doc = nlp("Iran threatened Israel.")
    assert token_table(doc) is token_table(doc)
    assert token_table(nlp("Iran threatened Israel.")) is not token_table(doc)
