"""SPARQL over a built graph: free text or a named `.rq` file, with the project prefixes bound.

Queries see the graph together with the ontology, so relation and class labels are available.
Results come back as plain rows and are rendered as a table, CSV or JSON.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from rdflib import Graph
from rdflib.query import Result

from .errors import QueryError
from .schema import load_ontology
from .vocab import PREFIXES

__all__ = [
    "FORMATS",
    "QueryResult",
    "format_result",
    "list_queries",
    "named_query",
    "records",
    "run_query",
]

FORMATS = ("table", "csv", "json")
_QUERIES = files("kg.queries")


Cell = str | int | float | None  # SPARQL gives text; analyses (kg.analyze) also give numbers


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


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


def run_query(graph: Graph, text: str) -> QueryResult:
    """Run a SELECT/ASK query over graph + ontology; a bad query is a one-line QueryError."""
    combined = Graph()
    combined += graph
    combined += load_ontology()
    try:
        result: Result = combined.query(text, initNs=PREFIXES)
        if result.type == "ASK":
            return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
        if result.type != "SELECT":
            raise QueryError(f"only SELECT and ASK queries are answered here, not {result.type}")
        columns = tuple(str(v) for v in result.vars)
        rows = tuple(tuple(_cell(row[i]) for i in range(len(columns))) for row in result)
    except QueryError:
        raise
    except Exception as error:  # pyparsing and rdflib raise many kinds; all mean a bad query
        message = " ".join(str(error).split())
        raise QueryError(f"invalid SPARQL: {message}") from None
    return QueryResult(columns, rows)


def records(result: QueryResult) -> list[dict[str, Cell]]:
    """The rows as column -> value dictionaries (the JSON output)."""
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if fmt == "json":
        return json.dumps(records(result), indent=2, ensure_ascii=False)
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
            table.add_row(*["" if c is None else str(c) for c in row])
        # force_jupyter=False: in a notebook rich would display the table itself and return ""
        console = Console(file=io.StringIO(), width=160, force_terminal=False, force_jupyter=False)
        console.print(table)
        return console.file.getvalue().rstrip("\n")
    raise QueryError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
