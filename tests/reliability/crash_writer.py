"""The crash test's victim: a process that forks writers which add notes and sources forever.

Run as ``python crash_writer.py DB ACK_LOG ARTICLE_ID``. For each ``go`` line on stdin it forks
a writer and prints ``pid N``; the writer opens the library, prints ``ready N`` and then adds
notes, sources and now and then a whole article, appending one line to ACK_LOG after each
commit has returned. The test kills the writer; this process then prints ``exit N STATUS``.
Forking from one process that has already imported Glossator makes a kill cost milliseconds
rather than an interpreter start, so a hundred kills fit in a CI run.
"""

from __future__ import annotations

import os
import sys

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from tests.reliability.forking_victim import serve_forks


def write_forever(db: str, ack_path: str, article_id: int) -> None:
    """Open the library and write until killed, acknowledging each committed write."""
    store.open_database(db)
    length = len(store.get_article(article_id).text)
    pid = os.getpid()
    with open(ack_path, "a", encoding="utf-8", buffering=1) as ack:
        print(f"ready {pid}", flush=True)
        n = 0
        while True:
            n += 1
            start = (n * 37 + pid) % (length - 12)
            end = start + 1 + n % 11
            if n % 9 == 0:
                text = f"Article {pid}-{n}.\n\n" + "A paragraph of text to store. " * 100
                row = store.save_article(Article(text=text, blocks=paragraph_blocks(text)))
                ack.write(f"article {row.id} {row.text_hash}\n")
            elif n % 2:
                body = f"note {pid}-{n} " + "x" * (n % 300)
                note = store.add_note(article_id, start, end, body)
                ack.write(f"note {note.id} {body}\n")
            else:
                url = f"https://example.org/{pid}/{n}"
                source = store.add_source(article_id, start, end, url, stance="supports")
                ack.write(f"source {source.id} {url}\n")


def main() -> None:
    db, ack_path, article_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    serve_forks(lambda: write_forever(db, ack_path, article_id))


if __name__ == "__main__":
    main()
