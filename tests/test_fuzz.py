"""Any input yields a mandate or the tool's own error, never another exception.

Four generators: raw bytes; well-formed bodies that must parse exactly; mandate-like texts assembled from the format's own pieces (so the
body parser's branches are reached, not just the front-matter gate); and directories of such files
for the validator's checks across files. Together they run over 4,000 examples.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mandate_diff.errors import MandateFormatError
from mandate_diff.model import Mandate
from mandate_diff.parse import check_text, decode, parse_text
from mandate_diff.validate import CODES, check_bytes, validate

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRONT_MATTER_LINES = [
    "mission: FUZZ", "symbol: S/RES/9001 (2030)", "year: 2030", "adopted: 2030-06-30",
    "paragraphs: [16]", "paragraphs: unconfirmed", "wording: abridged", "source: fuzz",
    "year: 20x0", "adopted: 2030-02-30", "symbol: 9001", "notes: |", "  a note", "incomplete: [other]",
    "unconfirmed: [a, b: c]", "a: &x [1]", "b: *x", "c: !!python/object:os.system x", "source: [", "- item",
    "year: 1e9", "paragraphs: [0, -1]", "mission: [1, 2]", "'quoted: key': 1", "? complex", "{a: b}",
]
BODY_LINES = [
    "## Strategic priorities", "## Priority tasks [para 16]", "## Other tasks", "## Tasks", "## Mandated tasks",
    "## Unknown", "### Priority tasks", "# A title", "#", "##", "(a) Protection of civilians {#poc}",
    "(b) Support to the Agreement {#agreement}", "(c) Good offices", "(a) Repeated", "(z) Late",
    "(i) To monitor", "    (ii) To report", "(iii) Out of order", "(v) Five", "(x) Ten", "- A bullet task {#b}",
    "- {#empty}", "(a) {#Bad Key}", "(b) Heading {#}", "Decides that the mandate shall include:",
    "continuation text;", "% a comment", "---", "", "   ", "\t(i) tabbed", "(aa) Double", "(a)", "- ",
    "(ii)", "é ü 中文 🚀", "{#dangling", "(b) Heading {#poc}",
]


def mandate_like(front: list[str], body: list[str], frame: int) -> str:
    lines = (["---"] if frame != 1 else []) + front + (["---"] if frame != 2 else []) + body
    return "\n".join(lines) + ("\n" if frame != 3 else "")


mandate_texts = st.builds(
    mandate_like,
    st.lists(st.sampled_from(FRONT_MATTER_LINES), max_size=14),
    st.lists(st.sampled_from(BODY_LINES) | st.text(max_size=40), max_size=30),
    st.integers(0, 3),
)
# Mostly well-formed front matter, so the body parser is reached often.
VALID_FRONT = ["mission: FUZZ", "symbol: S/RES/9001 (2030)", "year: 2030", "adopted: 2030-06-30",
               "paragraphs: [16]", "wording: abridged", "source: fuzz"]
bodies = st.builds(
    lambda first, rest: [first, *rest],
    st.sampled_from(BODY_LINES[:5]),
    st.lists(st.sampled_from(BODY_LINES), max_size=30),
)


@st.composite
def well_formed(draw) -> tuple[list[str], dict[str, int]]:
    """A body that must parse: tier sections in order, tasks lettered or bulleted, sub-items,
    unique keys; with the number of tasks expected per tier."""
    untiered = draw(st.booleans())
    sections = ["## Tasks"] if untiered else draw(
        st.lists(st.sampled_from(["## Strategic priorities", "## Priority tasks", "## Other tasks"]),
                 min_size=1, max_size=3, unique=True))
    lines, expected, key = [], {}, 0
    for section in sections:
        lines.append(section + draw(st.sampled_from(["", " [para 16]"])))
        lettered = draw(st.booleans())
        count = draw(st.integers(0, 12))
        expected[section] = count
        for n in range(count):
            heading = draw(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1,
                                   max_size=30).filter(lambda t: t.strip() and not t.strip().startswith(("{#", "%"))))
            key += 1
            suffix = f" {{#k{key}}}" if draw(st.booleans()) else ""
            marker = f"({chr(97 + n)})" if lettered else "-"
            lines.append(f"{marker} Task {heading.strip()}{suffix}")
            for roman in ["i", "ii", "iii"][: draw(st.integers(0, 3))]:
                lines.append(f"    ({roman}) To do {roman}")
    return lines, expected


def assert_sound(mandate: Mandate) -> None:
    keys = [t.key for t in mandate.tasks if t.key]
    assert len(keys) == len(set(keys))
    for tier in {t.tier for t in mandate.tasks}:
        assert [t.rank for t in mandate.tier(tier)] == list(range(1, len(mandate.tier(tier)) + 1))
    assert all(t.heading for t in mandate.tasks)


def assert_parse_agrees_with_check(text: str) -> None:
    """``parse_text`` raises exactly the first problem ``check_text`` lists, or both succeed."""
    mandate, problems = check_text(text, "fuzz.md")
    try:
        parsed = parse_text(text, "fuzz.md")
    except MandateFormatError as error:
        assert problems and str(problems[0]) == str(error)
        assert mandate is None
    else:
        assert not problems and parsed == mandate
        assert_sound(parsed)
    n_lines = text.count("\n") + text.count("\r") + 1
    for p in problems:
        assert p.code in CODES and 1 <= p.line <= n_lines + 1 and p.col >= 1


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes(data):
    mandate, problems = check_bytes(data, "fuzz.md")
    assert (mandate is None) == bool(problems)
    try:
        text = decode(data, "fuzz.md")
    except MandateFormatError:
        return
    assert_parse_agrees_with_check(text)


@FUZZ
@given(mandate_texts)
def test_mandate_like_texts(text):
    assert_parse_agrees_with_check(text)


@FUZZ
@given(bodies)
def test_bodies_under_valid_front_matter(body):
    assert_parse_agrees_with_check(mandate_like(VALID_FRONT, body, 0))


@FUZZ
@given(well_formed())
def test_well_formed_bodies_parse_exactly(case):
    body, expected = case
    mandate = parse_text(mandate_like(VALID_FRONT, body, 0), "fuzz.md")
    assert_sound(mandate)
    assert len(mandate.tasks) == sum(expected.values())
    assert all(t.heading.startswith("Task") for t in mandate.tasks)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["2030", "2031", "S/RES/9001 (2030)"]), bodies), min_size=1, max_size=4))
def test_validator_across_files(tmp_path_factory, files):
    directory: Path = tmp_path_factory.mktemp("fuzz")
    written = {}
    for n, (year, body) in enumerate(files):
        front = [*VALID_FRONT[:2], f"year: {year}", *VALID_FRONT[3:]]
        path = directory / f"{n}.md"
        path.write_text(mandate_like(front, body, 0), encoding="utf-8")
        written[path] = path.read_bytes()
    report = validate([directory])
    assert len(report.files) == len(files)
    assert all(p.code in CODES for p in report.problems)
    assert report.ok == (report.errors == 0)
    assert all(path.read_bytes() == data for path, data in written.items()), "validate must not write"


def test_deeply_nested_yaml_is_refused_quickly():
    nested = "a:\n" + "\n".join(" " * i + "- " for i in range(3000))
    _, problems = check_bytes(f"---\n{nested}\n---\n".encode(), "deep.md")
    assert problems[0].code == "MD003" and "nesting depth" in problems[0].message
