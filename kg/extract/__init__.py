"""Doc -> plain records: the entities an article mentions, the events and the claims.

The spaCy components (`kg_actors`, `kg_sectors`, `kg_coref`, `kg_relations`) annotate; `extract`
only converts those annotations into frozen `Entity` / `Claim` records with character offsets,
dates (the day the clause names, else the article's), sectors and coreference rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..model import ACTOR_KINDS, Article, Claim, Entity, Event, Extraction
from ..resolve import Gazetteer
from ..vocab import slugify
from .actors import PAIR_KEY, SPAN_KEY
from .arguments import Arg, EventMention, RelationMatch
from .coref import COREF_KEY
from .dates import clause_date
from .sectors import SECTOR_KEY

__all__ = ["extract", "extract_articles"]


def _entity_key(arg: Arg, article: Article) -> str:
    """Delegations are identified by sender, kind, place and date: add the article's date."""
    if arg.kind == "Delegation" and article.date is not None:
        return slugify(f"{arg.key} {article.date.isoformat()}")
    return arg.key


def _event_key(event: EventMention, article: Article) -> str:
    """An event with a stated victim or target is one per date ('killing of Haniyeh' in two
    reports of one day merge); any other is one per document."""
    anchor = article.date.isoformat() if event.anchored and article.date else article.id
    return slugify(f"{event.key} {anchor}")


def _event(event: EventMention, article: Article) -> Event:
    return Event(
        key=_event_key(event, article),
        label=event.label,
        type=event.type,
        victim=_entity_key(event.victim, article) if event.victim else None,
        perpetrators=tuple(_entity_key(a, article) for a in event.perpetrators),
        date=article.date,
    )


def _entity(arg: Arg, key: str, gazetteer: Gazetteer, surface: Iterable[str] = ()) -> Entity:
    """The gazetteer name, else the fullest name the article uses ('Antony Blinken', not the
    'Blinken' of the headline); the other names become aliases."""
    entry = gazetteer.entries.get(arg.key)
    names = {" ".join(text.split()) for text in (arg.label, *surface)}
    label = entry.label if entry else max(names, key=lambda n: (len(n.split()), len(n), n))
    aliases = tuple(sorted(names - {label}))
    return Entity(key, label, arg.kind, aliases, entry.wikidata if entry else None)


def _source_name(text: str | None, gazetteer: Gazetteer) -> str | None:
    """'New York Times' and 'The New York Times' are one source: use the curated name."""
    entry = gazetteer.lookup(text) if text else None
    return entry.label if entry is not None and entry.kind == "Source" else text


def _labels_at(doc: Doc, group: str) -> dict[tuple[int, int], str]:
    """(start, end) -> label of the spans of a derived group (sector codes, coreference rules)."""
    return {(span.start, span.end): span.label_ for span in doc.spans.get(group, [])}


def _claim(
    match: RelationMatch,
    doc: Doc,
    text: str,
    article: Article,
    gazetteer: Gazetteer,
    sectors: dict[tuple[int, int], str],
    corefs: dict[tuple[int, int], str],
) -> Claim:
    trigger = doc[match.trigger]
    sentence = trigger.sent
    future = match.context.modality in ("planned", "hypothetical")
    # a threat read off a planned act is made when it is stated, not when the act would be
    # ('vowed on Monday to attack X next week': Monday), else on the article's date
    dated = trigger
    if match.prospect:
        stated = trigger.head if trigger.dep_ in ("xcomp", "ccomp", "advcl") else None
        dated, future = stated, False
    found = clause_date(dated, article.date, future) if dated is not None else None
    date, date_text = found or (article.date, None)
    subject = (match.subject.start, match.subject.end)
    obj = (match.object.start, match.object.end)
    event = match.event
    return Claim(
        doc_id=article.id,
        subject=_entity_key(match.subject, article),
        relation=match.relation,
        object=_event_key(event, article) if event else _entity_key(match.object, article),
        sentence=text[sentence.start_char : sentence.end_char].strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        trigger=trigger.text,
        rule=match.rule,
        confidence=match.confidence,
        polarity=match.context.polarity,
        modality=match.context.modality,
        attribution=_source_name(match.context.attribution, gazetteer),
        date=date,
        title=match.title,
        date_text=date_text,
        role_status=("former" if match.former else "current") if match.title else None,
        subject_sector=sectors.get(subject),
        object_sector=sectors.get(obj),
        subject_coref=corefs.get(subject),
        object_coref=corefs.get(obj),
        object_is_event=event is not None,
    )


def _event_parties(event: EventMention | None) -> tuple[Arg, ...]:
    if event is None:
        return ()
    return ((event.victim,) if event.victim else ()) + event.perpetrators


def extract(doc: Doc, article: Article, gazetteer: Gazetteer) -> Extraction:
    """Entities (every actor mentioned, plus places in claims), events and claims of one parsed
    article."""
    matches: list[RelationMatch] = doc._.kg_relations or []
    sectors, corefs = _labels_at(doc, SECTOR_KEY), _labels_at(doc, COREF_KEY)
    # 'officials', 'he' and 'the two leaders' stand for actors but are not names of them ('the
    # Pentagon' is)
    derived = {k for k in sectors if not doc[k[0]].ent_type_} | corefs.keys()
    derived |= _labels_at(doc, PAIR_KEY).keys()
    parties = [
        arg
        for match in matches
        for arg in ((match.subject, match.object) if match.event is None else (match.subject,))
        + _event_parties(match.event)
    ]
    args: dict[str, Arg] = {}
    for arg in parties:
        if (arg.start, arg.end) not in derived:
            args.setdefault(arg.key, arg)
    # A mention a rule re-read ('Security Council' in "Russia's ... Security Council")
    # stands for that actor.
    reread = {(a.start, a.end, a.kind): a.key for a in args.values()}
    surface: dict[str, set[str]] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        if span.label_ in ACTOR_KINDS and (span.start, span.end) not in derived:
            key = reread.get((span.start, span.end, span.label_), span.id_)
            args.setdefault(key, Arg(key, span.text, span.label_, span.start, span.end))
            surface.setdefault(key, set()).add(span.text)
    for arg in parties:  # named only through a derived mention ('Tehran officials' -> Iran)
        args.setdefault(arg.key, arg)
    entities = {}
    for arg in args.values():
        key = _entity_key(arg, article)
        entities[key] = _entity(arg, key, gazetteer, surface.get(arg.key, ()))
    # the sentences are cut from the Doc's text, read once: a Span's text joins a Token built
    # for each of its words
    text = doc.text
    claims = tuple(
        _claim(match, doc, text, article, gazetteer, sectors, corefs) for match in matches
    )
    events = {e.key: e for m in matches if m.event for e in [_event(m.event, article)]}
    return Extraction(
        article,
        tuple(sorted(entities.values(), key=lambda e: e.key)),
        claims,
        tuple(events[key] for key in sorted(events)),
    )


def extract_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int | None = None
) -> Iterator[Extraction]:
    """Parse and extract each article, in order, `batch_size` articles at a time, in this process
    (kg.workers maps batches over processes). The gazetteer is the pipeline's kg_actors one."""
    gazetteer = nlp.get_pipe("kg_actors").gazetteer
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract(doc, article, gazetteer)
