"""Every reader, fed anything at all, returns a well-formed Article or raises its own ReadError.

Inputs: random bytes; text in the wrong or a mislabelled encoding; deeply nested, unclosed
and malformed HTML; Markdown syntax soup; huge single lines; NUL and control characters;
right-to-left, combining and emoji text. Each test runs ``FUZZ_EXAMPLES`` examples per reader
(100 by default, 2,000 with ``GLOSSATOR_TEST_PROFILE=full``); the huge-line test, at up to a
second an example, runs 8 (100 in the full run).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossator.core.errors import ReadError
from glossator.core.readers import read_article
from tests.core.readers.structure_checks import assert_well_formed
from tests.reliability.reliability_profile import FUZZ_SETTINGS, HUGE_LINE_SETTINGS

SUFFIXES = {"txt": ".txt", "md": ".md", "html": ".html"}
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1",
             "shift_jis", "koi8-r", "gb18030", "cp437", "mac_roman"]
AWKWARD = [
    "\x00", "\x00\x00\x00", "\x1b[31m", "\x7f", "\x0c", "\u2028", "\u2029", "\u200b", "\u200f",
    "\u202e", "\u202d", "\u2066", "\ufeff", "\ufffd", "\u0301" * 20, "e\u0301", "\u0651\u064e",
    "مرحبا بالعالم", "שלום עולם", "हिन्दी", "👩‍👩‍👧‍👦", "🇺🇳", "🏳️‍🌈", "\U0001f600" * 5, "\r", "\r\n", "\n\n",
    "\t", " " * 50, "&amp;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "]]>", "<!--", "-->",
]
TAGS = ["div", "p", "span", "b", "i", "em", "a", "ul", "ol", "li", "table", "tr", "td", "h1",
        "h2", "h6", "blockquote", "pre", "code", "script", "style", "iframe", "noscript", "svg",
        "math", "template", "article", "main", "nav", "header", "footer", "form", "select",
        "object", "title", "head", "body", "html", "br", "hr", "img", "meta", "base", "frameset"]
ATTRIBUTES = ['', ' class="x"', ' href="javascript:alert(1)"', ' onload="alert(1)"',
              ' src="http://127.0.0.1:9/x.png"', " style='x:expression(1)'", ' charset="utf-16"',
              ' href="#"', ' id="a" id="b"', ' "unterminated', " <", ' content="text/html; charset=koi8-r"',
              ' itemprop="articleBody"', ' lang="ar" dir="rtl"']

text_piece = st.one_of(st.text(max_size=40), st.sampled_from(AWKWARD))
mixed_text = st.lists(text_piece, max_size=30).map("".join)


def _element(children):
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), st.sampled_from(ATTRIBUTES), children, st.booleans(),
    )


html_soup = st.recursive(
    text_piece, lambda children: st.one_of(
        _element(st.lists(children, max_size=5).map("".join)),
        st.lists(children, max_size=5).map("".join),
    ),
    max_leaves=60,
)
markdown_soup = st.lists(
    st.one_of(text_piece, st.sampled_from([
        "# ", "## ", "- ", "* ", "1. ", "> ", ">>>>>> ", "```", "~~~", "    ", "---\n", "---\ntitle: [\n---\n",
        "[a](javascript:alert(1))", "![i](http://127.0.0.1:9/x.png)", "<script>alert(1)</script>",
        "| a | b |\n|---|---|\n", "**", "__", "`", "[^1]", "<div>", "\n\n", "\\",
    ])), max_size=40,
).map("".join)


def _nested(depth: int, tag: str) -> str:
    return f"<{tag}>" * depth + "Deep text." + f"</{tag}>" * depth


@st.composite
def huge_line(draw) -> str:
    """One line of up to a few hundred thousand characters, built by repeating a piece."""
    piece = draw(st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(AWKWARD)))
    return piece * draw(st.integers(1_000, 300_000 // max(1, len(piece))))


@st.composite
def encoded(draw, texts) -> bytes:
    """A text encoded in one encoding, sometimes after a BOM or charset that claims another."""
    text = draw(texts)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    lie = draw(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="utf-16">',
                                b'<?xml version="1.0" encoding="ebcdic"?>', b'<meta charset="nonsense">']))
    return lie + data if draw(st.booleans()) else data


def _read(folder, fmt: str, data: bytes) -> None:
    path = folder / f"article{SUFFIXES[fmt]}"
    path.write_bytes(data)
    try:
        article = read_article(path)
    except ReadError as exc:
        message = str(exc)
        assert message and "\n" not in message and "article" in message, message
        return
    assert_well_formed(article)
    assert "\x00" not in article.text


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@FUZZ_SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes(folder, fmt, data):
    _read(folder, fmt, data)


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@FUZZ_SETTINGS
@given(data=encoded(st.one_of(mixed_text, html_soup, markdown_soup)))
def test_text_in_any_encoding(folder, fmt, data):
    _read(folder, fmt, data)


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@FUZZ_SETTINGS
@given(text=st.one_of(
    html_soup,
    st.builds(_nested, st.integers(1, 3000), st.sampled_from(["div", "b", "blockquote", "ul", "table", "span"])),
))
def test_broken_and_deeply_nested_html(folder, fmt, text):
    _read(folder, fmt, text.encode("utf-8"))


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@FUZZ_SETTINGS
@given(text=markdown_soup)
def test_markdown_soup(folder, fmt, text):
    _read(folder, fmt, text.encode("utf-8"))


@pytest.mark.parametrize("fmt", list(SUFFIXES))
@HUGE_LINE_SETTINGS
@given(text=st.one_of(huge_line(), st.lists(huge_line(), min_size=2, max_size=3).map("\n".join)))
def test_huge_lines(folder, fmt, text):
    _read(folder, fmt, text.encode("utf-8"))


def test_control_characters_lxml_refuses_are_dropped_from_html(folder):
    # Found by the fuzzing: lxml raised ValueError on a unit separator before a tag.
    path = folder / "controls.html"
    path.write_bytes(b"<p>0\x1f<SCRIPT></SCRIPT>0 and \x01\x08 more\x0ctext</p>")
    article = read_article(path)
    assert article.text == "00 and more text"


def test_markdown_starting_with_an_html_tag_is_read(folder):
    # Found by the fuzzing: lxml took "<HTML>" for a whole page and failed an assertion.
    for start in ("<HTML>", "<!doctype html>", "<html><body>"):
        path = folder / "page-like.md"
        path.write_text(f"{start}\n\nSome text.\n", encoding="utf-8")
        assert read_article(path).text == "Some text."


def test_a_nul_after_a_byte_order_mark_is_dropped(folder):
    # Found by the fuzzing: the BOM made the file text, and the NUL went into the article.
    path = folder / "bom-nul.txt"
    path.write_bytes(b"\xef\xbb\xbfPrices\x00 rose.")
    assert read_article(path).text == "Prices rose."
