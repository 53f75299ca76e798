"""A page's glyphs grouped into line pieces: runs of text on one baseline with no wide gap.

A line of one column never reaches into the next: where two columns share a baseline the
gap between them (wider than a word space in justified text) ends the piece.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass

from glossator.core.readers.pdf.glyphs import Glyph, PageGlyphs

# A gap this many font sizes wide is a gutter or a table column, not a word space.
GUTTER_GAP = 1.2
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_SPACES = re.compile(r" {2,}")


@dataclass
class Line:
    """A line piece on a page, in PDF points (origin bottom left)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    page: int

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


def clean_chars(char: str) -> str:
    """One glyph's text as stored: ligatures spelt out, odd spaces plain, soft hyphens kept
    (they are decided at the line end), zero-width characters dropped."""
    if " " < char < "\x7f":
        return char
    if char in _LIGATURES:
        return _LIGATURES[char]
    if char == "\x02":  # PDFium's mark for a hyphen that ends a line
        return "-"
    if _ODD_SPACES.match(char):
        return " "
    if _ZERO_WIDTH.match(char) or unicodedata.category(char) == "Cc":
        return ""
    return char


def page_lines(page: PageGlyphs) -> list[Line]:
    """The page's line pieces in PDFium's order."""
    bold_at = _bold_index(page)
    lines: list[Line] = []
    run: list[tuple[int, Glyph]] = []
    last: Glyph | None = None  # the run's last visible glyph
    for index, glyph in enumerate(page.glyphs):
        if glyph.char in "\r\n":
            _flush(run, page.number, bold_at, lines)
            run, last = [], None
            continue
        visible = not glyph.char.isspace()
        if visible and last is not None and _breaks(last, glyph):
            _flush(run, page.number, bold_at, lines)
            run = []
        run.append((index, glyph))
        if visible:
            last = glyph
    _flush(run, page.number, bold_at, lines)
    return lines


def _breaks(last: Glyph, glyph: Glyph) -> bool:
    """Whether ``glyph`` starts a new piece after ``last``: another baseline, a jump back, a gutter."""
    size = max(last.size, glyph.size, 1.0)
    if abs((glyph.y0 + glyph.y1) / 2 - (last.y0 + last.y1) / 2) > 0.6 * size:
        return True
    if glyph.x0 < last.x0 - 0.5 * size:
        return True
    return glyph.x0 - last.x1 > GUTTER_GAP * size


def _bold_index(page: PageGlyphs) -> set[int]:
    marked: set[int] = set()
    for start, end in page.bold_runs:
        marked.update(range(start, end))
    return marked


def _flush(run: list[tuple[int, Glyph]], page: int, bold_at: set[int], lines: list[Line]) -> None:
    visible = [(i, g) for i, g in run if not g.char.isspace()]
    if not visible:
        return
    text = "".join(clean_chars(glyph.char) for _, glyph in run)
    text = _SPACES.sub(" ", text).strip(" ")
    if not text:
        return
    glyphs = [g for _, g in visible]
    sizes = [g.size for g in glyphs if g.size > 0]
    size = statistics.median(sizes) if sizes else 0.0
    bold = sum(1 for i, _ in visible if i in bold_at) > 0.6 * len(visible)
    lines.append(Line(
        text=text,
        x0=min(g.x0 for g in glyphs), y0=min(g.y0 for g in glyphs),
        x1=max(g.x1 for g in glyphs), y1=max(g.y1 for g in glyphs),
        size=round(size, 2), bold=bold, page=page,
    ))
