"""`kg eval` end to end: score gold files and the PLOVER records, and print the scores.

Tables, JSON and Markdown show the same rows; `errors` lists every miss and false alarm with its
sentence, which is what someone changing the extraction reads.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .config import Settings
from .errors import CorpusError, QueryError
from .evaluate import Report, Score, evaluate
from .gold import read_gold
from .query import QueryResult, format_result

__all__ = [
    "FORMATS",
    "error_classes",
    "error_lines",
    "evaluate_all",
    "format_reports",
    "score_rows",
]

FORMATS = ("table", "json", "markdown")
COLUMNS = ("relation", "tp", "fp", "fn", "precision", "recall", "f1")


def evaluate_all(
    gold: Sequence[str | Path] = (),
    plover: str | Path | None = None,
    settings: Settings | None = None,
) -> list[Report]:
    """One report for the gold files (if any) and one for the PLOVER records (if a path is given),
    both parsed by one pipeline."""
    from .nlp import build_pipeline
    from .plover import plover_report, read_plover

    settings = settings or Settings()
    records = read_gold(gold)
    if not records and plover is None:
        raise CorpusError("nothing to evaluate: give gold files or --plover PATH")
    plover_records = read_plover(plover, settings) if plover is not None else None
    nlp = build_pipeline(settings)
    reports = [evaluate(records, nlp, settings=settings)] if records else []
    if plover_records is not None:
        reports.append(plover_report(*plover_records, nlp, settings))
    return reports


def _row(name: str, score: Score) -> tuple[str, ...]:
    return (
        name,
        str(score.tp),
        str(score.fp),
        str(score.fn),
        f"{score.precision:.3f}",
        f"{score.recall:.3f}",
        f"{score.f1:.3f}",
    )


def score_rows(report: Report) -> list[tuple[str, ...]]:
    """One row per label, then the micro-averaged overall row."""
    rows = [_row(name, score) for name, score in report.labels.items()]
    return [*rows, _row("overall", report.overall)]


def error_lines(report: Report) -> list[str]:
    """Every false negative and false positive, with its cause and sentence, record by record."""
    lines = []
    for result in report.results:
        record = result.record
        for fact, cause in result.missed:
            lines += [f"FN [{record.id}] {fact} ({cause})", f"    {_text(record.article.text)}"]
        for dyad, cause in result.false:
            lines += [f"FP [{record.id}] {dyad} ({cause})", f"    {_text(dyad.sentence)}"]
    return lines


def error_classes(
    report: Report, top: int = 5, quote: bool = True
) -> list[tuple[str, str, str, int, str]]:
    """The `top` biggest (kind, relation, cause) classes with their count and one example: the
    fact and its sentence, or (`quote=False`, for records whose text may not be copied, such as
    the PLOVER file's) only the record id."""
    examples: dict[tuple[str, str, str], str] = {}
    for result in report.results:
        record = result.record
        for fact, cause in result.missed:
            text = f"{fact} ← {_text(record.article.text)}" if quote else record.id
            examples.setdefault(("false negative", fact.label, cause), text)
        for dyad, cause in result.false:
            text = f"{dyad} ← {_text(dyad.sentence)}" if quote else record.id
            examples.setdefault(("false positive", dyad.relation, cause), text)
    return [(*key, n, examples[key]) for key, n in report.causes().most_common(top)]


def _text(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 300 else flat[:297] + "..."


def _forbidden_lines(report: Report) -> list[str]:
    return [f"[{r.id}] {d} (forbidden: {f})" for r, f, d in report.forbidden]


def _summary(report: Report) -> list[str]:
    lines = [f"forbidden facts produced: {len(report.forbidden)}"]
    if report.unknown_relations:
        lines.append(f"relations not in the ontology: {', '.join(report.unknown_relations)}")
    lines += [f"not scored: {n} record(s), {reason}" for reason, n in report.coverage.items()]
    return lines


def _markdown(report: Report, verbose: bool, errors: bool) -> str:
    head = "| " + " | ".join(COLUMNS) + " |"
    rule = "|" + "---|" * len(COLUMNS)
    table = [head, rule, *("| " + " | ".join(row) + " |" for row in score_rows(report))]
    lines = [f"### {report.name}", "", *table, "", *(f"- {s}" for s in _summary(report))]
    if verbose:
        lines += ["", *(f"- {s}" for s in _forbidden_lines(report))]
    if errors:
        lines += ["", "```text", *error_lines(report), "```"]
    return "\n".join(lines)


def _json(report: Report, verbose: bool, errors: bool) -> dict:
    def score(s: Score) -> dict:
        return {
            "tp": s.tp,
            "fp": s.fp,
            "fn": s.fn,
            "precision": round(s.precision, 4),
            "recall": round(s.recall, 4),
            "f1": round(s.f1, 4),
        }

    data: dict = {
        "name": report.name,
        "records": len(report.results),
        "overall": score(report.overall),
        "relations": {name: score(s) for name, s in report.labels.items()},
        "forbidden": len(report.forbidden),
        "unknown_relations": list(report.unknown_relations),
        "not_scored": report.coverage,
    }
    if verbose:
        data["forbidden_facts"] = _forbidden_lines(report)
    if errors:
        data["errors"] = error_lines(report)
    return data


def _table(report: Report, verbose: bool, errors: bool) -> str:
    table = format_result(QueryResult(COLUMNS, tuple(score_rows(report))), "table")
    lines = [report.name, table, *_summary(report)]
    if verbose:
        lines += _forbidden_lines(report)
    if errors:
        lines += error_lines(report)
    return "\n".join(lines)


def format_reports(
    reports: Sequence[Report], fmt: str = "table", verbose: bool = False, errors: bool = False
) -> str:
    """The reports in `fmt`; `verbose` lists forbidden facts, `errors` every FP and FN."""
    if fmt == "json":
        return json.dumps([_json(r, verbose, errors) for r in reports], indent=2)
    if fmt == "markdown":
        return "\n\n".join(_markdown(r, verbose, errors) for r in reports)
    if fmt == "table":
        return "\n\n".join(_table(r, verbose, errors) for r in reports)
    raise QueryError(f"unknown output format '{fmt}' (choose from {', '.join(FORMATS)})")
