"""The one place that handles ``--format``.

Each format is a module with one function per kind of result (``list``, ``show``, ``diff``,
``timeline``, ``track``). Machine formats return text; ``table`` returns Rich renderables and is
imported only when asked for, so scripted runs never load Rich.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import UsageError

FORMATS = ("table", "json", "csv", "markdown")
#: ``validate`` speaks the formats of linters and CI systems instead of tables.
VALIDATE_FORMATS = ("text", "json", "github")
_MODULES = {"json": "jsonfmt", "csv": "csvfmt", "markdown": "markdown", "table": "table",
            "text": "text", "github": "github", "html": "html"}


def check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return fmt


def render(kind: str, data: Any, fmt: str, **options: Any) -> Any:
    """Text (machine formats) or a list of Rich renderables (``table``) for ``data``."""
    check_format(fmt, tuple(_MODULES))
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


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, so a failed run leaves the
    previous file (or none) rather than half a page. The file gets the usual permissions (umask)."""
    if path.is_dir():
        raise UsageError(f"{path} is a directory; give a file name for the output")
    directory = path.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write {path}: directory {directory} does not exist")
    import tempfile  # only a report written to a file needs it

    umask = os.umask(0)
    os.umask(umask)
    try:
        fd, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
