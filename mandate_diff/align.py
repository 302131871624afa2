"""One-to-one alignment of two task lists.

Tasks are paired, in this order of authority:

1. **key**: the same lineage key on both sides (curated data says they are one task). Two tasks
   with *different* keys are never paired: the curator has said they are different tasks.
2. **heading**: identical headings after normalisation (case, white space, punctuation).
3. **fuzzy**: rapidfuzz similarity of heading and full text, solved as one global assignment
   (so two near-identical headings cannot be crossed the way a greedy first-come matcher crosses
   them). Pairs under ``threshold`` are rejected. The assignment maximises the total similarity
   *in excess of the threshold*, so two marginal pairs never outweigh one clear pair.

Within steps 2 and 3, a pair in the same tier is preferred: its weight is raised by up to
``TIER_BONUS`` (20 %), less as the tiers lie further apart. The bonus only steers the choice; the
reported similarity and the threshold test use the plain score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .errors import UsageError
from .model import Task, Tier

#: Similarity (0-100) below which two tasks are not considered the same task.
DEFAULT_THRESHOLD = 60.0
#: Relative weight added to a same-tier pair when choosing pairs; scaled down with tier distance.
TIER_BONUS = 0.2
# Untiered tasks sit between priority and other tasks for affinity: a list without tiers is
# closer to the operational tiers than to strategic priorities.
_AFFINITY_LEVEL = {Tier.STRATEGIC: 0.0, Tier.PRIORITY: 1.0, Tier.TASK: 1.5, Tier.OTHER: 2.0}
_HEADING_WEIGHT = 0.5
_PUNCT_RE = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class Pair:
    """One row of an alignment: indexes into the old and new task lists (None on the side where
    the task is absent), how the pair was made and its similarity (0-100)."""

    old: int | None
    new: int | None
    basis: str | None = None  # "key" | "heading" | "fuzzy"
    score: float | None = None


def check_threshold(threshold: float) -> float:
    if not 0 <= threshold <= 100:
        raise UsageError(f"threshold must be between 0 and 100, not {threshold:g}")
    return threshold


def normalise(text: str) -> str:
    return " ".join(_PUNCT_RE.sub(" ", text.casefold()).split())


def similarity(a: Task, b: Task) -> float:
    """How alike two tasks read, 0-100: half heading (word order ignored), half full text
    (shared words relative to the shorter text)."""
    return _score((normalise(a.heading), normalise(a.body)), (normalise(b.heading), normalise(b.body)))


def _score(a: tuple[str, str], b: tuple[str, str]) -> float:
    """``similarity`` of two (normalised heading, normalised body) pairs."""
    heading = fuzz.token_sort_ratio(a[0], b[0])
    body = fuzz.token_set_ratio(a[1], b[1])
    return round(_HEADING_WEIGHT * heading + (1 - _HEADING_WEIGHT) * body, 1)


def tier_affinity(a: Tier, b: Tier) -> float:
    distance = abs(_AFFINITY_LEVEL[a] - _AFFINITY_LEVEL[b])
    return TIER_BONUS * max(0.0, 1 - distance / 2)


def align(
    old: Sequence[Task],
    new: Sequence[Task],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_keys: bool = False,
) -> list[Pair]:
    """Pair ``old`` and ``new`` tasks one-to-one. Every old and every new index appears in exactly
    one returned pair; unpaired tasks come back as ``Pair(i, None)`` or ``Pair(None, j)``."""
    check_threshold(threshold)
    pairs: list[Pair] = []
    old_left = list(range(len(old)))
    new_left = list(range(len(new)))
    if not ignore_keys:
        new_by_key = {t.key: j for j, t in enumerate(new) if t.key}
        for i, task in enumerate(old):
            j = new_by_key.get(task.key) if task.key else None
            if j is not None:
                pairs.append(Pair(i, j, "key", similarity(task, new[j])))
                old_left.remove(i)
                new_left.remove(j)

    def eligible(i: int, j: int) -> bool:
        return ignore_keys or not (old[i].key and new[j].key)

    def take(chosen: list[tuple[int, int]], basis: str) -> None:
        for i, j in chosen:
            pairs.append(Pair(i, j, basis, similarity(old[i], new[j])))
            old_left.remove(i)
            new_left.remove(j)

    # Identical headings: pair them, letting tier affinity decide among repeated headings.
    by_heading: dict[str, tuple[list[int], list[int]]] = {}
    for i in old_left:
        by_heading.setdefault(normalise(old[i].heading), ([], []))[0].append(i)
    for j in new_left:
        by_heading.setdefault(normalise(new[j].heading), ([], []))[1].append(j)
    for olds, news in by_heading.values():
        weights = {(i, j): 1 + tier_affinity(old[i].tier, new[j].tier) for i in olds for j in news if eligible(i, j)}
        take(_max_weight_assignment(weights), "heading")

    # Fuzzy: one global assignment maximising similarity in excess of the threshold; the small
    # constant keeps a pair exactly at the threshold worth taking.
    old_text = {i: (normalise(old[i].heading), normalise(old[i].body)) for i in old_left}
    new_text = {j: (normalise(new[j].heading), normalise(new[j].body)) for j in new_left}
    weights = {}
    for i in old_left:
        for j in new_left:
            if eligible(i, j):
                score = _score(old_text[i], new_text[j])
                if score >= threshold:
                    weights[i, j] = (score - threshold + 0.5) * (1 + tier_affinity(old[i].tier, new[j].tier))
    take(_max_weight_assignment(weights), "fuzzy")
    pairs += [Pair(i, None) for i in old_left]
    pairs += [Pair(None, j) for j in new_left]
    return pairs


def _max_weight_assignment(weights: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The set of (row, col) edges of ``weights`` with the largest total weight, each row and
    column used at most once (Hungarian method, O(n³) on the rows and columns that have edges)."""
    rows = sorted({i for i, _ in weights})
    cols = sorted({j for _, j in weights})
    if not rows:
        return []
    n = max(len(rows), len(cols))
    top = max(weights.values())
    # Square cost matrix for a minimisation; a missing edge costs as much as pairing nothing.
    cost = [[top] * n for _ in range(n)]
    for r, i in enumerate(rows):
        for c, j in enumerate(cols):
            w = weights.get((i, j))
            if w is not None:
                cost[r][c] = top - w
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[col] = row, 1-based, 0 = free
    way = [0] * (n + 1)
    for r in range(1, n + 1):
        match[0] = r
        c0 = 0
        minv = [float("inf")] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[c0] = True
            r0 = match[c0]
            delta = float("inf")
            c1 = 0
            row = cost[r0 - 1]
            for c in range(1, n + 1):
                if not used[c]:
                    cur = row[c - 1] - u[r0] - v[c]
                    if cur < minv[c]:
                        minv[c] = cur
                        way[c] = c0
                    if minv[c] < delta:
                        delta = minv[c]
                        c1 = c
            for c in range(n + 1):
                if used[c]:
                    u[match[c]] += delta
                    v[c] -= delta
                else:
                    minv[c] -= delta
            c0 = c1
            if match[c0] == 0:
                break
        while c0:
            c1 = way[c0]
            match[c0] = match[c1]
            c0 = c1
    result = []
    for c in range(1, n + 1):
        r = match[c]
        if r and r <= len(rows) and c <= len(cols) and (rows[r - 1], cols[c - 1]) in weights:
            result.append((rows[r - 1], cols[c - 1]))
    return result
