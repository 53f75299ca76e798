"""Driving a ``serve_forks`` process from a test: fork a worker, wait for it, reap it after a kill."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.reliability.pipe_lines import LineReader

ROOT = Path(__file__).resolve().parents[2]


class Victims:
    """A process running ``serve_forks``, driven line by line over its pipes."""

    def __init__(self, argv: list[str]):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "desktop"), str(ROOT)]))
        # No numerical thread pools: a fork copies only the forking thread, and a pool's
        # lock held at that moment would hang the worker before it does anything.
        env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
        # stderr goes to a file: a pipe nobody reads while the test runs fills up and stops
        # the process (and every worker it forks) at its next warning.
        self.errors = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, *argv],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
            text=True, env=env, bufsize=1,
        )
        self.reader = LineReader(self.process.stdout.fileno())

    def stderr(self) -> str:
        self.errors.seek(0)
        return self.errors.read()[-3000:]

    def line(self, timeout: float = 120.0) -> list[str]:
        line = self.reader.line(timeout)
        if not line:
            self.process.kill()
            self.process.wait(timeout=30)
            pytest.fail(f"the forking process stopped answering: {self.stderr()}")
        return line.split()

    def start(self) -> tuple[int, bool]:
        """Fork one worker; returns its pid and whether it already said it is ready."""
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        said_ready = False
        while True:
            words = self.line()
            if words[0] == "ready":
                said_ready = True
            elif words[0] == "pid":
                return int(words[1]), said_ready
            else:
                pytest.fail(f"unexpected output {words}: {self.stderr()}")

    def wait_ready(self) -> None:
        words = self.line()
        assert words[0] == "ready", words

    def reap(self, pid: int) -> tuple[int, bool]:
        """Wait for the worker's end; returns its wait status and whether it had said ready."""
        said_ready = False
        while (words := self.line())[0] == "ready":
            said_ready = True
        assert words[:2] == ["exit", str(pid)], words
        return int(words[2]), said_ready

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.errors.close()
