"""Where the database file is: explicit argument, then GLOSSATOR_DB, then the user data folder."""

import sys

import pytest

from glossator.core import paths


def test_explicit_path_beats_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSATOR_DB", str(tmp_path / "env.db"))
    assert paths.resolve_db_path(tmp_path / "arg.db") == tmp_path / "arg.db"


def test_environment_beats_default(tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSATOR_DB", str(tmp_path / "env.db"))
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "data")
    assert paths.resolve_db_path() == tmp_path / "env.db"


def test_default_is_in_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("GLOSSATOR_DB", raising=False)
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "data")
    assert paths.resolve_db_path() == tmp_path / "data" / "glossator.db"
    assert paths.resolve_db_path("") == tmp_path / "data" / "glossator.db"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_user_data_folder_follows_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.delenv("GLOSSATOR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.default_db_path() == tmp_path / "xdg" / "Glossator" / "glossator.db"


def test_relative_and_home_paths_are_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.resolve_db_path("lib.db") == tmp_path / "lib.db"
    assert paths.resolve_db_path("~/lib.db") == tmp_path / "home" / "lib.db"
