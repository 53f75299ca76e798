"""The article as Glossator holds it: normalised text plus structure as character ranges."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "list_item", "quote", "code")
INLINE_KINDS = ("emphasis", "strong", "code", "link")


@dataclass(frozen=True)
class Block:
    """A block of the article (heading, paragraph, list item, quote, code) as a range of its text.

    ``level`` is the heading level (1-6) for headings and the nesting depth for list items.
    ``ordered`` tells a numbered list item from a bulleted one.
    """

    kind: str
    start: int
    end: int
    level: int = 0
    ordered: bool = False


@dataclass(frozen=True)
class Inline:
    """Inline formatting inside a block: emphasis, strong, code or a link (with ``href``)."""

    kind: str
    start: int
    end: int
    href: str = ""


@dataclass
class Article:
    """One article: its text (NFC, ``\\n`` line ends), its structure and its metadata.

    Blocks are separated in ``text`` by a blank line; every offset is a character offset
    into ``text``.
    """

    text: str
    blocks: list[Block] = field(default_factory=list)
    inlines: list[Inline] = field(default_factory=list)
    title: str = ""
    author: str = ""
    published: str = ""
    source_url: str = ""
    source_path: str = ""
    format: str = "txt"
    metadata: dict = field(default_factory=dict)
    # The document's own bytes where the window shows its pages (PDF); never stored in the row.
    original: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)


def normalise_text(text: str) -> str:
    """NFC, ``\\n`` line ends, no BOM: the one form in which Glossator stores text."""
    text = text.replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_hash(text: str) -> str:
    """A stable key for a text: the SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def paragraph_blocks(text: str, offset: int = 0) -> list[Block]:
    """Split plain text into paragraph blocks at blank lines (the structure of a .txt file)."""
    blocks: list[Block] = []
    pos = 0
    for chunk in text.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            blocks.append(Block("paragraph", offset + start, offset + start + len(stripped)))
        pos += len(chunk) + 2
    return blocks
