"""How much a batch import gains from more processes: the same folder imported into fresh
libraries with --jobs 1 and --jobs N, side by side; the ratio is the figure to compare.

    python bench/batch_import.py [--files 24] [--words 2500] [--jobs 2]

The model is loaded before either run. From the command line the workers are forked from a
process that has loaded it, so they share it; the window's workers are spawned and load it
themselves. The folder is made from the novels in ../shared/data/gutenberg when present (else the
repository's excerpts), cut into chapter-sized files.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossator.core import store  # noqa: E402
from glossator.core.batch_import import collect, import_many  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "data" / "gutenberg" / name for name in ("pg1342.txt", "pg84.txt", "pg2701.txt")]
FALLBACK = [ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt"]


def make_folder(folder: Path, files: int, words: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()] or \
        [p.read_text(encoding="utf-8") for p in FALLBACK]
    pool = " ".join(texts).split()
    for i in range(files):
        start = (i * words * 7) % max(len(pool) - words, 1)
        chunk = pool[start:start + words]
        paragraphs = [" ".join(chunk[j:j + 120]) for j in range(0, len(chunk), 120)]
        (folder / f"chapter-{i:03d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def timed(folder: Path, jobs: int) -> float:
    with tempfile.TemporaryDirectory() as db_folder:
        store.open_database(Path(db_folder) / "library.db")
        paths, _ = collect([folder])
        started = time.perf_counter()
        report = import_many(paths, jobs=jobs)
        elapsed = time.perf_counter() - started
        store.close_database()
    assert report.count("imported") == len(paths), report.summary()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=24)
    parser.add_argument("--words", type=int, default=2500)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    from glossator.core.nlp.model import load_model

    load_model()  # loaded once before either run, so neither pays for it
    with tempfile.TemporaryDirectory() as folder:
        make_folder(Path(folder), args.files, args.words)
        one = timed(Path(folder), 1)
        many = timed(Path(folder), args.jobs)
    words = args.files * args.words
    print(f"{args.files} files, {words:,} words")
    print(f"--jobs 1: {one:.1f} s ({words / one:,.0f} words/s)")
    print(f"--jobs {args.jobs}: {many:.1f} s ({words / many:,.0f} words/s)")
    print(f"speed-up: {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
