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
        layers = [{"entity": "entity", "claim": "claim"}.get(record.kind, "highlight")]
        if has_attachments(record):
            layers.append("marked")
        return layers

    # -- painting ----------------------------------------------------------------------
    def apply(self, doc: QTextDocument, offsets: OffsetMap, records: list[AnnotationRecord]) -> int:
        """Paint the visible annotations on ``doc``; returns how many blocks changed."""
        per_block: dict[int, list[tuple[int, int, int, str, AnnotationRecord]]] = {}
        order = {name: i for i, name in enumerate(LAYERS)}
        self.strong_underlines = {}
        for record in records:
            if not self.is_visible(record):
                continue
            if record.kind == "claim" and (record.score is None or record.score >= STRONG_CLAIM):
                colour = self.claim_colour(record.label, record.score)
                for index, lo, hi in offsets.block_spans(record.start, record.end):
                    self.strong_underlines.setdefault(index, []).append((lo, hi, colour))
            for layer in self.layers_of(record):
                for index, lo, hi in offsets.block_spans(record.start, record.end):
                    per_block.setdefault(index, []).append((order[layer], lo, hi, layer, record))
        changed: list[int] = []
        for index in set(per_block) | set(self._painted):
            items = sorted(per_block.get(index, ()), key=lambda item: item[:3])
            signature = tuple((layer, lo, hi, id(self.layer_format(layer, rec))) for _o, lo, hi, layer, rec in items)
            if self._painted.get(index, ()) == signature:
                continue
            block = doc.findBlockByNumber(index)
            block.layout().setFormats([self._range(lo, hi, self.layer_format(layer, rec))
                                       for _o, lo, hi, layer, rec in items])
            if signature:
                self._painted[index] = signature
            else:
                self._painted.pop(index, None)
            changed.append(index)
        if changed:
            first = offsets.segments[min(changed)]
            last = offsets.segments[max(changed)]
            doc.markContentsDirty(first.position, last.position + last.doc_length + 1 - first.position)
        return len(changed)

    def forget(self) -> None:
        """Start afresh with a new document (its blocks carry no formats yet)."""
        self._painted.clear()

    @staticmethod
    def _range(start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
        item = QTextLayout.FormatRange()
        item.start, item.length, item.format = start, end - start, fmt
        return item
