"""Every error kg reports to a user: one exception family, each kind with its exit code."""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "CorpusError",
    "CurationError",
    "GraphError",
    "KgError",
    "ModelError",
    "OutputError",
    "QueryError",
    "StoreError",
    "ValidationError",
    "one_line",
]


def one_line(message: object, limit: int = 300) -> str:
    """A library's message squeezed onto one line of at most `limit` characters: errors are
    one line on stderr, and parsers quote whole stretches of their input."""
    return " ".join(str(message).split())[:limit]


class KgError(Exception):
    """Base class; the CLI prints `str(error)` on one line and exits with `exit_code`."""

    exit_code = 1


class CorpusError(KgError):
    """Input documents are missing, unreadable or malformed."""

    exit_code = 3


class ModelError(KgError):
    """The spaCy model cannot be loaded."""

    exit_code = 4


class GraphError(KgError):
    """A graph file cannot be read or parsed."""

    exit_code = 5


class QueryError(KgError):
    """A SPARQL query is invalid or unknown."""

    exit_code = 6


class OutputError(KgError):
    """An output path cannot be written."""

    exit_code = 7


class ValidationError(KgError):
    """The graph violates the SHACL shapes."""

    exit_code = 8


class StoreError(KgError):
    """A store or SPARQL endpoint cannot be opened, reached or updated, or lacks a document."""

    exit_code = 9


class AnalysisError(KgError):
    """An analysis cannot answer: an unknown actor or relation, or no connection between two."""

    exit_code = 10


class CurationError(KgError):
    """A curation file cannot be read, or a decision names an unknown actor, relation or class."""

    exit_code = 11
