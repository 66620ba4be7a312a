"""What `kg view` draws: --focus/--hops, --relations, --since/--until, top actors by degree, blocs."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from test_view import IRAN, ISRAEL, PERSON, RUSSIA, TEHRAN, make_graph, page_data

from kg import vocab
from kg.errors import QueryError
from kg.view import BLOC_COLOUR, NO_BLOC_COLOUR, render_html
from kg.vocab import AKG, DCTERMS, RDF, SKOS, actor_iri, doc_iri

ALL = {IRAN, RUSSIA, ISRAEL, PERSON, TEHRAN}

# (options, nodes drawn, relations drawn) on tests/test_view.py's graph:
#   Iran -allied- Russia, Pezeshkian -leader of-> Iran, Iran -threatens-> Israel (2024-08-09..),
#   Pezeshkian -located in-> Tehran; everything else dated 2024-08-05.
SELECTIONS = [
    ({}, ALL, {"alliedWith", "leaderOf", "threatens", "locatedIn"}),
    ({"focus": "Iran"}, {IRAN, RUSSIA, ISRAEL, PERSON}, {"alliedWith", "leaderOf", "threatens"}),
    ({"focus": "  iRAN "}, {IRAN, RUSSIA, ISRAEL, PERSON}, {"alliedWith", "leaderOf", "threatens"}),
    ({"focus": "Iran", "hops": 0}, {IRAN}, set()),
    ({"focus": "pezeshkian"}, {PERSON, IRAN, TEHRAN}, {"leaderOf", "locatedIn"}),
    (
        {"focus": "Masoud Pezeshkian", "hops": 2},
        ALL,
        {"alliedWith", "leaderOf", "threatens", "locatedIn"},
    ),
    ({"relations": "threatens"}, {IRAN, ISRAEL}, {"threatens"}),
    (
        {"relations": ["allied with", "LeaderOf"]},
        {IRAN, RUSSIA, PERSON},
        {"alliedWith", "leaderOf"},
    ),
    ({"since": "2024-08-06"}, {IRAN, ISRAEL}, {"threatens"}),
    (
        {"until": "2024-08-05"},
        {IRAN, RUSSIA, PERSON, TEHRAN},
        {"alliedWith", "leaderOf", "locatedIn"},
    ),
    (
        {"since": "2024-08-01", "until": "2024-08-31"},
        ALL,
        {"alliedWith", "leaderOf", "threatens", "locatedIn"},
    ),
    ({"since": "2024-09-01"}, set(), set()),
    ({"focus": "Iran", "relations": "leaderOf"}, {IRAN, PERSON}, {"leaderOf"}),
    ({"max_nodes": 2}, {IRAN, PERSON}, {"leaderOf"}),  # the best-connected: degree 3 and 2
]


@pytest.mark.parametrize(("options", "nodes", "relations"), SELECTIONS, ids=repr)
def test_selection(options, nodes, relations):
    data = page_data(render_html(make_graph(threat_reports=2), **options))
    assert {n["id"] for n in data["nodes"]} == {str(n) for n in nodes}
    assert {e["kgRelation"] for e in data["edges"]} == {str(AKG[r]) for r in relations}


def test_date_filter_keeps_only_the_statements_in_range():
    data = page_data(
        render_html(make_graph(threat_reports=4), since="2024-08-10", until="2024-08-11")
    )
    (threat,) = data["edges"]
    assert [e["date"] for e in data["evidence"][threat["id"]]] == ["2024-08-11", "2024-08-10"]
    assert data["notAsserted"][str(IRAN)] == []  # the denial is dated 2024-08-05


# (options, message part): each a QueryError on one line
BAD_SELECTIONS = [
    ({"focus": "Atlantis"}, "no actor named 'Atlantis'"),
    ({"focus": "Irn"}, "did you mean: iran"),
    ({"focus": "Tehran"}, "no actor named"),  # a place is not an actor
    (
        {"relations": "friends,threatens"},
        "unknown relation 'friends' (valid: accused, admitted, agreedWith, aided",
    ),
    ({"relations": " , "}, "unknown relation none given"),
    ({"since": "yesterday"}, "since must be a date like 2024-08-05, not 'yesterday'"),
    ({"until": "2024-13-01"}, "until must be a date"),
    ({"since": "2024-08-09", "until": "2024-08-01"}, "since 2024-08-09 is after until 2024-08-01"),
    ({"focus": "Iran", "hops": -1}, "hops must be 0 or more"),
    ({"max_nodes": 0}, "max nodes must be 1 or more"),
]


@pytest.mark.parametrize(("options", "message"), BAD_SELECTIONS, ids=repr)
def test_bad_selection_is_a_one_line_query_error(options, message):
    with pytest.raises(QueryError) as info:
        render_html(make_graph(), **options)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_ambiguous_focus_names_the_candidates():
    graph = make_graph()
    graph.add((RUSSIA, SKOS.altLabel, Literal("Pezeshkian")))
    with pytest.raises(QueryError, match=r"ambiguous: Masoud Pezeshkian <.*>, Russia <"):
        render_html(graph, focus="pezeshkian")


# --- generated graphs ------------------------------------------------------------------------


def chain(n: int) -> Graph:
    """Actor 0 - Actor 1 - ... - Actor n-1, each pair met once (a path: degrees 1, 2, ..., 2, 1)."""
    g = Graph()
    for i in range(n):
        g.add((actor_iri(f"a{i}"), RDF.type, AKG.State))
        g.add((actor_iri(f"a{i}"), SKOS.prefLabel, Literal(f"Actor {i}")))
    for i in range(n - 1):
        g.add((actor_iri(f"a{i}"), AKG.metWith, actor_iri(f"a{i + 1}")))
    return g


def star(n: int) -> Graph:
    """A hub threatening n-1 actors, plus one extra edge between spokes 1 and 2."""
    g = chain(0)
    for i in range(n):
        g.add((actor_iri(f"s{i:04d}"), RDF.type, AKG.Group))
        g.add((actor_iri(f"s{i:04d}"), SKOS.prefLabel, Literal(f"Spoke {i}")))
    for i in range(1, n):
        g.add((actor_iri("s0000"), AKG.threatens, actor_iri(f"s{i:04d}")))
    g.add((actor_iri("s0001"), AKG.condemned, actor_iri("s0002")))
    return g


@pytest.mark.parametrize(
    ("focus", "hops", "expected"),
    [
        ("Actor 10", 0, {10}),
        ("Actor 10", 1, {9, 10, 11}),
        ("actor 10", 3, set(range(7, 14))),
        ("Actor 0", 5, set(range(6))),
        ("Actor 49", 100, set(range(50))),
    ],
)
def test_focus_and_hops_on_a_chain(focus, hops, expected):
    html = render_html(chain(50), focus=focus, hops=hops)
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} == {f"Actor {i}" for i in expected}
    assert len(data["edges"]) == len(expected) - 1
    assert f"{len(expected)} actor{'s' if len(expected) != 1 else ''} ·" in html
    assert f"Showing around {focus.title()}, {hops} hop" in html  # the actor's own label


def test_above_max_nodes_the_best_connected_are_drawn_with_a_fixed_layout():
    html = render_html(star(1200))
    data = page_data(html)
    labels = {n["label"] for n in data["nodes"]}
    assert len(labels) == 1000 and {"Spoke 0", "Spoke 1", "Spoke 2"} <= labels
    assert "the 1,000 best-connected of 1,200 nodes (200 hidden)" in html
    assert "<p>1,000 actors · 1,000 relations</p>" in html
    assert len(data["edges"]) == 999 + 1
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 1000  # no two nodes on one spot
    assert data["options"]["physics"] == {"enabled": False}
    hub = next(n for n in data["nodes"] if n["label"] == "Spoke 0")
    assert (hub["x"], hub["y"]) == (0, 0)  # the best connected in the middle


def test_small_graphs_keep_physics_and_no_positions():
    data = page_data(render_html(chain(20)))
    assert data["options"]["physics"]["enabled"] is True
    assert not any("x" in n for n in data["nodes"])
    assert 'id="kg-selection"' not in render_html(chain(20))  # nothing left out, nothing said


# --- blocs, documents ---------------------------------------------------------------------------


def test_blocs_colour_actors_and_get_a_legend():
    graph = make_graph()
    for node, bloc in [(IRAN, 0), (RUSSIA, 0), (ISRAEL, 1)]:
        graph.add((node, AKG.bloc, Literal(bloc, datatype=vocab.XSD.integer)))
    html = render_html(graph)
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert nodes[str(IRAN)]["color"]["background"] == BLOC_COLOUR[0]
    assert nodes[str(RUSSIA)]["color"]["background"] == BLOC_COLOUR[0]
    assert nodes[str(ISRAEL)]["color"]["background"] == BLOC_COLOUR[1]
    assert nodes[str(PERSON)]["color"]["background"] == NO_BLOC_COLOUR
    assert nodes[str(IRAN)]["kgBloc"] == 0 and nodes[str(PERSON)]["kgBloc"] is None
    legend = html.split('id="kg-blocs"', 1)[1].split("</ul>", 1)[0]
    assert [line.split("<span>")[1].split("</span>")[0] for line in legend.split("<li>")[1:]] == [
        "bloc 0",
        "bloc 1",
        "no bloc",
    ]


def test_without_blocs_actors_are_coloured_by_type():
    html = render_html(make_graph())
    assert 'id="kg-blocs"' not in html
    nodes = {n["id"]: n for n in page_data(html)["nodes"]}
    assert nodes[str(IRAN)]["color"]["background"] != nodes[str(PERSON)]["color"]["background"]


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://news.example/", "http://news.example/"),
        ("javascript:alert(1)", ""),
        ("  JavaScript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("//news.example/a", ""),
        ("news.example/a", ""),
        ("vbscript:msgbox(1)", ""),
    ],
)
def test_only_web_urls_become_links(url, href):
    graph = make_graph()
    graph.set((doc_iri("article-1"), vocab.SCHEMA.url, Literal(url, datatype=vocab.XSD.anyURI)))
    (doc,) = page_data(render_html(graph))["docs"].values()
    assert (doc["url"], doc["href"]) == (url, href)


def test_statement_without_a_date_takes_its_documents_date():
    graph = make_graph()
    graph.remove((None, DCTERMS.date, Literal("2024-08-05", datatype=vocab.XSD.date)))
    graph.add((doc_iri("article-1"), DCTERMS.date, Literal("2024-07-01", datatype=vocab.XSD.date)))
    data = page_data(render_html(graph, until="2024-07-31"))
    (allied,) = [e for e in data["edges"] if e["kgRelation"] == str(AKG.alliedWith)]
    assert allied["kgDates"] == ["2024-07-01"]
