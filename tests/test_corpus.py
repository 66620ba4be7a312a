"""Tests for kg.corpus: every input format, metadata source, ordering rule and error message."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from kg.corpus import read_corpus, read_file
from kg.errors import CorpusError
from kg.model import Article

DATA = Path(__file__).parent / "data" / "corpus"
SEEDS = Path(__file__).parent.parent / "seeds"


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read_one(path: Path | str) -> Article:
    (article,) = read_file(path)
    return article


# --- plain text ---------------------------------------------------------------------------------


def test_txt_whole_file_is_one_article_with_hash_id(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "\ufeffIran warned Israel.\r\nRussia met Iran.\r\n\r\n")
    article = read_one(path)
    assert article.text == "Iran warned Israel.\nRussia met Iran."
    assert article.id == content_hash(article.text)
    assert article.path == str(path)
    assert (article.title, article.date, article.source, article.url) == (None,) * 4


def test_txt_metadata_from_sidecar(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", "Iran warned Israel.")
    meta = {"id": "s1", "title": "Warning", "date": "2024-08-04", "source": "Wire", "url": "u"}
    write(tmp_path / "story.meta.json", json.dumps({**meta, "extra": 1}))
    article = read_one(path)
    assert article == Article(
        id="s1",
        text="Iran warned Israel.",
        title="Warning",
        date=dt.date(2024, 8, 4),
        source="Wire",
        url="u",
        path=str(path),
    )


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("{not json", "story.meta.json: invalid JSON (Expecting property name"),
        ("[1, 2]", "story.meta.json: expected a JSON object, got array"),
        ('{"title": 3}', "story.meta.json: 'title' must be a string, got number"),
        ('{"date": "4 Aug 2024"}', "story.meta.json: invalid date '4 Aug 2024'"),
    ],
)
def test_bad_sidecar(tmp_path: Path, sidecar: str, message: str) -> None:
    write(tmp_path / "story.txt", "Iran warned Israel.")
    write(tmp_path / "story.meta.json", sidecar)
    with pytest.raises(CorpusError, match="^" + re.escape(str(tmp_path / message))):
        read_one(tmp_path / "story.txt")


# --- Markdown -----------------------------------------------------------------------------------


def test_md_front_matter_and_markdown_stripped() -> None:
    article = read_one(DATA / "story.md")
    assert article.text == (
        "Talks in Tehran\n\nA Russian delegation met Iranian officials, according to Reuters."
    )
    assert article.title == "Talks in Tehran"
    assert article.date == dt.date(2024, 8, 5)
    assert article.source == "Example Wire"
    assert article.url == article.id == "https://example.org/talks"


def test_md_sidecar_overrides_front_matter(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: From front matter\nsource: FM\n---\nText here.\n")
    write(tmp_path / "a.meta.json", '{"title": "From sidecar"}')
    article = read_one(tmp_path / "a.md")
    assert (article.title, article.source, article.text) == ("From sidecar", "FM", "Text here.")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Heading ##\nBody.", "Heading\nBody."),
        ("#hashtag stays", "#hashtag stays"),
        ("# Title #\r\nBody with **bold**.\r\n", "Title\nBody with bold."),
        ("---\r\ntitle: T\r\n---\r\n# Body", "Body"),
        ("**bold** and *it* and ***both***", "bold and it and both"),
        ("__bold__ and _it_ but snake_case_name", "bold and it but snake_case_name"),
        ("**a *nested* b**", "a nested b"),
        ('See [the report](https://x.org/r "T") and ![a map](m.png).', "See the report and a map."),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("---\nno closing fence\n", "---\nno closing fence"),
    ],
)
def test_md_syntax_stripping(tmp_path: Path, markdown: str, text: str) -> None:
    assert read_one(write(tmp_path / "a.md", markdown)).text == text


def test_md_front_matter_only_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", "---\ntitle: T\n---\n\n")
    with pytest.raises(CorpusError, match=f"^{re.escape(str(path))}: empty document$"):
        read_one(path)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_article_text_and_metadata() -> None:
    article = read_one(DATA / "page.html")
    assert article.text == (
        "Delegations meet\n"
        "Russia sent a delegation to Tehran on Monday.\n"
        "Shoigu met Pezeshkian.\n"
        "Austin called Gallant.\n"
        "Talks continue.\n"
        "Iran & Israel remain on alert."
    )
    assert article.title == "Delegations meet"
    assert article.date == dt.date(2024, 8, 4)
    assert article.url == article.id == "https://example.org/canonical"
    assert article.source == "Example News"


@pytest.mark.parametrize(
    "boilerplate",
    [
        "SCRIPT_IN_HEAD",
        "SCRIPT_IN_BODY",
        "SIDEBAR_TEXT",
        "FOOTER_TEXT",
        "FORM_TEXT",
        "Home",
        "color",
    ],
)
def test_html_boilerplate_removed(boilerplate: str) -> None:
    assert boilerplate not in read_one(DATA / "page.html").text


def test_html_without_article_uses_body_and_fallback_metadata(tmp_path: Path) -> None:
    html = (
        "<html><head><title>  Plain   title </title>"
        '<meta property="og:url" content="https://example.org/og">'
        '<meta name="date" content="2024-08-06"></head>'
        "<body><div>First line</div>Loose <i>text</i><script>x()</script>"
        "<p>Para</p></body></html>"
    )
    article = read_one(write(tmp_path / "p.htm", html))
    assert article.text == "First line\nLoose text\nPara"
    assert article.title == "Plain title"
    assert article.url == article.id == "https://example.org/og"
    assert article.date == dt.date(2024, 8, 6)
    assert article.source is None


def test_html_date_from_time_element(tmp_path: Path) -> None:
    html = '<body><article><time datetime="2024-08-07">Wed</time><p>Text.</p></article></body>'
    assert read_one(write(tmp_path / "p.html", html)).date == dt.date(2024, 8, 7)


def test_html_bad_date(tmp_path: Path) -> None:
    path = write(tmp_path / "p.html", '<meta name="pubdate" content="yesterday"><p>Text.</p>')
    with pytest.raises(CorpusError, match=f"^{re.escape(str(path))}: invalid date 'yesterday'"):
        read_one(path)


def test_html_without_text_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "p.html", "<html><body><script>x()</script><nav>Menu</nav></body>")
    with pytest.raises(CorpusError, match=f"^{re.escape(str(path))}: empty document$"):
        read_one(path)


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_articles() -> None:
    path = DATA / "articles.jsonl"
    articles = list(read_file(path))
    assert [a.id for a in articles] == [
        "a1",
        "https://example.org/a2",
        content_hash("Hamas and Israel exchanged fire."),
    ]
    first = articles[0]
    assert (first.title, first.date, first.source, first.url) == (
        "Warning",
        dt.date(2024, 8, 4),
        "Wire",
        "https://example.org/a1",
    )
    assert articles[1].date == dt.date(2024, 8, 5)
    assert {a.path for a in articles} == {str(path)}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "a" "b"}', "invalid JSON (Expecting ',' delimiter)"),
        ("[1]", "expected a JSON object, got array"),
        ('"just text"', "expected a JSON object, got string"),
        ('{"title": "no text"}', "missing or empty 'text'"),
        ('{"text": "   "}', "missing or empty 'text'"),
        ('{"text": 5}', "'text' must be a string, got number"),
        ('{"text": "t", "url": ["u"]}', "'url' must be a string, got array"),
        ('{"text": "t", "date": "2024-13-01"}', "invalid date '2024-13-01'"),
    ],
)
def test_jsonl_bad_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    good = '{"text": "fine"}'
    path = write(tmp_path / "articles.jsonl", f"{good}\n\n{good}\n{line}\n{good}\n")
    with pytest.raises(CorpusError) as caught:
        list(read_file(path))
    assert str(caught.value).startswith(f"{path}:4: {message}")


def test_jsonl_blank_only_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", "\n  \n")
    with pytest.raises(CorpusError, match=f"^{re.escape(str(path))}: empty document$"):
        list(read_file(path))


# --- id fallback and dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"id": "given", "url": "https://u"}, "given"),
        ({"id": "  ", "url": "https://u"}, "https://u"),
        ({"url": "https://u"}, "https://u"),
        ({}, content_hash("Some text.")),
        ({"id": None, "url": None}, content_hash("Some text.")),
    ],
)
def test_id_fallback_order(tmp_path: Path, fields: dict, expected: str) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "Some text.", **fields}))
    assert read_one(path).id == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-04", dt.date(2024, 8, 4)),
        ("2024-08-04T23:59:59", dt.date(2024, 8, 4)),
        ("2024-08-04T23:59:59Z", dt.date(2024, 8, 4)),
        ("2024-08-04 10:00:00+02:00", dt.date(2024, 8, 4)),
        ("", None),
    ],
)
def test_dates(tmp_path: Path, value: str, expected: dt.date | None) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "t", "date": value}))
    assert read_one(path).date == expected


# --- folders, stdin, ordering -------------------------------------------------------------------


def make_tree(root: Path) -> None:
    write(root / "b.txt", "B text.")
    write(root / "a.md", "# A text")
    write(root / "sub" / "c.html", "<p>C text.</p>")
    write(root / "sub" / "deeper" / "d.jsonl", '{"text": "D1"}\n{"text": "D2"}\n')
    write(root / "a.meta.json", '{"id": "a"}')  # a sidecar, not an article
    write(root / "notes.pdf", "ignored")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "x.txt", "hidden dir")


def test_folder_recursion_sorted_and_filtered(tmp_path: Path) -> None:
    make_tree(tmp_path)
    articles = list(read_corpus([tmp_path]))
    assert [a.text for a in articles] == ["A text", "B text.", "C text.", "D1", "D2"]
    assert articles[0].id == "a"
    assert articles[2].path == str(tmp_path / "sub" / "c.html")


def test_order_is_deterministic_and_follows_arguments(tmp_path: Path) -> None:
    make_tree(tmp_path)
    single = write(tmp_path / "z.txt", "Z text.")
    runs = [[a.text for a in read_corpus([single, str(tmp_path / "sub")])] for _ in range(3)]
    assert runs[0] == ["Z text.", "C text.", "D1", "D2"]
    assert runs[0] == runs[1] == runs[2]


def test_stdin_plain_text(tmp_path: Path) -> None:
    file = write(tmp_path / "f.txt", "From file.")
    stdin = io.StringIO("\n  Iran warned Israel.\r\n")
    articles = list(read_corpus([file, "-"], stdin=stdin))
    assert articles[1] == Article(
        id=content_hash("Iran warned Israel."), text="Iran warned Israel.", path=None
    )


def test_stdin_jsonl() -> None:
    stdin = io.StringIO('\n {"id": "x", "text": "One."}\n{"text": "Two.", "date": "2024-08-04"}\n')
    articles = list(read_corpus(["-"], stdin=stdin))
    assert [(a.id, a.text, a.path) for a in articles] == [
        ("x", "One.", None),
        (content_hash("Two."), "Two.", None),
    ]
    assert articles[1].date == dt.date(2024, 8, 4)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (" \n\t", "<stdin>: empty document"),
        ('{"text": 1}', "<stdin>:1: 'text' must be a string, got number"),
    ],
)
def test_stdin_errors(content: str, message: str) -> None:
    with pytest.raises(CorpusError) as caught:
        list(read_corpus(["-"], stdin=io.StringIO(content)))
    assert str(caught.value) == message


def test_seed_corpus() -> None:
    articles = list(read_corpus([SEEDS]))
    assert [(a.id, a.date) for a in articles] == [
        ("seed-000", dt.date(2024, 8, 4)),
        ("seed-002", dt.date(2024, 8, 5)),
    ]
    assert all(a.title and a.source and a.text for a in articles)


# --- file-level errors --------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(CorpusError) as caught:
        list(read_corpus([missing]))
    assert str(caught.value) == f"{missing}: no such file or directory"
    with pytest.raises(CorpusError, match="no such file or directory"):
        list(read_file(missing))


def test_missing_path_fails_before_reading(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", "Text.")
    articles = read_corpus([good, tmp_path / "nope.md"])
    with pytest.raises(CorpusError, match=r"nope\.md: no such file or directory"):
        next(articles)


def test_explicit_unsupported_file(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.pdf", "x")
    with pytest.raises(CorpusError) as caught:
        list(read_corpus([path]))
    assert str(caught.value) == (
        f"{path}: unsupported file type '.pdf' (expected .txt, .md, .html, .htm, .jsonl)"
    )


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "notes.pdf", "x")
    write(tmp_path / ".hidden.txt", "hidden")
    with pytest.raises(CorpusError) as caught:
        list(read_corpus([tmp_path]))
    assert str(caught.value) == f"{tmp_path}: no articles found (.txt, .md, .html, .jsonl)"


UNREADABLE = [
    (b"", "empty document"),
    (b"  \n\r\n\t", "empty document"),
    (b"\xef\xbb\xbf\n", "empty document"),
    (
        b"caf\xe9 latin-1",
        "not UTF-8 text (byte 0xE9 at offset 3); convert it first, e.g. iconv -f cp1252 -t utf-8",
    ),
    (b"text\x00with NUL", "a binary file, not text (NUL byte at offset 4)"),
    (
        b"\x89PNG\r\n\x1a\n",
        "not UTF-8 text (byte 0x89 at offset 0); convert it first, e.g. iconv -f cp1252 -t utf-8",
    ),
]


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.jsonl"])
@pytest.mark.parametrize(("content", "message"), UNREADABLE)
def test_unreadable_document(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(CorpusError) as caught:
        list(read_corpus([path]))
    assert str(caught.value) == f"{path}: {message}"
