from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mandate_diff.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


class Result:
    def __init__(self, raw):
        self.exit_code = raw.exit_code
        self.stdout = raw.stdout
        self.stderr = raw.stderr
        self.exception = raw.exception

    def json(self):
        return json.loads(self.stdout)


@pytest.fixture
def cli(monkeypatch):
    """Run the CLI in-process, with MANDATE_DIFF_PATH cleared so only bundled data is seen."""
    monkeypatch.delenv("MANDATE_DIFF_PATH", raising=False)
    monkeypatch.delenv("MANDATE_DIFF_DEBUG", raising=False)
    runner = CliRunner()

    def run(*args: str, env: dict | None = None) -> Result:
        return Result(runner.invoke(app, [str(a) for a in args], env=env))

    return run


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_traceback(result: Result) -> bool:
    return "Traceback" not in result.stdout + result.stderr and not (
        result.exception and not isinstance(result.exception, SystemExit)
    )
