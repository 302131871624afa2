"""The ``mandate-diff`` command: a thin Typer layer over the library.

Each command resolves its arguments through the library, hands the result to
``render.emit`` and leaves error handling to ``_handled``, the one place where library
exceptions become a message on stderr and an exit code (docs/cli.md lists the codes).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .align import DEFAULT_THRESHOLD, check_threshold
from .corpus import DEFAULT_MISSION, Corpus
from .diff import KINDS, check_kinds
from .diff import diff as compute_diff
from .errors import MandateDiffError, MandateFormatError, ReferenceNotFound, UsageError
from .export import count
from .render import VALIDATE_FORMATS, check_format, emit, render, write_atomically
from .report import report as build_report
from .timeline import timeline as build_timeline
from .timeline import track as find_track
from .validate import validate

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

app = typer.Typer(
    name="mandate-diff",
    help=(
        "Compare UN peacekeeping mandates: what the Security Council added, dropped, reordered, "
        "promoted, demoted or reworded between two resolutions, and how every task moved over the years.\n\n"
        "Mandates are referred to by year (2018), resolution number (2423), symbol ('S/RES/2423 (2018)') "
        "or file path. MINUSMA (Mali) mandates are bundled; add your own with --mandates DIR or "
        "the MANDATE_DIFF_PATH variable.\n\n"
        "Exit codes: 0 success; 1 differences or problems found (with --exit-code, validate, track); "
        "2 bad input or usage; 70 internal error."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug = {"on": False}


def _handled(command):
    """Turn library errors into ``message`` on stderr plus an exit code; never a traceback
    unless --debug (or MANDATE_DIFF_DEBUG) asks for one."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except MandateFormatError as exc:
            if _debug["on"]:
                raise
            _print_error(str(exc), prefix=False)
            raise typer.Exit(exc.exit_code) from None
        except MandateDiffError as exc:
            if _debug["on"]:
                raise
            _print_error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:  # a bug: say so plainly, keep the traceback for --debug
            if _debug["on"]:
                raise
            _print_error(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug for the traceback")
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def _print_error(message: str, prefix: bool = True) -> None:
    sys.stderr.write(("mandate-diff: error: " if prefix else "") + message + "\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mandate-diff {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show Python tracebacks for errors.")] = False,
) -> None:
    _debug["on"] = debug or bool(os.environ.get("MANDATE_DIFF_DEBUG"))


MandatesOpt = Annotated[
    list[Path],
    typer.Option(
        "--mandates",
        metavar="DIR",
        help="Also read mandate files (*.md) below DIR; repeatable. MANDATE_DIFF_PATH adds more.",
    ),
]
NoBundledOpt = Annotated[bool, typer.Option("--no-bundled", help="Leave out the bundled mandates.")]
MissionOpt = Annotated[str, typer.Option("--mission", "-m", help="Mission whose mandates years and numbers refer to.")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="Output format: table, json, csv or markdown.")]
FromOpt = Annotated[Optional[int], typer.Option("--from", metavar="YEAR", help="First year to include.")]
ToOpt = Annotated[Optional[int], typer.Option("--to", metavar="YEAR", help="Last year to include.")]
ThresholdOpt = Annotated[float, typer.Option("--threshold", help="Similarity (0-100) below which tasks are not matched.")]
IgnoreKeysOpt = Annotated[bool, typer.Option("--ignore-keys", help="Match tasks on their text alone, ignoring lineage keys.")]


def _corpus(mandates: list[Path] | None, no_bundled: bool = False) -> Corpus:
    return Corpus(mandates or (), bundled=not no_bundled)


@app.command("list")
@_handled
def list_command(
    mission: Annotated[
        Optional[str], typer.Option("--mission", "-m", help="Only this mission's mandates (default: all).")
    ] = None,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """List the mandates available: mission, year, symbol, adoption date and tasks per tier.

    Examples:

      mandate-diff list

      mandate-diff list --format json

      mandate-diff list --mandates ./my-mandates --mission UNMISS
    """
    check_format(fmt)
    corpus = _corpus(mandates, no_bundled)
    found = corpus.mission_mandates(mission) if mission else corpus.mandates()
    emit("list", found, fmt)


@app.command()
@_handled
def show(
    ref: Annotated[str, typer.Argument(metavar="REF", help="Year, resolution number, symbol or file path.")],
    full: Annotated[bool, typer.Option("--full", help="Add each task's text and sub-items.")] = False,
    mission: MissionOpt = DEFAULT_MISSION,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Show one mandate's tasks by tier and rank (S strategic, P priority, O other, T untiered).

    Examples:

      mandate-diff show 2018

      mandate-diff show 2423 --full

      mandate-diff show mandates/minusma/2019-s-res-2480.md --format json
    """
    check_format(fmt)
    mandate = _corpus(mandates, no_bundled).resolve(ref, mission)
    emit("show", mandate, fmt, full=full)


def _kinds(values: list[str] | None) -> list[str]:
    return [k for v in values or () for k in v.split(",")]


@app.command("diff")
@_handled
def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The earlier mandate: year, number, symbol or path.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The later mandate.")],
    redline: Annotated[bool, typer.Option("--redline", help="Show the changed words inside reworded tasks.")] = False,
    only: Annotated[
        Optional[list[str]],
        typer.Option("--only", metavar="KINDS",
                     help="Show only these kinds (comma-separated): added, dropped, moved, retiered, "
                          "promoted, demoted, reworded, unchanged."),
    ] = None,
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when there are changes (of the --fail-on kinds), like git diff.")
    ] = False,
    fail_on: Annotated[
        Optional[list[str]],
        typer.Option("--fail-on", metavar="KINDS", help="Kinds that count for --exit-code (default: all but unchanged)."),
    ] = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    ignore_keys: IgnoreKeysOpt = False,
    mission: MissionOpt = DEFAULT_MISSION,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Compare two mandates: what was added, dropped, moved, promoted/demoted or reworded.

    Rows follow the new mandate's order; dropped tasks stand where they were. Moves are counted
    after removing tasks that entered or left the tier, so one insertion does not move the rest.

    Examples:

      mandate-diff diff 2015 2019

      mandate-diff diff 2018 2019 --redline --only reworded,added

      mandate-diff diff 2423 2480 --format json

      mandate-diff diff old.md new.md --exit-code --fail-on added,dropped
    """
    check_format(fmt)
    fail_kinds = check_kinds(_kinds(fail_on)) if fail_on else None
    only_kinds = check_kinds(_kinds(only)) if only else None
    corpus = _corpus(mandates, no_bundled)
    result = compute_diff(
        corpus.resolve(old, mission), corpus.resolve(new, mission), threshold=check_threshold(threshold),
        ignore_keys=ignore_keys,
    )
    emit("diff", result.only(only_kinds) if only_kinds else result, fmt, redline=redline)
    if exit_code and result.has_changes(fail_kinds or KINDS[:-1]):
        raise typer.Exit(EXIT_FOUND)


def _mission_span(corpus: Corpus, mission: str, start: int | None, end: int | None) -> list:
    found = [m for m in corpus.mission_mandates(mission)
             if (start is None or m.year >= start) and (end is None or m.year <= end)]
    if not found:
        raise ReferenceNotFound(f"no {mission} mandates between {start or 'the first'} and {end or 'the last'}")
    return found


@app.command("timeline")
@_handled
def timeline_command(
    mission: MissionOpt = DEFAULT_MISSION,
    start: FromOpt = None,
    end: ToOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    ignore_keys: IgnoreKeysOpt = False,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Every task's tier and rank across all mandates of a mission, one row per task.

    Cells read S1 (first strategic priority), P2 (second priority task), O3, T4 (untiered);
    marks show where a task entered (+), returned, moved (↑↓), was promoted or demoted (▲▼),
    was reworded (~) or left (×).

    Examples:

      mandate-diff timeline

      mandate-diff timeline --from 2015 --to 2019 --format markdown

      mandate-diff timeline --format json > minusma-timeline.json
    """
    check_format(fmt)
    found = _mission_span(_corpus(mandates, no_bundled), mission, start, end)
    emit("timeline", build_timeline(found, threshold=check_threshold(threshold), ignore_keys=ignore_keys), fmt)


@app.command("track")
@_handled
def track_command(
    query: Annotated[list[str], typer.Argument(metavar="QUERY...", help="A lineage key, or words of a task heading.")],
    mission: MissionOpt = DEFAULT_MISSION,
    start: FromOpt = None,
    end: ToOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    ignore_keys: IgnoreKeysOpt = False,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: FormatOpt = "table",
) -> None:
    """Follow one task through the years: tier, rank, path and the words changed each time.

    QUERY is a lineage key (exact) or words that must all appear in one of the task's headings.
    No match, or more than one, exits 1 and lists what was found.

    Examples:

      mandate-diff track ceasefire

      mandate-diff track protection-of-civilians --format markdown

      mandate-diff track State authority centre
    """
    check_format(fmt)
    found = _mission_span(_corpus(mandates, no_bundled), mission, start, end)
    line = build_timeline(found, threshold=check_threshold(threshold), ignore_keys=ignore_keys)
    emit("track", find_track(line, " ".join(query)), fmt)


@app.command("validate")
@_handled
def validate_command(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(metavar="[PATHS]...", help="Mandate files or directories (default: the bundled mandates, MANDATE_DIFF_PATH and --mandates)."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format: text (path:line:col: CODE message), json or github (workflow annotations).")
    ] = "text",
) -> None:
    """Check mandate files for CI: every problem of every file in one run, with its code.

    Exit 0 when there is no error (warnings alone pass unless --strict), 1 when problems were
    found, 2 for usage errors. Codes are listed in docs/validate.md. Files are only read.

    Examples:

      mandate-diff validate

      mandate-diff validate mandates/ --strict

      mandate-diff validate --no-bundled --mandates my-mandates --format github
    """
    check_format(fmt, VALIDATE_FORMATS)
    targets = [*paths, *(mandates or ())] if paths else _corpus(mandates, no_bundled).dirs
    report = validate(targets, strict=strict)
    emit("validate", report, fmt)
    if fmt == "text":
        sys.stderr.write(report.summary() + "\n")
    if not report.ok:
        raise typer.Exit(EXIT_FOUND)


@app.command("report")
@_handled
def report_command(
    refs: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="[OLD NEW]", help="Two mandates for a report on one pair (default: all of the mission's)."),
    ] = None,
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the page here (default: standard output).")
    ] = None,
    mission: MissionOpt = DEFAULT_MISSION,
    start: FromOpt = None,
    end: ToOpt = None,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    ignore_keys: IgnoreKeysOpt = False,
    mandates: MandatesOpt = None,
    no_bundled: NoBundledOpt = False,
) -> None:
    """Write a self-contained HTML page: a chart of every task's tier and rank, the diffs, the sources.

    The chart follows every task over the years; each year-to-year diff shows its changed words;
    each mandate's metadata and sources close the page. The page loads nothing from outside (no
    scripts, fonts or styles from the web) and prints cleanly to PDF.

    Examples:

      mandate-diff report -o minusma.html

      mandate-diff report --from 2015 --to 2019 -o minusma-2015-2019.html

      mandate-diff report 2018 2019 -o renewal-2019.html
    """
    corpus = _corpus(mandates, no_bundled)
    if refs:
        if len(refs) != 2 or start is not None or end is not None:
            raise UsageError("give two mandates (OLD NEW), or none with --from/--to for a whole mission")
        found = [corpus.resolve(ref, mission) for ref in refs]
    else:
        found = _mission_span(corpus, mission, start, end)
    if output is None and sys.stdout.isatty():
        raise UsageError("the report is an HTML page: give -o FILE, or redirect standard output to a file")
    result = build_report(found, threshold=check_threshold(threshold), ignore_keys=ignore_keys)
    if output is None or str(output) == "-":
        emit("report", result, "html")
        return
    _refuse_input_as_output(output, found)
    write_atomically(output, render("report", result, "html"))
    sys.stderr.write(f"wrote {output} ({count(len(found), 'mandate')})\n")


def _refuse_input_as_output(output: Path, inputs: list) -> None:
    target = output.resolve()
    for mandate in inputs:
        if mandate.path and Path(mandate.path).resolve() == target:
            raise UsageError(f"{output} is an input mandate file; choose another output file")


def run() -> None:
    """Console-script entry point."""
    if hasattr(__import__("signal"), "SIGPIPE"):
        import signal

        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `mandate-diff ... | head` ends quietly
    app(prog_name="mandate-diff")
