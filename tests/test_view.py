"""kg.view: the offline HTML network (unit checks on the page, one headless-Chromium check)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg import vocab
from kg.errors import OutputError
from kg.view import render_html, write_html
from kg.vocab import (
    AKG,
    DCTERMS,
    PROV,
    RDF,
    RDFS,
    SKOS,
    actor_iri,
    doc_iri,
    source_iri,
    statement_iri,
)

SCRIPT_BREAK = "</script><script>alert(1)</script>"
IMG_XSS = "<img src=x onerror=alert(1)>"

IRAN, RUSSIA, ISRAEL = actor_iri("iran"), actor_iri("russia"), actor_iri("israel")
PERSON, TEHRAN, PARIS = actor_iri("pezeshkian"), actor_iri("tehran"), actor_iri("paris")
AXIOS = source_iri("axios")
DOC = doc_iri("article-1")


def _statement(
    g, s, p, o, sentence, *, polarity=AKG.Affirmed, modality=AKG.Asserted, n=0, date="2024-08-05"
):
    st = statement_iri(DOC, s, p, o, sentence, n)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, AKG.sentence, Literal(sentence)))
    g.add((st, PROV.wasDerivedFrom, DOC))
    g.add((st, DCTERMS.date, Literal(date, datatype=vocab.XSD.date)))
    g.add((st, AKG.polarity, polarity))
    g.add((st, AKG.modality, modality))
    # what kg.graph records from Claim.is_fact for these two fields
    g.add(
        (
            st,
            AKG.fact,
            Literal(polarity == AKG.Affirmed and modality in (AKG.Asserted, AKG.Reported)),
        )
    )
    return st


def make_graph(person_label: str = "Masoud Pezeshkian", threat_reports: int = 1) -> Graph:
    g = Graph()
    g.add((DOC, RDF.type, vocab.SCHEMA.NewsArticle))
    g.add((DOC, DCTERMS.title, Literal("Tehran hosts Russian officials <b>live</b>")))
    g.add((DOC, DCTERMS.identifier, Literal("article-1")))
    g.add((DOC, vocab.SCHEMA.url, Literal("https://news.example/article-1")))
    g.add((DOC, DCTERMS.date, Literal("2024-08-05", datatype=vocab.XSD.date)))
    for node, cls, label in [
        (IRAN, AKG.State, "Iran"),
        (RUSSIA, AKG.State, "Russia"),
        (ISRAEL, AKG.State, "Israel"),
        (PERSON, AKG.Person, person_label),
        (TEHRAN, AKG.Place, "Tehran"),
        (PARIS, AKG.Place, "Paris"),
        (AXIOS, AKG.Source, "Axios"),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(label)))
    g.add((PERSON, SKOS.altLabel, Literal("Pezeshkian")))
    # symmetric, materialised both ways
    g.add((IRAN, AKG.alliedWith, RUSSIA))
    g.add((RUSSIA, AKG.alliedWith, IRAN))
    _statement(g, IRAN, AKG.alliedWith, RUSSIA, "Pezeshkian hailed Moscow as a strategic ally.")
    # directed
    g.add((PERSON, AKG.leaderOf, IRAN))
    _statement(g, PERSON, AKG.leaderOf, IRAN, "President Pezeshkian met the delegation.")
    g.add((IRAN, AKG.threatens, ISRAEL))
    for n in range(threat_reports):
        st = _statement(
            g,
            IRAN,
            AKG.threatens,
            ISRAEL,
            f"Iran vowed retaliation against Israel, report {n}.",
            modality=AKG.Reported,
            n=n,
            date=f"2024-08-{9 + n:02d}",
        )
        g.add((st, AKG.accordingTo, AXIOS))
    g.add((PERSON, AKG.locatedIn, TEHRAN))
    _statement(g, PERSON, AKG.locatedIn, TEHRAN, "Pezeshkian spoke in Tehran.")
    # not asserted: no direct edge
    _statement(
        g,
        IRAN,
        AKG.attacked,
        ISRAEL,
        "Iran denied any plan to attack Israel <script>alert('x')</script>.",
        polarity=AKG.Negated,
    )
    _statement(
        g,
        PERSON,
        AKG.locatedIn,
        PARIS,
        "Pezeshkian could travel to Paris.",
        modality=AKG.Hypothetical,
    )
    return g


@pytest.fixture
def graph() -> Graph:
    return make_graph()


def page_data(html: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, "no data block in the page"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Every start tag with its attributes (script and style bodies are not parsed as tags)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def test_page_loads_nothing_remote(graph):
    html = render_html(graph)
    parser = _Tags()
    parser.feed(html)
    url_attributes = {"src", "href", "action", "formaction", "poster", "data", "srcset", "manifest"}
    for tag, attrs in parser.tags:
        assert tag not in {"link", "iframe", "img", "object", "embed", "base"}, tag
        for name, value in attrs:
            if name in url_attributes:
                assert not REMOTE.match(value or ""), f"<{tag} {name}={value!r}>"
        if tag == "script":
            assert "src" not in dict(attrs)
    assert not re.search(r"@import", html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html, re.I)
    assert "sourceMappingURL" not in html
    csp = [
        a for t, a in parser.tags if t == "meta" and ("http-equiv", "Content-Security-Policy") in a
    ]
    assert csp and "default-src 'none'" in dict(csp[0])["content"]


def test_vis_network_is_inlined(graph):
    html = render_html(graph)
    assert "vis-network" in html and len(html) > 400_000
    assert "new vis.Network(" in html
    assert "randomSeed" in html and page_data(html)["options"]["layout"]["randomSeed"] == 7


def test_nodes_actors_and_touched_places_only(graph):
    nodes = {n["id"]: n for n in page_data(render_html(graph))["nodes"]}
    assert set(nodes) == {str(IRAN), str(RUSSIA), str(ISRAEL), str(PERSON), str(TEHRAN)}
    assert str(PARIS) not in nodes  # only a hypothetical statement touches Paris
    assert str(AXIOS) not in nodes  # sources are never drawn
    assert nodes[str(PERSON)]["label"] == "Masoud Pezeshkian"
    assert nodes[str(IRAN)]["shape"] != nodes[str(PERSON)]["shape"]
    assert nodes[str(TEHRAN)]["kgType"] == str(AKG.Place)


def test_symmetric_edge_drawn_once_without_arrows(graph):
    edges = page_data(render_html(graph))["edges"]
    allied = [e for e in edges if e["kgRelation"] == str(AKG.alliedWith)]
    assert len(allied) == 1
    assert {allied[0]["from"], allied[0]["to"]} == {str(IRAN), str(RUSSIA)}
    assert allied[0]["arrows"]["to"]["enabled"] is False
    (leader,) = [e for e in edges if e["kgRelation"] == str(AKG.leaderOf)]
    assert (leader["from"], leader["to"]) == (str(PERSON), str(IRAN))
    assert leader["arrows"]["to"]["enabled"] is True
    assert len(edges) == 4


def test_relation_labels_come_from_the_ontology(graph):
    onto = Graph().parse(Path(__file__).parents[1] / "ontology" / "akg.ttl")
    html = render_html(graph)
    legend = html.split('id="kg-legend"', 1)[1]
    for edge in page_data(html)["edges"]:
        expected = str(onto.value(URIRef(edge["kgRelation"]), RDFS.label))
        assert edge["label"] == expected
        assert expected in legend


def test_negated_statement_is_not_an_edge_but_in_the_actors_panel_data(graph):
    data = page_data(render_html(graph))
    relations = {e["kgRelation"] for e in data["edges"]}
    assert str(AKG.attacked) not in relations
    iran = next(n for n in data["nodes"] if n["id"] == str(IRAN))
    assert "1 not asserted" in iran["title"]
    (denied,) = data["notAsserted"][str(IRAN)]
    assert denied["qualifier"] == "negated" and denied["claim"] == "Iran attacked Israel"
    assert denied["sentence"].startswith("Iran denied any plan to attack Israel")
    (maybe,) = data["notAsserted"][str(PERSON)]
    assert maybe["qualifier"] == "hypothetical" and "Paris" in maybe["sentence"]


def test_edge_evidence_lists_every_statement_with_its_document():
    data = page_data(render_html(make_graph(threat_reports=7)))
    (threat,) = [e for e in data["edges"] if e["kgRelation"] == str(AKG.threatens)]
    assert "7 supporting statements" in threat["title"]
    assert threat["kgHead"] == "Iran \u2192 threatens \u2192 Israel"
    evidence = data["evidence"][threat["id"]]
    assert [e["sentence"] for e in evidence] == [
        f"Iran vowed retaliation against Israel, report {n}." for n in range(6, -1, -1)
    ]  # newest first
    assert [e["date"] for e in evidence][:2] == ["2024-08-15", "2024-08-14"]
    assert threat["kgDates"] == [f"2024-08-{9 + n:02d}" for n in range(7)]
    assert {(e["qualifier"], e["source"]) for e in evidence} == {("reported", "Axios")}
    doc = data["docs"][evidence[0]["doc"]]
    assert doc == {
        "iri": str(DOC),
        "id": "article-1",
        "title": "Tehran hosts Russian officials <b>live</b>",  # plain text, shown verbatim
        "url": "https://news.example/article-1",
        "href": "https://news.example/article-1",
        "date": "2024-08-05",
    }


def test_deterministic(graph):
    assert render_html(graph) == render_html(make_graph())


def test_script_breaking_label_is_escaped():
    html = render_html(make_graph(person_label=SCRIPT_BREAK), title=f"t {SCRIPT_BREAK}")
    assert SCRIPT_BREAK not in html
    assert "<script>alert" not in html
    parser = _Tags()
    parser.feed(html)
    assert [t for t, _ in parser.tags].count("script") == 3  # data, vis-network, the app
    labels = {n["label"] for n in page_data(html)["nodes"]}
    assert SCRIPT_BREAK in labels  # intact as data


def test_empty_graph_renders():
    html = render_html(Graph())
    assert page_data(html)["nodes"] == [] and "0 actors" in html


def test_write_html_atomic(tmp_path, graph):
    target = write_html(graph, tmp_path / "net.html")
    assert target == tmp_path / "net.html"
    assert target.read_text(encoding="utf-8") == render_html(graph)
    assert [p.name for p in tmp_path.iterdir()] == ["net.html"]


def test_write_html_unwritable(tmp_path, graph):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError) as info:
        write_html(graph, blocker / "net.html")
    assert "\n" not in str(info.value) and "net.html" in str(info.value)
    with pytest.raises(OutputError):
        write_html(graph, tmp_path)  # a directory
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
