"""`kg eval`: how gold facts are matched and scored, and a floor on the real extraction's score.

The scoring tests use hand-made predictions against hand-made gold records (with the real
gazetteer, which resolves the names); the floor test runs tests/gold through the real pipeline.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import Settings
from kg.errors import CorpusError
from kg.evaluate import (
    FORBIDDEN,
    INVERTED,
    NO_ACTOR,
    NOT_ASSERTED,
    SPURIOUS,
    UNKNOWN_RELATION,
    Dyad,
    Report,
    Score,
    actor_matches,
    affiliations,
    evaluate,
    predicted_dyads,
    score_record,
    tally,
)
from kg.gold import GoldActor, GoldFact, GoldRecord, read_gold, triple_fact
from kg.model import Article, Claim, Entity, Extraction
from kg.plover import plover_label, read_plover
from kg.resolve import load_gazetteer
from kg.scorecard import error_classes, format_reports

GOLD = Path(__file__).parent / "gold"
SEEDS_GOLD = GOLD / "seeds.jsonl"
SENTENCE_GOLD = sorted(p for p in GOLD.glob("*.jsonl") if p != SEEDS_GOLD)

# Floors a few points below what the extraction scores on the sentence files
# (472 records: precision 0.994, recall 0.979, F1 0.987, no forbidden fact).
FLOOR = 0.96
FLOOR_P = 0.98

E = {
    "russia": Entity("russia", "Russia", "State", ("Russian",)),
    "iran": Entity("iran", "Iran", "State", ("Iranian",)),
    "israel": Entity("israel", "Israel", "State"),
    "hamas": Entity("hamas", "Hamas", "Group"),
    "erdogan": Entity("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "Person"),
    "putin": Entity("vladimir-putin", "Vladimir Putin", "Person"),
    "delegation": Entity(
        "russia-defense-delegation-tehran-2024-08-05", "Russian delegation", "Delegation"
    ),
    "tehran": Entity("tehran", "Tehran", "Place"),
}


def dyad(subject: str, relation: str, obj: str, fact: bool = True) -> Dyad:
    return Dyad(E[subject], relation, E[obj], "a sentence", fact)


def dyads(text: str) -> list[Dyad]:
    """'iran|threatens|israel; iran|attacked|israel|hypothetical' -> predicted dyads (E keys)."""
    parts = [t.strip().split("|") for t in text.split(";") if t.strip()]
    return [dyad(p[0], p[1], p[2], fact=len(p) == 3) for p in parts]


def triples(text: str) -> tuple[GoldFact, ...]:
    """'Iran|threatens|Israel; the Kremlin|condemned|*' -> gold facts."""
    parts = [t.strip().split("|") for t in text.split(";") if t.strip()]
    return tuple(triple_fact(p, "test") for p in parts)


def record(expected: str = "", forbidden: str = "") -> GoldRecord:
    return GoldRecord(
        "r", Article(id="r", text="a sentence"), triples(expected), triples(forbidden)
    )


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer(Settings().ontology_dir)


# fmt: off
# (case, expected, forbidden, predicted, (tp, fp, fn), forbidden facts produced)
SCORING = [
    ("exact", "Iran|threatens|Israel", "", "iran|threatens|israel", (1, 0, 0), 0),
    ("symmetric reversed", "Putin|metWith|Erdogan", "", "erdogan|metWith|putin", (1, 0, 0), 0),
    ("directed reversed", "Iran|threatens|Israel", "", "israel|threatens|iran", (0, 1, 1), 0),
    ("metonym", "the Kremlin|condemned|Hamas", "", "russia|condemned|hamas", (1, 0, 0), 0),
    ("capital", "Moscow|supports|Iran", "", "russia|supports|iran", (1, 0, 0), 0),
    ("surname", "Erdogan|metWith|Putin", "", "erdogan|metWith|putin", (1, 0, 0), 0),
    ("delegation", "Russian delegation|delegationOf|Russia", "", "delegation|delegationOf|russia",
     (1, 0, 0), 0),
    ("wrong relation", "Iran|threatens|Israel", "", "iran|attacked|israel", (0, 1, 1), 0),
    ("not asserted", "Iran|attacked|Israel", "", "iran|attacked|israel|hypothetical", (0, 0, 1), 0),
    ("unknown relation", "Iran|sanctionedHard|Israel", "", "", (0, 0, 1), 0),
    ("forbidden", "", "Russia|condemned|*", "russia|condemned|hamas", (0, 1, 0), 1),
    ("'*' relation is not structural", "", "*|*|Russia", "delegation|delegationOf|russia",
     (0, 1, 0), 0),
    ("a place is not scored", "", "", "delegation|locatedIn|tehran", (0, 0, 0), 0),
    ("one prediction, one match", "Iran|threatens|Israel; Iran|threatens|Israel", "",
     "iran|threatens|israel", (1, 0, 1), 0),
    ("nothing said", "", "Iran|attacked|Israel", "", (0, 0, 0), 0),
]
# fmt: on


@pytest.mark.parametrize(
    ("expected", "forbidden", "predicted", "counts", "forbidden_count"),
    [case[1:] for case in SCORING],
    ids=[case[0] for case in SCORING],
)
def test_scoring(gazetteer, expected, forbidden, predicted, counts, forbidden_count):
    gold = record(expected, forbidden)
    result = score_record(gold, dyads(predicted), gazetteer, list(E.values()))
    score = sum(tally([result]).values(), Score())
    assert (score.tp, score.fp, score.fn) == counts
    assert len(result.forbidden) == forbidden_count


def claim(subject: str, relation: str, obj: str, **context) -> Claim:
    return Claim("r", subject, relation, obj, "a sentence", 0, 10, "t", "rule", **context)


def test_an_actor_the_article_ties_to_a_state_stands_for_that_state_code(gazetteer):
    """PLOVER codes "Qatar's emir" QAT: a person the article makes leader of Qatar matches it;
    a former leader, or a leader the article only speculates about, does not."""
    emir = Entity("hamad", "Hamad bin Khalifa", "Person")
    qatar = Entity("qatar", "Qatar", "State")
    extraction = Extraction(
        Article(id="r", text="a sentence"),
        (emir, qatar, E["iran"]),
        (
            claim("hamad", "leaderOf", "qatar"),
            claim("hamad", "memberOf", "iran", modality="hypothetical"),
        ),
    )
    tied = affiliations(extraction)
    assert tied == {"hamad": frozenset({"qatar"})}
    assert actor_matches(GoldActor(("Quatar's emir",), "qatar"), emir, gazetteer, tied)
    assert not actor_matches(GoldActor(("an Iranian",), "iran"), emir, gazetteer, tied)
    assert not actor_matches(GoldActor(("Quatar's emir",), "qatar"), emir, gazetteer)


def test_error_classes_quote_a_sentence_or_only_name_the_record(gazetteer):
    """BENCHMARKS.md lists PLOVER errors by record id: that file's text must not be copied."""
    gold = GoldRecord(
        "PLOVER-X-0001",
        Article(id="p", text="Iran warned Israel."),
        triples("Iran|threatens|Israel"),
    )
    report = Report("t", (score_record(gold, [], gazetteer, list(E.values())),), {})
    ((*_, quoted),) = error_classes(report)
    ((*_, named),) = error_classes(report, quote=False)
    assert "Iran warned Israel." in quoted
    assert named == "PLOVER-X-0001"


# (predicted, expected, cause of the miss)
CAUSES = [
    ("israel|threatens|iran", "Iran|threatens|Israel", INVERTED),
    ("iran|attacked|israel|hypothetical", "Iran|attacked|Israel", NOT_ASSERTED),
    ("", "Iran|sanctionedHard|Israel", UNKNOWN_RELATION),
    ("", "Iran|attacked|Hezbollah", NO_ACTOR),
]


@pytest.mark.parametrize(("predicted", "expected", "cause"), CAUSES)
def test_a_miss_gets_its_cause(gazetteer, predicted, expected, cause):
    result = score_record(record(expected), dyads(predicted), gazetteer, list(E.values()))
    assert [c for _, c in result.missed] == [cause]


@pytest.mark.parametrize(
    ("forbidden", "cause"), [("Russia|condemned|*", FORBIDDEN), ("", SPURIOUS)]
)
def test_a_false_alarm_gets_its_cause(gazetteer, forbidden, cause):
    result = score_record(record("", forbidden), dyads("russia|condemned|hamas"), gazetteer)
    assert [c for _, c in result.false] == [cause]


@pytest.mark.parametrize(
    ("score", "precision", "recall", "f1"),
    [
        (Score(3, 1, 2), 0.75, 0.6, 2 / 3),
        (Score(0, 0, 0), 0.0, 0.0, 0.0),
        (Score(0, 2, 0), 0, 0, 0),
    ],
)
def test_score_measures(score, precision, recall, f1):
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


def test_predicted_dyads_are_facts_first_and_once_per_unordered_symmetric_pair():
    def claim(s, r, o, polarity="affirmed"):
        return Claim("d", s, r, o, "s.", 0, 2, "t", "rule", polarity=polarity)

    extraction = Extraction(
        Article(id="d", text="s."),
        (E["iran"], E["israel"]),
        (
            claim("iran", "attacked", "israel", "negated"),
            claim("iran", "metWith", "israel"),
            claim("israel", "metWith", "iran"),
            claim("iran", "attacked", "israel"),
        ),
    )
    assert [(str(d), d.fact) for d in predicted_dyads(extraction)] == [
        ("Iran metWith Israel", True),
        ("Iran attacked Israel", True),
        ("Iran attacked Israel", False),
    ]


# (gold line, error message part)
BAD_GOLD = [
    ('{"text": "x"}', "'expected' list"),
    ('{"expected": []}', "'text' or 'file'"),
    ('{"text": "x", "expected": [["a", "b"]]}', "[subject, relation, object]"),
    ('{"text": "x", "date": "Monday", "expected": []}', "YYYY-MM-DD"),
    ("[1, 2", "not JSON"),
]


@pytest.mark.parametrize(("line", "message"), BAD_GOLD)
def test_a_bad_gold_line_is_an_error_with_its_place(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "expected": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2") as error:
        read_gold([path])
    assert message in str(error.value)


def test_gold_records_carry_text_date_and_file_articles():
    records = {r.id: r for r in read_gold([GOLD])}
    assert records["rel-001"].article.date == dt.date(2024, 5, 2)
    assert records["seed-002"].article.text.startswith("On Monday")
    assert records["seed-002"].article.date == dt.date(2024, 8, 5)


def test_the_gold_set_covers_what_the_issue_asks():
    records = read_gold(SENTENCE_GOLD)
    relations = {f.label for r in records for f in r.expected}
    assert len(records) >= 150
    assert sum(1 for r in records if not r.expected) >= 40
    assert {
        "alliedWith",
        "metWith",
        "spokeWith",
        "threatens",
        "condemned",
        "supports",
        "attacked",
        "visited",
        "leaderOf",
        "memberOf",
        "delegationOf",
        "mediatesBetween",
        "accused",
        "demanded",
        "rejected",
        "sanctioned",
        "aided",
        "cooperatesWith",
        "agreedWith",
        "protestedAgainst",
        "mobilizedAgainst",
    } <= relations


# --- PLOVER --------------------------------------------------------------------------------------

PLOVER_LIKE = [
    {"id": "P-DOC", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "P-1",
        "event": "THREATEN",
        "date": "2001-02-03",
        "text": "Tokyo warned Seoul.",
        "source": [{"actorText": "Tokyo", "code": "JAP"}],
        "target": [{"actorText": "Seoul", "code": "KOR"}],
    },
    {
        "id": "P-2",
        "event": "FIGHT",
        "text": "Rebels fought the army.",
        "source": [{"actorText": "Rebels", "code": "COL", "sector": "REB"}],
        "target": [{"actorText": "the army", "code": "COL", "sector": "MIL"}],
    },
    {
        "id": "P-3",
        "event": "AGREE",
        "text": "Greek and Turkish officials agreed.",
        "source": [{"actorText": "Greek", "code": "GRC"}, {"actorText": "Turkish", "code": "TUR"}],
        "target": "",
        "textInfo": {"markup": "(SRC/TAR: Greek) and (SRC/TAR: Turkish) officials (EVT: agreed)"},
    },
    {
        "id": "P-4",
        "event": "RETREAT",
        "text": "The troops withdrew.",
        "source": [{"actorText": "troops", "code": "SYR"}],
    },
    {
        "id": "P-5",
        "event": "UNCODED",
        "text": "Syria left Lebanon.",
        "source": [{"actorText": "Syria", "code": "SYR"}],
        "target": [{"actorText": "Lebanon", "code": "LBN"}],
    },
]


@pytest.fixture
def plover_file(tmp_path):
    path = tmp_path / "plover.json"
    path.write_text(json.dumps(PLOVER_LIKE), encoding="utf-8")
    return path


def test_plover_records_become_gold_dyads(plover_file):
    records, coverage = read_plover(plover_file)
    by_id = {r.id: r for r in records}
    assert sorted(by_id) == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    threat = by_id["P-1"].expected[0]
    assert (threat.label, threat.subject.state, threat.object.state) == (
        "THREATEN",
        "japan",
        "south-korea",
    )
    assert "threatens" in threat.relations
    assert "attacked" in by_id["P-2"].expected[0].relations  # FIGHT is equivalent to ASSAULT
    assert [(f.subject.state, f.object.state) for f in by_id["P-3"].expected] == [
        ("greece", "turkiye")
    ]
    assert by_id["P-4"].expected == by_id["P-5"].expected == ()
    assert coverage == {"RETREAT: no target actor": 1, "UNCODED: no relation maps to it": 1}


@pytest.mark.parametrize(
    ("relation", "plover"), [("metWith", "CONSULT"), ("attacked", "ASSAULT"), ("leaderOf", None)]
)
def test_a_relation_is_scored_under_its_plover_type(relation, plover):
    assert plover_label(relation) == plover


# --- the real extraction ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold_report(nlp):
    return evaluate(read_gold(SENTENCE_GOLD), nlp)


def test_gold_set_score_is_above_the_floor(gold_report):
    overall = gold_report.overall
    assert overall.f1 >= FLOOR, format_reports([gold_report], errors=True)
    assert overall.precision >= FLOOR_P, format_reports([gold_report], errors=True)
    assert [str(d) for _, _, d in gold_report.forbidden] == []


def test_seeds_state_every_required_fact_and_no_forbidden_one(nlp):
    report = evaluate(read_gold([SEEDS_GOLD]), nlp)
    assert [str(f) for r in report.results for f, _ in r.missed] == []
    assert [str(d) for _, _, d in report.forbidden] == []


def test_kg_eval_prints_the_scores_as_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {"text": "Sweden condemned Iran.", "expected": [["Sweden", "condemned", "Iran"]]}
        )
        + "\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "kg.cli", "eval", str(gold), "-f", "json", "--errors"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr
    [report] = json.loads(run.stdout)
    assert report["overall"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert report["relations"]["condemned"]["tp"] == 1
    assert report["errors"] == []
