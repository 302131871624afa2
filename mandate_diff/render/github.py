"""GitHub Actions workflow commands: each problem becomes an annotation on its file and line."""

from __future__ import annotations

from typing import Any


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def validate(report, **_: Any) -> str:  # noqa: ANN001 - validate.ValidationReport
    return "".join(
        f"::{p.severity} file={_property(p.path)},line={p.line},col={p.col},title={p.code}::{_data(p.message)}\n"
        for p in report.problems
    )
