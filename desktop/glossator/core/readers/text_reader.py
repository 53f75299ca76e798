"""Plain-text articles: canonical paragraph layout, a headline found by heuristics."""

from __future__ import annotations

import re

from glossator.core.article import Article, Block, normalise_text, paragraph_blocks
from glossator.core.errors import ReadError
from glossator.core.readers.layout import BLOCK_SEPARATOR
from glossator.core.readers.metadata_fields import clean_title, title_from_path
from glossator.core.readers.plain_headings import find_headings

_BLANK_LINES = re.compile(r"\n{2,}")


def canonical_text(text: str) -> str:
    """Plain text in Glossator's layout: NFC, ``\\n`` line ends, no trailing spaces on lines,
    paragraphs (split at blank lines) stripped and separated by exactly one blank line.

    Single newlines inside a paragraph are kept: line breaks in poems, addresses and
    hard-wrapped text are the author's, and offsets must match what the reader shows.
    """
    lines = [line.rstrip() for line in normalise_text(text).split("\n")]
    paragraphs = (chunk.strip() for chunk in _BLANK_LINES.split("\n".join(lines)))
    return BLOCK_SEPARATOR.join(p for p in paragraphs if p)


def parse_plain_text(text: str, *, label: str, source_path: str = "") -> Article:
    """An Article from plain text: one block per paragraph, the headline as a heading.

    Title: the headline found by :func:`find_headings` (a first short line that is neither a
    sentence nor a dateline), else the file name without its suffix, else ''.
    """
    text = canonical_text(text)
    if not text:
        raise ReadError(f"{label} is empty (only whitespace)")
    blocks = paragraph_blocks(text)
    levels = find_headings([text[b.start : b.end] for b in blocks])
    blocks = [
        Block("heading", b.start, b.end, level=levels[i]) if i in levels else b
        for i, b in enumerate(blocks)
    ]
    headline = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    title = clean_title(text[headline.start : headline.end]) if headline else ""
    return Article(
        text=text,
        blocks=blocks,
        title=title or title_from_path(source_path),
        source_path=source_path,
        format="txt",
    )
