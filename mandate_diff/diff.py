"""Alignment → change records: what happened to every task between two mandates.

Kinds (a change may carry several, e.g. moved and reworded):

- ``added``: only in the new mandate; ``dropped``: only in the old one.
- ``moved``: same tier, different rank. Ranks are compared after removing, from that tier on each
  side, the tasks that entered or left it (added, dropped or retiered), so one insertion at the top
  does not mark every later task as moved. ``rank_delta`` is that adjusted movement (positive =
  moved up); ``raw_rank_delta`` is the plain difference of the printed ranks.
- ``retiered``: the tier changed. ``tier_change`` is ``promoted`` (toward strategic) or ``demoted``
  (toward other); it is null when one side is an untiered list, which is neither above nor below.
- ``reworded``: heading, text or sub-items changed; ``redline`` has the word-level changes.
- ``unchanged``: none of the above.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from .align import DEFAULT_THRESHOLD, Pair, align
from .errors import UsageError
from .model import TIER_ORDER, Mandate, Task, Tier
from .redline import Segment, redline

KINDS = ("added", "dropped", "moved", "retiered", "reworded", "unchanged")
#: Accepted by --only and --fail-on besides the kinds: the two directions of ``retiered``.
FILTERS = KINDS + ("promoted", "demoted")


@dataclass(frozen=True)
class Change:
    kinds: tuple[str, ...]
    old: Task | None
    new: Task | None
    rank_delta: int | None = None
    raw_rank_delta: int | None = None
    tier_change: str | None = None
    match: str | None = None
    similarity: float | None = None
    redline: tuple[Segment, ...] | None = None
    caveat: str | None = None

    @property
    def key(self) -> str | None:
        return (self.new and self.new.key) or (self.old and self.old.key) or None

    @property
    def task(self) -> Task:
        """The task as it now stands (or stood, when dropped)."""
        return self.new or self.old  # type: ignore[return-value]

    def has(self, names: Iterable[str]) -> bool:
        names = set(names)
        return bool(names & set(self.kinds)) or self.tier_change in names


@dataclass(frozen=True)
class Diff:
    old: Mandate
    new: Mandate
    changes: tuple[Change, ...]
    threshold: float = DEFAULT_THRESHOLD
    ignore_keys: bool = False

    def summary(self) -> dict[str, int]:
        """How many changes carry each kind."""
        return {kind: sum(kind in c.kinds for c in self.changes) for kind in KINDS}

    def tier_changes(self) -> dict[str, int]:
        return {d: sum(c.tier_change == d for c in self.changes) for d in ("promoted", "demoted")}

    def only(self, kinds: Iterable[str]) -> Diff:
        """The same diff narrowed to the changes carrying any of ``kinds``."""
        kinds = check_kinds(kinds)
        return replace(self, changes=tuple(c for c in self.changes if c.has(kinds)))

    def has_changes(self, kinds: Iterable[str] = KINDS[:-1]) -> bool:
        return any(c.has(check_kinds(kinds)) for c in self.changes)


def check_kinds(kinds: Iterable[str]) -> tuple[str, ...]:
    kinds = tuple(k.strip() for k in kinds if k.strip())
    unknown = [k for k in kinds if k not in FILTERS]
    if unknown or not kinds:
        raise UsageError(f"unknown change kind {', '.join(unknown) or '(none)'}: choose from {', '.join(FILTERS)}")
    return kinds


def diff(
    old: Mandate,
    new: Mandate,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_keys: bool = False,
    with_redlines: bool = True,
) -> Diff:
    """Classify every task of ``old`` and ``new``. Each old task appears in exactly one change
    (dropped or matched), and so does each new task. ``with_redlines=False`` skips the word-level
    comparison (``redline`` stays None) for callers that only need the kinds."""
    pairs = align(old.tasks, new.tasks, threshold=threshold, ignore_keys=ignore_keys)
    adjusted = _adjusted_ranks(old.tasks, new.tasks, pairs)
    changes = {}
    for pair in pairs:
        changes[pair] = _classify(pair, old, new, adjusted, with_redlines)
    ordered = _in_display_order(pairs, old.tasks, new.tasks)
    return Diff(old, new, tuple(changes[p] for p in ordered), threshold, ignore_keys)


def _classify(
    pair: Pair, old: Mandate, new: Mandate, adjusted: dict[tuple[str, int], int], with_redlines: bool
) -> Change:
    if pair.new is None:
        task = old.tasks[pair.old]
        caveat = _unlisted_caveat(task.tier, new, "this task may not have been dropped")
        return Change(("dropped",), task, None, caveat=caveat)
    if pair.old is None:
        task = new.tasks[pair.new]
        caveat = _unlisted_caveat(task.tier, old, "this task may not be new")
        return Change(("added",), None, task, caveat=caveat)
    a, b = old.tasks[pair.old], new.tasks[pair.new]
    kinds = []
    rank_delta = raw_delta = tier_change = None
    if a.tier is b.tier:
        raw_delta = a.rank - b.rank
        rank_delta = adjusted[("old", pair.old)] - adjusted[("new", pair.new)]
        if rank_delta:
            kinds.append("moved")
    else:
        kinds.append("retiered")
        if a.tier.level is not None and b.tier.level is not None:
            tier_change = "promoted" if b.tier.level < a.tier.level else "demoted"
    segments = None
    if " ".join(a.body.split()) != " ".join(b.body.split()):
        kinds.append("reworded")
        segments = redline(a.body, b.body) if with_redlines else None
    return Change(
        tuple(kinds) or ("unchanged",), a, b,
        rank_delta=rank_delta, raw_rank_delta=raw_delta, tier_change=tier_change,
        match=pair.basis, similarity=pair.score, redline=segments,
    )


def _unlisted_caveat(tier: Tier, other: Mandate, consequence: str) -> str | None:
    """A caveat when a task of ``tier`` could stand unlisted in ``other``: that tier is listed
    incompletely there, or one side is an untiered list, whose tasks could sit in any tier."""
    if not other.incomplete:
        return None
    if tier in other.incomplete or tier is Tier.TASK or Tier.TASK in other.incomplete:
        listed = " and ".join(f"{t.label}s" for t in other.incomplete)
        return f"{other.label} lists its {listed} incompletely: {consequence}"
    return None


def _adjusted_ranks(old: tuple[Task, ...], new: tuple[Task, ...], pairs: list[Pair]) -> dict[tuple[str, int], int]:
    """Rank of each task that stays in its tier, counted among such tasks only."""
    stay = [p for p in pairs if p.old is not None and p.new is not None and old[p.old].tier is new[p.new].tier]
    ranks: dict[tuple[str, int], int] = {}
    for side, tasks, index in (("old", old, lambda p: p.old), ("new", new, lambda p: p.new)):
        for tier in Tier:
            members = sorted((index(p) for p in stay if tasks[index(p)].tier is tier), key=lambda i: tasks[i].rank)
            for position, i in enumerate(members, 1):
                ranks[(side, i)] = position
    return ranks


def _in_display_order(pairs: list[Pair], old: tuple[Task, ...], new: tuple[Task, ...]) -> list[Pair]:
    """The new mandate's order, with each dropped task placed right after the task that preceded
    it in the old mandate (or first, when nothing did)."""
    def order(tasks: tuple[Task, ...], i: int) -> tuple[int, int]:
        return TIER_ORDER.index(tasks[i].tier), tasks[i].rank

    present = sorted((p for p in pairs if p.new is not None), key=lambda p: order(new, p.new))
    dropped = sorted((p for p in pairs if p.new is None), key=lambda p: order(old, p.old))
    result = list(present)
    for drop in dropped:
        before = [k for k, p in enumerate(result) if p.old is not None and order(old, p.old) < order(old, drop.old)]
        result.insert(before[-1] + 1 if before else 0, drop)
    return result
