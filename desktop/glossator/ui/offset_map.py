"""The two-way map between article character offsets and reader document positions.

The reader shows each article block as one document block, so the article's gap text
between blocks (usually a blank line) collapses into one block separator, while a line
break inside a block stays one character (U+2028). Python counts code points and Qt counts
UTF-16 units, so characters outside the Basic Multilingual Plane take two positions in
the document; the map records where they are so both directions stay exact.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field


@dataclass
class Segment:
    """One article block as laid out in the document."""

    start: int       # article offset of the first character
    end: int         # article offset just past the last character
    position: int    # document position of the first character
    wide: list[int] = field(default_factory=list)  # block-relative offsets of two-unit characters
    wide_ends: list[int] = field(default_factory=list)  # block-relative doc positions just past each

    @property
    def doc_length(self) -> int:
        """Length in document positions (without the block separator)."""
        return self.end - self.start + len(self.wide)


class OffsetMap:
    """Exact, logarithmic-time conversion between article offsets and document positions."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self._starts: list[int] = []
        self._positions: list[int] = []

    def append(self, start: int, end: int, text: str) -> Segment:
        """Record the next block (article ``start:end`` holding ``text``); returns its segment."""
        position = 0
        if self.segments:
            last = self.segments[-1]
            position = last.position + last.doc_length + 1
        wide: list[int] = []
        # Only scan character by character when the block really holds wide characters.
        if len(text.encode("utf-16-le")) != 2 * len(text):
            wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        ends = [w + k + 2 for k, w in enumerate(wide)]
        segment = Segment(start, end, position, wide, ends)
        self.segments.append(segment)
        self._starts.append(start)
        self._positions.append(position)
        return segment

    def __len__(self) -> int:
        return len(self.segments)

    def segment_index_for_offset(self, offset: int) -> int:
        """The index of the block holding (or, in a gap, preceding) an article offset."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def segment_index_for_position(self, position: int) -> int:
        """The index of the block holding a document position."""
        return max(0, bisect_right(self._positions, position) - 1)

    def doc_position(self, offset: int) -> int:
        """The document position of an article offset; gap text maps to the block separator."""
        if not self.segments:
            return 0
        seg = self.segments[self.segment_index_for_offset(offset)]
        rel = min(max(offset - seg.start, 0), seg.end - seg.start)
        return seg.position + rel + (bisect_left(seg.wide, rel) if seg.wide else 0)

    def article_offset(self, position: int) -> int:
        """The article offset of a document position (the separator maps to the block's end)."""
        if not self.segments:
            return 0
        seg = self.segments[self.segment_index_for_position(position)]
        rel = min(max(position - seg.position, 0), seg.doc_length)
        if not seg.wide:
            return seg.start + rel
        # Positions taken by wide characters before ``rel``; a position between the two
        # halves of one belongs to that character.
        done = bisect_right(seg.wide_ends, rel)
        if done < len(seg.wide) and seg.wide[done] + done < rel:
            return seg.start + seg.wide[done]
        return seg.start + rel - done

    def doc_range(self, start: int, end: int) -> tuple[int, int]:
        """Document positions of an article range."""
        return self.doc_position(start), self.doc_position(end)

    def block_spans(self, start: int, end: int):
        """Yield ``(block index, start, end)`` in block-relative document positions for a range.

        A range across blocks is cut at every block separator, which is never painted.
        """
        if not self.segments or end <= start:
            return
        first = self.segment_index_for_offset(start)
        seg = self.segments[first]
        if end <= seg.end and not seg.wide:
            # The usual case: the range lies inside one block without wide characters.
            lo, hi = max(start, seg.start) - seg.start, end - seg.start
            if hi > lo:
                yield first, lo, hi
            return
        last = self.segment_index_for_offset(max(start, end - 1))
        for index in range(first, last + 1):
            seg = self.segments[index]
            lo = self.doc_position(max(start, seg.start)) - seg.position
            hi = self.doc_position(min(end, seg.end)) - seg.position
            if hi > lo:
                yield index, lo, hi
