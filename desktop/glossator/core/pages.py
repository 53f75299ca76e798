"""Pages of a paged document (PDF): which page a passage is on and where on the page it is drawn.

A paged article's metadata holds ``line_boxes``: for every line of the text, its character
range, page and box in PDF points (``[start, end, page, x0, y0, x1, y1]``, origin at the page's
bottom left), in text order. Articles without them have no pages, and every answer here is
empty for them.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PageBox:
    """A passage's part on one page, in PDF points from the page's bottom left."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def _lines(metadata: Mapping | None) -> Sequence[Sequence[float]]:
    lines = (metadata or {}).get("line_boxes") or ()
    return lines if isinstance(lines, list) else ()


def is_paged(metadata: Mapping | None) -> bool:
    return bool(_lines(metadata))


def _touching(lines: Sequence[Sequence[float]], start: int, end: int) -> list[Sequence[float]]:
    """The lines that hold any of the characters ``start..end`` (or the one at ``start``)."""
    starts = [line[0] for line in lines]
    first = max(bisect.bisect_right(starts, start) - 1, 0)
    found = []
    for line in lines[first:]:
        if line[0] >= max(end, start + 1):
            break
        if line[1] > start or (line[0] <= start < line[1] + 2):
            found.append(line)
    return found


def page_span(metadata: Mapping | None, start: int, end: int) -> tuple[int, int] | None:
    """The first and last page of the passage, or None for an article without pages."""
    found = _touching(_lines(metadata), start, end)
    if not found:
        return None
    return int(found[0][2]), int(found[-1][2])


def page_at(metadata: Mapping | None, offset: int) -> int | None:
    span = page_span(metadata, offset, offset + 1)
    return span[0] if span else None


def page_label(metadata: Mapping | None, start: int, end: int) -> str:
    """``p. 12``, ``pp. 12–13``, or '' for an article without pages."""
    span = page_span(metadata, start, end)
    if span is None:
        return ""
    first, last = span
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


def page_starts(metadata: Mapping | None) -> list[tuple[int, int]]:
    """``(page, offset)`` where each page's text begins, in text order."""
    seen: dict[int, int] = {}
    for line in _lines(metadata):
        seen.setdefault(int(line[2]), int(line[0]))
    return sorted(((page, offset) for page, offset in seen.items()), key=lambda item: item[1])


def page_boxes(metadata: Mapping | None, start: int, end: int) -> list[PageBox]:
    """A box per line the passage covers; a line's part is found by the share of its characters
    before and within the passage (exact at line ends, close within a line)."""
    boxes = []
    for line in _touching(_lines(metadata), start, end):
        line_start, line_end, page, x0, y0, x1, y1 = line[:7]
        length = max(line_end - line_start, 1)
        left = max(start, line_start) - line_start
        right = min(end, line_end) - line_start
        if right <= left:
            continue
        width = x1 - x0
        boxes.append(PageBox(int(page), x0 + width * left / length, y0, x0 + width * right / length, y1))
    return boxes
