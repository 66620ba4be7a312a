"""Doc -> plain records: the entities an article mentions and the claims between them.

The spaCy components (`kg_actors`, `kg_relations`) annotate; `extract` only converts those
annotations into frozen `Entity` / `Claim` records with character offsets and dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from ..model import ACTOR_KINDS, Article, Claim, Entity, Extraction
from ..resolve import Gazetteer
from ..vocab import slugify
from .actors import SPAN_KEY
from .arguments import Arg, RelationMatch

__all__ = ["extract", "extract_articles"]


def _entity_key(arg: Arg, article: Article) -> str:
    """Delegations are identified by sender, kind, place and date: add the article's date."""
    if arg.kind == "Delegation" and article.date is not None:
        return slugify(f"{arg.key} {article.date.isoformat()}")
    return arg.key


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


def _claim(match: RelationMatch, doc: Doc, article: Article, gazetteer: Gazetteer) -> Claim:
    trigger = doc[match.trigger]
    sentence = trigger.sent
    return Claim(
        doc_id=article.id,
        subject=_entity_key(match.subject, article),
        relation=match.relation,
        object=_entity_key(match.object, article),
        sentence=sentence.text.strip(),
        start=sentence.start_char,
        end=sentence.end_char,
        trigger=trigger.text,
        rule=match.rule,
        confidence=match.confidence,
        polarity=match.context.polarity,
        modality=match.context.modality,
        attribution=_source_name(match.context.attribution, gazetteer),
        date=article.date,
        title=match.title,
    )


def extract(doc: Doc, article: Article, gazetteer: Gazetteer) -> Extraction:
    """Entities (every actor mentioned, plus places in claims) and claims of one parsed article."""
    matches: list[RelationMatch] = doc._.kg_relations or []
    args: dict[str, Arg] = {}
    for match in matches:
        for arg in (match.subject, match.object):
            args.setdefault(arg.key, arg)
    # A mention a rule re-read ('Security Council' in "Russia's ... Security Council")
    # stands for that actor.
    reread = {(a.start, a.end, a.kind): a.key for a in args.values()}
    surface: dict[str, set[str]] = {}
    for span in doc.spans.get(SPAN_KEY, []):
        if span.label_ in ACTOR_KINDS:
            key = reread.get((span.start, span.end, span.label_), span.id_)
            args.setdefault(key, Arg(key, span.text, span.label_, span.start, span.end))
            surface.setdefault(key, set()).add(span.text)
    entities = {}
    for arg in args.values():
        key = _entity_key(arg, article)
        entities[key] = _entity(arg, key, gazetteer, surface.get(arg.key, ()))
    claims = tuple(_claim(match, doc, article, gazetteer) for match in matches)
    return Extraction(article, tuple(sorted(entities.values(), key=lambda e: e.key)), claims)


def extract_articles(
    nlp: Language, articles: Iterable[Article], jobs: int = 1, batch_size: int | None = None
) -> Iterator[Extraction]:
    """Parse and extract each article, in order; `jobs` worker processes parse batches of
    `batch_size` articles. The gazetteer is the pipeline's kg_actors one."""
    gazetteer = nlp.get_pipe("kg_actors").gazetteer
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=jobs, batch_size=batch_size):
        yield extract(doc, article, gazetteer)
