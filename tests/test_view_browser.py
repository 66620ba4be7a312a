"""The HTML view in headless Chromium: hover, click, filter and search change what is shown.

Every page is watched for requests, dialogs and script errors; a screenshot of each state goes to
tests/output/ (git-ignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_support import THREE_REPORTS, report
from test_view import IMG_XSS, IRAN, ISRAEL, PERSON, RUSSIA, make_graph
from test_view_select import star

from kg.graph import build_graph
from kg.view import write_html
from kg.vocab import AKG

pytestmark = pytest.mark.browser

VISIBLE_EDGES = "window.kgEdges.get({filter: e => !e.hidden}).map(e => e.kgRelation).sort()"


@dataclass
class Watched:
    """A page and everything it tried to do besides drawing."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside_requests(self) -> list[str]:
        return [r for r in self.requests if r != self.url and not r.startswith("data:")]


def open_page(chromium, path: Path) -> Watched:
    page = chromium.new_page(viewport={"width": 1280, "height": 800})
    watched = Watched(page, path.resolve().as_uri())
    page.on("request", lambda r: watched.requests.append(r.url))
    page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: watched.errors.append(str(e)))
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.goto(watched.url)
    page.wait_for_function("() => window.kgNetwork && window.kgDrawn === true", timeout=30_000)
    page.wait_for_function(
        "() => !window.kgNetwork.physics.options.enabled", timeout=30_000, polling=100
    )
    return watched


@pytest.fixture
def view(chromium, tmp_path) -> Iterator[Watched]:
    """tests/test_view.py's graph (a person labelled as markup) open in Chromium."""
    watched = open_page(chromium, write_html(make_graph(person_label=IMG_XSS), tmp_path / "n.html"))
    try:
        yield watched
    finally:
        watched.page.close()
    assert watched.outside_requests() == [], "the page made a request"
    assert watched.dialogs == [] and watched.errors == []


def screen_point(page, *ids: str) -> tuple[float, float]:
    """Where the middle of the given nodes is drawn, in page coordinates."""
    return page.evaluate(
        "ids => { const ps = window.kgNetwork.getPositions(ids);"
        " const c = {x: 0, y: 0}; ids.forEach(i => { c.x += ps[i].x / ids.length;"
        " c.y += ps[i].y / ids.length; });"
        " const d = window.kgNetwork.canvasToDOM(c);"
        " const r = document.querySelector('#kg-network').getBoundingClientRect();"
        " return [d.x + r.left, d.y + r.top]; }",
        list(ids),
    )


def panel_text(page) -> str:
    page.wait_for_selector("#kg-panel", state="visible", timeout=5_000)
    return page.text_content("#kg-panel")


def test_the_network_is_drawn_and_a_tooltip_shows_markup_as_text(view, output_dir):
    page = view.page
    assert page.evaluate("window.kgNodes.length") == 5
    assert page.evaluate("window.kgEdges.length") == 4
    painted = page.evaluate(
        "(() => { const c = document.querySelector('#kg-network canvas');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; })()"
    )
    assert painted > 1000, "the canvas is blank"
    page.screenshot(path=str(output_dir / "view.png"))
    x, y = screen_point(page, str(PERSON))
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert IMG_XSS in tooltip.text_content()
    assert page.query_selector("img") is None
    page.screenshot(path=str(output_dir / "view-tooltip.png"))


def test_clicking_an_edge_opens_its_evidence(view, output_dir):
    page = view.page
    assert page.is_hidden("#kg-panel")
    page.mouse.click(*screen_point(page, str(IRAN), str(ISRAEL)))
    text = panel_text(page)
    assert page.text_content("#kg-panel h2") == "Iran \u2192 threatens \u2192 Israel"
    assert "1 supporting statement" in text
    assert "Iran vowed retaliation against Israel, report 0." in text
    assert "2024-08-09" in text and "reported" in text and "according to Axios" in text
    assert "Tehran hosts Russian officials <b>live</b>" in text and "article-1" in text
    link = page.query_selector("#kg-panel a")
    assert link.get_attribute("href") == "https://news.example/article-1"
    assert page.query_selector("#kg-panel b") is None  # the title's markup stays text
    page.screenshot(path=str(output_dir / "view-edge-panel.png"))


def test_clicking_a_node_opens_its_relations_and_statements_not_asserted(view, output_dir):
    page = view.page
    page.mouse.click(*screen_point(page, str(IRAN)))
    text = panel_text(page)
    assert page.text_content("#kg-panel h2") == "Iran"
    assert page.evaluate("window.kgPanel") == {"kind": "node", "id": str(IRAN)}
    for expected in (
        "State",
        "Iran \u2014 allied with \u2014 Russia",
        "Pezeshkian hailed Moscow as a strategic ally.",
        "Iran vowed retaliation against Israel",
        "Not asserted",
        "Iran attacked Israel",
        "Iran denied any plan to attack Israel <script>alert('x')</script>.",
    ):
        assert expected in text
    page.screenshot(path=str(output_dir / "view-node-panel.png"))
    page.click("#kg-panel-close")
    assert page.is_hidden("#kg-panel")


def test_filters_by_relation_and_date_change_the_drawn_edges(view, output_dir):
    page = view.page
    everything = sorted(str(AKG[r]) for r in ("alliedWith", "leaderOf", "locatedIn", "threatens"))
    assert page.evaluate(VISIBLE_EDGES) == everything
    assert page.text_content("#kg-status") == "4 of 4 relations shown"
    page.uncheck(f"input[data-relation='{AKG.threatens}']")
    assert str(AKG.threatens) not in page.evaluate(VISIBLE_EDGES)
    assert page.text_content("#kg-status") == "3 of 4 relations shown"
    page.screenshot(path=str(output_dir / "view-filter-relation.png"))
    page.check(f"input[data-relation='{AKG.threatens}']")
    page.fill("#kg-since", "2024-08-06")
    assert page.evaluate(VISIBLE_EDGES) == [str(AKG.threatens)]
    page.fill("#kg-until", "2024-08-08")
    assert page.evaluate(VISIBLE_EDGES) == []
    page.screenshot(path=str(output_dir / "view-filter-dates.png"))
    page.click("#kg-reset")
    assert page.evaluate(VISIBLE_EDGES) == everything


@pytest.mark.parametrize(("typed", "label"), [("russia", "Russia"), ("pezesh", IMG_XSS)])
def test_search_selects_and_focuses_an_actor(view, output_dir, typed, label):
    page = view.page
    page.fill("#kg-search", typed)
    page.press("#kg-search", "Enter")
    node = str(RUSSIA) if label == "Russia" else str(PERSON)
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == [node]
    assert page.text_content("#kg-panel h2") == label
    page.screenshot(path=str(output_dir / f"view-search-{typed}.png"))


def test_search_for_nobody_says_so(view):
    page = view.page
    page.fill("#kg-search", "Atlantis")
    page.press("#kg-search", "Enter")
    assert page.text_content("#kg-search-status") == "no actor matches"
    assert page.evaluate("window.kgNetwork.getSelectedNodes()") == []


def test_a_large_graph_opens_with_its_layout_and_no_physics(chromium, tmp_path, output_dir):
    watched = open_page(chromium, write_html(star(1500), tmp_path / "big.html"))
    try:
        page = watched.page
        assert page.evaluate("window.kgNodes.length") == 1000
        assert page.evaluate("window.kgNetwork.physics.options.enabled") is False
        assert "the 1,000 best-connected of 1,500 nodes (500 hidden)" in page.text_content(
            "#kg-selection"
        )
        page.screenshot(path=str(output_dir / "view-large.png"))
    finally:
        watched.page.close()
    assert watched.outside_requests() == [] and watched.errors == []


def test_hovering_an_edge_names_its_outlets_and_dates_as_text(chromium, tmp_path, output_dir):
    marked = report("d", 1, IMG_XSS, ("iran", "threatens", "israel", {}))
    path = write_html(build_graph([*THREE_REPORTS, marked]), tmp_path / "support.html")
    watched = open_page(chromium, path)
    page = watched.page
    try:
        (edge,) = page.evaluate("window.kgEdges.get()")
        drawn = page.evaluate(f"window.kgNetwork.body.edges[{edge['id']!r}].options.width")
        assert drawn == edge["width"] > 1.5
        x, y = screen_point(page, str(IRAN), str(ISRAEL))
        page.mouse.move(x - 40, y - 40)
        page.mouse.move(x, y, steps=5)
        tooltip = page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        text = tooltip.text_content()
        assert "4 supporting statements in 4 documents" in text
        assert f"reported by {IMG_XSS}, AP, Reuters" in text
        assert "first reported 2024-08-04, last 2024-08-09" in text
        assert page.query_selector("img") is None
        page.screenshot(path=str(output_dir / "view-edge-tooltip.png"))
    finally:
        page.close()
    assert watched.outside_requests() == [] and watched.dialogs == [] and watched.errors == []
