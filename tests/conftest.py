"""Shared test setup: Qt runs offscreen, and every test gets its own fresh database."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from glossator.core.store import close_database, open_database  # noqa: E402


@pytest.fixture(autouse=True)
def glossator_db(tmp_path, monkeypatch):
    """A new database file for this test, opened and named by ``GLOSSATOR_DB``; yields its path."""
    path = tmp_path / "glossator.db"
    monkeypatch.setenv("GLOSSATOR_DB", str(path))
    open_database()
    yield path
    close_database()
