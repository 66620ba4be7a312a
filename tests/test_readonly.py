"""`kg query` is read-only and stays inside the graph unless told otherwise.

What a request does is read from rdflib's parse of it, never from its text: a keyword in a comment
or a string is harmless, and an update hidden behind comments, case or prefixes is still refused.
"""

from __future__ import annotations

import pytest
from clirun import kg
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.errors import QueryError
from kg.export import load_graph, write_graph
from kg.graph import build_graph
from kg.model import Article, Claim, Entity, Extraction
from kg.query import QueryResult, parse_sparql, query_source, run_query
from kg.vocab import AKG, ID

ARTICLE = Article(id="doc-1", text="Iran threatened Israel.")
EXTRACTION = Extraction(
    ARTICLE,
    (Entity("iran", "Iran", "State"), Entity("israel", "Israel", "State")),
    (
        Claim(
            "doc-1",
            "iran",
            "threatens",
            "israel",
            "Iran threatened Israel.",
            0,
            23,
            "threatened",
            "t",
        ),
    ),
)


@pytest.fixture
def graph() -> Graph:
    return build_graph([EXTRACTION])


INSERT = "INSERT DATA { id:france akg:condemned id:iran }"

# (what it is, request, the part of the message that says what was refused)
REFUSED = [
    ("insert", INSERT, "SPARQL UPDATE refused"),
    ("delete where", "DELETE WHERE { ?s ?p ?o }", "SPARQL UPDATE refused"),
    ("lower case", "delete where { ?s ?p ?o }", "SPARQL UPDATE refused"),
    ("after a comment", "# SELECT * WHERE { ?s ?p ?o }\nCLEAR ALL", "SPARQL UPDATE refused"),
    ("after a prefix", "PREFIX x: <http://x/>\nDROP DEFAULT", "SPARQL UPDATE refused"),
    ("create graph", "CREATE GRAPH <http://x/g>", "SPARQL UPDATE refused"),
    ("two operations", "INSERT DATA { id:a akg:b id:c } ; CLEAR DEFAULT", "SPARQL UPDATE refused"),
    ("load", "LOAD <http://example.org/g.ttl>", "SPARQL UPDATE refused"),
    (
        "service",
        "SELECT * { SERVICE <http://example.org/q> { ?s ?p ?o } }",
        "SERVICE <http://example.org/q> refused",
    ),
    ("service variable", "SELECT * { ?x ?y ?z . SERVICE ?x { ?s ?p ?o } }", "SERVICE ?x refused"),
    (
        "nested service",
        "ASK { OPTIONAL { { SERVICE <http://e.org/> { ?s ?p ?o } } } }",
        "SERVICE <http://e.org/> refused",
    ),
    (
        "from",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
        "FROM <file:///etc/passwd> refused",
    ),
    (
        "from named",
        "SELECT * FROM NAMED <http://e.org/g> { GRAPH ?g { ?s ?p ?o } }",
        "FROM <http://e.org/g> refused",
    ),
]


@pytest.mark.parametrize(
    ("request_", "message"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_updates_and_outside_access_are_refused_by_default(graph, request_, message):
    before = Graph() + graph
    with pytest.raises(QueryError, match="^" + message.replace("?", r"\?")) as caught:
        run_query(graph, request_)
    assert caught.value.exit_code == 6
    assert isomorphic(graph, before)


# (what it is, request, allow_update, allow_service, the part of the message)
STILL_REFUSED = [
    (
        "load needs both",
        "LOAD <http://example.org/g.ttl>",
        True,
        False,
        "LOAD <http://example.org/g.ttl> refused",
    ),
    (
        "using needs --allow-service",
        "DELETE { ?s ?p ?o } USING <http://e.org/g> WHERE { ?s ?p ?o }",
        True,
        False,
        "USING <http://e.org/g> refused",
    ),
    (
        "service in an update",
        "DELETE { ?s ?p ?o } WHERE { SERVICE <http://e.org/> { ?s ?p ?o } }",
        True,
        False,
        "SERVICE <http://e.org/> refused",
    ),
    ("allow-service is not allow-update", INSERT, False, True, "SPARQL UPDATE refused"),
]


@pytest.mark.parametrize(
    ("request_", "allow_update", "allow_service", "message"),
    [r[1:] for r in STILL_REFUSED],
    ids=[r[0] for r in STILL_REFUSED],
)
def test_each_permission_allows_only_its_own_kind(
    graph, request_, allow_update, allow_service, message
):
    with pytest.raises(QueryError, match="^" + message):
        run_query(graph, request_, allow_update=allow_update, allow_service=allow_service)


@pytest.mark.parametrize(
    "query",
    [
        "# DELETE WHERE { ?s ?p ?o }\nASK { id:iran akg:threatens id:israel }",
        "ASK { id:iran akg:threatens id:israel . FILTER ('INSERT DATA SERVICE LOAD' != '') }",
        "ASK { ?s akg:threatens ?o } # ; CLEAR ALL",
    ],
    ids=["comment", "string literal", "trailing comment"],
)
def test_keywords_in_comments_and_strings_are_harmless(graph, query):
    assert run_query(graph, query) == QueryResult(("ask",), (("true",),))


def test_an_allowed_update_changes_the_graph_in_memory_and_counts(graph):
    result = run_query(graph, INSERT, allow_update=True)
    assert result == QueryResult(("added", "removed"), (("1", "0"),))
    assert (ID.france, AKG.condemned, ID.iran) in graph
    result = run_query(graph, "DELETE WHERE { id:france ?p ?o }", allow_update=True)
    assert result == QueryResult(("added", "removed"), (("0", "1"),))


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("SELEC ?x WHERE { ?x ?p ?o }", 1, 1),
        ("SELECT ?x\nWHERE { ?x ?p }", 2, 9),
        ("PREFIX a: <http://a/>\n\nSELECT * WHERE {\n  ?s a:b ?o .\n  ?s ?p\n}", 5, 3),
        ("INSERT DATA { <http://a/b> <http://a/c> <http://a/d> } ;\n  FOO", 2, 3),
    ],
)
def test_a_syntax_error_names_its_line_and_column(text, line, column):
    with pytest.raises(QueryError, match=f"^invalid SPARQL at line {line}, column {column}: "):
        parse_sparql(text)


def test_query_file_rewrites_an_updated_graph_in_its_own_format(graph, tmp_path):
    path = write_graph(graph, tmp_path / "graph.nt")
    query_source(path, INSERT, allow_update=True)
    assert (ID.france, AKG.condemned, ID.iran) in load_graph(path)
    assert path.read_text(encoding="utf-8").lstrip().startswith("<")  # still N-Triples
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_query_file_leaves_the_file_alone_when_nothing_changed(graph, tmp_path):
    path = write_graph(graph, tmp_path / "graph.ttl")
    before = path.stat()
    result = query_source(path, "DELETE WHERE { id:nobody ?p ?o }", allow_update=True)
    assert result.rows == (("0", "0"),)
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_ino == before.st_ino


def test_a_refused_update_fails_before_the_file_is_read(tmp_path):
    with pytest.raises(QueryError, match="SPARQL UPDATE refused"):
        query_source(tmp_path / "missing.ttl", INSERT)


def test_cli_update_rewrites_the_graph_file(graph, tmp_path):
    path = write_graph(graph, tmp_path / "graph.ttl")
    refused = kg("query", path, INSERT)
    assert refused.returncode == 6
    assert isomorphic(load_graph(path), graph)
    run = kg("query", path, "--allow-update", INSERT, "-f", "csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["added,removed", "1,0"]
    assert (ID.france, AKG.condemned, URIRef(ID.iran)) in load_graph(path)
