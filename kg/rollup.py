"""Roll-up: the network of states, with every person, delegation and institution replaced by the
state the text ties it to, and the edges re-counted from the same statements.

An actor belongs to what its structural facts say (`leaderOf`, `memberOf`, `delegationOf`,
`partOf`, followed transitively): Netanyahu leads Israel; Halevi leads the IDF, part of Israel.
States never move. A Group moves only when a fact puts it in a state. Where no fact ties an
organization to anything, its curated `akg:country` (background knowledge in actors.ttl) does: an
army or a council belongs to its state. A person's curated country is never used: nationality is
not office (an opposition leader, a former minister or a dissident does not act for the state).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from rdflib import Graph, URIRef
from rdflib.term import Node

from .config import Settings
from .errors import QueryError
from .graph import entity_triples
from .model import Entity
from .resolve import load_gazetteer
from .schema import relations
from .support import rederived, table_supports
from .table import Table, Triple, paused_gc
from .timeslice import Window, time_slice
from .vocab import AKG, ID, RDF, actor_iri, relationship_iri

__all__ = ["BELONGS", "LEVELS", "network_graph", "roll_up", "states_of"]

LEVELS = ("actor", "state")
# The structural facts that make an actor part of another (a tie).
BELONGS = (AKG.leaderOf, AKG.memberOf, AKG.delegationOf, AKG.partOf)
# The actor classes that may roll up into what they belong to; a State never does.
_MOVABLE = (AKG.Person, AKG.Delegation, AKG.Organization, AKG.Group)
_ACTOR_CLASSES = (AKG.State, *_MOVABLE)
# A statement's actors, which a roll-up rewrites.
_ENDS = (RDF.subject, RDF.object)


@cache
def _structural() -> frozenset[URIRef]:
    return frozenset(r.iri for r in relations().values() if not r.event)


def _kinds(graph: Graph) -> dict[Node, URIRef]:
    """Actor -> its class; a node typed twice gets the first of `_ACTOR_CLASSES` (State first)."""
    found: dict[Node, URIRef] = {}
    for cls in _ACTOR_CLASSES:
        for node in graph.subjects(RDF.type, cls):
            found.setdefault(node, cls)
    return found


def _ties(graph: Graph, kinds: Mapping[Node, URIRef]) -> dict[Node, list[tuple[int, Node]]]:
    """Actor -> (support count, container) of each structural fact from it, best supported first
    (ties by the container's IRI). States have none: a state never rolls into anything."""
    ties: dict[Node, list[tuple[int, Node]]] = defaultdict(list)
    for relation in BELONGS:
        for actor, container in graph.subject_objects(relation):
            if kinds.get(actor) in _MOVABLE and container in kinds:
                count = graph.value(relationship_iri(actor, relation, container), AKG.supportCount)
                ties[actor].append((int(count) if count is not None else 0, container))
    return {
        actor: sorted(set(found), key=lambda t: (-t[0], str(t[1]))) for actor, found in ties.items()
    }


def _curated_states() -> dict[URIRef, URIRef]:
    """Organization -> the state actors.ttl puts it in (background knowledge, never a fact)."""
    gazetteer = load_gazetteer(Settings().ontology_dir)
    return {
        actor_iri(entry.key): actor_iri(entry.country)
        for entry in gazetteer.entries.values()
        if entry.kind == "Organization" and entry.country
    }


def states_of(graph: Graph) -> dict[Node, Node]:
    """Every actor that rolls up -> the state (or, failing one, the group or organization) it
    belongs to; actors that stay themselves are not keys.

    A chain of ties is followed to its top: the best-supported tie that reaches a state wins
    (then the state's IRI), else the best-supported tie at all. A Group moves only into a state,
    so two states are never merged and a free group stays itself. Actors in a cycle of ties that
    reaches no state stay themselves."""
    kinds = _kinds(graph)
    ties = _ties(graph, kinds)
    curated = _curated_states()

    def top(actor: Node, seen: frozenset[Node]) -> tuple[Node, bool]:
        """The container at the top of the actor's ties (itself when it has none), and whether
        that is a state."""
        options = [
            (count, *top(container, seen | {actor}))
            for count, container in ties.get(actor, ())
            if container not in seen
        ]
        states = [option for option in options if option[2]]
        if states:
            return _best(states), True
        if kinds.get(actor) == AKG.Organization and actor in curated:
            return curated[actor], True
        if options and kinds.get(actor) != AKG.Group:
            return _best(options), False
        return actor, kinds.get(actor) == AKG.State

    moved = {actor: top(actor, frozenset())[0] for actor in kinds if kinds[actor] in _MOVABLE}
    # A container that itself moves was reached through a cut cycle: its members stay as they are.
    return {a: top_ for a, top_ in moved.items() if top_ != a and moved.get(top_, top_) == top_}


def _best(options: list[tuple[int, Node, bool]]) -> Node:
    """The container of the best-supported tie, ties broken by the container's IRI."""
    return min(options, key=lambda option: (-option[0], str(option[1])))[1]


def _lift(
    subject: Node, relation: Node, obj: Node, up: Mapping[Node, Node]
) -> tuple[Node, Node] | None:
    """A statement's actors at state level, or None when it has no state-level reading: it
    would be a self-loop (Israel's army met Israel's prime minister), or it is a structural fact
    about an actor that rolled up (the tie itself, or where a delegation was)."""
    if subject in up and relation in _structural():
        return None
    lifted = up.get(subject, subject), up.get(obj, obj)
    return None if lifted[0] == lifted[1] else lifted


def _state_nodes(typed: set[Node], states: set[Node]) -> list[Triple]:
    """Type and labels of a state reached through actors.ttl that the graph does not name
    (`typed`: the nodes the graph gives a type)."""
    entries = load_gazetteer(Settings().ontology_dir).entries
    triples = []
    for state in sorted(states, key=str):
        entry = entries.get(str(state).removeprefix(str(ID)))
        if entry is not None and entry.kind == "State" and state not in typed:
            entity = Entity(entry.key, entry.label, "State", entry.aliases, entry.wikidata)
            triples += entity_triples(entity)
    return triples


@paused_gc()
def roll_up(graph: Graph, level: str = "actor") -> Graph:
    """The graph at `level`: "actor" is the graph itself; "state" is a copy in which each
    statement reads as about the states (`states_of`), a statement with no state-level reading is
    left out, the rolled-up actors are no longer typed actors (so no view, analysis or export
    draws them) and every direct edge and support count is re-derived from the lifted statements
    (one statement counts once, on its state edge)."""
    if level not in LEVELS:
        raise QueryError(f"unknown level {level!r} (choose from {', '.join(LEVELS)})")
    if level == "actor":
        return graph
    up = states_of(graph)
    table = Table.read(graph)
    relations_, objects = table.values(RDF.predicate), table.values(RDF.object)
    lifted = {}  # statement -> its actors at state level (None: left out), where they change
    for statement, subject in table.pairs(RDF.subject):
        relation, obj = relations_.get(statement), objects.get(statement)
        if subject in up or obj in up:
            lifted[statement] = _lift(subject, relation, obj, up)
    supports = [
        replace(s, subject=ends[0], object=ends[1]) if (ends := lifted.get(s.statement)) else s
        for s in table_supports(table)
        if lifted.get(s.statement, True)
    ]
    moved = {statement: ends for statement, ends in lifted.items() if ends is not None}
    kept = [
        (s, p, o)
        for s, p, o in rederived(table, supports)
        if not (s in lifted and (s not in moved or p in _ENDS))
        and not (s in up and p == RDF.type and o in _ACTOR_CLASSES)
    ]
    rewritten = [
        (statement, end, actor)
        for statement, ends in moved.items()
        for end, actor in zip(_ENDS, ends, strict=True)
    ]
    # still an actor to the events and attributions that name it, not a node
    retyped = [(actor, RDF.type, AKG.Actor) for actor in up]
    typed = {node for node, _ in table.pairs(RDF.type)}
    states = _state_nodes(typed, set(up.values()))
    return table.to_graph([*kept, *rewritten, *retyped, *states])


def network_graph(graph: Graph, span: Window | None = None, level: str = "actor") -> Graph:
    """The graph the network commands (view, export, analyze) read: its time slice when `span`
    is bounded, then rolled up to `level`. Slicing comes first, so a state-level network of a
    window rolls actors up by the ties reported in that window."""
    return roll_up(time_slice(graph, span) if span else graph, level)
