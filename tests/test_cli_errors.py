"""The error matrix: every kind of bad request, on every command it applies to, gives its message
and exit code and never a traceback."""

from __future__ import annotations

import pytest

from .conftest import FIXTURES, no_traceback

AMBIGUOUS = FIXTURES / "ambiguous"


@pytest.mark.parametrize("args, code, fragment", [
    (("show", "1999"), 2, "no MINUSMA mandate matches year or resolution number '1999'. Available for MINUSMA: 2013"),
    (("diff", "2015", "1999"), 2, "no MINUSMA mandate matches year or resolution number '1999'"),
    (("show", "2030", "--mandates", AMBIGUOUS, "--mission", "TESTMISSION"), 2,
     "'2030' is ambiguous: it matches S/RES/9001 (2030)"),
    (("show", "2018", "--mission", "UNMISS"), 2, "no mandates for mission 'UNMISS' (missions available: MINUSMA)"),
    (("timeline", "--mission", "UNMISS"), 2, "no mandates for mission 'UNMISS'"),
    (("track", "ceasefire", "--mission", "UNMISS"), 2, "no mandates for mission 'UNMISS'"),
    (("list", "--format", "xml"), 2, "unknown format 'xml': choose one of table, json, csv, markdown"),
    (("diff", "2015", "2019", "--format", "xml"), 2, "unknown format 'xml'"),
    (("timeline", "--format", "xml"), 2, "unknown format 'xml'"),
    (("validate", "--format", "xml"), 2, "unknown format 'xml': choose one of text, json, github"),
    (("diff", "2015", "2019", "--threshold", "-1"), 2, "threshold must be between 0 and 100, not -1"),
    (("timeline", "--threshold", "150"), 2, "threshold must be between 0 and 100, not 150"),
    (("diff", "2015", "2019", "--threshold", "high"), 2, "'high' is not a valid float"),
    (("list", "--mandates", "/nonexistent/dir"), 2, "mandate directory /nonexistent/dir does not exist"),
    (("validate", "--mandates", "/nonexistent/dir"), 2, "mandate directory /nonexistent/dir does not exist"),
    (("timeline", "--from", "2030"), 2, "no MINUSMA mandates between 2030 and the last"),
    (("track", "no-such-task"), 1, "no task of MINUSMA matches 'no-such-task'"),
    (("show", FIXTURES / "invalid" / "latin1.md"), 2, "latin1.md:11:8: not UTF-8 text (byte 0xe9)"),
])
def test_error_matrix(cli, args, code, fragment):
    result = cli(*args)
    assert result.exit_code == code
    assert fragment in result.stderr
    assert result.stdout == ""
    assert no_traceback(result)
