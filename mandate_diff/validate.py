"""Checking mandate files for CI: every problem of every file, with a code, a severity and a
position, in one run. The codes and their meaning are listed in ``CODES`` and docs/validate.md.

Per file, the parser's own checks (``parse.check_text``) run first; a file that parses is then
checked for consistency (year and date against the symbol, section paragraphs against the
front matter); last come the checks across files (one symbol claimed twice, a lineage key reused
for a task with nothing in common). ``validate`` returns problems; the caller decides the exit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .align import similarity
from .corpus import mandate_files
from .errors import MandateFormatError
from .export import count
from .model import Mandate, Task
from .parse import SYMBOL_RE, check_text, decode, read_text

ERROR, WARNING = "error", "warning"

#: Every problem code: its severity and what it means.
CODES: dict[str, tuple[str, str]] = {
    "MD001": (ERROR, "the file or directory cannot be read: missing, a directory, too large, binary, not UTF-8, line too long"),
    "MD002": (ERROR, "no front matter, an empty file, or front matter not closed by '---'"),
    "MD003": (ERROR, "front matter is not valid YAML, or uses anchors, aliases or tags"),
    "MD004": (ERROR, "a required front matter field is missing"),
    "MD005": (ERROR, "a front matter field is unknown or has the wrong type or value"),
    "MD006": (ERROR, "the adoption date is not a date written YYYY-MM-DD"),
    "MD007": (ERROR, "an unknown, repeated or misplaced tier section, or text before the first one"),
    "MD008": (ERROR, "task letters or sub-item numerals out of order, repeated or with a gap; letters mixed with bullets"),
    "MD009": (ERROR, "a task with an empty heading or a sub-item with no text"),
    "MD010": (ERROR, "a lineage key used twice in one mandate"),
    "MD011": (ERROR, "a lineage key that is not lower-case letters, digits and '-'"),
    "MD012": (ERROR, "the year or the adoption date disagrees with the year in the symbol"),
    "MD013": (ERROR, "two files claim the same mission and symbol"),
    "MD014": (WARNING, "a lineage key reused for a task whose text shares almost nothing with its last use"),
    "MD015": (WARNING, "a section's paragraph number is not among the front matter's 'paragraphs'"),
}

#: Below this similarity (0-100) a reused key is reported (MD014): the texts share almost nothing.
KEY_REUSE_MIN_SIMILARITY = 30.0


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    problems: tuple[Problem, ...]
    files: tuple[str, ...]

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == WARNING for p in self.problems)

    @property
    def ok(self) -> bool:
        return self.errors == 0

    def summary(self) -> str:
        if not self.problems:
            return f"{count(len(self.files), 'file')} checked: no problems"
        bad = len({p.path for p in self.problems})
        return (f"{count(self.errors, 'error')} and {count(self.warnings, 'warning')} "
                f"in {bad} of {count(len(self.files), 'file')}")


def problem(error: MandateFormatError) -> Problem:
    return _at(error.path, error.line, error.code, error.message, error.col)


def _at(path: str, line: int, code: str, message: str, col: int = 1) -> Problem:
    """A problem with the severity its code has in ``CODES``."""
    return Problem(path, line, col, code, message, CODES[code][0])


def check_bytes(data: bytes, path: Path | str = "<bytes>") -> tuple[Mandate | None, list[Problem]]:
    """The problems of one file's content, and the mandate when it parsed."""
    try:
        text = decode(data, path)
    except MandateFormatError as error:
        return None, [problem(error)]
    return _check(text, path)


def _check(text: str, path: Path | str) -> tuple[Mandate | None, list[Problem]]:
    mandate, errors = check_text(text, path)
    problems = [problem(e) for e in errors]
    if mandate is not None:
        problems += _consistency(mandate)
    return mandate, problems


def _consistency(m: Mandate) -> list[Problem]:
    found = []
    symbol_year = int(SYMBOL_RE.match(m.symbol)["year"])
    if m.year != symbol_year:
        found.append(_at(m.path, m.field_lines.get("year", 1), "MD012",
                         f"year {m.year} disagrees with the symbol {m.symbol}"))
    if m.adopted.year != symbol_year:
        found.append(_at(m.path, m.field_lines.get("adopted", 1), "MD012",
                         f"adopted {m.adopted.isoformat()} is not in the symbol's year ({m.symbol})"))
    if m.paragraphs:
        for task in m.tasks:
            para = task.path.split("(")[0]
            if para.isdigit() and int(para) not in m.paragraphs:
                listed = ", ".join(map(str, m.paragraphs))
                found.append(_at(m.path, task.line, "MD015",
                                 f"task {task.path} is in paragraph {para}, not among 'paragraphs' ({listed})"))
                break
    return found


def _files_to_check(paths: Iterable[Path | str], problems: list[Problem]) -> list[Path]:
    """Files named, and mandate files below directories named, in order, each once. What cannot
    be listed becomes a problem."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += mandate_files(path, on_error=lambda error: problems.append(problem(error)))
        else:
            files.append(path)  # reading it tells what is wrong, if anything
    seen: set[Path] = set()
    unique = []
    for f in files:
        resolved = f.resolve() if f.exists() else f
        if resolved not in seen:
            seen.add(resolved)
            unique.append(f)
    return unique


def validate(paths: Iterable[Path | str], *, strict: bool = False) -> ValidationReport:
    """Check every mandate file named in ``paths`` (files or directories). ``strict`` reports
    warnings as errors. Files are only read."""
    problems: list[Problem] = []
    files = _files_to_check(paths, problems)
    mandates = []
    for path in files:
        try:
            text = read_text(path)
        except MandateFormatError as error:
            problems.append(problem(error))
            continue
        mandate, found = _check(text, path)
        problems += found
        if mandate is not None:
            mandates.append(mandate)
    problems += _across(mandates)
    order = {str(f): n for n, f in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.path, -1), p.line, p.col, p.code))
    if strict:
        problems = [replace(p, severity=ERROR) for p in problems]
    return ValidationReport(tuple(problems), tuple(str(f) for f in files))


def _across(mandates: list[Mandate]) -> list[Problem]:
    found = []
    first_claim: dict[tuple[str, str], Mandate] = {}
    for m in mandates:
        claim = (m.mission.casefold(), m.symbol)
        if claim in first_claim:
            found.append(_at(m.path, m.field_lines.get("symbol", 1), "MD013",
                             f"{m.mission} {m.symbol} is also claimed by {first_claim[claim].path}"))
        else:
            first_claim[claim] = m
    last_use: dict[tuple[str, str], tuple[Mandate, Task]] = {}
    for m in sorted(first_claim.values(), key=lambda m: (m.mission.casefold(), m.adopted, m.symbol)):
        for task in m.tasks:
            if not task.key:
                continue
            slot = (m.mission.casefold(), task.key)
            if slot in last_use:
                before, earlier = last_use[slot]
                score = similarity(earlier, task)
                if score < KEY_REUSE_MIN_SIMILARITY:
                    found.append(_at(
                        m.path, task.line, "MD014",
                        f"key {{#{task.key}}} was used in {before.year} ({before.symbol}) for "
                        f"{earlier.heading!r}; the texts share almost nothing (similarity {score:g}): "
                        "a new task needs a new key"))
            last_use[slot] = (m, task)
    return found
