"""Lines in reading order rebuilt into headings, paragraphs and list items.

Paragraphs come from the lines' geometry: a wider gap than the usual line pitch, a first-line
indent, a short last line that ends a sentence, or a change of type size ends one; a paragraph
goes on across a column or page break when its last line does not end a sentence. A heading
is a line set larger than the body text, or a short bold line of its own; the larger the type,
the higher the level. A word hyphenated at a line end is joined unless the document writes it
with its hyphen elsewhere, or it is a compound already ("state-of-the-art").
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from glossator.core.readers.pdf.lines import Line

HEADING_RATIO = 1.15  # type this much larger than the body is a heading
_BULLET = re.compile(r"^([•◦▪▫‣⁃●○■□–\-*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_ENDS_SENTENCE = re.compile(r"[.!?:;…\"”’)\]]$")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*", re.UNICODE)


@dataclass
class Paragraph:
    kind: str  # heading, paragraph, list_item
    lines: list[Line] = field(default_factory=list)
    level: int = 0


def body_size(lines: list[Line]) -> float:
    """The type size most of the text is set in (weighted by characters)."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size * 2) / 2] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def build_paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group ``lines`` (reading order, all pages) into paragraphs, headings and list items."""
    if not lines:
        return []
    body = body_size(lines)
    pitch = _usual_pitch(lines, body)
    right = _usual_right(lines)
    levels = _heading_levels(lines, body)
    out: list[Paragraph] = []
    for index, line in enumerate(lines):
        level = _heading_level(line, lines, index, body, levels)
        previous = out[-1] if out else None
        if level:
            same = previous is not None and previous.kind == "heading" and previous.level == level
            if previous is not None and same and _close(previous.lines[-1], line, pitch):
                previous.lines.append(line)
            else:
                out.append(Paragraph("heading", [line], level))
            continue
        bullet = bool(_BULLET.match(line.text)) and len(line.text) > 2
        if (previous is None or previous.kind == "heading" or bullet
                or _starts_paragraph(previous.lines[-1], line, body, pitch, right)):
            out.append(Paragraph("list_item" if bullet else "paragraph", [line]))
        else:
            previous.lines.append(line)
    return out


def _usual_pitch(lines: list[Line], body: float) -> float:
    """The usual distance from one body line's baseline to the next in the same column."""
    pitches = [
        a.y0 - b.y0 for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and abs(a.size - body) < 0.5 and abs(b.size - body) < 0.5 and 0 < a.y0 - b.y0 < 3 * body
    ]
    return statistics.median(pitches) if pitches else 1.2 * body


def _column_key(line: Line) -> tuple[int, int, int]:
    """Lines of one column and type size: the page, the left edge in 20-point steps, the size."""
    return line.page, int(line.x0 // 20), round(line.size)


def _usual_right(lines: list[Line]) -> dict[tuple[int, int, int], float]:
    """Per column and type size the right edge its lines reach."""
    edges: dict[tuple[int, int, int], list[float]] = {}
    for line in lines:
        edges.setdefault(_column_key(line), []).append(line.x1)
    return {key: max(values) for key, values in edges.items()}


def _heading_levels(lines: list[Line], body: float) -> dict[float, int]:
    sizes = sorted({round(line.size * 2) / 2 for line in lines if line.size >= body * HEADING_RATIO}, reverse=True)
    return {size: min(rank + 1, 4) for rank, size in enumerate(sizes)}


def _heading_level(line: Line, lines: list[Line], index: int, body: float, levels: dict[float, int]) -> int:
    text = line.text.strip()
    if not text or len(text) > 200 or not any(ch.isalpha() for ch in text):
        return 0
    level = levels.get(round(line.size * 2) / 2, 0)
    if level:
        return level
    if line.bold and abs(line.size - body) < 1.0 and len(text) <= 90 and not text.endswith((".", ",", ";")):
        after = lines[index + 1] if index + 1 < len(lines) else None
        if after is None or not after.bold:
            return min(len(levels) + 1, 4)
    return 0


def _close(a: Line, b: Line, pitch: float) -> bool:
    """Two heading lines one after the other on the same page, as one heading set on two lines."""
    return a.page == b.page and 0 < a.y0 - b.y0 < 1.8 * max(pitch, a.size)


def _starts_paragraph(prev: Line, line: Line, body: float, pitch: float,
                      right: dict[tuple[int, int, int], float]) -> bool:
    if abs(line.size - prev.size) > 0.1 * max(prev.size, 1.0):
        return True
    size = max(line.size, 1.0)
    column_right = right.get(_column_key(prev), prev.x1)
    short = prev.x1 < column_right - 4 * size
    ended = bool(_ENDS_SENTENCE.search(prev.text))
    if line.page != prev.page or line.y0 > prev.y1:
        # A new column or page: the paragraph goes on unless its last line ended a sentence
        # short of the column's edge.
        return ended and short and not line.text[:1].islower()
    if prev.y0 - line.y0 > 1.5 * pitch:
        return True
    if line.x0 > prev.x0 + 0.8 * size:  # first-line indent
        return True
    return short and ended


def document_words(paragraphs: list[Paragraph]) -> Counter[str]:
    """How often each word (hyphenated compounds whole) is written in the document."""
    words: Counter[str] = Counter()
    for paragraph in paragraphs:
        for line in paragraph.lines:
            words.update(word.lower() for word in _WORD.findall(line.text))
    return words


def line_joint(first: str, second: str, words: Counter[str]) -> tuple[int, str]:
    """How two lines of one paragraph meet: characters to drop from the end of ``first`` and
    what goes between. A word split by a hyphen at the line end is joined, unless the document
    writes it with its hyphen more often, or it is a compound already ("state-of-the-")."""
    if not first.endswith(("-", "\u00ad", "\u2010")) or not second[:1].islower():
        return 0, " "
    head = _WORD.findall(first[:-1])
    tail = _WORD.findall(second)
    if not head or not tail or not first[-2:-1].isalpha():
        return (1, "") if first.endswith("\u00ad") else (0, "")
    if first.endswith("\u00ad"):
        return 1, ""
    left, right = head[-1], tail[0]
    if "-" in left or words[f"{left}-{right}".lower()] > words[(left + right).lower()]:
        return (1, "-") if first.endswith("\u2010") else (0, "")
    return 1, ""
