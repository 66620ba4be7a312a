"""The article in a news web page: its text without scripts, navigation, headers and footers,
and its metadata from the usual OpenGraph/HTML places. Pure functions of the HTML text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["read_page"]

# fmt: off
# Elements whose content is never article prose.
_HTML_DROP = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "template",
]
# Elements that start a new line of text.
_HTML_BLOCKS = frozenset({
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
})
# fmt: on
_HTML_DATE_META = ("article:published_time", "date", "pubdate")


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """`<meta property|name=... content=...>` by lower-cased key; the first occurrence wins."""
    tags: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name")
        content = attrs.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), content.strip())
    return tags


def _html_metadata(tree: LexborHTMLParser) -> dict[str, str]:
    """Title, date, URL and source from the usual OpenGraph/HTML places."""
    tags = _meta_tags(tree)
    meta: dict[str, str] = {}
    title_node = tree.css_first("title")
    title = tags.get("og:title") or (title_node.text() if title_node else "")
    if title.strip():
        meta["title"] = " ".join(title.split())
    time_node = tree.css_first("article time[datetime]") or tree.css_first("time[datetime]")
    dates = [tags.get(key) for key in _HTML_DATE_META]
    dates.append(time_node.attributes.get("datetime") if time_node else None)
    if date := next((d.strip() for d in dates if d and d.strip()), None):
        meta["date"] = date
    canonical = tree.css_first("link[rel~=canonical][href]")
    url = (canonical.attributes.get("href") if canonical else None) or tags.get("og:url")
    if url and url.strip():
        meta["url"] = url.strip()
    if tags.get("og:site_name"):
        meta["source"] = tags["og:site_name"]
    return meta


def _html_text(root: LexborNode) -> str:
    """Visible text with block elements on separate lines and whitespace collapsed within them."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = " ".join("".join(buffer).split())
        if line:
            lines.append(line)
        buffer.clear()

    # Iterative walk: news pages can nest deeper than Python's recursion limit.
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag or ""
        if tag == "-text":
            buffer.append(node.text_content or "")
            continue
        if tag.startswith("-"):  # comments and other non-element nodes
            continue
        if tag in _HTML_BLOCKS:
            flush()
        if entering:
            stack.append((node, False))
            children = list(node.iter(include_text=True))
            stack.extend((child, True) for child in reversed(children))
    flush()
    return "\n".join(lines)


def read_page(html: str) -> tuple[dict[str, str], str]:
    """Raw metadata fields and the text of the `<article>` element (else `<body>`)."""
    tree = LexborHTMLParser(html)
    meta = _html_metadata(tree)
    tree.strip_tags(_HTML_DROP, recursive=True)
    root = tree.css_first("article") or tree.body or tree.root
    return meta, _html_text(root) if root is not None else ""
