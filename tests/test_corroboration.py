"""What an analyst sees of corroboration: the view draws an edge as wide as its support and names
its outlets and dates on hover; the `strongest-relationships` query ranks relationships by support.

Graphs are built from hand-made articles (tests/test_support.py's `report`): no spaCy.
"""

from __future__ import annotations

import pytest
from test_support import THREE_REPORTS, report
from test_view import SCRIPT_BREAK, make_graph, page_data

from kg.errors import QueryError
from kg.graph import build_graph
from kg.query import list_queries, run_named
from kg.view import WIDTH_MAX, WIDTH_MIN, edge_width, render_html
from kg.vocab import AKG, actor_iri

IRAN, ISRAEL, QATAR = actor_iri("iran"), actor_iri("israel"), actor_iri("qatar")

# Iran threatens Israel: 3 reports (Reuters 4 Aug, AP 6 Aug, Reuters 9 Aug); Iran threatens Qatar:
# 1 report (AFP 5 Aug); Iran met with Qatar: both ways, 2 reports (AP 5 Aug, 7 Aug).
ARTICLES = [
    *THREE_REPORTS,
    report("d", 1, "AFP", ("iran", "threatens", "qatar", {})),
    report("e", 1, "AP", ("iran", "metWith", "qatar", {})),
    report("f", 3, "AP", ("qatar", "metWith", "iran", {})),
]


@pytest.fixture(scope="module")
def graph():
    return build_graph(ARTICLES)


def edges_by_head(html: str) -> dict[str, dict]:
    return {edge["kgHead"]: edge for edge in page_data(html)["edges"]}


# --- the view -----------------------------------------------------------------------------------


def test_an_edge_shows_the_support_outlets_and_dates_of_its_relationship(graph):
    edges = edges_by_head(render_html(graph))
    threat = edges["Iran \u2192 threatens \u2192 Israel"]
    assert threat["kgSupport"] == 3
    assert threat["kgReports"] == [
        "3 supporting statements in 3 documents",
        "reported by AP, Reuters",
        "first reported 2024-08-04, last 2024-08-09",
    ]
    assert threat["title"].splitlines() == [
        "Iran \u2192 threatens \u2192 Israel",
        *threat["kgReports"],
        "click for the sentences",
    ]
    once = edges["Iran \u2192 threatens \u2192 Qatar"]
    assert once["kgReports"] == [
        "1 supporting statement in 1 document",
        "reported by AFP",
        "reported on 2024-08-05",
    ]


def test_a_symmetric_edge_is_drawn_once_with_the_support_of_both_directions(graph):
    edges = page_data(render_html(graph))["edges"]
    (met,) = [e for e in edges if e["kgRelation"] == str(AKG.metWith)]
    assert met["kgSupport"] == 2
    assert met["kgReports"][:2] == ["2 supporting statements in 2 documents", "reported by AP"]


def test_the_edge_with_more_support_is_drawn_wider(graph):
    edges = edges_by_head(render_html(graph))
    widths = [
        edges[head]["width"]
        for head in (
            "Iran \u2192 threatens \u2192 Qatar",
            "Iran \u2014 met with \u2014 Qatar",
            "Iran \u2192 threatens \u2192 Israel",
        )
    ]
    assert widths == sorted(widths) and len(set(widths)) == 3


def test_a_date_selection_draws_the_support_the_dates_reported(graph):
    """The view of a window is the view of the graph's time slice (kg.timeslice): width, count
    and evidence all count only the statements dated in it."""
    page = render_html(graph, since="2024-08-06")
    threat = edges_by_head(page)["Iran \u2192 threatens \u2192 Israel"]
    assert threat["kgSupport"] == 2
    assert threat["kgReports"][0].startswith("2 supporting statements")
    assert len(page_data(page)["evidence"][threat["id"]]) == 2


def test_the_support_is_read_from_the_relationship_node_not_recounted(graph):
    changed = build_graph(ARTICLES)
    node = next(changed.subjects(AKG.relation, AKG.threatens))
    changed.set((node, AKG.supportCount, type(changed.value(node, AKG.supportCount))(40)))
    edges = {e["kgRelation"] + e["to"]: e for e in page_data(render_html(changed))["edges"]}
    edited = edges[str(AKG.threatens) + str(changed.value(node, AKG.objectActor))]
    assert edited["kgSupport"] == 40 and edited["kgReports"][0].startswith("40 supporting")


def test_a_graph_without_relationship_nodes_counts_the_statements_drawn():
    edges = edges_by_head(render_html(make_graph(threat_reports=7)))
    threat = edges["Iran \u2192 threatens \u2192 Israel"]
    assert threat["kgSupport"] == 7 and threat["kgReports"] == ["7 supporting statements"]
    assert threat["width"] > edges["Iran \u2014 allied with \u2014 Russia"]["width"]


def test_the_legend_reads_widths_back_as_supporting_statements(graph):
    html = render_html(graph)
    legend = html.split('id="kg-widths"', 1)[1].split("</ul>", 1)[0]
    for n in (1, 3):
        assert f'border-top-width: {edge_width(n)}px"></span><span>{n}</span>' in legend


def test_an_outlet_name_is_data_never_markup():
    page = render_html(
        build_graph([report("x", 0, SCRIPT_BREAK, ("iran", "threatens", "israel", {}))])
    )
    assert SCRIPT_BREAK not in page
    (edge,) = page_data(page)["edges"]
    assert edge["kgReports"][1] == f"reported by {SCRIPT_BREAK}"


@pytest.mark.parametrize(
    ("lower", "higher"),
    [(1, 2), (2, 3), (3, 10), (10, 100), (100, 500), (500, 1000)],
)
def test_the_width_grows_with_support(lower, higher):
    assert edge_width(lower) < edge_width(higher)


@pytest.mark.parametrize(
    ("support", "width"),
    [(0, WIDTH_MIN), (1, WIDTH_MIN), (1000, WIDTH_MAX), (50_000, WIDTH_MAX)],
)
def test_the_width_stays_between_thin_and_wide(support, width):
    assert edge_width(support) == width


# --- the named query ----------------------------------------------------------------------------

COLUMNS = ("subject", "predicate", "object", "support", "documents", "first", "last")


def ranked(graph, **params) -> list[tuple]:
    result = run_named(graph, "strongest-relationships", params)
    index = [result.columns.index(c) for c in COLUMNS]
    outlets = result.columns.index("outlets")
    return [
        (*(row[i] for i in index), frozenset((row[outlets] or "").split(", ")) - {""})
        for row in result.rows
    ]


THREAT = ("Iran", "threatens", "Israel", "3", "3", "2024-08-04", "2024-08-09", {"AP", "Reuters"})
MET = ("Iran", "met with", "Qatar", "2", "2", "2024-08-05", "2024-08-07", {"AP"})
ONCE = ("Iran", "threatens", "Qatar", "1", "1", "2024-08-05", "2024-08-05", {"AFP"})


def test_relationships_are_ranked_by_support_a_symmetric_pair_once(graph):
    assert ranked(graph) == [THREAT, MET, ONCE]


@pytest.mark.parametrize(
    ("params", "rows"),
    [
        ({"relation": "threatens"}, [THREAT, ONCE]),
        ({"relation": "Met With"}, [MET]),
        ({"relation": "metWith"}, [MET]),
        ({"actor": "israel"}, [THREAT]),
        ({"actor": "Qatar"}, [MET, ONCE]),
        ({"actor": "qatar", "relation": "threatens"}, [ONCE]),
        ({"actor": "Israel", "relation": "met with"}, []),
    ],
    ids=repr,
)
def test_the_optional_parameters_narrow_the_ranking(graph, params, rows):
    assert ranked(graph, **params) == rows


def test_the_parameters_are_optional_and_the_relation_names_a_relation():
    query = list_queries()["strongest-relationships"]
    assert query.optional == {"actor", "relation"}
    assert query.relation_params == {"relation"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"relation": "loves"}, "no relation is named 'loves' (known: accused, "),
        ({"relation": 'threatens" } #'}, "no relation is named"),
        ({"actor": "Atlantis"}, "no actor is named 'Atlantis'"),
        ({"side": "x"}, "unknown parameter side"),
    ],
)
def test_a_wrong_parameter_is_a_one_line_query_error(graph, params, message):
    with pytest.raises(QueryError) as caught:
        run_named(graph, "strongest-relationships", params)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_on_the_seed_graph_support_matches_the_fact_statements_of_each_relationship(seed_graph):
    result = run_named(seed_graph, "strongest-relationships", limit=None)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert [r["support"] for r in rows] == sorted((r["support"] for r in rows), key=int)[::-1]
    assert {(r["subject"], r["predicate"], r["object"]) for r in rows if r["support"] == "2"} == {
        ("Ismail Haniyeh", "leader of", "Hamas"),
        ("Israel Defense Forces", "part of", "Israel"),
        ("Masoud Pezeshkian", "leader of", "Iran"),
    }
    threats = run_named(seed_graph, "who-threatens-whom").rows
    ranked_threats = run_named(seed_graph, "strongest-relationships", {"relation": "threatens"})
    assert [(s, o, n) for s, o, n, _ in threats] == [
        (r[0], r[2], r[3]) for r in ranked_threats.rows
    ]
    assert all(r["outlets"] and r["first"] <= r["last"] for r in rows)
