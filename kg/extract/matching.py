"""Dependency patterns run only on the sentences that can match them.

spaCy's DependencyMatcher first runs every node of every pattern as a token pattern over the whole
Doc, so its cost grows with tokens x pattern nodes, while most sentences of a news article hold no
trigger word at all. `TriggerMatcher` groups the patterns by the lemmas their 'trigger' node
requires and runs each group only on the sentences containing one of them; the matches and their
order are those of one DependencyMatcher over the whole Doc.
"""

from __future__ import annotations

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["TriggerMatcher"]

# The node every kg pattern names after its trigger word (see kg.extract.relations).
TRIGGER_NODE = "trigger"


def trigger_lemmas(pattern: list[dict]) -> frozenset[str] | None:
    """The lemmas one of which a matching sentence must contain; None if the pattern's trigger
    node does not restrict its lemma (then it runs on every sentence)."""
    for node in pattern:
        if node["RIGHT_ID"] == TRIGGER_NODE:
            lemma = node["RIGHT_ATTRS"].get("LEMMA")
            if isinstance(lemma, str):
                return frozenset([lemma])
            if isinstance(lemma, dict) and set(lemma) == {"IN"}:
                return frozenset(lemma["IN"])
    return None


class TriggerMatcher:
    """`add` and `__call__` as DependencyMatcher's, one pattern per key; a key's matches come in
    document order and keys in the order they were added, as DependencyMatcher returns them."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._groups: dict[frozenset[str] | None, DependencyMatcher] = {}
        self._rank: dict[int, int] = {}  # match id -> order the key was added
        self.patterns: dict[str, list[list[dict]]] = {}  # what was added, by key

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.patterns.setdefault(key, []).extend(patterns)
        for pattern in patterns:
            gate = trigger_lemmas(pattern)
            if gate not in self._groups:
                self._groups[gate] = DependencyMatcher(self.vocab)
            self._groups[gate].add(key, [pattern])
        self._rank.setdefault(self.vocab.strings.add(key), len(self._rank))

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """(match id, token indices in pattern node order) for every match in the Doc."""
        found: list[tuple[int, list[int]]] = []
        attrs = array = None
        for sentence in doc.sents:
            lemmas = {token.lemma_ for token in sentence}
            groups = [m for gate, m in self._groups.items() if gate is None or gate & lemmas]
            if not groups:
                continue
            if array is None:  # once per Doc: as_doc would export the whole Doc per sentence
                attrs = doc._get_array_attrs()
                array = doc.to_array(attrs)
            part = sentence.as_doc(array_head=attrs, array=array)
            for matcher in groups:
                for match_id, tokens in matcher(part):
                    found.append((match_id, [sentence.start + i for i in tokens]))
        # Stable: document order within a key, keys in the order they were added.
        found.sort(key=lambda match: self._rank[match[0]])
        return found
