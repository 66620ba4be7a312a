"""Stated intentions under PLOVER: 'will support X' is an AGREE event, 'vowed to attack X' a
THREATEN one (ontology/plover.json `intent_types`), while our own gold keeps them non-facts.

The dyad tests use hand-made predictions; the last two run our own sentences through the real
pipeline, once scored as PLOVER records and once as our own gold records.
"""

from __future__ import annotations

import json

import pytest

from kg.evaluate import NOT_ASSERTED, Dyad, evaluate
from kg.gold import GoldRecord, triple_fact
from kg.model import Article, Entity
from kg.plover import plover_label, plover_report, read_plover, stated_intents

PORTUGAL = Entity("portugal", "Portugal", "State")
TURKEY = Entity("turkiye", "Türkiye", "State")


def dyad(relation: str, polarity: str = "affirmed", modality: str = "planned") -> Dyad:
    fact = polarity == "affirmed" and modality in ("asserted", "reported")
    return Dyad(PORTUGAL, relation, TURKEY, "a sentence", fact, polarity, modality)


def intents(dyads: list[Dyad]) -> list[tuple[str, str | None]]:
    """(PLOVER type, relation the intention is about) of each dyad stated_intents adds."""
    return [(plover_label(d.relation), d.intent_of) for d in stated_intents(dyads)[len(dyads) :]]


# (case, predicted dyads, (PLOVER type, intended relation) of the facts added)
INTENTS = [
    ("will support", [dyad("supports")], [("AGREE", "supports")]),
    ("promised to aid", [dyad("aided")], [("AGREE", "aided")]),
    ("will visit", [dyad("visited")], [("AGREE", "visited")]),
    ("vowed to sanction", [dyad("sanctioned")], [("THREATEN", "sanctioned")]),
    ("might support", [dyad("supports", modality="hypothetical")], []),
    ("will not support", [dyad("supports", polarity="negated")], []),
    ("supported: a fact already", [dyad("supports", modality="asserted")], []),
    ("leader of: no sign", [dyad("leaderOf")], []),
    ("will support and aid: one AGREE", [dyad("supports"), dyad("aided")], [("AGREE", "supports")]),
    ("threatened to attack: the threat is read already",
     [dyad("attacked"), dyad("threatens", modality="asserted")], []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("dyads", "added"), [case[1:] for case in INTENTS], ids=[case[0] for case in INTENTS]
)
def test_an_affirmed_planned_signed_claim_is_a_plover_intent(dyads, added):
    assert intents(dyads) == added


def test_an_intent_keeps_its_claim_and_says_what_it_intends():
    planned = dyad("supports")
    kept, intent = stated_intents([planned])
    assert kept == planned
    assert (intent.fact, intent.relation, str(intent)) == (
        True,
        "agreedWith",
        "Portugal agreedWith Türkiye (stated intent: supports)",
    )


# Our own sentences: (text, PLOVER type, source, target, whether PLOVER scores it)
SENTENCES = [
    ("Portugal will support Turkey's bid to join the union.", "AGREE", "Portugal", "Turkey", True),
    ("Germany promised to send aid to Ukraine.", "AGREE", "Germany", "Ukraine", True),
    ("Portugal might support Turkey's bid to join the union.", "AGREE", "Portugal", "Turkey",
     False),
    ("Portugal will not support Turkey's bid to join the union.", "AGREE", "Portugal", "Turkey",
     False),
    # an intention toward the party of an act no lexicon line names (triggers.jsonl `intent`)
    ("Germany pledged to protect Moldova.", "AGREE", "Germany", "Moldova", True),
    ("Libya offered to hand over the two suspects to Britain.", "AGREE", "Libya", "Britain", True),
    ("Ethiopia agreed to reopen its border with Kenya.", "AGREE", "Ethiopia", "Kenya", True),
    ("Greece is ready to reopen its border with Albania.", "AGREE", "Greece", "Albania", True),
    ("Syria voiced its willingness to open its airspace to Russia.", "AGREE", "Syria", "Russia",
     True),
    ("Turkey may agree to open its ports to Cyprus.", "AGREE", "Turkey", "Cyprus", False),
    ("Egypt did not agree to open its ports to Sudan.", "AGREE", "Egypt", "Sudan", False),
    ("The Serbian president promised to reform Serbia.", "AGREE", "Serbian president", "Serbia",
     False),
]  # fmt: skip


@pytest.fixture(scope="module")
def plover_results(nlp, tmp_path_factory):
    records = [
        {
            "id": f"I-{number}",
            "event": event,
            "text": text,
            "source": [{"actorText": source}],
            "target": [{"actorText": target}],
        }
        for number, (text, event, source, target, _) in enumerate(SENTENCES)
    ]
    path = tmp_path_factory.mktemp("plover") / "intents.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return plover_report(*read_plover(path), nlp).results


@pytest.mark.parametrize("number", range(len(SENTENCES)), ids=[s[0] for s in SENTENCES])
def test_plover_scores_a_stated_intention_only_when_affirmed_and_planned(plover_results, number):
    result = plover_results[number]
    scored = SENTENCES[number][-1]
    assert [f.label for f, _ in result.matched] == (["AGREE"] if scored else [])
    assert result.false == ()


def test_our_own_gold_does_not_count_a_stated_intention(nlp):
    records = [
        GoldRecord(
            f"own-{number}",
            Article(id=f"own-{number}", text=text),
            (triple_fact([source, "supports", target], "test"),),
        )
        for number, (text, _, source, target, _) in enumerate(SENTENCES)
        if "support" in text
    ]
    report = evaluate(records, nlp)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 0, 3)
    assert {cause for r in report.results for _, cause in r.missed} == {NOT_ASSERTED}
