"""Metadata is one clean line: no controls or bidi overrides, bounded titles, safe source URLs.

Titles, authors and source addresses end up in the library list, window titles and terminals;
the article body keeps its line breaks.
"""

import pytest

from glossator.core.readers import read_article, read_text
from glossator.core.readers.metadata_fields import TITLE_MAX_CHARS, clean_title, one_line, source_url

BODY = (
    "The harbour authority confirmed on Tuesday that the second phase of the dredging works "
    "will begin in March, two years later than first announced."
)
NASTY = "Quarterly\n\x00report\u202e\u2066 on\t\x1b[31m the \x85harbour\u2069\u202c"
NASTY_CLEANED = "Quarterly report on [31m the harbour"
BIDI_AND_CONTROLS = [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)] + [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
]


def assert_clean(value: str) -> None:
    assert not any(ch in value for ch in BIDI_AND_CONTROLS), repr(value)
    assert "  " not in value and value == value.strip()


def test_one_line_removes_controls_and_bidi_overrides():
    assert one_line(NASTY) == NASTY_CLEANED
    assert_clean(one_line("".join(BIDI_AND_CONTROLS) + "x"))


def test_long_titles_are_cut_at_a_word_with_an_ellipsis():
    title = clean_title("word " * 400_000)  # a 2 MB title
    assert len(title) <= TITLE_MAX_CHARS and title.endswith("word\u2026")
    assert clean_title("x" * 5000) == "x" * (TITLE_MAX_CHARS - 1) + "\u2026"
    assert clean_title("A short title") == "A short title"


def test_html_title_and_author_are_cleaned():
    html = (
        f"<html><head><title>{NASTY}</title><meta name='author' content='Ann\u202e Smith\x07'>"
        f"</head><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    article = read_text(html, format="html", source_path="page.html")
    assert article.title == NASTY_CLEANED
    assert article.author == "Ann Smith"


def test_a_2mb_html_title_does_not_survive():
    html = f"<html><head><title>{'Harbour news ' * 160_000}</title></head><body><p>{BODY}</p></body></html>"
    article = read_text(html, format="html", source_path="page.html")
    assert len(article.title) <= TITLE_MAX_CHARS and article.title.startswith("Harbour news")


def test_markdown_front_matter_fields_are_cleaned():
    md = (
        '---\ntitle: "Harbour\u202e \x00works\tdelayed"\nauthor: "Bob\x1b Jones\u2066"\n'
        f"date: 2024-03-05\x00\n---\n\n{BODY}\n\nSecond line of the body.\n"
    )
    article = read_text(md, format="md", source_path="note.md")
    assert (article.title, article.author, article.published) == ("Harbour works delayed", "Bob Jones", "2024-03-05")
    assert article.text == f"{BODY}\n\nSecond line of the body."


def test_plain_text_headline_is_cleaned():
    article = read_text(f"Harbour \u202eworks delayed again\n\n{BODY}", format="txt")
    assert article.title == "Harbour works delayed again"


def test_a_file_name_used_as_title_is_cleaned(tmp_path):
    path = tmp_path / "report\u202egpj.\nfinal\x1b.txt"
    path.write_text(BODY, encoding="utf-8")
    assert read_article(path).title == "reportgpj. final"


@pytest.mark.parametrize(
    "url",
    [
        "javascript://example.org/%0Aalert(1)", "JavaScript:alert(1)", "java\nscript://x/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=", "vbscript://x", "file:///etc/passwd", "mailto:a@example.org",
        "https://exa mple.org/", "https://example.org/\u202ecod.exe", "https://", "//example.org/a",
    ],
)
def test_unsafe_source_urls_are_dropped(url):
    assert source_url(url) == ""


def test_web_source_urls_are_kept():
    assert source_url(" https://example.org/news?id=1&x=(2) ") == "https://example.org/news?id=1&x=(2)"
    assert source_url("HTTP://example.org/a") == "HTTP://example.org/a"


def test_markdown_javascript_source_is_not_stored():
    md = f'---\ntitle: Harbour\nsource: "javascript://example.org/%0Aalert(1)"\n---\n\n{BODY}\n'
    assert read_text(md, format="md").source_url == ""


def test_markdown_falls_through_to_a_safe_source():
    md = f"---\nurl: javascript://x/%0Aalert(1)\ncanonical: https://example.org/harbour\n---\n\n{BODY}\n"
    assert read_text(md, format="md").source_url == "https://example.org/harbour"


def test_markdown_source_naming_no_address_is_no_url():
    md = f"---\nsource: Reuters\n---\n\n{BODY}\n"
    assert read_text(md, format="md").source_url == ""


def test_html_canonical_javascript_url_is_not_stored():
    html = (
        "<html><head><title>Harbour</title>"
        "<link rel='canonical' href='javascript://example.org/%0Aalert(1)'>"
        "<meta property='og:url' content='javascript://example.org/%0Aalert(1)'>"
        f"</head><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    assert read_text(html, format="html", source_path="page.html").source_url == ""
