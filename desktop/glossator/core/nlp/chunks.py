"""Cut long texts into pieces the parser handles well, at paragraph breaks, keeping offsets."""

from __future__ import annotations

DEFAULT_CHUNK_CHARS = 20_000
# Where to cut, best first: a blank line, a line break, a sentence end, any space.
_BREAKS = ("\n\n", "\n", ". ", " ")


def chunk_text(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, piece)`` pairs; joining the pieces gives ``text`` back."""
    pieces: list[tuple[int, str]] = []
    start = 0
    length = len(text)
    while start < length:
        end = min(start + max_chars, length)
        if end < length:
            end = _cut_point(text, start, end)
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    floor = start + (limit - start) // 2
    for mark in _BREAKS:
        at = text.rfind(mark, floor, limit)
        if at >= 0:
            return at + len(mark)
    return limit
