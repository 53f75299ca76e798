"""Escaping of article text for Markdown, chosen so the exporter's output can be undone exactly.

Every character of the article is written as itself, as a backslash escape (``\\#``) or as a
character reference (``&amp;``, ``&#32;``). Only forms that both python-markdown and CommonMark
read back as the plain character are used: python-markdown knows backslash escapes for
``\\ ` * _ { } [ ] ( ) > # + - . !`` only, so every other character that needs protecting is
written as a reference. The rules, per line of text:

* always backslash-escaped: ``\\ ` * _ [ ] { #`` (emphasis, code spans, links and footnotes,
  attribute lists, headings and Obsidian tags);
* always written as references: ``&`` → ``&amp;``, ``<`` → ``&lt;`` (HTML, autolinks, comments),
  ``|`` → ``&#124;`` (tables), ``~`` → ``&#126;`` (strikethrough, ``~~~`` fences) and a carriage
  return → ``&#13;`` (both renderers would end the line there);
* ``=`` and ``%`` next to the same character → ``&#61;`` / ``&#37;`` (``==highlight==`` and
  ``%%comments%%`` of Obsidian and pymdownx);
* at the very start of a line: ``> - +`` backslash-escaped (quotes, lists, rules, setext
  underlines), ``=`` → ``&#61;`` (setext underline), ``:`` → ``&#58;`` (definition lists), and
  the ``.`` or ``)`` after a leading run of digits backslash-escaped (ordered lists);
* leading and trailing spaces and tabs → ``&#32;`` / ``&#9;``: Markdown would strip them, read
  them as indentation (code blocks, list continuation) or, trailing, as a hard line break.

Undoing this needs no context: ``\\c`` → ``c`` and ``&...;`` → its character. Escaped text never
contains a raw ``\\``, ``&``, ``<``, ``*`` or ``[``, and never a raw space, ``>``, ``#``, ``-``,
``+`` or digit-and-dot at the start of a line, so wherever those appear raw in an export they
are the exporter's own markup (see ``strip.py``).
"""

from __future__ import annotations

import re

_BACKSLASHED = frozenset("\\`*_[]{#")
_REFERENCES = {"&": "&amp;", "<": "&lt;", "|": "&#124;", "~": "&#126;", "\r": "&#13;"}
_DOUBLED = {"=": "&#61;", "%": "&#37;"}
_LINE_START_BACKSLASHED = frozenset(">-+")
_LINE_START_REFERENCES = {"=": "&#61;", ":": "&#58;"}
_EDGE_SPACE = {" ": "&#32;", "\t": "&#9;"}
_LEADING_DIGITS = re.compile(r"\d+")
_WHITESPACE_RUN = re.compile(r"\s+")


def escape_line(line: str, *, line_start: bool = True) -> list[str]:
    """Return the Markdown form of each character of one line of text (which has no ``\\n``).

    The result is per character so that inline markup can be put between any two characters
    without changing how the characters around it are escaped. With ``line_start=False`` the
    text is known not to start a Markdown line (a table cell, text after a label), so the
    line-start rules are not needed.
    """
    lead = len(line) - len(line.lstrip(" \t"))
    trail = len(line.rstrip(" \t"))
    digits = _LEADING_DIGITS.match(line) if line_start else None
    marker_at = digits.end() if digits else -1
    first = 0 if line_start else -1
    out: list[str] = []
    for i, ch in enumerate(line):
        if ch in _EDGE_SPACE and (i < lead or i >= trail):
            out.append(_EDGE_SPACE[ch])
        elif i == first and ch in _LINE_START_BACKSLASHED:
            out.append("\\" + ch)
        elif i == first and ch in _LINE_START_REFERENCES:
            out.append(_LINE_START_REFERENCES[ch])
        elif i == marker_at and ch in ".)":
            out.append("\\" + ch)
        elif ch in _DOUBLED and _next_to_same(line, i):
            out.append(_DOUBLED[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        else:
            out.append(_REFERENCES.get(ch, ch))
    return out


def escape_text(text: str, *, line_start: bool = False) -> str:
    """Escape a one-line text (a table cell, a label, a title) as literal Markdown.

    Pass ``line_start=True`` when the text begins a Markdown line or a list item.
    """
    return "".join(escape_line(text, line_start=line_start))


def one_line(text: str) -> str:
    """Collapse every run of whitespace, newlines included, to one space and trim the ends."""
    return _WHITESPACE_RUN.sub(" ", text).strip()


def _next_to_same(line: str, i: int) -> bool:
    ch = line[i]
    return (i > 0 and line[i - 1] == ch) or (i + 1 < len(line) and line[i + 1] == ch)
