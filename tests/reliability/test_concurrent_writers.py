"""Two Glossator processes writing to one library at once lose nothing and never fail on a lock.

Both start together on a file that does not exist yet, so they also race to create it. Each
then adds ``CONCURRENT_WRITES`` notes and sources as fast as it can (150 by default, 1,000
with ``GLOSSATOR_TEST_PROFILE=full``).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.reliability.crash_check import Acknowledged, integrity, lost_writes
from tests.reliability.reliability_profile import CONCURRENT_WRITES

WRITER = Path(__file__).with_name("concurrent_writer.py")
ROOT = Path(__file__).resolve().parents[2]


def test_two_processes_write_one_library_without_loss_or_lock_errors(tmp_path, capsys):
    db = tmp_path / "shared" / "library.db"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]))
    logs = [tmp_path / f"writer-{n}.log" for n in (1, 2)]
    writers = [
        subprocess.Popen([sys.executable, str(WRITER), str(db), str(log), str(CONCURRENT_WRITES)],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
        for log in logs
    ]
    # Both are started (and have imported Glossator) before either is told to go.
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=300) for writer in writers]

    for writer, (_, err) in zip(writers, results):
        assert "locked" not in err.lower(), err
        assert writer.returncode == 0, err
    acked = [Acknowledged.read(log) for log in logs]
    assert [len(a) for a in acked] == [CONCURRENT_WRITES, CONCURRENT_WRITES]
    assert integrity(db) == "ok"
    for one in acked:
        assert lost_writes(db, one) == []
    connection = sqlite3.connect(db)
    try:
        counts = [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("note", "source", "article", "schema_version")]
    finally:
        connection.close()
    notes = sum(len(a.notes) for a in acked)
    sources = sum(len(a.sources) for a in acked)
    assert counts == [notes, sources, 1, 1]
    with capsys.disabled():
        print(f"\nconcurrency test: 2 processes, {notes + sources} writes, 0 lost, 0 lock errors")
