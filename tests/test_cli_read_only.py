"""A library the user cannot write to: reading commands work, edits say why they cannot, and
nothing calls the file damaged.

File modes mean nothing to root, so as root the commands run as the unprivileged user
``nobody``; as anyone else they run as that user."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534
TEXT = "Exports rose by 4% in March, the ministry said. Imports fell by 2%."


def _as_user() -> dict:
    if os.geteuid() != 0:
        return {}

    def drop() -> None:
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    return {"preexec_fn": drop}


def _owner() -> int:
    return NOBODY if os.geteuid() == 0 else os.geteuid()


@pytest.fixture
def library(glossator_db):
    """A closed library with one article in a folder of its own that the user can read."""
    store.save_article(Article(text=TEXT, blocks=paragraph_blocks(TEXT), title="Trade figures"))
    store.close_database()
    folder = Path(tempfile.mkdtemp(prefix="glossator-ro-"))
    os.chmod(folder, 0o755)
    db = folder / "lib.db"
    shutil.copyfile(glossator_db, db)
    yield db
    for path in (folder, *folder.iterdir()):
        os.chmod(path, 0o755)
    shutil.rmtree(folder)


def _glossator(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"), HOME=str(db.parent))
    return subprocess.run([sys.executable, "-m", "glossator", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=120, cwd=db.parent, **_as_user())


def _reading_commands_work(db: Path) -> None:
    listed = _glossator(db, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Trade figures" in listed.stdout
    found = _glossator(db, "search", "exports")
    assert found.returncode == 0 and "Trade figures" in found.stdout, found.stderr
    shown = _glossator(db, "show", "1")
    assert shown.returncode == 0 and "Trade figures" in shown.stdout, shown.stderr


def test_read_only_file_can_be_read_but_not_edited(library):
    os.chown(library.parent, _owner(), -1)
    os.chown(library, _owner(), -1)
    os.chmod(library, 0o444)
    before = library.read_bytes()
    _reading_commands_work(library)
    edit = _glossator(library, "note", "1", "--start", "0", "--end", "7", "--text", "refused")
    assert edit.returncode == 2
    assert edit.stderr.count("\n") == 1 and "Traceback" not in edit.stderr
    assert "read-only" in edit.stderr and "edits are impossible" in edit.stderr
    check = _glossator(library, "db", "check")
    assert check.returncode == 0 and "no damage found" in check.stdout, check.stderr
    assert library.read_bytes() == before


def test_read_only_folder_is_not_called_damage(library):
    os.chown(library, _owner(), -1)
    os.chmod(library.parent, 0o555)
    check = _glossator(library, "db", "check")
    assert check.returncode == 0, check.stderr
    assert "no damage found" in check.stdout
    _reading_commands_work(library)
    edit = _glossator(library, "note", "1", "--start", "0", "--end", "7", "--text", "refused")
    assert edit.returncode == 2 and "Traceback" not in edit.stderr
    assert f"the folder {library.parent} is read-only" in edit.stderr
    assert sorted(p.name for p in library.parent.iterdir()) == ["lib.db"]
