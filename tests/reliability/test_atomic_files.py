"""Exports and backups are written to a temporary file and renamed: a crash or an error in the
middle leaves the previous file whole, never half of a new one."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from glossator.core import safe_write
from glossator.core.errors import GlossatorError
from tests.reliability.export_writer import VERSIONS
from tests.reliability.victims import Victims

WRITER = Path(__file__).with_name("export_writer.py")
KILLS = 10


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")
def test_export_killed_midway_leaves_a_whole_file(tmp_path):
    target = tmp_path / "exports" / "article.md"
    target.parent.mkdir()
    target.write_text("the previous export", encoding="utf-8")
    rng = random.Random(7)
    seen = set()
    writers = Victims([str(WRITER), str(target)])
    try:
        for _ in range(KILLS):
            pid, said_ready = writers.start()
            if not said_ready:
                writers.wait_ready()
            time.sleep(rng.uniform(0, 0.1))
            os.kill(pid, signal.SIGKILL)
            assert os.WTERMSIG(writers.reap(pid)[0]) == signal.SIGKILL
            content = target.read_text(encoding="utf-8")
            assert content in ("the previous export", *VERSIONS)
            seen.add(content[:1])
    finally:
        writers.close()
    # The kills landed while the file was being replaced, and both versions got through.
    assert {"A", "B"} <= seen


def test_failed_export_keeps_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "exports" / "article.md"
    target.parent.mkdir()
    target.write_text("good", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(GlossatorError, match="No space left"):
        safe_write.write_text_atomically(target, "new text " * 1000)
    assert target.read_text(encoding="utf-8") == "good"
    assert sorted(p.name for p in target.parent.iterdir()) == ["article.md"]
