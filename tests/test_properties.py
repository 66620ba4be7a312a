"""Properties that hold for any text: the pipeline never crashes on what the web serves, and what
it writes reads back as the same graph and conforms to the shapes.

Examples are few (spaCy is slow on shared cores) but mix kg's own trigger words with arbitrary
Unicode, so claims, negations and odd characters meet in the same sentences.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.corpus import read_corpus
from kg.errors import CorpusError
from kg.export import FORMATS, serialize
from kg.extract import extract_articles
from kg.graph import build_graph
from kg.model import MODALITIES, POLARITIES, Article, Claim, Entity, Extraction
from kg.schema import relations
from kg.validate import validate
from kg.vocab import slugify

# Any code point but surrogates (which no UTF-8 text can hold).
ANY_CHAR = st.characters(exclude_categories=("Cs",))
WORDS = [
    "Iran", "Israel", "President Joe Biden", "Hamas", "Russia", "threatened", "met", "condemned",
    "did not", "could", "attack", "according to Axios", "leader", "the", "with", ".", ",", "\n",
    "\u202eRTL\u202c", "שלום", "مرحبا", "🇮🇷", "👍🏽", "\x00", "\x07", "\u2028", "\ufeff", "x" * 3000,
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=40)), max_size=40).map(
    " ".join
)
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse(data: str, fmt: str) -> Graph:
    if fmt != "trig":
        return Graph().parse(data=data, format=FORMATS[fmt])
    dataset = Dataset(default_union=True)
    dataset.parse(data=data, format="trig")
    graph = Graph()
    graph += dataset.triples((None, None, None))
    return graph


def _articles(text: str) -> list[Article]:
    """What `kg build -` reads from `text`: articles, or a CorpusError for blank or bad input."""
    try:
        return list(read_corpus(["-"], stdin=io.StringIO(text)))
    except CorpusError:
        assert not text.strip() or text.lstrip().startswith("{")
        return []


@PROPERTY
@given(text=TEXT)
@example(text="\x00")
@example(text="Iran threatened Israel.\x00\x01\x02 Hamas did not attack Israel.")
@example(text="\u202eIran\u202c threatened 🇮🇱 Israel. " + "y" * 20_000)
@example(text="Russia condemned Iran.\r\n\u2028Hamas met with Iran\u0085.")
def test_any_text_builds_a_graph_that_reads_back_and_conforms(nlp, text):
    articles = _articles(text)
    extractions = list(extract_articles(nlp, articles))
    for extraction in extractions:
        for claim in extraction.claims:
            assert extraction.article.text[claim.start : claim.end].strip() == claim.sentence
    graph = build_graph(extractions)
    assert isomorphic(_parse(serialize(graph, "turtle"), "turtle"), graph)
    report = validate(graph)
    assert report.conforms, report.text


NAME = st.text(ANY_CHAR, min_size=1, max_size=60)
OPTIONAL = st.none() | NAME


@st.composite
def extractions(draw) -> Extraction:
    """An extraction whose every string (names, sentence, trigger, title, metadata) is arbitrary."""
    names = draw(st.lists(NAME, min_size=2, max_size=4, unique_by=slugify))
    kinds = st.sampled_from(["State", "Person", "Group", "Organization", "Delegation"])
    entities = tuple(
        Entity(slugify(name), name, draw(kinds), tuple(draw(st.lists(NAME, max_size=2))))
        for name in names
    )
    article = Article(
        id=draw(NAME),
        text="-",
        title=draw(OPTIONAL),
        date=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
        source=draw(OPTIONAL),
        url=draw(OPTIONAL),
    )
    claims = []
    for number in range(draw(st.integers(1, 3))):
        subject, obj = draw(st.permutations(entities))[:2]
        sentence = draw(NAME)
        claims.append(
            Claim(
                doc_id=article.id,
                subject=subject.key,
                relation=draw(st.sampled_from(sorted(relations()))),
                object=obj.key,
                sentence=sentence,
                start=number * 100,
                end=number * 100 + len(sentence),
                trigger=draw(NAME),
                rule=draw(NAME),
                confidence=draw(st.sampled_from([0.5, 0.64, 0.8])),
                polarity=draw(st.sampled_from(POLARITIES)),
                modality=draw(st.sampled_from(MODALITIES)),
                attribution=draw(OPTIONAL),
                date=article.date,
                title=draw(OPTIONAL),
            )
        )
    return Extraction(article, entities, tuple(claims))


@pytest.mark.parametrize("fmt", list(FORMATS))
@settings(max_examples=50, deadline=None)
@given(extraction=extractions())
def test_any_strings_in_records_survive_a_round_trip(fmt, extraction):
    graph = build_graph([extraction])
    assert isomorphic(_parse(serialize(graph, fmt), fmt), graph)
