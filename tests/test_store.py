"""Stores: an on-disk Oxigraph store and a real Oxigraph server (`oxigraph serve`) started here.

Whatever sequence of adds, changes and removals reaches a store, its graph must be exactly what
`build_graph` makes from the documents it then holds. Hand-made records keep most of it fast; the
seed articles check the real pipeline end to end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from clirun import assert_one_error_line, kg
from rdflib import Graph

from kg.build import build, build_store, extract_corpus
from kg.corpus import read_corpus
from kg.errors import QueryError, StoreError
from kg.export import serialize
from kg.graph import build_graph
from kg.ingest import add_all, add_extraction, remove_document, remove_documents
from kg.model import Article, Claim, Entity, Event, Extraction
from kg.query import list_queries, run_named, run_query
from kg.schema import load_ontology
from kg.store import (
    DEFAULT_GRAPH,
    MARKER,
    RemoteStore,
    open_graph,
    open_store,
    update_text,
    update_url_for,
)
from kg.vocab import (
    AKG,
    DATA_GRAPH,
    GRAPH,
    ID,
    ONTOLOGY_GRAPH,
    STORE_GRAPH,
    actor_iri,
    doc_iri,
    event_iri,
    record_graph,
    source_iri,
)

KG = [sys.executable, "-m", "kg.cli"]
DATE = dt.date(2024, 8, 4)


def article(doc_id: str, **fields) -> Article:
    return Article(
        id=doc_id, text=f"text of {doc_id}", title=f"About {doc_id}", date=DATE, **fields
    )


def claim(doc: str, subject: str, relation: str, obj: str, start: int, **fields) -> Claim:
    sentence = f"{subject} {relation} {obj} ({doc})"
    return Claim(
        doc, subject, relation, obj, sentence, start, start + 9, relation, "test", **fields
    )


IRAN = Entity("iran", "Iran", "State", (), "http://www.wikidata.org/entity/Q794")
IRAN_LONG = Entity("iran", "Islamic Republic of Iran", "State", ("Tehran regime",))
ISRAEL = Entity("israel", "Israel", "State")
HAMAS = Entity("hamas", "Hamas", "Group")
HANIYEH = Entity("ismail-haniyeh", "Haniyeh", "Person")

A = Extraction(
    article("a"),
    (IRAN, ISRAEL),
    (
        claim("a", "iran", "threatens", "israel", 0, attribution="Axios"),
        claim("a", "iran", "metWith", "israel", 20),
    ),
)
B = Extraction(
    article("b"),
    (IRAN_LONG, ISRAEL, HAMAS),
    (
        claim("b", "iran", "threatens", "israel", 0, attribution="AXIOS"),
        claim("b", "israel", "metWith", "iran", 20),
        claim("b", "hamas", "threatens", "israel", 40, modality="hypothetical"),
    ),
)
A_CHANGED = Extraction(
    article("a"),
    (IRAN, ISRAEL, HANIYEH),
    (
        claim("a", "iran", "condemned", "israel", 5),
        claim("a", "ismail-haniyeh", "metWith", "iran", 30, polarity="negated"),
    ),
)
URL = "https://news.example/2024/08/c"
C = Extraction(
    article(URL, url=URL),
    (HAMAS, HANIYEH),
    (claim(URL, "ismail-haniyeh", "leaderOf", "hamas", 0, title="leader"),),
)
# two reports of one event, labelled and dated differently, one naming the perpetrator
KILLING = Event("killing-of-ismail-haniyeh", "the killing of Haniyeh", "killing", "ismail-haniyeh")
D = Extraction(
    article("d"),
    (IRAN, HANIYEH),
    (claim("d", "iran", "condemned", KILLING.key, 0, object_is_event=True),),
    (KILLING,),
)
E = Extraction(
    article("e"),
    (ISRAEL, HANIYEH, HAMAS),
    (claim("e", "hamas", "condemned", KILLING.key, 0, object_is_event=True),),
    (
        Event(
            KILLING.key,
            "the assassination of Haniyeh",
            "assassination",
            "ismail-haniyeh",
            ("israel",),
            DATE,
        ),
    ),
)

# labels holding what N-Triples escapes, kept in the record graphs (kg/records.py)
ODD = Entity("odd", 'The "Odd" Group \\ of\nÜrümqi .', "Group", ("al-Odd\t<x> .",))
F = Extraction(
    article("f"),
    (ODD, ISRAEL),
    (claim("f", "odd", "threatens", "israel", 0, attribution='Radio "Free" \\ Ü'),),
)
G = Extraction(article("g"), (Entity("odd", "Odd", "Group"),), ())

# (what happens, the operations in order, the documents the store then holds)
SEQUENCES = [
    ("add one", [A], [A]),
    ("add three", [A, B, C], [A, B, C]),
    ("re-add the same", [A, B, A, B], [A, B]),
    ("change one", [A, B, A_CHANGED], [B, A_CHANGED]),
    ("change back", [A, B, A_CHANGED, A], [A, B]),
    ("remove one, its edges stay supported", [A, B, "a"], [B]),
    ("remove the other", [A, B, "b"], [A]),
    ("remove by URL", [A, C, URL], [A]),
    ("remove everything", [A, B, C, "b", "a", URL], []),
    ("remove, then add again", [A, B, "a", A], [A, B]),
    ("one event in two reports", [D, E], [D, E]),
    ("remove one report of an event", [D, E, "d"], [E]),
    ("remove the other report of an event", [D, E, "e"], [D]),
    ("remove both reports of an event", [E, D, "e", "d"], []),
    ("labels of any text, recomputed from a record", [F, G, "g"], [F]),
    ("labels of any text, from the other record", [F, G, "f"], [G]),
]


def apply(store, operations) -> None:
    for operation in operations:
        if isinstance(operation, str):
            remove_document(store, operation)
        else:
            add_extraction(store, operation)


# --- a real Oxigraph server -----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`oxigraph serve` on a free local port; yields its query URL and stops it afterwards."""
    executable = Path(sys.executable).parent / "oxigraph"
    assert executable.is_file(), (
        "the dev extra installs the `oxigraph` server (pip install oxigraph)"
    )
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [executable, "serve", "--location", location, "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, "oxigraph serve exited"
            assert time.monotonic() < deadline, "oxigraph serve did not answer in 30 s"
            time.sleep(0.2)
    try:
        yield f"{url}/query"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(params=["directory", "server"])
def store_spec(request, tmp_path):
    """A spec for a new, empty store: a directory, or the server emptied."""
    if request.param == "directory":
        return str(tmp_path / "store")
    url = request.getfixturevalue("server")
    RemoteStore(url).update("CLEAR ALL")
    return url


@pytest.fixture
def store(store_spec):
    opened = open_store(store_spec, create=True)
    yield opened
    opened.close()


# --- incremental and idempotent ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("operations", "held"), [s[1:] for s in SEQUENCES], ids=[s[0] for s in SEQUENCES]
)
def test_a_store_holds_exactly_the_graph_of_its_documents(store, operations, held):
    apply(store, operations)
    assert set(store.data()) == set(build_graph(held))


def test_re_adding_the_same_article_changes_nothing(store):
    apply(store, [A, B, C])
    before = serialize(store.data())
    assert [add_extraction(store, x).action for x in (A, B, C)] == ["unchanged"] * 3
    assert serialize(store.data()) == before


@pytest.mark.parametrize(
    ("operations", "action"),
    [([A], "added"), ([A, A_CHANGED], "replaced"), ([A, A], "unchanged")],
)
def test_each_add_says_what_it_did(store, operations, action):
    changes = [add_extraction(store, x) for x in operations]
    assert changes[-1].action == action


def test_removing_an_unknown_document_is_a_store_error_and_removes_nothing(store_spec):
    with open_store(store_spec, create=True) as store:
        apply(store, [A, B])
    with pytest.raises(StoreError, match="no document with id or URL nope") as caught:
        remove_documents(store_spec, ["a", "nope"])
    assert caught.value.exit_code == 9
    with open_store(store_spec) as store:
        assert set(store.data()) == set(build_graph([A, B]))


def test_queries_run_inside_the_store_and_see_the_ontology(store):
    apply(store, [A, B])
    result = run_named(store, "threats-against", {"actor": "tehran REGIME"})
    assert result.rows == ()  # the target is Israel, not Iran
    result = run_named(store, "threats-against", {"actor": "israel"})
    assert [row[:2] for row in result.rows] == [("Islamic Republic of Iran", "2")]
    label = run_query(store, "SELECT ?l WHERE { akg:threatens rdfs:label ?l }")
    assert label.rows == (("threatens",),)


@pytest.mark.parametrize("value", ['Iran" ) } #', "Iran' || true", 'x" } UNION { ?x ?p ?y } #'])
def test_a_parameter_cannot_change_a_store_query(store, value):
    apply(store, [A, B])
    with pytest.raises(QueryError, match="no actor is named"):
        run_named(store, "timeline", {"actor": value})


# --- a new store: every document in one bulk load --------------------------------------------

EVERYTHING = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
# (what is built, the documents in corpus order)
BATCHES = [
    ("three documents", [A, B, C]),
    ("one changed later in the corpus", [A, B, A_CHANGED]),
    ("one repeated", [A, B, A]),
    ("one event in two reports", [D, E]),
    ("everything", [A, B, C, D, E, A_CHANGED]),
]


@pytest.mark.parametrize("documents", [b[1] for b in BATCHES], ids=[b[0] for b in BATCHES])
def test_a_new_store_loaded_at_once_is_the_store_added_to_one_by_one(tmp_path, documents):
    with open_store(tmp_path / "at-once", create=True) as at_once:
        loaded = add_all(at_once, documents)
        data, graphs = serialize(at_once.data()), set(at_once.select(EVERYTHING))
    with open_store(tmp_path / "one-by-one", create=True) as one_by_one:
        added = [add_extraction(one_by_one, x) for x in documents]
        assert serialize(one_by_one.data()) == data
        assert set(one_by_one.select(EVERYTHING)) == graphs  # records, ontology, marker
    assert loaded == added


def test_a_store_that_holds_documents_takes_more_one_at_a_time(tmp_path):
    with open_store(tmp_path / "store", create=True) as store:
        add_all(store, [A, B])
        assert [c.action for c in add_all(store, [A_CHANGED, C, B])] == [
            "replaced",
            "added",
            "unchanged",
        ]
        assert set(store.data()) == set(build_graph([A_CHANGED, B, C]))


def test_the_cli_builds_a_new_store_as_it_adds_to_one(tmp_path, seeds_dir):
    """`kg build --store` into a new store (one bulk load) and into one holding a document
    (one transaction each): the same export, byte for byte, and the same record graphs."""
    first = tmp_path / "first"
    first.mkdir()
    for path in seeds_dir.glob("000_*"):
        shutil.copy(path, first)
    at_once, in_steps = tmp_path / "at-once", tmp_path / "in-steps"
    for corpus, store in ((seeds_dir, at_once), (first, in_steps), (seeds_dir, in_steps)):
        built = run_kg("build", corpus, "--store", store)
        assert built.returncode == 0, built.stderr
    assert "1 unchanged" in built.stderr  # the last build added to a store one at a time
    exported = [run_kg("export", store).stdout for store in (at_once, in_steps)]
    assert exported[0] == exported[1] != ""
    graphs = []
    for store in (at_once, in_steps):
        with open_store(store) as opened:
            graphs.append(set(opened.select(EVERYTHING)))
    assert graphs[0] == graphs[1]


# --- opening stores ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "not a kg store"),
        (lambda p: p.write_text("x"), "not a directory"),
    ],
    ids=["empty directory", "a file"],
)
def test_opening_something_that_is_not_a_store_is_a_store_error(tmp_path, make, message):
    path = tmp_path / "thing"
    make(path)
    with pytest.raises(StoreError, match=message):
        open_store(path)


def test_a_new_store_is_not_made_in_a_folder_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not empty"):
        open_store(tmp_path, create=True)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def write_raw(spec: str | Path, quads: list) -> None:
    """Quads written straight into a store directory or endpoint, past kg's checks."""
    text = update_text(insert=quads)
    if str(spec).startswith("http"):
        RemoteStore(str(spec)).update(text)
        return
    raw = ox.Store(str(spec))
    raw.update(text)
    del raw


def old_layout(data: list) -> list:
    """Quads as kg wrote them before layout 2: data and ontology in named graphs, no marker."""
    ontology = [(*t, ONTOLOGY_GRAPH) for t in load_ontology()]
    return [(*t, DATA_GRAPH) for t in data] + ontology


# (what the store holds, written straight into it) -> refused, the user told to rebuild it
OTHER_LAYOUTS = [
    ("an earlier kg's store", lambda data: old_layout(data)),
    ("a load cut short: no marker", lambda data: [(*t, DEFAULT_GRAPH) for t in data]),
    *(
        (
            f"layout {n}'s marker",
            lambda data, n=n: (
                [(*MARKER[:2], GRAPH[f"layout/{n}"], STORE_GRAPH)]
                + [(*t, DEFAULT_GRAPH) for t in data]
            ),
        )
        for n in (1, 2)  # 2: one record quad per pair, not per node
    ),
]


@pytest.mark.parametrize("create", [False, True], ids=["open", "build into"])
@pytest.mark.parametrize(
    "quads", [q for _, q in OTHER_LAYOUTS], ids=[name for name, _ in OTHER_LAYOUTS]
)
def test_a_store_of_another_layout_is_refused_not_misread(store_spec, quads, create):
    write_raw(store_spec, quads(build_graph([A])))
    with pytest.raises(StoreError, match="rebuild it") as caught:
        open_store(store_spec, create=create)
    assert caught.value.exit_code == 9


def test_data_and_ontology_never_share_a_subject(seed_graph):
    """Why a store directory can keep both in one default graph and still export exactly the
    data: every data subject is an instance IRI, no ontology subject is."""
    data = set(seed_graph) | set(build_graph([A, B, C, D, E]))
    assert {s for s, _, _ in data if not str(s).startswith(str(ID))} == set()
    assert {s for s, _, _ in load_ontology() if str(s).startswith(str(ID))} == set()


def test_the_cli_refuses_an_earlier_kgs_store_in_one_line(tmp_path):
    path = tmp_path / "old"
    write_raw(path, old_layout(build_graph([A])))
    for args in (
        ["query", path, "-n", "leaders"],
        ["export", path],
        ["remove", "a", "--store", path],
    ):
        line = assert_one_error_line(kg(*args), 9)
        assert "no layout marker" in line and "rebuild it" in line


def test_a_store_directory_holds_data_and_ontology_in_its_default_graph_and_is_marked(tmp_path):
    path = tmp_path / "store"
    with open_store(path, create=True) as store:
        add_extraction(store, A)
    raw = ox.Store.read_only(str(path))
    default = raw.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).decode()
    expected = set(build_graph([A])) | set(load_ontology())
    assert set(Graph().parse(data=default, format="nt")) == expected
    graphs = {g.value for g in raw.named_graphs()}
    assert {str(ONTOLOGY_GRAPH), str(STORE_GRAPH)} <= graphs and str(DATA_GRAPH) not in graphs


@pytest.mark.parametrize(
    ("document", "nodes"),
    [
        (A, [actor_iri("iran"), actor_iri("israel"), source_iri("axios")]),
        (D, [actor_iri("iran"), actor_iri("ismail-haniyeh"), event_iri(KILLING.key)]),
    ],
    ids=["actors and a source", "actors and an event"],
)
def test_a_record_graph_holds_one_record_per_node_the_document_names(store, document, nodes):
    """Layout 3: one quad per node instead of one per pair (a named graph is indexed 6 ways)."""
    add_extraction(store, document)
    graph = record_graph(doc_iri(document.article.id))
    rows = store.select("SELECT ?s ?p WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
    assert sorted(rows) == sorted((node, AKG.record) for node in nodes)


def test_an_unreachable_endpoint_is_a_store_error():
    with pytest.raises(StoreError, match="cannot reach"):
        open_store(f"http://127.0.0.1:{free_port()}/query")


@pytest.mark.parametrize(
    ("query_url", "update_url"),
    [
        ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update"),
        ("http://host/fuseki/ds/query", "http://host/fuseki/ds/update"),
        ("https://host/sparql", "https://host/sparql"),
    ],
)
def test_the_update_url_is_derived_from_the_query_url(query_url, update_url):
    assert update_url_for(query_url) == update_url


# --- the seed articles, end to end --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seeds_dir):
    path = tmp_path_factory.mktemp("seed") / "store"
    counts = build_store([seeds_dir], path)
    assert counts == {"added": 2}
    return path


def test_a_store_build_exports_the_file_build(seed_store, seed_graph):
    assert set(open_graph(seed_store).data()) == set(seed_graph)


def test_building_the_same_articles_again_leaves_the_store_alone(seed_store, seeds_dir):
    before = serialize(open_graph(seed_store).data())
    assert build_store([seeds_dir], seed_store) == {"unchanged": 2}
    assert serialize(open_graph(seed_store).data()) == before


# name -> (parameters, columns compared, rows) on the seed graph, from a file and from a store
SEED_ANSWERS = {
    "allies-of": ({"actor": "pezeshkian"}, ("ally", "statements"), [("Russia", "1")]),
    "threats-against": ({"actor": "ISRAEL"}, ("source", "statements"), [("Iran", "1")]),
    "condemnations-of": ({"actor": "Israel"}, ("source",), []),
    "who-met-whom": (
        {},
        ("a", "relation", "b"),
        [
            ("Benjamin Netanyahu", "spoke with", "Joe Biden"),
            ("Herzi Halevi", "met with", "Michael Kurilla"),
            ("Iran", "met with", "Sergei Shoigu"),
            ("Masoud Pezeshkian", "met with", "Sergei Shoigu"),
        ],
    ),
    "relations-between": (
        {"actor": "iran", "other": "Israel"},
        ("subject", "relation", "object", "modality", "date", "document"),
        [
            ("Iran", "attacked", "Israel", "hypothetical", "2024-08-04", "seed-000"),
            ("Iran", "threatens", "Israel", "hypothetical", "2024-08-04", "seed-000"),
            ("Iran", "attacked", "Israel", "planned", "2024-08-05", "seed-002"),
            ("Iran", "threatens", "Israel", "asserted", "2024-08-05", "seed-002"),
        ],
    ),
    "actor-profile": (
        {"actor": "netanyahu"},
        ("name", "role", "relation", "counterpart", "date", "document"),
        [
            ("Benjamin Netanyahu", "subject", "leader of", "Israel", "2024-08-04", "seed-000"),
            ("Benjamin Netanyahu", "object", "spoke with", "Joe Biden", "2024-08-04", "seed-000"),
            ("Benjamin Netanyahu", "subject", "visited", "United States", "2024-08-04", "seed-000"),
        ],
    ),
    "timeline": (
        {"actor": "Iran"},
        ("date", "subject", "relation", "object", "modality"),
        [
            ("2024-08-04", "Iran", "attacked", "Israel", "hypothetical"),
            ("2024-08-04", "Iran", "threatens", "Israel", "hypothetical"),
            ("2024-08-05", "Iran", "attacked", "Israel", "planned"),
            ("2024-08-05", "Iran", "threatens", "Israel", "asserted"),
            ("2024-08-05", "Masoud Pezeshkian", "leader of", "Iran", "asserted"),
            ("2024-08-05", "Sergei Shoigu", "met with", "Iran", "asserted"),
            ("2024-08-05", "Russia", "aided", "Iran", "hypothetical"),
            ("2024-08-05", "Masoud Pezeshkian", "leader of", "Iran", "asserted"),
        ],
    ),
}


ORDERED = ("relations-between", "timeline")  # whose row order the query defines


@pytest.mark.parametrize("name", sorted(SEED_ANSWERS))
@pytest.mark.parametrize("where", ["file", "store"])
def test_a_named_query_on_the_seed_graph(seed_graph, seed_store, name, where):
    params, columns, rows = SEED_ANSWERS[name]
    source = seed_graph if where == "file" else open_graph(seed_store)
    result = run_named(source, name, params)
    index = [result.columns.index(column) for column in columns]
    answered = [tuple(row[i] for i in index) for row in result.rows]
    assert answered == rows if name in ORDERED else sorted(answered) == sorted(rows)


PAGE_PARAMS = {"actor": "Iran", "other": "Israel"}  # optional parameters stay free


@pytest.mark.parametrize("name", sorted(list_queries()))
@pytest.mark.parametrize("where", ["file", "store"])
def test_pages_of_a_named_query_are_slices_of_its_every_row_answer(
    seed_graph, seed_store, name, where
):
    """Some queries find a page's rows before joining them (`#@page-end`): every page, ties and
    the last short page included, is still the same slice of the one ordered answer."""
    source = seed_graph if where == "file" else open_graph(seed_store)
    query = list_queries()[name]
    params = {p: PAGE_PARAMS[p] for p, _ in query.params if p not in query.optional}
    every = run_named(source, name, params, limit=None).rows
    for limit in (1, 2, 3):
        pages = [
            run_named(source, name, params, limit=limit, offset=offset).rows
            for offset in range(0, len(every) + limit, limit)
        ]
        assert [row for page in pages for row in page] == list(every), (limit, name)


def test_a_store_and_a_file_answer_a_named_query_in_the_same_order(seed_graph, seed_store):
    """Queries order on keys ('~' + label) that sort as the labels do, in either engine."""
    for name in ("evidence", "not-asserted", "leaders"):
        store_rows = run_named(open_graph(seed_store), name).rows
        assert store_rows == run_named(seed_graph, name).rows, name


def run_kg(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*KG, *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


def test_the_cli_builds_queries_and_removes_on_a_server(server, seeds_dir, seed_graph, tmp_path):
    RemoteStore(server).update("CLEAR ALL")
    built = run_kg("build", seeds_dir, "--store", server, "--update-url", update_url_for(server))
    assert built.returncode == 0, built.stderr
    assert "2 added" in built.stderr
    exported = run_kg("export", server, "-f", "nt")
    assert exported.returncode == 0, exported.stderr
    assert set(Graph().parse(data=exported.stdout, format="nt")) == set(seed_graph)
    asked = run_kg(
        "query", server, "--name", "allies-of", "--param", "actor=Pezeshkian", "-f", "csv"
    )
    assert asked.stdout.splitlines()[1].startswith("Russia,1,"), asked.stderr
    removed = run_kg("remove", "seed-000", "--store", server)
    assert removed.returncode == 0, removed.stderr
    only = tmp_path / "only"
    only.mkdir()
    for path in seeds_dir.glob("002_*"):
        shutil.copy(path, only)
    with open_store(server) as store:
        assert set(store.data()) == set(build([only]))


# --- a build killed half-way ----------------------------------------------------------------

KILLED_BUILD = """
import sys
from kg.build import build_store
build_store([sys.argv[1]], sys.argv[2], on_article=lambda done, total: print(done, flush=True))
"""


@pytest.mark.parametrize(
    "held",
    [[], [A]],
    ids=["new store: loaded after the last document", "store with a document: one at a time"],
)
def test_a_killed_build_leaves_the_documents_it_stored_exactly(tmp_path, seeds_dir, held):
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    corpus = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"id": f"copy-{n:02}", "date": "2024-08-05", "text": texts[n % len(texts)]})
        for n in range(40)
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = tmp_path / "store"
    with open_store(path, create=True) as store:
        apply(store, held)
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, corpus, path], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "1"  # one document extracted: kill the build now
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    store = open_store(path)
    stored = {
        str(row[0]) for row in store.select("SELECT ?id WHERE { ?d dcterms:identifier ?id }")
    } - {"a"}
    assert 1 <= len(stored) < 40 if held else stored == set()
    articles = [a for a in read_corpus([corpus]) if a.id in stored]
    extracted = extract_corpus(articles) if articles else []
    assert set(store.data()) == set(build_graph([*held, *extracted]))


KILLED_LOAD = """
import pickle, sys
from kg.ingest import add_all
from kg.store import open_store
with open(sys.argv[2], "rb") as documents, open_store(sys.argv[1], create=True) as store:
    add_all(store, pickle.load(documents))
"""


def copies(extraction: Extraction, n: int) -> Extraction:
    """The extraction as document `<id>-<n>`."""
    doc = f"{extraction.article.id}-{n}"
    claims = tuple(dataclasses.replace(c, doc_id=doc) for c in extraction.claims)
    article = dataclasses.replace(extraction.article, id=doc)
    return dataclasses.replace(extraction, article=article, claims=claims)


def test_a_killed_bulk_load_leaves_a_store_that_is_refused(tmp_path):
    path, documents = tmp_path / "store", tmp_path / "documents.pickle"
    documents.write_bytes(pickle.dumps([copies(x, n) for n in range(3000) for x in (A, B, C)]))
    process = subprocess.Popen([sys.executable, "-c", KILLED_LOAD, path, documents])
    deadline = time.monotonic() + 120
    while not list(path.glob("kg-load-*.nq")):  # the load has begun: kill it
        assert process.poll() is None, "the load ended before the test could kill it"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    with pytest.raises(StoreError, match=r"no layout marker.*rebuild it"):
        open_store(path)
