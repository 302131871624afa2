"""Write a synthetic corpus of N mandates x M tasks for the timeline benchmark.

    python bench/gen_corpus.py OUT_DIR --mandates 1000 --tasks 50 [--seed 7] [--keys/--no-keys]

Each mandate is the previous one with realistic churn: a few tasks reworded (words swapped,
inserted or dropped), a few moved within their tier, one occasionally moved between tiers, a few
dropped (some restored later) and a few added. Tiers: about 4 % strategic, 70 % priority, the
rest other.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("support protection civilians stabilization restoration authority state reconciliation dialogue "
         "electoral process justice human rights humanitarian assistance cultural heritage ceasefire agreement "
         "implementation reform security sector defence mines weapons ammunition sanctions cooperation "
         "monitoring reporting women children displaced persons return governance institutions local national "
         "centre north border patrols quick impact projects coordination partners regional strategy").split()
TIERS = ("strategic", "priority", "other")
HEADINGS = {"strategic": "## Strategic priorities", "priority": "## Priority tasks", "other": "## Other tasks"}


def heading(rng: random.Random) -> list[str]:
    return rng.sample(WORDS, rng.randint(4, 9))


def reword(rng: random.Random, words: list[str]) -> list[str]:
    words = list(words)
    action = rng.random()
    if action < 0.4 and len(words) > 4:
        words.pop(rng.randrange(len(words)))
    elif action < 0.8:
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
    else:
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return words


def generate(out: Path, n_mandates: int, n_tasks: int, seed: int, keys: bool) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    next_id = 0
    tasks = []  # [key, tier, words]
    for _ in range(n_tasks):
        tier = "strategic" if rng.random() < 0.04 else ("priority" if rng.random() < 0.73 else "other")
        tasks.append([f"t{next_id}", tier, heading(rng)])
        next_id += 1
    graveyard = []
    for index in range(n_mandates):
        if index:
            for task in rng.sample(tasks, k=min(3, len(tasks))):
                task[2] = reword(rng, task[2])
            for _ in range(2):
                i, j = rng.randrange(len(tasks)), rng.randrange(len(tasks))
                tasks[i], tasks[j] = tasks[j], tasks[i]
            if rng.random() < 0.3:
                rng.choice(tasks)[1] = rng.choice(TIERS)
            for _ in range(rng.randint(0, 2)):
                if len(tasks) > n_tasks // 2:
                    graveyard.append(tasks.pop(rng.randrange(len(tasks))))
            while len(tasks) < n_tasks:
                if graveyard and rng.random() < 0.3:
                    tasks.insert(rng.randrange(len(tasks) + 1), graveyard.pop(rng.randrange(len(graveyard))))
                else:
                    tier = "priority" if rng.random() < 0.7 else "other"
                    tasks.insert(rng.randrange(len(tasks) + 1), [f"t{next_id}", tier, heading(rng)])
                    next_id += 1
        year = 1946 + index  # the parser accepts 1945-2999
        lines = ["---", "mission: SYNTH", f"symbol: S/RES/{10000 + index} ({year})", f"year: {year}",
                 f"adopted: {year}-06-30", "paragraphs: unconfirmed", "wording: abridged",
                 "source: bench/gen_corpus.py", "---"]
        for tier in TIERS:
            members = [t for t in tasks if t[1] == tier]
            if not members:
                continue
            lines.append(HEADINGS[tier])
            for key, _, words in members:
                text = " ".join(words).capitalize()
                lines.append(f"- {text} {{#{key}}}" if keys else f"- {text}")
        (out / f"{year}.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mandates", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-keys", dest="keys", action="store_false")
    args = parser.parse_args()
    generate(args.out, args.mandates, args.tasks, args.seed, args.keys)


if __name__ == "__main__":
    main()
