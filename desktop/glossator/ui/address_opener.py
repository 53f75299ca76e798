"""File > Open Address… (Ctrl+L), and addresses dropped, pasted or given on the command line.

One page is fetched in the background. An address already in the library asks first whether
to fetch it again or to open the stored copy, so a page is never fetched twice by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from glossator.core.errors import ReadError
from glossator.core.readers.web_address import is_address
from glossator.core.readers.web_fetch import check_address
from glossator.core.services import articles, worker
from glossator.core.services.values import StoredArticle
from glossator.ui.actions import Act
from glossator.ui.analysis_controller import AnalysisController
from glossator.ui.library_jobs import LibraryJob
from glossator.ui.window_context import WindowContext

FETCH_AGAIN = "Fetch Again"
OPEN_STORED = "Open Stored Copy"


class AddressOpener(QObject):
    """Asks for an address, checks the library for it, and hands the fetch to the controller."""

    def __init__(self, ctx: WindowContext, controller: AnalysisController, show_article):
        super().__init__(ctx.host)
        self.ctx = ctx
        self.controller = controller
        self.show_article = show_article
        ctx.acts[Act.OPEN_ADDRESS].triggered.connect(self.ask)

    def ask(self) -> None:
        """Ask for an address, offering the clipboard's when it holds one."""
        copied = QGuiApplication.clipboard().text().strip()
        url, ok = QInputDialog.getText(
            self.ctx.host, "Open Address", "Address of the page to fetch (http or https):",
            QLineEdit.EchoMode.Normal, copied if is_address(copied) else "https://")
        if ok and url.strip() and url.strip() not in ("https://", "http://"):
            self.open(url.strip())

    def open(self, url: str) -> None:
        """Fetch ``url``, or ask first when the library has it already."""
        try:
            url = check_address(url)
        except ReadError as exc:
            self.controller.open_failed.emit(url, str(exc))
            return
        self.ctx.say(f"Looking up {url}…")
        job = LibraryJob(worker.in_background(articles.article_for_address, url), self)
        job.succeeded.connect(lambda stored, u=url: self._looked_up(u, stored))
        job.failed.connect(lambda message, u=url: self.controller.open_failed.emit(u, message))

    def _looked_up(self, url: str, stored: StoredArticle | None) -> None:
        if stored is not None:
            choice = self.ask_fetch_again(url, stored)
            if choice == OPEN_STORED:
                self.ctx.say(f"Opened the stored copy of {url}", 4000)
                self.show_article(stored.id)
                return
            if choice != FETCH_AGAIN:
                self.ctx.say("")
                return
        self.ctx.say(f"Fetching {url}…")
        self.controller.open_address(url)

    def ask_fetch_again(self, url: str, stored: StoredArticle) -> str:
        """FETCH_AGAIN, OPEN_STORED, or '' for Cancel."""
        when = stored.article.metadata.get("fetched_at", "") or (
            f"{stored.imported_at:%Y-%m-%d %H:%M}" if stored.imported_at else "earlier")
        box = QMessageBox(QMessageBox.Icon.Question, "Address already in the library",
                          f"{url} was fetched {when.replace('T', ' ').removesuffix('Z')} (UTC) as "
                          f"“{stored.shown_name}”.\n\nFetch the page again, or open the stored copy?",
                          parent=self.ctx.host)
        again = box.addButton(FETCH_AGAIN, QMessageBox.ButtonRole.AcceptRole)
        kept = box.addButton(OPEN_STORED, QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(kept)
        box.setObjectName("fetchAgainBox")
        box.exec()
        clicked = box.clickedButton()
        return FETCH_AGAIN if clicked is again else OPEN_STORED if clicked is kept else ""
