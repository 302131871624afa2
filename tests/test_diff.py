"""The diff engine on crafted fixtures (one per kind), on the bundled data, and by property."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mandate_diff import Corpus, load
from mandate_diff.align import align, similarity
from mandate_diff.diff import KINDS, diff
from mandate_diff.errors import UsageError
from mandate_diff.model import Mandate, Task, Tier
from mandate_diff.redline import redline, wdiff

from .conftest import FIXTURES

D = FIXTURES / "diff"


def by_key(result):
    return {c.key: c for c in result.changes}


@pytest.mark.parametrize("ignore_keys", [False, True])
def test_swapped_tasks_are_moved_up_and_down(ignore_keys):
    result = diff(load(D / "base.md"), load(D / "swapped.md"), ignore_keys=ignore_keys)
    changes = {c.task.heading: c for c in result.changes}
    poc, political = changes["Protection of civilians"], changes["Support to the political process"]
    assert poc.kinds == ("moved",) and poc.rank_delta == 1
    assert political.kinds == ("moved",) and political.rank_delta == -1
    assert result.summary() == {"added": 0, "dropped": 0, "moved": 2, "retiered": 0, "reworded": 0, "unchanged": 4}


def test_tier_moves_and_adjusted_ranks():
    result = by_key(diff(load(D / "base.md"), load(D / "retiered.md")))
    assert result["projects"].kinds == ("retiered",) and result["projects"].tier_change == "promoted"
    assert result["humanitarian"].kinds == ("retiered",) and result["humanitarian"].tier_change == "demoted"
    assert result["ceasefire"].kinds == ("added",)
    # One insertion at the top: later tasks' printed ranks shift, but they did not move.
    assert result["political"].kinds == ("unchanged",)
    assert (result["political"].raw_rank_delta, result["political"].rank_delta) == (-1, 0)
    # Weapons management stays O2 although humanitarian assistance arrived at O1.
    assert result["weapons"].kinds == ("unchanged",)


def test_reworded_heading_at_about_80_percent_is_matched_with_a_redline():
    old, new = load(D / "base.md"), load(D / "reworded.md")
    result = diff(old, new, ignore_keys=True)
    poc = next(c for c in result.changes if c.new and c.new.heading.startswith("Protection of civilians"))
    assert poc.kinds == ("reworded",) and poc.match == "fuzzy"
    assert 70 <= poc.similarity <= 90
    assert wdiff(poc.redline) == "Protection of civilians{+, including against asymmetric threats+}"
    dropped = [c for c in result.changes if "dropped" in c.kinds]
    assert [c.old.heading for c in dropped] == ["Weapons and ammunition management"]


def test_greedy_crossing_is_avoided_by_global_assignment():
    old, new = load(D / "greedy_old.md"), load(D / "greedy_new.md")
    # The trap: the best single pair is old (a) with new (b).
    assert similarity(old.tasks[0], new.tasks[1]) > similarity(old.tasks[0], new.tasks[0])
    pairs = {(p.old, p.new) for p in align(old.tasks, new.tasks)}
    assert pairs == {(0, 0), (1, 1)}


def test_threshold_rejects_weak_pairs():
    old, new = load(D / "greedy_old.md"), load(D / "greedy_new.md")
    result = diff(old, new, threshold=95)
    assert result.summary()["added"] == 2 and result.summary()["dropped"] == 2


def test_empty_mandates():
    empty, base = load(D / "empty.md"), load(D / "base.md")
    assert diff(empty, empty).changes == ()
    assert [c.kinds for c in diff(empty, base).changes] == [("added",)] * 6
    assert [c.kinds for c in diff(base, empty).changes] == [("dropped",)] * 6


def test_strategic_only_mandate_promotes():
    result = by_key(diff(load(D / "base.md"), load(D / "strategic_only.md")))
    assert result["political"].tier_change == "promoted" and result["poc"].tier_change == "promoted"
    assert result["weapons"].kinds == ("dropped",)


def test_dropped_tasks_stand_where_they_were():
    result = diff(load(D / "base.md"), load(D / "reworded.md"))
    assert [c.key for c in result.changes][-2:] == ["projects", "weapons"]


def test_different_keys_are_never_paired():
    base = load(D / "base.md")
    renamed = Mandate(**{**base.__dict__, "tasks": tuple(
        Task(t.tier, t.rank, t.path, t.heading, t.text, t.subtasks, f"{t.key}-2") for t in base.tasks)})
    assert {c.kinds for c in diff(base, renamed).changes} == {("added",), ("dropped",)}
    assert {c.kinds for c in diff(base, renamed, ignore_keys=True).changes} == {("unchanged",)}


def test_bad_threshold_and_kinds():
    base = load(D / "base.md")
    with pytest.raises(UsageError, match="between 0 and 100"):
        diff(base, base, threshold=150)
    with pytest.raises(UsageError, match="unknown change kind shuffled"):
        diff(base, base).only(["shuffled"])


def test_redline_spells_both_sides():
    segments = redline("Support for the restoration", "Support to stabilization and the restoration")
    assert wdiff(segments) == "Support [-for-] {+to stabilization and+} the restoration"


# --- the bundled data: the story users check -----------------------------------------------------

CORPUS = Corpus(use_env=False)


def bundled(a, b, ignore_keys):
    return diff(CORPUS.resolve(a), CORPUS.resolve(b), ignore_keys=ignore_keys)


@pytest.mark.parametrize("ignore_keys", [False, True])
def test_2015_to_2018_state_authority_in_the_centre_and_strategic_priority_added(ignore_keys):
    changes = bundled("2015", "2018", ignore_keys).changes
    added = {(c.new.tier, c.new.rank): c.new.heading for c in changes if "added" in c.kinds}
    assert "restoration of State authority in the centre" in added[(Tier.PRIORITY, 2)]
    assert (Tier.STRATEGIC, 1) in added


@pytest.mark.parametrize("ignore_keys", [False, True])
def test_2018_to_2019_second_strategic_priority_added_first_kept(ignore_keys):
    changes = bundled("2018", "2019", ignore_keys).changes
    first = next(c for c in changes if c.new and c.new.position == "S1")
    assert first.old is not None and first.old.position == "S1" and "dropped" not in first.kinds
    second = next(c for c in changes if c.new and c.new.position == "S2")
    assert second.kinds == ("added",) and "Central Mali" in second.new.heading


@pytest.mark.parametrize("ignore_keys", [False, True])
def test_2013_to_2015_ceasefire_added_at_rank_1(ignore_keys):
    changes = bundled("2013", "2015", ignore_keys).changes
    ceasefire = next(c for c in changes if c.new and c.new.heading == "Ceasefire")
    assert ceasefire.kinds == ("added",) and ceasefire.new.rank == 1


def test_caveat_on_drop_from_incomplete_tier():
    changes = bundled("2018", "2019", False).changes
    weapons = next(c for c in changes if c.key == "weapons-ammunition")
    assert weapons.kinds == ("dropped",)
    assert weapons.caveat == ("MINUSMA 2019 (S/RES/2480 (2019)) lists its other tasks incompletely: "
                              "this task may not have been dropped")
    human_rights = next(c for c in changes if c.key == "human-rights")
    assert human_rights.caveat is None  # a priority task: that tier is complete in 2019


def test_caveat_on_drop_of_an_untiered_task_where_a_tier_is_incomplete():
    """2015's list has no tiers, so its dropped tasks could be among 2019's unlisted other tasks."""
    changes = bundled("2015", "2019", False).changes
    personnel = next(c for c in changes if c.key == "protection-un-personnel")
    assert personnel.kinds == ("dropped",) and "lists its other tasks incompletely" in personnel.caveat
    added = [c for c in changes if "added" in c.kinds]
    assert added and all(c.caveat is None for c in added)  # 2015 lists all its tasks


# --- properties ------------------------------------------------------------------------------------

HEADINGS = [
    "Protection of civilians", "Support to the political process", "Human rights", "Humanitarian assistance",
    "Projects for stabilization", "Ceasefire", "Good offices", "Support for elections", "Cultural heritage",
    "Weapons management", "Sanctions cooperation", "Protection of personnel", "Justice and reconciliation",
]


@st.composite
def mandates(draw):
    headings = draw(st.lists(st.sampled_from(HEADINGS), unique=True, max_size=10))
    tiers = draw(st.lists(st.sampled_from([Tier.STRATEGIC, Tier.PRIORITY, Tier.OTHER]),
                          min_size=len(headings), max_size=len(headings)))
    keyed = draw(st.booleans())
    tasks, ranks = [], {}
    for heading, tier in sorted(zip(headings, tiers), key=lambda ht: [Tier.STRATEGIC, Tier.PRIORITY, Tier.OTHER].index(ht[1])):
        ranks[tier] = ranks.get(tier, 0) + 1
        words = draw(st.sampled_from(["", " in the north", " and stabilization"]))
        key = heading.lower().replace(" ", "-") if keyed else None
        tasks.append(Task(tier, ranks[tier], "", heading + words, key=key))
    return Mandate("P", "S/RES/1 (2000)", 2000, __import__("datetime").date(2000, 1, 1), "abridged", ("x",),
                   None, tuple(tasks))


@settings(max_examples=200, deadline=None)
@given(mandates())
def test_diff_with_itself_is_all_unchanged(m):
    assert all(c.kinds == ("unchanged",) for c in diff(m, m).changes)
    assert len(diff(m, m).changes) == len(m.tasks)


@settings(max_examples=300, deadline=None)
@given(mandates(), mandates(), st.booleans())
def test_every_task_appears_exactly_once_and_summary_counts_match(a, b, ignore_keys):
    result = diff(a, b, ignore_keys=ignore_keys)
    olds = [id(c.old) for c in result.changes if c.old is not None]
    news = [id(c.new) for c in result.changes if c.new is not None]
    assert sorted(olds) == sorted(id(t) for t in a.tasks)
    assert sorted(news) == sorted(id(t) for t in b.tasks)
    summary = result.summary()
    for kind in KINDS:
        assert summary[kind] == sum(kind in c.kinds for c in result.changes)
    for change in result.changes:
        assert ("unchanged" in change.kinds) == (len(change.kinds) == 1 and change.kinds[0] == "unchanged")
        if change.old is not None and change.new is not None and "moved" not in change.kinds \
                and change.old.tier is change.new.tier:
            assert change.rank_delta == 0
