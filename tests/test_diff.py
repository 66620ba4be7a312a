"""`kg diff`: relationships that appeared, disappeared or changed sign between two graphs, or
since a date, each with the sentence of its newest supporting statement."""

from __future__ import annotations

import csv
import io
import json

import pytest
from clirun import assert_one_error_line, kg
from test_support import THREE_REPORTS, report

from kg.diff import APPEARED, CHANGED_SIGN, DISAPPEARED, Change, compare, diff, diff_since, table
from kg.errors import QueryError
from kg.export import write_graph
from kg.graph import build_graph
from kg.ingest import add_extraction
from kg.query import format_result
from kg.store import open_store


def rows(changes: list[Change]) -> list[tuple]:
    """The changes as (kind, subject, before, after, object, support)."""
    return [(c.kind, c.subject, c.before, c.after, c.object, c.support) for c in changes]


MET = report("m", 0, "AP", ("iran", "metWith", "qatar", {}))  # 4 August
THREATS = [report(f"t{n}", n, "AP", ("iran", "threatens", "qatar", {})) for n in (1, 2)]
SUPPORT = report("s", 3, "AFP", ("qatar", "supports", "iran", {}))  # 7 August


def test_a_new_relationship_appeared_with_its_sentence_document_and_date():
    (change,) = diff(build_graph([MET]), build_graph([MET, SUPPORT]))
    assert rows([change]) == [(APPEARED, "Qatar", (), ("supports",), "Iran", 1)]
    assert change.sentence == "qatar supports iran"
    assert (change.document, change.date.isoformat()) == ("s", "2024-08-07")


def test_a_relationship_no_longer_there_disappeared_citing_the_old_graph():
    (change,) = diff(build_graph([MET, SUPPORT]), build_graph([MET]))
    assert rows([change]) == [(DISAPPEARED, "Qatar", ("supports",), (), "Iran", 1)]
    assert (change.sentence, change.document) == ("qatar supports iran", "s")


def test_met_with_then_threatens_is_one_changed_sign_row():
    (change,) = diff(build_graph([MET]), build_graph(THREATS))
    assert rows([change]) == [(CHANGED_SIGN, "Iran", ("met with",), ("threatens",), "Qatar", 2)]
    assert (change.document, change.date.isoformat()) == ("t2", "2024-08-06")  # the newest


# (old reports, new reports, rows): the net sign of a pair is its relations' signs x support
SIGNS = [
    pytest.param(
        [MET],
        [MET, *THREATS],
        [(CHANGED_SIGN, "Iran", ("met with",), ("met with", "threatens"), "Qatar", 2)],
        id="two threats outweigh one meeting",
    ),
    pytest.param(
        [MET, report("m2", 1, "AP", ("qatar", "metWith", "iran", {}))],
        [MET, report("m2", 1, "AP", ("qatar", "metWith", "iran", {})), THREATS[0]],
        [(APPEARED, "Iran", (), ("threatens",), "Qatar", 1)],
        id="one threat against two meetings: still friendly",
    ),
    pytest.param(
        [MET],
        [MET, report("l", 1, "AP", ("iran", "leaderOf", "qatar", {}))],
        [(APPEARED, "Iran", (), ("leader of",), "Qatar", 1)],
        id="a relation without a sign",
    ),
    pytest.param(
        THREATS,
        [MET],
        [(CHANGED_SIGN, "Iran", ("threatens",), ("met with",), "Qatar", 1)],
        id="back to friendly",
    ),
    pytest.param([MET, *THREATS], [MET, *THREATS], [], id="the same graph"),
]


@pytest.mark.parametrize(("old", "new", "expected"), SIGNS)
def test_changes_of_sign(old, new, expected):
    assert rows(diff(build_graph(old), build_graph(new))) == expected


def test_diff_since_compares_the_day_before_with_now():
    graph = build_graph([*THREE_REPORTS, SUPPORT])  # threats on 4, 6 and 9 August
    assert rows(diff_since(graph, "2024-08-07")) == [
        (APPEARED, "Qatar", (), ("supports",), "Iran", 1)
    ]
    assert rows(diff_since(graph, "2024-08-04")) == [
        (APPEARED, "Iran", (), ("threatens",), "Israel", 3),
        (APPEARED, "Qatar", (), ("supports",), "Iran", 1),
    ]
    assert diff_since(graph, "2024-08-10") == []


@pytest.mark.parametrize(
    ("new", "since", "message"),
    [
        (None, None, "exactly one of them"),
        ("x.ttl", "2024-08-05", "exactly one of them"),
        (None, "last week", "since must be a date"),
    ],
)
def test_compare_takes_a_second_graph_or_a_date(tmp_path, new, since, message):
    with pytest.raises(QueryError, match=message):
        compare(tmp_path / "missing.ttl", new, since)


def test_each_format_has_the_columns():
    changes = diff(build_graph([MET]), build_graph([MET, SUPPORT]))
    (row,) = json.loads(format_result(table(changes), "json"))
    assert row == {
        "change": "appeared",
        "subject": "Qatar",
        "before": "",
        "after": "supports",
        "object": "Iran",
        "support": 1,
        "sentence": "qatar supports iran",
        "document": "s",
        "date": "2024-08-07",
    }
    (parsed,) = csv.DictReader(io.StringIO(format_result(table(changes), "csv")))
    assert parsed == {k: str(v) for k, v in row.items()}
    assert "qatar supports iran" in format_result(table(changes), "table")


def test_a_store_is_compared_in_memory(tmp_path):
    with open_store(tmp_path / "store", writable=True, create=True) as store:
        for extraction in (MET, SUPPORT):
            add_extraction(store, extraction)
    assert rows(compare(tmp_path / "store", since="2024-08-07")) == [
        (APPEARED, "Qatar", (), ("supports",), "Iran", 1)
    ]


# --- the command line ------------------------------------------------------------------------


def test_kg_diff_two_graph_files(tmp_path):
    old = write_graph(build_graph([MET]), tmp_path / "old.ttl")
    new = write_graph(build_graph(THREATS), tmp_path / "new.nt")
    run = kg("diff", old, new, "-f", "json")
    assert run.returncode == 0, run.stderr
    (row,) = json.loads(run.stdout)
    assert (row["change"], row["before"], row["after"]) == ("changed sign", "met with", "threatens")


def test_kg_diff_since_on_the_seeds(seed_graph, tmp_path):
    path = write_graph(seed_graph, tmp_path / "seeds.ttl")
    run = kg("diff", path, "--since", "2024-08-05", "-f", "csv")
    assert run.returncode == 0, run.stderr
    found = list(csv.DictReader(io.StringIO(run.stdout)))
    assert {r["change"] for r in found} == {"appeared"}
    assert {r["document"] for r in found} == {"seed-002"}
    threat = [
        r
        for r in found
        if (r["subject"], r["after"], r["object"]) == ("Iran", "threatens", "Israel")
    ]
    assert threat and "retaliation attack on Israel" in threat[0]["sentence"]
    table_run = kg("diff", path, "--since", "2024-08-05")
    assert table_run.returncode == 0 and "Iran" in table_run.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{g}"], 6, "exactly one of them"),
        (["{g}", "{g}", "--since", "2024-08-05"], 6, "exactly one of them"),
        (["{g}", "--since", "monday"], 6, "since must be a date"),
        (["{g}", "{tmp}/missing.ttl"], 5, "no such graph file"),
    ],
    ids=["neither", "both", "bad date", "missing graph"],
)
def test_kg_diff_errors_are_one_line(tmp_path, args, code, message):
    graph = write_graph(build_graph([MET]), tmp_path / "g.ttl")
    filled = [a.format(g=graph, tmp=tmp_path) for a in args]
    assert message in assert_one_error_line(kg("diff", *filled), code)
