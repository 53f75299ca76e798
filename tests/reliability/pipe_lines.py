"""Reading a child process's output line by line with a deadline.

``select()`` looks at the descriptor, not at a file object's buffer: after ``readline()``
has pulled two lines into the buffer, ``select()`` waits for a third that may never come.
So lines are cut here from what ``os.read`` returns on the raw descriptor.
"""

from __future__ import annotations

import os
import select
import time


class LineReader:
    """Whole lines from a pipe's descriptor; ``None`` once the deadline passes or the pipe ends."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = b""

    def line(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()
