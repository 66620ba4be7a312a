"""The vocabulary: `kg.vocab.AKG` and `ontology/akg.ttl` agree, relations are fully described,
instance slugs are stable, and no other module writes a project or Wikidata IRI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.schema import relations
from kg.vocab import AKG, OWL, RDF, RDFS, SKOS, slugify

ROOT = Path(__file__).resolve().parent.parent
KG_DIR = ROOT / "kg"
ONTOLOGY = Graph().parse(ROOT / "ontology" / "akg.ttl", format="turtle")

AKG_TERMS = sorted(AKG.__annotations__)
RELATIONS = sorted(ONTOLOGY.subjects(AKG.relationKind, None))
EVENT_RELATIONS = sorted(ONTOLOGY.subjects(AKG.relationKind, AKG.EventRelation))
SOURCE_FILES = sorted(
    path
    for path in KG_DIR.rglob("*")
    if path.suffix in {".py", ".rq", ".html", ".json", ".jsonl"} and path != KG_DIR / "vocab.py"
)


def local_name(term: URIRef) -> str:
    return str(term).removeprefix(str(AKG._NS))


def test_the_ontology_declares_relations_and_event_relations():
    assert len(RELATIONS) >= 11
    assert len(EVENT_RELATIONS) >= 5


@pytest.mark.parametrize("name", AKG_TERMS)
def test_every_akg_term_is_declared_in_the_ontology(name):
    assert (AKG[name], RDF.type, None) in ONTOLOGY, f"akg:{name} has no rdf:type in akg.ttl"


@pytest.mark.parametrize("prop", RELATIONS, ids=local_name)
def test_every_relation_property_is_an_akg_term(prop):
    assert str(prop).startswith(str(AKG._NS))
    assert local_name(prop) in AKG.__annotations__
    assert prop in AKG


@pytest.mark.parametrize("prop", EVENT_RELATIONS, ids=local_name)
def test_every_event_relation_is_described_and_coded(prop):
    assert ONTOLOGY.value(prop, RDFS.label), "no rdfs:label"
    assert ONTOLOGY.value(prop, SKOS.definition), "no skos:definition"
    cameo = [str(code) for code in ONTOLOGY.objects(prop, AKG.cameo)]
    assert cameo, "no akg:cameo code"
    assert all(re.fullmatch(r"\d{2,4}", code) for code in cameo), cameo
    plover = list(ONTOLOGY.objects(prop, AKG.plover))
    assert len(plover) == 1, f"expected exactly one akg:plover, got {plover}"
    assert re.fullmatch(r"[A-Z]+", str(plover[0]))
    assert ONTOLOGY.value(prop, SKOS.example), "no skos:example"


SYMMETRIC = {"alliedWith", "metWith", "spokeWith", "cooperatesWith", "agreedWith"}


def test_symmetric_relations_are_exactly_the_mutual_ones():
    symmetric = set(ONTOLOGY.subjects(RDF.type, OWL.SymmetricProperty))
    assert symmetric == {AKG[name] for name in SYMMETRIC}


def test_the_code_reads_the_same_relations_and_symmetry_from_the_ontology():
    found = relations()
    assert {info.iri for info in found.values()} == set(RELATIONS)
    assert {name for name, info in found.items() if info.symmetric} == SYMMETRIC
    assert {info.iri for info in found.values() if info.event} == set(EVENT_RELATIONS)


def test_a_misspelt_term_is_an_error_not_a_new_iri():
    with pytest.raises(AttributeError):
        _ = AKG.typo
    with pytest.raises(AttributeError):
        _ = AKG.Threatens


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Tel Aviv", "tel-aviv"),
        ("Bashar al-Assad", "bashar-al-assad"),
        ("Türkiye", "turkiye"),
        ("Côte d'Ivoire", "cote-d-ivoire"),
        ("U.S.", "u-s"),
        ("  Hamas  ", "hamas"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["", "北京", "  --  "])
def test_slugify_of_a_name_without_latin_letters_is_non_empty_and_stable(text):
    slug = slugify(text)
    assert slug
    assert re.fullmatch(r"[a-z0-9-]+", slug)
    assert slugify(text) == slug


def test_names_without_latin_letters_get_distinct_slugs():
    assert len({slugify(""), slugify("北京"), slugify("東京")}) == 3


def test_source_files_are_found():
    assert KG_DIR / "graph.py" in SOURCE_FILES


@pytest.mark.parametrize("path", SOURCE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_vocab_writes_project_or_wikidata_iris(path):
    text = path.read_text(encoding="utf-8")
    for iri in ("https://w3id.org/akg", "http://www.wikidata.org"):
        assert iri not in text, f"{path.relative_to(ROOT)} writes {iri}; use kg.vocab"
