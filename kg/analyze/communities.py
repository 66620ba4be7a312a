"""Which actors cluster together: Louvain communities of the undirected actor network.

Louvain is randomised; the explicit `seed` makes a run repeatable. Communities are numbered by
size (0 is the largest), ties by their first member, so numbers are stable for a given seed.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["communities"]


def communities(net: nx.MultiDiGraph, *, seed: int = 0, resolution: float = 1.0) -> dict[str, int]:
    """Node -> community number; an actor with no relation is a community of its own.

    A tie is one relation between a pair, whatever its direction; parallel relations add weight.

    >>> from kg.analyze import from_triples
    >>> net = from_triples([("A", "metWith", "B"), ("B", "alliedWith", "C"), ("A", "supports", "C"),
    ...                     ("D", "metWith", "E"), ("C", "threatens", "D")])
    >>> communities(net, seed=1)
    {'A': 0, 'B': 0, 'C': 0, 'D': 1, 'E': 1}
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(net)
    for u, v, data in net.edges(data=True):
        if u == v or (data["symmetric"] and str(v) < str(u)):
            continue  # a symmetric relation is one tie, written once per direction in the RDF
        weight = undirected.get_edge_data(u, v, {"weight": 0})["weight"]
        undirected.add_edge(u, v, weight=weight + 1)
    found = nx.community.louvain_communities(
        undirected, weight="weight", resolution=resolution, seed=seed
    )
    ordered = sorted(
        (sorted(members, key=str) for members in found), key=lambda m: (-len(m), str(m[0]))
    )
    number = {node: index for index, members in enumerate(ordered) for node in members}
    return {node: number[node] for node in sorted(net, key=lambda n: (number[n], str(n)))}
