"""`list`, `show`, `--version`, help, and error handling of the CLI."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mandate_diff import __version__

from .conftest import FIXTURES, REPO, no_traceback


def test_version(cli):
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"mandate-diff {__version__}"


def test_list_table(cli):
    result = cli("list")
    assert result.exit_code == 0
    for year, symbol in (("2013", "S/RES/2100 (2013)"), ("2015", "S/RES/2227 (2015)"),
                         ("2018", "S/RES/2423 (2018)"), ("2019", "S/RES/2480 (2019)")):
        assert year in result.stdout and symbol in result.stdout
    assert "\x1b[" not in result.stdout, "no colour when not writing to a terminal"


def test_list_json(cli):
    data = cli("list", "--format", "json").json()
    assert data["schema"] == "mandate-diff/list@1"
    first = data["mandates"][0]
    assert {k: first[k] for k in ("mission", "year", "symbol", "adopted")} == {
        "mission": "MINUSMA", "year": 2013, "symbol": "S/RES/2100 (2013)", "adopted": "2013-04-25"}
    assert first["tasks"] == {"strategic": 0, "priority": 0, "task": 7, "other": 0}


def test_list_csv_and_markdown(cli):
    rows = list(csv.DictReader(io.StringIO(cli("list", "-f", "csv").stdout)))
    assert [r["year"] for r in rows][:1] == ["2013"] and rows[-1]["strategic"] == "2"
    md = cli("list", "-f", "markdown").stdout
    assert md.startswith("| Mission | Year |") and "| MINUSMA | 2018 | S/RES/2423 (2018) |" in md


def test_show_json_contract(cli):
    data = cli("show", "2018", "--format", "json").json()
    assert data["schema"] == "mandate-diff/mandate@1"
    assert set(data) >= {"mission", "symbol", "year", "adopted", "wording", "source", "tasks"}
    task = data["tasks"][2]
    assert set(task) == {"key", "tier", "rank", "path", "heading", "text", "subtasks"}
    assert (task["tier"], task["rank"], task["key"]) == ("priority", 2, "state-authority-centre")


def test_show_table_and_full(cli):
    plain = cli("show", "2018").stdout
    assert "S1" in plain and "P2" in plain and "O3" in plain and "restoration of State" in plain
    fixture = FIXTURES / "valid" / "untiered.md"
    full, brief = cli("show", fixture, "--full").stdout, cli("show", fixture).stdout
    assert "deter" in full and "deter" not in brief


def test_show_csv_and_markdown(cli):
    rows = list(csv.DictReader(io.StringIO(cli("show", "2013", "-f", "csv").stdout)))
    assert len(rows) == 7 and rows[0]["path"] == "16(a)" and rows[0]["tier"] == "task"
    md = cli("show", "2019", "-f", "markdown", "--full").stdout
    assert "## Strategic priorities" in md and "2. **To facilitate" in md


def test_show_user_file(cli):
    result = cli("show", FIXTURES / "valid" / "untiered.md", "--full", "-f", "markdown")
    assert result.exit_code == 0 and "16(a)(ii) To take active steps" in result.stdout


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("show", "1999"), "no MINUSMA mandate matches year or resolution number '1999'"),
        (("show", "2018", "--mission", "UNMISS"), "missions available: MINUSMA"),
        (("show", "2018", "--format", "xml"), "unknown format 'xml'"),
        (("list", "--mandates", "/nonexistent/dir"), "mandate directory /nonexistent/dir does not exist"),
        (("show", "/nonexistent/file.md"), "/nonexistent/file.md:1:1: no such file"),
        (("show", "not a ref"), "cannot read 'not a ref' as a mandate reference"),
    ],
)
def test_errors_exit_2_with_message(cli, args, fragment):
    result = cli(*args)
    assert result.exit_code == 2
    assert fragment in result.stderr
    assert no_traceback(result)


def test_invalid_file_reports_path_line_col(cli):
    path = FIXTURES / "invalid" / "letter_gap.md"
    result = cli("show", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{path}:13:1: task (d) out of order: expected (c)"


def test_broken_user_directory_names_the_file(cli, tmp_path):
    (tmp_path / "bad.md").write_text("no front matter\n")
    result = cli("list", "--mandates", tmp_path)
    assert result.exit_code == 2 and f"{tmp_path / 'bad.md'}:1:1: no front matter" in result.stderr


def test_debug_shows_the_exception(cli):
    result = cli("--debug", "show", "1999")
    assert result.exit_code != 0 and result.exception is not None and not isinstance(result.exception, SystemExit)


def test_every_command_has_help_with_examples_and_a_section_in_the_docs(cli):
    from mandate_diff.cli import app

    commands = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert commands == ["list", "show", "diff", "timeline", "track", "validate", "report"]
    docs = (REPO / "docs" / "cli.md").read_text()
    readme = (REPO / "README.md").read_text()
    for command in commands:
        result = cli(command, "--help")
        assert result.exit_code == 0 and "Examples" in result.stdout, command
        assert f"## `mandate-diff {command}" in docs, command
        assert f"mandate-diff {command}" in readme, command


def test_no_color_env_is_respected(cli):
    result = cli("show", "2018", env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout


def _installed_cli() -> Path | None:
    exe = Path(sys.executable).parent / "mandate-diff"
    return exe if exe.exists() else None


@pytest.mark.skipif(_installed_cli() is None, reason="console script not installed in this environment")
def test_installed_console_script_runs_from_any_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MANDATE_DIFF_PATH", "PYTHONPATH")}
    out = subprocess.run([str(_installed_cli()), "show", "2013", "--format", "json"], cwd=tmp_path,
                         capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr
    assert '"symbol": "S/RES/2100 (2013)"' in out.stdout


def test_python_dash_m(tmp_path):
    out = subprocess.run([sys.executable, "-m", "mandate_diff", "--version"], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent, check=False)
    assert out.returncode == 0 and out.stdout.startswith("mandate-diff ")
