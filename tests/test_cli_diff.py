from __future__ import annotations

import csv
import io

import pytest

from mandate_diff.render.csvfmt import DIFF_COLUMNS

from .conftest import FIXTURES, no_traceback


def test_diff_table_summary_and_rows(cli):
    result = cli("diff", "2015", "2019")
    assert result.exit_code == 0
    assert result.stdout.startswith("2015 → 2019: 5 added · 3 dropped · 5 retiered · 2 reworded")
    assert "Ceasefire" in result.stdout and "dropped" in result.stdout


def test_diff_json_contract(cli):
    data = cli("diff", "2018", "2019", "--format", "json").json()
    assert data["schema"] == "mandate-diff/diff@1"
    assert data["old"] == {"mission": "MINUSMA", "symbol": "S/RES/2423 (2018)", "year": 2018, "adopted": "2018-06-28"}
    assert set(data["summary"]) == {"added", "dropped", "moved", "retiered", "reworded", "unchanged"}
    for kind, n in data["summary"].items():
        assert n == sum(kind in c["kinds"] for c in data["changes"])
    change = next(c for c in data["changes"] if c["key"] == "state-authority-centre")
    assert set(change) >= {"kinds", "key", "old", "new", "rank_delta", "tier_change", "match", "similarity", "redline"}
    assert change["kinds"] == ["reworded"] and change["match"] == "key"
    assert {"op": "insert", "text": "to stabilization and"} in change["redline"]
    assert set(change["old"]) == {"path", "tier", "rank", "heading", "text"}
    added = next(c for c in data["changes"] if c["key"] == "sp-central-mali")
    assert added["old"] is None and added["redline"] is None and added["rank_delta"] is None


def test_diff_csv_columns_are_stable(cli):
    text = cli("diff", "2018", "2019", "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == DIFF_COLUMNS
    assert len(rows) == 11 and rows[1]["kinds"] == "added"


def test_diff_markdown_redline(cli):
    text = cli("diff", "2018", "2019", "-f", "markdown").stdout
    assert "Support ~~for the~~ **to stabilization and** restoration" in text


def test_diff_table_redline_and_only(cli):
    text = cli("diff", "2018", "2019", "--redline", "--only", "added,moved").stdout
    assert "Central Mali" in text and "Good offices" in text
    assert "Humanitarian assistance" not in text
    assert text.startswith("2018 → 2019: 1 added · 2 moved")


@pytest.mark.parametrize("args, code", [
    (("diff", "2018", "2018", "--exit-code"), 0),
    (("diff", "2015", "2019", "--exit-code"), 1),
    (("diff", "2015", "2019"), 0),
    (("diff", "2018", "2019", "--exit-code", "--fail-on", "promoted"), 0),
    (("diff", "2018", "2019", "--exit-code", "--fail-on", "added"), 1),
    (("diff", "2018", "2019", "--exit-code", "--ignore-keys", "--format", "json"), 1),
])
def test_diff_exit_codes(cli, args, code):
    assert cli(*args).exit_code == code


@pytest.mark.parametrize("args, fragment", [
    (("diff", "1999", "2019"), "no MINUSMA mandate matches year or resolution number '1999'"),
    (("diff", "2015", "2019", "--format", "yaml"), "unknown format 'yaml'"),
    (("diff", "2015", "2019", "--threshold", "101"), "threshold must be between 0 and 100"),
    (("diff", "2015", "2019", "--only", "shuffled"), "unknown change kind shuffled"),
    (("diff", "2015", "2019", "--fail-on", "nothing"), "unknown change kind nothing"),
])
def test_diff_usage_errors(cli, args, fragment):
    result = cli(*args)
    assert result.exit_code == 2 and fragment in result.stderr and no_traceback(result)


def test_diff_non_numeric_threshold_is_a_usage_error(cli):
    result = cli("diff", "2015", "2019", "--threshold", "high")
    assert result.exit_code == 2 and no_traceback(result)


def test_diff_of_user_files(cli):
    result = cli("diff", FIXTURES / "diff" / "base.md", FIXTURES / "diff" / "swapped.md", "-f", "json")
    assert result.json()["summary"]["moved"] == 2


def test_diff_help_has_examples(cli):
    assert "Examples" in cli("diff", "--help").stdout
