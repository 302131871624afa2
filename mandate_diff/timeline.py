"""Lineages: each task followed through a mission's mandates.

Consecutive mandates are compared with :func:`mandate_diff.diff.diff`; a matched task continues
its lineage. A task with no partner in the previous mandate may continue a *dormant* lineage (one
absent from the previous mandate): by lineage key at any distance, or by wording when the lineage
left at most ``REVIVAL_WINDOW`` mandates earlier (a bound that keeps the cost linear in the number
of mandates). Anything else starts a new lineage. A lineage never holds two tasks of one mandate,
and every task of every mandate is in exactly one lineage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .align import DEFAULT_THRESHOLD, align
from .diff import Diff, diff
from .errors import NoMatch, ReferenceNotFound, UsageError
from .redline import Segment, redline
from .model import TIER_ORDER, Mandate, Task

_WORD_RE = re.compile(r"\w[\w-]*")

#: How many mandates back a lineage without a key can be revived by wording.
REVIVAL_WINDOW = 10


@dataclass(frozen=True)
class Cell:
    """A lineage's task in one mandate, with what happened to it on arrival there."""

    task: Task
    marks: tuple[str, ...] = ()  # "entered", "returned", "moved-up", "moved-down", "promoted", "demoted", "retiered", "reworded"


@dataclass
class Lineage:
    cells: dict[int, Cell] = field(default_factory=dict)  # mandate index → cell
    first: int = -1
    last: int = -1

    def add(self, index: int, cell: Cell) -> None:
        """Record ``cell`` at mandate ``index``; indexes only grow while a timeline is built."""
        self.cells[index] = cell
        if self.first < 0:
            self.first = index
        self.last = index

    @property
    def latest(self) -> Task:
        return self.cells[self.last].task

    @property
    def key(self) -> str | None:
        for index in sorted(self.cells, reverse=True):
            if self.cells[index].task.key:
                return self.cells[index].task.key
        return None

    @property
    def label(self) -> str:
        return self.latest.heading

    def left_after(self, index: int, count: int) -> bool:
        """True when the lineage is present at ``index`` and absent from the next mandate."""
        return index in self.cells and index + 1 < count and index + 1 not in self.cells


@dataclass(frozen=True)
class Timeline:
    mission: str
    mandates: tuple[Mandate, ...]
    lineages: tuple[Lineage, ...]

    @property
    def columns(self) -> list[str]:
        """One label per mandate: its year, or year/number when a year holds two mandates."""
        years = [m.year for m in self.mandates]
        return [str(m.year) if years.count(m.year) == 1 else f"{m.year}/{m.number}" for m in self.mandates]

    def find(self, query: str) -> list[Lineage]:
        """Lineages whose key is ``query``, else those with every word of ``query`` as a whole word
        of one of their headings (case-insensitive)."""
        wanted = query.strip().casefold()
        exact = [lin for lin in self.lineages if any(c.task.key == wanted for c in lin.cells.values())]
        if exact:
            return exact
        words = set(_WORD_RE.findall(wanted))
        return [
            lin for lin in self.lineages
            if words and any(words <= set(_WORD_RE.findall(c.task.heading.casefold())) for c in lin.cells.values())
        ]


def timeline(
    mandates: Sequence[Mandate],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_keys: bool = False,
    diffs: Sequence[Diff] | None = None,
) -> Timeline:
    """Chain the tasks of ``mandates`` (one mission, in the order given) into lineages.

    ``diffs``, when a caller already has them, are the diffs of each consecutive pair of
    ``mandates`` (made with the same threshold and keys); otherwise they are computed here."""
    mandates = tuple(mandates)
    if diffs is not None and len(diffs) != max(len(mandates) - 1, 0):
        raise UsageError(f"{len(diffs)} diffs given for {len(mandates)} mandates; one per consecutive pair is needed")
    missions = {m.mission for m in mandates}
    if len(missions) > 1:
        raise ReferenceNotFound(f"a timeline covers one mission, not {', '.join(sorted(missions))}")
    lineages: list[Lineage] = []
    previous: dict[int, Lineage] = {}  # id(task of the previous mandate) → its lineage
    by_key: dict[str, Lineage] = {}
    recent: list[Lineage] = []  # lineages present within the last REVIVAL_WINDOW mandates
    for index, mandate in enumerate(mandates):
        current: dict[int, Lineage] = {}
        unplaced: list[Task] = []
        if index == 0:
            unplaced = list(mandate.tasks)
        else:
            step = diffs[index - 1] if diffs is not None else diff(
                mandates[index - 1], mandate, threshold=threshold, ignore_keys=ignore_keys, with_redlines=False)
            changes = step.changes
            for change in changes:
                if change.new is None:
                    continue
                if change.old is None:
                    unplaced.append(change.new)
                    continue
                lineage = previous[id(change.old)]
                lineage.add(index, Cell(change.new, _marks(change)))
                current[id(change.new)] = lineage
        recent = [lin for lin in recent if index - lin.last <= REVIVAL_WINDOW]
        for task, lineage in _revive(unplaced, recent, index, by_key, threshold, ignore_keys):
            lineage.add(index, Cell(task, ("returned",) if lineage.cells else ("entered",)))
            current[id(task)] = lineage
            if lineage.first == index:
                lineages.append(lineage)
                recent.append(lineage)
        if not ignore_keys:
            for lineage in current.values():
                if lineage.cells[index].task.key:
                    by_key[lineage.cells[index].task.key] = lineage
        previous = current
    lineages.sort(key=lambda lin: (lin.first, TIER_ORDER.index(lin.cells[lin.first].task.tier),
                                   lin.cells[lin.first].task.rank))
    return Timeline(mandates[0].mission if mandates else "", mandates, tuple(lineages))


def _marks(change) -> tuple[str, ...]:  # noqa: ANN001 - diff.Change
    marks = []
    if "moved" in change.kinds:
        marks.append("moved-up" if change.rank_delta > 0 else "moved-down")
    if "retiered" in change.kinds:
        marks.append(change.tier_change or "retiered")
    if "reworded" in change.kinds:
        marks.append("reworded")
    return tuple(marks)


def _revive(unplaced, recent, index, by_key, threshold, ignore_keys):  # noqa: ANN001, ANN202
    """Pair tasks new in this mandate with dormant lineages: by key at any distance, then by
    wording among the ``recent`` ones; the rest get new lineages."""
    placed = []
    rest = []
    for task in unplaced:
        lineage = by_key.get(task.key) if task.key and not ignore_keys else None
        if lineage is not None and lineage.last < index - 1:
            placed.append((task, lineage))
        else:
            rest.append(task)
    taken = {id(lin) for _, lin in placed}
    dormant = [lin for lin in recent if lin.last < index - 1 and id(lin) not in taken]
    if rest and dormant:
        pairs = align([lin.latest for lin in dormant], rest, threshold=threshold, ignore_keys=ignore_keys)
        matched = set()
        for pair in pairs:
            if pair.old is not None and pair.new is not None:
                placed.append((rest[pair.new], dormant[pair.old]))
                matched.add(pair.new)
        rest = [t for n, t in enumerate(rest) if n not in matched]
    placed += [(task, Lineage()) for task in rest]
    return placed


@dataclass(frozen=True)
class Version:
    """One mandate's version of a tracked task, with the words changed since the previous one."""

    mandate: Mandate
    task: Task | None  # None: absent from this mandate
    changes: tuple[Segment, ...] | None = None


@dataclass(frozen=True)
class Track:
    timeline: Timeline
    lineage: Lineage

    @property
    def versions(self) -> list[Version]:
        out, before = [], None
        for index, mandate in enumerate(self.timeline.mandates):
            cell = self.lineage.cells.get(index)
            task = cell.task if cell else None
            changes = None
            if task is not None and before is not None and before.body != task.body:
                changes = redline(before.body, task.body)
            out.append(Version(mandate, task, changes))
            before = task or before
        return out


def track(line: Timeline, query: str) -> Track:
    """The one lineage matching ``query`` (a key, or words of a heading)."""
    found = line.find(query)
    if not found:
        raise NoMatch(f"no task of {line.mission} matches {query!r}; try fewer words or a lineage key "
                      "(mandate-diff timeline --format csv lists them)")
    if len(found) > 1:
        listed = "; ".join(f"{lin.key or '(no key)'}: {lin.label}" for lin in found)
        raise NoMatch(f"{query!r} matches {len(found)} tasks: {listed}. Give a lineage key or more words.")
    return Track(line, found[0])
