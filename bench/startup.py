"""Start-up cost of the CLI against ``python -c "import typer"``, medians of N runs in one go.

    python -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install .
    /tmp/bench-venv/bin/python bench/startup.py [--runs 21]

Run it with the interpreter of a normal (non-editable) install: pip byte-compiles the package
there, as a user's install is. The commands run from a scratch directory, so the checkout's own
sources are not picked up instead. ``PYTHONDONTWRITEBYTECODE`` is dropped from their environment,
since with it nothing the project imports would come from byte-code.

Targets (issue: diff command): ``diff 2015 2019 --format json`` within 1.5x and the table form
within 2.0x of the typer baseline. Also reports whether Rich was imported on the JSON path.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The console script a user types, from the same environment as the interpreter.
SCRIPT = os.path.join(os.path.dirname(sys.executable), "mandate-diff")
CLI = [SCRIPT] if os.path.exists(SCRIPT) else [sys.executable, "-m", "mandate_diff"]
COMMANDS = {
    "baseline: python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "mandate-diff diff 2015 2019 --format json": [*CLI, "diff", "2015", "2019", "--format", "json"],
    "mandate-diff diff 2015 2019 (table)": [*CLI, "diff", "2015", "2019"],
    "mandate-diff show 2018 --format json": [*CLI, "show", "2018", "--format", "json"],
    "mandate-diff list --format json": [*CLI, "list", "--format", "json"],
}


SCRATCH = tempfile.mkdtemp(prefix="mandate-diff-bench-")
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MANDATE_DIFF_PATH")}


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=SCRATCH, env=ENV)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rich_imported_on_json_path() -> bool:
    probe = (
        "import sys, io, contextlib\n"
        "from mandate_diff.cli import app\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: app(['diff', '2015', '2019', '--format', 'json'])\n"
        "    except SystemExit: pass\n"
        "print('rich' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=SCRATCH, env=ENV)
    return out.stdout.strip() == "True"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    results = {name: median_seconds(cmd, args.runs) for name, cmd in COMMANDS.items()}
    base = next(iter(results.values()))
    for name, seconds in results.items():
        print(f"{name:45} {seconds * 1000:7.1f} ms  {seconds / base:4.2f}x")
    print(f"rich imported by diff --format json: {rich_imported_on_json_path()}")


if __name__ == "__main__":
    main()
