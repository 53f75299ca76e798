"""``glossator import DIR|FILES... [--jobs N]``: a folder imported recursively, bad files
reported and skipped, a summary at the end, and what was stored kept when it stops."""

import pytest

from glossator.core import store
from glossator.core.batch_import import BatchItem, collect, import_many
from tests.cli_runner import run
from tests.pdf_documents import SAMPLE, make_pdf
from tests.samples import SAMPLE_ARTICLE


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "inbox"
    (root / "reports" / "2024").mkdir(parents=True)
    (root / "a-news.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (root / "reports" / "flood.pdf").write_bytes(make_pdf(SAMPLE).data)
    (root / "reports" / "2024" / "note.md").write_text("# Harbour note\n\nThe wall cost £48 million.\n",
                                                       encoding="utf-8")
    (root / "reports" / "empty.txt").write_bytes(b"")
    (root / "reports" / "picture.png").write_bytes(b"\x89PNG")
    (root / ".cache").mkdir()
    (root / ".cache" / "hidden.txt").write_text("not an article", encoding="utf-8")
    return root


def test_collect_finds_articles_recursively_and_leaves_the_rest(folder, tmp_path):
    paths, other = collect([folder, folder / "a-news.txt", tmp_path / "missing.txt"])
    assert [p.relative_to(folder).as_posix() for p in paths] == [
        "a-news.txt", "reports/2024/note.md", "reports/empty.txt", "reports/flood.pdf"]
    assert other == [str(tmp_path / "missing.txt")]


def test_a_folder_imports_with_a_summary(capsys, folder):
    code, out, err = run(capsys, "import", str(folder), "--no-analyse", "--jobs", "1")
    assert code == 1  # one file could not be read
    assert "skipped: " in err and "empty.txt" in err and "is empty" in err
    assert out.splitlines()[-1] == "4 of 4 files: 3 imported, 1 could not be read"
    store.open_database()
    titles = sorted(row.title for row in store.list_articles())
    assert titles == sorted(["DeepSeek R1 AI Model Disrupts Global Tech Market", "Harbour note", SAMPLE.title])


def test_two_processes_store_the_same_as_one(capsys, folder, tmp_path):
    (folder / "reports" / "empty.txt").unlink()
    code, out, err = run(capsys, "import", str(folder), "--jobs", "2")
    assert code == 0, err
    assert out.splitlines()[-1] == "3 of 3 files: 3 imported"
    store.open_database()
    rows = {row.title: row.id for row in store.list_articles()}
    parallel = {title: sorted((r.kind, r.start, r.end, r.label) for r in store.annotation_records(aid))
                for title, aid in rows.items()}
    store.close_database()
    code, _, err = run(capsys, "--db", str(tmp_path / "one.db"), "import", str(folder), "--jobs", "1")
    assert code == 0, err
    store.open_database(tmp_path / "one.db")
    serial = {row.title: sorted((r.kind, r.start, r.end, r.label) for r in store.annotation_records(row.id))
              for row in store.list_articles()}
    assert parallel == serial and all(parallel.values())


def test_importing_again_says_what_was_there(capsys, folder):
    run(capsys, "import", str(folder), "--no-analyse", "--jobs", "1")
    code, out, _ = run(capsys, "import", str(folder / "a-news.txt"), str(folder / "reports"), "--no-analyse")
    assert "(already in the library)" in out
    assert out.splitlines()[-1].startswith("4 of 4 files: 0 imported, 3 already in the library")


def test_stopping_keeps_what_was_stored(folder):
    paths, _ = collect([folder])
    seen: list[BatchItem] = []
    report = import_many(paths, jobs=1, analyse=False, on_item=seen.append, stop=lambda: len(seen) >= 2)
    assert report.stopped and len(report.items) == 2
    assert report.summary() == "2 of 4 files: 2 imported, stopped with 2 not imported"
    assert len(store.list_articles()) == 2


def test_a_batch_refuses_stdin_and_addresses(capsys, folder):
    code, _, err = run(capsys, "import", str(folder), "-")
    assert code == 2 and "one at a time" in err


def test_ctrl_c_stops_and_keeps_what_was_stored(tmp_path):
    """The real command in its own process, interrupted while it works."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    inbox = tmp_path / "many"
    inbox.mkdir()
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    for i in range(12):
        (inbox / f"story-{i:02d}.txt").write_text(f"Story {i}\n\n{text}\n\nEdition {i}.", encoding="utf-8")
    db = tmp_path / "library.db"
    command = [sys.executable, "-m", "glossator", "--db", str(db), "import", str(inbox), "--jobs", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stored() -> int:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
                return connection.execute("SELECT count(*) FROM article").fetchone()[0]
        except sqlite3.Error:
            return 0

    deadline = time.monotonic() + 240
    while stored() < 1 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
    assert process.poll() is None, "the import ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 1, err[-2000:]
    assert "Traceback" not in err
    last = out.strip().splitlines()[-1]
    assert "stopped with" in last and "Ctrl+C stopped the import" in last
    kept = stored()
    assert 1 <= kept < 12
    assert sum(1 for line in out.splitlines() if line.startswith("Article ")) == kept
    assert os.path.exists(db)
