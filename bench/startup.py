"""Start-up cost of the CLI against ``python -c "import typer"``, medians of N runs in one go.

    python bench/startup.py [--runs 21]

Targets (issue: diff command): ``diff 2015 2019 --format json`` within 1.5x and the table form
within 2.0x of the typer baseline. Also reports whether Rich was imported on the JSON path.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "baseline: python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "diff 2015 2019 --format json": [sys.executable, "-m", "mandate_diff", "diff", "2015", "2019", "--format", "json"],
    "diff 2015 2019 (table)": [sys.executable, "-m", "mandate_diff", "diff", "2015", "2019"],
    "show 2018 --format json": [sys.executable, "-m", "mandate_diff", "show", "2018", "--format", "json"],
}


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
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
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    results = {name: median_seconds(cmd, args.runs) for name, cmd in COMMANDS.items()}
    base = next(iter(results.values()))
    for name, seconds in results.items():
        print(f"{name:40} {seconds * 1000:7.1f} ms  {seconds / base:4.2f}x")
    print(f"rich imported by diff --format json: {rich_imported_on_json_path()}")


if __name__ == "__main__":
    main()
