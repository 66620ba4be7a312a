"""Network analytics over the actor graph: the RDF graph projected into networkx, then centrality,
communities, friend/foe blocs by structural balance, connections and timelines.

Every analysis is a pure function of the projection (`project(graph)`); anything randomised takes
an explicit `seed`. `analyze` runs one by name and returns tables, as `kg analyze` prints them.
"""

from .balance import EXACT_LIMIT, Balance, SignedEdge, balance, signed_edges
from .centrality import BETWEENNESS_SAMPLES, OVERALL, Centrality, centrality, centrality_by_layer
from .communities import communities
from .paths import Event, Hop, connection, timeline
from .projection import Evidence, find_actor, from_triples, layer, project, restrict
from .report import ANALYSES, Report, Section, analyze, annotate, format_report

__all__ = [
    "ANALYSES",
    "BETWEENNESS_SAMPLES",
    "EXACT_LIMIT",
    "OVERALL",
    "Balance",
    "Centrality",
    "Event",
    "Evidence",
    "Hop",
    "Report",
    "Section",
    "SignedEdge",
    "analyze",
    "annotate",
    "balance",
    "centrality",
    "centrality_by_layer",
    "communities",
    "connection",
    "find_actor",
    "format_report",
    "from_triples",
    "layer",
    "project",
    "restrict",
    "signed_edges",
    "timeline",
]
