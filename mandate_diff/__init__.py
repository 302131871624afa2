"""mandate-diff: parse UN peacekeeping mandates into tiered task lists and compare them.

The public API (docs/api.md)::

    import mandate_diff as md
    old, new = md.load_mandate("2018"), md.load_mandate("2019")   # bundled MINUSMA mandates
    result = md.diff(old, new)
    print(result.summary())
    print(md.render("diff", result, "markdown"))
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus, load_mandate
from .errors import MandateDiffError, MandateFormatError, NoMatch, ReferenceNotFound, UsageError
from .model import Mandate, Subtask, Task, Tier
from .parse import load, parse_text

# The engines are bound here, after their modules load, so that ``mandate_diff.diff`` is always the
# function and never the module of the same name (which importing the module would bind).
from .align import Pair, align
from .diff import KINDS, Change, Diff, diff
from .render import render
from .report import report
from .timeline import Lineage, Timeline, Track, timeline, track
from .validate import Problem, validate

__all__ = [
    "Change",
    "Corpus",
    "Diff",
    "KINDS",
    "Lineage",
    "Mandate",
    "MandateDiffError",
    "MandateFormatError",
    "NoMatch",
    "Pair",
    "Problem",
    "ReferenceNotFound",
    "Subtask",
    "Task",
    "Tier",
    "Timeline",
    "Track",
    "UsageError",
    "__version__",
    "align",
    "diff",
    "load",
    "load_mandate",
    "parse_text",
    "render",
    "report",
    "timeline",
    "track",
    "validate",
]
