"""Building article text block by block, so block and inline ranges are exact by construction."""

from __future__ import annotations

import re
import unicodedata

from glossator.core.article import Block, Inline, normalise_text

BLOCK_SEPARATOR = "\n\n"
# The whitespace HTML collapses; a no-break space is content and is kept.
_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")


class BlockText:
    """The text of one block, assembled from text pieces and inline marks.

    Outside preformatted blocks whitespace collapses as a browser shows it: runs become one
    space, no space starts a line or ends one, and line breaks never leave an empty line.
    """

    def __init__(self, *, preformatted: bool = False) -> None:
        self.preformatted = preformatted
        self._pieces: list[str] = []
        self._length = 0
        self._last = ""
        self._separator = ""
        self._open: list[tuple[str, int, str]] = []
        self._marks: list[Inline] = []

    def add(self, text: str | None) -> None:
        """Append a piece of text (``None`` is allowed, as lxml gives it for missing text)."""
        if not text:
            return
        text = normalise_text(text)
        if not self.preformatted:
            text = _COLLAPSIBLE.sub(" ", text)
            if text.startswith(" ") and self._last in ("", " ", "\n"):
                text = text[1:]
        if self._separator and text.strip():
            separator, self._separator = self._separator, ""
            self._drop_trailing_space()
            self._append(separator)
            text = text.lstrip(" ")
        self._append(text)

    def newline(self) -> None:
        """A line break (``<br>``): kept inside the block, but never doubled into a blank line."""
        if self.preformatted:
            self._append("\n")
            return
        self._drop_trailing_space()
        if self._last not in ("", "\n"):
            self._append("\n")

    def separate(self, separator: str) -> None:
        """Put ``separator`` before the next visible text, if any comes (table cells)."""
        if self._length:
            self._separator = separator

    def open(self, kind: str, href: str = "") -> int | None:
        """Start an inline mark here; returns a token for :meth:`close`."""
        if self.preformatted and kind == "code":
            return None  # the whole block is already code
        self._open.append((kind, self._length, href))
        return len(self._open) - 1

    def close(self, token: int | None) -> None:
        """End the inline mark started by :meth:`open`."""
        if token is None:
            return
        kind, start, href = self._open[token]
        self._marks.append(Inline(kind, start, self._length, href))

    def finish(self) -> tuple[str, list[Inline]]:
        """The block's text, stripped, and its inline marks trimmed to non-blank text within it."""
        raw = "".join(self._pieces)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        marks = [
            Inline(m.kind, _clip(m.start - lead, text), _clip(m.end - lead, text), m.href)
            for m in self._marks
        ]
        if not unicodedata.is_normalized("NFC", text):
            text, marks = _renormalise(text, marks)
        return text, _trimmed(text, marks)

    def _append(self, text: str) -> None:
        if text:
            self._pieces.append(text)
            self._length += len(text)
            self._last = text[-1]

    def _drop_trailing_space(self) -> None:
        if self._last == " ":
            self._pieces[-1] = self._pieces[-1][:-1]
            self._length -= 1
            if not self._pieces[-1]:
                self._pieces.pop()
            self._last = self._pieces[-1][-1] if self._pieces else ""


class ArticleLayout:
    """Blocks laid out one after another, separated by exactly one blank line."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.inlines: list[Inline] = []

    @property
    def text(self) -> str:
        return "".join(self._pieces)

    def add(
        self,
        kind: str,
        text: str,
        inlines: list[Inline] | None = None,
        *,
        level: int = 0,
        ordered: bool = False,
    ) -> None:
        """Append a block; ``text`` must already be stripped, and empty text adds nothing."""
        if not text:
            return
        if self._pieces:
            self._pieces.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        start = self._length
        self._pieces.append(text)
        self._length += len(text)
        self.blocks.append(Block(kind, start, self._length, level=level, ordered=ordered))
        self.inlines.extend(
            Inline(m.kind, m.start + start, m.end + start, m.href) for m in inlines or ()
        )

    def add_block_text(
        self, kind: str, block: BlockText, *, level: int = 0, ordered: bool = False
    ) -> None:
        """Append a finished :class:`BlockText`."""
        text, marks = block.finish()
        self.add(kind, text, marks, level=level, ordered=ordered)


def _trimmed(text: str, marks: list[Inline]) -> list[Inline]:
    """Marks clipped to the text and shrunk off surrounding whitespace; empty ones dropped."""
    kept = []
    for mark in marks:
        start, end = mark.start, mark.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            kept.append(Inline(mark.kind, start, end, mark.href))
    kept.sort(key=lambda m: (m.start, -m.end))
    return kept


def _clip(offset: int, text: str) -> int:
    return min(max(offset, 0), len(text))


def _renormalise(text: str, marks: list[Inline]) -> tuple[str, list[Inline]]:
    """NFC across piece boundaries (a combining mark that began a piece) with marks moved along."""
    def moved(offset: int) -> int:
        return len(unicodedata.normalize("NFC", text[:offset]))

    marks = [Inline(m.kind, moved(m.start), moved(m.end), m.href) for m in marks]
    return unicodedata.normalize("NFC", text), marks
