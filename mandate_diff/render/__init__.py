"""The one place that handles ``--format``.

Each format is a module with one function per kind of result (``list``, ``show``, ``diff``,
``timeline``, ``track``). Machine formats return text; ``table`` returns Rich renderables and is
imported only when asked for, so scripted runs never load Rich.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, TextIO

from ..errors import UsageError

FORMATS = ("table", "json", "csv", "markdown")
#: ``validate`` speaks the formats of linters and CI systems instead of tables.
VALIDATE_FORMATS = ("text", "json", "github")
_MODULES = {"json": "jsonfmt", "csv": "csvfmt", "markdown": "markdown", "table": "table",
            "text": "text", "github": "github"}


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return fmt


def render(kind: str, data: Any, fmt: str, **options: Any) -> Any:
    """Text (machine formats) or a list of Rich renderables (``table``) for ``data``."""
    check_format(fmt, FORMATS + VALIDATE_FORMATS)
    module = importlib.import_module(f"{__name__}.{_MODULES[fmt]}")
    return getattr(module, kind)(data, **options)


def _isatty(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def emit(kind: str, data: Any, fmt: str, out: TextIO | None = None, **options: Any) -> None:
    """Render ``data`` and write it to ``out`` (standard output by default)."""
    out = out or sys.stdout
    rendered = render(kind, data, fmt, pretty=_isatty(out), **options)
    if fmt == "table":
        from .table import console

        con = console(out)
        for renderable in rendered:
            con.print(renderable)
    elif rendered:
        out.write(rendered if rendered.endswith("\n") else rendered + "\n")
