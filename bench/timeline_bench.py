"""Wall time and peak memory of `mandate-diff timeline` over synthetic corpora.

    python bench/timeline_bench.py [--sizes 250 500 1000] [--tasks 50] [--no-keys]

Each size runs the real command in a fresh process (loading and parsing every file included),
with the JSON output sent to /dev/null; peak memory is the child's maximum resident set size.
Target: 1,000 mandates x 50 tasks in at most 2 s and 300 MB, growing linearly with the count.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gen_corpus import generate  # noqa: E402


def run(directory: Path) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "mandate_diff", "timeline", "--no-bundled", "--mandates", str(directory),
           "--mission", "SYNTH", "--format", "json"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak_kb, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--no-keys", dest="keys", action="store_false")
    args = parser.parse_args()
    print(f"{'mandates':>8} {'tasks':>5} {'keys':>5} {'seconds':>8} {'peak MB':>8} {'ms/mandate':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            directory = Path(tmp) / str(size)
            generate(directory, size, args.tasks, seed=7, keys=args.keys)
            seconds, peak = run(directory)
            print(f"{size:>8} {args.tasks:>5} {str(args.keys):>5} {seconds:8.2f} {peak:8.1f} {1000 * seconds / size:10.2f}")


if __name__ == "__main__":
    main()
