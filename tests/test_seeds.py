"""Seed acceptance: the graph built from seeds/ states what the two articles say, and nothing they deny.

Every check is a SPARQL ASK over the built graph, the way an analyst would check it.
"""

from __future__ import annotations

import pytest

from kg import read_corpus, run_query
from kg.validate import validate
from kg.vocab import doc_iri

PRESENT = {
    "Iran threatens Israel": "ASK { id:iran akg:threatens id:israel }",
    "Biden spoke with or met Netanyahu": (
        "ASK { id:joe-biden akg:spokeWith|akg:metWith id:benjamin-netanyahu }"
    ),
    "Shoigu met Pezeshkian": "ASK { id:sergei-shoigu akg:metWith id:masoud-pezeshkian }",
    "Kurilla met Halevi": "ASK { id:michael-kurilla akg:metWith id:herzi-halevi }",
    "Pezeshkian (Iran) allied with Russia": (
        "ASK { VALUES ?a { id:masoud-pezeshkian id:iran } ?a akg:alliedWith id:russia }"
    ),
    "Haniyeh a leader of Hamas": "ASK { id:ismail-haniyeh akg:leaderOf id:hamas }",
    "Biden leader of the United States": "ASK { id:joe-biden akg:leaderOf id:united-states }",
    "Netanyahu leader of Israel": "ASK { id:benjamin-netanyahu akg:leaderOf id:israel }",
    "Pezeshkian leader of Iran": "ASK { id:masoud-pezeshkian akg:leaderOf id:iran }",
    "Putin leader of Russia": "ASK { id:vladimir-putin akg:leaderOf id:russia }",
    "Halevi holds a role in Israel's army": (
        "ASK { id:herzi-halevi akg:leaderOf ?army . ?army akg:partOf* id:israel ; a akg:Organization ."
        " FILTER EXISTS { ?army skos:altLabel 'Israeli army' } }"
    ),
    "a Russian delegation in Tehran": (
        "ASK { ?d a akg:Delegation ; akg:delegationOf id:russia ; akg:locatedIn id:tehran }"
    ),
    "a US delegation in Tel Aviv": (
        "ASK { ?d a akg:Delegation ; akg:delegationOf id:united-states ; akg:locatedIn id:tel-aviv }"
    ),
    "Shoigu in Russia's Security Council": (
        "ASK { id:sergei-shoigu akg:memberOf id:security-council-of-russia }"
    ),
}

ABSENT = {
    "Netanyahu blocking a ceasefire (he denied it)": (
        "ASK { id:benjamin-netanyahu ?p ?o . ?p akg:relationKind akg:EventRelation ."
        " FILTER (?o NOT IN (id:joe-biden, id:united-states)) }"
    ),
    "Assad or Syria joining the conflict": (
        "ASK { VALUES ?a { id:bashar-al-assad id:syria } { ?a ?p ?o } UNION { ?o ?p ?a }"
        " ?p akg:relationKind akg:EventRelation }"
    ),
    "Russia condemned Haniyeh": "ASK { id:russia akg:condemned ?o }",
    "a news outlet as a party to a relation": (
        "ASK { ?st rdf:subject|rdf:object ?x . ?x a akg:Source }"
    ),
    "an outlet as an actor": (
        "ASK { VALUES ?name { 'Axios' 'The New York Times' 'RIA Novosti' 'The Guardian'"
        " 'Asharq Al-Awsat' 'Kann News' 'Jason Brodsky' } ?x skos:prefLabel ?name ; a/rdfs:subClassOf akg:Actor }"
    ),
    "a hypothetical threat asserted from 'could come'": (
        "ASK { ?st rdf:predicate akg:attacked ; akg:modality akg:Asserted }"
    ),
}


def _ask(graph, query: str) -> bool:
    return run_query(graph, query).rows == (("true",),)


@pytest.mark.parametrize("query", PRESENT.values(), ids=PRESENT.keys())
def test_seed_graph_states(seed_graph, query):
    assert _ask(seed_graph, query)


@pytest.mark.parametrize("query", ABSENT.values(), ids=ABSENT.keys())
def test_seed_graph_does_not_state(seed_graph, query):
    assert not _ask(seed_graph, query)


def test_every_direct_edge_traces_to_a_sentence_of_its_document(seed_graph, seeds_dir):
    rows = run_query(
        seed_graph,
        """SELECT ?doc ?start ?end ?sentence WHERE {
               ?s ?p ?o . ?p akg:relationKind ?kind .
               ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?doc ;
                   akg:charStart ?start ; akg:charEnd ?end ; akg:sentence ?sentence }""",
    ).rows
    assert rows
    texts = {str(doc_iri(a.id)): a.text for a in read_corpus([seeds_dir])}
    for doc, start, end, sentence in rows:
        assert texts[doc][int(start) : int(end)].strip() == sentence


def test_seed_documents_carry_their_metadata(seed_graph):
    rows = run_query(
        seed_graph,
        "SELECT ?id ?date WHERE { ?d a schema:NewsArticle ; dcterms:identifier ?id ; dcterms:date ?date ;"
        " dcterms:title ?t ; dcterms:publisher ?p } ORDER BY ?id",
    ).rows
    assert rows == (("seed-000", "2024-08-04"), ("seed-002", "2024-08-05"))


def test_seed_graph_conforms_to_the_shapes(seed_graph):
    report = validate(seed_graph)
    assert report.conforms, report.text


@pytest.mark.browser
def test_seed_network_renders_offline_in_chromium(seed_graph, chromium, tmp_path, output_dir):
    from kg.view import write_html

    expected = run_query(
        seed_graph,
        """SELECT (COUNT(DISTINCT ?n) AS ?nodes) WHERE {
               { ?n a/rdfs:subClassOf akg:Actor } UNION { ?a akg:locatedIn ?n . ?n a akg:Place } }""",
    ).rows[0][0]
    url = write_html(seed_graph, tmp_path / "network.html").resolve().as_uri()
    requests: list[str] = []
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        page.wait_for_function("() => window.kgDrawn === true", timeout=30_000)
        assert page.evaluate("window.kgNodes.length") == int(expected)
        assert page.evaluate("window.kgEdges.length") > 0
        labels = page.evaluate("window.kgNodes.get().map(n => n.label)")
        assert {"Iran", "Israel", "Joe Biden", "Benjamin Netanyahu"} <= set(labels)
        page.screenshot(path=str(output_dir / "seed-network.png"))
    finally:
        page.close()
    assert [r for r in requests if r != url] == []
