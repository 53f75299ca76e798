"""File > New Article from Clipboard: what a browser, a PDF viewer or an editor copied, read
and stored like an opened file; a lone web address is fetched instead. The action is enabled
only while the clipboard holds text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from glossator.core.readers.web_address import is_address
from glossator.ui.actions import Act
from glossator.ui.window_context import WindowContext

NOTHING_TO_READ = "The clipboard holds no text to read as an article."
ONLY_AN_IMAGE = "The clipboard holds only an image; copy the article's text instead."
ONLY_WHITESPACE = "The clipboard holds only blank space, no text to read as an article."


def readable(mime: QMimeData | None) -> bool:
    """Whether the clipboard's data offers HTML or plain text."""
    return mime is not None and (mime.hasHtml() or mime.hasText())


def clipboard_contents(mime: QMimeData | None) -> tuple[str, str]:
    """The clipboard's HTML and plain text ('' for what it lacks)."""
    if mime is None:
        return "", ""
    return (mime.html() if mime.hasHtml() else ""), (mime.text() if mime.hasText() else "")


def why_unreadable(mime: QMimeData | None) -> str:
    """The message for a clipboard that has nothing to read, or '' when it has."""
    html, text = clipboard_contents(mime)
    if html.strip() or text.strip():
        return ""
    if text or html:
        return ONLY_WHITESPACE
    if mime is not None and mime.hasImage():
        return ONLY_AN_IMAGE
    return NOTHING_TO_READ


class ClipboardOpener(QObject):
    """Keeps the action's enabled state in step with the clipboard and opens what it holds.

    ``read(html, text)`` reads and stores the clipboard's article in the background;
    ``open_address(url)`` fetches the page when all the clipboard holds is its address.
    """

    def __init__(self, ctx: WindowContext, read: Callable[[str, str], None],
                 open_address: Callable[[str], None]):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.read = read
        self.open_address = open_address
        self.action = ctx.acts[Act.NEW_FROM_CLIPBOARD]
        self.clipboard = QGuiApplication.clipboard()
        self.clipboard.dataChanged.connect(self.update_action)
        self.action.triggered.connect(self.open)
        self.update_action()

    def update_action(self) -> None:
        self.action.setEnabled(readable(self.clipboard.mimeData()))

    def open(self) -> None:
        """Read the clipboard in the background; the window shows it once it is stored."""
        mime = self.clipboard.mimeData()
        problem = why_unreadable(mime)
        if problem:
            self.ctx.say(problem, 8000)
            QMessageBox.information(self.ctx.host, "Nothing to read", problem)
            return
        html, text = clipboard_contents(mime)
        if is_address(text) and (not html or text.strip() in html):
            self.open_address(text.strip())
            return
        self.ctx.say("Reading the clipboard…")
        self.read(html, text)
