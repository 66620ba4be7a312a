"""A document's records, as a store's record graph holds them: one triple per node it names.

`node akg:record "p1 o1 .\\np2 o2 ."`: the node's predicate-object pairs as that document alone
names them, as sorted N-Triples lines without the subject. One quad per node instead of one per
pair keeps the record layer a third of its size (a named graph is indexed six ways, so it weighs
on a bulk load), and documents that name a node alike share one stored literal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal
from rdflib.term import Node

from .store import nt
from .vocab import AKG

__all__ = ["decode", "encode"]

Triple = tuple[Node, Node, Node]
Pair = tuple[Node, Node]


def encode(triples: Iterable[Triple]) -> set[Triple]:
    """The record triples of a document's triples: one `akg:record` literal per subject."""
    lines: dict[Node, list[str]] = {}
    for s, p, o in triples:
        lines.setdefault(s, []).append(f"{nt(p)} {nt(o)} .")
    return {(s, AKG.record, Literal("\n".join(sorted(set(text))))) for s, text in lines.items()}


def decode(rows: Iterable[tuple[Node, Node]]) -> dict[Node, list[Pair]]:
    """(key, record literal) rows -> each key's pairs (a key's records merged), in one parse:
    the key is the node of a document's records, or the record graph of a node's."""
    text = "".join(
        f"{nt(key)} {line}\n" for key, record in rows for line in str(record).split("\n")
    )
    pairs: dict[Node, list[Pair]] = {}
    for s, p, o in Graph().parse(data=text, format="nt"):
        pairs.setdefault(s, []).append((p, o))
    return pairs
