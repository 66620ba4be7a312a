"""SPARQL over a built graph: free text or a named `.rq` file, with the project prefixes bound.

Queries see the graph together with the ontology, so relation and class labels are available.
A graph file is queried in memory; a store (kg/store.py) answers inside itself. A named query
declares its parameters in its header (`# param NAME: what it is`): each names an actor as a
user types it (or, marked `(relation)`, a relation), which is resolved to its IRI (an actor's
name bound as a literal) and bound in the query as that constant term (`kg.store.bind`), so a
value cannot change a query; a parameter marked `(optional)` left out leaves its variable free.
Queries are read-only unless asked otherwise: the parsed request, not its text, tells an UPDATE
or an outside access (SERVICE, LOAD, FROM, USING) apart, so comments or odd spacing cannot smuggle
one in. Results come back as plain rows and are rendered as a table, CSV or JSON.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query, Update
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryError, one_line
from .export import write_graph
from .graph import label_key
from .schema import find_relation, load_ontology, relations
from .store import Rows, Store, bind
from .timeslice import Window, open_slice
from .vocab import PREFIXES, SKOS

__all__ = [
    "DEFAULT_LIMIT",
    "FORMATS",
    "NamedQuery",
    "QueryResult",
    "Request",
    "format_result",
    "list_queries",
    "named_query",
    "parse_params",
    "parse_sparql",
    "query_source",
    "records",
    "resolve_actor",
    "resolve_relation",
    "run_named",
    "run_query",
]

FORMATS = ("table", "csv", "json")
# Rows a named query answers unless asked for more: one interactive page. Every named query orders
# its rows, so a page (LIMIT after ORDER BY, OFFSET for the next one) is the same each time.
DEFAULT_LIMIT = 1000
_QUERIES = files("kg.queries")


# Parts of a request that read or change something outside the graph, and how to name them.
_OUTSIDE = {
    "ServiceGraphPattern": ("SERVICE", "term"),
    "Load": ("LOAD", "iri"),
    "DatasetClause": ("FROM", ("default", "named")),
    "UsingClause": ("USING", ("default", "named")),
}
UPDATE_COLUMNS = ("added", "removed")

Cell = str | int | float | None  # SPARQL gives text; analyses (kg.analyze) also give numbers


@dataclass(frozen=True)
class QueryResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Request:
    """A parsed SPARQL request: a query or an update, and what it reaches outside the graph
    (e.g. `SERVICE <http://...>`), read from rdflib's algebra."""

    algebra: Query | Update
    outside: tuple[str, ...]

    @property
    def is_update(self) -> bool:
        return isinstance(self.algebra, Update)


# `# param NAME: what to give` or `# param NAME (optional relation): ...`
_PARAM = re.compile(r"#\s*param\s+(\w+)\s*(?:\(([\w\s]*)\))?\s*:\s*(.+)")


@dataclass(frozen=True)
class NamedQuery:
    """A shipped `.rq` file: the first comment line says what it answers, `# param` lines name
    its parameters (variable name, what to give). A parameter names an actor unless marked
    `(relation)`; one marked `(optional)` may be left out, its variable then matching anything."""

    name: str
    description: str
    params: tuple[tuple[str, str], ...]
    text: str
    optional: frozenset[str] = frozenset()
    relation_params: frozenset[str] = frozenset()


def _named(name: str, text: str) -> NamedQuery:
    header = [line for line in text.splitlines() if line.startswith("#")]
    found = [match.groups() for match in map(_PARAM.match, header) if match]
    description = header[0].lstrip("# ").strip() if header else ""
    marked = {param: set((marks or "").split()) for param, marks, _ in found}
    return NamedQuery(
        name,
        description,
        tuple((param, meaning) for param, _, meaning in found),
        text,
        frozenset(p for p, marks in marked.items() if "optional" in marks),
        frozenset(p for p, marks in marked.items() if "relation" in marks),
    )


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
# One pattern per label property: `?actor ?kind ?label` would read every triple of the actor.
_LABEL_MATCH = """{ ?actor skos:prefLabel ?label BIND (skos:prefLabel AS ?kind) }
    UNION { ?actor skos:altLabel ?label BIND (skos:altLabel AS ?kind) }
    FILTER (LCASE(STR(?label)) = LCASE(STR(?name)))"""
# Its lower-case key (kg.graph.label_key) bound too: an index finds the actor (akg:labelKey).
ACTOR_LOOKUP = f"""SELECT DISTINCT ?actor ?kind WHERE {{
    ?actor akg:labelKey ?key .
    {_LABEL_MATCH}
}}"""
# Without the key, for a graph built before akg:labelKey: a scan of every label.
ACTOR_SCAN = f"SELECT DISTINCT ?actor ?kind WHERE {{\n    {_LABEL_MATCH}\n}}"


def _lookup(source: Graph | Store, text: str, bound: Mapping[str, Node]) -> list[tuple]:
    if isinstance(source, Store):  # a query of ours, bound as terms: no need to vet it first
        return source.query(text, bound, text_cells=True).rows
    return list(run_query(source, text, bound).rows)


def resolve_actor(source: Graph | Store, name: str) -> URIRef:
    """The one actor a typed name means: a preferred-label match wins over an alias match; no
    match, or several, is a QueryError naming the candidates. A graph without label keys is
    scanned instead."""
    bound = {"name": Literal(name), "key": Literal(label_key(name))}
    rows = _lookup(source, ACTOR_LOOKUP, bound) or _lookup(source, ACTOR_SCAN, bound)
    preferred = sorted({a for a, kind in rows if kind == str(SKOS.prefLabel)})
    candidates = preferred or sorted({a for a, _ in rows})
    if not candidates:
        raise QueryError(f"no actor is named {name!r} (names are matched to labels, any case)")
    if len(candidates) > 1:
        raise QueryError(f"{name!r} names several actors: {', '.join(candidates)}")
    return URIRef(candidates[0])


def resolve_relation(name: str) -> URIRef:
    """The relation property a typed name means (local name or label, any case); an unknown
    name is a QueryError listing the relations."""
    relation = find_relation(name)
    if relation is None:
        known = ", ".join(relations())
        raise QueryError(f"no relation is named {name!r} (known: {known})")
    return relation.iri


def _bindings(
    source: Graph | Store, query: NamedQuery, params: Mapping[str, str]
) -> dict[str, Node]:
    expected = [name for name, _ in query.params]
    wanted = ", ".join(f"--param {name}=..." for name in expected) or "no parameters"
    unknown = sorted(set(params) - set(expected))
    missing = [name for name in expected if name not in params and name not in query.optional]
    if unknown or missing:
        problem = f"unknown parameter {unknown[0]}" if unknown else f"missing {missing[0]}"
        raise QueryError(f"query '{query.name}': {problem} (it takes {wanted})")
    return {
        name: resolve_relation(params[name])
        if name in query.relation_params
        else resolve_actor(source, params[name])
        for name in expected
        if name in params
    }


# Where a query may bound a subquery by the end of the page: a line `#@page-end` becomes
# `LIMIT offset+limit` when a page is asked for and stays a comment when every row is. A query
# uses it to find the few rows a page can hold before joining and sorting them (evidence.rq).
_PAGE_END = re.compile(r"^([ \t]*)#@page-end[ \t]*$", re.MULTILINE)


def page(text: str, limit: int | None, offset: int = 0) -> str:
    """The query cut to one page of its ordered rows: `limit` rows (0 or None: all) after the
    first `offset`; each `#@page-end` line bounds its subquery by the page's last row."""
    if (limit or 0) < 0 or offset < 0:
        raise QueryError("--limit and --offset take a number >= 0 (--limit 0: every row)")
    if limit:
        text = _PAGE_END.sub(rf"\g<1>LIMIT {offset + limit}", text)
    clauses = [f"LIMIT {limit}"] if limit else []
    clauses += [f"OFFSET {offset}"] if offset else []
    return "\n".join([text.rstrip(), *clauses])


def run_named(
    source: Graph | Store,
    name: str,
    params: Mapping[str, str] | None = None,
    limit: int | None = DEFAULT_LIMIT,
    offset: int = 0,
) -> QueryResult:
    """Run a named query, each parameter (an actor's or relation's name) bound as its IRI; one
    page of `limit` rows after `offset` (`limit=None` or 0: every row). A store answers it
    directly: a shipped query bound as terms needs no read-only check (the check parses the text
    with rdflib, which takes longer than a store's answer)."""
    named_query(name)  # an unknown name is a QueryError listing the known ones
    query = list_queries()[name]
    text = page(query.text, limit, offset)
    bindings = _bindings(source, query, params or {})
    if isinstance(source, Store):
        return _from_store(source.query(text, bindings, text_cells=True))
    return run_query(source, text, bindings)


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


def _from_store(answer: Rows | bool) -> QueryResult:
    if isinstance(answer, bool):
        return QueryResult(("ask",), ((str(answer).lower(),),))
    return QueryResult(answer.columns, tuple(answer.rows))  # asked for as text cells


def _allowed(
    text: str, bindings: Mapping[str, Node] | None, allow_update: bool, allow_service: bool
) -> tuple[str, Request]:
    """The bound text and its parse, once the request is known to be allowed."""
    text = bind(text, bindings or {})
    request = parse_sparql(text)
    _check(request, allow_update, allow_service)
    return text, request


def _answer(source: Graph | Store, text: str, request: Request) -> QueryResult:
    if isinstance(source, Store):
        if request.is_update:
            raise QueryError(
                "SPARQL UPDATE is not run on a store: change it with kg build or kg remove"
            )
        return _from_store(source.query(text, text_cells=True))
    return _update(source, request) if request.is_update else _select(source, request)


def run_query(
    source: Graph | Store,
    text: str,
    bindings: Mapping[str, Node] | None = None,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
) -> QueryResult:
    """Run SPARQL over graph + ontology (a store answers inside itself), `bindings` bound as RDF
    terms; read-only and inside the graph unless allowed.

    An allowed update changes a `Graph` in memory and answers how many triples it added and
    removed. A store is changed only by `kg build` and `kg remove`, which keep its derived edges
    consistent. A bad or refused request is a one-line QueryError.
    """
    return _answer(source, *_allowed(text, bindings, allow_update, allow_service))


def query_source(
    spec: str | Path,
    text: str,
    bindings: Mapping[str, Node] | None = None,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    span: Window | None = None,
) -> QueryResult:
    """`run_query` on a graph file or store (see `kg.store.open_graph`), or on its time slice
    `span` (read-only); an allowed update that changed a graph file rewrites it atomically in its
    own format."""
    text, request = _allowed(text, bindings, allow_update, allow_service)  # before reading
    if span and request.is_update:
        raise QueryError(
            "a time slice is read-only: SPARQL UPDATE goes without --as-of/--since/--until"
        )
    source = open_slice(spec, span)
    result = _answer(source, text, request)
    if request.is_update and result.rows[0] != ("0", "0"):
        write_graph(source, spec)
    return result


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
