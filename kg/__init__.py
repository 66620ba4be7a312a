"""kg: news articles -> actor-relationship knowledge graph (spaCy -> RDF with provenance)."""

from .build import build, extract_corpus
from .config import Settings
from .corpus import read_corpus
from .errors import KgError
from .export import load_graph, serialize, write_graph
from .graph import build_graph
from .model import Article, Claim, Entity, Event, Extraction
from .query import format_result, named_query, run_query
from .validate import validate

__all__ = [
    "Article",
    "Claim",
    "Entity",
    "Event",
    "Extraction",
    "KgError",
    "Settings",
    "build",
    "build_graph",
    "extract_corpus",
    "format_result",
    "load_graph",
    "named_query",
    "read_corpus",
    "run_query",
    "serialize",
    "validate",
    "write_graph",
]
__version__ = "0.1.0"
