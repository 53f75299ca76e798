"""Find in the article: every case-insensitive match of a phrase, and which one is current.

Matching runs on the article text (Python offsets), so results need no conversion to be
stored or compared; the reader maps them to document positions only to show them.
"""

from __future__ import annotations

import re
from bisect import bisect_left


class TextFinder:
    """The matches of the last phrase searched for, and the current one."""

    def __init__(self) -> None:
        self.needle = ""
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._starts: list[int] = []
        self._text: str | None = None

    def search(self, text: str, needle: str) -> list[tuple[int, int]]:
        """All matches of ``needle`` in ``text`` (recomputed only when either changed)."""
        if needle.casefold() == self.needle.casefold() and text is self._text:
            return self.matches
        self.needle, self._text, self.current = needle, text, None
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

    def clear(self) -> None:
        self.needle, self.matches, self.current, self._starts, self._text = "", [], None, [], None
