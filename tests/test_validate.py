from __future__ import annotations

import json
import os
import re

import pytest

from mandate_diff.corpus import bundled_dir
from mandate_diff.validate import CODES, validate

from .conftest import FIXTURES, REPO, digest, no_traceback

INVALID = FIXTURES / "invalid"
CHECKS = FIXTURES / "validate"
INVALID_EXPECTED = json.loads((INVALID / "expected.json").read_text())


def codes_at(report) -> list[tuple[str, int, int, str]]:
    return [(os.path.relpath(p.path, CHECKS), p.line, p.col, p.code) for p in report.problems]


def test_bundled_data_is_clean():
    report = validate([bundled_dir()])
    assert report.problems == () and report.ok
    assert len(report.files) >= 5


@pytest.mark.parametrize("name", sorted(INVALID_EXPECTED))
def test_every_invalid_fixture_yields_its_code_at_its_line(name):
    code, line, col, fragment = INVALID_EXPECTED[name]
    path = INVALID / name
    before = digest(path)
    report = validate([path])
    assert not report.ok
    first = report.problems[0]
    assert (first.code, first.line, first.col) == (code, line, col)
    assert fragment in first.message
    assert digest(path) == before


def test_all_problems_of_a_file_in_one_run():
    report = validate([CHECKS / "many_problems.md"])
    assert codes_at(report) == [
        ("many_problems.md", 7, 1, "MD005"),   # wording
        ("many_problems.md", 8, 1, "MD005"),   # unknown field 'sorce'
        ("many_problems.md", 13, 1, "MD008"),  # (c) after (a)
        ("many_problems.md", 13, 11, "MD010"),  # duplicate key
        ("many_problems.md", 14, 1, "MD007"),  # unknown section, skipped whole
        ("many_problems.md", 17, 1, "MD009"),  # empty heading
    ]


def test_year_and_date_must_agree_with_the_symbol():
    report = validate([CHECKS / "year_mismatch.md"])
    assert codes_at(report) == [("year_mismatch.md", 4, 1, "MD012"), ("year_mismatch.md", 5, 1, "MD012")]
    assert "year 2031 disagrees with the symbol S/RES/9001 (2030)" in report.problems[0].message


def test_two_files_claiming_one_symbol():
    report = validate([CHECKS / "dup"])
    assert codes_at(report) == [("dup/b.md", 3, 1, "MD013")]
    assert "also claimed by" in report.problems[0].message and "dup/a.md" in report.problems[0].message


def test_key_reused_for_an_unrelated_task_is_a_warning_and_strict_makes_it_an_error():
    report = validate([CHECKS / "reuse"])
    assert codes_at(report) == [("reuse/2031.md", 12, 1, "MD014")]
    assert report.problems[0].severity == "warning" and report.ok
    assert "{#elections}" in report.problems[0].message
    strict = validate([CHECKS / "reuse"], strict=True)
    assert strict.problems[0].severity == "error" and not strict.ok


def test_paragraph_outside_the_front_matter_list_is_a_warning():
    report = validate([CHECKS / "paragraph_not_listed.md"])
    assert codes_at(report) == [("paragraph_not_listed.md", 13, 1, "MD015")]
    assert report.problems[0].severity == "warning"


def test_missing_path_and_symlink_loops(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path)  # a directory link back to its parent: not followed
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    report = validate([tmp_path, tmp_path / "absent.md"])
    messages = [(os.path.basename(p.path), p.code, p.message) for p in report.problems]
    assert messages[0][:2] == ("self.md", "MD001") and "cannot read the file" in messages[0][2]
    assert messages[1] == ("absent.md", "MD001", "no such file")


def test_every_code_is_documented():
    doc = (REPO / "docs" / "validate.md").read_text()
    documented = set(re.findall(r"^\| `(MD\d{3})` \|", doc, re.M))
    assert documented == set(CODES)


# --- command line -----------------------------------------------------------------------------


def test_cli_validate_clean_bundled_data(cli):
    result = cli("validate")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no problems" in result.stderr


def test_cli_validate_text_lines_and_exit_1(cli):
    path = INVALID / "letter_gap.md"
    result = cli("validate", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:13:1: MD008 task (d) out of order: expected (c)\n"
    assert "1 error and 0 warnings in 1 of 1 file" in result.stderr


def test_cli_validate_json(cli):
    result = cli("validate", CHECKS / "reuse", "--format", "json")
    data = result.json()
    assert result.exit_code == 0
    assert data["schema"] == "mandate-diff/validate@1"
    assert (data["files"], data["errors"], data["warnings"]) == (2, 0, 1)
    assert data["problems"][0]["code"] == "MD014" and data["problems"][0]["line"] == 12
    assert cli("validate", CHECKS / "reuse", "--strict", "-f", "json").exit_code == 1


def test_cli_validate_github_annotations(cli):
    path = CHECKS / "year_mismatch.md"
    result = cli("validate", path, "--format", "github")
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == f"::error file={path},line=4,col=1,title=MD012::year 2031 disagrees with the symbol S/RES/9001 (2030)"


def test_cli_validate_github_escapes_properties_and_data(cli, tmp_path):
    path = tmp_path / "a,b:c.md"
    path.write_text("no front matter\n")
    result = cli("validate", path, "--format", "github")
    assert "file=" + str(path).replace(":", "%3A").replace(",", "%2C") + ",line=1" in result.stdout


def test_cli_validate_usage_errors(cli):
    result = cli("validate", "--format", "table")
    assert result.exit_code == 2 and "unknown format 'table': choose one of text, json, github" in result.stderr


@pytest.mark.parametrize("name", ["empty.md", "no_front_matter.md", "invalid_yaml.md", "yaml_alias_bomb.md",
                                  "binary.md", "latin1.md"])
def test_bad_files_are_rejected_by_validate_and_show_naming_the_file(cli, name):
    path = INVALID / name
    for args, code in ((("validate", path), 1), (("show", path), 2)):
        result = cli(*args)
        assert result.exit_code == code and no_traceback(result)
        assert str(path) in result.stdout + result.stderr


def test_pre_commit_hook_definition():
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "mandate-diff-validate")
    assert hook["entry"].startswith("mandate-diff validate") and hook["language"] == "python"
    assert re.search(hook["files"], "mandates/minusma/2018-s-res-2423.md")
