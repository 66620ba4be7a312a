"""Draw the actor graph as one self-contained HTML page: a vis-network the analyst can explore.

`kg.view_data.select` decides what is drawn; this module turns it into vis-network nodes and
edges (built directly: pyvis's `Network.add_edge` is quadratic) and fills `kg/view_template.html`,
which inlines the vis-network script and style shipped inside the pyvis package, so the file opens
offline and makes no network request (a Content-Security-Policy in the page enforces that).

Every string read from the graph is untrusted: it reaches the page only as JSON inside a data
block (with `<`, `>` and `&` escaped) and is shown as plain text (`textContent`, `innerText`);
only http(s) URLs ever become links.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import pyvis
from rdflib import Graph, URIRef

from kg.errors import OutputError
from kg.files import write_atomic
from kg.view_data import MAX_NODES, EdgeRecord, NodeRecord, Selection, View, select, selection
from kg.vocab import AKG

__all__ = ["edge_width", "render_html", "write_html"]

VIS_VERSION = "9.1.2"
EDGE_LABEL_LIMIT = 60  # above this many edges, relation names are left to the legend and panel
# Edge width by support (statements behind the edge), log scale: 1 thin, WIDTH_TOP or more widest.
WIDTH_MIN, WIDTH_MAX, WIDTH_TOP = 1.5, 9.0, 1000
OUTLETS_SHOWN = 8  # on hover; the rest are counted

# Actor types and places: (colour, vis-network shape, legend glyph). Keyed by ontology class.
NODE_STYLE: dict[URIRef, tuple[str, str, str]] = {
    AKG.State: ("#4e79a7", "dot", "\u25cf"),
    AKG.Person: ("#f28e2b", "diamond", "\u25c6"),
    AKG.Group: ("#e15759", "triangle", "\u25b2"),
    AKG.Organization: ("#76b7b2", "square", "\u25a0"),
    AKG.Delegation: ("#59a14f", "star", "\u2605"),
    AKG.Place: ("#9d9d9d", "hexagon", "\u2b22"),
}
OTHER_NODE_STYLE = ("#b07aa1", "dot", "\u25cf")  # an actor subclass added to the ontology later
# akg:bloc values (friend/foe blocs by structural balance); a node outside both is grey.
BLOC_COLOUR = {0: "#1b9e77", 1: "#d95f02"}
NO_BLOC_COLOUR = "#d0d0d0"
NEUTRAL_GLYPH = "#555555"

# Relation colours, keyed by ontology property; the labels come from the ontology.
EDGE_COLOUR: dict[URIRef, str] = {
    AKG.alliedWith: "#2ca02c",
    AKG.metWith: "#1f77b4",
    AKG.spokeWith: "#17becf",
    AKG.threatens: "#ff7f0e",
    AKG.condemned: "#d62728",
    AKG.supports: "#9acd32",
    AKG.attacked: "#8b0000",
    AKG.visited: "#9467bd",
    AKG.leaderOf: "#6b6b6b",
    AKG.memberOf: "#a3a3a3",
    AKG.delegationOf: "#8c564b",
    AKG.partOf: "#c49c94",
    AKG.locatedIn: "#bcbcbc",
}
OTHER_EDGE_COLOUR = "#555555"

_OPTIONS = {
    "autoResize": True,
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "nodes": {
        "borderWidth": 1,
        "font": {
            "size": 15,
            "face": "system-ui, sans-serif",
            "color": "#222222",
            "strokeWidth": 4,
            "strokeColor": "#ffffff",
        },
        "scaling": {"min": 12, "max": 30, "label": {"enabled": False}},
        "widthConstraint": {"maximum": 170},
    },
    "edges": {
        "smooth": False,
        "selectionWidth": 1.5,
        "hoverWidth": 1.5,
        "arrows": {"to": {"scaleFactor": 0.6}},
        "font": {
            "size": 11,
            "face": "system-ui, sans-serif",
            "color": "#555555",
            "strokeWidth": 3,
            "strokeColor": "#ffffff",
            "align": "middle",
        },
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "keyboard": False},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -80,
            "centralGravity": 0.01,
            "springLength": 140,
            "springConstant": 0.06,
            "avoidOverlap": 0.5,
        },
        "stabilization": {"enabled": True, "iterations": 500, "fit": True},
    },
}


# ---------------------------------------------------------------------------------------------
# vis-network data


def _href(url: str) -> str:
    """The URL when it is a web address, else "": nothing else (javascript:, data:) is a link."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _node_colour(node: NodeRecord, blocs: bool) -> str:
    if blocs:
        return NO_BLOC_COLOUR if node.bloc is None else BLOC_COLOUR.get(node.bloc, NO_BLOC_COLOUR)
    return NODE_STYLE.get(node.kind, OTHER_NODE_STYLE)[0]


def _vis_node(node: NodeRecord, view: View, blocs: bool) -> dict:
    colour = _node_colour(node, blocs)
    kind = view.kind_labels.get(node.kind, str(node.kind))
    relations = f"{node.degree} drawn relation{'s' if node.degree != 1 else ''}"
    bloc = f" \u00b7 bloc {node.bloc}" if node.bloc is not None else ""
    hidden = f", {len(node.not_asserted)} not asserted" if node.not_asserted else ""
    vis = {
        "id": node.iri,
        "label": node.label,
        "shape": NODE_STYLE.get(node.kind, OTHER_NODE_STYLE)[1],
        "color": {
            "background": colour,
            "border": "#333333",
            "highlight": {"background": colour, "border": "#000000"},
            "hover": {"background": colour, "border": "#000000"},
        },
        "title": f"{node.label}\n{kind}{bloc}\n{relations}{hidden} \u00b7 click for details",
        "value": node.degree + 1,
        "kgType": str(node.kind),
        "kgTypeLabel": kind,
        "kgBloc": node.bloc,
        "kgAliases": list(node.aliases),
    }
    if node.position is not None:
        vis["x"], vis["y"] = node.position
    return vis


def edge_width(support: int) -> float:
    """Line width for an edge with `support` reports, on a log scale so that 1 and 1,000 reports
    are both readable: 1 -> WIDTH_MIN, WIDTH_TOP or more -> WIDTH_MAX."""
    reports = min(max(support, 1), WIDTH_TOP)
    scale = math.log(reports) / math.log(WIDTH_TOP)
    return round(WIDTH_MIN + (WIDTH_MAX - WIDTH_MIN) * scale, 2)


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"


def _reports(edge: EdgeRecord) -> list[str]:
    """What the edge's relationship node says: support, outlets, first and last report."""
    c = edge.corroboration
    if c is None:
        return [_plural(len(edge.evidence), "supporting statement")]
    lines = [f"{_plural(c.support, 'supporting statement')} in {_plural(c.documents, 'document')}"]
    if c.outlets:
        more = len(c.outlets) - OUTLETS_SHOWN
        named = ", ".join(c.outlets[:OUTLETS_SHOWN]) + (f" and {more:,} more" if more > 0 else "")
        lines.append(f"reported by {named}")
    if c.first and c.last not in ("", c.first):
        lines.append(f"first reported {c.first}, last {c.last}")
    elif c.first:
        lines.append(f"reported on {c.first}")
    return lines


def _vis_edges(view: View, labels: dict[str, str]) -> list[dict]:
    pairs = Counter(frozenset((e.source, e.target)) for e in view.edges)
    seen: Counter[frozenset] = Counter()
    found = []
    for index, edge in enumerate(view.edges):
        symmetric = edge.relation in view.symmetric
        name = view.relation_labels[edge.relation]
        arrow = "\u2014" if symmetric else "\u2192"
        head = f"{labels[edge.source]} {arrow} {name} {arrow} {labels[edge.target]}"
        reports = _reports(edge)
        colour = EDGE_COLOUR.get(edge.relation, OTHER_EDGE_COLOUR)
        vis: dict = {
            "id": f"e{index}",
            "from": edge.source,
            "to": edge.target,
            "title": "\n".join([head, *reports, "click for the sentences"]),
            "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
            "width": edge_width(_support(edge)),
            "arrows": {"to": {"enabled": not symmetric}},
            "dashes": edge.relation == AKG.locatedIn,
            "kgRelation": str(edge.relation),
            "kgHead": head,
            "kgReports": reports,
            "kgSupport": _support(edge),
            "kgDates": sorted({e.date for e in edge.evidence if e.date}),
        }
        if len(view.edges) <= EDGE_LABEL_LIMIT:
            vis["label"] = name
        pair = frozenset((edge.source, edge.target))
        if pairs[pair] > 1:  # parallel edges: fan them out as curves around the straight line
            offset = seen[pair] - (pairs[pair] - 1) / 2
            seen[pair] += 1
            clockwise = (offset >= 0) == (edge.source <= edge.target)
            vis["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(abs(offset) * 0.3, 3),
            }
        found.append(vis)
    return found


def _support(edge: EdgeRecord) -> int:
    """The relationship's support count; for a graph without relationship nodes, the statements."""
    return edge.corroboration.support if edge.corroboration else len(edge.evidence)


def _options(view: View) -> dict:
    if not view.layout:
        return _OPTIONS
    return {
        **_OPTIONS,
        "layout": {**_OPTIONS["layout"], "improvedLayout": False},
        "interaction": {**_OPTIONS["interaction"], "hideEdgesOnDrag": True},
        "physics": {"enabled": False},
    }


def _page_data(view: View) -> dict:
    blocs = any(node.bloc is not None for node in view.nodes)
    labels = {node.iri: node.label for node in view.nodes}
    edges = _vis_edges(view, labels)
    dates = sorted({d for e in edges for d in e["kgDates"]})
    return {
        "nodes": [_vis_node(node, view, blocs) for node in view.nodes],
        "edges": edges,
        "evidence": {
            vis["id"]: [vars(e) for e in edge.evidence]
            for vis, edge in zip(edges, view.edges, strict=True)
        },
        "notAsserted": {n.iri: [vars(e) for e in n.not_asserted] for n in view.nodes},
        "docs": {iri: {**vars(doc), "href": _href(doc.url)} for iri, doc in view.docs.items()},
        "dates": [dates[0], dates[-1]] if dates else [],
        "options": _options(view),
    }


def _node_legend(view: View, blocs: bool) -> list[dict]:
    present = Counter(node.kind for node in view.nodes)
    legend = []
    order = list(NODE_STYLE)  # actor types in the ontology's order, places last
    for kind in sorted(present, key=lambda k: (order.index(k) if k in order else 99, str(k))):
        colour, _shape, glyph = NODE_STYLE.get(kind, OTHER_NODE_STYLE)
        legend.append(
            {
                "label": view.kind_labels.get(kind, str(kind)),
                "colour": NEUTRAL_GLYPH if blocs else colour,
                "glyph": glyph,
                "count": present[kind],
            }
        )
    return legend


def _bloc_legend(view: View) -> list[dict]:
    present = Counter(node.bloc for node in view.nodes if node.kind != AKG.Place)
    if not any(bloc is not None for bloc in present):
        return []
    return [
        {
            "label": "no bloc" if bloc is None else f"bloc {bloc}",
            "colour": NO_BLOC_COLOUR if bloc is None else BLOC_COLOUR.get(bloc, NO_BLOC_COLOUR),
            "count": present[bloc],
        }
        for bloc in sorted(present, key=lambda b: (b is None, b or 0))
    ]


def _edge_legend(view: View) -> list[dict]:
    present = Counter(edge.relation for edge in view.edges)
    return [
        {
            "iri": str(rel),
            "label": view.relation_labels[rel],
            "colour": EDGE_COLOUR.get(rel, OTHER_EDGE_COLOUR),
            "symmetric": rel in view.symmetric,
            "dashed": rel == AKG.locatedIn,
            "count": present[rel],
        }
        for rel in sorted(present, key=lambda r: (view.relation_labels[r], str(r)))
    ]


def _width_legend(view: View) -> list[dict]:
    """Sample line widths (1, 10, 100, ... up to the best-supported drawn edge), so a reader can
    read a width back as a number of supporting statements."""
    top = max((_support(edge) for edge in view.edges), default=0)
    if not top:
        return []
    last = min(top, WIDTH_TOP)
    samples = sorted({1, last, *(n for n in (10, 100, 1000) if n < last)})
    return [
        {"label": f"{n:,}{'+' if n == WIDTH_TOP < top else ''}", "width": edge_width(n)}
        for n in samples
    ]


def _describe(chosen: Selection, view: View) -> list[str]:
    """What the page shows of the graph, in words, so a reader knows what is left out."""
    notes = []
    if view.focus is not None:
        notes.append(f"around {view.focus}, {chosen.hops} hop{'s' if chosen.hops != 1 else ''}")
    if chosen.relations is not None:
        notes.append("relations: " + ", ".join(chosen.relations))
    if chosen.since or chosen.until:
        ends = [str(day) if day else "\u2026" for day in (chosen.since, chosen.until)]
        notes.append(f"statements dated {ends[0]} to {ends[1]}")
    hidden = view.n_candidates - len(view.nodes)
    if hidden > 0:
        notes.append(
            f"the {len(view.nodes):,} best-connected of {view.n_candidates:,} nodes"
            f" ({hidden:,} hidden)"
        )
    return notes


# ---------------------------------------------------------------------------------------------
# The page


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """The vis-network script and style that ship inside pyvis, ready to inline."""
    root = Path(pyvis.__file__).parent
    for folder in (
        root / "lib" / f"vis-{VIS_VERSION}",
        root / "templates/lib" / f"vis-{VIS_VERSION}",
    ):
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            break
    else:
        raise OutputError(f"vis-network {VIS_VERSION} is missing from the pyvis package at {root}")
    script = js.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    # The map file is not shipped; a developer console would otherwise try to fetch it.
    script = "\n".join(
        line for line in script.split("\n") if not line.startswith("//# sourceMappingURL=")
    )
    style = css.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    style = style.replace("/*# sourceMappingURL=", "/* ")
    # Neither file may end its element early (`<\/` means `</` in a JS string or regex, and in CSS).
    script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.IGNORECASE)
    style = re.sub(r"</(style)", r"<\\/\1", style, flags=re.IGNORECASE)
    if "<!--" in script:
        raise OutputError(f"unexpected '<!--' in {js}; cannot inline it safely")
    return script, style


def _csp_hash(text: object) -> str:
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _json_for_script(value: object) -> str:
    """JSON that cannot close or comment out its <script> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.filters["csp_hash"] = _csp_hash
    return env.from_string(files("kg").joinpath("view_template.html").read_text(encoding="utf-8"))


def render_html(
    graph: Graph,
    *,
    title: str = "kg network",
    focus: str | None = None,
    hops: int = 1,
    relations: str | Iterable[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    max_nodes: int = MAX_NODES,
    level: str = "actor",
) -> str:
    """The actor network of `graph` as one self-contained HTML page (no network requests).

    `focus` (a name or alias) keeps the actors within `hops` of it; `relations` (local names or
    labels) and `since`/`until` (statement dates) filter the edges; above `max_nodes` only the
    best-connected nodes are drawn; `level` "state" draws the network of states (kg.rollup).
    A bad name, date or level raises QueryError.
    """
    chosen = selection(
        focus=focus,
        hops=hops,
        relations=relations,
        since=since,
        until=until,
        max_nodes=max_nodes,
        level=level,
    )
    view = select(graph, chosen)
    blocs = _bloc_legend(view)
    vis_js, vis_css = _vis_assets()
    return _template().render(
        title=title,
        vis_js=vis_js,
        vis_css=vis_css,
        data_json=_json_for_script(_page_data(view)),
        node_types=_node_legend(view, bool(blocs)),
        blocs=blocs,
        relations=_edge_legend(view),
        widths=_width_legend(view),
        notes=_describe(chosen, view),
        n_actors=view.n_actors,
        n_places=len(view.nodes) - view.n_actors,
        n_edges=len(view.edges),
        n_hidden=view.n_not_asserted,
    )


def write_html(graph: Graph, path: str | os.PathLike[str], **options) -> Path:
    """Render `graph` (options as for render_html) and write it to `path` atomically."""
    return write_atomic(path, render_html(graph, **options))
