"""Undoing hard wraps: a text filled to a fixed width gets its paragraphs back as single lines.

Books from Project Gutenberg and mail-style texts break every line near one width. Those breaks
are the typesetter's, not the author's, and a reader that keeps them shows ragged lines. A break
counts as a wrap only when the next line's first word would not have fitted on the line before
it, which is exactly what a filling algorithm guarantees; verse, addresses and lists have short
lines that leave room, so their breaks stay.
"""

from __future__ import annotations

import re

# The width is found only from enough evidence, and only in the range text is wrapped at.
MIN_WRAPPED_LINES = 8
MIN_WIDTH, MAX_WIDTH = 40, 120
# Share of lines (not last in their paragraph) that reach near the width in a filled text.
MIN_FULL_SHARE = 0.6
FULL_LINE_SHARE = 0.75
# Fillers differ in whether the break's space counts; allow that and a little more.
WIDTH_SLACK = 2
_LIST_MARKER = re.compile(r"^\s*(?:[-*\u2022\u2013]\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]\s)")
_FIRST_WORD = re.compile(r"\S+")
_GOES_ON = re.compile(r"^[\"'\u201c\u2018(_]*[a-z]")


def wrap_width(paragraphs: list[str]) -> int | None:
    """The width the text was filled to, or None when it was not hard-wrapped.

    The width is a high percentile of the lengths of lines that continue onto another line;
    a filled text has most of those lines near it.
    """
    lengths = sorted(
        len(line.rstrip())
        for paragraph in paragraphs
        for line in paragraph.split("\n")[:-1]
        if line.strip()
    )
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(1 for length in lengths if length >= FULL_LINE_SHARE * width)
    return width if full >= MIN_FULL_SHARE * len(lengths) else None


def reflow(paragraph: str, width: int) -> str:
    """``paragraph`` with its wrapped breaks joined; list items and short lines keep theirs.

    A break is a wrap when the paragraph is filled (every line but its last near the width),
    when the next line's first word would not have fitted on the line before, or when a prose
    paragraph's next line goes on in lower case.

    A line ending in a hyphen joins the next without a space and keeps the hyphen: fillers of
    plain text break at a hyphen that is already there ("sea-" / "port"), never inside a word.
    """
    lines = paragraph.split("\n")
    if len(lines) == 1:
        return paragraph
    # Fillers of one file do not always share a width: a paragraph whose every line but the last
    # reaches near it is prose, whatever the next word's length.
    filled = all(len(line.rstrip()) >= FULL_LINE_SHARE * width for line in lines[:-1])
    # In a paragraph with a full line, a line that goes on in lower case continues a sentence
    # (verse starts its lines with capitals); the source broke it short.
    prose = any(len(line.rstrip()) >= FULL_LINE_SHARE * width for line in lines)
    out = [lines[0].rstrip()]
    physical = out[0]
    for line in lines[1:]:
        following = line.strip()
        if not following:
            continue
        if _LIST_MARKER.match(following):
            wrapped = False
        else:
            wrapped = (
                filled
                or _is_wrap(physical, following, width)
                or (prose and bool(_GOES_ON.match(following)))
            )
        if wrapped:
            joiner = "" if out[-1].endswith("-") else " "
            out[-1] = out[-1] + joiner + following
        else:
            out.append(line.rstrip())
        physical = line.rstrip()
    return "\n".join(out)


def _is_wrap(previous: str, following: str, width: int) -> bool:
    """Whether the break between two physical lines was made by filling to ``width``."""
    first_word = _FIRST_WORD.match(following)
    assert first_word is not None
    return len(previous) + 1 + len(first_word.group()) > width - WIDTH_SLACK
