"""Split a long document into pieces spaCy can parse, cut where a sentence cannot span.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and its parser's memory grows
with the text, so long articles are parsed piece by piece. Each piece carries its offset in the
original text, so character offsets stay true to the document.
"""

from __future__ import annotations

import re

__all__ = ["CHUNK_CHARS", "split_text"]

# Above most news articles (5-20k characters). Parsing takes about 3 KB of memory a character
# (measured: +325 MB for 100,000), so a piece costs ~150 MB and a batch of pieces stays bounded.
CHUNK_CHARS = 50_000

# Where to cut, best first: a blank line, a line break (kg_sentences ends every sentence there),
# a sentence end, a space. A cut in the first half of the window would make tiny pieces.
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def _cut(window: str, limit: int) -> int:
    """Length of the next piece: the end of the last good break in `window` (`limit` + 1
    characters, so a break right at the limit counts), past its middle; `limit` if none."""
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window) if limit // 2 < m.end() <= limit]
        if ends:
            return ends[-1]
    return limit


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """`(offset, piece)` pairs covering `text` in order, each piece at most `limit` characters.

    >>> split_text("One.\\nTwo.\\nThree.", 8)
    [(0, 'One.\\n'), (5, 'Two.\\n'), (10, 'Three.')]
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces = []
    start = 0
    while len(text) - start > limit:
        size = _cut(text[start : start + limit + 1], limit)
        pieces.append((start, text[start : start + size]))
        start += size
    pieces.append((start, text[start:]))
    return pieces
