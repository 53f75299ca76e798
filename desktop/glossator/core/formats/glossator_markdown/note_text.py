"""The reader's Markdown back from the lines an export wrote for it (``footnotes.user_markdown_lines``).

The export changes a note in a few ways that protect the document around it; this undoes
them: ``&lt;`` becomes ``<`` again, a link made plain text becomes a link, and the backslash
put before ``[^``, before a ``{`` outside inline code and before a heading marker goes. Where
the reader had written the same escape themselves it goes too; that changes no rendering
outside python-markdown's attribute lists, and exporting the note again gives the same lines.
Trailing spaces and a code fence the export closed are not undone (they were never shown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossator.core.formats.glossator_markdown.links import link_target
from glossator.core.formats.glossator_markdown.markdown_lines import code_span_end, outside_fences

_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*:[^\s)]*"
_DEFUSED_INLINE = re.compile(rf"\]\\\((\s*)({_SCHEME})")
_DEFUSED_DEFINITION = re.compile(rf"^(\s{{0,3}})\\\[([^\]\n]+\]:\s*)({_SCHEME})", re.M)
_ESCAPED_HEADING = re.compile(r" {0,3}\\(?=#{1,6}(?:[ \t]|$))")


def user_markdown_text(lines: Sequence[str]) -> str:
    """The note that ``user_markdown_lines`` wrote as ``lines``."""
    def unescape(i: int, line: str) -> str:
        if i and (heading := _ESCAPED_HEADING.match(line)):
            line = line[: heading.end() - 1] + line[heading.end() :]
        return _drop_backslash_before(line, "{", skip_code=True)

    out = [_drop_backslash_before(line, "[^") for line in outside_fences(list(lines), unescape)]
    text = "\n".join(out)
    text = _DEFUSED_INLINE.sub(lambda m: _relink(m, "](" + m.group(1)), text)
    text = _DEFUSED_DEFINITION.sub(lambda m: _relink(m, m.group(1) + "[" + m.group(2)), text)
    return text.replace("&lt;", "<")


def _relink(match: re.Match, opener: str) -> str:
    address = match.group(match.lastindex or 0)
    return match.group(0) if link_target(address) is not None else opener + address


def _drop_backslash_before(line: str, target: str, *, skip_code: bool = False) -> str:
    """Remove one backslash from each odd run of backslashes before ``target``.

    With ``skip_code``, inline code spans are left alone, as ``_escape_braces`` leaves them.
    """
    out: list[str] = []
    i = 0
    backslashes = 0
    while i < len(line):
        ch = line[i]
        if skip_code and ch == "`" and backslashes % 2 == 0:
            end = code_span_end(line, i)
            out.append(line[i:end])
            i = end
            backslashes = 0
            continue
        if line.startswith(target, i) and backslashes % 2 == 1:
            out.pop()
        out.append(ch)
        backslashes = backslashes + 1 if ch == "\\" else 0
        i += 1
    return "".join(out)
