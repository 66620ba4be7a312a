"""Friend and foe blocs: split the signed network in two by structural balance.

Each relation's sign is data in the ontology (`akg:sign`: 1 friendly, -1 hostile; structural
relations have none). A split is best when fewest edges break it: a friendly tie across the blocs
or a hostile tie inside one ("frustrated" edges). Each connected part of the signed network is
split on its own: exactly (all splits, in Gray-code order) up to `EXACT_LIMIT` actors, else by a
seeded local search (single-actor flips from a spanning-tree start and from random starts).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

__all__ = ["EXACT_LIMIT", "Balance", "SignedEdge", "balance", "signed_edges"]

EXACT_LIMIT = 18  # actors in one part; 2**17 splits are enumerated in well under a second

_Incident = list[list[tuple[int, bool]]]  # node index -> (other node index, hostile?) per edge


@dataclass(frozen=True, order=True)
class SignedEdge:
    source: str
    relation: str
    target: str
    sign: int


@dataclass(frozen=True)
class Balance:
    """`parts`: actor -> its connected part of the signed network (0 is the largest); `blocs`:
    actor -> 0 or 1, only in parts with a hostile tie (numbers compare only within one part)."""

    parts: dict[str, int]
    blocs: dict[str, int]
    frustrated: tuple[SignedEdge, ...]
    edges: int
    exact: bool


def signed_edges(net: nx.MultiDiGraph) -> list[SignedEdge]:
    """Every edge whose relation has a sign; a symmetric relation once per pair.

    >>> from kg.analyze import from_triples
    >>> signed_edges(from_triples([("A", "metWith", "B"), ("A", "leaderOf", "C")]))
    [SignedEdge(source='A', relation='metWith', target='B', sign=1)]
    """
    found = {
        SignedEdge(u, key, v, data["sign"])
        for u, v, key, data in net.edges(keys=True, data=True)
        if data["sign"] is not None and u != v and not (data["symmetric"] and str(v) < str(u))
    }
    return sorted(found)


def _is_frustrated(side: list[int], i: int, j: int, hostile: bool) -> bool:
    return (side[i] != side[j]) != hostile


def _exact(incident: _Incident) -> list[int]:
    """The first best split in Gray-code order; node 0 stays in bloc 0 (the mirror is equal)."""
    side = [0] * len(incident)
    count = sum(hostile for edges in incident for _j, hostile in edges) // 2
    best, best_side = count, side.copy()
    for step in range(1, 2 ** (len(incident) - 1)):
        node = (step & -step).bit_length()  # flip one node per step: bit k is node k + 1
        for other, hostile in incident[node]:
            count += -1 if _is_frustrated(side, node, other, hostile) else 1
        side[node] ^= 1
        if count < best:
            best, best_side = count, side.copy()
    return best_side


def _improve(side: list[int], incident: _Incident) -> list[int]:
    """Flip single nodes while a flip removes more frustrated edges than it adds."""
    improved = True
    while improved:
        improved = False
        for node, edges in enumerate(incident):
            gain = sum(1 if _is_frustrated(side, node, j, h) else -1 for j, h in edges)
            if gain > 0:
                side[node] ^= 1
                improved = True
    return side


def _tree_start(incident: _Incident) -> list[int]:
    """Sides that satisfy a breadth-first spanning tree (exact when the part is balanced)."""
    side = [-1] * len(incident)
    side[0] = 0
    queue = [0]
    for node in queue:
        for other, hostile in incident[node]:
            if side[other] < 0:
                side[other] = side[node] ^ hostile
                queue.append(other)
    return side


def _frustration(side: list[int], incident: _Incident) -> int:
    return sum(_is_frustrated(side, i, j, h) for i, edges in enumerate(incident) for j, h in edges)


def _local_search(incident: _Incident, rng: random.Random, restarts: int) -> list[int]:
    starts = [_tree_start(incident)]
    starts += [[rng.randint(0, 1) for _ in incident] for _ in range(restarts)]
    results = [_improve(start, incident) for start in starts]
    return min(results, key=lambda side: _frustration(side, incident))


def balance(net: nx.MultiDiGraph, *, seed: int = 0, restarts: int = 20) -> Balance:
    """Split every part of the signed network into two blocs with the fewest frustrated edges.

    Bloc 0 is the larger side of a part (on a tie, the side of the first actor by label); of
    equally good splits, the first one found is kept.

    >>> from kg.analyze import from_triples
    >>> net = from_triples([("A", "alliedWith", "B"), ("C", "threatens", "A"),
    ...                     ("C", "metWith", "D"), ("D", "threatens", "B"),
    ...                     ("B", "supports", "C")])
    >>> result = balance(net, seed=0)
    >>> result.blocs
    {'A': 0, 'B': 0, 'C': 1, 'D': 1}
    >>> result.frustrated
    (SignedEdge(source='B', relation='supports', target='C', sign=1),)
    """
    edges = signed_edges(net)
    signed = nx.MultiGraph()
    signed.add_edges_from((e.source, e.target, {"edge": e}) for e in edges)
    label = {node: net.nodes[node]["label"] for node in signed}
    parts = sorted(
        (sorted(part, key=lambda n: (label[n], n)) for part in nx.connected_components(signed)),
        key=lambda part: (-len(part), label[part[0]], part[0]),
    )
    rng = random.Random(seed)
    blocs: dict[str, int] = {}
    frustrated: list[SignedEdge] = []
    all_exact = True
    for nodes in parts:
        index = {node: i for i, node in enumerate(nodes)}
        incident: _Incident = [[] for _ in nodes]
        part_edges = [data["edge"] for _u, _v, data in signed.subgraph(nodes).edges(data=True)]
        for edge in part_edges:
            i, j, hostile = index[edge.source], index[edge.target], edge.sign < 0
            incident[i].append((j, hostile))
            incident[j].append((i, hostile))
        if not any(edge.sign < 0 for edge in part_edges):
            continue  # all friends: one bloc, nothing to split it from
        exact = len(nodes) <= EXACT_LIMIT
        all_exact = all_exact and exact
        side = _exact(incident) if exact else _local_search(incident, rng, restarts)
        if 2 * sum(side) > len(side) or (2 * sum(side) == len(side) and side[0] == 1):
            side = [1 - s for s in side]
        blocs.update({node: side[index[node]] for node in nodes})
        frustrated += [
            edge
            for edge in part_edges
            if _is_frustrated(side, index[edge.source], index[edge.target], edge.sign < 0)
        ]
    return Balance(
        parts={node: number for number, nodes in enumerate(parts) for node in nodes},
        blocs=dict(sorted(blocs.items(), key=lambda item: (item[1], label[item[0]], item[0]))),
        frustrated=tuple(sorted(frustrated)),
        edges=len(edges),
        exact=all_exact,
    )
