"""One of the concurrency test's writers: ``python concurrent_writer.py DB ACK_LOG COUNT``.

It waits for a line on stdin so that both writers start together, opens the library (both
may find it missing and create it at the same moment), stores the shared article, then adds
COUNT notes and sources as fast as it can, logging each after its commit returned. Any
error ends it with a traceback on stderr and a non-zero exit code.
"""

from __future__ import annotations

import os
import sys

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks

TEXT = "\n\n".join(f"Paragraph {n}: exports rose by {n}% in the quarter." for n in range(30))


def main() -> None:
    db, ack_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sys.stdin.readline()
    store.open_database(db)
    # Both writers save the same text: it must become one article, not two or an error.
    article_id = store.save_article(Article(text=TEXT, blocks=paragraph_blocks(TEXT))).id
    pid = os.getpid()
    with open(ack_path, "w", encoding="utf-8", buffering=1) as ack:
        for n in range(count):
            start = (n * 13) % (len(TEXT) - 10)
            if n % 2:
                body = f"note {pid}-{n}"
                ack.write(f"note {store.add_note(article_id, start, start + 6, body).id} {body}\n")
            else:
                url = f"https://example.org/{pid}/{n}"
                ack.write(f"source {store.add_source(article_id, start, start + 4, url).id} {url}\n")
    store.close_database()


if __name__ == "__main__":
    main()
