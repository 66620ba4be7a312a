"""Dependency patterns matched along the tree from the tokens that can start them.

spaCy's DependencyMatcher first runs every node of every pattern as a token pattern (a Matcher,
one Python call and a token object per token) over the Doc, then checks the tree: most of kg's
extraction time went there. kg's patterns only test token attributes (a value, `IN`, `NOT_IN`)
and tie a node to its child (`>`) or head (`<`), so `TriggerMatcher` reads the attributes once per
Doc and walks the tree from the first node's candidates, in the sentences holding the trigger's
lemma; the matches and their order are DependencyMatcher's.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["TriggerMatcher"]

# The node every kg pattern names after its trigger word (see kg.extract.relations).
TRIGGER_NODE = "trigger"

# The token attributes a pattern may test, as columns of `_Tokens.columns`.
_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "POS": POS, "TAG": TAG, "DEP": DEP}
_COLUMNS = {name: number for number, name in enumerate(_ATTRS)}
_OPERATORS = (">", "<")  # the node is a child of its left node; the node is its head
# The columns of words (not tags): a pattern needing a word the Doc lacks is not run.
_WORD_COLUMNS = frozenset(_COLUMNS[name] for name in ("ORTH", "LOWER", "LEMMA"))


def trigger_lemmas(pattern: list[dict]) -> frozenset[str] | None:
    """The lemmas one of which a matching sentence must contain; None if the pattern's trigger
    node does not restrict its lemma (then it runs on every sentence)."""
    for node in pattern:
        if node["RIGHT_ID"] == TRIGGER_NODE:
            return _lemmas(node["RIGHT_ATTRS"])
    return None


def _lemmas(attrs: dict) -> frozenset[str] | None:
    """The lemmas a node requires, None if any will do."""
    lemma = attrs.get("LEMMA")
    if isinstance(lemma, str):
        return frozenset([lemma])
    if isinstance(lemma, dict) and set(lemma) == {"IN"}:
        return frozenset(lemma["IN"])
    return None


# (column, values, whether the value must be among them)
Test = tuple[int, frozenset[int], bool]


@dataclass(frozen=True)
class _Node:
    left: int  # the earlier node this one is tied to; -1 for the first
    child: bool  # tied as its child ('>'), else as its head ('<')
    tests: tuple[Test, ...]


@dataclass(frozen=True)
class _Pattern:
    match_id: int
    nodes: tuple[_Node, ...]
    gate: frozenset[int] | None  # trigger lemmas (hashes) a sentence must hold; None: any
    starts: frozenset[int] | None  # lemmas the first node requires; None: any
    # (column, values) of every word test: a Doc with none of a test's words cannot match
    needs: tuple[tuple[int, frozenset[int]], ...] = ()


def _tests(attrs: dict, vocab: Vocab) -> tuple[Test, ...]:
    tests = []
    for name, value in attrs.items():
        if name not in _COLUMNS:
            raise ValueError(f"TriggerMatcher cannot test the token attribute {name!r}")
        if isinstance(value, str):
            tests.append((_COLUMNS[name], frozenset([vocab.strings.add(value)]), True))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            [(operator, words)] = value.items()
            hashes = frozenset(vocab.strings.add(word) for word in words)
            tests.append((_COLUMNS[name], hashes, operator == "IN"))
        else:
            raise ValueError(f"TriggerMatcher cannot test {name}: {value!r}")
    return tuple(tests)


def _compile(match_id: int, pattern: list[dict], vocab: Vocab) -> _Pattern:
    names = [node["RIGHT_ID"] for node in pattern]
    nodes = []
    for number, node in enumerate(pattern):
        left, operator = node.get("LEFT_ID"), node.get("REL_OP")
        if (number == 0) != (left is None) or (left is not None and operator not in _OPERATORS):
            raise ValueError(f"TriggerMatcher cannot match the node {node!r}")
        index = names.index(left) if left is not None else -1
        if number and index >= number:
            raise ValueError(f"node {node['RIGHT_ID']!r} is tied to a later node {left!r}")
        nodes.append(_Node(index, operator == ">", _tests(node["RIGHT_ATTRS"], vocab)))
    gate, starts = trigger_lemmas(pattern), _lemmas(pattern[0]["RIGHT_ATTRS"])
    needs = tuple(
        (column, values)
        for node in nodes
        for column, values, wanted in node.tests
        if wanted and column in _WORD_COLUMNS
    )
    return _Pattern(
        match_id,
        tuple(nodes),
        None if gate is None else frozenset(vocab.strings.add(lemma) for lemma in gate),
        None if starts is None else frozenset(vocab.strings.add(lemma) for lemma in starts),
        needs,
    )


class _Tokens:
    """One Doc's token attributes and tree as plain lists, read once; a token's head and
    children count only inside its sentence (DependencyMatcher ran on each sentence alone)."""

    def __init__(self, doc: Doc) -> None:
        self.columns = doc.to_array(list(_ATTRS.values())).T.tolist()
        self.sentence = [0] * len(doc)
        self.bounds: list[tuple[int, int]] = []
        for number, sentence in enumerate(doc.sents):
            self.bounds.append((sentence.start, sentence.end))
            self.sentence[sentence.start : sentence.end] = [number] * len(sentence)
        self.heads: dict[int, tuple[int]] = {}
        self.children: dict[int, list[int]] = {}
        # heads are offsets, which the unsigned array wraps around
        for token, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            head = token + offset
            if head != token and self.sentence[head] == self.sentence[token]:
                self.heads[token] = (head,)
                self.children.setdefault(head, []).append(token)
        self.by_lemma: dict[int, list[int]] = {}
        for token, lemma in enumerate(self.columns[_COLUMNS["LEMMA"]]):
            self.by_lemma.setdefault(lemma, []).append(token)
        # a set, so that a pattern's lemmas are intersected with it walking the smaller side
        self.lemmas = frozenset(self.by_lemma)

    def passes(self, token: int, tests: tuple[Test, ...]) -> bool:
        for column, values, wanted in tests:  # a loop, not all(): this runs for every candidate
            if (self.columns[column][token] in values) != wanted:
                return False
        return True

    def starts(self, pattern: _Pattern) -> list[int]:
        """The tokens the first node may match, in order: those with its lemma, else every
        token of the sentences holding the trigger's."""
        if pattern.starts is not None:
            found = pattern.starts & self.lemmas
            return sorted(chain.from_iterable(self.by_lemma[h] for h in found))
        if pattern.gate is None:
            return list(range(len(self.sentence)))
        triggers = chain.from_iterable(self.by_lemma[h] for h in pattern.gate & self.lemmas)
        sentences = sorted({self.sentence[token] for token in triggers})
        return [t for s in sentences for t in range(*self.bounds[s])]

    def matches(self, pattern: _Pattern) -> list[list[int]]:
        """Every assignment of tokens to the pattern's nodes, ordered by the first node's token,
        then the second's, and so on (DependencyMatcher's order)."""
        found: list[list[int]] = []
        chosen = [0] * len(pattern.nodes)
        first = pattern.nodes[0].tests
        for token in self.starts(pattern):
            if self.passes(token, first):
                chosen[0] = token
                self._extend(pattern.nodes, 1, chosen, found)
        return found

    def _extend(
        self, nodes: tuple[_Node, ...], number: int, chosen: list[int], found: list[list[int]]
    ) -> None:
        """Assign nodes `number`... depth first, adding each full assignment to `found`. A method,
        not a closure: a nested function that calls itself is a reference cycle, which kept each
        Doc's token lists alive until the garbage collector ran (most of a build's collections)."""
        if number == len(nodes):
            found.append(list(chosen))
            return
        node = nodes[number]
        tied = (self.children if node.child else self.heads).get(chosen[node.left], ())
        for token in tied:
            if self.passes(token, node.tests):
                chosen[number] = token
                self._extend(nodes, number + 1, chosen, found)


class TriggerMatcher:
    """`add` and `__call__` as DependencyMatcher's, for patterns of token attribute tests tied
    by `>` and `<`; a key's matches come in document order and keys in the order they were
    added, as DependencyMatcher returns them."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._compiled: list[_Pattern] = []  # in the order added
        self._rank: dict[int, int] = {}  # match id -> order the key was first added
        self._gated: dict[int, list[int]] = {}  # trigger lemma -> patterns it lets run
        self._ungated: list[int] = []  # patterns that run on every Doc
        # word tests, each kept once: column -> word -> the tests it meets (many patterns share
        # a test, so a Doc's words are looked up once instead of each pattern testing its own)
        self._tests: dict[tuple[int, frozenset[int]], int] = {}
        self._meeting: dict[int, dict[int, list[int]]] = {column: {} for column in _WORD_COLUMNS}
        self._needs: list[frozenset[int]] = []  # pattern -> the tests its Doc must meet
        self._order: list[tuple[int, int]] = []  # pattern -> (its key's rank, its number)
        self.patterns: dict[str, list[list[dict]]] = {}  # what was added, by key

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        """Add patterns under `key`; raise ValueError for what the matcher cannot match."""
        match_id = self.vocab.strings.add(key)
        compiled = [_compile(match_id, pattern, self.vocab) for pattern in patterns]
        self._rank.setdefault(match_id, len(self._rank))
        self.patterns.setdefault(key, []).extend(patterns)
        for pattern in compiled:
            number = len(self._compiled)
            self._compiled.append(pattern)
            self._needs.append(frozenset(self._test_number(need) for need in pattern.needs))
            self._order.append((self._rank[match_id], number))
            for lemma in pattern.gate or ():
                self._gated.setdefault(lemma, []).append(number)
            if pattern.gate is None:
                self._ungated.append(number)

    def _test_number(self, need: tuple[int, frozenset[int]]) -> int:
        if need not in self._tests:
            self._tests[need] = len(self._tests)
            column, values = need
            for value in values:
                self._meeting[column].setdefault(value, []).append(self._tests[need])
        return self._tests[need]

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """(match id, token indices in pattern node order) for every match in the Doc."""
        tokens = _Tokens(doc)
        active = set(self._ungated)
        for lemma in tokens.by_lemma:
            active.update(self._gated.get(lemma, ()))
        met: set[int] = set()
        for column, meeting in self._meeting.items():
            for word in set(tokens.columns[column]):
                met.update(meeting.get(word, ()))
        # keys in the order they were added, a key's patterns in theirs
        order = sorted(
            (number for number in active if self._needs[number] <= met),
            key=self._order.__getitem__,
        )
        return [
            (pattern.match_id, match)
            for pattern in (self._compiled[number] for number in order)
            for match in tokens.matches(pattern)
        ]
