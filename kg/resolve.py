"""Names, aliases, demonyms, capitals and metonyms -> stable actor keys (slugs of canonical names).

The gazetteer is read from `ontology/states.ttl` (generated) and `ontology/actors.ttl` (curated).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from .errors import KgError
from .vocab import AKG, ID, OWL, RDF, SKOS, WD

__all__ = ["Gazetteer", "GazetteerEntry", "load_gazetteer"]

_KINDS = {
    AKG.State: "State",
    AKG.Person: "Person",
    AKG.Group: "Group",
    AKG.Organization: "Organization",
    AKG.Delegation: "Delegation",
    AKG.Place: "Place",
    AKG.Source: "Source",
}
# spaCy entity labels the EntityRuler gives each kind, so spaCy's own NER stays consistent.
_SPACY_LABELS = {
    "State": "GPE",
    "Place": "GPE",
    "Person": "PERSON",
    "Group": "ORG",
    "Organization": "ORG",
    "Source": "ORG",
}


def _key(iri: URIRef) -> str:
    return str(iri).removeprefix(str(ID))


@dataclass(frozen=True)
class GazetteerEntry:
    """What the gazetteer knows of one actor, place or source."""

    key: str
    label: str
    kind: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    titles: tuple[str, ...] = ()
    capital_of: str | None = None


@dataclass
class Gazetteer:
    """Look-ups from surface strings to entries; built once per ontology directory."""

    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    state_demonyms: dict[str, str] = field(default_factory=dict)
    iso3: dict[str, str] = field(default_factory=dict)

    def lookup(self, text: str) -> GazetteerEntry | None:
        """Entry for a name, alias, metonym or capital, case-sensitively, then without 'the '."""
        for candidate in (text, text.removeprefix("the ").removeprefix("The ")):
            key = self.names.get(candidate) or self.metonyms.get(candidate)
            if key:
                return self.entries[key]
        return None

    def demonym_state(self, text: str) -> GazetteerEntry | None:
        """The state of a demonym, singular or a regular plural ('Palestinians', 'Iraqis';
        'Chinese' and 'Swiss' have none)."""
        key = self.demonyms.get(text)
        if key is None and text.endswith("s") and not text.endswith(("ss", "es")):
            key = self.demonyms.get(text[:-1])
        return self.entries[key] if key else None

    def demonym_of(self, state_key: str) -> str | None:
        """The state's first demonym in sort order ('American' for the United States)."""
        return self.state_demonyms.get(state_key)

    def patterns(self) -> list[dict[str, str]]:
        """EntityRuler patterns: every name, metonym and demonym with the entry key as id."""
        patterns = [
            {"label": _SPACY_LABELS[self.entries[key].kind], "pattern": name, "id": key}
            for name, key in sorted(self.names.items())
        ]
        patterns += [
            {"label": "ORG", "pattern": name, "id": key}
            for name, key in sorted(self.metonyms.items())
        ]
        patterns += [
            {"label": "NORP", "pattern": name, "id": key}
            for name, key in sorted(self.demonyms.items())
        ]
        return patterns


def _labels(graph: Graph, subject: URIRef, predicate: URIRef) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate))


def _build(graph: Graph) -> Gazetteer:
    gazetteer = Gazetteer()
    capitals = {o: s for s, o in graph.subject_objects(AKG.capital)}
    claimed: dict[str, set[str]] = defaultdict(set)
    for subject, cls in sorted(graph.subject_objects(RDF.type)):
        kind = _KINDS.get(cls)
        if kind is None or not isinstance(subject, URIRef):
            continue
        key = _key(subject)
        pref = _labels(graph, subject, SKOS.prefLabel)
        if not pref:
            raise KgError(f"gazetteer: {subject} has no skos:prefLabel")
        aliases = tuple(_labels(graph, subject, SKOS.altLabel))
        same = [str(o) for o in graph.objects(subject, OWL.sameAs) if str(o).startswith(str(WD))]
        country = graph.value(subject, AKG.country)
        capital_of = capitals.get(subject)
        iso3 = graph.value(subject, AKG.iso3)
        gazetteer.entries[key] = GazetteerEntry(
            key=key,
            label=pref[0],
            kind=kind,
            aliases=aliases,
            wikidata=same[0] if same else None,
            country=_key(country) if country else None,
            titles=tuple(_labels(graph, subject, AKG.heldTitle)),
            capital_of=_key(capital_of) if capital_of else None,
        )
        if iso3:
            gazetteer.iso3[str(iso3)] = key
        for name in (pref[0], *aliases):
            claimed[name].add(key)
        for name in _labels(graph, subject, AKG.demonym):
            gazetteer.demonyms[name] = key
    for name, key in sorted(gazetteer.demonyms.items()):
        gazetteer.state_demonyms.setdefault(key, name)
    for subject, name in graph.subject_objects(SKOS.hiddenLabel):
        gazetteer.metonyms[str(name)] = _key(subject)
    # A name two entries claim is ambiguous; a curated actor wins over a generated place.
    for name, keys in claimed.items():
        ranked = sorted(keys, key=lambda k: (gazetteer.entries[k].kind == "Place", k))
        gazetteer.names[name] = ranked[0]
    return gazetteer


@cache
def load_gazetteer(ontology_dir: Path) -> Gazetteer:
    """Parse states.ttl and actors.ttl once per directory."""
    graph = Graph()
    for name in ("states.ttl", "actors.ttl"):
        path = ontology_dir / name
        try:
            graph.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as error:
            raise KgError(f"{path}: cannot read gazetteer ({error})") from None
    return _build(graph)
