"""Polarity, modality and attribution of a relation mention, read from the trigger's governors.

Walking up from the trigger through argument edges finds what scopes over it: a negation, a denial
verb, a modal, a speculation or plan word, a reporting verb or "according to". Adjunct phrases
("despite ...", "after ..."), relative clauses, appositions and participle modifiers ("Hamas,
backed by Qatar, rejected ...") are barriers: their governor does not scope; across coordinated
clauses a governor's own negation and auxiliaries do not.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import Lexicon

__all__ = ["Context", "called_on", "denied", "infinitive", "read_context", "subjunctive"]


@dataclass(frozen=True)
class Context:
    polarity: str = "affirmed"
    modality: str = "asserted"
    attribution: str | None = None


def infinitive(token: Token) -> bool:
    """'to protest X': an infinitive (of purpose, when it modifies a clause)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def subjunctive(clause: Token) -> bool:
    """'(insisted that) Iran release ...': a verb with no auxiliary in its base form, which a
    singular subject shows ('Iran release', not 'the rebels release': the tagger's VBP), or a
    past governor ('insisted that NATO troops leave': said in the past, the indicative would be
    'left'; 'are' and 'have' stay statements)."""
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    singular = any(s.tag_ in ("NN", "NNP") for s in subjects)
    past = clause.head.tag_ == "VBD" and clause.lemma_ not in ("be", "have")
    return (
        (clause.tag_ == "VB" or (clause.tag_ == "VBP" and (singular or past)))
        and bool(subjects)
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    )


# Where a description ends: a noun in these roles is an argument of a clause that does not scope
# over what the noun says of its referent ("Serbia's ally Russia rejected ...").
_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "dative")


def _nor(verb: Token) -> bool:
    """'Egypt *neither* condemned *nor* supported Israel': both verbs are denied."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # '..., and Jordan criticized Israel' has a subject of its own
    before = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i]
    return bool(before) and max(before, key=lambda c: c.i).lower_ == "nor"


def _neither(subject: Token) -> bool:
    return any(
        c.dep_ in ("preconj", "det", "cc") and c.lower_ == "neither" for c in subject.children
    )


def _content(clause: Token) -> bool:
    """'the claims that Russia had attacked X', which the parser may make a relative clause: a
    'that' with a subject of its own is a noun's content, not a description of it."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
        c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in clause.children
    )


def _finite(clause: Token) -> bool:
    """A clause with a subject or a 'that', not a participle: 'charges that X had shelled Y'."""
    return any(c.dep_ in ("nsubj", "mark") for c in clause.children)


def _participle(clause: Token) -> bool:
    """'Rejecting the offer, Syria said ...': a present participle with no subject or mark of its
    own, done by the clause's subject while it does the clause's act."""
    return clause.tag_ == "VBG" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children
    )


def _trailing(clause: Token) -> bool:
    """'Iran did not condemn Israel, *accusing* Hamas of ...': a participle after a comma, which
    tells what the whole clause does (its modality, not a plain 'not' of the verb it hangs on)."""
    return _participle(clause) and clause.i > 0 and clause.doc[clause.i - 1].text == ","


def _set_off(participle: Token) -> bool:
    """'India, accusing Pakistan of ..., called off the talks': a participle between commas after
    its noun describes it; the clause around the noun does not scope over it."""
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBG"
        and participle.i > 0
        and participle.doc[participle.i - 1].text == ","
    )


def _governors(
    token: Token, lexicon: Lexicon, description: bool = False
) -> Iterator[tuple[Token, bool, bool, bool]]:
    """Yield the trigger and each governor that scopes over it, with whether its own
    modifiers (neg, aux) count: across a conjunction they belong to the other conjunct; whether
    what it governs is its complement, which a negative verb undoes, not an adjunct ('blocked
    roads *to protest X*', 'boycotted the talks *in protest at X*'); and whether it is the
    setting of the governor's act, which a plan or request word does not make planned ('agreed to
    X's mediation *in the talks* with Y'). A `description` (a relational noun) ends at the
    argument it is part of."""
    yield token, True, True, False
    own, adjunct, setting = True, False, False
    # 'refused to hand over X, *defying* a U.N. demand': a participle after a comma tells what the
    # whole clause does, even where the parser hangs it on the infinitive ('refused' does not
    # undo it)
    trailing = False
    while token.head.i != token.i:
        dep, head = token.dep_, token.head
        if description and dep in _ARGUMENT_DEPS:
            return
        if dep == "prep" and token.lower_ in lexicon["barrier_preps"]:
            return
        if dep == "ccomp" and head.i > token.i and _charge_root(head, lexicon):
            return
        if (
            (dep in ("relcl", "appos") and not _content(token))
            or (dep in ("acl", "amod") and token.tag_ == "VBN" and not _finite(token))
            or _set_off(token)
        ):
            # 'Hamas, (which is) backed by Qatar, rejected ...', 'Hungary, Serbia's ally, blocked
            # ...': a modifier's own claim ('charges that its forces had shelled X' are a
            # noun's content)
            return
        if dep == "advcl" and (infinitive(token) or _participle(token)):
            # 'will strike to protest X': the clause's modality is the purpose's; 'might recall
            # its envoy, accusing X of ...' accuses as surely as it recalls
            own = True
        elif dep in ("advcl", "parataxis") or (dep == "conj" and head.pos_ in ("VERB", "AUX")):
            own = False
        elif dep not in ("conj", "cc"):
            own = True
        # an adjunct stays one up to the clause it modifies ('boycotted the summit in protest',
        # 'violated the truce *by* shelling X': the means)
        if dep == "advcl" and _trailing(token):
            trailing = True
        if dep == "advcl" or (
            dep == "prep"
            and (
                token.lower_ in lexicon["manner_preps"]
                or (token.lower_ == "by" and any(c.dep_ == "pcomp" for c in token.children))
            )
        ):
            adjunct = True
        elif dep in ("xcomp", "ccomp") and not trailing:
            adjunct = False
        if _setting(token, lexicon) or _past_clause(token, lexicon):
            setting = True
        elif dep in ("xcomp", "ccomp"):
            setting = False
        # 'Russia's invasion of X failed (to topple Y)': an act that fails took place ('the deal
        # failed to materialize', '... to take place' did not)
        done = (
            dep == "nsubj"
            and head.pos_ == "VERB"
            and not any(c.dep_ == "xcomp" and _occurrence(c, lexicon) for c in head.children)
        )
        yield head, own, own and not adjunct and not done, setting
        token = head


def _headline_plan(verb: Token, children: list[Token]) -> bool:
    """A headline's bare infinitive with a subject of its own and no finite verb above it:
    'Macron to visit China' (the parser may hang it on the name), 'Israel to strike Iran,
    officials say' are planned."""
    if not infinitive(verb):
        return False
    if verb.dep_ == "relcl":
        # (also on the second name of a headline's list: 'Zelenskiy, Trump to meet in Rome')
        head = verb.head
        listed = (
            head.pos_ == "PROPN" and head.dep_ in ("appos", "conj") and head.head.dep_ == "ROOT"
        )
        return (head.pos_ in ("PROPN", "NOUN") and head.dep_ == "ROOT") or listed
    return verb.dep_ in ("ROOT", "ccomp") and any(c.dep_ == "nsubj" for c in children)


def _charge_root(verb: Token, lexicon: Lexicon) -> bool:
    """'Congo accused Rwanda of X, a charge Kigali denies': the parser may make the charge's
    relative clause the root of the sentence, over the accusation; it speaks of the charge (the
    `accusation_nouns` compounded to its subject), not of whether the accusation was made."""
    return any(
        c.dep_ == "compound" and c.lemma_ in lexicon["accusation_nouns"]
        for s in verb.children
        if s.dep_ == "nsubj"
        for c in s.children
    )


def _occurrence(verb: Token, lexicon: Lexicon) -> bool:
    """A verb that says its subject happens: 'materialize', 'take place', 'go ahead'."""
    phrases = {verb.lemma_, *(f"{verb.lemma_} {c.lower_}" for c in verb.children)}
    return any(p in lexicon["occurrence_verbs"] for p in phrases)


def _setting(prep: Token, lexicon: Lexicon) -> bool:
    """'agreed to X's mediation *in* the talks with Y': a manner preposition on a verb sets the
    scene of its act (after a measure, 'pledged $50 million *in* aid', it names what is pledged,
    wherever the parser hangs it)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in lexicon["manner_preps"]
        and prep.head.pos_ in ("VERB", "AUX")
        and not (
            prep.i
            and prep.doc[prep.i - 1].dep_ == "dobj"
            and prep.doc[prep.i - 1].lemma_ in lexicon.measures()
        )
    )


def _past_clause(clause: Token, lexicon: Lexicon) -> bool:
    """'demanded compensation *after Russia attacked Kyiv*': a clause of what happened
    (`factive_marks`, in the past), which no plan or request of the clause above makes asked
    for ('after Israel attacks', 'after Israel has withdrawn' may be yet to come)."""
    if clause.dep_ != "advcl":
        return False  # (read for every governor of every trigger: the cheap test first)
    past = clause.tag_ == "VBD" or any(
        c.dep_ == "aux" and c.lower_ == "had" for c in clause.children
    )
    return past and any(
        c.dep_ == "mark" and c.lower_ in lexicon["factive_marks"] for c in clause.children
    )


def _future_clause(clause: Token, lexicon: Lexicon) -> str | None:
    """'Xi will raise it *when he meets Biden*', 'would not free them *until Israel halts its
    offensive*': a present tense after a time word, under a clause yet to come (a bare verb
    under 'will', 'would', 'to'), tells of the future: planned, or awaited as a condition. A
    headline's present ('Israel strikes Gaza after Hamas fires rockets') is told as done."""
    if clause.dep_ != "advcl" or clause.head.tag_ != "VB":
        return None
    finite = next((c for c in clause.children if c.dep_ in ("aux", "auxpass")), clause)
    if finite.tag_ not in ("VBZ", "VBP"):
        return None
    marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "advmod")}  # 'when': advmod
    for words, modality in _FUTURE_CLAUSE_MARKS:
        if marks & lexicon[words]:
            return modality
    return None


def _negated(
    token: Token,
    own: bool,
    complement: bool,
    is_trigger: bool,
    lexicon: Lexicon,
    hearsay: bool = False,
) -> bool:
    """A negation of the token, or a denial verb over it as its complement, or a denial noun
    ('rejected' as a trigger is itself the relation, not its denial); a reluctance verb over it
    denies it unless itself negated ('will not hesitate to strike X' strikes). A denial verb
    does not deny the manner of its act ('withdrew its envoy in protest against X' protests) or
    a verb conjoined to it ('rejected X's plan and attacked Y'), and a negated denial verb
    denies nothing ('has not ruled out an attack'); with `hearsay` (above the noun whose content
    the trigger's clause is) a plain negation denies nothing either."""
    denied = _denied(token, own)
    if not is_trigger and token.lemma_ in lexicon["reluctance_verbs"]:
        return not denied
    if complement and not is_trigger and _negative_verb(token, lexicon):
        # 'refused to meet X' denies the meeting; 'has not ruled out an attack', 'did not halt its
        # offensive' do not
        return not denied
    if complement and not is_trigger and _refuted(token, lexicon):
        return not denied  # 'reports that X met Y were false'; '... were not false' deny nothing
    if denied:
        # 'has not commented on reports that X ...' denies nothing of X: only a denial verb over
        # the report does ('denied reports that X ...')
        return not hearsay
    if not is_trigger and token.lemma_ in lexicon["negative_nouns"] and token.pos_ == "NOUN":
        return own  # "Iran's refusal to negotiate with X"
    return False


def _refuted(token: Token, lexicon: Lexicon) -> bool:
    """A copula whose predicate refutes what its subject says: 'reports that X met Y *were
    false*', 'it is *untrue* that X attacked Y'."""
    return token.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in lexicon["refutation_predicates"]
        for c in token.children
    )


def _negative_verb(token: Token, lexicon: Lexicon) -> bool:
    """A verb of `negative_verbs`, with its particle if it needs one ('ruled *out*')."""
    if token.lemma_ not in lexicon["negative_verbs"] or token.pos_ not in ("VERB", "AUX"):
        return False
    particle = lexicon.particles.get(token.lemma_)
    return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def _undenied(token: Token, own: bool, complement: bool, lexicon: Lexicon) -> bool:
    """'has not ruled out an attack', 'did not deny meeting X', 'did not postpone the talks': a
    negated denial (not one of `affirming_negatives`, 'did not halt its offensive') leaves its
    complement possible, neither done nor denied."""
    return (
        complement
        and token.lemma_ not in lexicon["affirming_negatives"]
        and _negative_verb(token, lexicon)
        and _denied(token, own)
    )


def denied(token: Token) -> bool:
    """The token's own negation ('would *not* attack X', '*never* met X')."""
    return _denied(token, True)


def _denied(token: Token, own: bool) -> bool:
    """The token's own negation: 'not', 'no', 'never', 'no longer', 'has yet to', 'neither',
    'neither X nor *Y*' of verbs."""
    if own and token.pos_ in ("VERB", "AUX") and _nor(token):
        return True
    return own and any(
        child.dep_ == "neg"
        or (child.dep_ == "det" and child.lower_ == "no")
        or (child.dep_ == "advmod" and child.lower_ in ("never",))
        # 'India no longer supports X'
        or (
            child.dep_ == "advmod"
            and child.lower_ == "longer"
            and any(g.dep_ == "neg" for g in child.children)
        )
        # 'India has yet to condemn X', 'X is yet to respond'
        or (child.dep_ == "advmod" and child.lower_ == "yet" and token.lemma_ in ("have", "be"))
        # 'Neither France nor Germany condemned X' (not an elided 'neither X nor Y did')
        or (child.dep_ in ("nsubj", "nsubjpass") and _neither(child) and token.lemma_ != "do")
        # 'No Gulf state condemned X', 'Not a single member ...', 'Hardly any government ...',
        # 'None of them ...', 'At no point did China condemn X', 'in no way' (not 'at no cost',
        # 'in no uncertain terms')
        or (child.dep_ in ("nsubj", "nsubjpass") and _none(child))
        or (
            child.dep_ == "prep"
            and any(
                o.dep_ == "pobj"
                and o.lemma_ in ("point", "time", "stage", "moment", "way", "means")
                and _none(o)
                for o in child.children
            )
        )
        for child in token.children
    )


def _none(noun: Token) -> bool:
    """A noun that says no one or nothing: 'no X', 'not a single X', 'hardly any X', 'none'."""
    if noun.lower_ == "none":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ == "no")
        or c.dep_ == "neg"
        or (c.dep_ == "advmod" and c.lower_ in ("hardly", "scarcely", "barely"))
        for c in noun.children
    )


# (dependency of a child, context.json word list, the modality it signals)
_CHILD_MARKERS = (
    ("mark", "conditional_marks", "hypothetical"),
    ("aux", "hypothetical_aux", "hypothetical"),
    ("amod", "hypothetical_modifiers", "hypothetical"),
    ("advmod", "hypothetical_adverbs", "hypothetical"),
    ("aux", "planned_aux", "planned"),
    ("amod", "planned_modifiers", "planned"),
    ("acomp", "schedule_predicates", "planned"),  # 'is due in Moscow for talks with X'
)
# (context.json word list, modality) for a clause in the present after a time word
_FUTURE_CLAUSE_MARKS = (("awaited_marks", "hypothetical"), ("future_time_marks", "planned"))
# (context.json word list, modality) for a governor itself: 'speculation that ...', 'demanded a
# withdrawal' (asked for, not done), 'allowed X to attack' (permitted, not done), 'plans to ...'
_GOVERNOR_WORDS = (
    ("speculation_words", "hypothetical"),
    ("request_words", "hypothetical"),
    ("permission_words", "hypothetical"),
    ("planned_words", "planned"),
)


def _yes_no_question(root: Token) -> bool:
    """A sentence that asks whether its main clause holds: it opens with an auxiliary and ends
    with a question mark ('Did Russia attack Ukraine?'; 'Why did Israel strike Iran?' takes the
    strike as given)."""
    sentence, doc = root.sent, root.doc
    end = sentence.end - 1
    while end > sentence.start and doc[end].is_quote:
        end -= 1
    if doc[end].text != "?":
        return False
    start = sentence.start
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start].pos_ == "AUX"


def called_on(infinitive_clause: Token, lexicon: Lexicon) -> list[Token]:
    """Who is asked to do what the infinitive says: 'called *on Germany* to send tanks',
    'appealed *to Iran* to free X' (not 'called on Monday to ...'); `called_on_verbs` maps each
    verb to its preposition."""
    verb = infinitive_clause.head
    prep = lexicon.lookup("called_on_verbs", verb.lemma_)
    if prep is None or not infinitive(infinitive_clause):
        return []
    return [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == prep and c.i < infinitive_clause.i
        for o in c.children
        if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")
    ]


def _directed(infinitive_clause: Token, lexicon: Lexicon) -> bool:
    """'ordered Hezbollah to attack X', 'goaded X to ...': an act one directs another to do is
    asked of it, not done ('forced X to withdraw', 'persuaded X to ...' are done)."""
    verb = infinitive_clause.head
    return lexicon.matches("directive_verbs", verb.lemma_) and any(
        c.dep_ == "dobj" and c.i < infinitive_clause.i for c in verb.children
    )


def _topic(noun: Token, lexicon: Lexicon) -> bool:
    """'discussed Israel's withdrawal from Sinai', 'the talks focused on Russia's withdrawal': an
    act a verb of `topic_verbs` (or a noun of `topic_nouns`: 'talks on X's withdrawal') takes as
    its topic is talked of, not done; a violent event (`event_types`) that a definite or
    possessive noun names happened ('discussed Russia's attack on a hospital'); 'focused its
    sanctions on X' directs them, no topic."""
    if noun.pos_ != "NOUN":
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ in ("on", "about"):
        verb = verb.head
    elif noun.dep_ != "dobj" or any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return False
    definite = any(c.dep_ == "poss" or c.lower_ == "the" for c in noun.children)
    happened = definite and noun.lemma_.lower() in lexicon.event_types
    # 'talks with X on the withdrawal of Y', also on their light verb: 'held talks ... on ...'
    talks = [verb] if verb.pos_ == "NOUN" else [c for c in verb.children if c.dep_ == "dobj"]
    if noun.dep_ == "pobj" and any(
        lexicon.matches("topic_nouns", t.lemma_.lower(), t.lower_) for t in talks
    ):
        return not happened
    return verb.lemma_ in lexicon["topic_verbs"] and not happened


def _charged(verb: Token, lexicon: Lexicon) -> bool:
    """'Iran attacked Israel, an accusation Tehran denied': a charge (`accusation_nouns`) the
    parser sets after the clause's object makes what the clause says an allegation (one set
    on a verb of saying, 'accused X of Y, a charge X denied', is the charge it makes)."""
    return any(
        c.dep_ == "appos" and c.lemma_ in lexicon["accusation_nouns"]
        for t in verb.children
        if t.dep_ == "dobj"
        for c in t.children
    )


def _pending(copula: Token, lexicon: Lexicon) -> bool:
    """'A deal between X and Y is *close*', '... is *likely*': the predicate of `pending_predicates`
    says its subject has not come about (nor may have: 'the talks were close to collapse' is
    read so too, for a deal 'close to being signed' was not signed)."""
    return any(
        c.dep_ == "acomp" and lexicon.matches("pending_predicates", c.lemma_.lower(), c.lower_)
        for c in copula.children
    )


def _inverted_condition(clause: Token, lexicon: Lexicon) -> bool:
    """A condition stated by putting an auxiliary before the subject: 'Had Israel attacked Iran,
    ...', 'Should Russia attack X, ...', 'Were China to invade X, ...'."""
    if clause.dep_ != "advcl":
        return False
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    openers = [c for c in clause.children if c.dep_ == "aux"] + [clause]
    return bool(subjects) and any(
        o.lower_ in lexicon["inversion_aux"] and o.i < min(subjects) for o in openers
    )


def _modality(
    token: Token,
    own: bool,
    is_trigger: bool,
    lexicon: Lexicon,
    via: str = "",
    hostile: bool = False,
) -> str | None:
    """The modality one governor signals; hypothetical wins over planned ('may plan to'). Its
    word does not scope over its active subject (`via` nsubj, the dependency of what it governs):
    'the truce between X and Y allows aid into Gaza' is a truce made, not permitted; an attempt
    leaves a friendly act undone, not a `hostile` one ('tried to kill X' attacked X); a verb of
    `seeming_verbs` hedges only its infinitive ('Israel appears to have struck X'; 'Putin
    appeared at the summit with Xi' met him)."""
    children = list(token.children) if own else []
    # 'Iran warned it would attack': 'would' in reported speech is a future, not a conditional
    reported_future = token.dep_ == "ccomp" and lexicon.matches(
        "planned_words", token.head.lemma_
    ) | lexicon.matches("reporting_verbs", token.head.lemma_)
    future = [c for c in children if c.dep_ == "aux" and c.lower_ in lexicon["reported_future_aux"]]
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        future = []  # 'X would have invaded Y, a diplomat said': what did not happen, no plan
    if reported_future and future:
        children = [c for c in children if c not in future]
    found = {
        modality
        for dep, words, modality in _CHILD_MARKERS
        if any(c.dep_ == dep and c.lower_ in lexicon[words] for c in children)
    } | ({"planned"} if reported_future and future else set())
    # 'called for Uganda to free X': the clause a request's 'for' introduces is asked for
    asked = token.dep_ == "advcl" and lexicon.matches("request_for_verbs", token.head.lemma_)
    if asked and any(c.dep_ == "mark" and c.lower_ == "for" for c in children):
        found.add("hypothetical")
    # 'insisted that Pakistan recognise Israel': the content of a demand is not done
    if token.dep_ == "ccomp" and lexicon.matches("mandative_verbs", token.head.lemma_):
        found |= {"hypothetical"} if subjunctive(token) else set()
    # 'Israel is to release the prisoners', 'Blinken is set to visit Israel' (not 'set fire to X')
    scheduled = token.lemma_ == "be" or (
        token.tag_ == "VBN" and token.lemma_ in lexicon["schedule_participles"]
    )
    if scheduled and any(c.dep_ == "xcomp" and infinitive(c) for c in children):
        found.add("planned")
    if _headline_plan(token, children):
        found.add("planned")  # 'Macron to visit China', 'US to impose tariffs on Canada'
    if token.dep_ in ("xcomp", "advcl") and called_on(token, lexicon):
        found.add("hypothetical")  # 'called on Russia to withdraw from X' asks it to
    if token.dep_ == "xcomp" and _directed(token, lexicon):
        found.add("hypothetical")  # 'ordered Hezbollah to attack X', 'incited X to ...'
    if (
        token.dep_ == "xcomp"
        and infinitive(token)
        and lexicon.matches("obligation_verbs", token.head.lemma_)
    ):
        found.add("hypothetical")  # 'Syria has to expel Ocalan', 'Israel needs to withdraw'
    if own and token.pos_ == "VERB" and _charged(token, lexicon):
        found.add("hypothetical")  # 'Iran attacked Israel, an accusation Tehran denied'
    if (
        token.dep_ == "pcomp"
        and token.head.lower_ in ("of", "for")
        and lexicon.matches("allegation_verbs", token.head.head.lemma_)
    ):
        found.add("hypothetical")  # 'accused X of provoking Y to attack Z': alleged
    if own and _inverted_condition(token, lexicon):
        found.add("hypothetical")
    if own and (future := _future_clause(token, lexicon)):
        found.add(future)
    if (
        token.dep_ == "acl"
        and infinitive(token)
        and lexicon.matches("attempt_nouns", token.head.lemma_)
    ):
        found.add("planned")  # 'in an effort to mediate between X and Y': tried, not done
    if token.dep_ == "ROOT" and _yes_no_question(token):
        found.add("hypothetical")  # 'Did Russia attack Ukraine?', 'Will China invade Taiwan?'
    # 'claimed responsibility for the attack', 'claimed the attack' admit it, no speculation
    admits = any(
        c.dep_ == "dobj"
        and (
            c.lemma_ in lexicon["responsibility_nouns"]
            or (token.lemma_ in lexicon["claiming_verbs"] and c.lemma_ in lexicon.event_types)
        )
        for c in children
    )
    if via == "nsubj" and token.lemma_ == "be" and _pending(token, lexicon):
        found.add("hypothetical")  # 'a deal between X and Y is close': not made yet
    if not is_trigger and not admits and via != "nsubj":
        forms = (token.lemma_.lower(), token.lower_)
        lists = _GOVERNOR_WORDS if hostile else (*_GOVERNOR_WORDS, ("attempt_words", "planned"))
        found |= {m for words, m in lists if lexicon.matches(words, *forms)}
        if via == "xcomp" and lexicon.matches("seeming_verbs", *forms):
            found.add("hypothetical")
        # 'it is unlikely that X will attack Y': a speculation word as the governor's predicate
        predicates = [c for c in children if c.dep_ == "acomp"]
        if any(
            lexicon.matches("speculation_words", c.lemma_.lower(), c.lower_) for c in predicates
        ):
            found.add("hypothetical")
        if lexicon.matches("request_for_verbs", *forms) and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in token.children
        ):
            found.add("hypothetical")  # 'called for talks with X'
    return next((m for m in ("hypothetical", "planned") if m in found), None)


def _attribution(token: Token, lexicon: Lexicon) -> tuple[bool, str | None]:
    """(reported?, who) from 'according to X', 'X said that ...' or 'reportedly'."""
    for child in token.children:
        if child.lower_ == "according":
            objects = [t for t in child.subtree if t.dep_ == "pobj"]
            named = [t for t in child.subtree if t.ent_type_ and t.pos_ == "PROPN"]
            if named:
                return True, _entity_text(named[0])
            if objects:
                return True, _phrase(objects[0])
        if child.dep_ == "advmod" and child.lower_ in lexicon["reported_adverbs"]:
            return True, None
        if child.dep_ == "parataxis" and not any(
            c.dep_ in ("ccomp", "xcomp", "dobj") for c in child.children
        ):
            # 'X attacked Y, Hamas said, citing witnesses': the parser hangs a bare report on it
            # ('...; Hamas said it would retaliate' reports something else)
            speaker = _speaker(child, lexicon)
            if speaker is not None:
                return True, speaker
    if _said_of(token, lexicon):
        return True, None  # 'Qatar is said to have hosted X': reported, by no one named
    speaker = _speaker(token, lexicon)
    return (True, speaker) if speaker is not None else (False, None)


def _said_of(verb: Token, lexicon: Lexicon) -> bool:
    """A passive reporting verb with an infinitive: 'X is said / reported to have ...' (its
    subject is what is reported on, not who reports)."""
    return (
        verb.lemma_ in lexicon["reporting_verbs"]
        and any(c.dep_ == "nsubjpass" for c in verb.children)
        and any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)
    )


def _speaker(verb: Token, lexicon: Lexicon) -> str | None:
    """Who a reporting verb's named (not pronoun) subject is: 'Hamas said', 'officials told'."""
    if verb.lemma_ not in lexicon["reporting_verbs"] or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return None  # 'wrote off its debt', 'told off the envoy' report nothing
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return _phrase(subjects[0]) if subjects and subjects[0].pos_ != "PRON" else None


def _assessed(verb: Token, lexicon: Lexicon) -> bool:
    """'Analysts say ...', 'according to experts': what commentators (`commentator_nouns`) say
    is their reading of events, not a report of them; a named body's are its report ('UN
    experts said ...', 'according to a UN panel of experts'); so is what a source called
    unconfirmed says ('*unconfirmed* reports said X had been killed', `unconfirmed_modifiers`)."""

    def commentator(noun: Token) -> bool:
        if any(
            c.dep_ == "amod" and c.lower_ in lexicon["unconfirmed_modifiers"] for c in noun.children
        ):
            return True
        # ('Beijing's critics' criticise Beijing: no body of it)
        critics = noun.lemma_.lower() in lexicon["critic_nouns"]
        return noun.lemma_.lower() in lexicon["commentator_nouns"] and (
            critics
            or not any(c.dep_ in ("compound", "poss") and c.ent_type_ for c in noun.children)
        )

    if verb.lemma_ in lexicon["reporting_verbs"] and any(
        c.dep_ == "nsubj" and commentator(c) for c in verb.children
    ):
        return True
    return any(
        commentator(t)
        for c in verb.children
        if c.lower_ == "according"
        for to in c.children
        if to.lower_ == "to"
        for t in to.children
        if t.dep_ == "pobj"
    )


def _entity_text(token: Token) -> str:
    ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    return ent.text.removeprefix("the ").strip(" \"'“”,")


def _phrase(token: Token) -> str:
    """The phrase a source token heads ('a statement carried in Israeli press'), or its entity."""
    if token.ent_type_:
        return _entity_text(token)
    words = list(token.subtree)
    while len(words) > 1 and (words[0].dep_ == "det" or words[0].is_punct):
        words = words[1:]
    return token.doc[words[0].i : words[-1].i + 1].text.strip(" \"'“”,")


def _answered(
    trigger: Token, governor: Token, replies: frozenset[str], named: bool, lexicon: Lexicon
) -> bool:
    """'rejected / denied Egypt's demand': a rejection of a speech act, or of a hostile act a
    name owns (`named`: 'dismissed Turkey's condemnation', 'Japan's protest was rejected'),
    takes it as made; rejecting a friendly act refuses it ('rejected Egypt's aid': no aid)."""
    return (
        governor.i == trigger.head.i
        and trigger.dep_ in ("dobj", "nsubjpass")
        and governor.lemma_ in replies
        and (named or lexicon.matches("speech_act_nouns", trigger.lemma_, trigger.lower_))
    )


def read_context(
    trigger: Token,
    lexicon: Lexicon,
    same: frozenset[str] = frozenset(),
    replies: frozenset[str] = frozenset(),
    description: bool = False,
    hostile: bool = False,
    about: frozenset[str] = frozenset(),
) -> Context:
    """Polarity, modality and attribution of the relation the trigger signals. A governor whose
    lemma is in `same` states that relation itself ('agreed to a deal with X' is the agreement,
    not a plan): like the trigger, it is no plan word (a denial still denies). A governor in
    `replies` with a speech act as its object, or a `hostile` act a name owns, does not deny it
    was made ('rejected X's accusations against Y': X accused Y); such an owned hostile act
    that a verb of `about` takes (a verb that speaks of an event) is not denied by a denial above
    that verb ('refused to condemn Russia's invasion of X': the invasion stands).
    A `description` ("Serbia's ally Russia") is read only up to the clause argument it is part
    of."""
    negated = False
    modality: str | None = None
    reported, attribution = False, None
    hearsay = False  # above a hearsay noun whose content the trigger's clause is ('reports that')
    # 'India refused to condemn Russia's invasion of X': no denial beyond the verb that speaks
    # of a hostile act a name owns denies the act ('there was no sign of Russia's offensive' does)
    named = hostile and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in trigger.children)
    # ... or a definite one a name modifies ('did not protest the U.S. strike on Iraq')
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in trigger.children) and any(
        c.dep_ in ("compound", "amod") and c.ent_type_ for c in trigger.children
    )
    owned = (
        (named or (hostile and definite))
        and trigger.pos_ == "NOUN"
        and trigger.head.lemma_ in about
    )
    below = trigger
    if _topic(trigger, lexicon):
        modality = "hypothetical"  # 'the talks focused on Russia's withdrawal from X'
    for governor, own, complement, setting in _governors(trigger, lexicon, description):
        if (
            governor.pos_ == "NOUN"
            and below.dep_ in ("acl", "relcl")
            and _content(below)
            and lexicon.matches("hearsay_nouns", governor.lemma_.lower(), governor.lower_)
        ):
            hearsay, modality = True, "hypothetical"  # 'amid reports that X attacked Y'
        if (
            governor.pos_ == "ADJ"
            and governor.lemma_ in lexicon["openness_adjectives"]
            and below.dep_ == "prep"
            and below.lower_ == "to"
        ):
            modality = modality or "planned"  # 'is open to talks with X'
        via = below.dep_ if below.head.i == governor.i and below.i != governor.i else ""
        # 'did not condemn X, accusing Y of ...': the 'not' is the verb's, the accusation made
        plain = own and not (via == "advcl" and _trailing(below))
        below = governor
        # only a denial by the verb that takes an owned act ('called off Israel's offensive')
        # denies it
        beyond = owned and governor.i not in (trigger.i, trigger.head.i)
        # ... and by its meaning, not a plain 'not': 'China did not condemn Russia's invasion'
        spoken = owned and governor.i == trigger.head.i and not _negative_verb(governor, lexicon)
        if not (beyond or spoken) and not _answered(trigger, governor, replies, named, lexicon):
            is_trigger = governor.i == trigger.i
            negated = negated or _negated(governor, plain, complement, is_trigger, lexicon, hearsay)
        itself = governor.i == trigger.i or governor.lemma_ in same
        found = _modality(governor, own, itself or setting, lexicon, via, hostile)
        if not itself and _undenied(governor, own, complement, lexicon):
            found = "hypothetical"
        if found == "hypothetical" or (found and modality is None):
            modality = found
        if not reported:
            reported, attribution = _attribution(governor, lexicon)
        if _assessed(governor, lexicon):
            modality = "hypothetical"  # 'analysts say X attacked Y': a view, no report
    if modality is None:
        modality = "reported" if reported else "asserted"
    return Context("negated" if negated else "affirmed", modality, attribution)
