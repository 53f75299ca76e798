"""The invariants every reader's Article must keep, checked the same way for each format."""

import unicodedata

from glossator.core.article import BLOCK_KINDS, INLINE_KINDS, Article


def assert_well_formed(article) -> None:
    """Blocks exact, sorted, apart by one blank line, unpadded; inlines inside blocks; text NFC."""
    text = article.text
    assert text and text == text.strip()
    assert unicodedata.is_normalized("NFC", text)
    assert "\r" not in text and "\ufeff" not in text
    assert article.blocks, "an article has at least one block"
    previous_end = None
    for block in article.blocks:
        assert block.kind in BLOCK_KINDS
        assert 0 <= block.start < block.end <= len(text)
        body = text[block.start : block.end]
        assert body == body.strip(), f"padded block {body!r}"
        if previous_end is None:
            assert block.start == 0
        else:
            assert text[previous_end : block.start] == "\n\n"
        previous_end = block.end
    assert previous_end == len(text)
    for inline in article.inlines:
        assert inline.kind in INLINE_KINDS
        assert any(b.start <= inline.start < inline.end <= b.end for b in article.blocks)
        span = text[inline.start : inline.end]
        assert span == span.strip() and span
    assert article.inlines == sorted(article.inlines, key=lambda m: (m.start, -m.end))


def block_texts(article, kind: str | None = None) -> list[str]:
    """The text of each block, optionally only those of one kind."""
    return [article.text[b.start : b.end] for b in article.blocks if kind in (None, b.kind)]


def read_or_refused(path) -> Article | None:
    """The article in ``path`` checked for form, or None when its reader refused it with one
    ReadError line naming the file; any other exception fails the test."""
    from glossator.core.errors import ReadError
    from glossator.core.readers import read_article

    try:
        article = read_article(path)
    except ReadError as exc:
        assert str(exc) and "\n" not in str(exc) and str(path) in str(exc), str(exc)
        return None
    assert_well_formed(article)
    assert "\x00" not in article.text
    return article
