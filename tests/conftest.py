"""Shared fixtures: the real pinned spaCy pipeline (loaded once) and the seed graph (built once)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg import build
from kg.extract import extract
from kg.model import Article, Claim
from kg.nlp import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="session")
def claims_of(nlp):
    """sentence -> the claims kg extracts from it (as an article dated 2024-08-05)."""
    gazetteer = nlp.get_pipe("kg_actors").gazetteer

    def run(text: str) -> tuple[Claim, ...]:
        article = Article(id="test", text=text, date=dt.date(2024, 8, 5))
        return extract(nlp(text), article, gazetteer).claims

    return run


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_graph(seeds_dir):
    return build([seeds_dir])
