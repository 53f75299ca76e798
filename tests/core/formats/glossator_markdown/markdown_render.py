"""Rendering helpers for the export tests: HTML from both renderers, and its visible text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from markdown_it import MarkdownIt

from glossator.core.formats.glossator_markdown.body_layout import BODY_END, BODY_START

try:
    from mdit_py_plugins.footnote import footnote_plugin
except ImportError:  # the footnote plugin is optional: CommonMark is then tested without it
    footnote_plugin = None

REF_LABEL = re.compile(r"\[\^[cn]\d+\]")


def python_markdown(md: str) -> str:
    return markdown.markdown(md, extensions=["extra"])


def commonmark(md: str, *, footnotes: bool = True) -> str:
    parser = MarkdownIt("commonmark").enable("table")
    if footnotes and footnote_plugin is not None:
        parser = parser.use(footnote_plugin)
    return parser.render(md)


def body_html(html: str) -> str:
    """The rendered body: what lies between the two body comments."""
    start = html.index(BODY_START) + len(BODY_START)
    return html[start : html.index(BODY_END, start)]


def body_markdown(md: str) -> str:
    """The exported body with its markers and nothing else (no footnote definitions)."""
    start = md.index(BODY_START)
    end = md.index("\n" + BODY_END + "\n", start) + len(BODY_END) + 2
    return md[start:end]


class _Visible(HTMLParser):
    """Collects the text a reader sees, leaving out footnote reference numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        is_ref = "footnote-ref" in classes or (attributes.get("id") or "").startswith("fnref")
        if tag == "sup" and (self._skip or is_ref):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "sup" and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def squash(text: str) -> str:
    """Text without any whitespace: rendering may change whitespace, never other characters."""
    return re.sub(r"\s+", "", text)


def python_markdown_body_text(md: str) -> str:
    return visible_text(body_html(python_markdown(md)))


def commonmark_body_text(md: str) -> str:
    """Visible body text under plain CommonMark, without the footnote extension.

    The references are taken out of the source first: without the extension they would show
    as text. Outside code blocks article text never yields a raw ``[^c1]`` (its brackets are
    escaped), so this removes exactly the references.
    """
    lines, fence = [], ""
    for line in body_markdown(md).split("\n"):
        if fence or re.fullmatch(r"`{3,}", line):
            fence = "" if line == fence else fence or line
            lines.append(line)
        else:
            lines.append(REF_LABEL.sub("", line))
    html = commonmark("\n".join(lines), footnotes=False)
    return visible_text(body_html(html))
