"""The generated gazetteer `ontology/states.ttl`: coverage, unambiguous names, look-ups, reruns."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.config import ONTOLOGY_DIR
from kg.vocab import AKG, RDF, SKOS, actor_iri, slugify

STATES_TTL = ONTOLOGY_DIR / "states.ttl"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_gazetteer.py"

NAMES = [
    # news style: 'Congo' alone is the DRC, the other is the 'Republic of Congo'
    ("Congo", "dr-congo"),
    ("Democratic Republic of Congo", "dr-congo"),
    ("Republic of Congo", "congo-republic"),
    ("United States", "united-states"),
    ("US", "united-states"),
    ("U.S.", "united-states"),
    ("USA", "united-states"),
    ("America", "united-states"),
    ("United States of America", "united-states"),
    ("United Kingdom", "united-kingdom"),
    ("UK", "united-kingdom"),
    ("Britain", "united-kingdom"),
    ("Great Britain", "united-kingdom"),
    ("Iran", "iran"),
    ("Islamic Republic", "iran"),
    ("Islamic Republic of Iran", "iran"),
    ("Russia", "russia"),
    ("Russian Federation", "russia"),
    ("Israel", "israel"),
    ("State of Israel", "israel"),
    ("Syria", "syria"),
    ("Lebanon", "lebanon"),
    ("Ukraine", "ukraine"),
    ("China", "china"),
    ("People's Republic of China", "china"),
    ("Turkey", "turkiye"),
    ("Türkiye", "turkiye"),
    ("Saudi Arabia", "saudi-arabia"),
    ("United Arab Emirates", "united-arab-emirates"),
    ("UAE", "united-arab-emirates"),
    ("Palestine", "palestine"),
    ("State of Palestine", "palestine"),
    ("Qatar", "qatar"),
    ("Egypt", "egypt"),
    ("Jordan", "jordan"),
    ("Iraq", "iraq"),
    ("Yemen", "yemen"),
    ("Georgia", "georgia"),
    ("Ivory Coast", "cote-d-ivoire"),
    ("Burma", "myanmar"),
    ("DRC", "dr-congo"),
    ("Holy See", "vatican"),
    ("Kosovo", "kosovo"),
    ("Taiwan", "taiwan"),
]

DEMONYMS = [
    ("Congolese", "dr-congo"),
    ("American", "united-states"),
    ("British", "united-kingdom"),
    ("Israeli", "israel"),
    ("Iranian", "iran"),
    ("Russian", "russia"),
    ("Syrian", "syria"),
    ("Lebanese", "lebanon"),
    ("Ukrainian", "ukraine"),
    ("Chinese", "china"),
    ("Saudi", "saudi-arabia"),
    ("Emirati", "united-arab-emirates"),
    ("Turkish", "turkiye"),
    ("Palestinian", "palestine"),
    ("Qatari", "qatar"),
    ("Egyptian", "egypt"),
    ("Jordanian", "jordan"),
    ("Iraqi", "iraq"),
    ("Yemeni", "yemen"),
]

CAPITALS = [
    ("Washington", "united-states"),
    ("Washington, D.C.", "united-states"),
    ("Jerusalem", "israel"),
    ("Tehran", "iran"),
    ("Moscow", "russia"),
    ("Damascus", "syria"),
    ("Beirut", "lebanon"),
    ("Kyiv", "ukraine"),
    ("Kiev", "ukraine"),
    ("Beijing", "china"),
    ("London", "united-kingdom"),
]

# Ambiguous names, common words and metonyms that must not name a state.
NOT_STATE_NAMES = ["Dominican", "Korea", "Island", "the Kremlin", "GB", "IRN"]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(STATES_TTL, format="turtle")


def states(graph: Graph) -> list[URIRef]:
    return sorted(URIRef(s) for s in graph.subjects(RDF.type, AKG.State))


def places(graph: Graph) -> list[URIRef]:
    return sorted(URIRef(s) for s in graph.subjects(RDF.type, AKG.Place))


def labels(graph: Graph, subject: URIRef) -> list[str]:
    return [str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(subject, p)]


def label_index(graph: Graph, with_demonyms: bool = True) -> dict[str, set[URIRef]]:
    """Case-folded state label or demonym -> the states it names."""
    index: dict[str, set[URIRef]] = defaultdict(set)
    for state in states(graph):
        names = labels(graph, state)
        if with_demonyms:
            names += [str(d) for d in graph.objects(state, AKG.demonym)]
        for name in names:
            index[name.casefold()].add(state)
    return index


def test_covers_the_sovereign_states(graph: Graph) -> None:
    assert len(states(graph)) >= 190


def test_every_state_has_one_pref_label_iso3_and_capital(graph: Graph) -> None:
    for state in states(graph):
        prefs = list(graph.objects(state, SKOS.prefLabel))
        assert len(prefs) == 1, state
        assert state == actor_iri(slugify(str(prefs[0])))
        codes = [str(c) for c in graph.objects(state, AKG.iso3)]
        assert len(codes) == 1 and len(codes[0]) == 3 and codes[0].isupper(), state
        capitals = list(graph.objects(state, AKG.capital))
        assert len(capitals) == 1, state
        assert (capitals[0], RDF.type, AKG.Place) in graph, state


def test_iso3_codes_are_unique(graph: Graph) -> None:
    codes = [str(c) for c in graph.objects(None, AKG.iso3)]
    assert len(codes) == len(set(codes))


def test_labels_are_plain_strings(graph: Graph) -> None:
    for predicate in (SKOS.prefLabel, SKOS.altLabel, AKG.demonym, AKG.iso3):
        for value in graph.objects(None, predicate):
            assert isinstance(value, Literal) and value.language is None
            assert value.datatype is None and str(value) == str(value).strip() and str(value)


def test_no_name_is_shared_by_two_states(graph: Graph) -> None:
    shared = {name: found for name, found in label_index(graph).items() if len(found) > 1}
    assert not shared


def test_places_are_capitals_of_one_state_and_not_state_names(graph: Graph) -> None:
    state_names = label_index(graph, with_demonyms=False)
    for place in places(graph):
        assert len(list(graph.objects(place, SKOS.prefLabel))) == 1, place
        assert len(list(graph.subjects(AKG.capital, place))) == 1, place
        assert not any(label.casefold() in state_names for label in labels(graph, place)), place


@pytest.mark.parametrize(("name", "slug"), NAMES)
def test_name_resolves_to_state(graph: Graph, name: str, slug: str) -> None:
    assert label_index(graph, with_demonyms=False)[name.casefold()] == {actor_iri(slug)}


@pytest.mark.parametrize(("demonym", "slug"), DEMONYMS)
def test_demonym_resolves_to_state(graph: Graph, demonym: str, slug: str) -> None:
    assert Literal(demonym) in set(graph.objects(actor_iri(slug), AKG.demonym))
    assert label_index(graph)[demonym.casefold()] == {actor_iri(slug)}


@pytest.mark.parametrize(("capital", "slug"), CAPITALS)
def test_capital_resolves_to_state(graph: Graph, capital: str, slug: str) -> None:
    found = {
        state
        for place in places(graph)
        if capital in labels(graph, place)
        for state in graph.subjects(AKG.capital, place)
    }
    assert found == {actor_iri(slug)}


@pytest.mark.parametrize("name", NOT_STATE_NAMES)
def test_ambiguous_or_generic_name_is_not_a_state_label(graph: Graph, name: str) -> None:
    assert name.casefold() not in label_index(graph)


def test_rerun_is_byte_identical(tmp_path: Path) -> None:
    pytest.importorskip("countryinfo")
    pytest.importorskip("country_converter")
    output = tmp_path / "states.ttl"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output)],
        check=True,
        env=env,
        timeout=300,
        capture_output=True,
    )
    assert output.read_bytes() == STATES_TTL.read_bytes()
