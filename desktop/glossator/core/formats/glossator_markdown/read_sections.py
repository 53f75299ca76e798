"""Reading back the parts of an export around its body: front matter, claims table, notes, footnotes.

Each reader is the inverse of the writer in ``sections.py`` or ``footnotes.py``. What a
reader cannot make sense of (a hand-edited row, a source without a link) it counts in
``problems`` and leaves out; it never raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from glossator.core.annotation import SourceRef
from glossator.core.errors import ReadError
from glossator.core.formats.glossator_markdown.footnotes import PART_BREAK, PART_LEAD
from glossator.core.formats.glossator_markdown.links import link_target
from glossator.core.formats.glossator_markdown.markdown_lines import FENCE_OPEN, fence_closes, outside_fences
from glossator.core.formats.glossator_markdown.note_text import user_markdown_text
from glossator.core.formats.glossator_markdown.strip import code_point, unescape_text

_YAML_ESCAPE = re.compile(r'\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
_YAML_NAMED = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "\\": "\\", "/": "/", " ": " "}
_DEFINITION = re.compile(r"\[\^([^\]\s]+)\]: (.*)")
_GUARDED_LEAD = re.compile(r"(Note|Sources|Tags)&#58; ")
_SOURCE_ITEM = re.compile(r"\[((?:\\.|[^\\\]])*)\]\(([^\s()]+)\) \(([a-z]+)(?:: (.*))?\)")
_INDENT = "    "
# What ``links.link_target`` percent-encodes in an address that may be linked at all.
_PERCENT_ENCODED = re.compile(r"%(2[26789]|3[CE]|5[BCD]|60)", re.IGNORECASE)


@dataclass
class Definition:
    """A footnote definition: Glossator's head line, then the reader's notes, sources and tags."""

    head: str
    notes: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    problems: int = 0


def front_matter_fields(lines: Sequence[str]) -> dict[str, str]:
    """The ``key: value`` lines of the front matter, YAML double quotes decoded."""
    if not lines or lines[0] != "---":
        return {}
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if line == "---":
            return fields
        key, sep, value = line.partition(": ")
        if sep:
            fields[key.strip()] = yaml_unquoted(value.strip())
    return {}


def yaml_unquoted(value: str) -> str:
    """A YAML scalar's text: double-quoted escapes decoded, single quotes removed."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return _YAML_ESCAPE.sub(_yaml_char, value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _yaml_char(match: re.Match) -> str:
    code = match.group(1)
    if code[0] in "xuU" and len(code) > 1:
        return code_point(int(code[1:], 16))
    return _YAML_NAMED.get(code, code)


def claims_rows(lines: Sequence[str]) -> dict[str, list[str]]:
    """The rows of ``## Claims`` by footnote label, each cell unescaped."""
    rows: dict[str, list[str]] = {}
    inside = False
    for line in lines:
        if line.startswith("## "):
            inside = line == "## Claims"
        elif inside and line.startswith("| ") and line.endswith(" |"):
            cells = [cell.strip(" ") for cell in line[1:-1].split("|")]
            if len(cells) == 6 and cells[0] not in ("#", "---"):
                try:
                    rows[cells[0]] = [unescape_text(cell) for cell in cells]
                except ReadError:
                    continue
    return rows


def article_notes(lines: Sequence[str]) -> list[str]:
    """The notes listed under ``## Notes``, as the reader wrote them."""
    notes: list[list[str]] = []
    inside = False
    for line in lines:
        if line.startswith("## ") or _DEFINITION.match(line):
            inside = line == "## Notes"
        elif inside and line.startswith("- "):
            notes.append([line[2:]])
        elif inside and notes and (line.startswith(_INDENT) or not line):
            notes[-1].append(line[len(_INDENT) :])
    return [user_markdown_text(_trimmed(note)) for note in notes if _trimmed(note)]


def definitions(lines: Sequence[str]) -> dict[str, Definition]:
    """Every footnote definition by label (the first one, if a label is defined twice)."""
    found: dict[str, Definition] = {}
    current: list[str] | None = None
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _DEFINITION.match(line)
        if match:
            current = [match.group(2)]
            blocks.append((match.group(1), current))
        elif current is not None and (line.startswith(_INDENT) or not line):
            current.append(line[len(_INDENT) :])
        else:
            current = None
    for label, block in blocks:
        found.setdefault(label, _definition(_trimmed(block)))
    return found


def _definition(block: list[str]) -> Definition:
    if len(block) == 1:
        head, *one_line_parts = PART_BREAK.split(block[0])
        definition = Definition(head)
        for part in one_line_parts:
            # The one-line form puts a full stop after every part that lacks one (see footnotes.py).
            lead = PART_LEAD.match(part)
            one = part if lead and lead.group(1) == "Note" else part[:-1] if part.endswith(".") else part
            _add_part(definition, [one])
        return definition
    definition = Definition(block[0])
    parts: list[list[str]] = []
    fence = ""
    for i, line in enumerate(block[1:], 1):
        if not fence and PART_LEAD.match(line) and not block[i - 1]:
            parts.append([line])
            continue
        if fence:
            fence = "" if fence_closes(fence, line) else fence
        elif opening := FENCE_OPEN.match(line):
            fence = opening.group(1)
        if parts:
            parts[-1].append(line)
        elif line:
            definition.problems += 1
    for part in parts:
        _add_part(definition, _trimmed(part))
    return definition


def _add_part(definition: Definition, part: list[str]) -> None:
    lead = PART_LEAD.match(part[0])
    if lead is None:
        definition.problems += 1
        return
    first = part[0][lead.end() :]
    if lead.group(1) == "Note":
        definition.notes.append(user_markdown_text(_unguarded([first, *part[1:]])))
    elif lead.group(1) == "Sources":
        for item in re.split(r"; (?=\[)", " ".join([first, *part[1:]])):
            source = _source(item)
            if source is None:
                definition.problems += 1
            else:
                definition.sources.append(source)
    else:
        try:
            definition.tags.extend(t for t in (unescape_text(tag) for tag in first.split(", ")) if t)
        except ReadError:
            definition.problems += 1


def _unguarded(lines: list[str]) -> list[str]:
    """Undo ``footnotes.guard_part_leads``."""
    def unguard(i: int, line: str) -> str:
        if i and not lines[i - 1] and (lead := _GUARDED_LEAD.match(line)):
            return lead.group(1) + ": " + line[lead.end() :]
        return line

    return outside_fences(lines, unguard)


def _source(item: str) -> SourceRef | None:
    match = _SOURCE_ITEM.fullmatch(item)
    if match is None:
        return None
    shown, url, stance, note = match.groups()
    try:
        title = unescape_text(shown)
        note = unescape_text(note or "")
    except ReadError:
        return None
    # A source without a title is shown by its address, as the reader gave it.
    if link_target(title) == url:
        return SourceRef(url=title, stance=stance, note=note)
    url = _PERCENT_ENCODED.sub(lambda m: bytes.fromhex(m.group(1)).decode(), url)
    return SourceRef(url=url, title=title, stance=stance, note=note)


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]
