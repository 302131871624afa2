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
