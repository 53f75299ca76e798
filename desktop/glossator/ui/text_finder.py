"""Find in the article: every case-insensitive match of a phrase, and which one is current.

Matching runs on the article text (Python offsets), so results need no conversion to be
stored or compared; the reader maps them to document positions only to show them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


class TextFinder:
    """The matches of the last phrase searched for, and the current one."""

    def __init__(self) -> None:
        self.needle = ""
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._starts: list[int] = []
        self._text_id: int | None = None

    def search(self, text: str, needle: str) -> list[tuple[int, int]]:
        """All matches of ``needle`` in ``text`` (recomputed only when either changed)."""
        if needle == self.needle and id(text) == self._text_id:
            return self.matches
        self.needle, self._text_id, self.current = needle, id(text), None
        if needle:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            self.matches = [m.span() for m in pattern.finditer(text)]
        else:
            self.matches = []
        self._starts = [start for start, _end in self.matches]
        return self.matches

    def step(self, origin: int, backwards: bool) -> tuple[int, int] | None:
        """Make current the match after (or before) the current one, or else ``origin``; wraps round."""
        if not self.matches:
            self.current = None
            return None
        count = len(self.matches)
        if self.current is not None:
            index = (self.current + (-1 if backwards else 1)) % count
        elif backwards:
            index = (bisect_left(self._starts, origin) - 1) % count
        else:
            index = bisect_left(self._starts, origin) % count
        self.current = index
        return self.matches[index]

    def nearest(self, origin: int) -> tuple[int, int] | None:
        """Make current the first match starting at or after ``origin`` (for search as you type)."""
        self.current = None
        return self.step(origin, backwards=False)

    def index_of(self, start: int) -> int | None:
        """The index of the match starting at ``start``, if any."""
        index = bisect_right(self._starts, start) - 1
        return index if index >= 0 and self._starts[index] == start else None

    def clear(self) -> None:
        self.needle, self.matches, self.current, self._starts, self._text_id = "", [], None, [], None
