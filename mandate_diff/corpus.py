"""Finding mandates: the bundled data, ``--mandates`` directories and ``MANDATE_DIFF_PATH``, and
resolving a reference (year, resolution number, symbol or file path) to one mandate."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .errors import MandateFormatError, ReferenceNotFound
from .model import Mandate
from .parse import load

ENV_VAR = "MANDATE_DIFF_PATH"
DEFAULT_MISSION = "MINUSMA"

_SYMBOL_REF_RE = re.compile(r"^\s*S/RES/(?P<number>\d+)\s*(?:\(\s*(?P<year>\d{4})\s*\))?\s*$", re.I)


def bundled_dir() -> Path:
    """The mandates shipped with the package (inside it once installed; beside it in a checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "mandates"
    return installed if installed.is_dir() else here.parent / "mandates"


def mandate_files(directory: Path, on_error: Callable[[MandateFormatError], None] | None = None) -> list[Path]:
    """Every ``*.md`` file below ``directory`` except README files and hidden entries, sorted.

    Symbolic links to directories are not followed, so a link loop cannot make the walk endless;
    a link to a file is read like the file (a broken or looping one gets a clear read error).
    A directory that cannot be listed is a :class:`MandateFormatError`, raised unless ``on_error``
    takes it, rather than a silent gap in the corpus.
    """

    def unreadable(exc: OSError) -> None:
        error = MandateFormatError(exc.filename or directory, 1, 1,
                                   f"cannot read the directory: {exc.strerror or exc}", "MD001")
        if on_error is None:
            raise error
        on_error(error)

    found = []
    for root, dirs, files in os.walk(directory, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(".md") and not name.startswith(".") and name.lower() != "readme.md":
                found.append(Path(root) / name)
    return sorted(found)


class Corpus:
    """The set of mandates a command works on.

    ``dirs`` are searched after ``MANDATE_DIFF_PATH`` (when ``use_env``) and the bundled data
    (when ``bundled``). Files are parsed once, on first use.
    """

    def __init__(self, dirs: Iterable[Path | str] = (), *, bundled: bool = True, use_env: bool = True):
        directories: list[Path] = []
        if bundled:
            directories.append(bundled_dir())
        if use_env:
            directories += [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
        directories += [Path(d) for d in dirs]
        for directory in directories:
            if not directory.is_dir():
                what = "is not a directory" if directory.exists() else "does not exist"
                raise ReferenceNotFound(f"mandate directory {directory} {what}")
        self.dirs = directories
        self._mandates: list[Mandate] | None = None

    def files(self) -> list[Path]:
        seen: set[Path] = set()
        files = []
        for directory in self.dirs:
            for path in mandate_files(directory):
                resolved = path.resolve()
                if resolved not in seen:
                    seen.add(resolved)
                    files.append(path)
        return files

    def mandates(self, mission: str | None = None) -> list[Mandate]:
        """All mandates (of ``mission`` when given, case-insensitive), oldest first."""
        if self._mandates is None:
            loaded = [load(path) for path in self.files()]
            self._mandates = sorted(loaded, key=lambda m: (m.mission, m.adopted, m.symbol))
        if mission is None:
            return list(self._mandates)
        return [m for m in self._mandates if m.mission.casefold() == mission.casefold()]

    def missions(self) -> list[str]:
        return sorted({m.mission for m in self.mandates()})

    def mission_mandates(self, mission: str) -> list[Mandate]:
        """Like ``mandates(mission)`` but an unknown mission is an error naming the known ones."""
        found = self.mandates(mission)
        if not found:
            known = ", ".join(self.missions()) or "none"
            raise ReferenceNotFound(f"no mandates for mission {mission!r} (missions available: {known})")
        return found

    def resolve(self, ref: str, mission: str = DEFAULT_MISSION) -> Mandate:
        """One mandate from a year, resolution number, symbol or file path."""
        ref = ref.strip()
        symbol = _SYMBOL_REF_RE.match(ref)
        if symbol:
            candidates = [
                m for m in self.mandates()
                if m.number == symbol["number"] and (symbol["year"] is None or str(m.year) == symbol["year"])
            ]
            return self._one(ref, candidates, mission, "symbol")
        if ref.endswith(".md") or os.sep in ref or "/" in ref or Path(ref).is_file():
            return load(Path(ref))
        if ref.isdigit():
            pool = self.mission_mandates(mission)
            candidates = [m for m in pool if str(m.year) == ref or m.number == ref]
            return self._one(ref, candidates, mission, "year or resolution number")
        raise ReferenceNotFound(
            f"cannot read {ref!r} as a mandate reference: give a year (2018), a resolution number "
            f"(2423), a symbol ('S/RES/2423 (2018)') or a file path. {self._available(mission)}"
        )

    def _one(self, ref: str, candidates: Sequence[Mandate], mission: str, what: str) -> Mandate:
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise ReferenceNotFound(f"no {mission} mandate matches {what} {ref!r}. {self._available(mission)}")
        listed = "; ".join(f"{m.symbol} adopted {m.adopted} ({m.path})" for m in candidates)
        raise ReferenceNotFound(
            f"{ref!r} is ambiguous: it matches {listed}. Give the symbol or the file path instead."
        )

    def _available(self, mission: str) -> str:
        mandates = self.mandates(mission)
        if not mandates:
            known = ", ".join(self.missions()) or "none"
            return f"No mandates for mission {mission!r} (missions available: {known})."
        listed = ", ".join(f"{m.year} ({m.symbol})" for m in mandates)
        return f"Available for {mission}: {listed}."


def load_mandate(ref: str | Path, *, mission: str = DEFAULT_MISSION, dirs: Iterable[Path | str] = ()) -> Mandate:
    """Load one mandate by reference (year, resolution number, symbol) or by file path."""
    if isinstance(ref, Path):
        return load(ref)
    return Corpus(dirs).resolve(ref, mission)

