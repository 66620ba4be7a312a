"""Read news documents and their metadata into `Article`s: the first stage of the pipeline.

Supported inputs are plain text (.txt), Markdown (.md), HTML (.html/.htm) and JSON Lines (.jsonl),
given as files, folders (recursed in sorted order) or `-` for standard input. Every bad input
raises `CorpusError` with a one-line message naming the file (and line, for JSON Lines), or, when
the caller passes `on_error`, is reported to it and skipped. Text must be UTF-8: guessing another
encoding would silently misread names, so other bytes are refused with the offset of the first.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from kg.errors import CorpusError
from kg.model import Article
from kg.webpage import read_page

__all__ = ["SUPPORTED_EXTENSIONS", "OnError", "read_corpus", "read_file"]

OnError = Callable[[CorpusError], None]
STDIN_NAME = "<stdin>"
META_FIELDS = ("id", "title", "date", "source", "url")

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRONT_MATTER_LINE_RE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_STAR_EMPHASIS_RE = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORE_EMPHASIS_RE = re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")


# --- small pure helpers -------------------------------------------------------------------------


def _content_id(text: str) -> str:
    """A stable id for a document that has neither an id nor a URL."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _normalise_newlines(text: str) -> str:
    """Windows and old-Mac line ends become "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _normalise(text: str) -> str:
    """One newline convention and no outer whitespace, so offsets and hashes are stable."""
    return _normalise_newlines(text).strip()


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (BOM tolerated) only; NUL bytes mean a binary file that would pass as text."""
    if b"\x00" in data:
        raise CorpusError(f"{name}: a binary file, not text (NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(
            f"{name}: not UTF-8 text (byte 0x{data[error.start]:02X} at offset {error.start}); "
            "convert it first, e.g. iconv -f cp1252 -t utf-8"
        ) from None


def _read_text(path: Path, name: str) -> str:
    """The decoded file contents, with OS errors turned into one-line `CorpusError`s."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{name}: no such file or directory") from None
    except OSError as error:
        raise CorpusError(f"{name}: cannot read ({error.strerror or error})") from None
    return _decode(data, name)


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for error messages."""
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _parse_date(value: str, where: str) -> dt.date:
    """`YYYY-MM-DD` or an ISO datetime (its date part); `where` prefixes the error message."""
    text = value.strip()
    try:
        if _DATE_RE.fullmatch(text):
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise CorpusError(
            f"{where}: invalid date {value!r} (expected YYYY-MM-DD or an ISO datetime)"
        ) from None


def _clean_metadata(raw: dict[str, Any], where: str) -> dict[str, Any]:
    """Known fields as non-empty stripped strings, `date` parsed; other keys are ignored.

    Parsing here means a bad date is reported against the place it came from (sidecar, line).
    """
    meta: dict[str, Any] = {}
    for key in META_FIELDS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise CorpusError(f"{where}: '{key}' must be a string, got {_json_type(value)}")
        if value.strip():
            meta[key] = _parse_date(value, where) if key == "date" else value.strip()
    return meta


def _make_article(text: str, meta: dict[str, Any], path: str | None) -> Article:
    """Build the record; the id falls back from given id to URL to content hash."""
    return Article(
        id=meta.get("id") or meta.get("url") or _content_id(text),
        text=text,
        title=meta.get("title"),
        date=meta.get("date"),
        source=meta.get("source"),
        url=meta.get("url"),
        path=path,
    )


def _require_text(text: str, name: str) -> str:
    """Normalised text, refusing documents with nothing to extract from."""
    text = _normalise(text)
    if not text:
        raise CorpusError(f"{name}: empty document")
    return text


# --- plain text and Markdown --------------------------------------------------------------------


def _sidecar_path(path: Path) -> Path:
    """`story.txt` -> `story.meta.json` in the same folder."""
    return path.with_name(path.stem + ".meta.json")


def _read_sidecar(path: Path) -> dict[str, Any]:
    """Metadata from the optional `<stem>.meta.json` next to a text or Markdown file."""
    sidecar = _sidecar_path(path)
    if not sidecar.is_file():
        return {}
    name = str(sidecar)
    try:
        raw = json.loads(_read_text(sidecar, name))
    except json.JSONDecodeError as error:
        raise CorpusError(f"{name}: invalid JSON ({error.msg})") from None
    if not isinstance(raw, dict):
        raise CorpusError(f"{name}: expected a JSON object, got {_json_type(raw)}")
    return _clean_metadata(raw, name)


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split a leading `---` block of simple `key: value` lines from "\\n"-separated Markdown.

    Without a closing `---` line the text is returned unchanged (it may be a horizontal rule).
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    meta: dict[str, str] = {}
    for line in lines[1:end]:
        match = _FRONT_MATTER_LINE_RE.fullmatch(line.strip())
        if match:
            key, value = match.group(1).lower(), match.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            meta.setdefault(key, value)
    return meta, "\n".join(lines[end + 1 :])


def _strip_markdown(text: str) -> str:
    """Remove the Markdown syntax that would pollute sentences: headings, emphasis, links."""
    text = _HEADING_RE.sub(lambda m: m.group(1) or "", text)
    text = _LINK_RE.sub(r"\1", text)
    for pattern in (_STAR_EMPHASIS_RE, _UNDERSCORE_EMPHASIS_RE):
        changed = 1
        while changed:  # nested emphasis such as **a *b* c** needs more than one pass
            text, changed = pattern.subn(r"\2", text)
    return text


def _read_txt(path: Path, name: str, on_error: OnError) -> Iterator[Article]:
    """The whole file is one article; metadata only from the sidecar."""
    text = _require_text(_read_text(path, name), name)
    yield _make_article(text, _read_sidecar(path), name)


def _read_md(path: Path, name: str, on_error: OnError) -> Iterator[Article]:
    """One article; sidecar fields override front-matter fields."""
    front, body = _split_front_matter(_normalise_newlines(_read_text(path, name)))
    meta = _clean_metadata(front, name) | _read_sidecar(path)
    text = _require_text(_strip_markdown(body), name)
    yield _make_article(text, meta, name)


# --- HTML ---------------------------------------------------------------------------------------


def _read_html(path: Path, name: str, on_error: OnError) -> Iterator[Article]:
    """One article from the `<article>` element (else `<body>`), boilerplate removed."""
    raw_meta, text = read_page(_read_text(path, name))
    meta = _clean_metadata(raw_meta, name)
    yield _make_article(_require_text(text, name), meta, name)


# --- JSON Lines ---------------------------------------------------------------------------------


def _jsonl_article(line: str, where: str, path: str | None) -> Article:
    """The article on one JSON Lines line; errors name the line so it can be fixed."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{where}: invalid JSON ({error.msg})") from None
    if not isinstance(record, dict):
        raise CorpusError(f"{where}: expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise CorpusError(f"{where}: 'text' must be a string, got {_json_type(text)}")
    text = _normalise(text or "")
    if not text:
        raise CorpusError(f"{where}: missing or empty 'text'")
    return _make_article(text, _clean_metadata(record, where), path)


def _jsonl_articles(
    content: str, name: str, path: str | None, on_error: OnError
) -> Iterator[Article]:
    """One article per non-blank line; a bad line goes to `on_error`, which raises or skips it."""
    seen = False
    # split("\n"), not splitlines(): U+2028 and friends may appear raw inside JSON strings.
    for number, line in enumerate(_normalise_newlines(content).split("\n"), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            article = _jsonl_article(line, f"{name}:{number}", path)
        except CorpusError as error:
            on_error(error)
            continue
        yield article
    if not seen:
        raise CorpusError(f"{name}: empty document")


def _read_jsonl(path: Path, name: str, on_error: OnError) -> Iterator[Article]:
    """Many articles per file, each with its own metadata."""
    yield from _jsonl_articles(_read_text(path, name), name, name, on_error)


# --- dispatch -----------------------------------------------------------------------------------

# (path, name for messages, what to do with one bad document of a many-document file)
_Reader = Callable[[Path, str, OnError], Iterator[Article]]
_READERS: dict[str, _Reader] = {
    ".txt": _read_txt,
    ".md": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".jsonl": _read_jsonl,
}
SUPPORTED_EXTENSIONS = tuple(_READERS)


def _reader_for(path: Path) -> _Reader | None:
    """The reader for a file name, case-insensitively by extension; None if unsupported."""
    return _READERS.get(path.suffix.lower())


def _raise(error: CorpusError) -> None:
    raise error


def read_file(path: str | Path, on_error: OnError = _raise) -> Iterator[Article]:
    """The articles in one file, chosen by its extension; `on_error` gets each bad line of a
    JSON Lines file (by default the error is raised)."""
    name = os.fspath(path)
    file = Path(name)
    reader = _reader_for(file)
    if reader is None:
        if not file.exists():
            raise CorpusError(f"{name}: no such file or directory")
        raise _unsupported(name)
    yield from reader(file, name, on_error)


def _unsupported(name: str) -> CorpusError:
    """The error for a file named explicitly whose type we cannot read."""
    suffix = Path(name).suffix or "(none)"
    expected = ", ".join(SUPPORTED_EXTENSIONS)
    return CorpusError(f"{name}: unsupported file type {suffix!r} (expected {expected})")


def _folder_files(folder: str) -> list[str]:
    """Supported, non-hidden files under `folder`, sorted by relative path for stable order."""
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for filename in filenames:
            if filename.startswith(".") or _reader_for(Path(filename)) is None:
                continue
            full = os.path.join(dirpath, filename)
            found.append((tuple(Path(os.path.relpath(full, folder)).parts), full))
    if not found:
        raise CorpusError(f"{folder}: no articles found (.txt, .md, .html, .jsonl)")
    return [full for _, full in sorted(found)]


def _read_stdin(stdin: TextIO, on_error: OnError) -> Iterator[Article]:
    """JSON Lines if the first non-blank character is `{`, else one plain-text article."""
    content = stdin.read()
    if content.lstrip().startswith("{"):
        yield from _jsonl_articles(content, STDIN_NAME, None, on_error)
        return
    text = _require_text(content, STDIN_NAME)
    yield _make_article(text, {}, None)


def read_corpus(
    paths: Iterable[str | Path], stdin: TextIO | None = None, on_error: OnError | None = None
) -> Iterator[Article]:
    """Articles from files, folders and `-` (stdin), in the order given.

    All paths are checked before the first article is read, so a typo fails fast. A bad
    document (unreadable file, bad JSON Lines line) raises CorpusError, or, with `on_error`,
    is passed to it and skipped.
    """
    plan: list[str] = []
    for path in paths:
        name = os.fspath(path)
        if name == "-":
            plan.append(name)
        elif os.path.isdir(name):
            plan.extend(_folder_files(name))
        elif not os.path.exists(name):
            raise CorpusError(f"{name}: no such file or directory")
        elif _reader_for(Path(name)) is None:
            raise _unsupported(name)
        else:
            plan.append(name)
    report = on_error or _raise
    for name in plan:
        try:
            if name == "-":
                yield from _read_stdin(stdin if stdin is not None else sys.stdin, report)
            else:
                yield from read_file(name, report)
        except CorpusError as error:
            if on_error is None:
                raise
            on_error(error)
