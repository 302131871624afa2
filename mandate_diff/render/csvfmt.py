"""CSV: one row per record, with stable column names (docs/json.md lists them)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from .. import export
from ..redline import wdiff


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


DIFF_COLUMNS = (
    "old_year", "new_year", "kinds", "key",
    "old_tier", "old_rank", "old_path", "old_heading",
    "new_tier", "new_rank", "new_path", "new_heading",
    "rank_delta", "raw_rank_delta", "tier_change", "match", "similarity", "redline", "caveat",
)


def diff(result, **_: Any) -> str:
    def row(change):
        record = export.change_dict(change)
        flat = {"old_year": result.old.year, "new_year": result.new.year, "kinds": " ".join(change.kinds)}
        for side in ("old", "new"):
            for field in ("tier", "rank", "path", "heading"):
                flat[f"{side}_{field}"] = (record[side] or {}).get(field)
        flat.update({k: record[k] for k in ("key", "rank_delta", "raw_rank_delta", "tier_change", "match",
                                             "similarity", "caveat")})
        flat["redline"] = wdiff(change.redline) if change.redline else ""
        return flat

    return _table(DIFF_COLUMNS, map(row, result.changes))


def timeline(line, **_: Any) -> str:
    columns = line.columns
    rows = (
        {"key": lin.key, "label": lin.label,
         **{col: lin.cells[i].task.position if i in lin.cells else "" for i, col in enumerate(columns)}}
        for lin in line.lineages
    )
    return _table(("key", "label", *columns), rows)


TRACK_COLUMNS = ("year", "symbol", "present", "tier", "rank", "path", "heading", "changes")


def track(result, **_: Any) -> str:
    rows = (
        {"year": v.mandate.year, "symbol": v.mandate.symbol, "present": "yes" if v.task else "no",
         "tier": v.task.tier.value if v.task else "", "rank": v.task.rank if v.task else "",
         "path": v.task.path if v.task else "", "heading": v.task.heading if v.task else "",
         "changes": wdiff(v.changes) if v.changes else ""}
        for v in result.versions
    )
    return _table(TRACK_COLUMNS, rows)
