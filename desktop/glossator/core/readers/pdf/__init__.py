"""PDF documents read as articles: the main text in reading order, with pages kept.

The text layer comes from PDFium (:mod:`.glyphs`); its characters are grouped into lines
(:mod:`.lines`), running heads, feet and page numbers are dropped (:mod:`.furniture`), each
page's lines are put in reading order (:mod:`.reading_order`) and rebuilt into headings and
paragraphs (:mod:`.paragraphs`). The article's metadata keeps, for every line, its character
range, page and box, so every passage knows its page and where on the page it is drawn.
"""

from __future__ import annotations

import re
import unicodedata

from glossator.core.article import Article, Block
from glossator.core.errors import ReadError
from glossator.core.readers.layout import BLOCK_SEPARATOR
from glossator.core.readers.metadata_fields import clean_title, one_line, title_from_path
from glossator.core.readers.pdf.furniture import furniture
from glossator.core.readers.pdf.glyphs import PasswordNeeded, metadata, open_pdf, pages
from glossator.core.readers.pdf.lines import Line, page_lines
from glossator.core.readers.pdf.paragraphs import Paragraph, build_paragraphs, document_words, line_joint
from glossator.core.readers.pdf.reading_order import reading_order

__all__ = ["PasswordNeeded", "parse_pdf"]

# A document with fewer visible characters per page than this has no real text layer.
MIN_CHARS_PER_PAGE = 20
_PLACEHOLDER_TITLES = re.compile(r"^(untitled|document\d*|microsoft word - .*|title|\(?anonymous\)?|slide \d+)$",
                                 re.IGNORECASE)


def parse_pdf(data: bytes, *, label: str, source_path: str = "", max_bytes: int = 0,
              password: str | None = None) -> Article:
    """The article in a PDF's bytes; ReadError (PasswordNeeded when encrypted) with a reason."""
    document = open_pdf(data, label, password)
    try:
        info = metadata(document)
        page_count = len(document)
        if page_count == 0:
            raise ReadError(f"{label} has no pages")
        all_pages = []
        for page in pages(document, label):
            all_pages.append((page_lines(page), page.height))
    finally:
        document.close()
    visible = sum(len(line.text) for lines, _ in all_pages for line in lines)
    if visible < MIN_CHARS_PER_PAGE * max(1, min(page_count, 3)) // 2:
        raise ReadError(f"{label} has no text layer (a scanned or image-only PDF): it needs OCR "
                        "(text recognition) before Glossator can read it")
    dropped = furniture(all_pages)
    ordered: list[Line] = []
    for lines, _ in all_pages:
        ordered.extend(reading_order([line for line in lines if id(line) not in dropped]))
    paragraphs = build_paragraphs(ordered)
    if not paragraphs:
        raise ReadError(f"{label} has no text to read (only page numbers and running heads)")
    article = _assemble(paragraphs)
    article.format = "pdf"
    article.source_path = source_path
    article.title = _title(info, paragraphs, label, source_path)
    article.author = one_line(info.get("Author", "")) if not _PLACEHOLDER_TITLES.match(info.get("Author", "")) else ""
    article.published = _pdf_date(info.get("CreationDate", ""))
    article.metadata["page_count"] = page_count
    if info.get("Producer"):
        article.metadata["producer"] = one_line(info["Producer"])
    return article


def _assemble(paragraphs: list[Paragraph]) -> Article:
    """The article text, its blocks and its line boxes, built together so offsets are exact."""
    words = document_words(paragraphs)
    pieces: list[str] = []
    blocks: list[Block] = []
    boxes: list[list[float]] = []
    pages_seen: dict[int, list[int]] = {}
    length = 0
    for paragraph in paragraphs:
        if pieces:
            pieces.append(BLOCK_SEPARATOR)
            length += len(BLOCK_SEPARATOR)
        start = length
        for i, line in enumerate(paragraph.lines):
            text = line.text
            if i + 1 < len(paragraph.lines):
                drop, between = line_joint(text, paragraph.lines[i + 1].text, words)
                text = text[: len(text) - drop] + between
            text = text.replace("\u00ad", "")
            text = unicodedata.normalize("NFC", text)
            line_start = length
            pieces.append(text)
            length += len(text)
            visible_end = line_start + len(text.rstrip(" "))
            boxes.append([line_start, visible_end, line.page,
                          round(line.x0, 1), round(line.y0, 1), round(line.x1, 1), round(line.y1, 1)])
            span = pages_seen.setdefault(line.page, [line_start, visible_end])
            span[0], span[1] = min(span[0], line_start), max(span[1], visible_end)
        end = length
        blocks.append(Block(paragraph.kind, start, end, level=paragraph.level if paragraph.kind == "heading" else 0))
    text = "".join(pieces)
    # Blocks are trimmed of any space a joint left at their end.
    blocks = [Block(b.kind, b.start, b.start + len(text[b.start:b.end].rstrip()), b.level) for b in blocks]
    article = Article(text=text, blocks=blocks)
    article.metadata["pages"] = [[number, span[0], span[1]] for number, span in sorted(pages_seen.items())]
    article.metadata["line_boxes"] = boxes
    return article


def _title(info: dict[str, str], paragraphs: list[Paragraph], label: str, source_path: str) -> str:
    stated = clean_title(one_line(info.get("Title", "")))
    if stated and not _PLACEHOLDER_TITLES.match(stated):
        return stated
    first_page = [p for p in paragraphs if p.kind == "heading" and p.lines[0].page == paragraphs[0].lines[0].page]
    if first_page:
        largest = max(first_page, key=lambda p: p.lines[0].size)
        return clean_title(" ".join(line.text for line in largest.lines))
    return title_from_path(source_path) if source_path else ""


def _pdf_date(value: str) -> str:
    """A PDF date (D:20240312093000+01'00') as an ISO date, or ''."""
    match = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", value.strip())
    if not match:
        return ""
    year, month, day = match.group(1), match.group(2), match.group(3)
    return "-".join(part for part in (year, month, day) if part)

