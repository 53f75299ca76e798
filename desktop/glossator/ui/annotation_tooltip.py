"""The hover text for annotations in the reader: what each one is, in a few escaped lines."""

from __future__ import annotations

from html import escape

from glossator.core.annotation import AnnotationRecord
from glossator.ui.palette import ENTITY_NAMES, STATUS_NAMES

NOTE_PREVIEW = 150


def note_preview(body: str, limit: int = NOTE_PREVIEW) -> str:
    """The start of a note on one line, cut at a word with an ellipsis when longer than ``limit``."""
    flat = " ".join(body.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else flat[:limit]
    return cut.rstrip(",;:.") + "…"


def _headline(record: AnnotationRecord) -> list[str]:
    if record.kind == "entity":
        lines = [f"<b>{escape(ENTITY_NAMES.get(record.label, record.label))}</b>"]
        canonical = record.attrs.get("canonical") or record.quote
        if canonical:
            lines.append(escape(str(canonical)))
        return lines
    if record.kind == "claim":
        head = f"<b>{escape(record.label.capitalize() or 'Claim')} claim</b>"
        if record.score is not None:
            head += f" · score {record.score:.2f}"
        lines = [head]
        speaker = record.attrs.get("speaker")
        if speaker:
            lines.append(f"Speaker: {escape(str(speaker))}")
        lines.append(f"Status: {escape(STATUS_NAMES.get(record.status, record.status))}")
        return lines
    return ["<b>Highlight</b>"]


def _attachments(record: AnnotationRecord) -> list[str]:
    lines = []
    if record.notes:
        extra = f" <span style='color:gray'>(+{len(record.notes) - 1} more)</span>" if len(record.notes) > 1 else ""
        lines.append(f"<i>“{escape(note_preview(record.notes[0]))}”</i>{extra}")
    if record.sources:
        count = len(record.sources)
        lines.append(f"{count} source{'s' if count != 1 else ''}")
    return lines


def tooltip_html(records: list[AnnotationRecord], limit: int = 3) -> str:
    """Rich text describing the annotations under the pointer, innermost first ("" for none)."""
    parts = []
    for record in records[:limit]:
        parts.append("<br>".join(_headline(record) + _attachments(record)))
    if not parts:
        return ""
    body = "<hr>".join(parts)
    return f"<div style='max-width: 320px'>{body}</div>"
