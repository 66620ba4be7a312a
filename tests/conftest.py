"""Shared fixtures: the real pinned spaCy pipeline (loaded once) and the seed graph (built once)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from kg import build
from kg.extract import extract
from kg.model import Article, Claim, Extraction
from kg.nlp import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
OUTPUT_DIR = Path(__file__).parent / "output"  # screenshots, kept as test output


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


@pytest.fixture(scope="session")
def extraction_of(nlp):
    """text -> what kg extracts from it as an article dated 2024-08-05."""
    gazetteer = nlp.get_pipe("kg_actors").gazetteer

    def run(text: str) -> Extraction:
        article = Article(id="test", text=text, date=dt.date(2024, 8, 5))
        return extract(nlp(text), article, gazetteer)

    return run


@pytest.fixture(scope="session")
def claims_of(extraction_of):
    """sentence -> the claims kg extracts from it."""

    def run(text: str) -> tuple[Claim, ...]:
        return extraction_of(text).claims

    return run


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_graph(seeds_dir):
    return build([seeds_dir])


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by playwright; missing tools fail the test, never skip it."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "playwright is not installed (pip install playwright); the browser tests need it"
        )
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set KG_CHROMIUM)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def output_dir() -> Path:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    return OUTPUT_DIR
