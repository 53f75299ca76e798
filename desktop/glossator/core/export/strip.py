"""Removing Glossator's markup from an exported body, which gives back the article text exactly.

The body sits between two comment lines (``body_layout.BODY_START`` and ``BODY_END``), each
followed or preceded by one blank line, so the front matter, an added title and the trailing
sections never need to be told apart from article text. Inside it, line *i* is article line
*i*, except for the fence lines around code blocks. Because escaped text never has a raw
``\\ & < * [`` nor a raw space or block marker at a line's start (see ``escaping.py``), every
such raw character is markup and the decoding below needs no guessing.
"""

from __future__ import annotations

import re

from glossator.core.errors import ReadError
from glossator.core.export.body_layout import BODY_END, BODY_START

_BLOCK_PREFIX = re.compile(r" *(?:>(?: |$)|#{1,6} |- |[0-9]+\. )?")
_FENCE = re.compile(r"`{3,}")
_NAMED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


def strip_markup(markdown: str) -> str:
    """Return the article text of an annotated Markdown export, without any of its markup."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    try:
        start = lines.index(BODY_START)
    except ValueError:
        raise ReadError("not a Glossator Markdown export: the body marker is missing") from None
    text_lines: list[str] = []
    fence = ""
    i = start + 2
    while i < len(lines):
        line = lines[i]
        if fence:
            if line == fence:
                fence = ""
            else:
                text_lines.append(line)
        elif line == BODY_END:
            break
        elif _FENCE.fullmatch(line):
            fence = line
        else:
            text_lines.append(_decode_line(line, i + 1))
        i += 1
    else:
        raise ReadError("not a Glossator Markdown export: the body has no end marker")
    if lines[start + 1] != "" or lines[i - 1] != "" or not text_lines:
        raise ReadError("not a Glossator Markdown export: no blank line around the body")
    # The blank line written before the end marker is not part of the text.
    return "\n".join(text_lines[:-1])


def _decode_line(line: str, number: int) -> str:
    """One body line without block syntax, tags, bold runs and footnote references."""
    out: list[str] = []
    prefix = _BLOCK_PREFIX.match(line)
    i = prefix.end() if prefix else 0
    try:
        while i < len(line):
            ch = line[i]
            if ch == "\\":
                out.append(line[i + 1])
                i += 2
            elif ch == "&":
                end = line.index(";", i) + 1
                out.append(_reference(line[i:end]))
                i = end
            elif ch == "<":
                i = line.index(">", i) + 1
            elif ch == "[":
                i = line.index("]", i) + 1
            elif ch == "*":
                if line[i + 1] != "*":
                    raise ValueError("lone asterisk")
                i += 2
            else:
                out.append(ch)
                i += 1
    except (IndexError, ValueError, KeyError):
        raise ReadError(f"line {number} of the export is not Glossator markup") from None
    return "".join(out)


def _reference(ref: str) -> str:
    if ref.startswith("&#x"):
        return chr(int(ref[3:-1], 16))
    if ref.startswith("&#"):
        return chr(int(ref[2:-1]))
    return _NAMED[ref]
