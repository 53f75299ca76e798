"""Which annotations an export shows, over which text, under which footnote label, with which tags.

A range is clipped to the text and trimmed of line breaks at its ends; an annotation left
with nothing to show (zero-length, out of range, only line breaks) is ignored. Claims are
shown unless marked ``not-a-claim`` or scored below the threshold (a claim without a score was
marked by the reader and is always shown). Everything is put in text order, with a total
order on ties, so the same annotations give the same export whatever order they come in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Inline
from glossator.core.formats.glossator_markdown.inline_marks import Mark
from glossator.core.formats.glossator_markdown.links import link_target

CLAIM_TAG = '<mark class="claim">'
HIGHLIGHT_TAG = '<mark class="highlight">'
_CLOSE_MARK = "</mark>"
# Nesting layers, outermost first: a span of a lower layer is never split by one of a higher.
_MARK_LAYER, _LINK_LAYER, _ENTITY_LAYER, _FORMAT_LAYER = 0, 1, 2, 3
# Article strong is <b>, so that <strong> and ** always mean an entity.
_FORMAT_TAGS = {
    "emphasis": ("<em>", "</em>"),
    "strong": ("<b>", "</b>"),
    "code": ("<code>", "</code>"),
}


@dataclass(frozen=True)
class Shown:
    """An annotation as the export shows it: its visible range and its footnote label, if any."""

    record: AnnotationRecord
    start: int
    end: int
    label: str = ""


@dataclass
class Selection:
    """The claims, highlights and entities of one export, and the marks that show them."""

    claims: list[Shown] = field(default_factory=list)
    highlights: list[Shown] = field(default_factory=list)
    entities: list[Shown] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


def select(
    text: str,
    annotations: Iterable[AnnotationRecord],
    inlines: Sequence[Inline],
    *,
    min_claim_score: float,
    bold_entities: bool,
) -> Selection:
    """Pick, order and label what the export shows, and build its marks."""
    chosen = Selection()
    seen_entities: set[tuple[int, int, str]] = set()
    noted = 0
    for record in sorted(annotations, key=_record_order):
        span = visible_range(text, record.start, record.end)
        if span is None:
            continue
        if record.kind == "claim" and _shown_claim(record, min_claim_score):
            label = f"c{len(chosen.claims) + 1}"
            chosen.claims.append(Shown(record, *span, label=label))
        elif record.kind == "highlight":
            # Only a highlight with something to say gets a footnote.
            label = ""
            if any(n.strip() for n in record.notes) or record.sources:
                noted += 1
                label = f"n{noted}"
            chosen.highlights.append(Shown(record, *span, label=label))
        elif record.kind == "entity" and (*span, record.label) not in seen_entities:
            seen_entities.add((*span, record.label))
            chosen.entities.append(Shown(record, *span))
    marks = chosen.marks
    for tag, group in ((CLAIM_TAG, chosen.claims), (HIGHLIGHT_TAG, chosen.highlights)):
        for s in group:
            marks.append(Mark(s.start, s.end, _MARK_LAYER, tag, _CLOSE_MARK, ref=s.label))
    if bold_entities:
        for span in sorted({(s.start, s.end) for s in chosen.entities}):
            marks.append(Mark(*span, _ENTITY_LAYER, "<strong>", "</strong>", bold=True))
    marks.extend(_inline_marks(text, inlines))
    chosen.marks = [_ranked(mark, rank) for rank, mark in enumerate(marks)]
    return chosen


def visible_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` clipped to ``text`` without line breaks at either end, or None if empty."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start] == "\n":
        start += 1
    while end > start and text[end - 1] == "\n":
        end -= 1
    return (start, end) if start < end else None


def _shown_claim(record: AnnotationRecord, min_score: float) -> bool:
    if record.status == "not-a-claim":
        return False
    return record.score is None or record.score >= min_score


def _record_order(record: AnnotationRecord) -> tuple:
    """Text order first, then every other field, so that no tie depends on the input order."""
    score = record.score if record.score is not None else -1.0
    ident = record.id if record.id is not None else -1
    sources = tuple((s.url, s.title, s.stance, s.note) for s in record.sources)
    attrs = repr(sorted(record.attrs.items(), key=lambda item: str(item[0])))
    return (
        record.start, record.end, record.kind, record.label, score, record.status, record.quote,
        ident, record.origin, tuple(record.notes), sources, tuple(record.tags), attrs,
    )


def _inline_marks(text: str, inlines: Sequence[Inline]) -> list[Mark]:
    """Marks for the article's own formatting; links only to addresses that may be linked."""
    marks: list[Mark] = []
    links: list[tuple[int, int]] = []
    for inline in sorted(inlines, key=lambda i: (i.start, i.end, i.kind, i.href)):
        span = visible_range(text, inline.start, inline.end)
        if span is None:
            continue
        if inline.kind in _FORMAT_TAGS:
            marks.append(Mark(*span, _FORMAT_LAYER, *_FORMAT_TAGS[inline.kind]))
        elif inline.kind == "link":
            target = link_target(inline.href)
            # A link inside a link is not valid HTML: the first of overlapping links wins.
            if target and not any(s < span[1] and span[0] < e for s, e in links):
                links.append(span)
                marks.append(Mark(*span, _LINK_LAYER, f'<a href="{escape(target)}">', "</a>"))
    return marks


def _ranked(mark: Mark, rank: int) -> Mark:
    return dataclasses.replace(mark, rank=rank)
