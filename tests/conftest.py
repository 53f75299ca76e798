"""Shared test setup: Qt runs offscreen, and every test gets its own fresh database."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from glossator.core.store import close_database, open_database


@pytest.fixture(autouse=True)
def glossator_db(tmp_path, monkeypatch):
    """A new database file for this test, opened and named by ``GLOSSATOR_DB``; yields its path."""
    path = tmp_path / "glossator.db"
    monkeypatch.setenv("GLOSSATOR_DB", str(path))
    open_database()
    yield path
    close_database()


def pytest_collection_modifyitems(config, items):
    """Tests marked ``packaging`` build the bundled app (minutes); they run only on request."""
    if os.environ.get("GLOSSATOR_PACKAGING_TESTS") == "1":
        return
    kept = [item for item in items if item.get_closest_marker("packaging") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
