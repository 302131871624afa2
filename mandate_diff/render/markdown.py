"""Markdown for reports: headings, numbered lists and pipe tables that paste into any editor."""

from __future__ import annotations

from typing import Any

from .. import export
from ..model import TIER_ORDER, Mandate, Task
from ..redline import spaced

_TIER_TITLES = {
    "strategic": "Strategic priorities",
    "priority": "Priority tasks",
    "other": "Other tasks",
    "task": "Tasks",
}


def cell(text: Any) -> str:
    """Text made safe for one cell of a pipe table."""
    return str("" if text is None else text).replace("|", "\\|").replace("\n", " ")


def pipe_table(headers: list[str], rows: list[list[Any]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def list(mandates: list[Mandate], **_: Any) -> str:  # noqa: A001 - named after the command
    rows = []
    for m in mandates:
        counts = m.tier_counts()
        rows.append([m.mission, m.year, m.symbol, m.adopted.isoformat(), m.wording,
                     counts["strategic"], counts["priority"], counts["other"], counts["task"]])
    return pipe_table(["Mission", "Year", "Symbol", "Adopted", "Wording", "Strategic", "Priority", "Other", "Untiered"], rows)


def show(mandate: Mandate, full: bool = False, **_: Any) -> str:
    out = [f"# {mandate.mission} {mandate.year}: {mandate.symbol}", ""]
    out.append(f"Adopted {mandate.adopted.isoformat()} · wording {mandate.wording}")
    out.append("")
    for tier in TIER_ORDER:
        tasks = mandate.tier(tier)
        if not tasks:
            continue
        out += [f"## {_TIER_TITLES[tier.value]}", ""]
        for task in tasks:
            where = f" ({task.path})" if task.path else ""
            key = f" `{task.key}`" if task.key else ""
            out.append(f"{task.rank}. **{task.heading}**{where}{key}")
            if full:
                if task.text:
                    out.append(f"   {task.text}")
                out += [f"   - {s.path or ''} {s.text}".rstrip() for s in task.subtasks]
        out.append("")
    if mandate.unconfirmed:
        out += ["Unconfirmed:", ""] + [f"- {u}" for u in mandate.unconfirmed] + [""]
    return "\n".join(out)


def redline_markdown(segments) -> str:
    """Deleted words ~~struck~~, inserted words **bold**."""
    marks = {"delete": "~~{}~~", "insert": "**{}**", "equal": "{}"}
    return "".join(gap + marks[op].format(text) for gap, op, text in spaced(segments))


def _where(task: Task | None) -> str:
    return task.position if task else ""


def diff(result, **_: Any) -> str:
    old, new = result.old, result.new
    out = [f"## {new.mission}: {old.symbol} → {new.symbol}", "", export.summary_line(result), ""]
    rows = []
    for change in result.changes:
        task = change.task
        text = task.heading
        if change.redline:
            text = redline_markdown(change.redline)
        elif "dropped" in change.kinds:
            text = f"~~{task.heading}~~"
        if change.caveat:
            text += f" (caveat: {change.caveat})"
        similarity = f"{change.match} {change.similarity:g}" if change.match else ""
        rows.append([export.movement(change), _where(change.old), _where(change.new), text, similarity])
    out.append(pipe_table(["Change", "Old", "New", "Task", "Match"], rows))
    return "\n".join(out)


def timeline(line, **_: Any) -> str:
    columns = line.columns
    rows = [[lin.label, *(export.cell_text(line, lin, i) for i in range(len(columns)))] for lin in line.lineages]
    out = [f"## {line.mission}: tasks by tier and rank, {columns[0]}–{columns[-1]}" if columns else f"## {line.mission}",
           "", pipe_table(["Task", *columns], rows), f"S strategic · P priority · O other · T untiered. {export.MARKS_LEGEND}", ""]
    return "\n".join(out)


def track(result, **_: Any) -> str:
    rows = []
    for v in result.versions:
        if v.task is None:
            rows.append([v.mandate.year, v.mandate.symbol, "", "", "(absent)"])
            continue
        text = redline_markdown(v.changes) if v.changes else v.task.heading
        rows.append([v.mandate.year, v.mandate.symbol, v.task.position, v.task.path, text])
    title = f"## {result.lineage.label}" + (f" (`{result.lineage.key}`)" if result.lineage.key else "")
    return "\n".join([title, "", pipe_table(["Year", "Symbol", "Pos", "Path", "Task"], rows)])
