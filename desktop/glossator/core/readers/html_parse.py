"""Parsing HTML with lxml without its silent cut-off: saved pages and rendered Markdown.

libxml2 stops at 256 levels of nesting by default and drops whatever lies deeper, which on a
machine-made page is the whole article. With ``huge_tree`` it goes to 2048 levels; a document
nested deeper still is refused rather than read without its body.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from glossator.core.errors import ReadError
from glossator.core.readers.html_depth import flatten_deep_nesting
from glossator.core.readers.html_structure import SKIPPED_TAGS

# A self-closing <html/> makes libxml2 end the document there and drop the page.
_SELF_CLOSED_HTML = re.compile(r"(<html\b[^<>]*?)\s*/>", re.IGNORECASE)
_HEAD_CHARS = 4096


def whole_tree_parser(*, remove_comments: bool = False) -> HTMLParser:
    """A new lxml HTML parser without the depth and size limits. One per document: its error
    log is what :func:`check_whole` reads."""
    return HTMLParser(
        huge_tree=True, collect_ids=False, default_doctype=False,
        remove_comments=remove_comments, remove_pis=remove_comments,
    )


def check_whole(parser: HTMLParser, label: str) -> None:
    """Raise ReadError if the last document ``parser`` read was cut short by libxml2's limits."""
    for entry in parser.error_log:
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            deep = "depth" in entry.message.lower()
            what = "nested too deeply (over 2,000 levels)" if deep else "too large"
            raise ReadError(f"cannot read {label}: its HTML is {what} to be read whole")


def parse_page(html: str, label: str) -> HtmlElement | None:
    """The page's element tree, nesting bounded for the walkers; None when it holds no markup."""
    html = _SELF_CLOSED_HTML.sub(r"\1>", html[:_HEAD_CHARS], count=1) + html[_HEAD_CHARS:]
    parser = whole_tree_parser(remove_comments=True)
    try:
        root = document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    check_whole(parser, label)
    return flatten_deep_nesting(root, dropped=SKIPPED_TAGS)
