"""Turtle written in one pass: rdflib's serializer looks up a prefixed name for every occurrence of
every term (and tries to invent prefixes for IRIs it cannot shorten), which made writing a graph
cost more than building it.

The layout follows rdflib's: the prefixes used, then one block per subject in IRI order, `a` first,
then predicates in IRI order, each with its objects in order. The output depends only on the
triples and the bound prefixes, never on insertion order or hash seed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .vocab import RDF

__all__ = ["write_turtle"]

# A local name every Turtle parser reads: letters, digits, '_', '-' and inner dots (PN_LOCAL,
# without the escapes and percent codes that only some serializers produce).
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_INDENT = "    "
_TYPE = RDF.type


class _Names:
    """Each IRI's text, computed once: a prefixed name when a bound namespace leaves a valid local
    name (the longest such namespace), else `<IRI>`."""

    def __init__(self, prefixes: Iterable[tuple[str, str]]) -> None:
        # longest namespace first, so 'doc:' wins over 'id:' for .../id/doc/...
        self.namespaces = sorted(prefixes, key=lambda pair: (-len(pair[1]), pair[0]))
        self.used: dict[str, str] = {}
        self.cache: dict[Node, str] = {}

    def iri(self, iri: URIRef) -> str:
        text = self.cache.get(iri)
        if text is None:
            text = self.cache[iri] = self._shorten(iri)
        return text

    def _shorten(self, iri: URIRef) -> str:
        for prefix, namespace in self.namespaces:
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
                self.used[prefix] = namespace
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri.n3()

    def term(self, node: Node) -> str:
        text = self.cache.get(node)  # literals repeat too (offsets, rules, dates, flags)
        if text is None:
            text = self.cache[node] = self._text(node)
        return text

    def _text(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return self._shorten(node)
        if isinstance(node, Literal):
            return node._literal_n3(use_plain=True, qname_callback=self.iri)
        if isinstance(node, BNode):
            return node.n3()
        raise TypeError(f"cannot write {node!r} as Turtle")


def write_turtle(
    triples: Iterable[tuple[Node, Node, Node]], prefixes: Iterable[tuple[str, str]]
) -> str:
    """The triples as Turtle, using those of the (prefix, namespace) pairs that shorten an IRI."""
    names = _Names((str(prefix), str(namespace)) for prefix, namespace in prefixes if prefix)
    # predicate -> (sort key, text): rdf:type is written `a` and comes first
    verbs: dict[Node, tuple[str, str]] = {_TYPE: ("", "a")}
    rows: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for s, p, o in triples:
        verb = verbs.get(p)
        if verb is None:
            verb = verbs[p] = (str(p), names.iri(p))
        rows[names.term(s)].append((*verb, names.term(o)))
    blocks = []
    for subject in sorted(rows):
        parts, last = [subject], None
        for _key, verb, obj in sorted(set(rows[subject])):
            if verb == last:
                parts.append(f",\n{_INDENT * 2}{obj}")
            else:
                parts.append(f" ;\n{_INDENT}{verb} {obj}" if last else f" {verb} {obj}")
                last = verb
        blocks.append("".join(parts) + " .\n")
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(names.used.items()))
    return header + "\n" + "\n".join(blocks)
