"""Hostile article text in the HTML view: no script runs, no request leaves, no javascript: link.

Payloads reach the page two ways: a real `kg build` of a JSON Lines article whose id, title, URL,
source and text are hostile, and `kg.graph.build_graph` from entities and claims whose names,
aliases, sentences and attributions are. Every node and edge panel is opened and every actor is
searched, so the panel code renders every string.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from html.parser import HTMLParser

import pytest
from test_view import page_data
from test_view_browser import open_page

from kg import build
from kg.graph import build_graph
from kg.model import Article, Claim, Entity, Extraction
from kg.view import render_html, write_html
from kg.vocab import slugify

PAYLOADS = [
    "<script>window.pwned = 1</script>",
    '"><img src=x onerror="window.pwned = 2">',
    "</script><script>window.pwned = 3</script>",
    "<svg onload=window.pwned=4>",
    "javascript:window.pwned = 5",
    "<img src=http://127.0.0.1:9/leak>",
    "<!-- <script>window.pwned = 6</script>",
    "' onmouseover='window.pwned = 7",
    "\u2028</SCRIPT ><script>alert(8)</script>",
]

ARTICLE = {
    "id": "</script><script>alert('id')</script>",
    "title": "<img src=x onerror=\"alert('title')\">",
    "url": "javascript:alert('url')",
    "date": "2024-08-05",
    "source": "<svg onload=alert('source')>",
    "text": (
        "Iran threatened Israel <script>window.pwned = 1</script> on Monday. "
        "Russia condemned the United States <img src=x onerror=alert(1)> in a statement."
    ),
}


def built_from_an_article(tmp_path):
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return build([path])


def built_from_claims(_tmp_path):
    """One actor per payload, each threatening the next, in one article whose metadata is hostile."""
    entities = tuple(
        Entity(slugify(p) + f"-{i}", p, "Group", aliases=(p + " alias",))
        for i, p in enumerate(PAYLOADS)
    )
    claims = tuple(
        Claim(
            doc_id=PAYLOADS[0],
            subject=a.key,
            relation="threatens",
            object=b.key,
            sentence=f"{a.label} threatens {b.label}",
            start=0,
            end=10,
            trigger="threatens",
            rule=PAYLOADS[i],
            modality="reported",
            attribution=PAYLOADS[-1 - i],
            date=dt.date(2024, 8, 5),
            title=PAYLOADS[i],
        )
        for i, (a, b) in enumerate(itertools.pairwise(entities))
    )
    article = Article(
        id=PAYLOADS[0], text="", title=PAYLOADS[1], url=PAYLOADS[4], source=PAYLOADS[3]
    )
    return build_graph([Extraction(article, entities, claims)])


GRAPHS = [built_from_an_article, built_from_claims]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


@pytest.mark.parametrize("make", GRAPHS, ids=lambda f: f.__name__)
def test_hostile_strings_stay_data_in_the_page(tmp_path, make):
    html = render_html(make(tmp_path))
    parser = _Tags()
    parser.feed(html)
    assert parser.tags.count("script") == 3  # data, vis-network, the app: nothing injected
    assert not {"img", "svg", "iframe", "object", "embed"} & set(parser.tags)
    data = page_data(html)
    assert data["edges"], "the hostile graph draws nothing: the test would prove nothing"
    assert all(doc["href"] == "" for doc in data["docs"].values())  # javascript: is no link


@pytest.mark.browser
@pytest.mark.parametrize("make", GRAPHS, ids=lambda f: f.__name__)
def test_no_script_runs_and_no_request_leaves(chromium, tmp_path, output_dir, make):
    watched = open_page(chromium, write_html(make(tmp_path), tmp_path / "hostile.html"))
    page = watched.page
    try:
        shown = page.evaluate(
            "() => { const n = window.kgNetwork; const texts = [];"
            " window.kgNodes.getIds().forEach(id => { n.emit('click', {nodes: [id], edges: []});"
            " texts.push(document.getElementById('kg-panel').textContent); });"
            " window.kgEdges.getIds().forEach(id => { n.emit('click', {nodes: [], edges: [id]});"
            " texts.push(document.getElementById('kg-panel').textContent); });"
            " return texts.join('\\n'); }"
        )
        labels = page.evaluate("window.kgNodes.map(n => n.label)")
        for label in labels:
            page.fill("#kg-search", label)
            page.press("#kg-search", "Enter")
            assert page.text_content("#kg-panel h2") == label
        page.mouse.move(640, 400)
        page.screenshot(path=str(output_dir / f"view-hostile-{make.__name__}.png"))
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.evaluate("document.scripts.length") == 3
        assert page.query_selector_all("img, svg, iframe, object, embed") == []
        hrefs = page.evaluate("Array.from(document.querySelectorAll('a')).map(a => a.href)")
        assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    finally:
        page.close()
    if make is built_from_claims:
        assert all(p in shown for p in PAYLOADS)  # shown verbatim, as text
    else:
        assert ARTICLE["title"] in shown and ARTICLE["url"] in shown and ARTICLE["id"] in shown
        assert "<script>window.pwned = 1</script>" in shown
    assert watched.dialogs == [], f"a dialog fired: {watched.dialogs}"
    assert watched.outside_requests() == [], f"requests left the page: {watched.requests}"
    assert watched.errors == [], watched.errors
