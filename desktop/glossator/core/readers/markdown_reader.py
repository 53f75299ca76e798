"""Markdown articles: front matter for metadata, python-markdown for structure."""

from __future__ import annotations

import markdown
from lxml import etree
from lxml.html import fragment_fromstring

from glossator.core.article import Article, normalise_text
from glossator.core.errors import ReadError
from glossator.core.readers.front_matter import first_field, split_front_matter
from glossator.core.readers.html_parse import check_whole, whole_tree_parser
from glossator.core.readers.html_structure import layout_from_html
from glossator.core.readers.metadata_fields import (
    clean_title,
    iso_date,
    one_line,
    source_url,
    title_from_path,
)

MARKDOWN_EXTENSIONS = ("extra", "sane_lists")
_URL_KEYS = ("url", "source_url", "canonical", "link", "source")
# Footnote back-links are navigation arrows, not text.
_NAVIGATION_ONLY = "//a[contains(concat(' ', normalize-space(@class), ' '), ' footnote-backref ')]"


def parse_markdown(text: str, *, label: str, source_path: str = "") -> Article:
    """An Article from Markdown source: headings, paragraphs, lists, quotes, code and inline marks.

    Title: front matter ``title:``, else the first level-1 heading, else the file name.
    """
    fields, body = split_front_matter(normalise_text(text))
    if not body.strip():
        raise ReadError(f"{label} has no text (only front matter or whitespace)")
    html = markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS))
    parser = whole_tree_parser()
    try:
        # The comment keeps lxml from taking raw "<html>" or "<!doctype>" at the start of the
        # Markdown for a whole document, which it then fails on with an AssertionError.
        root = fragment_fromstring("<!---->" + html, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError, AssertionError):
        raise ReadError(f"cannot read {label}: its Markdown could not be rendered") from None
    check_whole(parser, label)
    for link in root.xpath(_NAVIGATION_ONLY):
        link.drop_tree()
    layout = layout_from_html(root)
    if not layout.blocks:
        raise ReadError(f"{label} has no text (only markup)")
    text = layout.text
    first_h1 = next((b for b in layout.blocks if b.kind == "heading" and b.level == 1), None)
    heading = text[first_h1.start : first_h1.end] if first_h1 else ""
    title = clean_title(first_field(fields, "title")) or clean_title(heading)
    # "source: Reuters" names a source without linking to it; "url: javascript:..." is no source.
    url = next((found for key in _URL_KEYS if (found := source_url(fields.get(key, "")))), "")
    metadata = {"front_matter": fields} if fields else {}
    return Article(
        text=text,
        blocks=layout.blocks,
        inlines=layout.inlines,
        title=title or title_from_path(source_path),
        author=one_line(first_field(fields, "author", "authors", "byline")),
        published=iso_date(first_field(fields, "published", "date", "pubdate")),
        source_url=url,
        source_path=source_path,
        format="md",
        metadata=metadata,
    )
