"""Two lines written at once are both read at once; select() alone would wait for a third."""

import os
import select
import time

from tests.reliability.pipe_lines import LineReader


def test_two_lines_in_one_write_are_both_read_without_waiting():
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"ready\npid 42\n")
        reader = LineReader(read_end)
        started = time.monotonic()
        assert reader.line(5.0) == "ready"
        assert reader.line(5.0) == "pid 42"
        assert time.monotonic() - started < 1.0
        # What the old reading did: a buffered readline() took both lines, and select() on the
        # descriptor then saw nothing left to read although "pid 42" was waiting.
        os.write(write_end, b"ready\npid 43\n")
        stream = os.fdopen(os.dup(read_end), "r")
        assert stream.readline() == "ready\n"
        ready, _, _ = select.select([stream], [], [], 0.2)
        assert ready == []
        stream.close()
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_closed_pipe_or_the_deadline_ends_the_wait():
    read_end, write_end = os.pipe()
    reader = LineReader(read_end)
    started = time.monotonic()
    assert reader.line(0.3) is None
    assert 0.25 < time.monotonic() - started < 2.0
    os.write(write_end, b"partial")
    os.close(write_end)
    assert reader.line(5.0) is None
    os.close(read_end)
