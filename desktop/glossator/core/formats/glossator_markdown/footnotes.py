"""Footnote definitions: what an export says about each claim or noted highlight.

A definition starts with a head written by Glossator (the claim's kind, score, status,
speaker and cue), then the reader's notes, the sources with their stance, and the tags. When
every part fits on one line, and the parts can still be told apart there, the whole definition
is one line, as in the contract; otherwise each part is a paragraph indented by four spaces,
which keeps it inside the footnote in python-markdown and in CommonMark's footnote extension.
Either way an import reads the parts back (``read_sections.py``).

Notes are the reader's Markdown and are kept as Markdown, with three changes that protect the
document around them: ``[^`` is escaped (a footnote defined inside a footnote would add a
definition of its own), a line that would be a heading is escaped, and a code fence left
open is closed (it would swallow the sources after it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.formats.glossator_markdown.escaping import escape_text, one_line
from glossator.core.formats.glossator_markdown.links import link_target, without_bidi_controls
from glossator.core.formats.glossator_markdown.markdown_lines import code_span_end, outside_fences, unclosed_fence

_INDENT = "    "
_HEADING = re.compile(r" {0,3}(?=#{1,6}(?:[ \t]|$))")
# "](scheme:" opens an inline link, "[x]: scheme:" defines one; any scheme counts.
_UNSAFE_LINK = re.compile(r"(\]\(\s*|^\s{0,3}\[[^\]\n]+\]:\s*)([A-Za-z][A-Za-z0-9+.-]*:[^\s)]*)", re.M)


def _defuse_link(match: re.Match) -> str:
    """Keep a note's link when its address is safe to follow; otherwise make it plain text."""
    opener, address = match.group(1), match.group(2)
    if link_target(address) is not None:
        return match.group(0)
    return opener.replace("(", "\\(", 1).replace("[", "\\[", 1) + address


# Where one part of a one-line definition ends and the next begins.
PART_BREAK = re.compile(r"(?<=[.!?]) (?=(?:Note|Sources|Tags): )")
PART_LEAD = re.compile(r"(Note|Sources|Tags): ")


def footnote_definition(label: str, head: str, record: AnnotationRecord) -> str:
    """The definition of footnote ``label`` for ``record``, headed by ``head``."""
    parts: list[list[str]] = []
    for note in record.notes:
        lines = user_markdown_lines(note)
        if lines:
            parts.append(["Note: " + lines[0], *guard_part_leads(lines)[1:]])
    if record.sources:
        parts.append(["Sources: " + "; ".join(source_item(s) for s in record.sources)])
    tags = [escape_text(one_line(t)) for t in record.tags if one_line(t)]
    if tags:
        parts.append(["Tags: " + ", ".join(tags)])
    if _fits_one_line(parts):
        return " ".join([f"[^{label}]: {head}", *(_sentence(part[0]) for part in parts)])
    blocks = [f"[^{label}]: {head}"]
    for part in parts:
        blocks.append("\n".join(_INDENT + line if line else "" for line in part))
    return "\n\n".join(blocks)


def guard_part_leads(lines: list[str]) -> list[str]:
    """A note's paragraph reading like the start of the next part gets its colon written as a
    reference (``Note&#58; ``), which renders the same, so an import can tell them apart."""
    def guard(i: int, line: str) -> str:
        if i and not lines[i - 1] and (lead := PART_LEAD.match(line)):
            return lead.group(1) + "&#58; " + line[lead.end() :]
        return line

    return outside_fences(lines, guard)


def _fits_one_line(parts: list[list[str]]) -> bool:
    """Whether the parts can share one line and still be told apart on import.

    A part's own text must not look like the start of the next part, and the full stop
    put after a part must be the only one there: a note that does not end a sentence, or
    tags ending in one, take the paragraph form instead.
    """
    if not all(len(part) == 1 for part in parts):
        return False
    for (line,) in parts:
        if PART_BREAK.search(line):
            return False
        ends = line.endswith((".", "!", "?"))
        if (line.startswith("Note: ") and not ends) or (line.startswith("Tags: ") and ends):
            return False
    return True


def claim_head(record: AnnotationRecord, page: str = "") -> str:
    """``Claim (statistic, 0.91, unchecked; speaker: Marc Andreessen; cue: "plunged"; p. 12).``

    ``page`` (``p. 12``, ``pp. 12–13``) is where a paged document has the passage."""
    details = [escape_text(one_line(record.label)) or "claim"]
    if record.score is not None:
        details.append(f"{record.score:.2f}")
    details.append(escape_text(one_line(record.status)) or "unchecked")
    extra = []
    speaker = one_line(str(record.attrs.get("speaker") or ""))
    cue = one_line(str(record.attrs.get("cue") or ""))
    if speaker:
        extra.append(f"speaker: {escape_text(speaker)}")
    if cue:
        extra.append(f'cue: "{escape_text(cue)}"')
    if page:
        extra.append(page)
    return f"Claim ({'; '.join([', '.join(details), *extra])})."


def highlight_head(record: AnnotationRecord, page: str = "") -> str:
    """``Highlight.``, ``Highlight (label).`` when it has a label, ``Highlight (label; p. 12).``
    in a paged document."""
    inside = "; ".join(part for part in (escape_text(one_line(record.label)), page) if part)
    return f"Highlight ({inside})." if inside else "Highlight."


def source_item(source: SourceRef) -> str:
    """``[title](url) (refutes: note)``; an address that may not be linked is shown as text."""
    title, url = without_bidi_controls(one_line(source.title)), one_line(source.url)
    target = link_target(source.url)
    if target:
        # Without a title the link shows the address as the reader gave it, unless that
        # address holds characters that reorder its display: then it shows the encoded target.
        plain = url if without_bidi_controls(url) == url else target
        shown = f"[{escape_text(title or plain)}]({target})"
    else:
        url = without_bidi_controls(url)
        shown = escape_text(f"{title}: {url}" if title and url else title or url)
    stance = escape_text(one_line(source.stance)) or "context"
    note = one_line(source.note)
    return f"{shown} ({stance}: {escape_text(note)})" if note else f"{shown} ({stance})"


def user_markdown_lines(markdown: str) -> list[str]:
    """The reader's Markdown as lines that cannot break the structure they are placed in.

    The first line is meant to follow a lead-in on the same line ("Note: ", "- "), so only
    the lines after it can open a fence or a heading.
    """
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    # Raw HTML in a note would reach every renderer unfiltered; the note's Markdown is kept.
    text = text.replace("<", "&lt;")
    text = _UNSAFE_LINK.sub(_defuse_link, text)
    lines = [_escape_footnote_marks(line.rstrip()) for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    def escape(i: int, line: str) -> str:
        line = _escape_braces(line)
        if i and (heading := _HEADING.match(line)):
            line = line[: heading.end()] + "\\" + line[heading.end() :]
        return line

    lines = outside_fences(lines, escape)
    if fence := unclosed_fence(lines):
        lines.append(fence)
    return lines


def _escape_braces(line: str) -> str:
    """Put a backslash before every ``{`` outside inline code.

    python-markdown's attribute lists (``*x*{onclick=...}``, ``{: ...}``) would otherwise put
    event handlers on the rendered elements; ``\\{`` shows a plain brace in every renderer.
    """
    out: list[str] = []
    i = 0
    backslashes = 0
    while i < len(line):
        ch = line[i]
        if ch == "`" and backslashes % 2 == 0:
            end = code_span_end(line, i)
            out.append(line[i:end])
            i = end
            backslashes = 0
            continue
        if ch == "{" and backslashes % 2 == 0:
            out.append("\\")
        out.append(ch)
        backslashes = backslashes + 1 if ch == "\\" else 0
        i += 1
    return "".join(out)


def _escape_footnote_marks(line: str) -> str:
    """Put a backslash before every ``[^`` that is not already escaped."""
    out: list[str] = []
    backslashes = 0
    for i, ch in enumerate(line):
        if ch == "[" and line[i + 1 : i + 2] == "^" and backslashes % 2 == 0:
            out.append("\\")
        out.append(ch)
        backslashes = backslashes + 1 if ch == "\\" else 0
    return "".join(out)


def _sentence(part: str) -> str:
    return part if part.endswith((".", "!", "?")) else part + "."


def definitions(entries: Sequence[tuple[str, str, AnnotationRecord]]) -> str:
    """All footnote definitions, one paragraph apart, in the order given."""
    return "\n\n".join(footnote_definition(label, head, record) for label, head, record in entries)
