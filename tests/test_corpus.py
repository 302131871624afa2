from __future__ import annotations

import shutil

import pytest

from mandate_diff import Corpus, ReferenceNotFound, load_mandate
from mandate_diff.corpus import mandate_files

from .conftest import FIXTURES


@pytest.fixture
def user_dir(tmp_path):
    for name in ("untiered.md", "tiered.md", "strategic_only.md"):
        shutil.copy(FIXTURES / "valid" / name, tmp_path / name)
    (tmp_path / "README.md").write_text("not a mandate")
    (tmp_path / ".hidden.md").write_text("not a mandate either")
    return tmp_path


@pytest.mark.parametrize("ref", ["2018", "2423", "S/RES/2423 (2018)", "s/res/2423", "S/RES/2423(2018)"])
def test_references_resolve(ref):
    assert Corpus(use_env=False).resolve(ref).symbol == "S/RES/2423 (2018)"


def test_file_path_reference():
    m = Corpus(use_env=False).resolve(str(FIXTURES / "valid" / "tiered.md"))
    assert m.mission == "TESTMISSION"


def test_unknown_year_lists_available():
    with pytest.raises(ReferenceNotFound, match=r"Available for MINUSMA: 2013 \(S/RES/2100 \(2013\)\)"):
        Corpus(use_env=False).resolve("1999")


def test_unknown_mission_lists_missions():
    with pytest.raises(ReferenceNotFound, match=r"missions available: MINUSMA"):
        Corpus(use_env=False).resolve("2018", mission="UNMISS")


def test_ambiguous_year(user_dir):
    twin = (FIXTURES / "valid" / "tiered.md").read_text().replace("9002", "9099")
    (user_dir / "twin.md").write_text(twin)
    corpus = Corpus([user_dir], bundled=False, use_env=False)
    with pytest.raises(ReferenceNotFound, match="ambiguous"):
        corpus.resolve("2031", mission="TESTMISSION")
    assert corpus.resolve("9099", mission="testmission").year == 2031


def test_user_dirs_skip_readme_and_hidden_files(user_dir):
    assert [p.name for p in mandate_files(user_dir)] == ["strategic_only.md", "tiered.md", "untiered.md"]


def test_env_var_adds_directories(user_dir, monkeypatch):
    monkeypatch.setenv("MANDATE_DIFF_PATH", str(user_dir))
    corpus = Corpus()
    assert corpus.missions() == ["MINUSMA", "TESTMISSION"]
    assert corpus.resolve("2030", mission="TESTMISSION").symbol == "S/RES/9001 (2030)"


def test_missing_directory_is_an_error(tmp_path):
    with pytest.raises(ReferenceNotFound, match="does not exist"):
        Corpus([tmp_path / "nope"])


def test_symlinked_directory_loops_are_not_followed(user_dir):
    (user_dir / "loop").symlink_to(user_dir)
    assert len(mandate_files(user_dir)) == 3


def test_load_mandate_api():
    assert load_mandate("2019").year == 2019
