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
import signal
import time
from pathlib import Path

import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from tests.reliability.crash_check import Acknowledged, integrity, lost_writes
from tests.reliability.reliability_profile import CRASH_KILLS
from tests.reliability.victims import Victims

WRITER = Path(__file__).with_name("crash_writer.py")
TEXT = "\n\n".join(f"Paragraph {n}: the share price fell by {n}% on the day." for n in range(40))

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")


def test_sigkill_never_loses_an_acknowledged_write(tmp_path, capsys):
    db, log = tmp_path / "library.db", tmp_path / "acknowledged.log"
    store.open_database(db)
    article_id = store.save_article(Article(text=TEXT, blocks=paragraph_blocks(TEXT))).id
    store.close_database()

    rng = random.Random(20261129)
    writers = Victims([str(WRITER), str(db), str(log), str(article_id)])
    kills_while_opening = 0
    try:
        for kill in range(1, CRASH_KILLS + 1):
            pid, ready = writers.start()
            if rng.random() < 0.15:
                # Kill while the writer is still opening the library (or has just begun).
                time.sleep(rng.uniform(0, 0.01))
            else:
                if not ready:
                    writers.wait_ready()
                    ready = True
                time.sleep(rng.uniform(0, 0.2))
            os.kill(pid, signal.SIGKILL)
            status, ready_late = writers.reap(pid)
            kills_while_opening += not (ready or ready_late)
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
