"""A process that forks a fresh worker for each ``go`` line on stdin, for tests that kill workers.

It prints ``pid N`` for each worker and ``exit N STATUS`` once the worker has ended (killed,
normally). Forking from a process that has already imported Glossator makes each kill cost
milliseconds instead of an interpreter start, so many kills fit in a CI run.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable


def _die_with(parent: int) -> None:
    """End this worker once its parent is gone, so a failed test never leaves it writing."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def serve_forks(work: Callable[[], None]) -> None:
    """Fork one worker running ``work`` per ``go`` line; stop at end of input or any other line."""
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            threading.Thread(target=_die_with, args=(os.getppid(),), daemon=True).start()
            try:
                work()
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {pid} {status}", flush=True)
