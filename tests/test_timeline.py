from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings

from mandate_diff import Corpus, load
from mandate_diff.errors import NoMatch
from mandate_diff.timeline import timeline, track

from .conftest import FIXTURES
from .test_diff import mandates as mandate_strategy

T = FIXTURES / "timeline"


def positions(line, lineage):
    return [lineage.cells[i].task.position if i in lineage.cells else None for i in range(len(line.mandates))]


@pytest.mark.parametrize("names", [("a", "b", "c"), ("nokeys_a", "nokeys_b", "nokeys_c")])
def test_task_dropped_then_restored_stays_one_lineage(names):
    line = timeline([load(T / f"{n}.md") for n in names])
    heritage = [lin for lin in line.lineages if lin.label == "Cultural heritage"]
    assert len(heritage) == 1
    assert positions(line, heritage[0]) == ["P3", None, "O1"]
    assert heritage[0].cells[2].marks == ("returned",)


def test_ordering_by_first_appearance_then_tier_and_rank():
    line = timeline([load(T / f"{n}.md") for n in "abc"])
    assert [lin.key for lin in line.lineages] == ["poc", "elections", "heritage", "agreement"]


def test_marks():
    line = timeline([load(T / f"{n}.md") for n in "abc"])
    poc = next(lin for lin in line.lineages if lin.key == "poc")
    assert poc.cells[1].marks == ("moved-down", "reworded")
    agreement = next(lin for lin in line.lineages if lin.key == "agreement")
    assert agreement.cells[1].marks == ("entered",)


def test_every_task_in_exactly_one_cell_on_bundled_data():
    mandates = Corpus(use_env=False).mandates("MINUSMA")
    for ignore_keys in (False, True):
        line = timeline(mandates, ignore_keys=ignore_keys)
        for index, mandate in enumerate(mandates):
            in_cells = [id(lin.cells[index].task) for lin in line.lineages if index in lin.cells]
            assert sorted(in_cells) == sorted(id(t) for t in mandate.tasks)


@settings(max_examples=100, deadline=None)
@given(mandate_strategy(), mandate_strategy(), mandate_strategy())
def test_one_cell_per_task_property(a, b, c):
    line = timeline([a, b, c])
    for index, mandate in enumerate((a, b, c)):
        cells = [lin.cells[index].task for lin in line.lineages if index in lin.cells]
        assert len(cells) == len(mandate.tasks)
        assert sorted(map(id, cells)) == sorted(map(id, mandate.tasks))


def bundled_line():
    return timeline(Corpus(use_env=False).mandates("MINUSMA"))


def test_bundled_story():
    line = bundled_line()
    years = line.columns
    by_key = {lin.key: lin for lin in line.lineages}

    def cell(key, year):
        index = years.index(str(year))
        return by_key[key].cells[index].task.position if index in by_key[key].cells else None

    assert [cell("state-authority-centre", y) for y in (2013, 2015, 2018, 2019)] == [None, None, "P2", "P2"]
    assert [cell("sp-central-mali", y) for y in (2013, 2015, 2018, 2019)] == [None, None, None, "S2"]
    assert by_key["ceasefire"].first == years.index("2015")


def test_track_by_key_and_words():
    line = bundled_line()
    assert track(line, "ceasefire").lineage.key == "ceasefire"
    assert track(line, "State authority centre").lineage.key == "state-authority-centre"
    with pytest.raises(NoMatch, match="matches 3 tasks"):
        track(line, "protection")
    with pytest.raises(NoMatch, match="no task of MINUSMA matches"):
        track(line, "moon landing")


# --- CLI ----------------------------------------------------------------------------------------


def test_timeline_json_contract(cli):
    data = cli("timeline", "--format", "json").json()
    assert data["schema"] == "mandate-diff/timeline@1" and data["mission"] == "MINUSMA"
    assert data["years"] == ["2013", "2014", "2015", "2018", "2019"]
    centre = next(lin for lin in data["lineages"] if lin["key"] == "state-authority-centre")
    assert centre["cells"]["2015"] is None
    assert {k: centre["cells"]["2018"][k] for k in ("tier", "rank")} == {"tier": "priority", "rank": 2}
    assert set(centre["cells"]["2018"]) >= {"tier", "rank", "path", "heading"}
    total_cells = sum(cell is not None for lin in data["lineages"] for cell in lin["cells"].values())
    assert total_cells == 7 + 8 + 8 + 10 + 10


def test_timeline_year_filters(cli):
    data = cli("timeline", "--from", "2015", "--to", "2018", "-f", "json").json()
    assert data["years"] == ["2015", "2018"]
    result = cli("timeline", "--from", "2030")
    assert result.exit_code == 2 and "no MINUSMA mandates between 2030 and the last" in result.stderr


def test_timeline_csv_markdown_table(cli):
    rows = list(csv.DictReader(io.StringIO(cli("timeline", "-f", "csv").stdout)))
    ceasefire = next(r for r in rows if r["key"] == "ceasefire")
    assert (ceasefire["2013"], ceasefire["2015"], ceasefire["2018"]) == ("", "T1", "")
    md = cli("timeline", "-f", "markdown").stdout
    assert "| Ceasefire |  |  | T1+ | × |  |" in md
    table = cli("timeline").stdout
    assert "Ceasefire" in table and "S2+" in table


def test_track_cli(cli):
    result = cli("track", "ceasefire")
    assert result.exit_code == 0 and "S/RES/2227 (2015)" in result.stdout
    data = cli("track", "state", "authority", "centre", "-f", "json").json()
    assert data["schema"] == "mandate-diff/track@1"
    present = [(v["year"], v["tier"], v["rank"]) for v in data["versions"] if v["present"]]
    assert present == [(2018, "priority", 2), (2019, "priority", 2)]
    assert data["versions"][-1]["changes"][1] == {"op": "delete", "text": "for the"}
    assert "restoration" in cli("track", "state-authority-centre", "-f", "csv").stdout
    assert "~~for the~~" in cli("track", "state-authority-centre", "-f", "markdown").stdout


@pytest.mark.parametrize("query", ["protection", "moon landing"])
def test_track_no_or_many_matches_exit_1(cli, query):
    result = cli("track", query)
    assert result.exit_code == 1 and "mandate-diff: error:" in result.stderr


def test_given_diffs_are_chained_as_computed_ones():
    from mandate_diff import UsageError, diff

    found = Corpus(use_env=False).mandates("MINUSMA")
    diffs = [diff(a, b) for a, b in zip(found, found[1:])]
    given_line, own_line = timeline(found, diffs=diffs), timeline(found)
    assert [positions(given_line, lin) for lin in given_line.lineages] == \
        [positions(own_line, lin) for lin in own_line.lineages]
    with pytest.raises(UsageError, match="one per consecutive pair"):
        timeline(found, diffs=diffs[1:])
