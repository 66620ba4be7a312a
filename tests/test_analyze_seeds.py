"""`kg analyze` and the network exports on the seed graph, run as a user runs them; the results
written back into the graph; GraphML and GEXF read back by networkx as the same network."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import networkx as nx
import pytest
from rdflib import Literal
from test_cli import assert_one_error_line, kg

from kg.analyze import ANALYSES, analyze, annotate, format_report, project
from kg.cli import Analysis
from kg.errors import AnalysisError
from kg.export import CSV_COLUMNS, load_graph, serialize, write_graph
from kg.validate import validate
from kg.vocab import AKG, ID


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return write_graph(seed_graph, tmp_path_factory.mktemp("seeds") / "graph.ttl")


def run_json(*args) -> dict:
    run = kg("analyze", *args, "-f", "json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_centrality_of_the_seeds(seed_path):
    rows = run_json(seed_path, "centrality", "--top", "3")["centrality"]
    overall = [row["actor"] for row in rows if row["layer"] == "all"]
    assert len(overall) == 3 and "Masoud Pezeshkian" in overall
    threats = [(row["actor"], row["degree"]) for row in rows if row["layer"] == "threatens"]
    assert threats == [("Israel", 1), ("Iran", 1)]
    assert all(isinstance(row["pagerank"], float) for row in rows)


def test_communities_of_the_seeds_put_shoigu_with_iran(seed_path):
    rows = run_json(seed_path, "communities", "--seed", "0")["communities"]
    community = {row["actor"]: row["community"] for row in rows}
    assert community["Sergei Shoigu"] == community["Masoud Pezeshkian"] == community["Iran"]
    assert community["Michael Kurilla"] == community["Herzi Halevi"]


def test_balance_of_the_seeds_puts_israel_against_iran_and_its_friends(seed_path):
    found = run_json(seed_path, "balance")
    bloc = {row["actor"]: row["bloc"] for row in found["blocs"]}
    assert bloc["Iran"] == bloc["Sergei Shoigu"] == bloc["Masoud Pezeshkian"] == bloc["Russia"] == 0
    assert bloc["Israel"] == 1
    assert bloc["Joe Biden"] is None  # a part with friends only: no bloc
    assert found["frustrated"] == []


def test_path_from_iran_to_biden_gives_each_hop_with_its_sentence(seed_path):
    hops = run_json(seed_path, "path", "iran", "Biden")["path"]
    assert [(h["source"], h["relation"], h["target"]) for h in hops] == [
        ("Iran", "threatens", "Israel"),
        ("Benjamin Netanyahu", "leader of", "Israel"),
        ("Benjamin Netanyahu", "spoke with", "Joe Biden"),
    ]
    assert all(h["sentence"] and h["document"] and h["date"] for h in hops)


def test_timeline_of_a_pair(seed_path):
    events = run_json(seed_path, "timeline", "Iran", "israel")["timeline"]
    assert [(e["date"], e["source"], e["relation"], e["target"]) for e in events] == [
        ("2024-08-05", "Iran", "threatens", "Israel")
    ]
    assert "retaliation attack on Israel" in events[0]["sentence"]


def test_timeline_of_one_actor_is_in_date_order(seed_path):
    events = run_json(seed_path, "timeline", "Netanyahu")["timeline"]
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and len(events) >= 3
    assert {e["relation"] for e in events} >= {"spoke with", "visited", "leader of"}


@pytest.mark.parametrize("analysis", ["centrality", "communities", "balance"])
def test_a_table_and_csv_on_stdout(seed_path, analysis):
    table = kg("analyze", seed_path, analysis)
    assert table.returncode == 0, table.stderr
    assert "Iran" in table.stdout and table.stderr == ""
    rows = kg("analyze", seed_path, analysis, "-f", "csv")
    assert rows.returncode == 0, rows.stderr
    assert "Iran" in rows.stdout


def test_balance_csv_has_one_section_per_table(seed_graph):
    text = format_report(analyze(seed_graph, "balance"), "csv")
    blocs, frustrated = text.split("\n\n")
    assert blocs.splitlines()[:2] == ["# blocs", "part,bloc,actor,type"]
    assert frustrated.splitlines() == [
        "# frustrated",
        "source,relation,target,sign,date,document,sentence",
    ]


# (what goes wrong, arguments after GRAPH, message part); every one exits 9
ERRORS = [
    ("unknown actor", ["path", "Irn", "Israel"], "unknown actor 'Irn' (close matches: Iran"),
    ("no connection", ["path", "Ukraine", "Iran"], "no connection between Ukraine and Iran"),
    ("path of one actor", ["path", "Iran"], "path takes two actors, got 1"),
    ("centrality of an actor", ["centrality", "Iran"], "centrality takes no actor, got 1"),
    ("unknown relation", ["centrality", "-r", "loves"], "unknown relation 'loves'"),
    (
        "annotate a path",
        ["path", "Iran", "Israel", "--annotate", "{tmp}/a.ttl"],
        "nothing to write back",
    ),
]


@pytest.mark.parametrize(("args", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_an_analysis_error_is_one_line_and_exit_9(seed_path, tmp_path, args, message):
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    line = assert_one_error_line(kg("analyze", seed_path, *args), 10)
    assert message in line
    assert list(tmp_path.iterdir()) == []


def test_the_cli_offers_every_analysis():
    assert tuple(choice.value for choice in Analysis) == ANALYSES


def test_an_unknown_analysis_is_a_usage_error(seed_path):
    run = kg("analyze", seed_path, "gossip")
    assert run.returncode == 2 and "Usage" in run.stderr


# --- annotations ----------------------------------------------------------------------------


def test_annotate_writes_blocs_that_validate(seed_path, tmp_path):
    output = tmp_path / "annotated.ttl"
    run = kg("analyze", seed_path, "balance", "--annotate", output)
    assert run.returncode == 0, run.stderr
    graph = load_graph(output)
    assert graph.value(ID.iran, AKG.bloc) == Literal(0)
    assert graph.value(ID.israel, AKG.bloc) == Literal(1)
    assert graph.value(ID["joe-biden"], AKG.bloc) is None
    assert len(graph) == len(load_graph(seed_path)) + 5
    assert validate(graph).conforms


def test_annotate_centrality_and_communities_on_every_actor(seed_graph):
    actors = set(project(seed_graph))
    graph = annotate(seed_graph, analyze(seed_graph, "centrality", top=1))
    graph = annotate(graph, analyze(graph, "communities"))
    decimal, integer = Literal(Decimal("0.5")).datatype, Literal(1).datatype
    for term, datatype in [
        (AKG.pageRank, decimal),
        (AKG.degree, integer),
        (AKG.community, integer),
    ]:
        values = dict(graph.subject_objects(term))
        assert {str(node) for node in values} == actors
        assert {value.datatype for value in values.values()} == {datatype}


def test_annotating_again_replaces_the_old_values(seed_graph):
    once = annotate(seed_graph, analyze(seed_graph, "communities", seed=1))
    twice = annotate(once, analyze(once, "communities", seed=1))
    assert len(twice) == len(once)
    assert len(seed_graph) < len(once)


def test_annotate_a_report_without_annotations_is_an_error(seed_graph):
    with pytest.raises(AnalysisError):
        annotate(seed_graph, analyze(seed_graph, "timeline", ["Iran"]))


# --- network exports ------------------------------------------------------------------------


def _edges(net: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, data["relation"]) for u, v, data in net.edges(data=True)}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_reads_back_as_the_same_network(seed_path, seed_graph, tmp_path, fmt):
    output = tmp_path / f"network.{fmt}"
    run = kg("export", seed_path, "-f", fmt, "-o", output)
    assert run.returncode == 0, run.stderr
    read = nx.read_graphml(output) if fmt == "graphml" else nx.read_gexf(output)
    net = project(seed_graph)
    assert set(read) == set(net)
    assert _edges(read) == _edges(net)
    assert {n: d["label"] for n, d in read.nodes(data=True)} == {
        n: d["label"] for n, d in net.nodes(data=True)
    }
    threat = next(
        d for u, v, d in read.edges(data=True) if (u, v) == (str(ID.iran), str(ID.israel))
    )
    assert (threat["sign"], threat["support"], threat["first_date"]) == (-1, 1, "2024-08-05")


def test_csv_export_is_one_row_per_edge_with_labels(seed_graph):
    rows = list(csv.DictReader(io.StringIO(serialize(seed_graph, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == project(seed_graph).number_of_edges()
    threat = next(r for r in rows if r["relation"] == "threatens")
    assert (threat["source_label"], threat["target_label"], threat["sign"], threat["support"]) == (
        "Iran",
        "Israel",
        "-1",
        "1",
    )
    assert threat["source"] == str(ID.iran) and threat["target_type"] == "State"
    leader = next(r for r in rows if r["relation"] == "leaderOf")
    assert leader["sign"] == "0"


def test_csv_export_to_stdout(seed_path):
    run = kg("export", seed_path, "-f", "csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == ",".join(CSV_COLUMNS)


def test_write_graph_picks_the_rdf_format_by_suffix(seed_graph, tmp_path):
    path = write_graph(seed_graph, tmp_path / "graph.jsonld")
    assert path.read_text(encoding="utf-8").lstrip().startswith(("[", "{"))
    assert len(load_graph(path)) == len(seed_graph)
