"""A curation applied: the extracted records as an analyst's decisions (kg/curation.py) correct
them, before the graph is built, so file builds, stores and incremental adds all see the same
corrected records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rdflib import Graph

from .curation import Accept, Alias, Curation, Decision, Merge, Retype, Verdict, curation_triples
from .graph import Triple, graph_of, graph_triples, label_key
from .model import Claim, Entity, Extraction
from .schema import relations
from .vocab import slugify

__all__ = ["apply_curation", "curated_graph", "curated_triples"]


@dataclass(frozen=True)
class _Plan:
    """A curation as look-ups: each field resolved through the merges, later decisions winning."""

    merged: dict[str, str]  # actor key -> the key it now has
    labels: dict[str, str]  # actor key -> the label a merge or alias gave it
    aliases: dict[str, tuple[Decision, str]]  # label_key of a name -> (decision, actor key)
    kinds: dict[str, str]  # actor key -> class
    verdicts: dict[tuple[str, str, str], Decision]  # (subject, relation, object) -> decisions
    documents: dict[tuple[str, str, str, str], Decision]  # the same, limited to one document


def _plan(curation: Curation) -> _Plan:
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while key in parent:
            key = parent[key]
        return key

    for decision in curation.decisions:
        change = decision.change
        if isinstance(change, Merge) and find(change.merged) != find(change.kept):
            parent[find(change.merged)] = find(change.kept)
    symmetric = {name for name, info in relations().items() if info.symmetric}
    plan = _Plan({key: find(key) for key in parent}, {}, {}, {}, {}, {})
    for decision in curation.decisions:  # oldest first: a later decision overwrites
        change = decision.change
        if isinstance(change, Merge) and change.label:
            plan.labels[find(change.kept)] = change.label
        elif isinstance(change, Alias):
            plan.aliases[label_key(change.name)] = (decision, find(change.actor))
            if change.label:
                plan.labels[find(change.actor)] = change.label
        elif isinstance(change, Retype):
            plan.kinds[find(change.actor)] = change.kind
        elif isinstance(change, Verdict):
            pairs = [(find(change.subject), find(change.object))]
            if change.relation in symmetric:
                pairs.append(pairs[0][::-1])
            for subject, obj in pairs:
                triple = (subject, change.relation, obj)
                if change.document is None:
                    plan.verdicts[triple] = decision
                else:
                    plan.documents[(*triple, change.document)] = decision
    return plan


def _verdict(claim: Claim, documents: set[str], plan: _Plan) -> Claim:
    """The claim marked by the latest reject or accept decision about it, if any."""
    triple = (claim.subject, claim.relation, claim.object)
    found = [plan.verdicts.get(triple), *(plan.documents.get((*triple, d)) for d in documents)]
    found = [decision for decision in found if decision is not None]
    if not found:
        return claim
    latest = max(found, key=lambda d: (d.created, d.key))
    accepted = isinstance(latest.change, Accept)
    return replace(
        claim,
        rejected_by=None if accepted else latest.key,
        accepted_by=latest.key if accepted else None,
    )


def _curate(extraction: Extraction, plan: _Plan) -> Extraction:
    names: dict[str, set[str]] = {}
    for entity in extraction.entities:
        names.setdefault(entity.key, set()).update(map(label_key, (entity.label, *entity.aliases)))
    # an actor named by an alias becomes that actor in this document (the latest alias of its
    # names wins); any other follows the merges
    rekeyed = {}
    for key, found in names.items():
        matches = [plan.aliases[name] for name in found if name in plan.aliases]
        if matches:
            rekeyed[key] = max(matches, key=lambda match: (match[0].created, match[0].key))[1]

    def new(key: str) -> str:
        return rekeyed.get(key) or plan.merged.get(key, key)

    def entity(old: Entity) -> Entity:
        key = new(old.key)
        kind = plan.kinds.get(key, old.kind)
        if key == old.key:
            return replace(old, kind=kind)
        # re-keyed: the kept actor's name and identity win, this record's names become aliases
        label = plan.labels.get(key, old.label)
        aliases = tuple(sorted({old.label, *old.aliases} - {label}))
        return Entity(key, label, kind, aliases)

    article = extraction.article
    documents = {slugify(ref) for ref in (article.id, article.url) if ref}
    claims = tuple(
        _verdict(
            replace(
                claim,
                subject=new(claim.subject),
                object=claim.object if claim.object_is_event else new(claim.object),
            ),
            documents,
            plan,
        )
        for claim in extraction.claims
    )
    events = tuple(
        replace(
            event,
            victim=new(event.victim) if event.victim else None,
            perpetrators=tuple(map(new, event.perpetrators)),
        )
        for event in extraction.events
    )
    entities = tuple(dict.fromkeys(map(entity, extraction.entities)))
    return replace(extraction, entities=entities, claims=claims, events=events)


def curated_triples(extractions: Iterable[Extraction], curation: Curation) -> Iterator[Triple]:
    """The triples (repeats possible) of the extractions as the curation corrects them, with its
    decisions, so every rejected or accepted statement links to who decided and when."""
    yield from graph_triples(apply_curation(extractions, curation))
    yield from curation_triples(curation)


def curated_graph(extractions: Iterable[Extraction], curation: Curation) -> Graph:
    """The graph of `curated_triples`."""
    return graph_of(curated_triples(extractions, curation))


def apply_curation(extractions: Iterable[Extraction], curation: Curation) -> Iterator[Extraction]:
    """Each extraction as the curation corrects it, one at a time (a store adds each as it
    comes): merged and aliased actors re-keyed, retyped actors' kind changed, rejected and
    accepted claims marked with the decision. The result depends only on the extraction and
    the curation, never on other documents."""
    if not curation.decisions:
        yield from extractions
        return
    plan = _plan(curation)
    for extraction in extractions:
        yield _curate(extraction, plan)
