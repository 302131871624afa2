"""mandate-diff: parse UN peacekeeping mandates into tiered task lists and compare them.

The public API (docs/api.md)::

    import mandate_diff as md
    m = md.load_mandate("2018")                 # bundled MINUSMA mandate by year
    m = md.load_mandate(Path("my/2024.md"))     # any mandate file
    for task in m.tasks:
        print(task.position, task.heading)
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus, load_mandate
from .errors import MandateDiffError, MandateFormatError, ReferenceNotFound, UsageError
from .model import Mandate, Subtask, Task, Tier
from .parse import load, parse_text

__all__ = [
    "Corpus",
    "Mandate",
    "MandateDiffError",
    "MandateFormatError",
    "ReferenceNotFound",
    "Subtask",
    "Task",
    "Tier",
    "UsageError",
    "__version__",
    "load",
    "load_mandate",
    "parse_text",
]
