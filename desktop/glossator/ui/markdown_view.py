"""Showing Markdown as HTML without letting it reach out: no raw HTML from notes, no remote
images or style sheets, and links opened only through ``external_links``.

Notes are the reader's Markdown, but they are often pasted from web pages; raw HTML in them
is shown as text rather than interpreted, so a pasted ``<script>`` or ``<img>`` stays inert.
"""

from __future__ import annotations

import markdown
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from glossator.ui.external_links import open_link

NOTE_EXTENSIONS = ("extra", "sane_lists")

# Qt's rich text understands a subset of CSS; this keeps previews close to a Markdown viewer.
PREVIEW_CSS = """
body { line-height: 135%; }
code, pre { font-family: monospace; background-color: #f1f3f5; }
blockquote { color: #495057; margin-left: 12px; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ced4da; padding: 2px 6px; }
.mark { background-color: #ffe066; }
"""


def note_html(text: str) -> str:
    """A note's Markdown as HTML, with any raw HTML in it escaped instead of passed through."""
    md = markdown.Markdown(extensions=list(NOTE_EXTENSIONS))
    # Without these two, "<b>" stays a tag; with them python-markdown escapes it like any text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md.convert(text)


class SafeTextBrowser(QTextBrowser):
    """A read-only HTML view that loads no resources at all and opens only safe links."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(PREVIEW_CSS)
        self.document().setIndentWidth(18)  # Qt's 40 px list indent wastes a narrow panel
        self.anchorClicked.connect(self._follow)

    def loadResource(self, resource_type: int, name: QUrl | str):
        # Images, style sheets and documents named in the HTML are never fetched, local or not.
        return None

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
        else:
            open_link(url)
