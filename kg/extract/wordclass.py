"""Word classes the small model gets wrong where the parse shows what the word is.

`WordClassFixer` (the `kg_word_classes` component, right after the model, before kg's token table
is read) corrects the lemmas the model gets wrong (`lemma_corrections`: 'staged' -> 'stage',
'raped' -> 'rape', not 'rap') and two tags and one dependency label the relation patterns depend
on:

- a word of a noun trigger line that the tagger reads as a gerund where the parser makes it a
  noun phrase ('*Fighting* between X and Y continued'): a noun, with the word as its lemma;
- a `guest_participles` word right after a form of `guest_hosts` ('Mubarak received *visiting*
  minister Peres'): an adjective describing the guest, not a visit of the host's;
- an infinitive the parser hangs on a verb of `infinitive_verbs` as a clause of purpose once an
  adverbial comes between them ('Iraq threatened *on Tuesday* to attack Kuwait'): the verb's
  complement (xcomp), as it is without the adverbial.

The tokens are found with one array read per Doc: spaCy's attribute_ruler, which could set them
too, runs its Matcher over every token, and such patterns cost it about 0.6 ms a document.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import DEP, LOWER, TAG
from spacy.strings import hash_string
from spacy.symbols import IDS
from spacy.tokens import Doc, Token

from ..lexicon import Lexicon

__all__ = ["WordClassFixer"]

# Dependencies of a gerund used as a noun ('*Fighting* between X and Y continued').
_NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _main_verb(verb: Token) -> None:
    """'The Saudi-led coalition bombed Yemen': after '-led' the parser reads the verb as a
    participle describing the noun it makes the sentence's root; a participle takes no direct
    object, so the verb is the main verb and the noun its subject."""
    noun = verb.head
    if (
        noun.dep_ != "ROOT"
        or noun.pos_ not in ("NOUN", "PROPN")
        or verb.tag_ not in ("VBN", "VBD")
        or not any(c.dep_ == "dobj" for c in verb.children)
    ):
        return
    verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
    noun.head, noun.dep_ = verb, "nsubj"


class WordClassFixer:
    """Set POS, TAG (and a gerund's lemma) where the tagger and the parser disagree."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.gerunds = frozenset(
            word
            for t in lexicon.triggers
            if t.pos == "NOUN"
            for word in t.lemmas
            if word.endswith("ing")
        )
        self.hosts = lexicon["guest_hosts"]
        self.guests = lexicon["guest_participles"]
        self.lemmas = dict(lexicon.tables["lemma_corrections"])
        # string hashes are the same in every vocabulary: computed once, not per Doc
        self.words = np.array([hash_string(w) for w in self.gerunds | self.guests], dtype="uint64")
        self.misread = np.array([hash_string(w) for w in self.lemmas], dtype="uint64")
        self.gerund_tag = hash_string("VBG")
        self.complement_heads = lexicon["infinitive_verbs"]
        # a dependency label is its symbol's id, not a string hash
        self.advcl, self.base_tag = IDS["advcl"], hash_string("VB")
        self.acl = IDS["acl"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lower, tag, dep = doc.to_array([LOWER, TAG, DEP]).T
        for i in np.flatnonzero(np.isin(lower, self.misread)).tolist():
            token = doc[i]
            token.lemma_ = self.lemmas[token.lower_]
        for i in np.flatnonzero((dep == self.advcl) & (tag == self.base_tag)).tolist():
            if self._complement(doc[i]):
                doc[i].dep_ = "xcomp"
        for i in np.flatnonzero(dep == self.acl).tolist():
            _main_verb(doc[i])
        candidates = np.flatnonzero(np.isin(lower, self.words) & (tag == self.gerund_tag))
        for i in candidates.tolist():
            token = doc[i]
            if token.lower_ in self.gerunds and token.dep_ in _NOMINAL_DEPS:
                token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", token.lower_
            elif token.lower_ in self.guests and i and doc[i - 1].lower_ in self.hosts:
                token.pos_, token.tag_ = "ADJ", "JJ"
        return doc

    def _complement(self, verb: Token) -> bool:
        """'threatened on Tuesday *to attack* X': a bare infinitive with no subject or mark of its
        own ('called for X to leave' has both) under a verb whose infinitive is its complement."""
        head = verb.head
        return (
            head.i != verb.i
            and head.pos_ == "VERB"
            and head.lemma_ in self.complement_heads
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)
        )
