"""Running heads, running feet and page numbers: lines at a page's top or bottom edge that
repeat across pages (numbers aside), or that are nothing but a page number."""

from __future__ import annotations

import re

from glossator.core.readers.pdf.lines import Line

EDGE_SHARE = 0.12  # of the page height, from the top and from the bottom
EDGE_LINES = 2  # looked at per edge
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^\W{0,2}(page|p\.|seite|pag\.)?\s*(\d{1,4}|[ivxlcdm]{1,6})(\s*(of|/|von|de)\s*\d{1,4})?\W{0,2}$",
    re.IGNORECASE,
)


def _key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def edge_lines(lines: list[Line], height: float) -> list[Line]:
    """The lines at the top and bottom edges of one page."""
    if not lines or height <= 0:
        return []
    top = sorted((line for line in lines if line.y0 >= height * (1 - EDGE_SHARE)), key=lambda line: -line.y1)
    bottom = sorted((line for line in lines if line.y1 <= height * EDGE_SHARE), key=lambda line: line.y0)
    return top[:EDGE_LINES] + bottom[:EDGE_LINES]


def furniture(pages: list[tuple[list[Line], float]]) -> set[int]:
    """The ``id`` of every line that is page furniture, over all ``(lines, height)`` pages."""
    edges = [edge_lines(lines, height) for lines, height in pages]
    counts: dict[tuple[bool, str], int] = {}
    for lines, (_, height) in zip(edges, pages, strict=True):
        for key in {(line.y0 > height / 2, _key(line.text)) for line in lines}:
            counts[key] = counts.get(key, 0) + 1
    repeated = max(2, round(0.4 * len(pages)))
    dropped: set[int] = set()
    for lines, (_, height) in zip(edges, pages, strict=True):
        for line in lines:
            if is_page_number(line.text) or counts.get((line.y0 > height / 2, _key(line.text)), 0) >= repeated:
                dropped.add(id(line))
    if len(pages) == 1:
        dropped |= _lone_running_head(*pages[0])
    return dropped


def _lone_running_head(lines: list[Line], height: float) -> set[int]:
    """On a one-page document nothing repeats: its top line is a running head when it is set
    smaller than the text and stands apart from it."""
    sizes = sorted(line.size for line in lines if line.size > 0)
    if len(lines) < 4 or not sizes or height <= 0:
        return set()
    body = sizes[len(sizes) // 2]
    ordered = sorted(lines, key=lambda line: -line.y1)
    top, below = ordered[0], ordered[1]
    apart = top.y0 - below.y1 > 2.5 * max(top.height, 1.0)
    if top.y0 >= height * (1 - EDGE_SHARE) and top.size < 0.85 * body and apart:
        return {id(top)}
    return set()
