"""Word-level redlines: which words of a task were deleted and which inserted.

Words are compared with trailing punctuation split off, so "stabilization," against
"stabilization" is one inserted comma, not a replaced word. A segment's ``text`` is its words
joined by single spaces; ``spaced`` tells renderers where a space goes between segments.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

_TOKEN_RE = re.compile(r"[^\s,;:.!?)\]]+|[,;:.!?)\]]")
_NO_SPACE_BEFORE = frozenset(",;:.!?)]")


@dataclass(frozen=True)
class Segment:
    op: str  # "equal" | "insert" | "delete"
    text: str


def join(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        out += token if not out or token in _NO_SPACE_BEFORE else " " + token
    return out


def redline(old: str, new: str) -> tuple[Segment, ...]:
    """Segments whose ``equal`` + ``delete`` texts spell ``old`` and ``equal`` + ``insert`` texts
    spell ``new`` (up to white space)."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment("delete", join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(Segment("insert", join(b[j1:j2])))
    return tuple(segments)


def spaced(segments: tuple[Segment, ...]) -> Iterator[tuple[str, str, str]]:
    """``(gap, op, text)`` for each segment, ``gap`` being the space to write before it."""
    for n, seg in enumerate(segments):
        gap = "" if n == 0 or seg.text[:1] in _NO_SPACE_BEFORE else " "
        yield gap, seg.op, seg.text


def wdiff(segments: tuple[Segment, ...]) -> str:
    """Plain-text form, as GNU wdiff writes it: ``[-deleted-]{+inserted+}``."""
    marks = {"delete": "[-{}-]", "insert": "{{+{}+}}", "equal": "{}"}
    return "".join(gap + marks[op].format(text) for gap, op, text in spaced(segments))
