"""A report: a mission's timeline and its year-to-year diffs together, for the HTML renderer (and
any other that wants the whole story in one object)."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass

from . import __version__
from .align import DEFAULT_THRESHOLD
from .diff import Diff, diff
from .model import Mandate
from .timeline import Timeline, timeline


@dataclass(frozen=True)
class Report:
    timeline: Timeline
    diffs: tuple[Diff, ...]  # one per consecutive pair of mandates
    generated: _dt.date
    version: str = __version__

    @property
    def mandates(self) -> tuple[Mandate, ...]:
        return self.timeline.mandates


def generation_date() -> _dt.date:
    """Today (UTC), or the date of ``SOURCE_DATE_EPOCH`` when set, so a report can be rebuilt
    byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date()
    return _dt.datetime.now(_dt.timezone.utc).date()


def report(
    mandates: Sequence[Mandate],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ignore_keys: bool = False,
    generated: _dt.date | None = None,
) -> Report:
    """The timeline of ``mandates`` (one mission, oldest first) and the diff of each consecutive pair."""
    mandates = tuple(mandates)
    pairs = zip(mandates, mandates[1:])
    diffs = tuple(diff(a, b, threshold=threshold, ignore_keys=ignore_keys) for a, b in pairs)
    line = timeline(mandates, threshold=threshold, ignore_keys=ignore_keys, diffs=diffs)
    return Report(line, diffs, generated or generation_date())
