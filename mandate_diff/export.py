"""Plain dictionaries for the documented JSON contracts (docs/json.md). Every machine-readable
renderer reads these, so JSON, CSV and Markdown cannot drift apart."""

from __future__ import annotations

from typing import Any

from .model import Mandate, Task

MANDATE_SCHEMA = "mandate-diff/mandate@1"
LIST_SCHEMA = "mandate-diff/list@1"


def mandate_ref(mandate: Mandate) -> dict[str, Any]:
    return {
        "mission": mandate.mission,
        "symbol": mandate.symbol,
        "year": mandate.year,
        "adopted": mandate.adopted.isoformat(),
    }


def task_dict(task: Task) -> dict[str, Any]:
    return {
        "key": task.key,
        "tier": task.tier.value,
        "rank": task.rank,
        "path": task.path,
        "heading": task.heading,
        "text": task.text,
        "subtasks": [{"path": s.path, "text": s.text} for s in task.subtasks],
    }


def mandate_dict(mandate: Mandate) -> dict[str, Any]:
    return {
        "schema": MANDATE_SCHEMA,
        **mandate_ref(mandate),
        "wording": mandate.wording,
        "source": list(mandate.source),
        "paragraphs": list(mandate.paragraphs) if mandate.paragraphs else "unconfirmed",
        "unconfirmed": list(mandate.unconfirmed),
        "incomplete": [t.value for t in mandate.incomplete],
        "notes": mandate.notes,
        "tasks": [task_dict(t) for t in mandate.tasks],
    }


def list_entry(mandate: Mandate) -> dict[str, Any]:
    return {
        **mandate_ref(mandate),
        "wording": mandate.wording,
        "tasks": mandate.tier_counts(),
        "path": mandate.path,
    }


def list_dict(mandates: list[Mandate]) -> dict[str, Any]:
    return {"schema": LIST_SCHEMA, "mandates": [list_entry(m) for m in mandates]}


DIFF_SCHEMA = "mandate-diff/diff@1"


def _side(task: Task | None) -> dict[str, Any] | None:
    if task is None:
        return None
    return {"path": task.path, "tier": task.tier.value, "rank": task.rank, "heading": task.heading, "text": task.text}


def change_dict(change) -> dict[str, Any]:  # noqa: ANN001 - diff.Change, imported lazily by callers
    return {
        "kinds": list(change.kinds),
        "key": change.key,
        "old": _side(change.old),
        "new": _side(change.new),
        "rank_delta": change.rank_delta,
        "raw_rank_delta": change.raw_rank_delta,
        "tier_change": change.tier_change,
        "match": change.match,
        "similarity": change.similarity,
        "redline": [{"op": s.op, "text": s.text} for s in change.redline] if change.redline else None,
        "caveat": change.caveat,
    }


def diff_dict(result) -> dict[str, Any]:  # noqa: ANN001 - diff.Diff
    return {
        "schema": DIFF_SCHEMA,
        "old": mandate_ref(result.old),
        "new": mandate_ref(result.new),
        "threshold": result.threshold,
        "ignore_keys": result.ignore_keys,
        "summary": result.summary(),
        "tier_changes": result.tier_changes(),
        "changes": [change_dict(c) for c in result.changes],
    }


def summary_line(result) -> str:  # noqa: ANN001 - diff.Diff
    """``2015 → 2019: 5 added · 3 dropped · 5 retiered · 2 reworded`` (kinds with no change left out)."""
    counts = result.summary()
    tiers = result.tier_changes()
    parts = []
    for kind, n in counts.items():
        if not n:
            continue
        label = f"{n} {kind}"
        if kind == "retiered" and any(tiers.values()):
            label += " (" + ", ".join(f"{m} {d}" for d, m in tiers.items() if m) + ")"
        parts.append(label)
    return f"{result.old.year} → {result.new.year}: " + (" · ".join(parts) or "no changes")


def count(n: int, noun: str) -> str:
    """``1 error``, ``2 errors``: a number with its noun, plural when it is not one."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def movement(change) -> str:  # noqa: ANN001 - diff.Change
    """A short word for what happened: ``moved ↑2``, ``promoted``, ``added``..."""
    words = []
    for kind in change.kinds:
        if kind == "moved":
            arrow = "↑" if change.rank_delta > 0 else "↓"
            words.append(f"moved {arrow}{abs(change.rank_delta)}")
        elif kind == "retiered":
            words.append(change.tier_change or "retiered")
        else:
            words.append(kind)
    return ", ".join(words)



TIMELINE_SCHEMA = "mandate-diff/timeline@1"
TRACK_SCHEMA = "mandate-diff/track@1"


def cell_dict(cell) -> dict[str, Any]:  # noqa: ANN001 - timeline.Cell
    task = cell.task
    return {"tier": task.tier.value, "rank": task.rank, "path": task.path, "heading": task.heading,
            "marks": list(cell.marks)}


def timeline_dict(line) -> dict[str, Any]:  # noqa: ANN001 - timeline.Timeline
    columns = line.columns
    return {
        "schema": TIMELINE_SCHEMA,
        "mission": line.mission,
        "years": columns,
        "mandates": [mandate_ref(m) for m in line.mandates],
        "lineages": [
            {
                "key": lin.key,
                "label": lin.label,
                "cells": {col: (cell_dict(lin.cells[i]) if i in lin.cells else None) for i, col in enumerate(columns)},
            }
            for lin in line.lineages
        ],
    }


def track_dict(result) -> dict[str, Any]:  # noqa: ANN001 - timeline.Track
    versions = []
    for version in result.versions:
        task = version.task
        versions.append({
            **mandate_ref(version.mandate),
            "present": task is not None,
            "tier": task.tier.value if task else None,
            "rank": task.rank if task else None,
            "path": task.path if task else None,
            "heading": task.heading if task else None,
            "text": task.text if task else None,
            "changes": [{"op": s.op, "text": s.text} for s in version.changes] if version.changes else None,
        })
    return {"schema": TRACK_SCHEMA, "mission": result.timeline.mission, "key": result.lineage.key,
            "label": result.lineage.label, "versions": versions}


MARK_SYMBOLS = {
    "entered": "+", "returned": "↺", "moved-up": "↑", "moved-down": "↓",
    "promoted": "▲", "demoted": "▼", "retiered": "↕", "reworded": "~",
}


def cell_text(line, lineage, index: int) -> str:  # noqa: ANN001
    """``P2↑~`` for a present task; ``×`` in the first mandate after it left; blank otherwise."""
    cell = lineage.cells.get(index)
    if cell is None:
        return "×" if index - 1 in lineage.cells else ""
    marks = "".join(MARK_SYMBOLS[m] for m in cell.marks if not (m == "entered" and index == 0))
    return cell.task.position + marks


MARKS_LEGEND = ("+ entered · ↺ returned · ↑↓ moved · ▲▼ promoted/demoted · ↕ changed to or from the untiered list · "
                "~ reworded · × left")


VALIDATE_SCHEMA = "mandate-diff/validate@1"


def validate_dict(report) -> dict[str, Any]:  # noqa: ANN001 - validate.ValidationReport
    return {
        "schema": VALIDATE_SCHEMA,
        "files": len(report.files),
        "errors": report.errors,
        "warnings": report.warnings,
        "problems": [
            {"path": p.path, "line": p.line, "col": p.col, "code": p.code, "severity": p.severity, "message": p.message}
            for p in report.problems
        ],
    }
