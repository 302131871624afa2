"""Plain, frozen data: a mandate and its tasks. Behaviour lives in the modules that use them."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum


class Tier(str, Enum):
    """Where a task sits in a mandate. ``TASK`` is the single list of an untiered mandate."""

    STRATEGIC = "strategic"
    PRIORITY = "priority"
    OTHER = "other"
    TASK = "task"

    @property
    def letter(self) -> str:
        return {"strategic": "S", "priority": "P", "other": "O", "task": "T"}[self.value]

    @property
    def label(self) -> str:
        return {
            "strategic": "strategic priority",
            "priority": "priority task",
            "other": "other task",
            "task": "task",
        }[self.value]

    @property
    def level(self) -> int | None:
        """Seniority for promotion and demotion (lower is more senior); None for untiered tasks,
        which are neither above nor below a tier."""
        return {"strategic": 0, "priority": 1, "other": 2, "task": None}[self.value]


#: Display and sort order of tiers inside one mandate.
TIER_ORDER = (Tier.STRATEGIC, Tier.PRIORITY, Tier.TASK, Tier.OTHER)


@dataclass(frozen=True)
class Subtask:
    path: str
    text: str
    line: int = 0


@dataclass(frozen=True)
class Task:
    tier: Tier
    rank: int
    path: str
    heading: str
    text: str = ""
    subtasks: tuple[Subtask, ...] = ()
    key: str | None = None
    line: int = 0

    @property
    def body(self) -> str:
        """Everything the Council said in this task, as one string: heading, text, sub-items."""
        parts = [self.heading, self.text, *(s.text for s in self.subtasks)]
        return " ".join(p for p in parts if p)

    @property
    def position(self) -> str:
        """Tier letter and rank, e.g. ``P2``."""
        return f"{self.tier.letter}{self.rank}"


@dataclass(frozen=True)
class Mandate:
    mission: str
    symbol: str
    year: int
    adopted: _dt.date
    wording: str
    source: tuple[str, ...]
    paragraphs: tuple[int, ...] | None
    tasks: tuple[Task, ...]
    notes: str = ""
    unconfirmed: tuple[str, ...] = ()
    incomplete: tuple[Tier, ...] = ()
    path: str = ""
    #: Line numbers of front-matter fields, for problems reported against them.
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def number(self) -> str:
        """The resolution number, e.g. ``2423`` for ``S/RES/2423 (2018)``."""
        digits = "".join(ch for ch in self.symbol.split("(")[0] if ch.isdigit())
        return digits

    @property
    def label(self) -> str:
        return f"{self.mission} {self.year} ({self.symbol})"

    def tier(self, tier: Tier) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.tier is tier)

    def tier_counts(self) -> dict[str, int]:
        return {t.value: len(self.tier(t)) for t in TIER_ORDER}
