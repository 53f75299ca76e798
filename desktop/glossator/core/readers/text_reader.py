"""Plain-text articles and books: canonical paragraph layout, wraps undone, headings found by
heuristics, and a Project Gutenberg book's header and licence kept out of its text."""

from __future__ import annotations

import re

from glossator.core.article import Article, Block, normalise_text, paragraph_blocks
from glossator.core.errors import ReadError
from glossator.core.readers.book_headings import book_blocks
from glossator.core.readers.gutenberg import split_gutenberg
from glossator.core.readers.layout import BLOCK_SEPARATOR, ArticleLayout
from glossator.core.readers.metadata_fields import clean_title, one_line, title_from_path
from glossator.core.readers.plain_headings import find_headings
from glossator.core.readers.reflow import reflow, wrap_width

_BLANK_LINES = re.compile(r"\n{2,}")


def canonical_paragraphs(text: str) -> list[str]:
    """Plain text as Glossator lays it out: NFC, ``\\n`` line ends, no trailing spaces on lines,
    paragraphs split at blank lines and stripped, and hard wraps undone.

    Other single newlines inside a paragraph are kept: line breaks in poems, addresses and
    lists are the author's. :func:`~glossator.core.readers.reflow.reflow` tells them apart.
    """
    lines = [line.rstrip() for line in normalise_text(text).split("\n")]
    paragraphs = [p for p in (chunk.strip("\n") for chunk in _BLANK_LINES.split("\n".join(lines))) if p.strip()]
    width = wrap_width(paragraphs)
    if width is not None:
        paragraphs = [reflow(p, width) for p in paragraphs]
    return [p.strip() for p in paragraphs]


def canonical_text(text: str) -> str:
    """The text of :func:`canonical_paragraphs`, one blank line between paragraphs."""
    return BLOCK_SEPARATOR.join(canonical_paragraphs(text))


def parse_plain_text(text: str, *, label: str, source_path: str = "") -> Article:
    """An Article from plain text: one block per paragraph, headings as structure.

    A Project Gutenberg book gives its title, author and address from its header and keeps
    only the book itself; a book's chapters and parts become headings and its contents a list.
    Otherwise the title is the headline found by :func:`find_headings` (a first short line that
    is neither a sentence nor a dateline), else the file name without its suffix, else ''.
    """
    text = normalise_text(text)
    book = split_gutenberg(text)
    paragraphs = canonical_paragraphs(book.body if book else text)
    if book is not None:
        paragraphs = without_illustration_marks(paragraphs)
    if not paragraphs:
        raise ReadError(f"{label} is empty (only whitespace)")
    structured = book_blocks(paragraphs)
    if structured is not None:
        layout = ArticleLayout()
        for block in structured:
            layout.add(block.kind, block.text, level=block.level)
        text, blocks = layout.text, layout.blocks
    else:
        text = BLOCK_SEPARATOR.join(paragraphs)
        blocks = _headed(text, paragraph_blocks(text))
    if book is not None:
        return Article(
            text=text,
            blocks=blocks,
            title=clean_title(book.title) or title_from_path(source_path),
            author=one_line(book.author),
            published=_year(book.fields.get("original_publication", "")),
            source_url=book.ebook_url,
            source_path=source_path,
            format="txt",
            metadata={"collection": "Project Gutenberg", **{k: one_line(v) for k, v in book.fields.items()}},
        )
    headline = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    title = clean_title(text[headline.start : headline.end]) if headline else ""
    return Article(
        text=text,
        blocks=blocks,
        title=title or title_from_path(source_path),
        source_path=source_path,
        format="txt",
    )


_ILLUSTRATION = re.compile(r"^\[Illustrations?(?::\s*|\.?\]$)", re.IGNORECASE)
ILLUSTRATION_SPAN = 6  # paragraphs an illustration's caption may run over


def without_illustration_marks(paragraphs: list[str]) -> list[str]:
    """A transcriber's ``[Illustration: caption]`` marks taken off: a bare ``[Illustration]``
    goes, a caption stays as text, so a chapter heading set in the caption ("Chapter I.]")
    reads as a heading."""
    out = list(paragraphs)
    index = 0
    while index < len(out):
        match = _ILLUSTRATION.match(out[index])
        if match is None:
            index += 1
            continue
        if match.group(0).endswith("]"):  # "[Illustration]": nothing but the mark
            del out[index]
            continue
        close = next((j for j in range(index, min(index + ILLUSTRATION_SPAN, len(out))) if out[j].endswith("]")),
                     None)
        if close is None:
            index += 1
            continue
        out[index] = out[index][match.end():]
        out[close] = out[close][:-1].rstrip()
        kept = [p for p in out[index:close + 1] if p.strip()]
        out[index:close + 1] = kept
        index += len(kept)
    return out


def _headed(text: str, blocks: list[Block]) -> list[Block]:
    levels = find_headings([text[b.start : b.end] for b in blocks])
    return [Block("heading", b.start, b.end, level=levels[i]) if i in levels else b for i, b in enumerate(blocks)]


def _year(value: str) -> str:
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", value)
    return found.group(1) if found else ""
