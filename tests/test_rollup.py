"""Roll-up: at state level every person, delegation and institution is the state its facts tie it
to, and each state-level edge counts every statement of the actors it stands for, once."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from clirun import kg
from rdflib import Literal

from kg.analyze import project
from kg.errors import QueryError
from kg.export import load_graph, serialize, write_graph
from kg.graph import build_graph
from kg.model import Article, Claim, Entity, Extraction
from kg.rollup import roll_up, states_of
from kg.support import read_supports, rederive
from kg.validate import validate
from kg.view_data import select
from kg.vocab import AKG, RDF, actor_iri, relationship_iri

ENTITIES = (
    *(Entity(key, key.title(), "State") for key in ("israel", "iran", "qatar", "russia", "yemen")),
    *(
        Entity(key, key.title(), "Person")
        for key in ("netanyahu", "halevi", "gallant", "sinwar", "bennett", "envoy", "twice")
    ),
    Entity("bashar-al-assad", "Bashar al-Assad", "Person"),  # curated country: Syria
    *(Entity(key, key.title(), "Organization") for key in ("army", "ministry", "loop-a", "loop-b")),
    Entity("islamic-revolutionary-guard-corps", "IRGC", "Organization"),  # curated country: Iran
    Entity("united-nations", "United Nations", "Organization"),
    Entity("delegation", "Russian delegation in Tehran", "Delegation"),
    *(Entity(key, key.title(), "Group") for key in ("hamas", "hezbollah", "houthis", "axis")),
    Entity("tehran", "Tehran", "Place"),
)

TIES = [
    ("netanyahu", "leaderOf", "israel", {}),
    ("army", "partOf", "israel", {}),
    ("halevi", "leaderOf", "army", {}),
    ("ministry", "partOf", "israel", {}),
    ("gallant", "memberOf", "ministry", {}),
    ("delegation", "delegationOf", "russia", {}),
    ("delegation", "locatedIn", "tehran", {}),
    ("sinwar", "leaderOf", "hamas", {}),
    ("bennett", "leaderOf", "israel", {"role_status": "former"}),
    ("envoy", "memberOf", "united-nations", {}),
    ("israel", "memberOf", "united-nations", {}),
    ("twice", "leaderOf", "qatar", {}),
    ("twice", "leaderOf", "qatar", {}),
    ("twice", "memberOf", "iran", {}),
    ("houthis", "partOf", "yemen", {}),
    ("hezbollah", "memberOf", "axis", {}),
    ("loop-a", "partOf", "loop-b", {}),
    ("loop-b", "partOf", "loop-a", {}),
]


def report(doc: str, day: int, *claims: tuple) -> Extraction:
    """One article of 4 August 2024 + `day` days stating `claims` about the actors above."""
    article = Article(doc, f"text of {doc}", date=dt.date(2024, 8, 4 + day), source="AP")
    made = tuple(
        Claim(doc, s, r, o, f"{s} {r} {o}", 10 * i, 10 * i + 9, r, "test", **fields)
        for i, (s, r, o, fields) in enumerate(claims)
    )
    return Extraction(article, ENTITIES, made)


WORLD = [
    report("ties", 0, *TIES),
    report("a", 1, ("netanyahu", "metWith", "qatar", {}), ("sinwar", "threatens", "israel", {})),
    report("b", 2, ("halevi", "metWith", "qatar", {}), ("halevi", "metWith", "netanyahu", {})),
    report("c", 3, ("qatar", "metWith", "gallant", {}), ("delegation", "metWith", "iran", {})),
    report("d", 4, ("netanyahu", "threatens", "iran", {"polarity": "negated"})),
]


@pytest.fixture(scope="module")
def world():
    return build_graph(WORLD)


@pytest.fixture(scope="module")
def rolled(world):
    return roll_up(world, "state")


@pytest.mark.parametrize(
    ("actor", "state"),
    [
        ("netanyahu", "israel"),
        ("halevi", "israel"),
        ("army", "israel"),
        ("gallant", "israel"),
        ("delegation", "russia"),
        ("sinwar", "hamas"),
        ("envoy", "united-nations"),
        ("twice", "qatar"),
        ("houthis", "yemen"),
        ("islamic-revolutionary-guard-corps", "iran"),
        ("israel", "israel"),
        ("hamas", "hamas"),
        ("hezbollah", "hezbollah"),
        ("united-nations", "united-nations"),
        ("bennett", "bennett"),
        ("bashar-al-assad", "bashar-al-assad"),
        ("loop-a", "loop-a"),
        ("loop-b", "loop-b"),
    ],
    ids=[
        "a leader is their state",
        "through the army they lead",
        "an army part of a state",
        "through the ministry they are member of",
        "a delegation is its sender",
        "a person of a stateless group is the group",
        "a person of an IGO is the IGO",
        "two states: the better supported tie",
        "a group part of a state",
        "an organization no fact ties: its curated country",
        "a state stays, though member of an IGO",
        "a stateless group stays",
        "a group moves only into a state",
        "an IGO stays",
        "a former role is no fact",
        "a person's curated country is not used",
        "a cycle that reaches no state stays",
        "both ends of the cycle",
    ],
)
def test_each_actor_rolls_up_to_what_its_facts_tie_it_to(world, actor, state):
    assert states_of(world).get(actor_iri(actor), actor_iri(actor)) == actor_iri(state)


def test_a_tie_between_two_equally_supported_states_goes_to_the_first_iri():
    even = build_graph(
        [report("e", 0, ("envoy", "memberOf", "qatar", {}), ("envoy", "memberOf", "iran", {}))]
    )
    assert states_of(even)[actor_iri("envoy")] == actor_iri("iran")


def relationship(graph, s, relation, o) -> tuple:
    node = relationship_iri(actor_iri(s), relation, actor_iri(o))
    return graph.value(node, AKG.supportCount), graph.value(node, AKG.documentCount)


def test_meetings_of_a_states_people_are_one_state_edge_counting_each_statement(rolled):
    edge = (actor_iri("israel"), AKG.metWith, actor_iri("qatar"))
    assert edge in rolled and tuple(reversed(edge)) in rolled
    # Netanyahu (doc a), Halevi (doc b) and Gallant (doc c, the other way round) met Qatar
    assert relationship(rolled, "israel", AKG.metWith, "qatar") == (Literal(3), Literal(3))
    assert relationship(rolled, "russia", AKG.metWith, "iran") == (Literal(1), Literal(1))
    assert (actor_iri("hamas"), AKG.threatens, actor_iri("israel")) in rolled


def test_self_loops_and_the_ties_of_rolled_up_actors_have_no_state_level_reading(rolled):
    lifted = read_supports(rolled)
    assert not [s for s in lifted if s.subject == s.object]
    structural = (AKG.leaderOf, AKG.memberOf, AKG.delegationOf, AKG.partOf, AKG.locatedIn)
    assert {(s.subject, s.relation, s.object) for s in lifted if s.relation in structural} == {
        (actor_iri("israel"), AKG.memberOf, actor_iri("united-nations")),  # between two that stay
        (actor_iri("hezbollah"), AKG.memberOf, actor_iri("axis")),
        (actor_iri("loop-a"), AKG.partOf, actor_iri("loop-b")),
        (actor_iri("loop-b"), AKG.partOf, actor_iri("loop-a")),
    }
    assert not list(rolled.triples((None, RDF.subject, actor_iri("halevi"))))


def test_the_state_level_graph_is_consistent_and_rolling_it_up_again_changes_nothing(rolled):
    assert set(rederive(rolled, read_supports(rolled))) == set(rolled)
    assert set(roll_up(rolled, "state")) == set(rolled)


def test_the_rolled_up_actors_are_nodes_of_no_output(rolled):
    stay = {
        actor_iri(key)
        for key in (
            *("israel", "iran", "qatar", "russia", "yemen", "hamas", "hezbollah", "axis"),
            *("united-nations", "bennett", "bashar-al-assad", "loop-a", "loop-b"),
        )
    }
    stay = {str(iri) for iri in stay}
    assert set(project(rolled)) == stay
    types = {data["label"]: data["type"] for _node, data in project(rolled).nodes(data=True)}
    assert (types["Israel"], types["Hamas"], types["United Nations"]) == (
        "State",
        "Group",
        "Organization",
    )
    assert set(rolled.objects(actor_iri("hamas"), RDF.type)) == {AKG.Group}
    assert {
        node.iri for node in select(rolled).nodes
    } == stay  # Tehran: only where a delegation was
    rows = list(csv.DictReader(io.StringIO(serialize(rolled, "csv"))))
    assert {r["source"] for r in rows} | {r["target"] for r in rows} <= stay
    assert set(re.findall(r'<node id="([^"]+)"', serialize(rolled, "graphml"))) == stay


def test_statements_read_as_about_the_state_and_keep_their_sentence(rolled):
    edges = {(e.source, e.target): e for e in select(rolled).edges if e.relation == AKG.metWith}
    evidence = edges[(str(actor_iri("israel")), str(actor_iri("qatar")))].evidence
    assert {e.sentence for e in evidence} == {
        "netanyahu metWith qatar",
        "halevi metWith qatar",
        "qatar metWith gallant",
    }
    assert {e.claim for e in evidence} == {"Israel met with Qatar", "Qatar met with Israel"}
    denied = {n.label: [e.claim for e in n.not_asserted] for n in select(rolled).nodes}
    assert denied["Israel"] == ["Israel threatens Iran"]


def test_the_rolled_up_graph_conforms_to_the_shapes(rolled):
    report_ = validate(rolled)
    assert report_.conforms, report_.text


def test_an_organization_of_a_state_the_graph_does_not_name_brings_the_state():
    graph = build_graph(
        [report("g", 0, ("islamic-revolutionary-guard-corps", "threatens", "qatar", {}))]
    )
    rolled = roll_up(graph, "state")
    assert (actor_iri("iran"), RDF.type, AKG.State) in rolled
    assert (actor_iri("iran"), AKG.threatens, actor_iri("qatar")) in rolled
    assert validate(rolled).conforms


def test_actor_level_is_the_graph_itself_and_an_unknown_level_is_an_error(world):
    assert roll_up(world, "actor") is world
    with pytest.raises(QueryError, match="unknown level 'country'"):
        roll_up(world, "country")


# --- the seed corpus --------------------------------------------------------------------------

SEED_STATE_EDGES = {
    ("Iran", "allied with", "Russia", "1"),
    ("Russia", "allied with", "Iran", "1"),
    ("Iran", "met with", "Russia", "2"),
    ("Russia", "met with", "Iran", "2"),
    ("Iran", "threatens", "Israel", "1"),
    ("Israel", "met with", "United States", "1"),
    ("United States", "met with", "Israel", "1"),
    ("Israel", "spoke with", "United States", "1"),
    ("United States", "spoke with", "Israel", "1"),
    ("Israel", "visited", "United States", "1"),
}


@pytest.mark.parametrize(
    ("actor", "state"),
    [
        ("benjamin-netanyahu", "israel"),
        ("herzi-halevi", "israel"),  # leader of the IDF, part of Israel
        ("michael-kurilla", "united-states"),  # leader of CENTCOM, part of the United States
        ("sergei-shoigu", "russia"),  # member of the Security Council of Russia (curated)
        ("masoud-pezeshkian", "iran"),
        ("russia-defense-delegation-tehran-2024-08-05", "russia"),
        ("ismail-haniyeh", "hamas"),
    ],
)
def test_seed_actors_roll_up_to_their_states(seed_graph, actor, state):
    assert states_of(seed_graph)[actor_iri(actor)] == actor_iri(state)


def test_seed_actors_keep_their_type_at_state_level(seed_graph):
    types = {
        data["label"]: data["type"]
        for _node, data in project(roll_up(seed_graph, "state")).nodes(data=True)
    }
    assert types["Hamas"] == "Group" and types["Russia"] == "State"
    assert types["Bashar al-Assad"] == "Person"  # no fact ties him to Syria


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return write_graph(seed_graph, tmp_path_factory.mktemp("seeds") / "graph.ttl")


def test_export_csv_at_state_level_is_the_network_of_states(seed_path):
    run = kg("export", seed_path, "--level", "state", "-f", "csv")
    assert run.returncode == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    edges = {
        (r["source_label"], r["relation_label"], r["target_label"], r["support"]) for r in rows
    }
    assert edges == SEED_STATE_EDGES


def test_view_analyze_and_graphml_at_state_level_have_the_same_nodes(
    seed_graph, seed_path, tmp_path
):
    nodes = set(project(roll_up(seed_graph, "state")))
    assert str(actor_iri("benjamin-netanyahu")) not in nodes and str(actor_iri("israel")) in nodes
    page = tmp_path / "states.html"
    runs = [
        kg("view", seed_path, "--level", "state", "-o", page),
        kg("export", seed_path, "--level", "state", "-f", "graphml"),
        kg("analyze", seed_path, "communities", "--level", "state", "-f", "csv"),
    ]
    assert [run.returncode for run in runs] == [0, 0, 0], [run.stderr for run in runs]
    actors = re.compile(r"https://w3id\.org/akg/id/(?!doc/)[a-z0-9-]+")
    assert set(actors.findall(page.read_text(encoding="utf-8"))) == nodes
    assert set(re.findall(r'<node id="([^"]+)"', runs[1].stdout)) == nodes
    labels = {row["actor"] for row in csv.DictReader(io.StringIO(runs[2].stdout))}
    assert labels == {project(roll_up(seed_graph, "state")).nodes[n]["label"] for n in nodes}


def test_annotate_at_state_level_writes_the_state_level_graph(seed_path, tmp_path):
    annotated = tmp_path / "annotated.ttl"
    run = kg("analyze", seed_path, "centrality", "--level", "state", "--annotate", annotated)
    assert run.returncode == 0, run.stderr
    graph = load_graph(annotated)
    assert (actor_iri("iran"), AKG.metWith, actor_iri("russia")) in graph
    ranked = set(graph.subjects(AKG.pageRank, None))
    assert actor_iri("iran") in ranked and actor_iri("masoud-pezeshkian") not in ranked


def test_an_unknown_level_is_a_usage_error(seed_path):
    run = kg("view", seed_path, "--level", "country")
    assert run.returncode == 2 and "Traceback" not in run.stderr
