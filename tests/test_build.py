"""Building in worker processes and with only the model components kg reads changes nothing."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from spacy.matcher import DependencyMatcher

import kg.nlp
import kg.workers
from kg import Settings, build, serialize
from kg.build import BATCH_SIZE, MIN_BATCH, batch_size, batches, build_triples, extract_corpus
from kg.corpus import read_corpus
from kg.errors import KgError
from kg.export import FORMATS, write_graph, write_triples
from kg.extract import extract_articles
from kg.extract.matching import TriggerMatcher, trigger_lemmas
from kg.nlp import MODEL_COMPONENTS, build_pipeline, unused_components


@pytest.fixture(scope="module")
def articles(seeds_dir):
    return list(read_corpus([seeds_dir]))


def test_two_worker_processes_build_the_seed_graph_byte_for_byte(seeds_dir, seed_graph):
    assert serialize(build([seeds_dir], jobs=2)) == serialize(seed_graph)


@pytest.fixture(scope="module")
def seed_triples(seeds_dir):
    return build_triples([seeds_dir])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_build_output_written_from_the_triples_is_the_graphs_byte_for_byte(
    seed_triples, seed_graph, tmp_path, fmt
):
    """`kg build -o` writes the triples without making the graph `build` returns."""
    written = write_triples(seed_triples, tmp_path / "triples", fmt)
    assert written.read_bytes() == write_graph(seed_graph, tmp_path / "graph", fmt).read_bytes()
    assert len(seed_triples) == len(seed_graph)


def test_workers_send_back_the_extractions_of_one_process(nlp, articles):
    batches = [articles[:2], articles[2:]]
    assert [x for batch in kg.workers.map_batches(nlp, batches, jobs=2) for x in batch] == list(
        extract_articles(nlp, articles)
    )


def _fail(nlp, articles):
    raise ValueError("bad article")


def _die(nlp, articles):
    os._exit(1)


# A forked worker runs the (monkeypatched) function of its parent.
needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers are forked"
)


@needs_fork
@pytest.mark.parametrize(
    ("work", "error", "message"),
    [
        (_fail, ValueError, "bad article"),
        (_die, KgError, "a worker process stopped abruptly"),
    ],
    ids=["raises", "dies"],
)
def test_a_failing_worker_stops_the_build_with_its_error(
    articles, monkeypatch, work, error, message
):
    monkeypatch.setattr(kg.workers, "extract_batch", work)
    with pytest.raises(error, match=message):
        extract_corpus(articles, jobs=2)


@pytest.mark.parametrize("jobs", [0, -1])
def test_fewer_than_one_worker_is_refused(articles, jobs):
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        extract_corpus(articles, jobs=jobs)


# (articles, jobs, articles per batch)
BATCHES = [
    (10_000, 1, BATCH_SIZE),
    (10_000, 2, BATCH_SIZE),
    (6, 2, 3),
    (5, 2, 3),
    (1, 4, 1),
    (0, 1, 1),
]


@pytest.mark.parametrize(("articles", "jobs", "expected"), BATCHES)
def test_every_worker_gets_a_batch(articles, jobs, expected):
    assert batch_size(articles, jobs) == expected


# (articles, jobs, articles per batch at most)
GUIDED = [(2_000, 2, BATCH_SIZE), (100, 2, 50), (10, 2, 5), (7, 4, 2), (1, 2, 1)]


@pytest.mark.parametrize(("count", "jobs", "size"), GUIDED)
def test_parallel_batches_shrink_towards_the_end_so_no_worker_waits_long(count, jobs, size):
    items = list(range(count))
    sizes = [len(batch) for batch in batches(items, jobs, size)]
    assert [x for batch in batches(items, jobs, size) for x in batch] == items
    assert max(sizes) <= size
    assert sizes == sorted(sizes, reverse=True)
    # what is left when a worker takes the last batch is at most one small batch per worker
    assert sum(sizes[-jobs:]) <= jobs * min(size, MIN_BATCH)


def test_the_pipeline_loads_only_the_model_components_kg_reads(nlp):
    assert unused_components(Settings().model) == ["senter"]
    model_parts = [name for name in nlp.component_names if not name.startswith(("kg_", "entity"))]
    assert model_parts == list(MODEL_COMPONENTS)
    assert nlp.disabled == []


def test_excluding_unused_components_changes_no_extraction(nlp, articles, monkeypatch):
    monkeypatch.setattr(kg.nlp, "unused_components", lambda model: [])
    whole = build_pipeline()
    assert "senter" in whole.component_names
    assert list(extract_articles(whole, articles)) == list(extract_articles(nlp, articles))


# (pattern, the lemmas a sentence must contain for it to match; None: any sentence)
GATES = [
    (
        [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": ["meet", "host"]}}}],
        {"meet", "host"},
    ),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "ally", "POS": "NOUN"}}], {"ally"}),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}}], None),
    ([{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"NOT_IN": ["be"]}}}], None),
    (
        [
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "be"}},
            {
                "RIGHT_ID": "trigger",
                "RIGHT_ATTRS": {"LEMMA": {"IN": ["ally"]}},
                "LEFT_ID": "verb",
                "REL_OP": ">",
            },
        ],
        {"ally"},
    ),
]


@pytest.mark.parametrize(("pattern", "lemmas"), GATES)
def test_a_pattern_runs_only_where_its_trigger_lemma_occurs(pattern, lemmas):
    assert trigger_lemmas(pattern) == (None if lemmas is None else frozenset(lemmas))


def test_sentence_matching_finds_what_one_dependency_matcher_finds(nlp, articles):
    finder = nlp.get_pipe("kg_relations")
    whole = DependencyMatcher(nlp.vocab)
    for key, patterns in finder.matcher.patterns.items():
        whole.add(key, patterns)
    for doc in nlp.pipe(article.text for article in articles):
        expected = whole(doc)
        assert expected
        assert finder.matcher(doc) == [(key, list(tokens)) for key, tokens in expected]


# Patterns the matcher cannot match as DependencyMatcher does are refused when added.
UNMATCHABLE = [
    [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"ENT_TYPE": "GPE"}}],
    [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"REGEX": "^talk"}}}],
    [
        {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "meet"}},
        {"RIGHT_ID": "object", "RIGHT_ATTRS": {}, "LEFT_ID": "trigger", "REL_OP": ">>"},
    ],
]


@pytest.mark.parametrize("pattern", UNMATCHABLE)
def test_the_matcher_refuses_what_it_cannot_match(nlp, pattern):
    with pytest.raises(ValueError):
        TriggerMatcher(nlp.vocab).add("key", [pattern])
