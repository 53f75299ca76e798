"""Turn an Article into the QTextDocument the reader shows, with the offset map between them.

One article block becomes one document block, inserted with a cursor per block and formatted
per range, so even a book builds in a fraction of a second. The document never loads a
resource: the article is text only, and nothing it names may reach the network or disk.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)

from glossator.core.article import Article, Block, paragraph_blocks
from glossator.ui.offset_map import OffsetMap
from glossator.ui.reader_style import ReaderStyle

# Characters Qt would turn into block separators; inside a block they become line separators.
_BREAKS = str.maketrans({"\n": "\u2028", "\r": "\u2028", "\u2029": "\u2028"})
_BULLETS = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)


class ReaderDocument(QTextDocument):
    """The reader's document: the article laid out for reading, plus its offset map and block kinds."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.offsets = OffsetMap()
        self.kinds: list[str] = []

    def loadResource(self, type, name):  # noqa: A002 - Qt's signature
        # Refuse everything: an article must not make the reader fetch files or URLs.
        return None


def reading_blocks(article: Article) -> list[Block]:
    """The article's blocks in order, without overlaps, with any uncovered text as paragraphs."""
    text = article.text
    out: list[Block] = []
    cursor = 0

    def fill_gap(end: int) -> None:
        if end > cursor and text[cursor:end].strip():
            out.extend(paragraph_blocks(text[cursor:end], cursor))

    for block in sorted(article.blocks, key=lambda b: (b.start, b.end)):
        start, end = max(block.start, cursor), min(block.end, len(text))
        if end <= start:
            continue
        fill_gap(start)
        out.append(block if (start, end) == (block.start, block.end)
                   else Block(block.kind, start, end, block.level, block.ordered))
        cursor = end
    fill_gap(len(text))
    return out


class _Formats:
    """Block and character formats for one style, made once per build."""

    def __init__(self, style: ReaderStyle):
        self.style = style
        em = style.em
        self.body = QTextCharFormat()
        self.body.setFontFamilies(style.body_font().families())
        self.body.setFontPointSize(style.point_size)
        self.body.setForeground(style.colour("ink"))

        self.paragraph = self._block(150, bottom=0.85 * em)
        self.list_item = self._block(150, bottom=0.3 * em)
        self.list_end = self._block(150, bottom=0.85 * em)
        self.quote = self._block(150, bottom=0.85 * em, left=1.6 * em)
        self.quote_chars = QTextCharFormat(self.body)
        self.quote_chars.setFontItalic(True)
        self.quote_chars.setForeground(style.colour("muted"))

        self.code = self._block(125, bottom=0.85 * em, left=0.6 * em)
        self.code.setBackground(style.colour("code_back"))
        self.code.setNonBreakableLines(False)
        self.code_chars = QTextCharFormat(self.body)
        self.code_chars.setFontFamilies(style.mono_families())
        self.code_chars.setFontPointSize(style.point_size * 0.86)
        self.code_chars.setFontFixedPitch(True)

    def _block(self, line_height: int, *, bottom: float, left: float = 0.0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(bottom)
        fmt.setLeftMargin(left)
        return fmt

    def heading(self, level: int, first: bool) -> tuple[QTextBlockFormat, QTextCharFormat]:
        level = min(max(level, 1), 6)
        em = self.style.em
        block = self._block(120, bottom=0.45 * em)
        block.setHeadingLevel(level)
        block.setTopMargin(0 if first else (1.3 if level <= 2 else 0.9) * em)
        chars = QTextCharFormat(self.body)
        chars.setFontFamilies(self.style.heading_families())
        chars.setFontPointSize(self.style.heading_size(level))
        chars.setFontWeight(QFont.Weight.Bold if level <= 3 else QFont.Weight.DemiBold)
        return block, chars

    def for_block(self, block: Block, first: bool, following: Block | None) -> tuple[QTextBlockFormat, QTextCharFormat]:
        if block.kind == "heading":
            return self.heading(block.level or 1, first)
        if block.kind == "list_item":
            return (self.list_end if _ends_list(block, following) else self.list_item), self.body
        if block.kind == "quote":
            return self.quote, self.quote_chars
        if block.kind == "code":
            return self.code, self.code_chars
        return self.paragraph, self.body

    def inline(self, kind: str, href: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if kind == "emphasis":
            fmt.setFontItalic(True)
        elif kind == "strong":
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind == "code":
            fmt.setFontFamilies(self.style.mono_families())
            fmt.setFontFixedPitch(True)
            fmt.setFontPointSize(self.style.point_size * 0.88)
            fmt.setBackground(self.style.colour("code_back"))
        elif kind == "link":
            fmt.setAnchor(True)
            fmt.setAnchorHref(href)
            fmt.setForeground(self.style.colour("link"))
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(self.style.colour("link"))
            fmt.setToolTip(href)
        return fmt


def _ends_list(block: Block, following: Block | None) -> bool:
    """Whether a list item is the last of its list (so body spacing follows it)."""
    if following is None or following.kind != "list_item":
        return True
    return following.level <= 1 and following.ordered != block.ordered


class _Lists:
    """The open lists by nesting level, so consecutive items join one QTextList."""

    def __init__(self):
        self.open: dict[int, QTextList] = {}

    def add(self, cursor: QTextCursor, block: Block) -> None:
        level = max(block.level, 1)
        for deeper in [k for k in self.open if k > level]:
            del self.open[deeper]
        current = self.open.get(level)
        style = (QTextListFormat.Style.ListDecimal if block.ordered
                 else _BULLETS[(level - 1) % len(_BULLETS)])
        if current is not None and current.format().style() == style:
            current.add(cursor.block())
            return
        fmt = QTextListFormat()
        fmt.setStyle(style)
        fmt.setIndent(level)
        self.open[level] = cursor.createList(fmt)

    def close(self) -> None:
        self.open.clear()


def build_document(article: Article | None, style: ReaderStyle, parent=None) -> ReaderDocument:
    """A read-only document for ``article`` in ``style`` (an empty one for None)."""
    doc = ReaderDocument(parent)
    doc.setUndoRedoEnabled(False)
    font = style.body_font()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(style.em * 1.6)
    if article is None:
        return doc
    formats = _Formats(style)
    lists = _Lists()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    blocks = reading_blocks(article)
    for index, block in enumerate(blocks):
        text = article.text[block.start:block.end].translate(_BREAKS)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        block_format, char_format = formats.for_block(block, index == 0, following)
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block.kind == "list_item":
            lists.add(cursor, block)
        else:
            lists.close()
        cursor.insertText(text, char_format)
        doc.offsets.append(block.start, block.end, text)
        doc.kinds.append(block.kind)
    _apply_inlines(doc, article, formats, cursor)
    cursor.endEditBlock()
    return doc


def _apply_inlines(doc: ReaderDocument, article: Article, formats: _Formats, cursor: QTextCursor) -> None:
    for inline in article.inlines:
        fmt = formats.inline(inline.kind, inline.href)
        for index, lo, hi in doc.offsets.block_spans(inline.start, inline.end):
            base = doc.offsets.segments[index].position
            cursor.setPosition(base + lo)
            cursor.setPosition(base + hi, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)

