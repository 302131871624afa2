"""Mandate text files → :class:`Mandate`.

Three stages, each with one job:

1. ``read_text`` turns bytes into text, refusing what is not a mandate file (missing, a directory,
   too large, binary, not UTF-8).
2. ``normalise`` makes the text uniform: BOM dropped, CRLF/CR → LF, tabs expanded, trailing blanks
   stripped. Line numbers are unchanged, so every later error points at the user's own line.
3. ``parse_text`` splits the YAML front matter from the body and reads the body's outline.

The format is specified in docs/format.md. Every problem raises :class:`MandateFormatError` with
the file, line, column and a problem code.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import MandateFormatError
from .model import Mandate, Subtask, Task, Tier

#: Files larger than this are refused before they are read: a pasted mandate is a few kB.
MAX_FILE_BYTES = 1024 * 1024
#: Longer lines are refused: they come from binary data or a broken paste, never a resolution.
MAX_LINE_CHARS = 10_000

SYMBOL_RE = re.compile(r"^S/RES/(?P<number>\d{1,5}) \((?P<year>\d{4})\)$")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_TIER_NAMES = {
    "strategic priorities": Tier.STRATEGIC,
    "strategic priority": Tier.STRATEGIC,
    "priority tasks": Tier.PRIORITY,
    "other tasks": Tier.OTHER,
    "additional tasks": Tier.OTHER,
    "tasks": Tier.TASK,
    "mandated tasks": Tier.TASK,
}
_SECTION_RE = re.compile(r"^##\s+(?P<name>.*?)\s*(?:\[para(?:graph)?\s+(?P<para>\d+)\])?\s*$", re.I)
_ITEM_RE = re.compile(r"^(?P<indent>\s*)\((?P<mark>[a-z]{1,5})\)\s*(?P<rest>.*)$")
_BULLET_RE = re.compile(r"^(?P<indent>\s*)-\s+(?P<rest>.*)$")
_KEY_SUFFIX_RE = re.compile(r"\s*\{#(?P<key>[^}]*)\}\s*$")
_TOP_KEY_RE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:")

_ROMANS = ("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx").split()

REQUIRED_FIELDS = ("mission", "symbol", "year", "adopted", "wording", "source", "paragraphs")
OPTIONAL_FIELDS = ("notes", "unconfirmed", "incomplete")
WORDINGS = ("verbatim", "abridged")


def load(path: Path | str) -> Mandate:
    """Read and parse one mandate file. The file is only read, never written."""
    path = Path(path)
    return parse_text(read_text(path), path)


def read_text(path: Path) -> str:
    def fail(message: str, line: int = 1, col: int = 1) -> MandateFormatError:
        return MandateFormatError(path, line, col, message, "MD001")

    try:
        if path.is_dir():
            raise fail("is a directory, not a mandate file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied: the file cannot be read") from None
    except OSError as exc:  # symlink loops, I/O errors, names too long
        raise fail(f"cannot read the file: {exc.strerror or exc}") from None
    return decode(data, path)


def decode(data: bytes, path: Path | str = "<bytes>") -> str:
    """The text of a mandate file's bytes, refusing binary data and anything but UTF-8."""

    def fail(message: str, line: int, col: int) -> MandateFormatError:
        return MandateFormatError(path, line, col, message, "MD001")

    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, col = _position(data, offset)
        raise fail("binary data (a NUL byte): a mandate file is UTF-8 text", line, col)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        raise fail(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8", line, col
        ) from None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def normalise(text: str) -> list[str]:
    """Return the lines of ``text`` in a uniform shape, one entry per input line.

    Guarantees: no BOM, no CR, no tab, no trailing white space; line *n* of the result is line *n*
    of the input.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return [line.expandtabs(4).rstrip() for line in text.split("\n")]


class _Problems(list):
    """Where parsing records what is wrong. Strict (for ``parse_text``): the first problem is
    raised at once. Lenient (for ``validate``): problems are kept and parsing goes on, so one run
    reports every problem of a file."""

    def __init__(self, strict: bool):
        super().__init__()
        self.strict = strict

    def add(self, problem: MandateFormatError) -> None:
        if self.strict:
            raise problem
        self.append(problem)


def parse_text(text: str, path: Path | str = "<string>") -> Mandate:
    """Parse a mandate file's text; the first problem raises :class:`MandateFormatError`."""
    return _parse(text, path, _Problems(strict=True))  # type: ignore[return-value]


def check_text(text: str, path: Path | str = "<string>") -> tuple[Mandate | None, list[MandateFormatError]]:
    """Parse as far as possible and return every problem found (file order within each part:
    front matter, then body), with the mandate when there were none."""
    problems = _Problems(strict=False)
    try:
        mandate = _parse(text, path, problems)
    except MandateFormatError as fatal:  # the file's frame is broken: nothing more can be read
        return None, [*problems, fatal]
    return (mandate if not problems else None), list(problems)


def _parse(text: str, path: Path | str, problems: _Problems) -> Mandate | None:
    """The parse proper. Problems that leave the file's frame intact (a field, a task) go to
    ``problems``; those that leave nothing to read on (no front matter, broken YAML) raise."""
    lines = normalise(text)
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise MandateFormatError(
                path, number, MAX_LINE_CHARS + 1,
                f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}", "MD001",
            )
    if not any(lines):
        raise MandateFormatError(path, 1, 1, "empty file: expected front matter starting with '---'", "MD002")
    if lines[0] != "---":
        raise MandateFormatError(
            path, 1, 1, "no front matter: the file must start with a line '---'", "MD002"
        )
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise MandateFormatError(
            path, len(lines), 1, "front matter is not closed: add a line '---' after it", "MD002"
        ) from None
    meta, field_lines = _read_front_matter(lines[1:end], path)
    fields = _check_fields(meta, field_lines, path, problems)
    tasks = _parse_body(lines, end + 1, path, problems)
    if fields is None or problems:
        return None
    return Mandate(tasks=tuple(tasks), path=str(path), field_lines=field_lines, **fields)


# --- front matter -------------------------------------------------------------------------------


# The C loader when PyYAML was built with libyaml (ten times faster), else the Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_BaseLoader):
    """A safe loader whose dates stay text until ``_date`` reads them, so an impossible date is
    reported as such, with its line, instead of failing inside the YAML library."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_anchors_aliases_tags(text: str, path: Path | str) -> None:
    """Front matter needs none of these, and aliases are how a small file expands into a huge one
    (the "billion laughs"): refuse them before anything is built."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        problem = None
        if isinstance(event, yaml.AliasEvent):
            problem = "YAML aliases ('*name') are not allowed in front matter"
        elif getattr(event, "anchor", None):
            problem = "YAML anchors ('&name') are not allowed in front matter"
        elif getattr(event, "tag", None) and not _implicit(event):
            problem = f"YAML tags ('{event.tag}') are not allowed in front matter"
        if problem:
            mark = event.start_mark
            raise MandateFormatError(path, mark.line + 2, mark.column + 1, problem, "MD003")


def _implicit(event: Any) -> bool:
    implicit = getattr(event, "implicit", False)
    return any(implicit) if isinstance(implicit, tuple) else bool(implicit)


def _read_front_matter(lines: list[str], path: Path | str) -> tuple[dict[str, Any], dict[str, int]]:
    text = "\n".join(lines)
    try:
        _refuse_anchors_aliases_tags(text, path)
        meta = yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line, col = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise MandateFormatError(path, line, col, f"invalid YAML in front matter: {problem}", "MD003") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise MandateFormatError(path, 2, 1, f"invalid YAML in front matter: {exc}", "MD003") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise MandateFormatError(path, 2, 1, "front matter must be a YAML mapping of 'field: value' lines", "MD003")
    field_lines = {}
    for offset, line in enumerate(lines):
        match = _TOP_KEY_RE.match(line)
        if match:
            field_lines.setdefault(match["key"], offset + 2)
    return meta, field_lines


def _check_fields(
    meta: dict[str, Any], field_lines: dict[str, int], path: Path | str, problems: _Problems
) -> dict[str, Any] | None:
    """The typed fields, or None when any is wrong (each wrong field is one problem)."""

    def fail(name: str, message: str, code: str = "MD005") -> MandateFormatError:
        return MandateFormatError(path, field_lines.get(name, 1), 1, message, code)

    known = REQUIRED_FIELDS + OPTIONAL_FIELDS
    for name in meta:
        if name not in known:
            problems.add(fail(str(name), f"unknown front matter field '{name}' (known fields: {', '.join(known)})"))
    missing = [name for name in REQUIRED_FIELDS if meta.get(name) in (None, "")]
    for name in missing:
        problems.add(MandateFormatError(path, 1, 1, f"front matter field '{name}' is missing", "MD004"))

    def text_field(name: str) -> str:
        value = meta[name]
        if not isinstance(value, str):
            raise fail(name, f"'{name}' must be text, not {_type_name(value)}")
        return value.strip()

    def symbol() -> str:
        value = " ".join(text_field("symbol").split())
        if not SYMBOL_RE.match(value):
            raise fail("symbol", f"'symbol' must look like 'S/RES/2423 (2018)', not {value!r}")
        return value

    def year() -> int:
        value = meta["year"]
        if not isinstance(value, int) or isinstance(value, bool) or not 1945 <= value <= 2999:
            raise fail("year", f"'year' must be a four-digit year, not {value!r}")
        return value

    def wording() -> str:
        value = text_field("wording")
        if value not in WORDINGS:
            raise fail("wording", f"'wording' must be 'verbatim' or 'abridged', not {value!r}")
        return value

    def paragraphs() -> tuple[int, ...] | None:
        value = meta["paragraphs"]
        if value == "unconfirmed":
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return (value,)
        if isinstance(value, list) and value and all(
            isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in value
        ):
            return tuple(value)
        raise fail("paragraphs", "'paragraphs' must be a list of operative paragraph numbers or 'unconfirmed'")

    def notes() -> str:
        value = meta.get("notes") or ""
        if not isinstance(value, str):
            raise fail("notes", f"'notes' must be text, not {_type_name(value)}")
        return value.strip()

    def incomplete() -> tuple[Tier, ...]:
        tiers = []
        for name in _text_list(meta.get("incomplete") or [], "incomplete", fail):
            try:
                tiers.append(Tier(name))
            except ValueError:
                raise fail("incomplete", f"'incomplete' lists tiers (strategic, priority, other, task), not {name!r}") from None
        return tuple(tiers)

    readers = {
        "mission": lambda: text_field("mission"),
        "symbol": symbol,
        "year": year,
        "adopted": lambda: _date(meta["adopted"], lambda msg: fail("adopted", msg, "MD006")),
        "wording": wording,
        "source": lambda: _text_list(meta["source"], "source", fail),
        "paragraphs": paragraphs,
        "notes": notes,
        "unconfirmed": lambda: _text_list(meta.get("unconfirmed") or [], "unconfirmed", fail),
        "incomplete": incomplete,
    }
    fields: dict[str, Any] = {}
    for name, read in readers.items():
        if name in missing:
            continue
        try:
            fields[name] = read()
        except MandateFormatError as problem:
            problems.add(problem)
    return fields if len(fields) == len(readers) else None


def _date(value: Any, fail) -> _dt.date:  # noqa: ANN001
    if isinstance(value, _dt.datetime):
        raise fail("'adopted' must be a date (YYYY-MM-DD) without a time")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail(f"'adopted' must be a date written YYYY-MM-DD, not {value!r}")


def _text_list(value: Any, name: str, fail) -> tuple[str, ...]:  # noqa: ANN001
    if isinstance(value, str):
        return (value.strip(),)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value)
    hint = ""
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        hint = " (an item containing ': ' must be put in quotes)"
    raise fail(name, f"'{name}' must be text or a list of texts{hint}")


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


# --- body ---------------------------------------------------------------------------------------


class _Item:
    """A task while its lines are being collected."""

    def __init__(self, tier: Tier, rank: int, path: str, heading: str, key: str | None, line: int):
        self.tier, self.rank, self.path, self.heading, self.key, self.line = tier, rank, path, heading, key, line
        self.text: list[str] = []
        self.subtasks: list[tuple[str, list[str], int]] = []

    def add_text(self, text: str) -> None:
        (self.subtasks[-1][1] if self.subtasks else self.text).append(text)

    def freeze(self) -> Task:
        return Task(
            tier=self.tier,
            rank=self.rank,
            path=self.path,
            heading=self.heading,
            text=" ".join(self.text),
            subtasks=tuple(Subtask(path, " ".join(words), line) for path, words, line in self.subtasks),
            key=self.key,
            line=self.line,
        )


def _parse_body(lines: list[str], start: int, path: Path | str, problems: _Problems) -> list[Task]:
    """The tasks of the body. After a problem, reading goes on from the next line as sensibly as
    it can (an unknown section is skipped, a task out of order is kept under its own letter)."""

    def report(number: int, col: int, message: str, code: str) -> None:
        problems.add(MandateFormatError(path, number, col, message, code))

    items: list[_Item] = []
    keys: dict[str, int] = {}
    seen_tiers: dict[Tier, int] = {}
    tier: Tier | None = None
    skipping = False  # inside a section that could not be read
    para = ""
    style = ""  # "letters" or "bullets" within the current section
    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if line.startswith("# "):
            continue  # a title for people reading the file
        if line.startswith("#"):
            match = _SECTION_RE.match(line)
            name = " ".join((match["name"] if match else line.lstrip("#")).lower().split())
            style = ""
            if not match or not line.startswith("## ") or name not in _TIER_NAMES:
                report(
                    number, 1,
                    f"unknown tier heading {line!r}: use '## Strategic priorities', '## Priority tasks', "
                    "'## Other tasks' or, for an untiered mandate, '## Tasks'",
                    "MD007",
                )
                skipping = True
                continue
            tier = _TIER_NAMES[name]
            # A section that cannot stand is skipped whole, so its tasks do not cascade into
            # lettering problems of their own.
            skipping = True
            if tier in seen_tiers:
                report(number, 1, f"a second '{match['name']}' section (the first is on line {seen_tiers[tier]})", "MD007")
            elif (tier is Tier.TASK and seen_tiers) or (tier is not Tier.TASK and Tier.TASK in seen_tiers):
                report(number, 1, "an untiered '## Tasks' list cannot be combined with tier sections", "MD007")
            else:
                skipping = False
                seen_tiers[tier] = number
                para = match["para"] or ""
            continue
        if skipping:
            continue
        item = _ITEM_RE.match(line)
        bullet = None if item else _BULLET_RE.match(line)
        if tier is None:
            report(
                number, 1,
                "text before the first tier heading: start the body with '## Priority tasks' "
                "(or another tier heading)",
                "MD007",
            )
            skipping = True
            continue
        current = items[-1] if items and items[-1].tier is tier else None
        if item and _is_subitem(item, current, style):
            roman = item["mark"]
            expected = _ROMANS[len(current.subtasks)] if len(current.subtasks) < len(_ROMANS) else None
            col = len(item["indent"]) + 1
            if roman != expected:
                report(number, col, f"sub-item ({roman}) out of order: expected ({expected})", "MD008")
            text = " ".join(item["rest"].split())
            if not text:
                report(number, col, f"sub-item ({roman}) has no text", "MD009")
            current.subtasks.append((f"{current.path}({roman})", [text] if text else [], number))
            continue
        if item or bullet:
            new_style = "letters" if item else "bullets"
            if style and style != new_style:
                report(number, 1, "do not mix lettered items '(a)' and bullets '-' in one section", "MD008")
            style = new_style
            rank = (current.rank + 1) if current else 1
            if item:
                letter = item["mark"]
                expected = chr(ord("a") + rank - 1) if rank <= 26 else None
                if letter != expected:
                    problem = "repeated" if current and letter <= current.path[-2:-1] else "out of order"
                    report(number, len(item["indent"]) + 1, f"task ({letter}) {problem}: expected ({expected})", "MD008")
                item_path, rest = f"{para}({letter})", item["rest"]
            else:
                item_path, rest = para, bullet["rest"]
            key = None
            key_match = _KEY_SUFFIX_RE.search(rest)
            if key_match:
                key = key_match["key"].strip()
                col = line.rfind("{#") + 1
                if not KEY_RE.match(key):
                    report(number, col, f"invalid key {{#{key}}}: use lower-case letters, digits and '-'", "MD011")
                    key = None
                elif key in keys:
                    report(number, col, f"duplicate key {{#{key}}} (first used on line {keys[key]})", "MD010")
                    key = None
                else:
                    keys[key] = number
                rest = rest[: key_match.start()]
            heading = " ".join(rest.split()).rstrip(":;").strip()
            if not heading:
                report(number, 1, "task has an empty heading", "MD009")
            items.append(_Item(tier, rank, item_path, heading, key, number))
            continue
        if current is None:
            continue  # the section's chapeau ("Decides that the mandate shall include ..."), kept out of tasks
        current.add_text(" ".join(stripped.split()))
    return [item.freeze() for item in items]


def _is_subitem(item: re.Match, current: _Item | None, style: str) -> bool:
    """Roman-numbered sub-items and letters overlap at (i), (v), (x): an indented marker is a
    sub-item, and an unindented one is a sub-item only when it cannot be the next letter."""
    mark = item["mark"]
    if current is None or mark not in _ROMANS:
        return False
    if item["indent"] or style == "bullets":
        return True
    next_letter = chr(ord("a") + current.rank) if current.rank < 26 else ""
    return mark != next_letter
