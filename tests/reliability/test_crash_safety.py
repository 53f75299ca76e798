"""A writer killed with SIGKILL at random moments never damages the library or loses a commit.

A writer process adds notes, sources and articles in a loop and logs each write after its
commit returns. It is killed ``CRASH_KILLS`` times (100 by default, 1,000 with
``GLOSSATOR_TEST_PROFILE=full``), sometimes while it is still opening the library. After
every kill the file passes ``PRAGMA integrity_check``, every acknowledged write is there,
and Glossator opens the library normally.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from tests.reliability.crash_check import Acknowledged, integrity, lost_writes
from tests.reliability.profile import CRASH_KILLS

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]
TEXT = "\n\n".join(f"Paragraph {n}: the share price fell by {n}% on the day." for n in range(40))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")


class Writers:
    """The forking writer process, driven line by line over its pipes."""

    def __init__(self, db: Path, log: Path, article_id: int):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]))
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(db), str(log), str(article_id)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env, bufsize=1,
        )

    def line(self, timeout: float = 30.0) -> str:
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.process.kill()
            pytest.fail(f"the writer stopped answering: {self.process.stderr.read()}")
        return line.split()

    def start(self) -> tuple[int, bool]:
        """Fork one writer; returns its pid and whether it already said it is ready."""
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        said_ready = False
        while True:
            words = self.line()
            if words[0] == "ready":
                said_ready = True
            elif words[0] == "pid":
                return int(words[1]), said_ready
            else:
                pytest.fail(f"unexpected writer output {words}: {self.process.stderr.read()}")

    def wait_ready(self) -> None:
        words = self.line()
        assert words[0] == "ready", words

    def reap(self, pid: int) -> int:
        words = self.line()
        assert words[:2] == ["exit", str(pid)], words
        return int(words[2])

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def test_sigkill_never_loses_an_acknowledged_write(tmp_path, capsys):
    db, log = tmp_path / "library.db", tmp_path / "acknowledged.log"
    store.open_database(db)
    article_id = store.save_article(Article(text=TEXT, blocks=paragraph_blocks(TEXT))).id
    store.close_database()

    rng = random.Random(20261129)
    writers = Writers(db, log, article_id)
    kills_while_opening = 0
    try:
        for kill in range(1, CRASH_KILLS + 1):
            pid, said_ready = writers.start()
            if rng.random() < 0.15:
                # Kill while the writer is still opening the library (or has just begun).
                time.sleep(rng.uniform(0, 0.01))
                kills_while_opening += not said_ready
            else:
                if not said_ready:
                    writers.wait_ready()
                time.sleep(rng.uniform(0, 0.2))
            os.kill(pid, signal.SIGKILL)
            status = writers.reap(pid)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                f"kill {kill}: the writer ended by itself (status {status}): "
                "it must keep writing until killed"
            )
            assert integrity(db) == "ok", f"kill {kill}"
            acked = Acknowledged.read(log)
            lost = lost_writes(db, acked)
            assert lost == [], f"kill {kill}: acknowledged writes lost: {lost[:10]}"
            # The app opens the library normally (recovering the WAL) and reads it.
            store.open_database(db)
            assert store.get_article(article_id).id == article_id
            store.close_database()
    finally:
        writers.close()

    acked = Acknowledged.read(log)
    assert len(acked) >= CRASH_KILLS, "the writer should have committed at least once per kill on average"
    with capsys.disabled():
        print(f"\ncrash test: {CRASH_KILLS} kills ({kills_while_opening} while opening), "
              f"{len(acked)} acknowledged writes ({len(acked.notes)} notes, {len(acked.sources)} "
              f"sources, {len(acked.articles)} articles), 0 lost")
