"""The bundled MINUSMA data: every file parses, keys are unique, and the facts users check hold."""

from __future__ import annotations

import pytest

from mandate_diff import Corpus, Tier, load
from mandate_diff.corpus import bundled_dir, mandate_files

FILES = mandate_files(bundled_dir())


def test_required_years_are_bundled():
    years = {m.year for m in Corpus(use_env=False).mandates("MINUSMA")}
    assert {2013, 2015, 2018, 2019} <= years


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_bundled_file_parses_with_unique_keys_and_metadata(path):
    m = load(path)
    keys = [t.key for t in m.tasks]
    assert None not in keys, "every bundled task carries a lineage key"
    assert len(keys) == len(set(keys))
    assert m.symbol.endswith(f"({m.year})")
    assert m.wording in ("verbatim", "abridged")
    assert m.source and m.tasks
    assert m.paragraphs is not None or any("paragraph" in u.lower() for u in m.unconfirmed), (
        "unknown paragraph numbers must be listed as unconfirmed"
    )


def mandate(year):
    return Corpus(use_env=False).resolve(str(year))


def test_2013_is_seven_untiered_tasks():
    m = mandate(2013)
    assert [t.path for t in m.tasks] == [f"16({c})" for c in "abcdefg"]
    assert {t.tier for t in m.tasks} == {Tier.TASK}
    assert "key population centres" in m.tasks[0].heading and "State authority" in m.tasks[0].heading
    assert "transitional road map" in m.tasks[1].heading and "electoral process" in m.tasks[1].heading


def test_2015_starts_with_ceasefire_then_agreement():
    m = mandate(2015)
    assert m.tasks[0].heading == "Ceasefire"
    assert "implementation of the Agreement" in m.tasks[1].heading


def test_2018_tiers():
    m = mandate(2018)
    assert len(m.tier(Tier.STRATEGIC)) == 1
    second = m.tier(Tier.PRIORITY)[1]
    assert "restoration of State authority in the centre" in second.heading and second.rank == 2
    assert len(m.tier(Tier.OTHER)) == 3


def test_2019_second_strategic_priority_is_central_mali():
    m = mandate(2019)
    strategic = m.tier(Tier.STRATEGIC)
    assert len(strategic) == 2
    assert "Central Mali" in strategic[1].heading
    assert m.incomplete == (Tier.OTHER,)
