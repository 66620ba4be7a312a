"""What changed between two graphs: relationships that appeared, disappeared or changed sign.

Relationships are direct edges (a symmetric one once), each weighed by its support count (1 for
an edge without statements). An ordered actor pair's net sign is the sum of its relations' signs
(`akg:sign` in the ontology) times their support; when it turns from friendly to hostile or back
(met with -> threatens) the pair is one "changed sign" row listing its relations before and after,
instead of a row per relation that appeared or disappeared. Every row cites one statement: for
"appeared" and "changed sign" the newest in the new graph, for "disappeared" the newest in the old.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import QueryError
from .query import QueryResult
from .schema import relations
from .store import as_graph, open_graph
from .support import EdgeKey, Support, directions, edge_key, read_supports
from .timeslice import Window, parse_date, time_slice
from .vocab import AKG, DCTERMS, SKOS

__all__ = [
    "APPEARED",
    "CHANGED_SIGN",
    "COLUMNS",
    "DISAPPEARED",
    "Change",
    "compare",
    "diff",
    "diff_since",
    "table",
]

CHANGED_SIGN, APPEARED, DISAPPEARED = "changed sign", "appeared", "disappeared"
_ORDER = (CHANGED_SIGN, APPEARED, DISAPPEARED)
COLUMNS = (
    "change",
    "subject",
    "before",
    "after",
    "object",
    "support",
    "sentence",
    "document",
    "date",
)

Edges = dict[EdgeKey, list[Support]]
Pair = tuple[URIRef, URIRef]


@dataclass(frozen=True)
class Change:
    """One row of a diff: relation labels before and after (empty when there were none), the
    support behind the cited side, and the cited statement's sentence, document id and date."""

    kind: str
    subject: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    object: str
    support: int
    sentence: str
    document: str
    date: dt.date | None


def _edges(graph: Graph) -> Edges:
    """Every direct edge of the graph (symmetric ones under one key) with its fact statements."""
    found: Edges = {}
    for info in relations().values():
        for s, o in graph.subject_objects(info.iri):
            found.setdefault(edge_key(s, info.iri, o), [])
    for support in read_supports(graph):
        key = edge_key(support.subject, support.relation, support.object)
        if key in found:
            found[key].append(support)
    return found


def _weight(edges: Edges, key: EdgeKey) -> int:
    return len({s.statement for s in edges[key]}) or 1


def _pairs(edges: Edges) -> dict[Pair, set[EdgeKey]]:
    """Ordered actor pair -> its edges; a symmetric edge belongs to both orders."""
    found: dict[Pair, set[EdgeKey]] = defaultdict(set)
    for key in edges:
        for s, _relation, o in directions(key):
            found[s, o].add(key)
    return found


@cache
def _signs() -> dict[URIRef, int]:
    return {info.iri: info.sign or 0 for info in relations().values()}


def _sign(relation: URIRef) -> int:
    return _signs().get(relation, 0)


def _net(edges: Edges, keys: Iterable[EdgeKey]) -> int:
    total = sum(_sign(key[1]) * _weight(edges, key) for key in keys)
    return (total > 0) - (total < 0)


def _label(graph: Graph, node: URIRef) -> str:
    return str(graph.value(node, SKOS.prefLabel) or node)


def _relation_labels(keys: Iterable[EdgeKey]) -> tuple[str, ...]:
    labels = {info.iri: info.label for info in relations().values()}
    return tuple(sorted({labels[key[1]] for key in keys}))


Sides = tuple[Iterable[EdgeKey], Iterable[EdgeKey]]  # a pair's edges before and after


def _evidence(graph: Graph, supports: Iterable[Support]) -> tuple[str, str, dt.date | None]:
    """The newest statement's sentence, document id and date ("", "", None without one)."""
    newest = max(
        supports,
        key=lambda s: (s.date or s.reported or dt.date.min, str(s.statement)),
        default=None,
    )
    if newest is None:
        return "", "", None
    document = graph.value(newest.document, DCTERMS.identifier) or newest.document
    sentence = graph.value(newest.statement, AKG.sentence) or ""
    return str(sentence), str(document), newest.date or newest.reported


def _change(
    kind: str, graph: Graph, edges: Edges, pair: Pair, cited: set[EdgeKey], sides: Sides
) -> Change:
    """A row citing the newest statement behind the `cited` edges of `graph`."""
    sentence, document, date = _evidence(graph, (s for key in cited for s in edges[key]))
    return Change(
        kind=kind,
        subject=_label(graph, pair[0]),
        before=_relation_labels(sides[0]),
        after=_relation_labels(sides[1]),
        object=_label(graph, pair[1]),
        support=sum(_weight(edges, key) for key in cited),
        sentence=sentence,
        document=document,
        date=date,
    )


def diff(old: Graph, new: Graph) -> list[Change]:
    """The relationships of `new` that are not in `old`, those of `old` not in `new`, and the
    actor pairs whose net sign flipped, each with its evidence sentence."""
    before, after = _edges(old), _edges(new)
    pairs_before, pairs_after = _pairs(before), _pairs(after)
    changes, covered = [], set()
    for pair in sorted(pairs_before.keys() | pairs_after.keys()):
        was, now = pairs_before.get(pair, set()), pairs_after.get(pair, set())
        sign = _net(after, now)
        if _net(before, was) * sign < 0:
            covered |= was ^ now
            driving = {key for key in now if _sign(key[1]) == sign}
            changes.append(_change(CHANGED_SIGN, new, after, pair, driving, (was, now)))
    for key in sorted(after.keys() - before.keys() - covered):
        changes.append(_change(APPEARED, new, after, (key[0], key[2]), {key}, ((), {key})))
    for key in sorted(before.keys() - after.keys() - covered):
        changes.append(_change(DISAPPEARED, old, before, (key[0], key[2]), {key}, ({key}, ())))
    return sorted(
        changes, key=lambda c: (_ORDER.index(c.kind), c.subject, c.object, c.before, c.after)
    )


def diff_since(graph: Graph, since: str | dt.date) -> list[Change]:
    """What changed from the day before `since` to now: the graph as it stood then (a time slice)
    against all its dated statements (undated ones are in no slice, so not counted as new)."""
    day = parse_date(since, "since")
    if day is None:
        raise QueryError("diff --since needs a date")
    then = time_slice(graph, Window(until=day - dt.timedelta(days=1)))
    return diff(then, time_slice(graph, Window()))


def compare(
    old: str | Path, new: str | Path | None = None, since: str | None = None
) -> list[Change]:
    """`kg diff`: two graph files or stores, or one graph and the date since when."""
    if (new is None) == (since is None):
        raise QueryError("give a second graph (NEW) or --since DATE, exactly one of them")
    if since is not None:
        parse_date(since, "since")  # a bad date fails before a graph is read
        return diff_since(as_graph(open_graph(old)), since)
    return diff(as_graph(open_graph(old)), as_graph(open_graph(new)))


def table(changes: Iterable[Change]) -> QueryResult:
    """The changes as rows for kg.query.format_result (table, CSV or JSON)."""
    return QueryResult(
        COLUMNS,
        tuple(
            (
                c.kind,
                c.subject,
                ", ".join(c.before),
                ", ".join(c.after),
                c.object,
                c.support,
                c.sentence,
                c.document,
                c.date.isoformat() if c.date else None,
            )
            for c in changes
        ),
    )
