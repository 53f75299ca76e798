"""Removing Glossator's markup from an exported body, which gives back the article text exactly.

The body sits between two comment lines (``body_layout.BODY_START`` and ``BODY_END``), each
followed or preceded by one blank line, so the front matter, an added title and the trailing
sections never need to be told apart from article text. Inside it, line *i* is article line
*i*, except for the fence lines around code blocks. Because escaped text never has a raw
``\\ & < * [`` nor a raw space or block marker at a line's start (see ``escaping.py``), every
such raw character is markup and the decoding below needs no guessing.

While decoding, every tag pair (and ``**`` pair) is kept as a ``TaggedRun`` over the article
text, with the footnote label written right after its close, and each line's block syntax is
kept too: that is what lets an import restore the marks, the structure and the annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossator.core.errors import ReadError
from glossator.core.formats.glossator_markdown.body_layout import BODY_END, BODY_START

_BLOCK_PREFIX = re.compile(r" *(?:>(?: |$)|#{1,6} |- |[0-9]+\. )?")
_FENCE = re.compile(r"`{3,}")
_NAMED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}


@dataclass
class TaggedRun:
    """Text between an opening tag (``<mark class="claim">``, ``**``, ``<em>``...) and its close.

    ``start``/``end`` are offsets in the article text; ``ref`` is the footnote label written
    right after the close, if any.
    """

    tag: str
    start: int
    end: int
    ref: str = ""


@dataclass
class DecodedBody:
    """The article text of an export, the tagged runs over it, and each text line's block syntax.

    ``prefixes`` has one entry per line of ``text``: the block syntax it was written with, or
    ``None`` for a line inside a fenced code block. ``end_line`` is the index of the
    ``BODY_END`` line in the export's lines; ``unclosed`` counts tags left open at a line's
    end, which Glossator never writes (the file was edited).
    """

    text: str
    runs: list[TaggedRun] = field(default_factory=list)
    prefixes: list[str | None] = field(default_factory=list)
    end_line: int = 0
    unclosed: int = 0


def strip_markup(markdown: str) -> str:
    """Return the article text of an annotated Markdown export, without any of its markup."""
    return decode_body(markdown).text


REPLACEMENT = "\ufffd"


def decode_body(markdown: str) -> DecodedBody:
    """Decode the body of an export; ReadError if it is not (or no longer) Glossator's markup."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        start = lines.index(BODY_START)
    except ValueError:
        raise ReadError("not a Glossator Markdown export: the body marker is missing") from None
    text_lines: list[str] = []
    prefixes: list[str | None] = []
    runs: list[TaggedRun] = []
    unclosed: list[tuple[str, int]] = []
    offset = 0
    fence = ""
    i = start + 2
    while i < len(lines):
        line = lines[i]
        if fence:
            if line == fence:
                fence = ""
            else:
                text_lines.append(line)
                prefixes.append(None)
                offset += len(line) + 1
        elif line == BODY_END:
            break
        elif _FENCE.fullmatch(line):
            fence = line
        else:
            prefix = _BLOCK_PREFIX.match(line)
            decoded = _decode_line(line, prefix.end() if prefix else 0, offset, runs, i + 1, unclosed)
            text_lines.append(decoded)
            prefixes.append(prefix.group(0) if prefix else "")
            offset += len(decoded) + 1
        i += 1
    else:
        raise ReadError("not a Glossator Markdown export: the body has no end marker")
    if lines[start + 1] != "" or lines[i - 1] != "" or not text_lines:
        raise ReadError("not a Glossator Markdown export: no blank line around the body")
    # The blank line written before the end marker is not part of the text.
    return DecodedBody("\n".join(text_lines[:-1]), runs, prefixes[:-1], i, len(unclosed))


def unescape_text(escaped: str) -> str:
    """The text that ``escaping.escape_text`` wrote as ``escaped`` (which holds no markup)."""
    return _decode_line(escaped, 0, 0, [], 0)


def _decode_line(
    line: str, i: int, offset: int, runs: list[TaggedRun], number: int,
    unclosed: list[tuple[str, int]] | None = None,
) -> str:
    """One body line from position ``i`` on, without tags, bold runs and footnote references.

    Tag pairs found on the line are added to ``runs`` (tags never cross a line); tags left
    open at its end are added to ``unclosed``.
    """
    out: list[str] = []
    opened: list[tuple[str, int]] = []
    closed: TaggedRun | None = None
    try:
        while i < len(line):
            ch = line[i]
            just_closed, closed = closed, None
            if ch == "\\":
                out.append(line[i + 1])
                i += 2
            elif ch == "&":
                end = line.index(";", i) + 1
                out.append(_reference(line[i:end]))
                i = end
            elif ch == "<":
                end = line.index(">", i) + 1
                tag = line[i:end]
                if tag.startswith("</"):
                    closed = _close(opened, offset + len(out), runs)
                else:
                    opened.append((tag, offset + len(out)))
                i = end
            elif ch == "[":
                end = line.index("]", i) + 1
                if just_closed is not None and line.startswith("[^", i):
                    just_closed.ref = line[i + 2 : end - 1]
                i = end
            elif ch == "*":
                if line[i + 1] != "*":
                    raise ValueError("lone asterisk")
                if opened and opened[-1][0] == "**":
                    closed = _close(opened, offset + len(out), runs)
                else:
                    opened.append(("**", offset + len(out)))
                i += 2
            else:
                out.append(ch)
                i += 1
    except (IndexError, ValueError, KeyError, OverflowError):
        raise ReadError(f"line {number} of the export is not Glossator markup") from None
    if unclosed is not None:
        unclosed.extend(opened)
    return "".join(out)


def _close(opened: list[tuple[str, int]], pos: int, runs: list[TaggedRun]) -> TaggedRun | None:
    # A close without an open tag is someone's edit, not ours: the text stays, the run is lost.
    if not opened:
        return None
    tag, start = opened.pop()
    run = TaggedRun(tag, start, pos)
    runs.append(run)
    return run


def _reference(ref: str) -> str:
    if ref.startswith("&#x"):
        return code_point(int(ref[3:-1], 16))
    if ref.startswith("&#"):
        return code_point(int(ref[2:-1]))
    return _NAMED[ref]


def code_point(value: int) -> str:
    """The character ``value`` names; U+FFFD for NUL, a surrogate or a number past Unicode,
    which no text can hold (as HTML reads such references)."""
    if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return REPLACEMENT
    return chr(value)
