"""The one place that paints annotations over the reader's text, a layer per kind.

Annotations are drawn as additional formats on each block's text layout (the mechanism
QSyntaxHighlighter uses), never written into the document: the article text and its own
formatting stay untouched, and rebuilding the layers is one pass over the annotations plus
one relayout. With thousands of annotations in a book this is far cheaper than as many
ExtraSelections, which the text edit re-checks for every block on every paint; those are
kept for the few transient marks (the selected annotation, find matches).

Layers are stacked in a fixed order so that overlapping formats merge predictably: entity
tints, then user highlights over them, then claim underlines, then the mark of annotations
that carry notes or sources.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextDocument, QTextLayout

from glossator.core.annotation import AnnotationRecord
from glossator.ui.offset_map import OffsetMap
from glossator.ui.palette import HIGHLIGHT_COLOUR, claim_colour, entity_colour
from glossator.ui.reader_style import ReaderStyle

LAYERS = ("entity", "highlight", "claim", "marked")
STRONG_CLAIM = 0.6   # claims scoring at least this get a doubled underline


def has_attachments(record: AnnotationRecord) -> bool:
    """Whether the reader attached notes or sources to an annotation."""
    return bool(record.notes or record.sources)


class OverlayManager:
    """Filters and formats for the annotation layers, and their application to a document."""

    def __init__(self) -> None:
        self.hidden_types: set[str] = set()
        self.claims_visible = True
        self.highlights_visible = True
        self.min_claim_score = 0.0
        self.style = ReaderStyle()
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._painted: dict[int, tuple] = {}   # block index -> signature of the formats set on it
        # Underlines drawn a second time beneath strong claims, by block: (start, end, colour).
        self.strong_underlines: dict[int, list[tuple[int, int, QColor]]] = {}
        self._spans: dict[int, list[tuple[int, int, int]]] = {}   # record index -> its block spans
        self._spans_for: tuple | None = None      # (records, offsets) the spans belong to

    # -- filters -----------------------------------------------------------------------
    def is_visible(self, record: AnnotationRecord) -> bool:
        """Whether the filters let an annotation show."""
        if record.kind == "entity":
            return record.label not in self.hidden_types
        if record.kind == "claim":
            score = record.score if record.score is not None else 1.0
            return self.claims_visible and score >= self.min_claim_score - 1e-9
        return self.highlights_visible

    def set_style(self, style: ReaderStyle) -> None:
        if style.dark != self.style.dark:
            self._formats.clear()
        self.style = style

    # -- formats -----------------------------------------------------------------------
    def layer_format(self, layer: str, record: AnnotationRecord) -> QTextCharFormat:
        """The (shared) format a layer gives an annotation."""
        score = None if record.score is None else round(record.score, 2)
        key = (layer, record.label if layer in ("entity", "claim") else "", score if layer == "claim" else None,
               record.kind if layer == "marked" else "")
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._make_format(layer, record.label, score, record.kind)
            self._formats[key] = fmt
        return fmt

    def claim_colour(self, kind: str, score: float | None) -> QColor:
        """A claim's underline colour on this page (lighter on a dark page)."""
        colour = claim_colour(kind, score)
        return colour.lighter(135) if self.style.dark else colour

    def _make_format(self, layer: str, label: str, score: float | None, kind: str) -> QTextCharFormat:
        dark = self.style.dark
        fmt = QTextCharFormat()
        if layer == "entity":
            fmt.setBackground(entity_colour(label, dark))
        elif layer == "highlight":
            fmt.setBackground(self.style.colour("highlight") if dark else QColor(HIGHLIGHT_COLOUR))
            if dark:
                fmt.setForeground(self.style.colour("highlight_ink"))
        elif layer == "claim":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self.claim_colour(label, score))
        elif layer == "marked":
            fmt.setFontWeight(QFont.Weight.DemiBold)
            if kind != "claim":  # a claim keeps its own underline; the weight alone marks it
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(self.style.colour("marker"))
        return fmt

    def layers_of(self, record: AnnotationRecord) -> list[str]:
        """The layers an annotation is drawn on: its kind's, plus "marked" if it has notes or sources."""
        layers = [{"entity": "entity", "claim": "claim"}.get(record.kind, "highlight")]
        if has_attachments(record):
            layers.append("marked")
        return layers

    # -- painting ----------------------------------------------------------------------
    def apply(self, doc: QTextDocument, offsets: OffsetMap, records: list[AnnotationRecord]) -> int:
        """Paint the visible annotations on ``doc``; returns how many blocks changed."""
        changed = self._set_block_formats(doc, self._items_by_block(offsets, records))
        if changed:
            # One relayout of the changed stretch, not one per block.
            first, last = offsets.segments[min(changed)], offsets.segments[max(changed)]
            doc.markContentsDirty(first.position, last.position + last.doc_length + 1 - first.position)
        return len(changed)

    def _items_by_block(self, offsets: OffsetMap, records: list[AnnotationRecord]) -> dict[int, list]:
        """``(layer order, start, end, layer, record)`` for each block, for the visible annotations."""
        if self._spans_for is None or self._spans_for[0] is not records or self._spans_for[1] is not offsets:
            # Filters change far more often than annotations: map the ranges once per list.
            self._spans = {i: list(offsets.block_spans(r.start, r.end)) for i, r in enumerate(records)}
            self._spans_for = (records, offsets)
        order = {name: i for i, name in enumerate(LAYERS)}
        per_block: dict[int, list] = {}
        self.strong_underlines = {}
        for number, record in enumerate(records):
            if not self.is_visible(record):
                continue
            spans = self._spans[number]
            if record.kind == "claim" and (record.score is None or record.score >= STRONG_CLAIM):
                colour = self.claim_colour(record.label, record.score)
                for index, lo, hi in spans:
                    self.strong_underlines.setdefault(index, []).append((lo, hi, colour))
            for layer in self.layers_of(record):
                for index, lo, hi in spans:
                    per_block.setdefault(index, []).append((order[layer], lo, hi, layer, record))
        return per_block

    def _set_block_formats(self, doc: QTextDocument, per_block: dict[int, list]) -> list[int]:
        """Give each block its layer formats, skipping blocks whose formats did not change."""
        changed: list[int] = []
        for index in set(per_block) | set(self._painted):
            items = sorted(per_block.get(index, ()), key=lambda item: item[:3])
            formats = [(lo, hi, layer, self.layer_format(layer, rec)) for _o, lo, hi, layer, rec in items]
            signature = tuple((layer, lo, hi, id(fmt)) for lo, hi, layer, fmt in formats)
            if self._painted.get(index, ()) == signature:
                continue
            doc.findBlockByNumber(index).layout().setFormats([self._range(lo, hi, fmt) for lo, hi, _l, fmt in formats])
            if signature:
                self._painted[index] = signature
            else:
                self._painted.pop(index, None)
            changed.append(index)
        return changed

    def layers_at(self, block_index: int, position: int) -> set[str]:
        """The layers painted at a block-relative document position."""
        return {layer for layer, lo, hi, _fmt in self._painted.get(block_index, ()) if lo <= position < hi}

    def forget(self) -> None:
        """Start afresh with a new document (its blocks carry no formats yet)."""
        self._painted.clear()
        self._spans, self._spans_for = {}, None

    @staticmethod
    def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
        item = QTextLayout.FormatRange()
        item.start, item.length, item.format = start, end - start, fmt
        return item
