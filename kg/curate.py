"""The analyst's side of curation: names as a user types them become a decision appended to a
curation file (`kg curate`), and a store remembers the curation it was built with.

Actors are resolved like the extractor resolves names, through the gazetteer (a name, alias,
metonym or demonym; in any case). An actor only the extractor found (a delegation, a person the
gazetteer lacks) is resolved against a built graph or store instead, when one is given, by its
labels (as `kg query --param`).
"""

from __future__ import annotations

import datetime as dt
import getpass
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Graph

from .config import Settings
from .curation import (
    CLASSES,
    SLOTS,
    VERBS,
    Accept,
    Curation,
    Decision,
    Merge,
    Reject,
    curation_from_graph,
    curation_triples,
    read_curation,
    write_decision,
)
from .errors import CurationError, QueryError, StoreError
from .graph import label_key
from .ingest import has_documents
from .resolve import load_gazetteer
from .schema import find_relation, relations
from .store import Store, nt, update_text
from .vocab import CURATION_GRAPH, ID, SKOS, slugify

__all__ = [
    "Resolver",
    "curate",
    "decide",
    "describe",
    "gazetteer_resolver",
    "graph_resolver",
    "list_curation",
    "settle_curation",
    "stored_curation",
]

Resolver = Callable[[str], tuple[str, str]]  # a typed name -> the actor's key and label


def gazetteer_resolver(settings: Settings | None = None) -> Resolver:
    """Names the gazetteer knows (as the extractor matches them, else in any case) -> keys."""
    gazetteer = load_gazetteer((settings or Settings()).ontology_dir)
    folded: dict[str, set[str]] = {}
    named = (gazetteer.names, gazetteer.metonyms, gazetteer.demonyms)
    for name, key in (pair for names in named for pair in names.items()):
        if gazetteer.entries[key].kind != "Source":
            folded.setdefault(label_key(name), set()).add(key)

    def resolve(name: str) -> tuple[str, str]:
        entry = gazetteer.lookup(name) or gazetteer.demonym_state(name)
        keys = {entry.key} if entry else folded.get(label_key(name.strip()), set())
        if len(keys) == 1:
            key = keys.pop()
            return key, gazetteer.entries[key].label
        if keys:
            raise CurationError(f"{name!r} names several actors: {', '.join(sorted(keys))}")
        raise CurationError(
            f"no actor is named {name!r} in the gazetteer "
            "(give --graph GRAPH to name an actor the extractor found)"
        )

    return resolve


def graph_resolver(source: Graph | Store) -> Resolver:
    """Names -> keys of the actors of a built graph or store, by label or alias in any case."""
    from .query import resolve_actor

    def resolve(name: str) -> tuple[str, str]:
        try:
            iri = resolve_actor(source, name)
        except QueryError as error:
            raise CurationError(str(error)) from None
        key = iri.removeprefix(str(ID))
        if key == iri or "/" in key:
            raise CurationError(f"{name!r} is not an actor ({iri})")
        if isinstance(source, Store):
            labels = [row[0] for row in source.query(_LABEL, {"actor": iri}).rows]
        else:
            labels = list(source.objects(iri, SKOS.prefLabel))
        return key, str(min(labels, default=name))

    return resolve


def _typed(kind: str, value: str, resolve: Resolver) -> tuple[str, str | None]:
    """A field's value from what the user typed, and an actor's label."""
    if kind == "actor":
        return resolve(value)
    return _plain(kind, value), None


def _plain(kind: str, value: str) -> str:
    if kind == "relation":
        found = find_relation(value)
        if found is None:
            raise CurationError(f"unknown relation {value!r} (known: {', '.join(relations())})")
        return found.name
    if kind == "class":
        found = next((c for c in CLASSES if c.casefold() == value.strip().casefold()), None)
        if found is None:
            raise CurationError(f"unknown class {value!r} (choose from {', '.join(CLASSES)})")
        return found
    if not value.strip():
        raise CurationError("a name must not be empty")
    return " ".join(value.split())


def _analyst() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        raise CurationError("cannot tell who you are; give --by NAME") from None


def decide(
    verb: str,
    values: Sequence[str],
    resolve: Resolver,
    by: str,
    created: dt.datetime,
    document: str | None = None,
) -> Decision:
    """The decision `kg curate VERB VALUES...` means; the values as `kg curate` takes them."""
    kind = VERBS.get(verb)
    if kind is None:
        raise CurationError(f"unknown curation {verb!r} (choose from {', '.join(VERBS)})")
    slots = SLOTS[kind][1]
    typed = [slot for slot in slots if not slot.optional]
    if len(values) != len(typed):
        raise CurationError(f"{verb} takes {' '.join(slot.field.upper() for slot in typed)}")
    found = {s.field: _typed(s.kind, v, resolve) for s, v in zip(typed, values, strict=True)}
    fields = {name: value for name, (value, _) in found.items()}
    fields |= {s.field: found[s.label_of][1] for s in slots if s.label_of}
    if document is not None:
        if kind not in (Reject, Accept):
            raise CurationError("--document limits a reject or accept, not a " + verb)
        fields["document"] = slugify(document)
    change = kind(**fields)
    if isinstance(change, Merge) and change.kept == change.merged:
        raise CurationError(f"{values[0]!r} and {values[1]!r} are already one actor")
    return Decision(change, by, created)


def curate(
    path: str | Path,
    verb: str,
    values: Sequence[str],
    by: str | None = None,
    graph: str | Path | None = None,
    document: str | None = None,
    created: dt.datetime | None = None,
) -> Decision:
    """Record `kg curate --file PATH VERB VALUES...`: resolve the names (against `graph` if
    given, else the gazetteer), append the decision to the file and return it. Who defaults to
    the user's login name, when to now."""
    from .store import open_graph

    if by is not None and not by.strip():
        raise CurationError("--by needs a name")
    source = open_graph(graph) if graph is not None else None
    try:
        resolve = gazetteer_resolver() if source is None else graph_resolver(source)
        when = created or dt.datetime.now(dt.UTC)
        decision = decide(verb, values, resolve, by or _analyst(), when, document)
    finally:
        if isinstance(source, Store):
            source.close()
    write_decision(path, decision)
    return decision


def describe(decision: Decision) -> str:
    """One line: when, who, and the decision as `kg curate` takes it (actors by key)."""
    slots = SLOTS[type(decision.change)][1]
    words = [decision.verb]
    for slot in slots:
        value = getattr(decision.change, slot.field)
        if value is not None and not slot.label_of:
            words += [f"--{slot.field}", value] if slot.optional else [value]
    when = decision.created.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{when}\t{decision.by}\t{shlex.join(words)}"


def list_curation(path: str | Path) -> str:
    """Every decision of a curation file, oldest first, one per line (see `describe`)."""
    return "\n".join(describe(decision) for decision in read_curation(path).decisions)


_LABEL = "SELECT ?label WHERE { ?actor skos:prefLabel ?label }"
_STORED = f"SELECT ?s ?p ?o WHERE {{ GRAPH {nt(CURATION_GRAPH)} {{ ?s ?p ?o }} }}"


def stored_curation(store: Store) -> Curation | None:
    """The curation a store was built with; None if it has none."""
    rows = store.select(_STORED)
    if not rows:
        return None
    graph = Graph()
    for row in rows:
        graph.add(row)
    return curation_from_graph(graph, f"{store.name} (its stored curation)")


def settle_curation(store: Store, curation: Curation | None) -> Curation:
    """The curation to add documents to a store with. A store keeps the one it was first
    built with (in its own named graph, its decisions also in the data): without `curation`
    that one is used; a different one is refused before anything changes."""
    stored = stored_curation(store)
    if curation is None:
        return stored or Curation()
    if stored is not None or has_documents(store):
        if curation != (stored or Curation()):
            raise StoreError(
                f"{store.name} was built with a different curation; "
                "rebuild it into a new store (or leave out --curation to reuse its own)"
            )
        return curation
    graphs = (CURATION_GRAPH, store.data_graph)
    quads = [(*t, g) for t in curation_triples(curation) for g in graphs]
    store.update(update_text(insert=quads))
    return curation
