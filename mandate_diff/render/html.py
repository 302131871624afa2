"""One self-contained HTML page: a bump chart (inline SVG) of every task's tier and rank over the
years, the year-to-year diffs with word-level redlines, and each mandate's metadata and sources.

Nothing is loaded from outside: no scripts, fonts, images or style sheets, only inline CSS and
SVG, so the file can be mailed, archived and printed as it is. Colour is never the only signal:
lines carry numbers, tiers are labelled bands, changes are words.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .. import export
from ..model import TIER_ORDER, Tier
from ..redline import spaced

# Okabe-Ito, which stays distinguishable for the common forms of colour blindness.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D00")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
TIER_FILLS = {Tier.STRATEGIC: "#f3e8ff", Tier.PRIORITY: "#e0f2fe", Tier.TASK: "#dcfce7", Tier.OTHER: "#fef9c3"}
TIER_TITLES = {Tier.STRATEGIC: "Strategic priorities", Tier.PRIORITY: "Priority tasks",
               Tier.TASK: "Tasks (untiered)", Tier.OTHER: "Other tasks"}

ROW = 28          # vertical distance between two ranks
BAND_GAP = 18     # space between two tier bands
LEFT = 130        # room for the band titles and rank labels
TOP = 44          # room for the year labels
LABELS = 380      # room right of the last column for the labels of the tasks still there
MIN_STEP = 70     # narrowest distance between two year columns
PLOT = 660        # width the year columns share when there are few of them

CSS = """
:root { --ink: #1f2933; --muted: #52606d; --rule: #cbd2d9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1240px; padding: 24px 20px 48px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.3em; margin: 36px 0 8px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.08em; margin: 24px 0 6px; }
.meta, .legend, figcaption, footer { color: var(--muted); font-size: .9em; }
nav ol { columns: 2; margin: 8px 0; }
figure { margin: 12px 0; } .chart { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; }
svg text { font-family: inherit; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: .93em; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; } td.pos, td.match { white-space: nowrap; font-variant-numeric: tabular-nums; }
.kind { display: inline-block; border-radius: 4px; padding: 0 6px; margin: 1px 2px 1px 0; font-size: .85em;
        border: 1px solid currentColor; white-space: nowrap; }
.added { color: #05603a; background: #e3fcef; } .dropped { color: #9b1c1c; background: #fde8e8; }
.moved { color: #1e429f; background: #e1effe; } .promoted, .retiered { color: #6c2bd9; background: #f3e8ff; }
.demoted { color: #8a4b08; background: #fdf6b2; } .reworded { color: #0e7490; background: #e0f7fa; }
.unchanged { color: var(--muted); background: #f5f7fa; }
del { color: #9b1c1c; background: #fde8e8; text-decoration: line-through; }
ins { color: #05603a; background: #e3fcef; text-decoration: underline; }
.struck { text-decoration: line-through; color: var(--muted); }
.caveat { color: #8a4b08; font-size: .9em; }
.s { background: #f3e8ff; } .p { background: #e0f2fe; } .t { background: #dcfce7; } .o { background: #fef9c3; }
td.cell { text-align: center; white-space: nowrap; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 6px 0; }
dt { font-weight: 600; } dd { margin: 0; }
.mandate { break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  .chart { overflow: visible; border: none; } .chart svg { width: 100%; height: auto; }
  h2, h3, section > p { break-after: avoid; } tr, figure, .mandate { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 14mm; }
}
"""


def e(text: Any) -> str:
    return escape("" if text is None else str(text), quote=True)


def _tier_class(tier: Tier) -> str:
    return tier.letter.lower()


def _anchor(report, index: int) -> str:
    return f"diff-{report.mandates[index].year}-{report.mandates[index].number}"


# --- chart --------------------------------------------------------------------------------------


def _layout(line) -> tuple[dict[Tier, int], dict[Tier, int], int]:
    """Band order and sizes: each tier present gets rows for its largest count in any year."""
    depth = {tier: max((len(m.tier(tier)) for m in line.mandates), default=0) for tier in TIER_ORDER}
    tops, y = {}, TOP
    for tier in TIER_ORDER:
        if depth[tier]:
            tops[tier] = y
            y += depth[tier] * ROW + BAND_GAP
    return tops, depth, y


def chart(report) -> str:
    line = report.timeline
    columns = line.columns
    count = len(columns)
    step = max(MIN_STEP, PLOT / max(count - 1, 1))
    width = int(LEFT + step * max(count - 1, 0) + LABELS)
    tops, depth, height = _layout(line)

    def x(index: int) -> float:
        return LEFT + 20 + index * step

    def y(task) -> float:  # noqa: ANN001
        return tops[task.tier] + (task.rank - 0.5) * ROW

    out = [
        f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{e(line.mission)}: tier and rank of every task, '
        f'{e(columns[0] if columns else "")}–{e(columns[-1] if columns else "")}</title>',
        '<desc id="chart-desc">One numbered line per task. Bands are tiers, strategic priorities on top; '
        "a higher position is a higher rank. A ring marks where a task entered, a cross the year after it "
        "left. The table below the chart gives the same facts as text.</desc>",
    ]
    for tier, top in tops.items():
        band_h = depth[tier] * ROW
        out.append(f'<rect x="{LEFT - 6}" y="{top}" width="{width - LEFT}" height="{band_h}" fill="{TIER_FILLS[tier]}"/>')
        first, _, rest = TIER_TITLES[tier].partition(" ")
        out.append(f'<text x="8" y="{top + 16}" font-size="13" font-weight="600">{e(first)}'
                   f'<tspan x="8" dy="15">{e(rest)}</tspan></text>')
        for rank in range(1, depth[tier] + 1):
            ry = top + (rank - 0.5) * ROW
            out.append(f'<text x="{LEFT - 8}" y="{ry + 4:.1f}" font-size="11" text-anchor="end" fill="#52606d">'
                       f"{tier.letter}{rank}</text>")
    for index, column in enumerate(columns):
        out.append(f'<line x1="{x(index):.1f}" y1="{TOP - 8}" x2="{x(index):.1f}" y2="{height - BAND_GAP}" '
                   'stroke="#9aa5b1" stroke-width="0.6"/>')
        out.append(f'<text x="{x(index):.1f}" y="{TOP - 16}" font-size="13" font-weight="600" '
                   f'text-anchor="middle">{e(column)}</text>')
    for number, lineage in enumerate(line.lineages, 1):
        colour = PALETTE[(number - 1) % len(PALETTE)]
        dash = DASHES[((number - 1) // len(PALETTE)) % len(DASHES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        present = sorted(lineage.cells)
        parts = [f'<g class="lineage"><title>{number}. {e(lineage.label)}</title>']
        for a, b in zip(present, present[1:]):
            ta, tb = lineage.cells[a].task, lineage.cells[b].task
            gap = ' stroke-dasharray="1 5"' if b - a > 1 else dash_attr  # a return after a gap: dotted
            parts.append(f'<line x1="{x(a):.1f}" y1="{y(ta):.1f}" x2="{x(b):.1f}" y2="{y(tb):.1f}" '
                         f'stroke="{colour}" stroke-width="2.5"{gap}/>')
        for index in present:
            cell = lineage.cells[index]
            cx, cy = x(index), y(cell.task)
            entered = "entered" in cell.marks or "returned" in cell.marks
            what = f"{columns[index]}: {cell.task.position} ({cell.task.tier.label} {cell.task.rank})"
            if cell.marks and index:
                what += ", " + ", ".join(m.replace("-", " ") for m in cell.marks)
            parts.append(f"<g><title>{number}. {e(lineage.label)}: {e(what)}</title>")
            if entered and index:
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="12.5" fill="none" stroke="{colour}" '
                             'stroke-width="1.5"/>')
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="9.5" fill="#fff" stroke="{colour}" stroke-width="2"/>')
            parts.append(f'<text x="{cx:.1f}" y="{cy + 3.8:.1f}" font-size="10.5" text-anchor="middle" '
                         f'font-weight="600">{number}</text></g>')
            if lineage.left_after(index, count):
                lx = x(index + 1)
                parts.append(f'<g><title>{number}. {e(lineage.label)}: not in {e(columns[index + 1])}</title>'
                             f'<text x="{lx:.1f}" y="{cy + 5:.1f}" font-size="16" text-anchor="middle" '
                             f'fill="{colour}" font-weight="700">×</text></g>')
        if count and count - 1 in lineage.cells:
            last = lineage.cells[count - 1].task
            label = lineage.label if len(lineage.label) <= 46 else lineage.label[:45].rstrip() + "…"
            parts.append(f'<text x="{x(count - 1) + 18:.1f}" y="{y(last) + 4:.1f}" font-size="12">'
                         f"{number}. {e(label)}</text>")
        parts.append("</g>")
        out += parts
    out.append("</svg>")
    return "\n".join(out)


# --- tables -------------------------------------------------------------------------------------


def timeline_table(report) -> str:
    line = report.timeline
    head = "".join(f"<th scope=\"col\">{e(c)}</th>" for c in line.columns)
    rows = []
    for number, lineage in enumerate(line.lineages, 1):
        cells = []
        for index in range(len(line.columns)):
            cell = lineage.cells.get(index)
            text = export.cell_text(line, lineage, index)
            klass = f"cell {_tier_class(cell.task.tier)}" if cell else "cell"
            cells.append(f'<td class="{klass}">{e(text)}</td>')
        key = f" <code>{e(lineage.key)}</code>" if lineage.key else ""
        rows.append(f'<tr><th scope="row">{number}. {e(lineage.label)}{key}</th>{"".join(cells)}</tr>')
    return (f'<table class="timeline"><thead><tr><th scope="col">Task</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>'
            f'<p class="legend">S strategic priority · P priority task · O other task · T untiered task. '
            f"{e(export.MARKS_LEGEND)}</p>")


def redline_html(segments) -> str:  # noqa: ANN001
    tags = {"delete": "<del>{}</del>", "insert": "<ins>{}</ins>", "equal": "{}"}
    return "".join(gap + tags[op].format(e(text)) for gap, op, text in spaced(segments))


def _kinds(change) -> str:  # noqa: ANN001
    badges = []
    for word in export.movement(change).split(", "):
        badges.append(f'<span class="kind {e(word.split()[0])}">{e(word)}</span>')
    return "".join(badges)


def diff_section(result, anchor: str) -> str:  # noqa: ANN001
    rows = []
    for change in result.changes:
        if change.redline:
            task = redline_html(change.redline)
        elif "dropped" in change.kinds:
            task = f'<span class="struck">{e(change.task.heading)}</span>'
        else:
            task = e(change.task.heading)
        if change.caveat:
            task += f'<div class="caveat">Caveat: {e(change.caveat)}</div>'
        old = e(change.old.position) if change.old else "—"
        new = e(change.new.position) if change.new else "—"
        match = f"{e(change.match)} {change.similarity:g}" if change.match else ""
        rows.append(f'<tr><td>{_kinds(change)}</td><td class="pos">{old}</td><td class="pos">{new}</td>'
                    f'<td>{task}</td><td class="match">{match}</td></tr>')
    title = f"{result.old.symbol} → {result.new.symbol}"
    return (f'<section id="{anchor}"><h3>{e(title)}</h3><p><strong>{e(export.summary_line(result))}</strong></p>'
            '<table><thead><tr><th scope="col">Change</th><th scope="col">Old</th><th scope="col">New</th>'
            '<th scope="col">Task (deleted words struck through, inserted words underlined)</th>'
            f'<th scope="col">Match</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def mandate_section(mandate) -> str:  # noqa: ANN001
    paragraphs = ", ".join(map(str, mandate.paragraphs)) if mandate.paragraphs else "unconfirmed"
    items = [("Symbol", e(mandate.symbol)), ("Adopted", e(mandate.adopted.isoformat())),
             ("Operative paragraphs", e(paragraphs)), ("Wording", e(mandate.wording)),
             ("Tasks", e(", ".join(f"{n} {t}" for t, n in mandate.tier_counts().items() if n)))]
    if mandate.source:
        items.append(("Sources", "<ul>" + "".join(f"<li>{e(s)}</li>" for s in mandate.source) + "</ul>"))
    if mandate.notes:
        items.append(("Notes", e(mandate.notes)))
    if mandate.unconfirmed:
        items.append(("Unconfirmed", "<ul>" + "".join(f"<li>{e(u)}</li>" for u in mandate.unconfirmed) + "</ul>"))
    if mandate.incomplete:
        items.append(("Incomplete lists", e(", ".join(t.label + "s" for t in mandate.incomplete))))
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items)
    return f'<section class="mandate"><h3>{e(mandate.year)}: {e(mandate.symbol)}</h3><dl>{body}</dl></section>'


def report(data, **_: Any) -> str:  # noqa: ANN001 - report.Report
    line = data.timeline
    columns = line.columns
    span = f"{columns[0]}–{columns[-1]}" if len(columns) > 1 else (columns[0] if columns else "")
    title = f"{line.mission} mandate: priorities over the years, {span}"
    toc = "".join(f'<li><a href="#{_anchor(data, i + 1)}">{e(d.old.year)} → {e(d.new.year)}</a></li>'
                  for i, d in enumerate(data.diffs))
    diffs = "".join(diff_section(d, _anchor(data, i + 1)) for i, d in enumerate(data.diffs))
    mandates = "".join(mandate_section(m) for m in data.mandates)
    generated = f"mandate-diff {e(data.version)}, {e(data.generated.isoformat())}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mandate-diff {e(data.version)}">
<title>{e(title)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{e(title)}</h1>
<p class="meta">{export.count(len(data.mandates), "mandate")} ({e(", ".join(f"{m.year} {m.symbol}" for m in data.mandates))}) ·
{export.count(len(line.lineages), "task")} followed through the years · generated by {generated}</p>
</header>
<nav aria-label="Contents"><ol><li><a href="#chart">Chart</a></li><li><a href="#timeline">Timeline table</a></li>
{toc}<li><a href="#mandates">Mandates and sources</a></li></ol></nav>
<main>
<h2 id="chart">Tier and rank of every task</h2>
<figure>
<div class="chart">{chart(data)}</div>
<figcaption>Each numbered line is one task followed through the mandates; the bands are the tiers, strategic
priorities on top, and a higher position is a higher rank. A ring marks a task that entered (or returned), a cross
the first mandate without it; a dotted line joins a task that left and came back. Labels on the right name the
tasks of the last mandate; the table below names them all.</figcaption>
</figure>
<h2 id="timeline">Timeline table</h2>
{timeline_table(data)}
<h2 id="diffs">What changed, mandate by mandate</h2>
<p class="meta">Moves are counted after removing the tasks that entered or left a tier, so one new task at the top
does not move every task below it. Match: how the two versions were paired (lineage key, identical heading or fuzzy
wording) and their similarity out of 100.</p>
{diffs}
<h2 id="mandates">Mandates and sources</h2>
{mandates}
</main>
<footer><p>Generated by {generated}. Wording marked "abridged" is shortened from the resolutions; check the
sources listed above before quoting.</p></footer>
</body>
</html>
"""
