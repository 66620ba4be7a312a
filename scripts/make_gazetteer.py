"""Generate `ontology/states.ttl`, the gazetteer of sovereign states that kg links mentions to.

Why it exists: linking "Tehran", "Iranian" or "the U.S." to a state needs every state's names,
alternative names, demonyms and capital (a capital used as an agent denotes its state). Typing
these by hand does not scale and copying them at run time would make kg depend on two data
packages, so this script turns them into a checked-in Turtle file once:

- country_converter: the list of states (UN members plus `NON_MEMBER_STATES`), short name
  (-> skos:prefLabel), official name and ISO3;
- countryinfo: alternative spellings, capital and demonym.

The package names are filtered (codes, non-Latin scripts, inverted "X, Republic of" forms, common
words) and every string that would name two states is dropped, so a surface string never links
ambiguously. A few names news uses but the packages lack are hand-added below, each with a reason.

Run `python scripts/make_gazetteer.py [--output PATH]` (needs the `gazetteer` extra). The output
is sorted, so a rerun with the same package versions is byte-identical.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path
from typing import Any

from countryinfo import CountryInfo, CountryNotFoundError
from rdflib import Graph, Literal, URIRef

from kg.config import ONTOLOGY_DIR
from kg.files import write_atomic
from kg.vocab import AKG, ID, PREFIXES, RDF, SKOS, actor_iri, slugify

DEFAULT_OUTPUT = ONTOLOGY_DIR / "states.ttl"

# States outside the UN that news treats as actors (UN observers and partially recognised states).
NON_MEMBER_STATES: dict[str, str] = {
    "PSE": "UN observer state",
    "VAT": "UN observer state (the Holy See)",
    "XKX": "recognised by about half the UN members",
    "TWN": "de facto sovereign, a constant actor in the news",
}

# Well-known abbreviations kept although they look like codes (other 2-4 capital-letter strings
# in the packages are ISO codes nobody writes in prose, e.g. 'IRN', 'CAN', 'PER').
KNOWN_ABBREVIATIONS: frozenset[str] = frozenset({"US", "USA", "UK", "UAE", "DRC"})

# Package alternative spellings dropped as common words or ambiguous names.
EXCLUDED_LABELS: dict[str, str] = {
    "Congo": "the package lists it for the Republic of the Congo; news means the DRC (added there)",
    "Island": "Icelandic for Iceland, an everyday English word",
    "Prathet": "Thai for 'country', listed for Thailand",
    "Portuguesa": "an adjective (and a Venezuelan state), listed for Portugal",
    "Mexicanos": "means 'Mexicans', listed for Mexico",
    "Dominique": "French for Dominica, also a common first name",
    "Zhonghua": "'Chinese (nation)', a prefix of both China's and Taiwan's official names",
}

# Alternative names news uses that the packages lack (or that must survive the filters).
ADDED_ALT_LABELS: dict[str, dict[str, str]] = {
    "USA": {
        "U.S.": "the usual newspaper abbreviation",
        "US": "abbreviation",
        "USA": "abbreviation",
        "U.S.A.": "abbreviation",
        "America": "common metonym for the United States in news",
        "United States of America": "full name",
    },
    "GBR": {
        "UK": "abbreviation",
        "U.K.": "abbreviation with periods",
        "Britain": "the usual short name in news",
        "Great Britain": "common name for the state",
    },
    "IRN": {
        "Islamic Republic": "news shorthand for the Iranian state",
        "Persia": "historical name still used in news",
    },
    "RUS": {
        "Russian Federation": "official name",
        "Soviet Union": "the state Russia continues (archive news, PLOVER's records)",
        "USSR": "abbreviation of the Soviet Union",
        "U.S.S.R.": "abbreviation with periods",
    },
    "COD": {
        "Zaire": "the state's name from 1971 to 1997",
        "Congo": "AP and Reuters style: 'Congo' alone is the DRC, the other 'Republic of Congo'",
        "Democratic Republic of Congo": "the full name as news writes it, without 'the'",
    },
    "COG": {
        "Republic of Congo": "how news names it beside the DRC's 'Congo'",
        "Republic of the Congo": "official short form",
    },
    "SRB": {"Yugoslavia": "the federation Serbia continued until 2006"},
    "KHM": {"Kampuchea": "the state's name from 1975 to 1989"},
    "DEU": {"West Germany": "the Federal Republic before 1990, the same state"},
    "LKA": {"Ceylon": "the state's name until 1972"},
    "BEN": {"Dahomey": "the state's name until 1975"},
    "BFA": {"Upper Volta": "the state's name until 1984"},
    "TUR": {
        "Turkey": "the English name until 2022, still the most common in news",
        "Türkiye": "the official English name since 2022",
        "Turkiye": "Türkiye without the diacritic",
    },
    "ARE": {"U.A.E.": "abbreviation with periods"},
    "MMR": {"Burma": "former name, still used by several governments and outlets"},
    "MKD": {"Macedonia": "the state's short name until 2019 (archive news, PLOVER's records)"},
    "ZWE": {"Rhodesia": "the state's name until 1979"},
    "PRK": {"DPRK": "abbreviation used in diplomatic news"},
    "CHN": {"PRC": "abbreviation of People's Republic of China"},
    "VAT": {"Holy See": "the sovereign entity the Vatican's diplomacy speaks for"},
    "XKX": {"Republic of Kosovo": "official name (countryinfo has no Kosovo entry)"},
    "PSE": {
        "Gaza Strip": "a territory of the state, coded as Palestine by CAMEO",
        "West Bank": "a territory of the state, coded as Palestine by CAMEO",
    },
}

# Capitals replaced: the package name is outdated, is the state's own name (city-states: the
# Place needs its own IRI) or would make a capital denote two states.
CAPITAL_OVERRIDES: dict[str, tuple[str, str]] = {
    "USA": ("Washington", "package says 'Washington D.C.'; news writes 'Washington'"),
    "KAZ": ("Astana", "package says 'Nur-Sultan'; renamed back to Astana in 2022"),
    "VAT": ("Vatican City", "package says 'Vatican City State', the state's own name"),
    "DJI": ("Djibouti City", "package capital 'Djibouti' is the state's own name"),
    "LUX": ("Luxembourg City", "package capital 'Luxembourg' is the state's own name"),
    "MCO": ("Monaco-Ville", "package capital 'Monaco' is the state's own name"),
    "SGP": ("Singapore City", "package capital 'Singapore' is the state's own name"),
    "PSE": ("Ramallah", "package says 'Jerusalem' (also Israel's); Ramallah is the PA's seat"),
    "XKX": ("Pristina", "countryinfo has no Kosovo entry"),
}

# Variant spellings of capitals (skos:altLabel on the Place).
CAPITAL_ALT_LABELS: dict[str, dict[str, str]] = {
    "Washington": {
        "Washington, D.C.": "full name",
        "Washington D.C.": "countryinfo's spelling",
        "Washington DC": "spelling without periods",
    },
    "Kyiv": {"Kiev": "Russian-derived spelling used until 2019"},
    "Astana": {"Nur-Sultan": "the name from 2019 to 2022"},
    "Sana'a": {"Sanaa": "spelling without the apostrophe"},
    "New Delhi": {"Delhi": "the metonym news writes for India's government ('Delhi accused X')"},
}

# Package demonyms dropped for one state so that the other state sharing them keeps them.
DROPPED_DEMONYMS: dict[str, dict[str, str]] = {
    "COG": {"Congolese": "news means the DRC's people, as with 'Congo' (see ADDED_ALT_LABELS)"},
}

# Demonyms the packages lack or spell in an outdated way.
ADDED_DEMONYMS: dict[str, dict[str, str]] = {
    "SAU": {"Saudi": "package has only 'Saudi Arabian'"},
    "PSE": {"Palestinian": "package has none"},
    "XKX": {"Kosovar": "countryinfo has no Kosovo entry"},
    "DJI": {"Djiboutian": "package gives the country name 'Djibouti'"},
    "ARG": {
        "Argentine": "package has only 'Argentinean'",
        "Argentinian": "common variant of 'Argentine'",
    },
    "CPV": {"Cape Verdean": "package misspells it 'Cape Verdian'"},
    "KGZ": {"Kyrgyz": "package has the dated 'Kirghiz'"},
    "TJK": {"Tajik": "package has the dated 'Tadzhik'"},
    "KAZ": {"Kazakh": "package has only 'Kazakhstani'"},
    "UZB": {"Uzbek": "package has only 'Uzbekistani'"},
    "MDV": {"Maldivian": "package misspells it 'Maldivan'"},
    "PHL": {"Philippine": "the adjective ('Philippine troops'); package has only 'Filipino'"},
    "HRV": {"Croat": "the people's name beside the adjective 'Croatian'"},
    "TUR": {"Turk": "the people's name beside the adjective 'Turkish'"},
    "POL": {"Pole": "the people's name beside the adjective 'Polish'"},
    "SWE": {"Swede": "the people's name beside the adjective 'Swedish'"},
    "ESP": {"Spaniard": "the people's name beside the adjective 'Spanish'"},
    "GBR": {"Briton": "the people's name beside the adjective 'British'"},
    "SVN": {"Slovenian": "package has only 'Slovene'"},
    "ISL": {"Icelandic": "the adjective; package has only 'Icelander'"},
    "AZE": {"Azeri": "common short form of 'Azerbaijani'"},
    "ECU": {"Ecuadorian": "the common spelling; package has 'Ecuadorean'"},
    "NPL": {"Nepali": "common variant of 'Nepalese'"},
    "TLS": {"Timorese": "short form of 'East Timorese'"},
    "LUX": {"Luxembourgish": "the adjective; package has 'Luxembourger'"},
    "SUR": {"Surinamese": "the common form"},
    "RUS": {"Soviet": "of the Soviet Union, which Russia continues"},
    "SRB": {"Yugoslav": "of Yugoslavia, which Serbia continued"},
    "KHM": {"Kampuchean": "of Kampuchea (1975-1989)"},
    "COD": {"Zairean": "of Zaire (1971-1997)", "Zairian": "variant spelling of 'Zairean'"},
    "DEU": {"West German": "of the Federal Republic before 1990"},
}

ABBREVIATION = re.compile(r"[A-Z]{2,4}")
IPA_BLOCK = range(0x0250, 0x02B0)


@dataclass
class StateEntry:
    """One state's names before they become triples."""

    iso3: str
    pref_label: str
    capital: str
    alt_labels: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)

    @property
    def slug(self) -> str:
        return slugify(self.pref_label)


def converter_rows() -> list[dict[str, str]]:
    """country_converter's table, read directly: `CountryConverter()` fails under pandas 3."""
    table = files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def is_state(row: dict[str, str]) -> bool:
    return bool(row["UNmember"]) or row["ISO3"] in NON_MEMBER_STATES


def countryinfo_record(iso3: str) -> dict[str, Any]:
    """countryinfo's data for a state, or {} when the package lacks it (Kosovo)."""
    try:
        return dict(CountryInfo(iso3).info())
    except CountryNotFoundError:
        return {}


def is_latin_text(text: str) -> bool:
    """True unless the text uses a non-Latin script or IPA (useless for English news)."""
    for char in text:
        if ord(char) in IPA_BLOCK:
            return False
        if char.isalpha() and "LATIN" not in unicodedata.name(char, ""):
            return False
    return True


def keep_alt_label(label: str) -> bool:
    """Filter for package alternative spellings; hand-added labels bypass it."""
    if ABBREVIATION.fullmatch(label):
        return label in KNOWN_ABBREVIATIONS
    return (
        len(label) >= 3
        and label not in EXCLUDED_LABELS
        and "," not in label  # inverted ISO forms: 'Iran, Islamic Republic of'
        and "(" not in label  # 'Holy See (Vatican City State)'
        and not label.startswith("the ")  # fragments: 'the State of Eritrea'
        and is_latin_text(label)
    )


def package_demonyms(record: dict[str, Any]) -> set[str]:
    """countryinfo's demonym field; several are joined by commas ('Antiguan,Barbudan')."""
    raw = record.get("demonym") or ""
    return {part.strip() for part in raw.split(",") if part.strip()}


def build_entry(row: dict[str, str]) -> StateEntry:
    iso3 = row["ISO3"]
    record = countryinfo_record(iso3)
    override = CAPITAL_OVERRIDES.get(iso3)
    capital = override[0] if override else record["capital"]
    entry = StateEntry(iso3=iso3, pref_label=row["name_short"], capital=capital)
    candidates = [row["name_official"], record.get("name", ""), *record.get("altSpellings", [])]
    entry.alt_labels = {text.strip() for text in candidates if keep_alt_label(text.strip())}
    entry.alt_labels |= set(ADDED_ALT_LABELS.get(iso3, {}))
    package = package_demonyms(record) - set(DROPPED_DEMONYMS.get(iso3, {}))
    entry.demonyms = package | set(ADDED_DEMONYMS.get(iso3, {}))
    tidy_own_names(entry)
    return entry


def tidy_own_names(entry: StateEntry) -> None:
    """A demonym equal to the name is no adjective; an alt label equal to a demonym is redundant."""
    entry.demonyms = {d for d in entry.demonyms if d.casefold() != entry.pref_label.casefold()}
    demonyms = {d.casefold() for d in entry.demonyms}
    entry.alt_labels = {
        label
        for label in entry.alt_labels
        if label.casefold() not in demonyms and label.casefold() != entry.pref_label.casefold()
    }


def owners(entries: Iterable[StateEntry]) -> dict[str, set[str]]:
    """Case-folded surface string -> ISO3 codes of the states it names."""
    index: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for text in (entry.pref_label, *entry.alt_labels, *entry.demonyms):
            index[text.casefold()].add(entry.iso3)
    return index


def drop_ambiguous(entries: list[StateEntry]) -> list[str]:
    """Remove alt labels and demonyms shared by two states; return the dropped strings."""
    index = owners(entries)
    ambiguous = {text for text, codes in index.items() if len(codes) > 1}
    prefs = [e.pref_label for e in entries if e.pref_label.casefold() in ambiguous]
    if len({p.casefold() for p in prefs}) != len(prefs):
        raise ValueError(f"two states share a preferred label: {prefs}")
    dropped: set[str] = set()
    for entry in entries:
        for names in (entry.alt_labels, entry.demonyms):
            shared = {text for text in names if text.casefold() in ambiguous}
            names -= shared
            dropped |= shared
    return sorted(dropped)


def check_capitals(entries: list[StateEntry]) -> None:
    """Each capital names one state and no capital IRI is also a state's IRI."""
    state_slugs = {e.slug for e in entries}
    capital_slugs = [slugify(e.capital) for e in entries]
    clashes = state_slugs.intersection(capital_slugs)
    repeated = {s for s in capital_slugs if capital_slugs.count(s) > 1}
    if clashes or repeated:
        raise ValueError(f"capital IRIs clash: {sorted(clashes | repeated)}")


def add_labels(graph: Graph, subject: URIRef, pref: str, alts: Iterable[str]) -> None:
    graph.add((subject, SKOS.prefLabel, Literal(pref)))
    for alt in sorted(alts):
        graph.add((subject, SKOS.altLabel, Literal(alt)))


def add_state(graph: Graph, entry: StateEntry) -> None:
    state = actor_iri(entry.slug)
    graph.add((state, RDF.type, AKG.State))
    add_labels(graph, state, entry.pref_label, entry.alt_labels)
    graph.add((state, AKG.iso3, Literal(entry.iso3)))
    for demonym in sorted(entry.demonyms):
        graph.add((state, AKG.demonym, Literal(demonym)))
    graph.add((state, AKG.capital, actor_iri(slugify(entry.capital))))


def add_capital(graph: Graph, name: str) -> None:
    place = actor_iri(slugify(name))
    graph.add((place, RDF.type, AKG.Place))
    add_labels(graph, place, name, CAPITAL_ALT_LABELS.get(name, {}))


def build_graph(entries: Sequence[StateEntry]) -> Graph:
    graph = Graph(bind_namespaces="none")
    graph.bind("akg", PREFIXES["akg"])
    graph.bind("id", ID)
    graph.bind("skos", SKOS)
    for entry in sorted(entries, key=lambda e: e.slug):
        add_state(graph, entry)
    for capital in sorted({e.capital for e in entries}, key=slugify):
        add_capital(graph, capital)
    return graph


def header() -> str:
    sources = ", ".join(f"{name} {version(name)}" for name in ("country_converter", "countryinfo"))
    return (
        "# Sovereign states, their names, demonyms and capitals: the kg gazetteer.\n"
        f"# Generated by scripts/make_gazetteer.py from {sources}; do not edit by hand.\n\n"
    )


def build_entries() -> tuple[list[StateEntry], list[str]]:
    entries = [build_entry(row) for row in converter_rows() if is_state(row)]
    dropped = drop_ambiguous(entries)
    check_capitals(entries)
    return entries, dropped


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="Turtle file to write")
    args = parser.parse_args(argv)
    entries, dropped = build_entries()
    graph = build_graph(entries)
    write_atomic(args.output, header() + graph.serialize(format="turtle"))
    labels = sum(1 + len(e.alt_labels) for e in entries)
    demonyms = sum(len(e.demonyms) for e in entries)
    places = len({e.capital for e in entries})
    print(
        f"{args.output}: {len(entries)} states, {places} capitals, {labels} state labels, "
        f"{demonyms} demonyms; dropped as ambiguous: {', '.join(dropped) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
