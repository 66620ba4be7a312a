"""Time slices: the graph as it stood on a date (--as-of), or as a window of dates reported it.

Statements dated outside the window are left out, and so are the direct edges, counts, outlets and
dates only they support, and the actors only later documents name; undated statements are in no
slice. Hand-made extractions: THREE_REPORTS (tests/test_support.py) are dated 4, 6 and 9 August.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from clirun import assert_one_error_line, kg
from rdflib import Literal
from test_support import IRAN, ISRAEL, THREAT, THREE_REPORTS, relationship, report

from kg.errors import QueryError
from kg.export import write_graph
from kg.graph import build_graph
from kg.ingest import add_extraction
from kg.model import Article, Claim, Entity, Extraction
from kg.store import open_store
from kg.support import read_supports
from kg.timeslice import Window, open_slice, time_slice, window
from kg.validate import validate
from kg.view_data import select, selection
from kg.vocab import AKG, RDF, actor_iri, doc_iri

SUPPORTS = (actor_iri("qatar"), AKG.supports, actor_iri("iran"))
LATER = report("d", 3, "AFP", ("qatar", "supports", "iran", {}))  # 7 August


def day(n: int) -> dt.date:
    return dt.date(2024, 8, n)


@pytest.fixture(scope="module")
def graph():
    return build_graph([*THREE_REPORTS, LATER])


def test_as_of_leaves_out_later_statements_the_edges_only_they_make_and_their_counts(graph):
    sliced = time_slice(graph, window(as_of="2024-08-06"))
    found = relationship(sliced)
    assert found["count"] == Literal(2)
    assert found["documents"] == Literal(2)
    assert found["outlets"] == {"Reuters", "AP"}
    assert found["last"].toPython() == day(6)
    assert SUPPORTS not in sliced
    assert not list(sliced.subjects(AKG.relation, AKG.supports))
    assert {s.document for s in read_supports(sliced)} == {doc_iri("a"), doc_iri("b")}
    for later in ("c", "d"):  # neither the documents nor anything about them
        assert not list(sliced.triples((doc_iri(later), None, None)))
        assert not list(sliced.triples((None, None, doc_iri(later))))
    assert validate(sliced).conforms


# (window, threat support count or None for no edge, first and last report day)
WINDOWS = [
    (Window(until=day(4)), 1, 4, 4),
    (Window(until=day(5)), 1, 4, 4),
    (Window(since=day(6)), 2, 6, 9),
    (Window(since=day(5), until=day(8)), 1, 6, 6),
    (Window(since=day(9), until=day(9)), 1, 9, 9),
    (Window(since=day(10)), None, None, None),
    (Window(until=day(3)), None, None, None),
    (Window(), 3, 4, 9),
]


@pytest.mark.parametrize(("span", "count", "first", "last"), WINDOWS, ids=repr)
def test_a_window_keeps_the_statements_dated_inside_it(graph, span, count, first, last):
    sliced = time_slice(graph, span)
    found = relationship(sliced)
    if count is None:
        assert THREAT not in sliced and found["count"] is None
        return
    assert THREAT in sliced
    assert found["count"] == Literal(count)
    assert (found["first"].toPython(), found["last"].toPython()) == (day(first), day(last))


def test_a_slice_of_the_whole_span_is_the_graph(graph):
    assert set(time_slice(graph, Window(since=day(1), until=day(31)))) == set(graph)


def test_the_statements_own_date_wins_over_its_documents():
    # published 8 August about a threat made on 1 August
    late = report("late", 4, "AP", ("iran", "threatens", "israel", {"date": day(1)}))
    graph = build_graph([late])
    kept = time_slice(graph, window(as_of="2024-08-02"))
    assert relationship(kept)["count"] == Literal(1)
    assert list(kept.triples((doc_iri("late"), None, None)))  # its statement is in the slice
    assert THREAT not in time_slice(graph, window(since="2024-08-02"))


def test_statements_that_are_not_facts_are_sliced_too():
    graph = build_graph(
        [
            report("a", 0, "AP", ("iran", "threatens", "israel", {})),
            report("b", 5, "AP", ("iran", "attacked", "israel", {"polarity": "negated"})),
        ]
    )
    sliced = time_slice(graph, window(as_of="2024-08-05"))
    assert not list(sliced.subjects(RDF.predicate, AKG.attacked))
    assert list(sliced.subjects(RDF.predicate, AKG.threatens))


def _undated() -> Extraction:
    return Extraction(
        Article("u", "text"),
        (IRAN, ISRAEL),
        (Claim("u", "iran", "condemned", "israel", "Iran condemned Israel.", 0, 9, "t", "test"),),
    )


def test_undated_statements_are_in_no_slice_but_an_unbounded_open_is_the_graph(tmp_path):
    graph = build_graph([THREE_REPORTS[0], _undated()])
    condemned = (actor_iri("iran"), AKG.condemned, actor_iri("israel"))
    assert condemned in graph
    for span in (Window(), Window(since=day(1)), Window(until=day(31))):
        sliced = time_slice(graph, span)
        assert condemned not in sliced
        assert THREAT in sliced
        assert not list(sliced.triples((doc_iri("u"), None, None)))
    path = write_graph(graph, tmp_path / "g.ttl")
    assert set(open_slice(path, Window())) == set(graph)  # no window: no slice


def test_an_actor_first_named_later_is_not_in_the_graph_as_it_stood_before():
    syria = Entity("syria", "Syria", "State")
    first = Extraction(
        Article("a", "text", date=day(4), source="AP"),
        (IRAN, ISRAEL),
        (Claim("a", "iran", "threatens", "israel", "s", 0, 9, "t", "test"),),
    )
    second = Extraction(
        Article("b", "text", date=day(6), source="AP"),
        (IRAN, syria),
        (Claim("b", "syria", "supports", "iran", "s", 0, 9, "t", "test"),),
    )
    graph = build_graph([first, second])
    before = time_slice(graph, window(as_of="2024-08-05"))
    assert not list(before.triples((actor_iri("syria"), None, None)))
    assert not list(before.triples((None, None, actor_iri("syria"))))
    assert (actor_iri("iran"), AKG.mentionedIn, doc_iri("a")) in before
    assert (actor_iri("iran"), AKG.mentionedIn, doc_iri("b")) not in before
    after = time_slice(graph, window(since="2024-08-05"))
    assert (actor_iri("syria"), AKG.supports, actor_iri("iran")) in after
    assert not list(after.triples((actor_iri("israel"), None, None)))  # named on 4 August only


def test_a_store_is_sliced_in_memory_and_left_as_it_is(tmp_path):
    with open_store(tmp_path / "store", writable=True, create=True) as store:
        for extraction in THREE_REPORTS:
            add_extraction(store, extraction)
        size = len(store.data())
    sliced = open_slice(tmp_path / "store", window(as_of="2024-08-04"))
    assert relationship(sliced)["count"] == Literal(1)
    with open_store(tmp_path / "store") as store:
        assert len(store.data()) == size


def test_the_view_draws_the_slice_edges_and_actors():
    graph = build_graph([*THREE_REPORTS, LATER])
    drawn = select(graph, selection(until="2024-08-06"))
    assert {n.label for n in drawn.nodes} == {"Iran", "Israel"}
    (edge,) = drawn.edges
    assert [e.date for e in edge.evidence] == ["2024-08-06", "2024-08-04"]


# (arguments of window(), message part): each a one-line QueryError
BAD_WINDOWS = [
    ({"since": "yesterday"}, "since must be a date like 2024-08-05, not 'yesterday'"),
    ({"until": "2024-13-01"}, "until must be a date"),
    ({"as_of": "4/8/2024"}, "as-of must be a date like 2024-08-05"),
    ({"as_of": "2024-08-04", "until": "2024-08-05"}, "--as-of is the same as --until"),
    ({"since": "2024-08-09", "as_of": "2024-08-01"}, "since 2024-08-09 is after until 2024-08-01"),
]


@pytest.mark.parametrize(("options", "message"), BAD_WINDOWS, ids=repr)
def test_a_bad_window_is_a_one_line_query_error(options, message):
    with pytest.raises(QueryError) as info:
        window(**options)
    assert message in str(info.value) and "\n" not in str(info.value)


# --- the command line on the seed corpus: two articles, 4 and 5 August 2024 ------------------


@pytest.fixture(scope="module")
def seeds_file(seed_graph, tmp_path_factory):
    return write_graph(seed_graph, tmp_path_factory.mktemp("seeds") / "seeds.ttl")


def csv_rows(run) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run.stdout)))


def _rows(*args) -> list[dict]:
    run = kg(*args, "-f", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_query_as_of_shows_only_the_first_days_facts(seeds_file):
    count = "SELECT (COUNT(?r) AS ?n) WHERE { ?r a akg:Relationship }"
    (first,) = _rows("query", seeds_file, count, "--as-of", "2024-08-04")
    (all_,) = _rows("query", seeds_file, count)
    assert 0 < int(first["n"]) < int(all_["n"])
    threats = _rows("query", seeds_file, "-n", "who-threatens-whom", "--as-of", "2024-08-04")
    assert threats == []  # Iran's threat is reported on 5 August
    assert _rows("query", seeds_file, "-n", "who-threatens-whom", "--since", "2024-08-05")


def test_export_and_analyze_take_the_same_window(seeds_file, tmp_path):
    run = kg("export", seeds_file, "--until", "2024-08-04", "-f", "csv")
    assert run.returncode == 0, run.stderr
    assert "seed-002" not in run.stdout and "seed-000" in run.stdout
    actors = {
        row["actor"]
        for row in _rows("analyze", seeds_file, "centrality", "--as-of", "2024-08-04")["centrality"]
    }
    assert "Joe Biden" in actors and "Masoud Pezeshkian" not in actors


def test_the_state_level_is_rolled_up_from_the_slice(seeds_file):
    run = kg("export", seeds_file, "--level", "state", "--as-of", "2024-08-04", "-f", "csv")
    assert run.returncode == 0, run.stderr
    edges = {(r["source_label"], r["relation_label"], r["target_label"]) for r in csv_rows(run)}
    assert ("Israel", "visited", "United States") in edges
    assert not {label for edge in edges for label in edge} & {"Iran", "Russia"}  # of 5 August


def test_view_as_of_draws_the_first_days_actors_only(seeds_file, tmp_path):
    run = kg("view", seeds_file, "--as-of", "2024-08-04", "-o", tmp_path / "aug4.html")
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "aug4.html").read_text(encoding="utf-8")
    assert "Joe Biden" in page and "Pezeshkian" not in page


@pytest.mark.parametrize(
    "command", [["query", "-n", "leaders"], ["view"], ["export"], ["analyze", "centrality"]]
)
def test_as_of_with_until_is_a_one_line_error_on_every_command(seeds_file, tmp_path, command):
    args = [command[0], seeds_file, *command[1:], "--as-of", "2024-08-04", "--until", "2024-08-05"]
    if command == ["view"]:
        args += ["-o", tmp_path / "n.html"]
    line = assert_one_error_line(kg(*args), 6)
    assert "--as-of is the same as --until" in line


def test_a_time_slice_refuses_sparql_update(seeds_file):
    run = kg(
        "query", seeds_file, "DELETE WHERE { ?s ?p ?o }", "--allow-update", "--as-of", "2024-08-04"
    )
    assert "read-only" in assert_one_error_line(run, 6)
