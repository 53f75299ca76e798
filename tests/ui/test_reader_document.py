"""The reader's document builder and its offset map: exact in both directions, whatever the text."""

from __future__ import annotations

from glossator.core.article import Article, Block, Inline
from glossator.ui.offset_map import OffsetMap
from glossator.ui.reader_document import build_document, reading_blocks
from glossator.ui.reader_style import ReaderStyle


def test_uncovered_text_wide_characters_and_line_breaks_map_exactly(qapp):
    text = "Intro 😀 line\nnext\n\nstray text\n\nlast 🎉!"
    blocks = [Block("paragraph", 0, text.index("\n\n")), Block("paragraph", text.index("last"), len(text))]
    doc = build_document(Article(text=text, blocks=blocks), ReaderStyle())
    assert doc.blockCount() == 3  # the uncovered "stray text" became its own paragraph
    offsets = doc.offsets
    for offset, char in enumerate(text):
        position = offsets.doc_position(offset)
        if char == "\n" and doc.characterAt(position) == "\u2029":
            continue
        qt_char = doc.characterAt(position)
        if ord(char) > 0xFFFF:
            assert 0xD800 <= ord(qt_char) <= 0xDBFF  # the first half of the surrogate pair
        else:
            assert qt_char == ("\u2028" if char == "\n" else char), offset
        assert offsets.article_offset(position) == offset
    # The second half of a surrogate pair belongs to the same character.
    smile = text.index("😀")
    assert offsets.article_offset(offsets.doc_position(smile) + 1) == smile
    assert offsets.doc_position(smile + 1) == offsets.doc_position(smile) + 2


def test_overlapping_and_out_of_range_blocks_are_clipped():
    text = "Alpha beta.\n\nGamma delta."
    article = Article(text=text, blocks=[
        Block("paragraph", 0, 11), Block("paragraph", 6, 11), Block("heading", 13, 999, level=2),
    ])
    blocks = reading_blocks(article)
    assert [(b.kind, b.start, b.end) for b in blocks] == [("paragraph", 0, 11), ("heading", 13, len(text))]


def test_ranges_across_blocks_are_cut_at_the_separator():
    offsets = OffsetMap()
    offsets.append(0, 5, "Hello")
    offsets.append(7, 12, "World")
    assert list(offsets.block_spans(2, 10)) == [(0, 2, 5), (1, 0, 3)]
    assert offsets.doc_position(6) == 5          # the gap maps to the separator
    assert offsets.doc_position(7) == 6
    assert offsets.article_offset(5) == 5        # and back to the end of the first block
    assert offsets.doc_range(0, 12) == (0, 11)


def test_offset_map_without_blocks_is_safe():
    empty = OffsetMap()
    assert empty.doc_position(10) == 0 and empty.article_offset(5) == 0
    assert list(empty.block_spans(0, 4)) == []


def test_empty_article_and_inline_across_blocks_build(qapp):
    assert build_document(None, ReaderStyle()).isEmpty()
    text = "One two\n\nthree four"
    article = Article(text=text, blocks=[Block("paragraph", 0, 7), Block("paragraph", 9, 19)],
                      inlines=[Inline("strong", 4, 14)])
    doc = build_document(article, ReaderStyle(dark=True, zoom=3))
    assert doc.toPlainText() == "One two\nthree four"
    assert doc.findBlockByNumber(1).begin().fragment().charFormat().fontWeight() >= 700
