"""Saved web pages: the article's main text and metadata, without the page around it."""

from __future__ import annotations

import re

from glossator.core.article import Article, normalise_text
from glossator.core.errors import ReadError
from glossator.core.readers.html_charset import without_xml_declaration
from glossator.core.readers.html_extract import extract_main_text
from glossator.core.readers.html_fallback import fallback_extraction
from glossator.core.readers.html_parse import parse_page
from glossator.core.readers.metadata_fields import clean_title, iso_date, source_url, title_from_path

# Characters XML (and so lxml) refuses; a page can still carry them. Form feed is HTML
# whitespace, the rest are invisible.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


def parse_html(html: str, *, label: str, source_path: str = "") -> Article:
    """An Article from an HTML page: trafilatura's main-text extraction, else a plain fallback.

    Title: the page's own (og:title, <title>, headline as trafilatura ranks them), else the
    first level-1 heading kept, else the file name. ``published`` is yyyy-mm-dd when known.
    """
    html = without_xml_declaration(normalise_text(html))
    html = _XML_UNSAFE.sub("", html.replace("\x0c", " "))
    if not html.strip():
        raise ReadError(f"{label} is empty (only whitespace)")
    tree = parse_page(html, label)
    extractor = "trafilatura"
    found = extract_main_text(tree) if tree is not None else None
    if found is None and tree is not None:
        extractor = "fallback"
        found = fallback_extraction(tree)
    if found is None:
        raise ReadError(f"{label} has no article text that could be extracted")
    layout, page = found
    text = layout.text
    first_h1 = next((b for b in layout.blocks if b.kind == "heading" and b.level == 1), None)
    heading = text[first_h1.start : first_h1.end] if first_h1 else ""
    title = clean_title(page.title) or clean_title(heading) or title_from_path(source_path)
    return Article(
        text=text,
        blocks=layout.blocks,
        inlines=layout.inlines,
        title=title,
        author=page.author,
        published=iso_date(page.date) if page.date else "",
        source_url=source_url(page.url),
        source_path=source_path,
        format="html",
        metadata={**page.extra, "extractor": extractor},
    )
