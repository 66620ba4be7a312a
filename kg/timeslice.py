"""Time slices: the graph as it stood on a date, or as a window of dates reported it.

A slice keeps the statements dated inside the window (a statement without a date takes its
document's; with neither it is in no slice) and re-derives the direct edges and their counts from
the facts among them (kg.support.rederive), so an edge only later statements support is not there.
Documents without a statement in the window (unless published in it) go too, and so do the actors,
places, events and sources that only those documents or statements mention: an actor first named
later is not in the graph as it stood before.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from .errors import QueryError
from .store import Store, as_graph, open_graph
from .support import date_of, rederived, table_supports
from .table import Table, paused_gc
from .vocab import AKG, DCTERMS, PROV, RDF, SCHEMA

__all__ = ["Window", "open_slice", "parse_date", "time_slice", "window"]


def parse_date(value: str | dt.date | None, name: str) -> dt.date | None:
    """An ISO date as a user types it (`2024-08-05`); anything else is a one-line QueryError."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"{name} must be a date like 2024-08-05, not {value!r}") from None


@dataclass(frozen=True)
class Window:
    """Statement dates from `since` to `until`, both inclusive; None is open on that side.
    `--as-of DATE` is `until=DATE`. An unbounded window is false: `open_slice` and the view then
    take the graph as it is, while `time_slice` keeps every dated statement."""

    since: dt.date | None = None
    until: dt.date | None = None

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise QueryError(f"since {self.since} is after until {self.until}")

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def __contains__(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.since is None or day >= self.since) and (
            self.until is None or day <= self.until
        )


def window(
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    as_of: str | dt.date | None = None,
) -> Window:
    """The window a user asked for with --since, --until and --as-of (an alias of --until)."""
    if as_of is not None and until is not None:
        raise QueryError("--as-of is the same as --until: give one of them, not both")
    end = parse_date(as_of, "as-of") if as_of is not None else parse_date(until, "until")
    return Window(parse_date(since, "since"), end)


def _documents(table: Table) -> set[Node]:
    return set(table.subjects(RDF.type, SCHEMA.NewsArticle)) | {
        document for _, document in table.pairs(PROV.wasDerivedFrom)
    }


def _anchors(table: Table) -> dict[Node, set[Node]]:
    """Node -> what puts it in the graph: the documents that mention it, the statements that
    cite it as their source. A node without anchors (a hand-made graph) always stays."""
    found: dict[Node, set[Node]] = defaultdict(set)
    for node, document in table.pairs(AKG.mentionedIn):
        found[node].add(document)
    for statement, source in table.pairs(AKG.accordingTo):
        found[source].add(statement)
    return found


def _left_out(table: Table, span: Window) -> set[Node]:
    """The statements dated outside `span` (or undated), and the documents and nodes only they
    anchor."""
    dates, derived = table.values(DCTERMS.date), table.values(PROV.wasDerivedFrom)
    dropped, kept = set(), set()
    for statement in table.subjects(RDF.type, RDF.Statement):
        document = derived.get(statement)
        day = date_of(dates.get(statement)) or date_of(dates.get(document))
        (kept if day in span else dropped).add(statement)
    ends = table.values(RDF.subject), table.values(RDF.object)
    used = {end.get(st) for st in kept for end in ends}
    cited = {derived.get(st) for st in kept}
    dropped |= {d for d in _documents(table) - cited if date_of(dates.get(d)) not in span}
    dropped |= {
        node for node, anchors in _anchors(table).items() if node not in used and anchors <= dropped
    }
    return dropped


@paused_gc()
def time_slice(graph: Graph, span: Window) -> Graph:
    """A copy of `graph` as `span` reported it: statements outside it (and undated ones) left
    out, direct edges and their support counts, outlets and dates re-derived from the rest."""
    table = Table.read(graph)
    dropped = _left_out(table, span)
    supports = table_supports(table, without=dropped)
    return table.to_graph(rederived(table, supports, without=dropped))


def open_slice(spec: str | Path, span: Window | None = None) -> Graph | Store:
    """A graph file or store opened for reading (kg.store.open_graph), sliced to `span` when it
    is bounded (None or unbounded: as is); a store is then read into memory first."""
    source = open_graph(spec)
    return time_slice(as_graph(source), span) if span else source
