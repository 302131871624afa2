"""Rich tables for people at a terminal. Colour only when writing to a terminal; ``NO_COLOR`` is
honoured by Rich itself."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from .. import export
from ..model import TIER_ORDER, Mandate, Task, Tier
from ..redline import spaced

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


KIND_STYLES = {
    "added": "bold green", "dropped": "bold red", "moved": "blue", "retiered": "magenta",
    "promoted": "bold magenta", "demoted": "yellow", "reworded": "cyan", "unchanged": "dim",
}


def redline_text(segments) -> Text:
    text = Text()
    for gap, op, words in spaced(segments):
        text.append(gap)
        text.append(words, style={"delete": "red strike", "insert": "green underline"}.get(op, ""))
    return text


def _pos(task: Task | None) -> Text:
    return position(task.tier, task.rank) if task else Text("—", style="dim")


def diff(result, redline: bool = False, **_: Any) -> list:
    title = f"{result.new.mission}: {result.old.symbol} → {result.new.symbol}"
    table = Table(title=title, title_justify="left")
    table.add_column("Change", no_wrap=True)
    table.add_column("Old", no_wrap=True)
    table.add_column("New", no_wrap=True)
    table.add_column("Task")
    table.add_column("Match", no_wrap=True, style="dim")
    for change in result.changes:
        words = Text()
        for n, word in enumerate(export.movement(change).split(", ")):
            if n:
                words.append(", ")
            words.append(word, style=KIND_STYLES.get(word.split()[0], ""))
        if "dropped" in change.kinds:
            task_text = Text(change.task.heading, style="strike dim")
        elif redline and change.redline:
            task_text = redline_text(change.redline)
        else:
            task_text = Text(change.task.heading)
        if change.caveat:
            task_text.append(f"\n⚠ {change.caveat}", style="yellow")
        match = f"{change.match} {change.similarity:g}" if change.match else ""
        table.add_row(words, _pos(change.old), _pos(change.new), task_text, match)
    summary = Text(export.summary_line(result), style="bold")
    return [summary, table] if result.changes else [summary]


def timeline(line, **_: Any) -> list:
    columns = line.columns
    title = f"{line.mission}: tasks by tier and rank" + (f", {columns[0]}–{columns[-1]}" if columns else "")
    table = Table(title=title, title_justify="left")
    table.add_column("Task", overflow="fold", max_width=60)
    for col in columns:
        table.add_column(col, no_wrap=True, justify="center")
    for lin in line.lineages:
        cells = []
        for i in range(len(columns)):
            text = export.cell_text(line, lin, i)
            cell = lin.cells.get(i)
            cells.append(Text(text, style=TIER_STYLES[cell.task.tier] if cell else "dim red"))
        table.add_row(lin.label, *cells)
    legend = Text(f"S strategic · P priority · O other · T untiered. {export.MARKS_LEGEND}", style="dim")
    return [table, legend]


def track(result, **_: Any) -> list:
    lineage = result.lineage
    title = lineage.label + (f"  [{lineage.key}]" if lineage.key else "")
    table = Table(title=title, title_justify="left")
    for name in ("Year", "Symbol", "Pos", "Path"):
        table.add_column(name, no_wrap=True)
    table.add_column("Task (changes from the previous version)")
    for v in result.versions:
        if v.task is None:
            table.add_row(str(v.mandate.year), v.mandate.symbol, Text("—", style="dim"), "", Text("absent", style="dim"))
            continue
        body = redline_text(v.changes) if v.changes else Text(v.task.heading)
        table.add_row(str(v.mandate.year), v.mandate.symbol, position(v.task.tier, v.task.rank), v.task.path or "—", body)
    return [table]
