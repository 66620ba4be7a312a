"""Draw the actor graph as one self-contained HTML page: a vis-network the analyst can hover.

pyvis assembles the nodes, edges and options; the page itself comes from `kg/view_template.html`,
which inlines the vis-network script and style shipped inside the pyvis package, so the file opens
offline and makes no network request (a Content-Security-Policy in the page enforces that).

Every string read from the graph is untrusted: it reaches the page only as JSON inside a data
block (with `<`, `>` and `&` escaped) and is shown by vis-network as plain text (`innerText`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import OutputError
from kg.files import write_atomic
from kg.schema import label_of, load_ontology, relations
from kg.vocab import AKG, DCTERMS, PROV, RDF, RDFS, SKOS

__all__ = ["render_html", "write_html"]

VIS_VERSION = "9.1.2"
MAX_EVIDENCE = 5  # sentences listed per tooltip; the rest are counted
MAX_SENTENCE = 300  # characters of one sentence shown in a tooltip
EDGE_LABEL_LIMIT = 60  # above this many edges, relation names are left to the legend and tooltips

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

# A statement supports a drawn edge only when affirmed and asserted or reported.
_DRAWN_MODALITIES = {None, AKG.Asserted, AKG.Reported}
_DRAWN_POLARITIES = {None, AKG.Affirmed}

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
        "scaling": {"min": 1.5, "max": 6, "label": {"enabled": False}},
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
# The ontology: relation labels, symmetry, actor classes


@dataclass(frozen=True)
class _Ontology:
    relations: dict[URIRef, str]  # relation property -> its rdfs:label
    symmetric: frozenset[URIRef]
    actor_classes: tuple[URIRef, ...]  # in priority order for a node typed twice
    labels: dict[URIRef, str]  # classes and polarity/modality values -> label


def _pick(values: list[Literal]) -> str | None:
    """One label, deterministically: English or untagged first, then the smallest string."""
    strings = [v for v in values if isinstance(v, Literal)]
    if not strings:
        return None
    best = min(strings, key=lambda v: (v.language not in (None, "en"), str(v)))
    return str(best)


@lru_cache(maxsize=1)
def _ontology() -> _Ontology:
    onto = load_ontology()
    info = relations().values()
    declared = {c for c in onto.subjects(RDFS.subClassOf, AKG.Actor) if isinstance(c, URIRef)}
    ordered = [c for c in NODE_STYLE if c in declared]
    actor_classes = (*ordered, *sorted(declared - set(ordered)))
    terms = (
        *declared,
        AKG.Place,
        AKG.Actor,
        *onto.subjects(RDF.type, AKG.Polarity),
        *onto.subjects(RDF.type, AKG.Modality),
    )
    return _Ontology(
        relations={r.iri: r.label for r in info},
        symmetric=frozenset(r.iri for r in info if r.symmetric),
        actor_classes=actor_classes,
        labels={term: label_of(term) for term in terms},
    )


def _local_name(term: Node) -> str:
    text = str(term)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


# ---------------------------------------------------------------------------------------------
# Reading the graph


@dataclass(frozen=True)
class _Evidence:
    sentence: str
    title: str
    date: str
    source: str
    qualifier: str  # e.g. "reported" or "negated, hypothetical"; "" when plainly asserted
    claim: str  # "Iran threatens Israel"


def _sort_evidence(items: list[_Evidence]) -> list[_Evidence]:
    """Newest first, undated last; ties broken by title and sentence so output is stable."""
    unique = sorted(set(items), key=lambda e: (e.title, e.sentence, e.source, e.qualifier, e.claim))
    return sorted(unique, key=lambda e: e.date, reverse=True)


class _Reader:
    def __init__(self, graph: Graph, onto: _Ontology) -> None:
        self.graph = graph
        self.onto = onto
        self._labels: dict[Node, str] = {}

    def label(self, node: Node) -> str:
        if node not in self._labels:
            values = [*self.graph.objects(node, SKOS.prefLabel)]
            values = values or [*self.graph.objects(node, RDFS.label)]
            self._labels[node] = _pick(values) or _local_name(node)
        return self._labels[node]

    def text(self, node: Node | None, prop: URIRef) -> str:
        if node is None:
            return ""
        return _pick(list(self.graph.objects(node, prop))) or ""

    def actor_types(self) -> dict[Node, URIRef]:
        kinds: dict[Node, URIRef] = {}
        for cls in self.onto.actor_classes:
            for node in self.graph.subjects(RDF.type, cls):
                if not isinstance(node, Literal):
                    kinds.setdefault(node, cls)
        return kinds

    def places(self) -> set[Node]:
        return {n for n in self.graph.subjects(RDF.type, AKG.Place) if not isinstance(n, Literal)}

    def evidence(self, st: Node, s: Node, p: Node, o: Node) -> _Evidence:
        g = self.graph
        doc = g.value(st, PROV.wasDerivedFrom)
        date = self.text(st, DCTERMS.date) or self.text(doc, DCTERMS.date)
        title = self.text(doc, DCTERMS.title) or (str(doc) if doc is not None else "")
        source = g.value(st, AKG.accordingTo)
        polarity, modality = g.value(st, AKG.polarity), g.value(st, AKG.modality)
        qualifier = [
            self.onto.labels.get(term, _local_name(term))
            for term in (polarity, modality)
            if term is not None and term not in (AKG.Affirmed, AKG.Asserted)
        ]
        relation = self.onto.relations.get(p) or _local_name(p)
        return _Evidence(
            sentence=_shorten(self.text(st, AKG.sentence)),
            title=_shorten(title),
            date=date,
            source=self.label(source) if source is not None else "",
            qualifier=", ".join(qualifier),
            claim=f"{self.label(s)} {relation} {self.label(o)}",
        )

    def statements(self):
        """(statement, subject, predicate, object, drawn?) for every reified statement."""
        g = self.graph
        for st in sorted(set(g.subjects(RDF.type, RDF.Statement)), key=str):
            s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
            if s is None or p is None or o is None:
                continue
            drawn = (
                g.value(st, AKG.polarity) in _DRAWN_POLARITIES
                and g.value(st, AKG.modality) in _DRAWN_MODALITIES
                and (o, RDF.type, AKG.Event) not in g  # about an event: evidence on the actor
            )
            yield st, s, p, o, drawn


def _shorten(text: str, limit: int = MAX_SENTENCE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# ---------------------------------------------------------------------------------------------
# Tooltips (plain text: vis-network 9 shows a string title with innerText)


def _evidence_lines(items: list[_Evidence], *, with_claim: bool) -> list[str]:
    lines: list[str] = []
    for item in items[:MAX_EVIDENCE]:
        head = "\u2022 "
        if with_claim:
            head += (f"{item.qualifier}: " if item.qualifier else "") + item.claim
            lines.append(head)
            head = "  "
        lines.append(
            f"{head}\u201c{item.sentence}\u201d" if item.sentence else f"{head}(no sentence)"
        )
        where = [item.title or "untitled document", item.date]
        if not with_claim:
            where.append(item.qualifier)
        if item.source:
            where.append(f"according to {item.source}")
        lines.append("  \u2014 " + " \u00b7 ".join(w for w in where if w))
    more = len(items) - MAX_EVIDENCE
    if more > 0:
        lines.append(f"\u2026 and {more} more statement{'s' if more != 1 else ''}")
    return lines


def _edge_title(head: str, items: list[_Evidence]) -> str:
    if not items:
        return f"{head}\n\nNo evidence sentence recorded for this relation."
    count = f"{len(items)} supporting statement{'s' if len(items) != 1 else ''}"
    return "\n".join([head, "", count + ":", *_evidence_lines(items, with_claim=False)])


def _node_title(label: str, kind: str, degree: int, hidden: list[_Evidence]) -> str:
    lines = [label, f"Type: {kind}", f"{degree} drawn relation{'s' if degree != 1 else ''}"]
    if hidden:
        lines += ["", f"Not asserted ({len(hidden)}), not drawn as edges:"]
        lines += _evidence_lines(hidden, with_claim=True)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Network assembly


_EdgeKey = tuple[URIRef, Node, Node]  # (relation, from, to); a symmetric pair in IRI order


@dataclass(frozen=True)
class _Page:
    data: dict
    node_types: list[dict]
    relations: list[dict]
    n_actors: int
    n_places: int
    n_edges: int
    n_hidden: int


def _edge_key(rel: URIRef, s: Node, o: Node, onto: _Ontology) -> _EdgeKey:
    if rel in onto.symmetric and str(o) < str(s):
        s, o = o, s
    return rel, s, o


def _build(graph: Graph) -> _Page:
    onto = _ontology()
    reader = _Reader(graph, onto)
    kinds = reader.actor_types()
    places = reader.places() - set(kinds)

    # Direct edges from an actor to an actor or place; a symmetric pair counts once.
    edges: dict[_EdgeKey, list[_Evidence]] = {}
    for rel in onto.relations:
        for s, o in graph.subject_objects(rel):
            if s in kinds and (o in kinds or o in places):
                edges.setdefault(_edge_key(rel, s, o, onto), [])

    hidden: dict[Node, list[_Evidence]] = defaultdict(list)
    for st, s, p, o, drawn in reader.statements():
        if not drawn:
            hidden[s].append(reader.evidence(st, s, p, o))
        elif isinstance(p, URIRef) and (key := _edge_key(p, s, o, onto)) in edges:
            edges[key].append(reader.evidence(st, s, p, o))

    degree: Counter[Node] = Counter()
    for _rel, s, o in edges:
        degree[s] += 1
        degree[o] += 1
    shown = {**kinds, **{node: AKG.Place for node in degree if node in places}}

    net = Network(directed=True, cdn_resources="local")
    _add_nodes(net, reader, shown, degree, hidden)
    _add_edges(net, reader, edges)
    net.options = _OPTIONS
    nodes, vis_edges, _heading, _height, _width, options_json = net.get_network_data()

    return _Page(
        data={"nodes": nodes, "edges": vis_edges, "options": json.loads(options_json)},
        node_types=_node_legend(onto, Counter(shown.values())),
        relations=_edge_legend(onto, Counter(rel for rel, _s, _o in edges)),
        n_actors=len(kinds),
        n_places=len(shown) - len(kinds),
        n_edges=len(edges),
        n_hidden=sum(len(items) for node, items in hidden.items() if node in kinds),
    )


def _add_nodes(
    net: Network,
    reader: _Reader,
    shown: dict[Node, URIRef],
    degree: Counter[Node],
    hidden: dict[Node, list[_Evidence]],
) -> None:
    for node in sorted(shown, key=str):
        kind = shown[node]
        colour, shape, _glyph = NODE_STYLE.get(kind, OTHER_NODE_STYLE)
        label = reader.label(node)
        not_asserted = _sort_evidence(hidden.get(node, []))
        net.add_node(
            str(node),
            label=label,
            shape=shape,
            color={
                "background": colour,
                "border": "#333333",
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
            title=_node_title(label, reader.onto.labels[kind], degree[node], not_asserted),
            value=degree[node] + 1,
            kgType=str(kind),
        )


def _add_edges(net: Network, reader: _Reader, edges: dict[_EdgeKey, list[_Evidence]]) -> None:
    onto = reader.onto
    pairs = Counter(frozenset((s, o)) for _rel, s, o in edges)
    seen: Counter[frozenset] = Counter()
    ordered = sorted(edges, key=lambda k: (str(k[1]), str(k[2]), str(k[0])))
    for index, key in enumerate(ordered):
        rel, s, o = key
        items = _sort_evidence(edges[key])
        symmetric = rel in onto.symmetric
        name = onto.relations[rel]
        arrow = "\u2014" if symmetric else "\u2192"
        colour = EDGE_COLOUR.get(rel, OTHER_EDGE_COLOUR)
        options: dict = {
            "id": f"e{index}",
            "title": _edge_title(
                f"{reader.label(s)} {arrow} {name} {arrow} {reader.label(o)}", items
            ),
            "color": {"color": colour, "highlight": colour, "hover": colour, "inherit": False},
            "value": max(len(items), 1),
            "arrows": {"to": {"enabled": not symmetric}},
            "dashes": rel == AKG.locatedIn,
            "kgRelation": str(rel),
        }
        if len(edges) <= EDGE_LABEL_LIMIT:
            options["label"] = name
        pair = frozenset((s, o))
        if pairs[pair] > 1:  # parallel edges: fan them out as curves around the straight line
            offset = seen[pair] - (pairs[pair] - 1) / 2
            seen[pair] += 1
            clockwise = (offset >= 0) == (str(s) <= str(o))
            options["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(abs(offset) * 0.3, 3),
            }
        net.add_edge(str(s), str(o), **options)


def _node_legend(onto: _Ontology, present: Counter[URIRef]) -> list[dict]:
    legend = []
    for kind in (*onto.actor_classes, AKG.Place):
        if present[kind]:
            colour, _shape, glyph = NODE_STYLE.get(kind, OTHER_NODE_STYLE)
            legend.append(
                {
                    "label": onto.labels[kind],
                    "colour": colour,
                    "glyph": glyph,
                    "count": present[kind],
                }
            )
    return legend


def _edge_legend(onto: _Ontology, present: Counter[URIRef]) -> list[dict]:
    return [
        {
            "label": onto.relations[rel],
            "colour": EDGE_COLOUR.get(rel, OTHER_EDGE_COLOUR),
            "symmetric": rel in onto.symmetric,
            "dashed": rel == AKG.locatedIn,
            "count": present[rel],
        }
        for rel in sorted(present, key=lambda r: (onto.relations[r], str(r)))
    ]


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


def render_html(graph: Graph, *, title: str = "kg network") -> str:
    """The actor network of `graph` as one self-contained HTML page (no network requests)."""
    page = _build(graph)
    vis_js, vis_css = _vis_assets()
    return _template().render(
        title=title,
        vis_js=vis_js,
        vis_css=vis_css,
        data_json=_json_for_script(page.data),
        node_types=page.node_types,
        relations=page.relations,
        n_actors=page.n_actors,
        n_places=page.n_places,
        n_edges=page.n_edges,
        n_hidden=page.n_hidden,
    )


def write_html(graph: Graph, path: str | os.PathLike[str], *, title: str = "kg network") -> Path:
    """Render `graph` and write it to `path` atomically; returns the path."""
    return write_atomic(path, render_html(graph, title=title))
