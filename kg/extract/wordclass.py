"""Word classes the small model gets wrong where the parse shows what the word is.

`WordClassFixer` (the `kg_word_classes` component, right after the model, before kg's token table
is read) corrects the lemmas the model gets wrong (`lemma_corrections`: 'staged' -> 'stage',
'raped' -> 'rape', not 'rap') and the tags and attachments the relation patterns depend on:

- a word of a noun trigger line that the tagger reads as a gerund where the parser makes it a
  noun phrase ('*Fighting* between X and Y continued'): a noun, with the word as its lemma;
- a `guest_participles` word right after a form of `guest_hosts` ('Mubarak received *visiting*
  minister Peres'): an adjective describing the guest, not a visit of the host's;
- an infinitive the parser hangs on a verb of `infinitive_verbs` as a clause of purpose once an
  adverbial comes between them ('Iraq threatened *on Tuesday* to attack Kuwait'), or on the noun
  of the verb's setting ('Hamas vowed *in a statement* to attack X'): the verb's complement
  (xcomp), as it is without the adverbial;
- a verb the parser reads after '-led' as a participle of the sentence's root noun ('The
  Saudi-led coalition *bombed* Yemen'): with a direct object it is the main verb, the noun its
  subject;
- a sentence that ends in an object-first relative ('Russia accused Ukraine of X, *a charge
  Kyiv denied*'), which the parser reads as a clause the last verb governs ('Kyiv denied that
  Russia accused ...'): the first clause is the sentence, the last verb a relative clause of
  its noun;
- a preposition right after a bare event noun of a manner phrase, which the parser hangs on the
  verb ('recalled its ambassador in protest *at* X's policies'): the noun's, as a noun trigger
  line reads it;
- a subject the parser hangs on an auxiliary ('Egypt and Qatar *are* mediating between X and
  Y'): the subject of the verb the auxiliary serves;
- a noun the parser reads as an infinitive, 'to' its auxiliary ('Iran agreed *to talks* with
  X'): the object of the preposition 'to' on the verb;
- a name the parser reads as an object predicate, or as an adverbial right after the verb,
  with no object before it ('Macron called *Putin* on Friday', 'Yoon visited *Washington*'):
  the verb's direct object;
- a participle with its agent set off by commas right after the subject ('Israel, *aided* by
  the US, intercepted ...'), which the parser hangs on the verb as a clause, or makes the root
  with the verb its conjunct ('Israel, *helped* by the US, shot down ...', which would make the
  US the shooter): a participle describing the subject;
- a coordinated verb with no subject right after a coordinated noun ('Russia attacked Ukraine
  and *Belarus condemned* Poland', which the parser reads as 'attacked Ukraine and Belarus and
  condemned Poland'): the noun is the verb's subject, not a second object.

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


def _fronted_object(root: Token, charges: frozenset[str], speech: frozenset[str]) -> None:
    """'Russia accused Ukraine of X, a charge Kyiv denied': a clause that makes a charge (its verb
    one of `speech`, the reporting and allegation verbs), then the charge (one of
    `accusation_nouns`), then the root is a relative clause on the charge ('a charge (that) Kyiv
    denied'), whether the parser makes the charge its object or its subject with the name in
    apposition; the clause before it is the sentence. ('Iran attacked X, an accusation Tehran
    denied' keeps the denial over the attack.)"""
    clause = next(
        (c for c in root.children if c.dep_ == "ccomp" and c.i < root.i and c.lemma_ in speech),
        None,
    )
    noun = next(
        (
            c
            for c in root.children
            if c.dep_ in ("dobj", "nsubj") and c.lemma_ in charges and c.i < root.i
        ),
        None,
    )
    if clause is None or noun is None or clause.i > noun.i:
        return
    names = [c for c in noun.children if c.dep_ == "appos" and c.i > noun.i]
    clause.head, clause.dep_ = clause, "ROOT"
    noun.head, noun.dep_ = clause, "appos"
    root.head, root.dep_ = noun, "relcl"
    for name in names:  # 'a charge Ukraine denied', read as 'a charge, Ukraine, denied'
        name.head, name.dep_ = root, "nsubj"


def _aux_subject(subject: Token) -> None:
    """'Egypt and Qatar are mediating ...': a subject hung on an auxiliary is its verb's."""
    aux = subject.head
    if aux.dep_ in ("aux", "auxpass") and aux.head.i != aux.i:
        subject.head = aux.head


def _to_noun(noun: Token) -> None:
    """'Iran agreed to talks with X': a noun complement with 'to' as its auxiliary is the object
    of the preposition 'to' on the verb (an infinitive is a verb)."""
    to = next((c for c in noun.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or noun.pos_ != "NOUN":
        return
    to.head, to.dep_, to.pos_, to.tag_ = noun.head, "prep", "ADP", "IN"
    noun.head, noun.dep_ = to, "pobj"


def _manner_object(
    prep: Token, objects: dict[str, frozenset[str]], measures: frozenset[str]
) -> None:
    """'recalled its ambassador in protest at X's policies': the preposition right after the bare
    noun of a manner phrase ('in protest') that a noun trigger line takes with it is the noun's,
    wherever the parser hangs it ('pledged $50 million in aid to X' measures, no manner)."""
    doc = prep.doc
    if prep.i + 2 >= len(doc) or prep.i == 0 or doc[prep.i - 1].lemma_ in measures:
        return
    noun, after = doc[prep.i + 1], doc[prep.i + 2]
    if (
        noun.head.i == prep.i
        and noun.dep_ == "pobj"
        and noun.n_lefts + noun.n_rights == 0
        and after.dep_ == "prep"
        and after.head.i != noun.i
        and after.lower_ in objects.get(noun.lemma_, ())
    ):
        after.head = noun


def _named_object(name: Token) -> None:
    """'Macron called Putin on Friday', 'Yoon visited Washington': a name as object predicate,
    or as an adverbial right after it, of an active verb that has no direct object names no
    quality or time of one; it is the object."""
    verb = name.head
    if name.dep_ == "npadvmod" and (name.i != verb.i + 1 or name.ent_type_ in ("", "DATE", "TIME")):
        return
    if (
        name.pos_ == "PROPN"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        name.dep_ = "dobj"


def _participle_aside(participle: Token) -> None:
    """'Israel, helped by the US, shot down X': a passive participle with an agent, between
    commas right after its verb's subject, describes the subject; the verb the parser made its
    conjunct (or whose clause it made it) is the main verb."""
    doc = participle.doc
    agent = next((c for c in participle.children if c.dep_ == "agent"), None)
    if agent is None:
        return
    if participle.dep_ == "ROOT":
        verb = next((c for c in participle.children if c.dep_ == "conj"), None)
        holder = participle
    else:
        verb = participle.head if participle.dep_ == "advcl" else None
        holder = verb
    subject = next((c for c in holder.children if c.dep_ == "nsubj"), None) if holder else None
    end = agent.right_edge.i + 1  # the comma that closes the aside
    if (
        verb is None
        or subject is None
        or verb.pos_ != "VERB"
        or participle.i != subject.right_edge.i + 2
        or doc[subject.right_edge.i + 1].text != ","
        or end >= verb.i
        or doc[end].text != ","
    ):
        return
    if participle.dep_ == "ROOT":
        for child in list(participle.children):
            if child.i >= end and child.i != verb.i:
                child.head = verb  # the comma and the final stop
        verb.head, verb.dep_ = verb, "ROOT"
    subject.head = verb
    participle.head, participle.dep_ = subject, "acl"


_FINITE = ("VBD", "VBZ", "VBP")


def _own_subject(verb: Token) -> None:
    """'Russia attacked Ukraine and Belarus condemned Poland': a finite verb coordinated with
    another takes no subject from it when a noun coordinated inside that verb's clause ends right
    before it; that noun is its subject (a shared subject would need 'and' between them)."""
    first = verb.head
    if (
        verb.tag_ not in _FINITE
        or first.pos_ != "VERB"
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    ):
        return
    noun: Token | None = verb.doc[verb.i - 1] if verb.i > first.i + 1 else None
    while noun is not None and noun.dep_ != "conj" and noun.head.i != noun.i:
        noun = noun.head if noun.head.right_edge.i == verb.i - 1 else None
    if (
        noun is None
        or noun.head.i == verb.i
        or noun.pos_ not in ("PROPN", "NOUN")
        or noun.head.pos_ not in ("PROPN", "NOUN")
    ):
        return
    conjunction = [c for c in noun.head.children if c.dep_ == "cc" and c.i < noun.i]
    noun.head, noun.dep_ = verb, "nsubj"
    for word in conjunction:
        word.head = first


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
        self.heads = lexicon["infinitive_verbs"]
        self.charges = lexicon["accusation_nouns"]
        self.speech = lexicon["reporting_verbs"] | lexicon["allegation_verbs"]
        # a dependency label is its symbol's id, not a string hash
        self.advcl, self.acl, self.conj = IDS["advcl"], IDS["acl"], IDS["conj"]
        self.xcomp, self.nsubj = IDS["xcomp"], IDS["nsubj"]
        self.predicates = np.array([IDS["oprd"], IDS["npadvmod"]], dtype="uint64")
        self.manner = np.array([hash_string(w) for w in lexicon["manner_preps"]], dtype="uint64")
        preps: dict[str, set[str]] = {}
        for line in lexicon.triggers:
            if line.pos == "NOUN":
                for lemma in line.lemmas:
                    preps.setdefault(lemma, set()).update(line.preps)
        self.noun_preps = {lemma: frozenset(p) for lemma, p in preps.items()}
        self.measures = lexicon.measures()
        self.root = hash_string("ROOT")  # no symbol: the label's string hash
        self.base_tag, self.participle = hash_string("VB"), hash_string("VBN")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lower, tag, dep = doc.to_array([LOWER, TAG, DEP]).T
        for i in np.flatnonzero(np.isin(lower, self.misread)).tolist():
            token = doc[i]
            token.lemma_ = self.lemmas[token.lower_]
        clauses = np.isin(dep, (self.advcl, self.acl)) & (tag == self.base_tag)
        for i in np.flatnonzero(clauses).tolist():
            governor = self._governor(doc[i])
            if governor is not None:
                doc[i].head, doc[i].dep_ = governor, "xcomp"
        for i in np.flatnonzero(dep == self.acl).tolist():
            _main_verb(doc[i])
        for i in np.flatnonzero(tag == self.participle).tolist():
            _participle_aside(doc[i])
        for i in np.flatnonzero(dep == self.conj).tolist():
            _own_subject(doc[i])
        for i in np.flatnonzero(dep == self.xcomp).tolist():
            _to_noun(doc[i])
        for i in np.flatnonzero(dep == self.nsubj).tolist():
            _aux_subject(doc[i])
        for i in np.flatnonzero(np.isin(dep, self.predicates)).tolist():
            _named_object(doc[i])
        for i in np.flatnonzero(np.isin(lower, self.manner)).tolist():
            _manner_object(doc[i], self.noun_preps, self.measures)
        for i in np.flatnonzero(dep == self.root).tolist():
            _fronted_object(doc[i], self.charges, self.speech)
        candidates = np.flatnonzero(np.isin(lower, self.words) & (tag == self.gerund_tag))
        for i in candidates.tolist():
            token = doc[i]
            if token.lower_ in self.gerunds and token.dep_ in _NOMINAL_DEPS:
                token.pos_, token.tag_, token.lemma_ = "NOUN", "NN", token.lower_
            elif token.lower_ in self.guests and i and doc[i - 1].lower_ in self.hosts:
                token.pos_, token.tag_ = "ADJ", "JJ"
        return doc

    def _governor(self, verb: Token) -> Token | None:
        """The verb whose complement a bare infinitive with no subject or mark of its own ('called
        for X to leave' has both) is: 'threatened on Tuesday *to attack* X' (hung on the verb as
        a clause of purpose), 'vowed in a statement *to attack* X' (hung on the noun of the
        verb's setting, 'in' or 'at', as its clause)."""
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children
        ):
            return None
        head = verb.head
        if verb.dep_ == "acl" and head.dep_ == "pobj" and head.head.lower_ in ("in", "at"):
            head = head.head.head  # the noun, its preposition, the verb it hangs on
            if any(c.dep_ == "xcomp" for c in head.children):
                return None
        complement = head.i != verb.i and head.pos_ == "VERB" and head.lemma_ in self.heads
        return head if complement else None
