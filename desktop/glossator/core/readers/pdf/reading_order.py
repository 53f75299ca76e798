"""The reading order of a page's lines by recursive XY cuts.

A region is cut down a vertical gutter of white space when one runs its full height (columns
are read left to right), else across its widest horizontal gap (top to bottom), until each
part is one row of text. A title or a footnote spanning both columns sits in a band of its
own above or below them, so it comes before or after the columns, not between their lines.
"""

from __future__ import annotations

import statistics

from glossator.core.readers.pdf.lines import Line

# A gutter must be this many body font sizes wide; the gap between words never counts, as
# the pieces are whole lines.
MIN_GUTTER = 0.9


def reading_order(lines: list[Line]) -> list[Line]:
    """``lines`` of one page in the order a reader takes them."""
    if len(lines) < 2:
        return list(lines)
    sizes = [line.size for line in lines if line.size > 0]
    body = statistics.median(sizes) if sizes else 10.0
    ordered: list[Line] = []
    _cut(lines, body, ordered)
    return ordered


def _cut(region: list[Line], body: float, out: list[Line]) -> None:
    if len(region) == 1:
        out.append(region[0])
        return
    columns = _vertical_split(region, body)
    if columns is not None:
        for part in columns:
            _cut(part, body, out)
        return
    bands = _horizontal_split(region)
    if bands is not None:
        for part in bands:
            _cut(part, body, out)
        return
    out.extend(_rows(region))


def _rows(region: list[Line]) -> list[Line]:
    """Lines that overlap in height (one row, or rows set too tight to cut): top to bottom by
    baseline, left to right within a row."""
    ordered = sorted(region, key=lambda line: -line.middle)
    rows: list[list[Line]] = []
    for line in ordered:
        if rows and abs(rows[-1][0].middle - line.middle) < 0.5 * max(line.size, 1.0):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda item: item.x0)]


def _widest_gap(spans: list[tuple[float, float]]) -> tuple[float, float | None]:
    """The widest stretch no span covers between the first and the last, and its middle
    (None when the spans overlap all the way)."""
    spans = sorted(spans)
    best, best_at = 0.0, None
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach > best:
            best, best_at = start - reach, (reach + start) / 2
        reach = max(reach, end)
    return best, best_at


def _vertical_split(region: list[Line], body: float) -> list[list[Line]] | None:
    """The region cut at its widest full-height gutter, or None when it has none."""
    best, best_at = _widest_gap([(line.x0, line.x1) for line in region])
    if best_at is None or best < MIN_GUTTER * body:
        return None
    left = [line for line in region if line.x1 <= best_at]
    right = [line for line in region if line.x0 >= best_at]
    if not left or not right:
        return None
    return [left, right]


def _horizontal_split(region: list[Line]) -> list[list[Line]] | None:
    """The region cut across its widest horizontal gap (top part first), or None for one row."""
    # Measured downwards from the top: the same search on the heights turned over.
    _, below_top = _widest_gap([(-line.y1, -line.y0) for line in region])
    if below_top is None:
        return None
    best_at = -below_top
    top = [line for line in region if line.middle > best_at]
    bottom = [line for line in region if line.middle <= best_at]
    if not top or not bottom:
        return None
    return [top, bottom]
