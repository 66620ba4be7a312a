"""kg.analyze as a specification: small hand-built networks -> the expected centrality order,
communities, blocs, frustrated edges and path hops; the RDF projection keeps only facts, each with
its evidence; the docstring examples run."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import itertools
import random
import re
import shutil

import networkx as nx
import pytest

from kg.analyze import (
    EXACT_LIMIT,
    OVERALL,
    SignedEdge,
    analyze,
    balance,
    centrality,
    centrality_by_layer,
    communities,
    connection,
    find_actor,
    from_triples,
    project,
    restrict,
    signed_edges,
    timeline,
)
from kg.analyze.balance import _exact, _frustration
from kg.config import ONTOLOGY_DIR
from kg.errors import AnalysisError, GraphError
from kg.graph import build_graph
from kg.model import Article, Claim, Entity, Extraction
from kg.schema import relations
from kg.vocab import ID

MODULES = ["projection", "centrality", "communities", "balance", "paths", "report"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(f"kg.analyze.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


# --- signs are data in the ontology ---------------------------------------------------------

SIGNS = [
    ("alliedWith", 1),
    ("supports", 1),
    ("metWith", 1),
    ("spokeWith", 1),
    ("visited", 1),
    ("threatens", -1),
    ("condemned", -1),
    ("attacked", -1),
]


@pytest.mark.parametrize(("relation", "sign"), SIGNS)
def test_relation_signs_come_from_the_ontology(relation, sign):
    assert relations()[relation].sign == sign


@pytest.mark.parametrize("info", relations().values(), ids=lambda info: info.name)
def test_structural_relations_have_no_sign_and_event_relations_one(info):
    assert info.sign in ((1, -1) if info.event else (None,))


@pytest.mark.parametrize("bad", ["0", "2", '"friendly"'])
def test_a_sign_other_than_plus_or_minus_one_is_an_error(tmp_path, bad):
    shutil.copytree(ONTOLOGY_DIR, tmp_path, dirs_exist_ok=True)
    akg = tmp_path / "akg.ttl"
    text = akg.read_text(encoding="utf-8")
    akg.write_text(text.replace("akg:sign 1 .", f"akg:sign {bad} .", 1), encoding="utf-8")
    with pytest.raises(GraphError, match="sign must be 1 or -1"):
        relations(tmp_path)


# --- centrality -----------------------------------------------------------------------------

TWO_TRIANGLES = [
    ("A", "metWith", "B"),
    ("B", "metWith", "C"),
    ("C", "metWith", "A"),
    ("C", "alliedWith", "D"),
    ("D", "metWith", "E"),
    ("E", "metWith", "F"),
    ("F", "metWith", "D"),
]

# (case, triples, expected PageRank order)
PAGERANK_ORDER = [
    (
        "a threat chain ends at its last target",
        [("A", "threatens", "B"), ("B", "threatens", "C")],
        ["C", "B", "A"],
    ),
    (
        "the hub of a star of meetings",
        [("A", "metWith", "B"), ("A", "metWith", "C"), ("A", "metWith", "D")],
        ["A", "B", "C", "D"],
    ),
    (
        "the target of many threats",
        [
            ("A", "threatens", "T"),
            ("B", "threatens", "T"),
            ("C", "condemned", "T"),
            ("T", "metWith", "D"),
        ],
        ["T", "D", "A", "B", "C"],
    ),
]


@pytest.mark.parametrize(
    ("triples", "order"), [c[1:] for c in PAGERANK_ORDER], ids=[c[0] for c in PAGERANK_ORDER]
)
def test_centrality_ranks_by_pagerank(triples, order):
    assert list(centrality(from_triples(triples))) == order


def test_the_bridge_between_two_groups_has_the_highest_betweenness():
    scores = centrality(from_triples(TWO_TRIANGLES))
    ranked = sorted(scores, key=lambda node: -scores[node].betweenness)
    assert ranked[:2] == ["C", "D"]
    assert scores["C"].betweenness == scores["D"].betweenness == 0.6
    assert scores["A"].betweenness == 0.0


def test_degree_counts_distinct_partners_not_relations():
    net = from_triples([("A", "metWith", "B"), ("A", "threatens", "B"), ("B", "condemned", "A")])
    assert centrality(net)["A"].degree == 1


def test_centrality_by_layer_has_the_overall_layer_then_one_per_relation():
    net = from_triples([("A", "metWith", "B"), ("C", "threatens", "B"), ("C", "leaderOf", "D")])
    layers = centrality_by_layer(net)
    assert list(layers) == [OVERALL, "leaderOf", "metWith", "threatens"]
    assert set(layers[OVERALL]) == {"A", "B", "C", "D"}
    assert set(layers["threatens"]) == {"B", "C"}


# --- communities ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 42])
def test_two_triangles_joined_by_one_tie_are_two_communities(seed):
    assert communities(from_triples(TWO_TRIANGLES), seed=seed) == {
        "A": 0,
        "B": 0,
        "C": 0,
        "D": 1,
        "E": 1,
        "F": 1,
    }


def test_an_actor_without_relations_is_a_community_of_its_own():
    net = from_triples([("A", "metWith", "B")])
    net.add_node("Z", label="Z", type="State", aliases=())
    assert communities(net) == {"A": 0, "B": 0, "Z": 1}


# --- balance --------------------------------------------------------------------------------

# (case, triples, expected blocs, expected frustrated edges as (source, relation, target))
BALANCE = [
    (
        "a balanced triangle: two friends against one",
        [("A", "alliedWith", "B"), ("A", "threatens", "C"), ("B", "condemned", "C")],
        {"A": 0, "B": 0, "C": 1},
        [],
    ),
    (
        "the enemy of my enemy supports me, once: one edge breaks the balance",
        [
            ("A", "alliedWith", "B"),
            ("C", "threatens", "A"),
            ("C", "metWith", "D"),
            ("D", "threatens", "B"),
            ("B", "supports", "C"),
        ],
        {"A": 0, "B": 0, "C": 1, "D": 1},
        [("B", "supports", "C")],
    ),
    (
        "a friend who attacked: the hostile tie inside the larger bloc is frustrated",
        [
            ("A", "metWith", "B"),
            ("B", "metWith", "C"),
            ("A", "alliedWith", "C"),
            ("C", "attacked", "B"),
            ("D", "threatens", "A"),
        ],
        {"A": 0, "B": 0, "C": 0, "D": 1},
        [("C", "attacked", "B")],
    ),
    (
        "only friends: no split, nothing frustrated",
        [("A", "metWith", "B"), ("B", "supports", "C")],
        {},
        [],
    ),
    (
        "structural relations stay out of the signed network",
        [("A", "leaderOf", "B"), ("A", "threatens", "C")],
        {"A": 0, "C": 1},
        [],
    ),
    (
        "two parts are split each on its own",
        [
            ("A", "threatens", "B"),
            ("C", "metWith", "D"),
            ("D", "condemned", "E"),
            ("C", "condemned", "E"),
        ],
        {"C": 0, "D": 0, "E": 1, "A": 0, "B": 1},
        [],
    ),
]


@pytest.mark.parametrize(
    ("triples", "blocs", "frustrated"), [c[1:] for c in BALANCE], ids=[c[0] for c in BALANCE]
)
def test_balance_splits_into_blocs(triples, blocs, frustrated):
    result = balance(from_triples(triples))
    assert result.blocs == blocs
    assert [(e.source, e.relation, e.target) for e in result.frustrated] == frustrated
    assert result.exact


def test_an_all_hostile_triangle_cannot_be_balanced():
    net = from_triples([("A", "threatens", "B"), ("B", "threatens", "C"), ("C", "threatens", "A")])
    assert len(balance(net).frustrated) == 1


def test_a_symmetric_relation_is_one_signed_edge():
    assert signed_edges(from_triples([("B", "metWith", "A")])) == [
        SignedEdge("A", "metWith", "B", 1)
    ]


def _random_signed(n: int, m: int, rng: random.Random) -> list[tuple[str, str, str]]:
    nodes = [f"N{i:02d}" for i in range(n)]
    return [
        (a, rng.choice(["metWith", "threatens", "supports", "condemned"]), b)
        for a, b in (rng.sample(nodes, 2) for _ in range(m))
    ]


@pytest.mark.parametrize("seed", range(8))
def test_the_exact_split_is_as_good_as_every_split(seed):
    net = from_triples(_random_signed(8, 14, random.Random(seed)))
    edges = signed_edges(net)
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    best = min(
        sum(((side[e.source] != side[e.target]) != (e.sign < 0)) for e in edges)
        for bits in itertools.product((0, 1), repeat=len(nodes))
        for side in [dict(zip(nodes, bits, strict=True))]
    )
    assert len(balance(net).frustrated) == best


def _planted(n: int, flipped: int, seed: int) -> tuple[list[tuple[str, str, str]], dict[str, int]]:
    """A chain-and-chords network over two planted blocs, with `flipped` edges of the wrong sign."""
    rng = random.Random(seed)
    nodes = [f"N{i:02d}" for i in range(n)]
    side = {node: int(i % 3 == 0) for i, node in enumerate(nodes)}
    pairs = [(nodes[i], nodes[i + 1]) for i in range(n - 1)]
    pairs += [tuple(rng.sample(nodes, 2)) for _ in range(2 * n)]
    triples = []
    for index, (a, b) in enumerate(pairs):
        friendly = (side[a] == side[b]) != (index < flipped)
        triples.append((a, "alliedWith" if friendly else "threatens", b))
    return triples, side


@pytest.mark.parametrize("flipped", [0, 2])
def test_a_large_part_is_split_by_local_search(flipped):
    triples, side = _planted(3 * EXACT_LIMIT, flipped, seed=7)
    result = balance(from_triples(triples), seed=3)
    assert not result.exact
    assert len(result.frustrated) <= flipped
    if flipped == 0:  # the planted split, bloc 0 being the larger side
        assert result.blocs == {node: side[node] for node in side}


def test_local_search_is_repeatable_with_a_seed():
    triples, _side = _planted(3 * EXACT_LIMIT, 6, seed=11)
    net = from_triples(triples)
    assert balance(net, seed=5) == balance(net, seed=5)


def test_exact_frustration_counts_each_edge_once():
    incident = [[(1, True)], [(0, True)]]  # one hostile edge
    side = _exact(incident)
    assert side[0] != side[1]
    assert _frustration(side, incident) == 0


# --- paths and actors -----------------------------------------------------------------------

# (case, triples, from, to, expected hops as (source, relation, target))
PATHS = [
    ("a direct relation", [("A", "threatens", "B")], "A", "B", [("A", "threatens", "B")]),
    (
        "against the direction of relations",
        [("A", "metWith", "B"), ("C", "threatens", "B"), ("C", "leaderOf", "D")],
        "A",
        "D",
        [("A", "metWith", "B"), ("C", "threatens", "B"), ("C", "leaderOf", "D")],
    ),
    (
        "the shortest of two routes",
        [
            ("A", "metWith", "B"),
            ("B", "metWith", "C"),
            ("C", "metWith", "D"),
            ("A", "supports", "D"),
        ],
        "A",
        "D",
        [("A", "supports", "D")],
    ),
    ("read from the target's side", [("A", "threatens", "B")], "B", "A", [("A", "threatens", "B")]),
]


@pytest.mark.parametrize(
    ("triples", "a", "b", "hops"), [c[1:] for c in PATHS], ids=[c[0] for c in PATHS]
)
def test_connection_hops(triples, a, b, hops):
    found = connection(from_triples(triples), a, b)
    assert [(h.source, h.relation, h.target) for h in found] == hops


def test_no_connection_is_an_analysis_error():
    with pytest.raises(AnalysisError, match="no connection between A and C"):
        connection(from_triples([("A", "metWith", "B"), ("C", "metWith", "D")]), "A", "C")


def test_a_path_through_selected_relations_only():
    net = from_triples([("A", "metWith", "B"), ("B", "metWith", "C"), ("A", "threatens", "C")])
    hops = connection(restrict(net, ["met with"]), "A", "C")
    assert [h.relation for h in hops] == ["metWith", "metWith"]


def test_an_unknown_relation_is_an_analysis_error():
    with pytest.raises(AnalysisError, match="unknown relation 'loves'"):
        restrict(from_triples([("A", "metWith", "B")]), ["loves"])


# --- the projection of an RDF graph ---------------------------------------------------------

ENTITIES = (
    Entity("iran", "Iran", "State", ("Iranian",)),
    Entity("israel", "Israel", "State", ("Israeli",)),
    Entity("russia", "Russia", "State"),
    Entity("masoud-pezeshkian", "Masoud Pezeshkian", "Person", ("Pezeshkian",)),
    Entity("tehran", "Tehran", "Place"),
)


def _claim(doc: str, s: str, rel: str, o: str, sentence: str, start: int, **kw) -> Claim:
    return Claim(doc, s, rel, o, sentence, start, start + len(sentence), "t", f"{rel}/test", **kw)


def _article(doc: str, day: int, *claims: Claim) -> Extraction:
    return Extraction(Article(doc, "text", date=dt.date(2024, 8, day)), ENTITIES, claims)


@pytest.fixture(scope="module")
def small_rdf():
    return build_graph(
        [
            _article(
                "d1",
                4,
                _claim(
                    "d1",
                    "iran",
                    "threatens",
                    "israel",
                    "Iran threatened Israel.",
                    0,
                    date=dt.date(2024, 8, 4),
                ),
                _claim(
                    "d1",
                    "iran",
                    "attacked",
                    "israel",
                    "Iran could attack Israel.",
                    30,
                    modality="hypothetical",
                    date=dt.date(2024, 8, 4),
                ),
                _claim(
                    "d1",
                    "russia",
                    "metWith",
                    "iran",
                    "Russia met Iran.",
                    60,
                    date=dt.date(2024, 8, 4),
                ),
                _claim(
                    "d1",
                    "israel",
                    "condemned",
                    "russia",
                    "Israel did not condemn Russia.",
                    90,
                    polarity="negated",
                ),
            ),
            _article(
                "d2",
                6,
                _claim(
                    "d2",
                    "iran",
                    "threatens",
                    "israel",
                    "Iran again threatened Israel.",
                    0,
                    date=dt.date(2024, 8, 6),
                ),
                _claim(
                    "d2", "masoud-pezeshkian", "locatedIn", "tehran", "Pezeshkian in Tehran.", 40
                ),
            ),
        ]
    )


def test_the_projection_has_actors_with_label_and_type_and_no_places(small_rdf):
    net = project(small_rdf)
    assert set(net) == {str(ID[k]) for k in ("iran", "israel", "russia", "masoud-pezeshkian")}
    assert net.nodes[str(ID.iran)]["label"] == "Iran"
    assert net.nodes[str(ID.iran)]["type"] == "State"
    assert net.nodes[str(ID["masoud-pezeshkian"])]["type"] == "Person"


def test_the_projection_has_one_edge_per_fact_only(small_rdf):
    edges = {
        (u.rsplit("/", 1)[1], k, v.rsplit("/", 1)[1])
        for u, v, k in project(small_rdf).edges(keys=True)
    }
    assert edges == {
        ("iran", "threatens", "israel"),
        ("russia", "metWith", "iran"),
        ("iran", "metWith", "russia"),
    }


def test_an_edge_carries_each_supporting_statement_oldest_first(small_rdf):
    evidence = project(small_rdf).edges[str(ID.iran), str(ID.israel), "threatens"]["evidence"]
    assert [(e.date, e.document, e.sentence) for e in evidence] == [
        ("2024-08-04", "d1", "Iran threatened Israel."),
        ("2024-08-06", "d2", "Iran again threatened Israel."),
    ]


def test_both_directions_of_a_symmetric_relation_share_the_statement(small_rdf):
    net = project(small_rdf)
    there = net.edges[str(ID.russia), str(ID.iran), "metWith"]["evidence"]
    back = net.edges[str(ID.iran), str(ID.russia), "metWith"]["evidence"]
    assert there == back and [e.sentence for e in there] == ["Russia met Iran."]


def test_a_timeline_lists_each_statement_once_by_date(small_rdf):
    net = project(small_rdf)
    events = timeline(net, str(ID.iran))
    assert [(e.date, e.source.rsplit("/", 1)[1], e.relation) for e in events] == [
        ("2024-08-04", "iran", "metWith"),
        ("2024-08-04", "iran", "threatens"),
        ("2024-08-06", "iran", "threatens"),
    ]
    assert [e.relation for e in timeline(net, str(ID.iran), str(ID.israel))] == [
        "threatens",
        "threatens",
    ]


# (what the user types, the actor it means)
ACTOR_NAMES = [
    ("Iran", "iran"),
    ("iran", "iran"),
    ("IRANIAN", "iran"),
    ("pezeshkian", "masoud-pezeshkian"),
    ("Masoud Pezeshkian", "masoud-pezeshkian"),
    ("masoud-pezeshkian", "masoud-pezeshkian"),
]


@pytest.mark.parametrize(("name", "key"), ACTOR_NAMES)
def test_find_actor_by_label_alias_or_slug(small_rdf, name, key):
    assert find_actor(project(small_rdf), name) == str(ID[key])


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Irn", "unknown actor 'Irn' (close matches: Iran)"),
        ("Masoud", "close matches: Masoud Pezeshkian"),
        ("Hezbollah", "unknown actor 'Hezbollah' (no close match)"),
    ],
)
def test_an_unknown_actor_lists_close_matches(small_rdf, name, message):
    with pytest.raises(AnalysisError, match=re.escape(message)):
        find_actor(project(small_rdf), name)


def test_a_name_of_several_actors_is_ambiguous():
    net = nx.MultiDiGraph()
    net.add_node("a", label="Georgia", type="State", aliases=())
    net.add_node("b", label="Georgia (US state)", type="Place", aliases=("Georgia",))
    with pytest.raises(AnalysisError, match="names several actors"):
        find_actor(net, "georgia")


def test_betweenness_on_a_large_network_is_estimated_repeatably_from_samples():
    chain = from_triples([(f"N{i:02d}", "metWith", f"N{i + 1:02d}") for i in range(40)])
    exact = centrality(chain)
    estimated = centrality(chain, samples=10, seed=2)
    assert estimated == centrality(chain, samples=10, seed=2)
    assert estimated != exact
    broker = max(estimated, key=lambda n: estimated[n].betweenness)
    assert 13 <= int(broker[1:]) <= 27  # in the middle third of the chain, as exactly (N20)
    assert centrality(chain, samples=41) == exact  # as many samples as actors: exact


def test_a_frustrated_edge_is_listed_with_its_sentence():
    rdf = build_graph(
        [
            _article(
                "d3",
                5,
                _claim("d3", "iran", "threatens", "israel", "Iran threatened Israel.", 0),
                _claim("d3", "israel", "condemned", "russia", "Israel condemned Russia.", 30),
                _claim("d3", "russia", "attacked", "iran", "Russia attacked Iran.", 60),
            )
        ]
    )
    blocs, frustrated = analyze(rdf, "balance").sections
    assert len(frustrated.result.rows) == 1
    source, relation, target, sign, date, document, sentence = frustrated.result.rows[0]
    assert sign == -1 and document == "d3" and date == "2024-08-05"
    assert (source, relation, target, sentence) in {
        ("Iran", "threatens", "Israel", "Iran threatened Israel."),
        ("Israel", "condemned", "Russia", "Israel condemned Russia."),
        ("Russia", "attacked", "Iran", "Russia attacked Iran."),
    }
    assert {row[1] for row in blocs.result.rows} == {0, 1}
