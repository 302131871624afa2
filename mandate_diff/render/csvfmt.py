"""CSV: one row per record, with stable column names (docs/json.md lists them)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from .. import export


def _table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*columns], lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return buffer.getvalue()


LIST_COLUMNS = ("mission", "year", "symbol", "adopted", "wording", "strategic", "priority", "other", "task", "path")
SHOW_COLUMNS = ("mission", "year", "symbol", "key", "tier", "rank", "path", "heading", "text", "subtasks")


def list(mandates, **_: Any) -> str:  # noqa: A001 - named after the command
    rows = ({**entry, **entry.pop("tasks")} for entry in map(export.list_entry, mandates))
    return _table(LIST_COLUMNS, rows)


def show(mandate, **_: Any) -> str:
    ref = export.mandate_ref(mandate)
    rows = (
        {**ref, **task, "subtasks": " | ".join(f"{s['path']} {s['text']}".strip() for s in task["subtasks"])}
        for task in map(export.task_dict, mandate.tasks)
    )
    return _table(SHOW_COLUMNS, rows)
