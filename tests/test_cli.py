"""The `kg` command line, run as a user runs it: a real process, exit codes, stdout and stderr.

The corpus is built once per module (loading the spaCy model takes seconds); every other command
runs on that graph. Errors must be one `kg: error: ...` line with a documented exit code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import typer
from clirun import assert_one_error_line, kg
from rdflib import Dataset
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.export import FORMATS, load_graph, write_graph
from kg.query import list_queries, run_query
from kg.vocab import AKG, ID

ARTICLES = {
    "threat.txt": "Iran threatened Israel on Monday.\n",
    "talks.txt": (
        "Russia condemned the United States.\n"
        "President Biden met Prime Minister Netanyahu in Washington.\n"
    ),
    "maybe.txt": "Iran could attack Israel next week.\nFrance condemned Iran.\n",
}
META = {"id": "threat-1", "title": "Iran threatens Israel", "date": "2024-08-05", "source": "Wire"}
SUFFIX = {"turtle": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig"}


def ask(graph_path: Path, query: str) -> bool:
    (row,) = run_query(load_graph(graph_path), query).rows
    return row == ("true",)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "threat.meta.json").write_text(json.dumps(META), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def build_run(corpus, tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    output = tmp_path_factory.mktemp("out") / "graph.ttl"
    return kg("build", corpus, "-o", output), output


@pytest.fixture(scope="module")
def graph_path(build_run) -> Path:
    run, output = build_run
    assert run.returncode == 0, run.stderr
    return output


# Files in the scratch folder that the error table refers to: bad input of every kind.
SCRATCH: dict[str, str | bytes] = {
    "file.txt": "a regular file, not a folder\n",
    "bad.ttl": "@prefix akg: <https://w3id.org/akg/ontology#> .\nakg:a akg:b akg:c .\nnot Turtle .\n",
    "empty.ttl": "@prefix akg: <https://w3id.org/akg/ontology#> .\n",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "latin1.txt": "Café talks: France condemned Iran.\n".encode("cp1252"),
    "blank.txt": b"",
    "bad.jsonl": '{"text": "Iran threatened Israel."}\n{"text": "no closing quote}\n',
    "bad.rq": "SELECT ?x\nWHERE { ?x ?p }\n",
}


@pytest.fixture
def locked(tmp_path) -> Path:
    """A folder where no file can be created: read-only for a user; /sys (a read-only file
    system) for root, who ignores file modes."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    return folder


@pytest.fixture
def work(tmp_path, graph_path, corpus, locked) -> dict[str, str]:
    """Placeholders for the argument tables: a scratch folder with bad input, the built graph,
    the corpus and a folder that cannot be written."""
    (tmp_path / "empty").mkdir()
    for name, content in SCRATCH.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (tmp_path / name).write_bytes(data)
    return {
        "tmp": str(tmp_path),
        "graph": str(graph_path),
        "corpus": str(corpus),
        "locked": str(locked),
    }


def fill(args: list[str], places: dict[str, str]) -> list[str]:
    """Replace `{tmp}`, `{graph}`, `{corpus}`, `{locked}`; other braces (SPARQL) stay."""
    for key, value in places.items():
        args = [arg.replace("{" + key + "}", value) for arg in args]
    return args


# --- build --------------------------------------------------------------------------------------


def test_build_writes_the_graph_and_reports_on_stderr(build_run):
    run, output = build_run
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""
    assert re.fullmatch(rf"wrote {re.escape(str(output))} \(\d+ triples\)\n", run.stderr)
    assert len(load_graph(output)) > 0


def test_build_with_two_worker_processes_writes_the_same_graph(corpus, graph_path, tmp_path):
    output = tmp_path / "graph.ttl"
    run = kg("build", corpus, "--jobs", "2", "-o", output)
    assert run.returncode == 0, run.stderr
    assert isomorphic(load_graph(output), load_graph(graph_path))
    assert output.read_bytes() == graph_path.read_bytes()


@pytest.mark.parametrize(
    "edge",
    [
        "id:iran akg:threatens id:israel",
        "id:russia akg:condemned id:united-states",
        "id:france akg:condemned id:iran",
    ],
)
def test_built_graph_has_the_stated_facts(graph_path, edge):
    assert ask(graph_path, f"ASK {{ {edge} }}")


def test_built_graph_does_not_assert_a_hypothetical_attack(graph_path):
    assert not ask(graph_path, "ASK { id:iran akg:attacked id:israel }")


def test_built_graph_keeps_document_metadata(graph_path):
    assert ask(
        graph_path,
        """ASK { ?doc a schema:NewsArticle ; dcterms:identifier "threat-1" ;
                      dcterms:title "Iran threatens Israel" ; dcterms:date "2024-08-05"^^xsd:date }""",
    )


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_written_files_get_the_usual_permissions(graph_path, tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    assert graph_path.stat().st_mode & 0o777 == 0o666 & ~umask
    existing = tmp_path / "graph.ttl"
    existing.write_text("", encoding="utf-8")
    existing.chmod(0o640)
    assert kg("export", graph_path, "-o", existing).returncode == 0
    assert existing.stat().st_mode & 0o777 == 0o640


# --- query --------------------------------------------------------------------------------------


def test_query_a_named_query_as_a_table(graph_path):
    run = kg("query", graph_path, "--name", "who-threatens-whom")
    assert run.returncode == 0, run.stderr
    assert "Iran" in run.stdout and "Israel" in run.stdout


def test_query_sparql_text_as_csv(graph_path):
    run = kg("query", graph_path, "SELECT ?s ?o WHERE { ?s akg:threatens ?o }", "-f", "csv")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "s,o"
    assert f"{ID.iran},{ID.israel}" in lines[1:]


def test_query_an_rq_file_as_json(graph_path, tmp_path):
    query = tmp_path / "condemned.rq"
    query.write_text(
        "SELECT ?who ?whom WHERE { ?s akg:condemned ?o . "
        "?s skos:prefLabel ?who . ?o skos:prefLabel ?whom } ORDER BY ?who",
        encoding="utf-8",
    )
    run = kg("query", graph_path, query, "-f", "json")
    assert run.returncode == 0, run.stderr
    rows = json.loads(run.stdout)
    assert isinstance(rows, list) and all(set(row) == {"who", "whom"} for row in rows)
    assert {"who": "Russia", "whom": "United States"} in rows
    assert {"who": "France", "whom": "Iran"} in rows


def test_query_who_met_whom_as_json(graph_path):
    run = kg("query", graph_path, "-n", "who-met-whom", "-f", "json")
    assert run.returncode == 0, run.stderr
    pairs = [{row["a"], row["b"]} for row in json.loads(run.stdout)]
    assert any(
        any("Biden" in name for name in pair) and any("Netanyahu" in name for name in pair)
        for pair in pairs
    )


def test_query_a_page_of_a_named_query(graph_path):
    every = kg("query", graph_path, "-n", "evidence", "-f", "csv", "--limit", "0")
    page = kg("query", graph_path, "-n", "evidence", "-f", "csv", "--limit", "2", "--offset", "1")
    assert every.returncode == 0 and page.returncode == 0, page.stderr
    header, *rows = every.stdout.splitlines()
    assert len(rows) > 3
    assert page.stdout.splitlines() == [header, *rows[1:3]]


def test_query_ask(graph_path):
    run = kg("query", graph_path, "ASK { id:iran akg:threatens id:israel }", "-f", "csv")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["ask", "true"]


def test_query_list_names_every_named_query_and_its_parameters(graph_path):
    run = kg("query", graph_path, "--list")
    assert run.returncode == 0, run.stderr
    expected = []
    for query in list_queries().values():
        expected.append(f"{query.name}\t{query.description}")
        expected += [
            f"    --param {name}=...{' (optional)' if name in query.optional else ''}\t{meaning}"
            for name, meaning in query.params
        ]
    assert run.stdout.splitlines() == expected
    assert "    --param actor=...\t" in run.stdout
    assert "    --param relation=... (optional)\t" in run.stdout


# --- view, export, validate, summary ------------------------------------------------------------

EXTERNAL = re.compile(
    r"""(?:\bsrc|\bhref)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?https?:""", re.I
)


def test_view_writes_one_offline_html_file(graph_path, tmp_path):
    output = tmp_path / "network.html"
    run = kg("view", graph_path, "-o", output)
    assert run.returncode == 0, run.stderr
    html = output.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "Iran" in html
    assert EXTERNAL.findall(html) == []
    assert [p.name for p in tmp_path.iterdir()] == ["network.html"]


def test_view_focus_relations_and_dates(graph_path, tmp_path):
    output = tmp_path / "iran.html"
    run = kg(
        "view", graph_path, "-o", output, "--focus", "iran", "--hops", "1",
        "--relations", "threatens,condemned", "--since", "2024-08-01", "--until", "2024-08-31",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    html = output.read_text(encoding="utf-8")
    assert "Showing around Iran, 1 hop; relations: threatens, condemned; statements dated" in html
    assert "Israel" in html and "Netanyahu" not in html


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_each_format_parses_back_to_the_same_triples(graph_path, tmp_path, fmt):
    output = tmp_path / f"graph.{SUFFIX[fmt]}"
    run = kg("export", graph_path, "--format", fmt, "-o", output)
    assert run.returncode == 0, run.stderr
    parsed = Dataset(default_union=True)
    parsed.parse(output, format={"jsonld": "json-ld"}.get(fmt, fmt))
    assert len(set(parsed.triples((None, None, None)))) == len(load_graph(graph_path))


def test_export_to_stdout(graph_path):
    run = kg("export", graph_path, "-f", "nt")
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.strip().splitlines()) == len(load_graph(graph_path))


def test_validate_a_built_graph(graph_path):
    run = kg("validate", graph_path)
    assert run.returncode == 0, run.stderr
    assert "conforms" in run.stdout


def test_validate_a_graph_that_violates_the_shapes(graph_path, tmp_path):
    graph = load_graph(graph_path)
    graph.add((ID.france, AKG.threatens, ID.russia))  # a direct edge with no statement behind it
    bad = write_graph(graph, tmp_path / "bad.ttl")
    run = kg("validate", bad)
    assert run.returncode == 8
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("kg: error:")]
    assert errors == [run.stderr.splitlines()[-1]]
    assert "violation" in errors[0]


def test_summary(graph_path):
    run = kg("summary", graph_path)
    assert run.returncode == 0, run.stderr
    for text in ("Actors by type", "Relations by type", "State", "threatens", "condemned"):
        assert text in run.stdout


# --- errors -------------------------------------------------------------------------------------

# (what goes wrong, arguments with {tmp}/{graph}/{corpus} placeholders, exit code, message part)
ERRORS = [
    ("missing input", ["build", "{tmp}/missing.txt", "-o", "{tmp}/o.ttl"], 3, "no such file"),
    ("no articles", ["build", "{tmp}/empty", "-o", "{tmp}/o.ttl"], 3, "no articles found"),
    ("missing model", ["build", "{corpus}", "--model", "no_such_model"], 4, "pip install"),
    (
        "binary file",
        ["build", "{tmp}/binary.txt", "-o", "{tmp}/o.ttl"],
        3,
        "binary.txt: a binary file",
    ),
    (
        "empty file",
        ["build", "{tmp}/blank.txt", "-o", "{tmp}/o.ttl"],
        3,
        "blank.txt: empty document",
    ),
    (
        "not UTF-8",
        ["build", "{tmp}/latin1.txt", "-o", "{tmp}/o.ttl"],
        3,
        "latin1.txt: not UTF-8 text (byte 0xE9 at offset 3)",
    ),
    (
        "bad JSONL line",
        ["build", "{tmp}/bad.jsonl", "-o", "{tmp}/o.ttl"],
        3,
        "bad.jsonl:2: invalid JSON",
    ),
    (
        "bad graph: query",
        ["query", "{tmp}/bad.ttl", "-n", "leaders"],
        5,
        "bad.ttl:3: not a valid RDF",
    ),
    (
        "bad graph: view",
        ["view", "{tmp}/bad.ttl", "-o", "{tmp}/n.html"],
        5,
        "bad.ttl:3: not a valid RDF",
    ),
    ("bad graph: export", ["export", "{tmp}/bad.ttl", "-f", "nt"], 5, "bad.ttl:3: not a valid RDF"),
    ("bad graph: validate", ["validate", "{tmp}/bad.ttl"], 5, "bad.ttl:3: not a valid RDF"),
    ("missing graph", ["summary", "{tmp}/missing.ttl"], 5, "no such graph file"),
    ("invalid SPARQL", ["query", "{graph}", "SELEC ?x WHERE { ?x ?p ?o }"], 6, "invalid SPARQL"),
    (
        "SPARQL error position",
        ["query", "{graph}", "SELECT ?x\nWHERE { ?x ?p }"],
        6,
        "at line 2, column 9",
    ),
    ("bad .rq file", ["query", "{graph}", "{tmp}/bad.rq"], 6, "at line 2, column 9"),
    ("update refused", ["query", "{graph}", "DELETE WHERE { ?s ?p ?o }"], 6, "--allow-update"),
    (
        "SERVICE refused",
        ["query", "{graph}", "SELECT * { SERVICE <http://example.org/q> { ?s ?p ?o } }"],
        6,
        "SERVICE <http://example.org/q> refused",
    ),
    (
        "FROM refused",
        ["query", "{graph}", "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"],
        6,
        "FROM <file:///etc/passwd> refused",
    ),
    (
        "LOAD refused",
        ["query", "{graph}", "--allow-update", "LOAD <http://example.org/g.ttl>"],
        6,
        "--allow-service",
    ),
    ("unknown query", ["query", "{graph}", "-n", "who-loves-whom"], 6, "who-threatens-whom"),
    ("missing .rq", ["query", "{graph}", "{tmp}/missing.rq"], 6, "missing.rq"),
    ("no query", ["query", "{graph}"], 6, "--name"),
    ("missing param", ["query", "{graph}", "-n", "allies-of"], 6, "missing actor"),
    ("unknown param", ["query", "{graph}", "-n", "timeline", "-p", "who=x"], 6, "--param actor="),
    ("param without name", ["query", "{graph}", "-n", "leaders", "-p", "x"], 6, "NAME=VALUE"),
    ("limit without name", ["query", "{graph}", "ASK {}", "--limit", "5"], 6, "--limit"),
    ("negative limit", ["query", "{graph}", "-n", "leaders", "--limit", "-1"], 6, ">= 0"),
    ("not a store", ["query", "{tmp}/empty", "-n", "leaders"], 9, "not a kg store"),
    ("remove: no store", ["remove", "a", "--store", "{tmp}/empty"], 9, "not a kg store"),
    ("view output", ["view", "{graph}", "-o", "{tmp}/file.txt/n.html"], 7, "cannot write"),
    ("view: unknown actor", ["view", "{graph}", "--focus", "Atlantis"], 6, "no actor named"),
    ("view: unknown relation", ["view", "{graph}", "--relations", "hugs"], 6, "valid: accused"),
    ("view: bad date", ["view", "{graph}", "--since", "monday"], 6, "must be a date"),
    ("export output", ["export", "{graph}", "-o", "{tmp}/file.txt/g.ttl"], 7, "cannot write"),
    ("build output", ["build", "{corpus}", "-o", "{tmp}/file.txt/g.ttl"], 7, "cannot write"),
    ("output is a folder", ["export", "{graph}", "-o", "{tmp}/empty"], 7, "Is a directory"),
    ("permission denied", ["view", "{graph}", "-o", "{locked}/n.html"], 7, "Permission denied"),
    ("empty graph", ["validate", "{tmp}/empty.ttl"], 5, "contains no RDF triples"),
    ("missing gold", ["eval", "{tmp}/missing.jsonl"], 3, "cannot read gold file"),
    ("gold not JSON", ["eval", "{tmp}/bad.ttl"], 3, "not JSON"),
    ("nothing to evaluate", ["eval"], 3, "nothing to evaluate"),
    ("missing PLOVER file", ["eval", "--plover", "{tmp}/missing.json"], 3, "cannot read PLOVER"),
]


# (what goes wrong, arguments) -> click's usage error: exit 2 and the usage on stderr
USAGE_ERRORS = [
    ("no paths", ["build"]),
    ("output and store", ["build", "{corpus}", "-o", "{tmp}/g.ttl", "--store", "{tmp}/s"]),
    ("no worker processes", ["build", "{corpus}", "--jobs", "0"]),
    ("negative worker processes", ["build", "{corpus}", "-j", "-2"]),
    ("unknown export format", ["export", "{graph}", "-f", "bogus"]),
    ("unknown result format", ["query", "{graph}", "-n", "leaders", "-f", "xml"]),
    ("unknown option", ["view", "{graph}", "--colour"]),
    ("unknown eval format", ["eval", "{tmp}/bad.ttl", "-f", "xml"]),
    ("negative hops", ["view", "{graph}", "--focus", "Iran", "--hops", "-1"]),
]


@pytest.mark.parametrize("args", [e[1] for e in USAGE_ERRORS], ids=[e[0] for e in USAGE_ERRORS])
def test_a_usage_error_exits_2_without_a_traceback(work, args):
    run = kg(*fill(args, work))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "Usage" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize(
    ("args", "code", "message"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS]
)
def test_an_error_is_one_line_and_a_documented_exit_code(work, args, code, message):
    line = assert_one_error_line(kg(*fill(args, work)), code)
    assert message in line
    scratch = Path(work["tmp"])
    assert {p.name for p in scratch.rglob("*")} - {"locked"} == {"empty", *SCRATCH}
    for name, content in SCRATCH.items():
        assert (scratch / name).read_bytes() == (
            content.encode("utf-8") if isinstance(content, str) else content
        )


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{tmp}/missing.txt", "-o", "{tmp}/out/graph.ttl"],
        ["build", "{corpus}", "--model", "no_such_model", "-o", "{tmp}/out/graph.ttl"],
    ],
    ids=["missing-input", "missing-model"],
)
def test_a_failed_build_keeps_the_previous_graph(work, graph_path, args):
    previous = Path(work["tmp"]) / "out" / "graph.ttl"
    previous.parent.mkdir()
    shutil.copyfile(graph_path, previous)
    before = previous.read_bytes()
    run = kg(*fill(args, work))
    assert run.returncode != 0
    assert previous.read_bytes() == before
    assert [p.name for p in previous.parent.iterdir()] == ["graph.ttl"]


# --- help ---------------------------------------------------------------------------------------

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def test_the_app_has_the_documented_commands():
    assert set(COMMANDS) >= {"build", "query", "view", "export", "validate", "summary"}


def test_kg_help_lists_every_command():
    run = kg("--help")
    assert run.returncode == 0, run.stderr
    for name in COMMANDS:
        assert re.search(rf"\b{name}\b", run.stdout), name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_parameter_has_help(name):
    command = typer.main.get_command(app).commands[name]
    assert command.help and command.help.strip()
    undocumented = [p.name for p in command.params if not (getattr(p, "help", None) or "").strip()]
    assert undocumented == []
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    summary = command.help.strip().splitlines()[0]
    assert " ".join(summary.split()) in " ".join(result.output.split())
