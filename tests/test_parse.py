from __future__ import annotations

import json
import os

import pytest

from mandate_diff import MandateFormatError, Tier, load, parse_text
from mandate_diff.export import mandate_dict
from mandate_diff.parse import MAX_FILE_BYTES, MAX_LINE_CHARS, normalise

from .conftest import FIXTURES, digest

VALID = sorted((FIXTURES / "valid").glob("*.md"))
INVALID_EXPECTED = json.loads((FIXTURES / "invalid" / "expected.json").read_text())


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture_matches_expected_json(path):
    """Golden files; rebaseline with MANDATE_DIFF_REBASELINE=1 after checking the change by eye."""
    expected_path = path.with_suffix(".expected.json")
    actual = mandate_dict(load(path))
    if os.environ.get("MANDATE_DIFF_REBASELINE"):
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n")
    assert actual == json.loads(expected_path.read_text())


def test_every_invalid_fixture_has_an_expectation():
    on_disk = {p.name for p in (FIXTURES / "invalid").glob("*.md")}
    assert on_disk == set(INVALID_EXPECTED)


@pytest.mark.parametrize("name", sorted(INVALID_EXPECTED))
def test_invalid_fixture_raises_code_at_position(name):
    code, line, col, fragment = INVALID_EXPECTED[name]
    path = FIXTURES / "invalid" / name
    before = digest(path)
    with pytest.raises(MandateFormatError) as info:
        load(path)
    err = info.value
    assert (err.code, err.line, err.col) == (code, line, col)
    assert fragment in err.message
    assert str(err).startswith(f"{path}:{line}:{col}: ")
    assert digest(path) == before, "the parser must never write to its input"


def test_untiered_layout_paths_ranks_and_subitems():
    m = load(FIXTURES / "valid" / "untiered.md")
    assert [t.tier for t in m.tasks] == [Tier.TASK] * 9
    assert [t.rank for t in m.tasks] == list(range(1, 10))
    first = m.tasks[0]
    assert (first.path, first.key) == ("16(a)", "stabilization")
    assert first.text == "In support of the transitional authorities, to stabilize key population centres:"
    assert [s.path for s in first.subtasks] == ["16(a)(i)", "16(a)(ii)"]
    assert first.subtasks[1].text == "To take active steps to prevent the return of armed elements;"
    # (i) after (h) is the ninth letter; an indented (i) below it is its sub-item.
    ninth = m.tasks[8]
    assert ninth.path == "16(i)" and [s.path for s in ninth.subtasks] == ["16(i)(i)"]


def test_tiered_layout_and_bullets():
    m = load(FIXTURES / "valid" / "tiered.md")
    assert [(t.position, t.path) for t in m.tasks] == [("S1", "20"), ("P1", "28(a)"), ("P2", "28(b)"), ("O1", "29(a)")]
    assert m.tasks[1].heading == "Support to the implementation of the Agreement"  # trailing colon dropped
    assert m.paragraphs == (20, 28, 29)
    assert m.incomplete == (Tier.OTHER,)


def test_strategic_only_layout_with_quoted_date():
    m = load(FIXTURES / "valid" / "strategic_only.md")
    assert [t.position for t in m.tasks] == ["S1", "S2"]
    assert m.paragraphs is None
    assert str(m.adopted) == "2032-01-05"


def test_crlf_bom_and_tabs_are_normalised():
    m = load(FIXTURES / "valid" / "crlf_bom_tabs.md")
    assert m.tasks[0].heading == "First task"
    assert m.tasks[0].subtasks[0].path == "(a)(i)"
    assert m.source == ("CRLF, BOM and tabs",)


def test_normalise_keeps_line_numbers():
    lines = normalise("\ufeffa\r\nb\rc\n\td  \n")
    assert lines == ["a", "b", "c", "    d", ""]


def test_missing_file(tmp_path):
    with pytest.raises(MandateFormatError, match="no such file"):
        load(tmp_path / "absent.md")


def test_directory_given_as_file(tmp_path):
    with pytest.raises(MandateFormatError, match="is a directory"):
        load(tmp_path)


def test_file_over_size_limit_is_refused_unread(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    with pytest.raises(MandateFormatError, match="the limit is"):
        load(big)


def test_overlong_line_is_refused(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("---\n" + "a" * (MAX_LINE_CHARS + 1) + "\n---\n")
    with pytest.raises(MandateFormatError) as info:
        load(path)
    assert (info.value.line, info.value.code) == (2, "MD001")


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.md"
    path.write_text("---\n---\n")
    path.chmod(0)
    with pytest.raises(MandateFormatError, match="permission denied"):
        load(path)


def test_symlink_loop_file(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    with pytest.raises(MandateFormatError, match="cannot read the file"):
        load(tmp_path / "a.md")


def test_datetime_is_not_a_date():
    text = (FIXTURES / "valid" / "strategic_only.md").read_text().replace('"2032-01-05"', "2032-01-05 10:00:00")
    with pytest.raises(MandateFormatError, match="'adopted' must be a date"):
        parse_text(text, "x.md")


def test_unquoted_colon_in_list_gets_a_hint():
    text = (FIXTURES / "valid" / "strategic_only.md").read_text().replace(
        "source: A crafted fixture", "source:\n  - Report: with a colon"
    )
    with pytest.raises(MandateFormatError, match="must be put in quotes"):
        parse_text(text, "x.md")
