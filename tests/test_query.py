"""SPARQL over a built graph: named queries and what they answer, bound prefixes, output formats
and the errors a user sees. The graph is built from hand-made records; no spaCy."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import json

import pytest

from kg.errors import QueryError
from kg.graph import build_graph
from kg.ingest import add_extraction
from kg.model import Article, Claim, Entity, Event, Extraction
from kg.query import (
    FORMATS,
    QueryResult,
    format_result,
    list_queries,
    named_query,
    page,
    parse_params,
    read_query,
    resolve_actor,
    run_named,
    run_query,
)
from kg.store import open_store
from kg.vocab import AKG, ID, PREFIXES

DATE = dt.date(2024, 8, 4)
ARTICLE = Article(id="doc-1", text="...", title="Talks and threats", date=DATE, source="Wire")
ENTITIES = (
    Entity("iran", "Iran", "State"),
    Entity("israel", "Israel", "State"),
    Entity("russia", "Russia", "State"),
    Entity("united-states", "United States", "State"),
    Entity("joe-biden", "Joe Biden", "Person"),
    Entity("benjamin-netanyahu", "Benjamin Netanyahu", "Person"),
    Entity("hamas", "Hamas", "Group"),
    Entity("ismail-haniyeh", "Ismail Haniyeh", "Person"),
)


def claim(subject: str, relation: str, obj: str, sentence: str, start: int, **fields) -> Claim:
    return Claim(
        doc_id=ARTICLE.id,
        subject=subject,
        relation=relation,
        object=obj,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        trigger=relation,
        rule=f"{relation}/test",
        date=DATE,
        **fields,
    )


CLAIMS = (
    claim("iran", "threatens", "israel", "Iran threatened Israel.", 0),
    claim("iran", "threatens", "israel", "Iran warned Israel again.", 25, modality="reported"),
    claim("russia", "threatens", "united-states", "Russia could threaten the US.", 60,
          modality="hypothetical"),
    claim("joe-biden", "metWith", "benjamin-netanyahu", "Biden met Netanyahu.", 100),
    claim("benjamin-netanyahu", "metWith", "joe-biden", "Netanyahu met Biden.", 130),
    claim("joe-biden", "spokeWith", "benjamin-netanyahu", "Biden called Netanyahu.", 160),
    claim("iran", "metWith", "russia", "Iran did not meet Russia.", 190, polarity="negated"),
    claim("joe-biden", "leaderOf", "united-states", "President Biden spoke.", 220,
          title="President"),
    claim("ismail-haniyeh", "leaderOf", "hamas", "Hamas leader Ismail Haniyeh.", 250,
          title="leader"),
    claim("united-states", "alliedWith", "israel", "The US is allied with Israel.", 280),
    claim("russia", "condemned", "israel", "Russia condemned Israel.", 310),
    claim("iran", "condemned", "israel", "Iran may condemn Israel.", 340, modality="hypothetical"),
)  # fmt: skip


@pytest.fixture(scope="module")
def graph():
    return build_graph([Extraction(ARTICLE, ENTITIES, CLAIMS)])


# --- named queries ------------------------------------------------------------------------------

# name -> (parameters, columns compared, the expected rows; order is checked separately)
EXPECTED = {
    "who-threatens-whom": (
        {},
        ("source", "target", "statements"),
        [("Iran", "Israel", "2")],
    ),
    "who-met-whom": (
        {},
        ("a", "relation", "b"),
        [
            ("Benjamin Netanyahu", "met with", "Joe Biden"),
            ("Benjamin Netanyahu", "spoke with", "Joe Biden"),
        ],
    ),
    "leaders": (
        {},
        ("person", "relation", "of", "title"),
        [
            ("Ismail Haniyeh", "leader of", "Hamas", "leader"),
            ("Joe Biden", "leader of", "United States", "President"),
        ],
    ),
    "actors-by-type": (
        {},
        ("type", "actors"),
        [("State", "4"), ("Person", "3"), ("Group", "1")],
    ),
    "relations-by-type": (
        {},
        ("relation", "statements", "facts", "not_asserted"),
        [
            ("met with", "3", "2", "1"),
            ("threatens", "3", "2", "1"),
            ("condemned", "2", "1", "1"),
            ("leader of", "2", "2", "0"),
            ("allied with", "1", "1", "0"),
            ("spoke with", "1", "1", "0"),
        ],
    ),
    "not-asserted": (
        {},
        ("subject", "relation", "object", "polarity", "modality"),
        [
            ("Iran", "condemned", "Israel", "affirmed", "hypothetical"),
            ("Iran", "met with", "Russia", "negated", "asserted"),
            ("Russia", "threatens", "United States", "affirmed", "hypothetical"),
        ],
    ),
    "curated": ({}, ("verdict", "subject"), []),  # tests/test_curation.py: a curated graph
    "evidence": (
        {},
        ("subject", "relation", "object", "sentence"),
        [
            ("Benjamin Netanyahu", "met with", "Joe Biden", "Netanyahu met Biden."),
            ("Iran", "threatens", "Israel", "Iran threatened Israel."),
            ("Iran", "threatens", "Israel", "Iran warned Israel again."),
            ("Ismail Haniyeh", "leader of", "Hamas", "Hamas leader Ismail Haniyeh."),
            ("Joe Biden", "leader of", "United States", "President Biden spoke."),
            ("Joe Biden", "met with", "Benjamin Netanyahu", "Biden met Netanyahu."),
            ("Joe Biden", "spoke with", "Benjamin Netanyahu", "Biden called Netanyahu."),
            ("Russia", "condemned", "Israel", "Russia condemned Israel."),
            ("United States", "allied with", "Israel", "The US is allied with Israel."),
        ],
    ),
    "allies-of": (
        {"actor": "UNITED states"},
        ("ally", "statements", "evidence"),
        [("Israel", "1", "The US is allied with Israel.")],
    ),
    "condemnations-of": (
        {"actor": "israel"},
        ("source", "statements", "first", "last"),
        [("Russia", "1", "2024-08-04", "2024-08-04")],
    ),
    "threats-against": (
        {"actor": "Israel"},
        ("source", "statements", "evidence"),
        [("Iran", "2", "Iran threatened Israel.")],
    ),
    "relations-between": (
        {"actor": "israel", "other": "iran"},
        ("subject", "relation", "object", "polarity", "modality", "sentence"),
        [
            ("Iran", "condemned", "Israel", "affirmed", "hypothetical", "Iran may condemn Israel."),
            ("Iran", "threatens", "Israel", "affirmed", "asserted", "Iran threatened Israel."),
            ("Iran", "threatens", "Israel", "affirmed", "reported", "Iran warned Israel again."),
        ],
    ),
    "strongest-relationships": (
        {"actor": "israel", "relation": "threatens"},
        ("subject", "predicate", "object", "support", "documents", "outlets", "first", "last"),
        [("Iran", "threatens", "Israel", "2", "1", "Wire", "2024-08-04", "2024-08-04")],
    ),
    "actor-profile": (
        {"actor": "Benjamin Netanyahu"},
        ("name", "role", "relation", "counterpart", "document", "sentence"),
        [
            (
                "Benjamin Netanyahu",
                "object",
                "met with",
                "Joe Biden",
                "doc-1",
                "Biden met Netanyahu.",
            ),
            (
                "Benjamin Netanyahu",
                "subject",
                "met with",
                "Joe Biden",
                "doc-1",
                "Netanyahu met Biden.",
            ),
            (
                "Benjamin Netanyahu",
                "object",
                "spoke with",
                "Joe Biden",
                "doc-1",
                "Biden called Netanyahu.",
            ),
        ],
    ),
    "timeline": (
        {"actor": "russia"},
        ("date", "subject", "relation", "object", "polarity", "modality"),
        [
            ("2024-08-04", "Russia", "threatens", "United States", "affirmed", "hypothetical"),
            ("2024-08-04", "Iran", "met with", "Russia", "negated", "asserted"),
            ("2024-08-04", "Russia", "condemned", "Israel", "affirmed", "asserted"),
        ],
    ),
}
ORDERED = ["actors-by-type", "relations-by-type", "timeline"]  # whose row order is defined


def project(result: QueryResult, columns: tuple[str, ...]) -> list[tuple[str | None, ...]]:
    index = [result.columns.index(column) for column in columns]
    return [tuple(row[i] for i in index) for row in result.rows]


# Not facts beyond polarity and modality: a former role and a statement about an event.
FORMER_AND_EVENT = Extraction(
    ARTICLE,
    ENTITIES,
    (
        claim("joe-biden", "leaderOf", "hamas", "Ex-leader Biden.", 0, role_status="former"),
        claim("russia", "condemned", "killing-of-haniyeh", "Russia condemned the killing.", 20,
              object_is_event=True),
        claim("russia", "condemned", "hamas", "Russia condemned Hamas.", 60),
    ),
    (Event("killing-of-haniyeh", "killing of Ismail Haniyeh", "killing", "ismail-haniyeh"),),
)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "params", "columns", "rows"),
    [
        ("not-asserted", {}, ("subject", "relation", "object"), [
            ("Joe Biden", "leader of", "Hamas"),
            ("Russia", "condemned", "killing of Ismail Haniyeh"),
        ]),
        ("relations-by-type", {}, ("relation", "statements", "facts", "not_asserted"), [
            ("condemned", "2", "1", "1"),
            ("leader of", "1", "0", "1"),
        ]),
        ("actor-profile", {"actor": "Russia"}, ("role", "relation", "counterpart"), [
            ("subject", "condemned", "Hamas"),
        ]),
        ("evidence", {}, ("subject", "relation", "object"), [("Russia", "condemned", "Hamas")]),
    ],
)  # fmt: skip
def test_named_queries_read_the_one_fact_rule(name, params, columns, rows):
    """A former role or a statement about an event is evidence, never a fact, in every query."""
    graph = build_graph([FORMER_AND_EVENT])
    assert sorted(project(run_named(graph, name, params), columns)) == sorted(rows)


def test_named_queries_are_listed_with_a_description_and_parameters():
    queries = list_queries()
    assert set(queries) == set(EXPECTED), "every named query needs a row in EXPECTED"
    for name, query in queries.items():
        assert query.name == name
        assert query.description[0].isupper() and "\n" not in query.description
        assert not query.description.startswith("#")
        assert [param for param, _ in query.params] == list(EXPECTED[name][0])
        assert all(meaning for _, meaning in query.params)
        assert all(f"?{param}" in query.text for param, _ in query.params)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_named_query_answers_its_question(graph, name):
    params, columns, rows = EXPECTED[name]
    assert sorted(project(run_named(graph, name, params), columns)) == sorted(rows)


@pytest.mark.parametrize("name", ORDERED)
def test_rows_come_in_the_documented_order(graph, name):
    params, columns, rows = EXPECTED[name]
    assert project(run_named(graph, name, params), columns) == rows


@contextlib.contextmanager
def source(extractions: list[Extraction], where: str, tmp_path):
    """The graph of `extractions` as a file would hold it, or in a store built document by document."""
    if where == "file":
        yield build_graph(extractions)
        return
    with open_store(tmp_path / "store", create=True) as store:
        for extraction in extractions:
            add_extraction(store, extraction)
        yield store


# One mention read three ways (three rules): the statements tie on date, document, position,
# relation, subject and object, and differ only in polarity and modality.
THREAT = claim("iran", "threatens", "israel", "Iran threatened Israel.", 0)
READINGS = Extraction(
    ARTICLE,
    ENTITIES,
    tuple(
        dataclasses.replace(THREAT, rule=rule, polarity=polarity, modality=modality)
        for rule, polarity, modality in (
            ("a", "negated", "asserted"),
            ("b", "affirmed", "planned"),
            ("c", "affirmed", "hypothetical"),
        )
    ),
)


@pytest.mark.parametrize("where", ["file", "store"])
def test_a_timeline_breaks_ties_by_polarity_then_modality(where, tmp_path):
    """The order is total: it does not depend on how an engine happened to join the rows."""
    with source([READINGS], where, tmp_path) as graph:
        rows = project(run_named(graph, "timeline", {"actor": "Iran"}), ("polarity", "modality"))
    assert rows == [("affirmed", "hypothetical"), ("affirmed", "planned"), ("negated", "asserted")]


# Two actors may share a label: their relationships then tie on support, documents and labels.
NAMESAKES = (Entity("smith-a", "Smith", "Person"), Entity("smith-b", "Smith", "Person"))
NAMESAKE_REPORTS = [
    Extraction(
        dataclasses.replace(ARTICLE, id=doc, date=DATE + dt.timedelta(days=day)),
        (*ENTITIES, *NAMESAKES),
        (
            dataclasses.replace(
                THREAT, doc_id=doc, subject=smith, date=DATE + dt.timedelta(days=day)
            ),
        ),
    )
    for doc, smith, day in (("doc-b", "smith-b", 1), ("doc-a", "smith-a", 3))
]


@pytest.mark.parametrize("where", ["file", "store"])
def test_relationships_that_tie_on_every_key_come_in_the_order_of_their_iris(where, tmp_path):
    """So that every page of the ranking is a slice of the same order."""
    with source(NAMESAKE_REPORTS, where, tmp_path) as graph:
        result = run_named(graph, "strongest-relationships", {"actor": "Israel"})
        pages = [
            run_named(graph, "strongest-relationships", {"actor": "Israel"}, 1, n).rows
            for n in (0, 1)
        ]
    assert project(result, ("subject", "first")) == [
        ("Smith", "2024-08-07"),
        ("Smith", "2024-08-05"),
    ]
    assert [row for page in pages for row in page] == list(result.rows)


# A value is bound as one literal: quotes, braces and SPARQL in it are only characters of a name,
# so it names no actor.
HOSTILE = [
    'Iran" ) } #',
    "Iran' || true",
    'x")) } UNION { ?x ?p ?y } #',
    "Israel\\",
    'Israel" . FILTER(true) #',
    "\nIsrael",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_parameter_cannot_change_the_query(graph, value):
    with pytest.raises(QueryError, match="no actor is named") as caught:
        run_named(graph, "allies-of", {"actor": value})
    assert repr(value) in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Iran", "iran"),
        ("IRAN", "iran"),
        ("joe biden", "joe-biden"),
        ("Biden", "joe-biden"),  # an alias
        ("President", "the-president"),  # a preferred label wins over another actor's alias
    ],
)
def test_a_typed_name_resolves_to_one_actor(name, actor):
    entities = (
        *ENTITIES[:4],
        Entity("joe-biden", "Joe Biden", "Person", ("Biden", "President")),
        Entity("the-president", "President", "Person"),
    )
    graph = build_graph([Extraction(ARTICLE, entities, ())])
    assert resolve_actor(graph, name) == ID[actor]


def test_a_graph_built_without_label_keys_still_resolves_names():
    graph = build_graph([Extraction(ARTICLE, ENTITIES, ())])
    graph.remove((None, AKG.labelKey, None))
    assert resolve_actor(graph, "IRAN") == ID["iran"]


def test_a_name_of_several_actors_is_a_query_error_naming_them():
    entities = (
        Entity("a-smith", "A Smith", "Person", ("Smith",)),
        Entity("b-smith", "B Smith", "Person", ("Smith",)),
    )
    graph = build_graph([Extraction(ARTICLE, entities, ())])
    with pytest.raises(QueryError, match=r"'smith' names several actors: .*a-smith, .*b-smith"):
        resolve_actor(graph, "smith")


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("allies-of", {}, "query 'allies-of': missing actor (it takes --param actor=...)"),
        ("allies-of", {"actor": "Iran", "side": "x"}, "unknown parameter side"),
        ("relations-between", {"actor": "Iran"}, "--param actor=..., --param other=..."),
        ("leaders", {"actor": "Iran"}, "it takes no parameters"),
        ("allies", {"actor": "Iran"}, "unknown query 'allies' (known: actor-profile"),
    ],
)
def test_a_wrong_parameter_is_a_one_line_query_error(graph, name, params, message):
    with pytest.raises(QueryError) as caught:
        run_named(graph, name, params)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value) and caught.value.exit_code == 6


@pytest.mark.parametrize(
    ("pairs", "params"),
    [
        (["actor=Iran"], {"actor": "Iran"}),
        (["actor=a=b", "other="], {"actor": "a=b", "other": ""}),
        ([], {}),
    ],
)
def test_parse_params(pairs, params):
    assert parse_params(pairs) == params


@pytest.mark.parametrize("pair", ["actor", "=Iran"])
def test_a_parameter_without_a_name_and_value_is_a_query_error(pair):
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params([pair])


def test_who_threatens_whom_ignores_a_hypothetical_threat(graph):
    result = run_query(graph, named_query("who-threatens-whom"))
    assert "Russia" not in {row[0] for row in result.rows}


def test_who_met_whom_lists_each_pair_once(graph):
    result = run_query(graph, named_query("who-met-whom"))
    pairs = [frozenset((a, b)) for a, _, b in project(result, ("a", "relation", "b"))]
    relations = project(result, ("relation",))
    assert len(set(zip(pairs, relations, strict=True))) == len(pairs)


def test_unknown_named_query_lists_the_known_ones():
    with pytest.raises(QueryError) as caught:
        named_query("who-loves-whom")
    message = str(caught.value)
    assert "who-loves-whom" in message
    assert all(name in message for name in list_queries())


def test_a_query_does_not_change_the_graph(graph):
    before = len(graph)
    run_query(graph, named_query("evidence"))
    assert len(graph) == before


# --- SPARQL text --------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "namespace"), sorted(PREFIXES.items()))
def test_project_prefixes_are_pre_bound(graph, prefix, namespace):
    result = run_query(graph, f"SELECT (STR({prefix}:) AS ?ns) WHERE {{}}")
    assert result.rows == ((str(namespace),),)


def test_a_query_without_prefix_declarations_finds_actors(graph):
    result = run_query(graph, "SELECT ?x WHERE { ?x a akg:Group ; skos:prefLabel 'Hamas' }")
    assert result.rows == (("https://w3id.org/akg/id/hamas",),)


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("ASK { id:iran akg:threatens id:israel }", "true"),
        ("ASK { id:russia akg:threatens id:united-states }", "false"),
        ("ASK { id:iran akg:metWith id:russia }", "false"),
        ("ASK { id:benjamin-netanyahu akg:metWith id:joe-biden }", "true"),
    ],
)
def test_an_ask_query_answers_true_or_false(graph, query, answer):
    assert run_query(graph, query) == QueryResult(("ask",), ((answer,),))


def test_queries_see_the_ontology_labels(graph):
    result = run_query(graph, "SELECT ?label WHERE { akg:threatens rdfs:label ?label }")
    assert result.rows == (("threatens",),)


@pytest.mark.parametrize(
    "query",
    [
        "SELEC ?x WHERE { ?x ?p ?o }",
        "SELECT ?x WHERE { ?x a nope:Thing }",
        "SELECT ?x WHERE {\n  ?x ?p \n",
        "",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
    ids=["typo", "unknown-prefix", "unclosed", "empty", "construct"],
)
def test_a_bad_query_is_a_one_line_query_error(graph, query):
    with pytest.raises(QueryError) as caught:
        run_query(graph, query)
    message = str(caught.value)
    assert message
    assert "\n" not in message
    assert caught.value.exit_code == 6


def test_read_query_reads_an_rq_file_and_passes_text_through(tmp_path):
    path = tmp_path / "threats.rq"
    path.write_text("SELECT ?s WHERE { ?s akg:threatens ?o }", encoding="utf-8")
    assert read_query(str(path)) == path.read_text(encoding="utf-8")
    assert read_query("ASK { ?s ?p ?o }") == "ASK { ?s ?p ?o }"


def test_a_missing_rq_file_is_a_query_error(tmp_path):
    with pytest.raises(QueryError, match=r"missing\.rq"):
        read_query(str(tmp_path / "missing.rq"))


# --- output formats -----------------------------------------------------------------------------

RESULT = QueryResult(
    ("actor", "label", "score"),
    (
        ("https://w3id.org/akg/id/iran", "Iran", "2"),
        ("https://w3id.org/akg/id/x", 'Hello, "world"', None),
    ),
)


def test_csv_has_a_header_and_one_line_per_row():
    text = format_result(RESULT, "csv")
    assert text.splitlines() == [
        "actor,label,score",
        "https://w3id.org/akg/id/iran,Iran,2",
        'https://w3id.org/akg/id/x,"Hello, ""world""",',
    ]
    assert list(csv.reader(io.StringIO(text)))[2][1] == 'Hello, "world"'


def test_json_is_a_list_of_objects_keyed_by_column():
    assert json.loads(format_result(RESULT, "json")) == [
        {"actor": "https://w3id.org/akg/id/iran", "label": "Iran", "score": "2"},
        {"actor": "https://w3id.org/akg/id/x", "label": 'Hello, "world"', "score": None},
    ]


def test_table_shows_the_header_and_every_cell():
    text = format_result(RESULT, "table")
    lines = text.splitlines()
    header = next(line for line in lines if "actor" in line)
    assert "label" in header and "score" in header
    for cell in ("https://w3id.org/akg/id/iran", "Iran", 'Hello, "world"'):
        assert cell in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_result(fmt):
    text = format_result(QueryResult(("a", "b"), ()), fmt)
    expected = {"csv": "a,b", "json": "[]"}
    if fmt in expected:
        assert text == expected[fmt]
    else:
        assert "a" in text and "b" in text


def test_an_unknown_format_is_a_query_error():
    with pytest.raises(QueryError, match="table, csv, json"):
        format_result(RESULT, "xml")


def test_every_named_query_orders_its_rows_and_leaves_paging_to_the_caller():
    """A page (LIMIT after ORDER BY) is stable only if the query orders its rows."""
    for query in list_queries().values():
        assert "ORDER BY" in query.text, query.name
        assert "LIMIT" not in query.text and "OFFSET" not in query.text, query.name


@pytest.mark.parametrize(
    ("limit", "offset", "expected"),
    [(None, 0, 3), (0, 0, 3), (2, 0, 2), (2, 2, 1), (1000, 0, 3), (5, 5, 0)],
)
def test_a_named_query_answers_one_page_of_its_ordered_rows(graph, limit, offset, expected):
    every = run_named(graph, "not-asserted", limit=None).rows
    page = run_named(graph, "not-asserted", limit=limit, offset=offset).rows
    assert len(page) == expected
    assert list(page) == list(every[offset : offset + expected])


@pytest.mark.parametrize(
    ("limit", "offset", "bound"), [(None, 0, None), (0, 7, None), (10, 0, 10), (10, 30, 40)]
)
def test_a_page_end_line_bounds_its_subquery_by_the_last_row_of_the_page(limit, offset, bound):
    text = "SELECT ?x WHERE {\n  { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x\n    #@page-end\n  }\n}"
    paged = page(text, limit, offset)
    inner = paged.splitlines()[2].strip()
    assert inner == (f"LIMIT {bound}" if bound else "#@page-end")


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (10, -1)])
def test_a_negative_page_is_refused(graph, limit, offset):
    with pytest.raises(QueryError, match="number >= 0"):
        run_named(graph, "not-asserted", limit=limit, offset=offset)
