"""The atomic-export test's victim: ``python export_writer.py TARGET`` forks workers that keep
replacing TARGET with one of two large, complete versions until they are killed."""

from __future__ import annotations

import os
import sys

from tests.reliability.forking_victim import serve_forks

VERSIONS = ("A" * 1_000_000, "B" * 1_000_000)


def write_forever(target: str) -> None:
    """Export one version after the other to ``target`` until killed."""
    # Imported after the fork: the NLP stack it pulls in starts threads, and a fork taken
    # while one of them holds a lock can leave the worker hung.
    from glossator.core.safe_write import write_text_atomically

    print(f"ready {os.getpid()}", flush=True)
    n = 0
    while True:
        write_text_atomically(target, VERSIONS[n % 2])
        n += 1


if __name__ == "__main__":
    serve_forks(lambda: write_forever(sys.argv[1]))
