"""One claim (or any annotation) as a self-contained Markdown block, for "Copy claim as Markdown".

The block quotes the passage, says what Glossator knows about it (kind, score, status,
speaker, cue), then lists the reader's notes and sources. It uses the exporter's escaping, so
text from the article cannot turn into markup, and the exporter's rules for the reader's own
Markdown, so a note cannot break the list it sits in. Pasted into Obsidian, GitHub or any
CommonMark editor it reads the same as the claim's footnote in a full export.
"""

from __future__ import annotations

import re

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.formats.glossator_markdown.escaping import escape_text, one_line
from glossator.core.formats.glossator_markdown.footnotes import user_markdown_lines
from glossator.core.formats.glossator_markdown.links import link_target

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Continuation lines of a list item: four spaces keep them inside the item for python-markdown
# as well as CommonMark.
_INDENT = "    "
_KIND_NAMES = {"claim": "Claim", "entity": "Entity", "highlight": "Highlight"}


def claim_markdown(record: AnnotationRecord, *, article_title: str = "", source: str = "") -> str:
    """The Markdown block for ``record``: quote, details line, notes and sources.

    ``article_title`` and ``source`` (a URL or a file name) name where the quote comes from;
    a source that is a web, mail or DOI address becomes a link.
    """
    parts = [quote_block(record.quote, attribution(article_title, source)), details_line(record)]
    notes = [item for item in (_note_item(body) for body in record.notes) if item]
    if notes:
        parts.append("**Notes**\n\n" + "\n".join(notes))
    if record.sources:
        parts.append("**Sources**\n\n" + "\n".join("- " + source_line(s) for s in record.sources))
    tags = [escape_text(one_line(tag)) for tag in record.tags if one_line(tag)]
    if tags:
        parts.append("Tags: " + ", ".join(tags))
    return "\n\n".join(parts) + "\n"


def quote_block(quote: str, cited: str = "") -> str:
    """The passage as a blockquote, one quoted paragraph per paragraph of the passage."""
    paragraphs = [one_line(p) for p in _PARAGRAPH_BREAK.split(quote.replace("\r\n", "\n"))]
    lines = ["> " + escape_text(p, line_start=True) for p in paragraphs if p] or ["> …"]
    if cited:
        lines.append("> — " + cited)
    return "\n>\n".join(lines)


def attribution(article_title: str, source: str) -> str:
    """``[Title](url)``, ``*Title* (file.txt)`` or just the one that is given; escaped."""
    title, source = one_line(article_title), one_line(source)
    target = link_target(source) if source else None
    if target:
        return f"[{escape_text(title or source)}]({target})"
    named = f"*{escape_text(title)}*" if title else ""
    if source:
        return f"{named} ({escape_text(source)})" if named else escape_text(source)
    return named


def details_line(record: AnnotationRecord) -> str:
    """``**Claim:** statistic · score 0.91 · status: unchecked · speaker: … · cue: "…"``."""
    kind = _KIND_NAMES.get(record.kind, escape_text(one_line(record.kind)) or "Annotation")
    details = []
    label = escape_text(one_line(record.label))
    if label:
        details.append(label)
    if record.score is not None:
        details.append(f"score {record.score:.2f}")
    if record.kind == "claim":
        status = one_line(record.status or "unchecked").replace("-", " ")
        details.append(f"status: {escape_text(status)}")
    speaker = one_line(str(record.attrs.get("speaker") or ""))
    if speaker:
        details.append(f"speaker: {escape_text(speaker)}")
    cue = one_line(str(record.attrs.get("cue") or ""))
    if cue:
        details.append(f'cue: "{escape_text(cue)}"')
    head = f"**{kind}:**" if details else f"**{kind}**"
    return " · ".join([head + (" " + details[0] if details else ""), *details[1:]])


def source_line(source: SourceRef) -> str:
    """``[title](url) — stance: note``; an address that may not be linked is shown as text."""
    title, url = one_line(source.title), one_line(source.url)
    target = link_target(source.url)
    if target:
        shown = f"[{escape_text(title or url)}]({target})"
    elif title and url:
        shown = f"{escape_text(title, line_start=True)} ({escape_text(url)})"
    else:
        shown = escape_text(title or url, line_start=True)
    stance = escape_text(one_line(source.stance)) or "context"
    note = one_line(source.note)
    return f"{shown} — {stance}: {escape_text(note)}" if note else f"{shown} — {stance}"


def _note_item(body: str) -> str:
    lines = user_markdown_lines(body)
    if not lines:
        return ""
    return "\n".join(["- " + lines[0], *(_INDENT + line if line else "" for line in lines[1:])])
