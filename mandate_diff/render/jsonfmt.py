"""JSON: the documented contracts of docs/json.md, keys in a fixed order, UTF-8 kept readable."""

from __future__ import annotations

import json
from typing import Any

from .. import export


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def list(mandates, **_: Any) -> str:  # noqa: A001 - named after the command
    return _dump(export.list_dict(mandates))


def show(mandate, **_: Any) -> str:
    return _dump(export.mandate_dict(mandate))


def diff(result, **_: Any) -> str:
    return _dump(export.diff_dict(result))


def timeline(line, **_: Any) -> str:
    return _dump(export.timeline_dict(line))


def track(result, **_: Any) -> str:
    return _dump(export.track_dict(result))
