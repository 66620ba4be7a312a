"""Where a graph lives: a graph file, an on-disk Oxigraph store, or a SPARQL 1.1 endpoint.

A *graph spec* names one of them: an `http://` or `https://` URL is an endpoint, an existing
directory is a store, anything else is a graph file. A store holds (layout `STORE_LAYOUT`):

- the data: exactly the triples `kg.graph.build_graph` makes for the stored documents, in the
  store's `data_graph`, which updates write to;
- the ontology, loaded when the store is created, so queries see its labels: in
  `ONTOLOGY_GRAPH` and the store's other `ontology_graphs`;
- one record graph per document: its entities, sources and events as that document names
  them, from which `kg.ingest` recomputes merged labels when a document changes or is removed;
  one `akg:record` triple per node, its pairs in one literal (kg/records.py): a named graph is
  indexed 6 ways, so one quad per pair made these a fifth of what a bulk load writes;
- `CURATION_GRAPH`: the curation the store was built with, if any (kg/curate.py);
- `STORE_GRAPH`: the layout marker, written when the store is made (last, after a bulk load).
  A store without it, or marked with another layout, is refused: it must be rebuilt.

Queries see data + ontology (the store's `view_graphs`) as their default graph and run inside
the store; nothing is copied. An endpoint keeps the data in `DATA_GRAPH`. A store directory keeps
the data and the ontology in its default graph: Oxigraph indexes it 3 ways instead of a named
graph's 6, so it loads about 1.7x faster, and a query reading one graph instead of a union of
two takes about 0.6x the CPU time. The two never share a subject (data subjects are instance
IRIs, `kg.vocab.ID`; the ontology's are classes and properties), so the data is the default
graph less the triples of the named copy of the ontology.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from .errors import QueryError, StoreError
from .vocab import (
    DATA_GRAPH,
    DCTERMS,
    ONTOLOGY_GRAPH,
    PREFIXES,
    STORE_GRAPH,
    STORE_LAYOUT,
    XSD,
)

__all__ = [
    "DEFAULT_GRAPH",
    "MARKER",
    "LocalStore",
    "Quad",
    "RemoteStore",
    "Rows",
    "Store",
    "as_graph",
    "bind",
    "is_endpoint",
    "new_store_quads",
    "nt",
    "open_graph",
    "open_store",
    "update_text",
    "update_url_for",
    "write_nquads",
]

Bindings = Mapping[str, Node]
Quad = tuple[Node, Node, Node, URIRef]
_TIMEOUT = 60  # seconds an endpoint may take to answer one request
# The graph name that stands for a store's default graph in a quad (rdflib's own name for it).
DEFAULT_GRAPH = DATASET_DEFAULT_GRAPH_ID
# The layout marker: which layout the store was made with (see the module docstring).
MARKER: Quad = (STORE_GRAPH, DCTERMS.conformsTo, STORE_LAYOUT, STORE_GRAPH)
_LAYOUT = "SELECT ?layout WHERE { GRAPH ?g { ?g dcterms:conformsTo ?layout } }"
_ANYTHING = "ASK { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"


@dataclass(frozen=True)
class Rows:
    """A SELECT answer: column names and rows of RDF terms, or of their text when asked for
    (`text=True`); None where unbound."""

    columns: tuple[str, ...]
    rows: list[tuple[Node | str | None, ...]]


def nt(term: Node) -> str:
    """A term in N-Triples syntax, every character of a literal escaped: safe inside SPARQL."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if not isinstance(term, Literal):
        raise TypeError(f"not an RDF term: {term!r}")
    text = str(term)
    for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r")):
        text = text.replace(raw, escaped)
    if term.language:
        return f'"{text}"@{term.language}'
    if term.datatype and term.datatype != XSD.string:
        return f'"{text}"^^<{term.datatype}>'
    return f'"{text}"'


def _in_graph(graph: URIRef, body: str) -> str:
    return body if graph == DEFAULT_GRAPH else f"GRAPH {nt(graph)} {{ {body} }}"


def update_text(delete: Iterable[Quad] = (), insert: Iterable[Quad] = ()) -> str:
    """One SPARQL update deleting then inserting exact quads (`DEFAULT_GRAPH` is the store's
    default graph); a store applies it atomically."""
    parts = []
    for verb, quads in (("DELETE", delete), ("INSERT", insert)):
        by_graph: dict[URIRef, list[str]] = {}
        for s, p, o, g in quads:
            by_graph.setdefault(g, []).append(f"{nt(s)} {nt(p)} {nt(o)} .")
        if by_graph:
            body = " ".join(_in_graph(g, " ".join(lines)) for g, lines in by_graph.items())
            parts.append(f"{verb} DATA {{ {body} }}")
    return " ;\n".join(parts)


def write_nquads(quads: Iterable[Quad], out: TextIO) -> int:
    """The quads as N-Quads (`DEFAULT_GRAPH` ones as triples); returns how many were written."""
    count = 0
    for s, p, o, g in quads:
        graph = "" if g == DEFAULT_GRAPH else f" {nt(g)}"
        out.write(f"{nt(s)} {nt(p)} {nt(o)}{graph} .\n")
        count += 1
    return count


def new_store_quads(ontology_graphs: Iterable[URIRef]) -> Iterator[Quad]:
    """What a new store holds before any document: the ontology in each of `ontology_graphs`
    (a store's), then the layout marker."""
    from .schema import load_ontology

    ontology = load_ontology()
    for graph in ontology_graphs:
        yield from ((*t, graph) for t in ontology)
    yield MARKER


# Tokens a variable name can hide in: strings, IRIs and comments are kept whole.
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|#[^\n]*"
    r"|[?$](?P<var>\w+)"
)


def bind(text: str, bindings: Bindings) -> str:
    """The query with each bound variable replaced by its RDF term in N-Triples syntax (every
    character of a literal escaped), as pyoxigraph's `substitutions` and SEP-0007 do: the value
    is a constant everywhere, subqueries included, and cannot change the query's structure.
    Done here because the SPARQL protocol has no bindings and pyoxigraph substitutes only
    variables of the SELECT list. A bound variable must not be projected or assigned."""
    if not bindings:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group("var")
        return nt(bindings[name]) if name in bindings else match.group(0)

    return _TOKENS.sub(replace, text)


class Store(ABC):
    """A SPARQL store: `query` reads (data + ontology as default graph, or the whole dataset),
    `update` writes atomically. Parameters are bound as RDF terms (see `bind`). Three graph
    attributes say where a store keeps data and ontology (`DEFAULT_GRAPH`: its default graph);
    code that writes or reads them goes through these, never a graph name of its own."""

    name: str
    data_graph: URIRef  # where the data is (and updates write it)
    ontology_graphs: tuple[URIRef, ...]  # where the ontology is loaded
    view_graphs: tuple[URIRef, ...]  # what a query reads as its default graph: data + ontology

    @abstractmethod
    def query(
        self,
        text: str,
        bindings: Bindings | None = None,
        dataset: bool = False,
        text_cells: bool = False,
    ):
        """Rows for SELECT, a bool for ASK. `dataset=True` sees every named graph through GRAPH;
        `text_cells=True` gives each cell as its text (an IRI, a literal's lexical form), which
        skips building rdflib terms: the bulk of the time for a large answer."""

    @abstractmethod
    def update(self, text: str) -> None:
        """Apply one SPARQL update, atomically."""

    @abstractmethod
    def data(self) -> Graph:
        """The exported graph (DATA) as an in-memory rdflib graph."""

    def close(self) -> None:  # noqa: B027 - only a local store holds anything to release
        """Release the store (a local store holds a lock on its directory)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def select(
        self, text: str, bindings: Bindings | None = None, dataset: bool = True
    ) -> list[tuple[Node | None, ...]]:
        """Rows of an internal query: over the whole dataset (it names its graphs), or over
        data + ontology (`dataset=False`)."""
        return self.query(text, bindings, dataset).rows

    def layout(self) -> Node | None:
        """The layout the store is marked with; None if it has no marker."""
        rows = self.select(_LAYOUT, {"g": STORE_GRAPH})
        return rows[0][0] if rows else None

    def is_empty(self) -> bool:
        return not self.query(_ANYTHING, dataset=True)


def _parse_nt(data: bytes) -> Graph:
    from .graph import new_graph

    graph = new_graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


class LocalStore(Store):
    """An Oxigraph (RocksDB) store in a directory, used through pyoxigraph directly; data and
    ontology in its default graph, the named copy of the ontology telling them apart."""

    data_graph = DEFAULT_GRAPH
    ontology_graphs = (ONTOLOGY_GRAPH, DEFAULT_GRAPH)
    view_graphs = (DEFAULT_GRAPH,)

    def __init__(self, path: Path, writable: bool) -> None:
        import pyoxigraph as ox

        self.name = str(path)
        self.path = path
        self._ox = ox
        try:
            self._store = ox.Store(str(path)) if writable else ox.Store.read_only(str(path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open the store ({error})") from None
        self._default = [self._graph(g) for g in self.view_graphs]
        self._prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

    def _graph(self, graph: URIRef):
        return self._ox.DefaultGraph() if graph == DEFAULT_GRAPH else self._ox.NamedNode(graph)

    def _from_ox(self, term) -> Node | None:
        ox = self._ox
        if term is None:
            return None
        if isinstance(term, ox.NamedNode):
            return URIRef(term.value)
        if isinstance(term, ox.BlankNode):
            return BNode(term.value)
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(
            term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype)
        )

    def query(
        self,
        text: str,
        bindings: Bindings | None = None,
        dataset: bool = False,
        text_cells: bool = False,
    ):
        ox = self._ox
        try:
            result = self._store.query(
                bind(text, bindings or {}),
                prefixes=self._prefixes,
                default_graph=None if dataset else self._default,
            )
        except SyntaxError as error:
            raise QueryError(f"invalid SPARQL: {' '.join(str(error).split())}") from None
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("only SELECT and ASK queries are answered here")
        columns = tuple(v.value for v in result.variables)
        if text_cells:
            width = range(len(columns))
            cells = [tuple(None if s[i] is None else s[i].value for i in width) for s in result]
            return Rows(columns, cells)
        rows = [tuple(self._from_ox(s[i]) for i in range(len(columns))) for s in result]
        return Rows(columns, rows)

    def update(self, text: str) -> None:
        if text:
            self._store.update(text)

    def data(self) -> Graph:
        """The default graph less the ontology's triples (the named copy says which they are)."""
        nt_format = self._ox.RdfFormat.N_TRIPLES
        graph, ontology = (
            _parse_nt(self._store.dump(format=nt_format, from_graph=self._graph(g)))
            for g in (DEFAULT_GRAPH, ONTOLOGY_GRAPH)
        )
        graph -= ontology
        return graph

    def load(self, quads: Iterable[Quad]) -> None:
        """Add many quads at once through Oxigraph's bulk loader, from an N-Quads file written
        in the store's directory: far faster than updates, but not atomic. So the layout
        marker is taken away first and put back last: a load cut short leaves a store that
        refuses to open (see `open_store`), never one that silently lacks data."""
        self.update(update_text(delete=[MARKER]))
        handle, name = tempfile.mkstemp(prefix="kg-load-", suffix=".nq", dir=self.path)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                write_nquads(quads, out)
            self._store.bulk_load(path=name, format=self._ox.RdfFormat.N_QUADS)
            self._store.flush()
        finally:
            os.unlink(name)
        self.update(update_text(insert=[MARKER]))

    def close(self) -> None:
        del self._store


def update_url_for(query_url: str) -> str:
    """The update endpoint of a query endpoint: `.../query` -> `.../update` (Oxigraph, Fuseki);
    any other URL is taken to answer updates itself (as Virtuoso and GraphDB do)."""
    if query_url.endswith("/query"):
        return query_url.removesuffix("/query") + "/update"
    return query_url


def _json_term(cell: dict | None) -> Node | None:
    if cell is None:
        return None
    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    datatype = cell.get("datatype")
    if cell.get("xml:lang"):
        return Literal(cell["value"], lang=cell["xml:lang"])
    return Literal(
        cell["value"], datatype=None if datatype in (None, str(XSD.string)) else datatype
    )


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint (protocol over HTTP): a query URL and an update URL."""

    data_graph = DATA_GRAPH
    ontology_graphs = (ONTOLOGY_GRAPH,)
    view_graphs = (DATA_GRAPH, ONTOLOGY_GRAPH)

    def __init__(self, query_url: str, update_url: str | None = None) -> None:
        self.name = query_url
        self.query_url = query_url
        self.update_url = update_url or update_url_for(query_url)
        self._prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def _post(self, url: str, form: list[tuple[str, str]], accept: str) -> bytes:
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = " ".join(error.read().decode("utf-8", "replace").split())[:300]
            if error.code == 400:
                raise QueryError(f"invalid SPARQL: {detail}") from None
            raise StoreError(f"{url}: HTTP {error.code} ({detail})") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint ({reason})") from None

    def query(
        self,
        text: str,
        bindings: Bindings | None = None,
        dataset: bool = False,
        text_cells: bool = False,
    ):
        form = [("query", self._prologue + bind(text, bindings or {}))]
        if not dataset:
            form += [("default-graph-uri", str(g)) for g in self.view_graphs]
        answer = json.loads(self._post(self.query_url, form, "application/sparql-results+json"))
        if "boolean" in answer:
            return bool(answer["boolean"])
        columns = tuple(answer["head"]["vars"])
        cell = (lambda c: c and c["value"]) if text_cells else _json_term
        rows = [tuple(cell(b.get(c)) for c in columns) for b in answer["results"]["bindings"]]
        return Rows(columns, rows)

    def update(self, text: str) -> None:
        if text:
            self._post(self.update_url, [("update", self._prologue + text)], "*/*")

    def data(self) -> Graph:
        construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {_in_graph(self.data_graph, '?s ?p ?o')} }}"
        return _parse_nt(
            self._post(self.query_url, [("query", construct)], "application/n-triples")
        )


def is_endpoint(spec: str | Path) -> bool:
    return str(spec).startswith(("http://", "https://"))


def _local(path: Path, writable: bool, create: bool) -> LocalStore:
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a directory (a store is a directory)")
    is_store = (path / "CURRENT").is_file()  # RocksDB's marker
    if not create and not is_store:
        raise StoreError(f"{path}: not a kg store (no Oxigraph database in this directory)")
    if path.is_dir() and any(path.iterdir()) and not is_store:
        raise StoreError(f"{path}: directory is not empty and not a kg store")
    return LocalStore(path, writable)


def _check_layout(store: Store, create: bool) -> None:
    """A store marked with this kg's layout passes; with `create`, an empty one is made a new
    store (ontology and marker); anything else is refused: read by this kg it would mislead."""
    layout = store.layout()
    if layout == STORE_LAYOUT:
        return
    if layout is None and store.is_empty():
        if create:
            store.update(update_text(insert=new_store_quads(store.ontology_graphs)))
            return
        raise StoreError(f"{store.name}: not a kg store (it is empty; build into it)")
    why = (
        f"its layout is {layout}, this kg reads {STORE_LAYOUT}"
        if layout is not None
        else "it has no layout marker: an earlier kg made it, or its build was cut short"
    )
    raise StoreError(
        f"{store.name}: cannot use this store ({why}); rebuild it: kg build --store into a new "
        "directory (or an emptied endpoint)"
    )


def open_store(
    spec: str | Path, update_url: str | None = None, writable: bool = False, create: bool = False
) -> Store:
    """Open a store directory or endpoint, read-only unless `writable`; `create` makes a new
    store of an empty one. A store of another layout is a StoreError (see `_check_layout`)."""
    if is_endpoint(spec):
        store: Store = RemoteStore(str(spec), update_url)
    else:
        store = _local(Path(spec), writable or create, create)
    try:
        _check_layout(store, create)
    except StoreError:
        store.close()
        raise
    return store


def open_graph(spec: str | Path) -> Graph | Store:
    """A graph spec opened for reading: a Store for a directory or URL, else the parsed file."""
    from .export import load_graph

    if is_endpoint(spec) or Path(spec).is_dir():
        return open_store(spec)
    return load_graph(spec)


def as_graph(source: Graph | Store) -> Graph:
    """The graph itself: a file's graph as is, a store's DATA graph copied into memory."""
    return source.data() if isinstance(source, Store) else source
