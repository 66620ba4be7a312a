"""Who is central: degree, betweenness and PageRank of every actor, overall and per relation.

Degree and betweenness read ties regardless of direction (brokerage between parties); PageRank
follows the direction of relations (who is the object of many relations). Parallel relations
between one pair count as one tie, so a pair reported often does not outweigh a pair named once.
Exact betweenness costs actors x ties; on a large network `samples` pivots (drawn with `seed`)
estimate it.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .projection import layer

__all__ = ["BETWEENNESS_SAMPLES", "OVERALL", "Centrality", "centrality", "centrality_by_layer"]

OVERALL = "all"  # the layer name of the whole network
BETWEENNESS_SAMPLES = 500  # pivots for estimated betweenness on networks with more actors


@dataclass(frozen=True)
class Centrality:
    degree: int  # distinct actors with a direct relation to this one
    betweenness: float  # normalised, undirected
    pagerank: float  # directed, damping 0.85


def centrality(
    net: nx.MultiDiGraph, *, samples: int | None = None, seed: int = 0
) -> dict[str, Centrality]:
    """Scores of every node of `net`, best PageRank first; betweenness is exact unless `samples`
    is smaller than the number of actors.

    >>> from kg.analyze import from_triples
    >>> net = from_triples([("A", "metWith", "B"), ("B", "metWith", "C"), ("D", "threatens", "B")])
    >>> scores = centrality(net)
    >>> next(iter(scores)), scores["B"].degree, scores["B"].betweenness
    ('B', 3, 1.0)
    """
    directed = nx.DiGraph()
    directed.add_nodes_from(net)
    directed.add_edges_from((u, v) for u, v in net.edges() if u != v)
    undirected = directed.to_undirected()
    pivots = samples if samples is not None and samples < len(undirected) else None
    betweenness = nx.betweenness_centrality(undirected, k=pivots, normalized=True, seed=seed)
    pagerank = nx.pagerank(directed, alpha=0.85) if len(directed) else {}
    scores = {
        node: Centrality(
            degree=undirected.degree(node),
            betweenness=round(betweenness[node], 4),
            pagerank=round(pagerank[node], 4),
        )
        for node in net
    }
    order = sorted(scores, key=lambda n: (-scores[n].pagerank, -scores[n].degree, str(n)))
    return {node: scores[node] for node in order}


def centrality_by_layer(
    net: nx.MultiDiGraph, *, samples: int | None = None, seed: int = 0
) -> dict[str, dict[str, Centrality]]:
    """`OVERALL` (every actor, every relation), then each relation layer (the actors it touches).

    >>> from kg.analyze import from_triples
    >>> net = from_triples([("A", "metWith", "B"), ("C", "threatens", "B")])
    >>> {name: list(scores) for name, scores in centrality_by_layer(net).items()}
    {'all': ['B', 'A', 'C'], 'metWith': ['A', 'B'], 'threatens': ['B', 'C']}
    """
    names = sorted({key for _u, _v, key in net.edges(keys=True)})
    found = {OVERALL: centrality(net, samples=samples, seed=seed)}
    for name in names:
        found[name] = centrality(layer(net, name), samples=samples, seed=seed)
    return found
