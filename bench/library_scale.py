"""How a large library behaves: search, the Library panel, "Mentioned In" and the file size,
measured on a library built from real text.

    python bench/library_scale.py [--articles 10000] [--queries 40] [--keep DB]

The library is made of chapter-sized pieces of the novels in ../shared/data/gutenberg (else
the repository's excerpts), each with entity marks for the names it contains, a claim, a
highlight with a note on every tenth, as a reader's library would have. Building it takes a
few minutes for 10,000 articles; ``--keep`` keeps the file to measure again.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossator.core import store  # noqa: E402
from glossator.core.readers import read_text  # noqa: E402

SOURCES = [ROOT.parent / "shared" / "data" / "gutenberg" / n for n in ("pg1342.txt", "pg84.txt", "pg2701.txt",
                                                                      "pg1513.txt")]
FALLBACK = [ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt"]
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
QUERIES = ["whale", "Elizabeth", "captain ship", "\"the sea\"", "monster", "letter", "Darcy pride", "harpoon",
           "Romeo", "night", "sister", "fortune", "creature", "Queequeg", "marriage", "Verona", "ice", "wife"]


def pieces(words: int = 900) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in SOURCES if p.exists()] or \
        [p.read_text(encoding="utf-8") for p in FALLBACK]
    pool = " ".join(texts).split()
    return [" ".join(pool[i:i + words]) for i in range(0, len(pool) - words, words // 3)]


def build(path: Path, count: int) -> float:
    store.open_database(path)
    chunks = pieces()
    rng = random.Random(16)
    started = time.perf_counter()
    for i in range(count):
        body = chunks[i % len(chunks)]
        text = f"Piece {i}\n\n" + "\n\n".join(body[j:j + 600] for j in range(0, len(body), 600))
        with store.transaction():
            row = store.save_article(read_text(text, source_path=f"/library/piece-{i:05d}.txt"))
            names = {m.group(0): m.start() for m in NAME.finditer(row.text)}
            for name, at in list(names.items())[:12]:
                store.add_annotation(row.id, "entity", "PERSON", at, at + len(name), origin="auto")
            store.add_annotation(row.id, "claim", "statistic", 0, min(80, len(row.text)), origin="auto",
                                 score=rng.random())
            if i % 10 == 0:
                store.add_note(row.id, 20, 60, f"Check piece {i} against the first edition.")
        if (i + 1) % 1000 == 0:
            print(f"  {i + 1} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    store.close_database()
    return time.perf_counter() - started


def timings(fn, runs: list) -> tuple[float, float]:
    times = []
    for arg in runs:
        started = time.perf_counter()
        fn(arg)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--keep", help="build into (or reuse) this database file")
    args = parser.parse_args()
    path = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="glossator-scale-")) / "library.db"
    if not path.exists():
        print(f"building {args.articles} articles in {path}…", file=sys.stderr)
        print(f"build: {build(path, args.articles):.0f} s")
    store.open_database(path)
    count = len(store.list_articles())
    queries = [QUERIES[i % len(QUERIES)] for i in range(args.queries)]
    median, p95 = timings(lambda q: store.search(q, limit=50), queries)
    print(f"{count} articles, {os.path.getsize(path) / 1024 / 1024:.0f} MB "
          f"({os.path.getsize(path) / max(count, 1) / 1024:.1f} KB an article)")
    print(f"library search: median {median:.1f} ms, p95 {p95:.1f} ms (goal < 20 ms, p95 < 60 ms at 10k)")
    median, _ = timings(lambda _x: store.list_articles(), range(5))
    print(f"list the library (the Library panel's query): median {median:.0f} ms")
    from glossator.core.entity_index import articles_mentioning

    median, _ = timings(lambda name: articles_mentioning(name), ["Elizabeth", "Darcy", "Captain"])
    print(f"Mentioned In for a common name: median {median:.0f} ms (goal < 200 ms)")
    store.close_database()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
