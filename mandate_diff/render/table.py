"""Rich tables for people at a terminal. Colour only when writing to a terminal; ``NO_COLOR`` is
honoured by Rich itself."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..model import TIER_ORDER, Mandate, Tier

TIER_STYLES = {Tier.STRATEGIC: "bold magenta", Tier.PRIORITY: "cyan", Tier.OTHER: "yellow", Tier.TASK: "green"}


def console(out: TextIO) -> Console:
    # Wide enough for the tables when piped; a terminal's own width wins when there is one.
    return Console(file=out, width=None if out.isatty() else 120, soft_wrap=False, highlight=False)


def position(tier: Tier, rank: int) -> Text:
    return Text(f"{tier.letter}{rank}", style=TIER_STYLES[tier])


def list(mandates: list[Mandate], **_: Any) -> list:  # noqa: A001 - named after the command
    table = Table(title="Mandates", title_justify="left")
    for name, justify in (("Mission", "left"), ("Year", "right"), ("Symbol", "left"), ("Adopted", "left"),
                          ("Strategic", "right"), ("Priority", "right"), ("Other", "right"),
                          ("Untiered", "right"), ("Wording", "left")):
        table.add_column(name, justify=justify)
    for m in mandates:
        c = m.tier_counts()
        table.add_row(m.mission, str(m.year), m.symbol, m.adopted.isoformat(),
                      *(str(c[t]) if c[t] else "·" for t in ("strategic", "priority", "other", "task")), m.wording)
    return [table]


def show(mandate: Mandate, full: bool = False, **_: Any) -> list:
    title = f"{mandate.mission} {mandate.year} · {mandate.symbol} · adopted {mandate.adopted.isoformat()}"
    table = Table(title=title, title_justify="left", show_lines=full)
    table.add_column("Pos", no_wrap=True)
    table.add_column("Path", no_wrap=True)
    table.add_column("Task")
    table.add_column("Key", style="dim", no_wrap=True)
    for tier in TIER_ORDER:
        for task in mandate.tier(tier):
            body = Text(task.heading)
            if full:
                if task.text:
                    body.append("\n" + task.text, style="dim")
                for sub in task.subtasks:
                    body.append(f"\n{sub.path} {sub.text}", style="dim")
            table.add_row(position(tier, task.rank), task.path or "—", body, task.key or "")
    notes = [Text(f"Wording: {mandate.wording}. Tiers: S strategic priority, P priority task, "
                  "O other task, T untiered task.", style="dim")]
    for tier in mandate.incomplete:
        notes.append(Text(f"The list of {tier.label}s is known to be incomplete.", style="yellow"))
    notes += [Text(f"Unconfirmed: {u}", style="dim") for u in mandate.unconfirmed]
    return [table, Group(*notes)]
