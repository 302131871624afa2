from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mandate_diff.corpus import Corpus
from mandate_diff.render import render
from mandate_diff.report import report

from .conftest import FIXTURES

ESCAPE = FIXTURES / "report"
# Tags that load or run something from elsewhere; a self-contained page has none.
LOADING_TAGS = {"script", "link", "img", "iframe", "object", "embed", "audio", "video", "source", "base", "image", "use"}


class Page(HTMLParser):
    """The parts of a page the tests look at: tags with attributes, text inside tags, and CSS."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.css = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self.stack:
            self.text.setdefault(self.stack[-1], []).append(data)
            if self.stack[-1] == "style":
                self.css += data

    def count(self, tag: str, **attrs: str) -> int:
        return sum(t == tag and all(a.get(k) == v for k, v in attrs.items()) for t, a in self.tags)


def assert_self_contained(page: Page) -> None:
    assert not {tag for tag, _ in page.tags} & LOADING_TAGS
    for tag, attrs in page.tags:
        assert "src" not in attrs and "srcset" not in attrs, tag
        assert not (attrs.get("href") or "#").lstrip().startswith(("http", "//", "data:", "file:")), attrs
        assert all(not name.startswith("on") for name in attrs), attrs  # no inline script either
    assert "url(" not in page.css and "@import" not in page.css


@pytest.fixture(scope="module")
def minusma_page(tmp_path_factory) -> tuple[Path, str]:
    """The bundled MINUSMA report, built once through the library as the CLI builds it."""
    out = tmp_path_factory.mktemp("report") / "r.html"
    out.write_text(render("report", report(Corpus(use_env=False).mandates("MINUSMA")), "html"), encoding="utf-8")
    return out, out.read_text(encoding="utf-8")


def test_cli_writes_one_self_contained_page(cli, tmp_path):
    out = tmp_path / "r.html"
    result = cli("report", "--mission", "MINUSMA", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert f"wrote {out} (5 mandates)" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"], "no temporary file may be left behind"
    page = Page(out.read_text(encoding="utf-8"))
    assert_self_contained(page)


def test_page_mentions_every_bundled_year_and_has_chart_and_redlines(minusma_page):
    _, html = minusma_page
    page = Page(html)
    years = [m.year for m in Corpus(use_env=False).mandates("MINUSMA")]
    svg_text = " ".join(page.text.get("text", []))
    for year in years:
        assert str(year) in svg_text, f"{year} missing from the chart's axis"
    assert page.count("svg", role="img") == 1
    lineages = page.count("g", **{"class": "lineage"})
    assert lineages == 17  # one line per task lineage of the bundled timeline
    assert page.count("del") > 0 and page.count("ins") > 0
    assert page.count("section", **{"class": "mandate"}) == len(years)
    assert html.count('<section id="diff-') == len(years) - 1
    assert_self_contained(page)


def test_chart_marks_the_story(minusma_page):
    _, html = minusma_page
    titles = " | ".join(Page(html).text.get("title", []))
    assert "Support to stabilization and restoration of State authority in the centre: 2018: P2 (priority task 2), entered" in titles
    assert "Ceasefire: 2015: T1 (task 1), entered" in titles
    assert "Ceasefire: not in 2018" in titles  # the cross where it left


def test_pair_report_to_stdout_escapes_user_text(cli):
    result = cli("report", ESCAPE / "2030.md", ESCAPE / "2031.md")
    assert result.exit_code == 0
    html = result.stdout
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;em&gt;electoral&lt;/em&gt;" in html
    page = Page(html)
    assert html.count('<section id="diff-') == 1
    assert "promoted" in " ".join(page.text.get("span", []))
    assert_self_contained(page)


def test_reproducible_with_source_date_epoch(cli, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = cli("report", "2018", "2019", env=env).stdout
    second = cli("report", "2018", "2019", env=env).stdout
    assert first == second and "2023-11-14" in first


@pytest.mark.parametrize("args, fragment", [
    (("report", "2018"), "give two mandates (OLD NEW)"),
    (("report", "2018", "2019", "--from", "2015"), "give two mandates (OLD NEW)"),
    (("report", "--from", "2030"), "no MINUSMA mandates between 2030 and the last"),
    (("report", "-o", "/nonexistent/dir/r.html"), "directory /nonexistent/dir does not exist"),
])
def test_report_usage_errors(cli, args, fragment):
    result = cli(*args)
    assert result.exit_code == 2 and fragment in result.stderr


def test_report_never_overwrites_an_input(cli, tmp_path):
    source = tmp_path / "2030.md"
    source.write_bytes((ESCAPE / "2030.md").read_bytes())
    before = source.read_bytes()
    result = cli("report", source, ESCAPE / "2031.md", "-o", source)
    assert result.exit_code == 2 and "is an input mandate file" in result.stderr
    assert source.read_bytes() == before
    assert cli("report", "2018", "2019", "-o", tmp_path).exit_code == 2  # a directory


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package 'chromium')")
def test_renders_in_headless_chromium(minusma_page, tmp_path):
    page, _ = minusma_page
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,800",
         page.resolve().as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 800)
    assert len(data) > 20_000  # a blank page compresses to a few kB; the chart does not
