"""SPARQL over a built graph: free text or a named `.rq` file, with the project prefixes bound.

Queries see the graph together with the ontology, so relation and class labels are available.
A graph file is queried in memory; a store (kg/store.py) answers inside itself. A named query
declares its parameters in its header (`# param NAME: what it is`): each names an actor as a
user types it, which is resolved to the actor's IRI (its name bound as a literal) and bound in
the query as that constant term (`kg.store.bind`), so a value cannot change a query. Results
come back as plain rows and are rendered as a table, CSV or JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryError
from .schema import load_ontology
from .store import Rows, Store, bind
from .vocab import PREFIXES, SKOS

__all__ = [
    "FORMATS",
    "NamedQuery",
    "QueryResult",
    "format_result",
    "list_queries",
    "named_query",
    "parse_params",
    "resolve_actor",
    "run_named",
    "run_query",
]

FORMATS = ("table", "csv", "json")
_QUERIES = files("kg.queries")


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


_PARAM = re.compile(r"#\s*param\s+(\w+)\s*:\s*(.+)")


@dataclass(frozen=True)
class NamedQuery:
    """A shipped `.rq` file: the first comment line says what it answers, `# param` lines name
    its parameters (variable name, what to give)."""

    name: str
    description: str
    params: tuple[tuple[str, str], ...]
    text: str


def _named(name: str, text: str) -> NamedQuery:
    header = [line for line in text.splitlines() if line.startswith("#")]
    params = tuple(match.groups() for match in map(_PARAM.match, header) if match)
    description = header[0].lstrip("# ").strip() if header else ""
    return NamedQuery(name, description, params, text)


def list_queries() -> dict[str, NamedQuery]:
    """The named queries shipped in kg/queries, by name."""
    found = {}
    for entry in sorted(_QUERIES.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = _named(name, entry.read_text(encoding="utf-8"))
    return found


def named_query(name: str) -> str:
    queries = list_queries()
    if name not in queries:
        raise QueryError(f"unknown query '{name}' (known: {', '.join(queries)})")
    return queries[name].text


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """`["actor=Iran"]` -> `{"actor": "Iran"}`; only the first '=' splits."""
    params = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise QueryError(f"a parameter is NAME=VALUE, not '{pair}'")
        params[name.strip()] = value
    return params


# The actors a typed name may mean: label matched case-insensitively, the name bound as a literal.
ACTOR_LOOKUP = """SELECT DISTINCT ?actor ?kind WHERE {
    VALUES ?kind { skos:prefLabel skos:altLabel }
    ?actor ?kind ?label .
    FILTER (LCASE(STR(?label)) = LCASE(STR(?name)))
}"""


def resolve_actor(source: Graph | Store, name: str) -> URIRef:
    """The one actor a typed name means: a preferred-label match wins over an alias match; no
    match, or several, is a QueryError naming the candidates."""
    rows = run_query(source, ACTOR_LOOKUP, {"name": Literal(name)}).rows
    preferred = sorted({a for a, kind in rows if kind == str(SKOS.prefLabel)})
    candidates = preferred or sorted({a for a, _ in rows})
    if not candidates:
        raise QueryError(f"no actor is named {name!r} (names are matched to labels, any case)")
    if len(candidates) > 1:
        raise QueryError(f"{name!r} names several actors: {', '.join(candidates)}")
    return URIRef(candidates[0])


def _bindings(
    source: Graph | Store, query: NamedQuery, params: Mapping[str, str]
) -> dict[str, Node]:
    expected = [name for name, _ in query.params]
    wanted = ", ".join(f"--param {name}=..." for name in expected) or "no parameters"
    unknown = sorted(set(params) - set(expected))
    missing = [name for name in expected if name not in params]
    if unknown or missing:
        problem = f"unknown parameter {unknown[0]}" if unknown else f"missing {missing[0]}"
        raise QueryError(f"query '{query.name}': {problem} (it takes {wanted})")
    return {name: resolve_actor(source, params[name]) for name in expected}


def run_named(
    source: Graph | Store, name: str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a named query, each parameter (an actor's name) bound as the actor's IRI."""
    named_query(name)  # an unknown name is a QueryError listing the known ones
    query = list_queries()[name]
    return run_query(source, query.text, _bindings(source, query, params or {}))


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


def _from_store(answer: Rows | bool) -> QueryResult:
    if isinstance(answer, bool):
        return QueryResult(("ask",), ((str(answer).lower(),),))
    return QueryResult(answer.columns, tuple(tuple(map(_cell, row)) for row in answer.rows))


def run_query(
    source: Graph | Store, text: str, bindings: Mapping[str, Node] | None = None
) -> QueryResult:
    """Run a SELECT/ASK query over graph + ontology, `bindings` bound as RDF terms; a store
    answers inside itself. A bad query is a one-line QueryError."""
    if isinstance(source, Store):
        return _from_store(source.query(text, bindings))
    combined = Graph()
    combined += source
    combined += load_ontology()
    try:
        result: Result = combined.query(bind(text, bindings or {}), initNs=PREFIXES)
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
