"""The library's exceptions. The CLI turns each into a message and an exit code in one place."""

from __future__ import annotations

from pathlib import Path


class MandateDiffError(Exception):
    """Base of every error the library raises on bad input or a bad request."""

    exit_code = 2


class MandateFormatError(MandateDiffError):
    """A mandate file that cannot be read or parsed, with the position of the problem.

    ``code`` is the stable problem code that ``validate`` reports (see docs/validate.md).
    """

    def __init__(self, path: Path | str, line: int, col: int, message: str, code: str = "MD001"):
        self.path = str(path)
        self.line = line
        self.col = col
        self.message = message
        self.code = code
        super().__init__(f"{self.path}:{line}:{col}: {message}")


class ReferenceNotFound(MandateDiffError):
    """A mandate reference (year, resolution number, symbol, path) that matches nothing or too much."""


class UsageError(MandateDiffError):
    """An option value the library cannot act on (bad threshold, unknown format, unknown kind)."""


class NoMatch(MandateDiffError):
    """A search (``track``) that found nothing, or more than one thing: not a usage error."""

    exit_code = 1
