"""An export replaces only a regular file the user may write: links are written through,
special files, read-only files and the open library are refused, permissions are those a
new file would get or the old file had, and a killed writer's leftovers are cleaned up."""

import os
import stat
import time

import pytest

from glossator.core import safe_write
from glossator.core.errors import GlossatorError
from glossator.core.safe_write import write_text_atomically


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_file_gets_the_umask_permissions(tmp_path, umask_022):
    target = tmp_path / "out.md"
    write_text_atomically(target, "text")
    assert _mode(target) == 0o644
    os.umask(0o077)
    second = tmp_path / "private.md"
    write_text_atomically(second, "text")
    assert _mode(second) == 0o600


def test_an_existing_file_keeps_its_permissions(tmp_path, umask_022):
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o640)
    write_text_atomically(target, "new")
    assert target.read_text() == "new" and _mode(target) == 0o640


def test_a_link_is_written_through_to_its_target(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    written = write_text_atomically(link, "new")
    assert link.is_symlink() and real.read_text() == "new" and written == real.resolve()
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "later.md")
    write_text_atomically(dangling, "made")
    assert dangling.is_symlink() and (tmp_path / "later.md").read_text() == "made"


def test_special_files_are_refused_without_being_opened(tmp_path):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(GlossatorError, match="named pipe, not a regular file"):
        write_text_atomically(fifo, "text")  # opening a FIFO would block this test
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(GlossatorError, match="a folder, not a regular file"):
        write_text_atomically(tmp_path, "text")
    if os.path.exists("/dev/full"):
        with pytest.raises(GlossatorError, match="a device, not a regular file"):
            write_text_atomically("/dev/full", "text")
        assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe.md"]


def test_a_read_only_file_is_refused(tmp_path):
    target = tmp_path / "keep.md"
    target.write_text("precious")
    target.chmod(0o444)
    with pytest.raises(GlossatorError, match="read-only"):
        write_text_atomically(target, "new")
    assert target.read_text() == "precious" and _mode(target) == 0o444


def test_the_open_library_is_refused(glossator_db, tmp_path):
    before = glossator_db.read_bytes()
    for path in (glossator_db, glossator_db.with_name(glossator_db.name + "-wal")):
        with pytest.raises(GlossatorError, match="open library"):
            write_text_atomically(path, "not a database")
    link = tmp_path / "innocent.md"
    link.symlink_to(glossator_db)
    with pytest.raises(GlossatorError, match="open library"):
        write_text_atomically(link, "not a database")
    assert glossator_db.read_bytes() == before


def test_stale_temporaries_of_ours_are_removed_and_nothing_else(tmp_path):
    old = time.time() - safe_write.STALE_AFTER_S - 60
    stale = tmp_path / ".out.md.k3j_9xq2.tmp"
    fresh = tmp_path / ".out.md.a8b7c6d5.tmp"
    other = tmp_path / ".other.md.k3j_9xq2.tmp"
    users = tmp_path / ".out.md.my notes.tmp"
    for path in (stale, fresh, other, users):
        path.write_text("partial")
    for path in (stale, other, users):
        os.utime(path, (old, old))
    write_text_atomically(tmp_path / "out.md", "whole")
    assert not stale.exists()
    assert fresh.exists() and other.exists() and users.exists()
    assert (tmp_path / "out.md").read_text() == "whole"


def test_the_umask_is_read_without_changing_it(umask_022):
    assert safe_write.current_umask() == 0o022
    assert os.umask(0o022) == 0o022
