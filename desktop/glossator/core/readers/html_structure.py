"""Walking an HTML element tree into article blocks and inline marks.

Used for Markdown (rendered to HTML first), for trafilatura's extraction (renamed to HTML
tags) and for the plain fallback extraction, so all three share one idea of structure.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from glossator.core.readers.html_depth import flatten_deep_nesting
from glossator.core.readers.layout import ArticleLayout, BlockText

HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
LIST_TAGS = frozenset({"ul", "ol", "menu", "dir"})
BLOCK_TAGS = frozenset(
    {
        *HEADING_LEVELS, *LIST_TAGS, "p", "li", "blockquote", "pre", "table", "hr", "div",
        "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption",
        "body", "html", "form", "fieldset", "legend", "details", "summary", "dl", "dt", "dd",
        "address", "center", "hgroup", "caption", "thead", "tbody", "tfoot", "tr", "td", "th",
    }
)
# Content that is not reading text: code, media, form controls, document head.
SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "svg", "math", "iframe", "object", "embed", "canvas", "img", "picture", "video",
        "audio", "source", "track", "map", "area", "button", "input", "select", "option",
        "textarea", "datalist",
    }
)
INLINE_KINDS = {
    "em": "emphasis", "i": "emphasis", "cite": "emphasis", "dfn": "emphasis",
    "strong": "strong", "b": "strong",
    "code": "code", "kbd": "code", "samp": "code", "tt": "code",
    "a": "link",
}
CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class _Context:
    """What a paragraph-like run of text becomes where it stands."""

    kind: str = "paragraph"
    level: int = 0
    ordered: bool = False
    list_depth: int = 0


def layout_from_html(root: etree._Element) -> ArticleLayout:
    """The blocks and inline marks of the content under ``root`` (nesting bounded first, in place,
    as the walk is recursive)."""
    root = flatten_deep_nesting(root, dropped=SKIPPED_TAGS)
    walker = _Walker(root)
    walker.container(root, _Context())
    return walker.layout


def tag_of(element) -> str:
    """The lower-case tag name, or '' for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


class _Walker:
    def __init__(self, root: etree._Element) -> None:
        self.layout = ArticleLayout()
        # Any element holding a block (a <span> or custom element around <p>s) is walked as a
        # block too, so its paragraphs stay apart. Held here, the lxml proxies keep their identity.
        self._holds_blocks: set = set()
        for element in root.iter():
            if tag_of(element) in BLOCK_TAGS:
                for ancestor in element.iterancestors():
                    if ancestor in self._holds_blocks:
                        break
                    self._holds_blocks.add(ancestor)

    def is_block(self, element) -> bool:
        return tag_of(element) in BLOCK_TAGS or element in self._holds_blocks

    def container(self, element, context: _Context) -> None:
        """Text and inline children make blocks of ``context.kind``; block children split them."""
        pending = BlockText()
        pending.add(element.text)
        for child in element:
            tag = tag_of(child)
            if tag and tag not in SKIPPED_TAGS:
                if self.is_block(child):
                    self._flush(pending, context)
                    pending = BlockText()
                    self.block(child, context)
                else:
                    self.inline(child, pending)
            pending.add(child.tail)
        self._flush(pending, context)

    def block(self, element, context: _Context) -> None:
        tag = tag_of(element)
        if tag in HEADING_LEVELS:
            self.container(element, _Context("heading", HEADING_LEVELS[tag]))
        elif tag in LIST_TAGS:
            depth = context.list_depth + 1
            self.container(element, replace(context, list_depth=depth, ordered=tag == "ol"))
        elif tag == "li":
            level = max(context.list_depth, 1)
            self.container(element, replace(context, kind="list_item", level=level))
        elif tag == "blockquote":
            self.container(element, replace(context, kind="quote", level=0))
        elif tag == "pre":
            self._preformatted(element)
        elif tag == "table":
            self._table(element, context)
        elif tag != "hr":
            self.container(element, context)

    def inline(self, element, text: BlockText) -> None:
        """Add an inline element's text to ``text``, marking emphasis, strong, code and links."""
        tag = tag_of(element)
        if tag == "br":
            text.newline()
            return
        href = (element.get("href") or "").strip() if tag == "a" else ""
        kind = INLINE_KINDS.get(tag)
        if kind == "link" and (not href or href.startswith(("#", "javascript:"))):
            kind = None  # in-page anchors and scripts lead nowhere outside the page
        spaced = tag in BLOCK_TAGS  # a block inside a table cell or <pre> still parts words
        if spaced:
            text.add(" ")
        token = text.open(kind, href) if kind else None
        text.add(element.text)
        for child in element:
            if tag_of(child) and tag_of(child) not in SKIPPED_TAGS:
                self.inline(child, text)
            text.add(child.tail)
        text.close(token)
        if spaced:
            text.add(" ")

    def _preformatted(self, element) -> None:
        text = BlockText(preformatted=True)
        text.add(element.text)
        for child in element:
            if tag_of(child) and tag_of(child) not in SKIPPED_TAGS:
                self.inline(child, text)
            text.add(child.tail)
        self.layout.add_block_text("code", text)

    def _table(self, table, context: _Context) -> None:
        """One block per row, cells joined by ' | ': tables are rare in articles, rows read well."""
        for part in table:
            tag = tag_of(part)
            if tag == "caption":
                self.container(part, context)
            elif tag in ("thead", "tbody", "tfoot"):
                self._table(part, context)
            elif tag == "tr":
                row = BlockText()
                for cell in part:
                    if tag_of(cell) in ("td", "th"):
                        row.separate(CELL_SEPARATOR)
                        self.inline(cell, row)
                self._flush(row, context)

    def _flush(self, text: BlockText, context: _Context) -> None:
        self.layout.add_block_text(context.kind, text, level=context.level, ordered=context.ordered)
