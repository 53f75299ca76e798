"""EPUB books: spine order, metadata, the table of contents as headings, and clean refusals."""

import zipfile

import pytest

from glossator.core.errors import ReadError
from glossator.core.readers import read_article
from tests.core.readers.epub_books import CONTAINER, make_epub
from tests.core.readers.structure_checks import assert_well_formed

ONE = (
    "<h1>Chapter One</h1><p>It was the <em>best</em> of times, and the council met on Monday.</p>"
    "<blockquote><p>\u201cWe spent $4 million,\u201d said the mayor.</p></blockquote>"
    '<ul><li>First point</li><li>Second point, see <a href="two.xhtml#n1">note</a> and '
    '<a href="https://example.org/report">the report</a></li></ul><img src="https://example.com/x.png"/>'
)
TWO = "<p>The second chapter has no heading of its own, only prose that goes on.</p>"


def _blocks(article):
    return [(b.kind, article.text[b.start : b.end]) for b in article.blocks]


@pytest.mark.parametrize("version", [3, 2])
def test_chapters_come_in_spine_order_with_structure_and_metadata(tmp_path, version):
    path = make_epub(
        tmp_path / "book.epub",
        [("one.xhtml", "Chapter One", ONE), ("two.xhtml", "The Second", TWO)],
        title="A Tale of Two Councils",
        authors=("Ann Author", "Bo Writer"),
        version=version,
    )
    article = read_article(path)
    assert_well_formed(article)
    assert article.format == "epub"
    assert article.title == "A Tale of Two Councils"
    assert article.author == "Ann Author, Bo Writer"
    assert article.published == "2024-05-01"
    assert article.metadata["language"] == "en"
    assert _blocks(article) == [
        ("heading", "Chapter One"),
        ("paragraph", "It was the best of times, and the council met on Monday."),
        ("quote", "\u201cWe spent $4 million,\u201d said the mayor."),
        ("list_item", "First point"),
        ("list_item", "Second point, see note and the report"),
        # The table of contents names a chapter that has no heading.
        ("heading", "The Second"),
        ("paragraph", "The second chapter has no heading of its own, only prose that goes on."),
    ]
    kinds = {(i.kind, article.text[i.start : i.end], i.href) for i in article.inlines}
    assert ("emphasis", "best", "") in kinds
    assert ("link", "the report", "https://example.org/report") in kinds
    assert not any(i.kind == "link" and "two.xhtml" in i.href for i in article.inlines)


def test_the_spine_not_the_manifest_orders_the_chapters(tmp_path):
    path = make_epub(
        tmp_path / "b.epub", [("a.xhtml", "A", "<p>Alpha text.</p>"), ("b.xhtml", "B", "<p>Beta text.</p>")],
        spine_order=[1, 0],
    )
    text = read_article(path).text
    assert text.index("Beta text.") < text.index("Alpha text.")


def test_a_zip_that_is_no_book_and_a_damaged_book_are_refused(tmp_path):
    not_zip = tmp_path / "fake.epub"
    not_zip.write_bytes(b"this is plain text pretending to be a book")
    with pytest.raises(ReadError, match="not an EPUB book"):
        read_article(not_zip)
    no_container = tmp_path / "bare.epub"
    with zipfile.ZipFile(no_container, "w") as book:
        book.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match="container.xml"):
        read_article(no_container)
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(broken, "w") as book:
        book.writestr("META-INF/container.xml", CONTAINER)
        book.writestr("OEBPS/content.opf", "<package><metadata>")
    with pytest.raises(ReadError, match="damaged"):
        read_article(broken)
    truncated = tmp_path / "cut.epub"
    data = make_epub(tmp_path / "whole.epub", [("a.xhtml", "A", "<p>" + "words " * 2000 + "</p>")]).read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError):
        read_article(truncated)


def test_an_encrypted_book_is_refused_as_drm_but_obfuscated_fonts_are_fine(tmp_path):
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:CipherData>'
        '<enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData></encryption>'
    )
    drm = make_epub(
        tmp_path / "drm.epub", [("a.xhtml", "A", "<p>Secret.</p>")],
        extra_files={"META-INF/encryption.xml": encryption.format(uri="OEBPS/text/a.xhtml").encode()},
    )
    with pytest.raises(ReadError, match="DRM"):
        read_article(drm)
    fonts = make_epub(
        tmp_path / "fonts.epub", [("a.xhtml", "A", "<p>Open text.</p>")],
        extra_files={"META-INF/encryption.xml": encryption.format(uri="OEBPS/fonts/a.otf").encode()},
    )
    assert "Open text." in read_article(fonts).text


def test_a_book_of_images_only_has_no_text(tmp_path):
    path = make_epub(tmp_path / "pictures.epub", [("a.xhtml", "A", '<img src="a.png"/>')])
    with pytest.raises(ReadError, match="no text"):
        read_article(path)


def test_a_chapter_that_unpacks_past_the_limit_is_refused(tmp_path):
    path = make_epub(tmp_path / "bomb.epub", [("a.xhtml", "A", "<p>" + "a" * 3_000_000 + "</p>")])
    assert path.stat().st_size < 100_000
    with pytest.raises(ReadError, match="unpacks to more"):
        read_article(path, max_bytes=200_000)


def test_entities_in_the_package_are_not_expanded(tmp_path):
    path = make_epub(tmp_path / "x.epub", [("a.xhtml", "A", "<p>Plain words here.</p>")])
    with zipfile.ZipFile(path, "a") as book:
        book.writestr(
            "OEBPS/evil.opf", '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>'
        )
    assert "root:" not in read_article(path).text
