"""SPARQL over a built graph: free text or a named `.rq` file, with the project prefixes bound.

Queries see the graph together with the ontology, so relation and class labels are available.
Results come back as plain rows and are rendered as a table, CSV or JSON. Queries are read-only
unless asked otherwise: the parsed request, not its text, tells an UPDATE or an outside access
(SERVICE, LOAD, FROM, USING) apart, so comments or odd spacing cannot smuggle one in.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query, Update
from rdflib.query import Result

from .errors import QueryError, one_line
from .export import load_graph, write_graph
from .schema import load_ontology
from .vocab import PREFIXES

__all__ = [
    "FORMATS",
    "QueryResult",
    "Request",
    "format_result",
    "list_queries",
    "named_query",
    "parse_sparql",
    "query_file",
    "run_query",
]

FORMATS = ("table", "csv", "json")
_QUERIES = files("kg.queries")


# Parts of a request that read or change something outside the graph, and how to name them.
_OUTSIDE = {
    "ServiceGraphPattern": ("SERVICE", "term"),
    "Load": ("LOAD", "iri"),
    "DatasetClause": ("FROM", ("default", "named")),
    "UsingClause": ("USING", ("default", "named")),
}
UPDATE_COLUMNS = ("added", "removed")


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


@dataclass(frozen=True)
class Request:
    """A parsed SPARQL request: a query or an update, and what it reaches outside the graph
    (e.g. `SERVICE <http://...>`), read from rdflib's algebra."""

    algebra: Query | Update
    outside: tuple[str, ...]

    @property
    def is_update(self) -> bool:
        return isinstance(self.algebra, Update)


def list_queries() -> dict[str, str]:
    """Named queries and the first comment line of each, which says what it answers."""
    found = {}
    for entry in sorted(_QUERIES.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            found[entry.name.removesuffix(".rq")] = first.lstrip("# ").strip()
    return found


def named_query(name: str) -> str:
    if name not in list_queries():
        known = ", ".join(list_queries())
        raise QueryError(f"unknown query '{name}' (known: {known})")
    return _QUERIES.joinpath(f"{name}.rq").read_text(encoding="utf-8")


def read_query(text_or_path: str) -> str:
    """A `.rq` file path or the SPARQL text itself."""
    if text_or_path.endswith(".rq"):
        path = Path(text_or_path)
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryError(f"{path}: cannot read query ({error.strerror})") from None
    return text_or_path


def _cell(value: object) -> str | None:
    if value is None:
        return None
    return str(value)


def _syntax_error(error: ParseException) -> QueryError:
    """Where the parser stopped, as line and column of the query text."""
    return QueryError(f"invalid SPARQL at line {error.lineno}, column {error.col}: {error.msg}")


def _outside(node: object) -> list[str]:
    """Every SERVICE, LOAD, FROM and USING in an algebra tree, e.g. `SERVICE <http://x/>`."""
    found = []
    if isinstance(node, CompValue) and node.name in _OUTSIDE:
        keyword, keys = _OUTSIDE[node.name]
        for key in (keys,) if isinstance(keys, str) else keys:
            if key in node:
                found.append(f"{keyword} {node[key].n3()}")
    if isinstance(node, dict):
        children: Iterable[object] = node.values()
    elif isinstance(node, list | tuple):
        children = node
    else:
        children = ()
    for child in children:
        found.extend(_outside(child))
    return found


def parse_sparql(text: str) -> Request:
    """Parse `text` as a query, else as an update; a syntax error names its line and column."""
    try:
        tree = parseQuery(text)
        translate: Callable[..., Query | Update] = translateQuery
    except ParseException as query_error:
        try:
            tree = parseUpdate(text)
            translate = translateUpdate
        except ParseException as update_error:
            raise _syntax_error(max(query_error, update_error, key=lambda e: e.loc)) from None
        if not tree.request:  # blank text or only comments is a valid, empty update
            raise _syntax_error(query_error) from None
    try:
        algebra = translate(tree, initNs=PREFIXES)
    except Exception as error:  # e.g. an unknown prefix; rdflib raises plain Exceptions
        raise QueryError(f"invalid SPARQL: {one_line(error)}") from None
    return Request(algebra, tuple(dict.fromkeys(_outside(algebra.algebra))))


def _check(request: Request, allow_update: bool, allow_service: bool) -> None:
    """Refuse what the caller did not allow: queries are read-only and stay inside the graph."""
    if request.is_update and not allow_update:
        raise QueryError(
            "SPARQL UPDATE refused: queries are read-only (allow it with --allow-update)"
        )
    if request.outside and not allow_service:
        raise QueryError(
            f"{request.outside[0]} refused: it reads outside the graph "
            "(allow it with --allow-service)"
        )


def _update(graph: Graph, request: Request) -> QueryResult:
    """Apply an update to `graph` itself (not the ontology) and count the triples it changed."""
    before = set(graph)
    try:
        graph.update(request.algebra)
    except Exception as error:  # rdflib raises many kinds while evaluating
        raise QueryError(f"SPARQL update failed: {one_line(error)}") from None
    after = set(graph)
    return QueryResult(UPDATE_COLUMNS, ((str(len(after - before)), str(len(before - after))),))


def _select(graph: Graph, request: Request) -> QueryResult:
    """Answer a SELECT or ASK query over graph + ontology."""
    combined = Graph()
    combined += graph
    combined += load_ontology()
    try:
        result: Result = combined.query(request.algebra)
        if result.type == "ASK":
            return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
        if result.type != "SELECT":
            raise QueryError(f"only SELECT and ASK queries are answered here, not {result.type}")
        columns = tuple(str(v) for v in result.vars)
        rows = tuple(tuple(_cell(row[i]) for i in range(len(columns))) for row in result)
    except QueryError:
        raise
    except Exception as error:  # rdflib raises many kinds while evaluating
        raise QueryError(f"invalid SPARQL: {one_line(error)}") from None
    return QueryResult(columns, rows)


def run_query(
    graph: Graph, text: str, *, allow_update: bool = False, allow_service: bool = False
) -> QueryResult:
    """Run SPARQL over graph + ontology; read-only and inside the graph unless allowed.

    An allowed update changes `graph` in memory and answers how many triples it added and
    removed. A bad or refused request is a one-line QueryError.
    """
    request = parse_sparql(text)
    _check(request, allow_update, allow_service)
    return _update(graph, request) if request.is_update else _select(graph, request)


def query_file(
    path: str | Path, text: str, *, allow_update: bool = False, allow_service: bool = False
) -> QueryResult:
    """`run_query` on a graph file; an allowed update that changed the graph rewrites the file
    atomically in its own format."""
    request = parse_sparql(text)
    _check(request, allow_update, allow_service)
    graph = load_graph(path)
    if not request.is_update:
        return _select(graph, request)
    result = _update(graph, request)
    if result.rows[0] != ("0", "0"):
        write_graph(graph, path)
    return result


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(
            [dict(zip(result.columns, row, strict=True)) for row in result.rows],
            indent=2,
            ensure_ascii=False,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if c is None else c for c in row] for row in result.rows])
        return buffer.getvalue().rstrip("\n")
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns, show_lines=False)
        for row in result.rows:
            table.add_row(*["" if c is None else c for c in row])
        # force_jupyter=False: in a notebook rich would display the table itself and return ""
        console = Console(file=io.StringIO(), width=160, force_terminal=False, force_jupyter=False)
        console.print(table)
        return console.file.getvalue().rstrip("\n")
    raise QueryError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
