"""Plain lines in the style of compilers and linters: ``path:line:col: CODE message``."""

from __future__ import annotations

from typing import Any


def validate(report, **_: Any) -> str:  # noqa: ANN001 - validate.ValidationReport
    return "".join(f"{p} ({p.severity})\n" if p.severity != "error" else f"{p}\n" for p in report.problems)
