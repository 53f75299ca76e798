"""A plain extraction for pages trafilatura gives up on: the visible text of the main element."""

from __future__ import annotations

import re
from copy import deepcopy

import trafilatura
from lxml import etree

from glossator.core.readers.html_extract import PageMetadata, page_metadata
from glossator.core.readers.html_structure import layout_from_html
from glossator.core.readers.layout import ArticleLayout

_MAIN_PATHS = ("//article", "//main", "//body")
_BOILERPLATE_TAGS = ("nav", "footer", "aside", "form", "script", "style", "noscript", "template")
_BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "dialog", "search")
_BOILERPLATE_NAMES = re.compile(
    r"cookie|consent|gdpr|newsletter|advert|promo|popup|modal|share|social|related|sidebar|"
    r"breadcrumb|comments?\b|skip-link",
    re.IGNORECASE,
)


def fallback_extraction(root: etree._Element) -> tuple[ArticleLayout, PageMetadata] | None:
    """Blocks from <article>, else <main>, else <body>, minus navigation, headers and footers.

    ``root`` is the parsed page; boilerplate is cut out of it in place. Returns None when the
    page has no visible text at all.
    """
    metadata = _metadata(root)
    main = next((found[0] for path in _MAIN_PATHS if (found := root.xpath(path))), root)
    for element in list(main.iter()):
        if _is_boilerplate(element) and element is not main:
            element.drop_tree()
    layout = layout_from_html(main)
    return (layout, metadata) if layout.blocks else None


def _is_boilerplate(element) -> bool:
    if not isinstance(element.tag, str) or element.getparent() is None:
        return False
    tag = element.tag.lower()
    if tag in _BOILERPLATE_TAGS or element.get("role", "").lower() in _BOILERPLATE_ROLES:
        return True
    if tag == "header" and not element.xpath("ancestor::article"):
        return True  # a site header; an article's own header holds its headline
    names = f"{element.get('id', '')} {element.get('class', '')}"
    return tag not in ("article", "main", "body") and bool(_BOILERPLATE_NAMES.search(names))


def _metadata(root: etree._Element) -> PageMetadata:
    try:
        # A copy: metadata extraction strips elements from the tree it reads.
        return page_metadata(trafilatura.extract_metadata(deepcopy(root)))
    except Exception:  # noqa: BLE001
        # Metadata is a bonus here: a failure must not cost the reader the text.
        return PageMetadata()
