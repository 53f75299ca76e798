"""Main-text extraction from a saved web page with trafilatura, offline, keeping its structure."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from glossator.core.readers.html_structure import layout_from_html
from glossator.core.readers.layout import ArticleLayout
from glossator.core.readers.metadata_fields import one_line
from glossator.core.readers.repeated_blocks import repeats_told_apart, untag_tree, untagged

# trafilatura's XML vocabulary, renamed to the HTML tags the structure walker knows.
_RENAMED = {
    "item": "li", "quote": "blockquote", "code": "pre", "lb": "br", "row": "tr",
    "ref": "a", "del": "s", "graphic": "img",
}
_HIGHLIGHTS = {"#b": "strong", "#i": "em", "#t": "code"}
_HEADING_LEVELS = frozenset("123456")
_EXTRA_FIELDS = ("sitename", "hostname", "description", "categories", "tags", "language", "license")
# Navigation, site headers and footers are never article text: pruned up front so that no
# trafilatura fallback picks them up. A header holding an <h1> may hold the headline: kept.
_PRUNED = [
    "//nav",
    "//*[@role='navigation']",
    "//footer[not(ancestor::article)]",
    "//header[not(ancestor::article) and not(ancestor::main) and not(.//h1)]",
]


@dataclass
class PageMetadata:
    """What a page says about itself; empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    extra: dict = field(default_factory=dict)


def extract_main_text(page: etree._Element) -> tuple[ArticleLayout, PageMetadata] | None:
    """The article's blocks and the page metadata, or None when trafilatura finds no main text.

    ``page`` is the parsed page, left as it was (trafilatura works on a copy). Comments,
    navigation and boilerplate are left out; repeated paragraphs are kept; nothing is fetched.
    """
    try:
        with repeats_told_apart(page):
            document = trafilatura.bare_extraction(
                page,
                with_metadata=True,
                include_comments=False,
                include_formatting=True,
                include_links=True,
                include_tables=True,
                include_images=False,
                prune_xpath=_PRUNED,
            )
    except Exception:  # noqa: BLE001
        # trafilatura is heuristic code run on arbitrary markup: any failure in it means "no
        # extraction", and the caller still has its plain fallback.
        return None
    # Without as_dict, trafilatura gives a Document (or None when it finds no main text).
    if not isinstance(document, Document) or document.body is None or _is_whole_page_dump(document.body):
        return None
    layout = layout_from_html(as_html_tree(untag_tree(document.body)))
    return (layout, page_metadata(document)) if layout.blocks else None


def _is_whole_page_dump(body: etree._Element) -> bool:
    """trafilatura's last resort: every text node of the page, one per line, in a single <p>.

    The plain fallback does better with such pages, as it keeps their headings and paragraphs.
    """
    children = list(body)
    return (
        len(children) == 1
        and children[0].tag == "p"
        and len(children[0]) == 0
        and "\n" in (children[0].text or "")
    )


def page_metadata(document) -> PageMetadata:
    """The metadata fields of a trafilatura Document, as one-line strings."""
    def text(name: str) -> str:
        value = getattr(document, name, None)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        return one_line(untagged(str(value)) or "") if value else ""

    extra = {key: text(key) for key in _EXTRA_FIELDS if text(key)}
    return PageMetadata(text("title"), text("author"), text("date"), text("url"), extra)


def as_html_tree(body: etree._Element) -> etree._Element:
    """Rename trafilatura's elements in place (head, list, item, hi, ref, ...) to HTML ones."""
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        rend = element.get("rend") or ""
        if tag == "head":
            level = rend[-1:] if rend[-1:] in _HEADING_LEVELS else "2"
            element.tag = f"h{level}"
        elif tag == "list":
            element.tag = "ol" if rend == "ol" else "ul"
        elif tag == "hi":
            element.tag = _HIGHLIGHTS.get(rend, "span")
        elif tag == "cell":
            element.tag = "th" if element.get("role") == "head" else "td"
        elif tag in _RENAMED:
            element.tag = _RENAMED[tag]
            if tag == "ref" and element.get("target"):
                element.set("href", element.get("target"))
    return body
