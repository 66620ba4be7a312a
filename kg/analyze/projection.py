"""The RDF graph as a networkx graph: actors as nodes, one edge per direct relation triple.

Every analysis runs on this projection, so each result can point back to the statements (sentence,
document, date) behind an edge. Places are not actors and stay out; a symmetric relation is an
edge in both directions, as in the RDF.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.term import Node

from ..errors import AnalysisError
from ..schema import find_relation, label_of, load_ontology, relations
from ..vocab import AKG, DCTERMS, PROV, RDF, RDFS, SKOS

__all__ = ["Evidence", "find_actor", "from_triples", "layer", "project", "restrict"]

# A statement supports a direct edge only when affirmed and asserted or reported (README: the rule).
_FACT_MODALITIES = frozenset({AKG.Asserted, AKG.Reported})


@dataclass(frozen=True, order=True)
class Evidence:
    """One statement behind an edge; ordered by date (ISO text, "" when undated) then sentence."""

    date: str
    sentence: str
    document: str
    statement: str


def _local(term: Node) -> str:
    return str(term).rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str:
    values = sorted(str(v) for v in graph.objects(node, prop)) if node is not None else []
    return values[0] if values else ""


def _actor_types(graph: Graph) -> dict[Node, str]:
    """Actor -> the label of its most specific actor class (read from the ontology)."""
    onto = load_ontology()
    classes = set(onto.transitive_subjects(RDFS.subClassOf, AKG.Actor)) - {AKG.Actor}
    found: dict[Node, str] = {}
    for cls in sorted(classes, key=str):
        for node in graph.subjects(RDF.type, cls):
            if isinstance(node, URIRef):
                found.setdefault(node, label_of(cls))
    return found


def _evidence(graph: Graph) -> dict[tuple[Node, Node, Node], list[Evidence]]:
    """(subject, predicate, object) -> the affirmed, asserted or reported statements about it."""
    found: dict[tuple[Node, Node, Node], list[Evidence]] = defaultdict(list)
    for st in graph.subjects(RDF.type, RDF.Statement):
        if graph.value(st, AKG.polarity) != AKG.Affirmed:
            continue
        if graph.value(st, AKG.modality) not in _FACT_MODALITIES:
            continue
        triple = (
            graph.value(st, RDF.subject),
            graph.value(st, RDF.predicate),
            graph.value(st, RDF.object),
        )
        doc = graph.value(st, PROV.wasDerivedFrom)
        found[triple].append(
            Evidence(
                date=_text(graph, st, DCTERMS.date) or _text(graph, doc, DCTERMS.date),
                sentence=_text(graph, st, AKG.sentence),
                document=_text(graph, doc, DCTERMS.identifier) or (str(doc) if doc else ""),
                statement=str(st),
            )
        )
    return found


def _add_edge(
    net: nx.MultiDiGraph, source: str, relation: str, target: str, evidence: Iterable[Evidence]
) -> None:
    info = relations()[relation]
    net.add_edge(
        source,
        target,
        key=relation,
        relation=relation,
        label=info.label,
        sign=info.sign,
        symmetric=info.symmetric,
        evidence=tuple(sorted(set(evidence))),
    )


def project(graph: Graph) -> nx.MultiDiGraph:
    """Actors (node id: IRI; `label`, `type`, `aliases`) and their direct relations (edge key: the
    relation's local name; `label`, `sign`, `symmetric`, `evidence`: the supporting statements)."""
    types = _actor_types(graph)
    net = nx.MultiDiGraph()
    for node in sorted(types, key=str):
        aliases = {str(a) for a in graph.objects(node, SKOS.altLabel)}
        net.add_node(
            str(node),
            label=_text(graph, node, SKOS.prefLabel) or _local(node),
            type=types[node],
            aliases=tuple(sorted(aliases)),
        )
    support = _evidence(graph)
    for name, info in relations().items():
        pairs = sorted(
            graph.subject_objects(info.iri), key=lambda pair: (str(pair[0]), str(pair[1]))
        )
        for s, o in pairs:
            if s not in types or o not in types:
                continue
            found = support.get((s, info.iri, o), [])
            if info.symmetric:
                found = [*found, *support.get((o, info.iri, s), [])]
            _add_edge(net, str(s), name, str(o), found)
    return net


def from_triples(triples: Iterable[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """A projection from plain (actor, relation, actor) triples, without evidence; for sketches
    and tests. Relations are the ontology's local names; symmetric ones get both directions.

    >>> net = from_triples([("Iran", "threatens", "Israel"), ("Iran", "metWith", "Russia")])
    >>> sorted(net.edges(keys=True))
    [('Iran', 'Israel', 'threatens'), ('Iran', 'Russia', 'metWith'), ('Russia', 'Iran', 'metWith')]
    >>> net.edges["Iran", "Israel", "threatens"]["sign"]
    -1
    """
    known = relations()
    net = nx.MultiDiGraph()
    for source, relation, target in triples:
        if relation not in known:
            raise AnalysisError(f"unknown relation '{relation}' (known: {', '.join(known)})")
        for node in (source, target):
            net.add_node(node, label=node, type="Actor", aliases=())
        _add_edge(net, source, relation, target, ())
        if known[relation].symmetric:
            _add_edge(net, target, relation, source, ())
    return net


def restrict(net: nx.MultiDiGraph, names: Iterable[str]) -> nx.MultiDiGraph:
    """Only the edges of the named relations (local name or label, any case); every actor stays.

    >>> net = from_triples([("Iran", "threatens", "Israel"), ("Iran", "metWith", "Russia")])
    >>> sorted(restrict(net, ["met with"]).edges(keys=True))
    [('Iran', 'Russia', 'metWith'), ('Russia', 'Iran', 'metWith')]
    """
    wanted = {_relation_name(name) for name in names}
    if not wanted:
        return net
    return nx.subgraph_view(net, filter_edge=lambda _u, _v, key: key in wanted)


def layer(net: nx.MultiDiGraph, relation: str) -> nx.MultiDiGraph:
    """The edges of one relation and the actors they touch (a relation layer).

    >>> net = from_triples([("Iran", "threatens", "Israel"), ("Iran", "metWith", "Russia")])
    >>> sorted(layer(net, "threatens"))
    ['Iran', 'Israel']
    """
    return net.edge_subgraph([(u, v, k) for u, v, k in net.edges(keys=True) if k == relation])


def _relation_name(name: str) -> str:
    found = find_relation(name)
    if found is None:
        raise AnalysisError(f"unknown relation '{name}' (known: {', '.join(relations())})")
    return found.name


def find_actor(net: nx.MultiDiGraph, name: str) -> str:
    """The node a user means by `name`: its label, an alias or the IRI's last segment, any case.

    >>> net = from_triples([("Iran", "threatens", "Israel")])
    >>> find_actor(net, "iran")
    'Iran'
    """
    wanted = name.strip().casefold()
    names: dict[str, set[str]] = defaultdict(set)  # a name, folded -> the nodes it names
    for node, data in net.nodes(data=True):
        for text in (data["label"], *data["aliases"], _local(node)):
            names[text.casefold()].add(node)
    found = names.get(wanted, set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        labels = ", ".join(sorted(net.nodes[node]["label"] for node in found))
        raise AnalysisError(f"'{name}' names several actors: {labels}; use the full name")
    close = difflib.get_close_matches(wanted, list(names), n=5, cutoff=0.6)
    close += [text for text in names if wanted and wanted in text]
    suggestions = sorted({net.nodes[n]["label"] for text in close for n in names[text]})
    hint = f"close matches: {', '.join(suggestions)}" if suggestions else "no close match"
    raise AnalysisError(f"unknown actor '{name}' ({hint})")
