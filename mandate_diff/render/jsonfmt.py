"""JSON: the documented contracts of docs/json.md, keys in a fixed order, UTF-8 kept readable.

Indented for a person at a terminal; one compact line otherwise (four times faster to write for
a large timeline, and what scripts read anyway). ``emit`` says which through ``pretty``.
"""

from __future__ import annotations

import json
from typing import Any

from .. import export


def _dump(data: Any, pretty: bool) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2 if pretty else None) + "\n"


def list(mandates, pretty: bool = False, **_: Any) -> str:  # noqa: A001 - named after the command
    return _dump(export.list_dict(mandates), pretty)


def show(mandate, pretty: bool = False, **_: Any) -> str:
    return _dump(export.mandate_dict(mandate), pretty)


def diff(result, pretty: bool = False, **_: Any) -> str:
    return _dump(export.diff_dict(result), pretty)


def timeline(line, pretty: bool = False, **_: Any) -> str:
    return _dump(export.timeline_dict(line), pretty)


def track(result, pretty: bool = False, **_: Any) -> str:
    return _dump(export.track_dict(result), pretty)


def validate(report, pretty: bool = False, **_: Any) -> str:
    return _dump(export.validate_dict(report), pretty)
