"""The Page view: the original PDF page beside the text, the selected passage boxed on it.

It follows the reader: the page at the top of the reading view is shown, and selecting an
annotation turns to its page and draws a box round each of its lines there. Pages are drawn
from the copy of the PDF kept beside the library, so the view works after the file has moved.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from glossator.core import originals
from glossator.core.errors import GlossatorError
from glossator.core.pages import PageBox, is_paged, page_boxes
from glossator.core.readers.pdf.render import PageImage, render_page
from glossator.ui.article_session import ArticleSession

NOT_PAGED = "Pages are shown for PDF documents."
BOX_COLOUR = QColor("#1c7ed6")


class PageCanvas(QWidget):
    """One rendered page, scaled to the width it is given, with boxes drawn over it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.image: QImage | None = None
        self.page: PageImage | None = None
        self.boxes: list[PageBox] = []

    def show_page(self, page: PageImage | None, boxes: list[PageBox]) -> None:
        self.page = page
        self.image = None if page is None else QImage(
            page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBA8888).copy()
        self.boxes = boxes
        self.updateGeometry()
        self.update()

    def display_scale(self) -> float:
        """Widget pixels per PDF point."""
        if self.page is None:
            return 1.0
        return max(self.width(), 1) / self.page.page_width

    def sizeHint(self) -> QSize:
        if self.page is None:
            return QSize(200, 260)
        return QSize(self.width(), int(self.page.page_height * self.display_scale()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if self.page is None:
            return 260
        return int(width * self.page.page_height / self.page.page_width)

    def box_rect(self, box: PageBox) -> QRectF:
        """A box in widget coordinates (PDF origin is bottom left, the widget's top left)."""
        assert self.page is not None
        scale = self.display_scale()
        return QRectF(box.x0 * scale, (self.page.page_height - box.y1) * scale,
                      (box.x1 - box.x0) * scale, (box.y1 - box.y0) * scale)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(0, 0, self.width(), self.heightForWidth(self.width())), self.image)
            wash = QColor(BOX_COLOUR)
            wash.setAlpha(40)
            painter.setPen(QPen(BOX_COLOUR, 1.6))
            painter.setBrush(wash)
            for box in self.boxes:
                painter.drawRoundedRect(self.box_rect(box).adjusted(-2, -1.5, 2, 1.5), 2.5, 2.5)
        painter.end()


class PageView(QWidget):
    """The Page dock's content: page navigation, the page, and a line saying what is shown."""

    def __init__(self, session: ArticleSession, reader, passwords: dict[str, str], parent=None):
        super().__init__(parent)
        self.session = session
        self.reader = reader
        self.passwords = passwords
        self.page = 0
        self.page_count = 0
        self.path: str | None = None
        self._cache: dict[tuple[str, int, int], PageImage] = {}

        self.previous = QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setToolTip("Previous page")
        self.next = QToolButton(self)
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setToolTip("Next page")
        self.label = QLabel(NOT_PAGED, self)
        self.label.setObjectName("pageViewLabel")
        # For the status bar: the page of the original at the reading position.
        self.status = QLabel(self)
        self.status.setObjectName("currentPageLabel")
        self.status.hide()
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.previous)
        bar.addWidget(self.label, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.next)
        self.canvas = PageCanvas(self)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.scroller, 1)

        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(150)
        self._follow.timeout.connect(self.follow_reader)
        self.previous.clicked.connect(lambda: self.turn_to(self.page - 1))
        self.next.clicked.connect(lambda: self.turn_to(self.page + 1))
        session.article_changed.connect(self.article_changed)
        session.selection_changed.connect(self.selection_changed)
        reader.browser.verticalScrollBar().valueChanged.connect(lambda _value: self._follow.start())
        self.article_changed()

    # -- what to show ------------------------------------------------------------------
    def article_changed(self) -> None:
        article = self.session.article
        self.path = None
        self.page = self.page_count = 0
        if article is not None and is_paged(article.metadata):
            sha = str(article.metadata.get("document_sha256", ""))
            kept = originals.find(sha) if sha else None
            self.path = str(kept) if kept else (article.source_path or None)
            self.page_count = int(article.metadata.get("page_count") or 0)
            self.turn_to(1)
        else:
            self._show(None, [], NOT_PAGED)
        self.follow_reader()

    def selection_changed(self, annotation_id) -> None:
        record = self.session.record(annotation_id) if annotation_id is not None else None
        article = self.session.article
        if record is None or article is None or self.path is None:
            if self.canvas.boxes:  # the selection is gone: back to following the reader
                self.turn_to(self.page)
            return
        boxes = page_boxes(article.metadata, record.start, record.end)
        if boxes:
            self.turn_to(boxes[0].page, [b for b in boxes if b.page == boxes[0].page])

    def follow_reader(self) -> None:
        """Show the page at the top of the reading view, unless a selected passage is shown,
        and say in the status bar which page that is."""
        page = self.reader.current_page()
        self.status.setVisible(page is not None)
        if page is not None:
            self.status.setText(f"Page {page} of {self.page_count}" if self.page_count else f"Page {page}")
        if self.path is None or self.canvas.boxes:
            return
        if page is not None and page != self.page:
            self.turn_to(page)

    def turn_to(self, page: int, boxes: list[PageBox] | None = None) -> None:
        if self.path is None or not 1 <= page <= max(self.page_count, 1):
            return
        self.page = page
        if boxes is None and self.canvas.boxes and page == self.canvas.boxes[0].page:
            boxes = []
        try:
            image = self._render(page)
        except GlossatorError as exc:
            self._show(None, [], f"Page {page} cannot be drawn: {exc}")
            return
        self.page_count = image.page_count
        self._show(image, boxes or [], f"Page {page} of {image.page_count}")
        if boxes:
            rect = self.canvas.box_rect(boxes[0])
            self.scroller.ensureVisible(int(rect.center().x()), int(rect.center().y()), 40, 80)

    def _render(self, page: int) -> PageImage:
        assert self.path is not None
        scale = round(max(self.scroller.viewport().width(), 300) * self.devicePixelRatioF() / 595 * 1.25, 1)
        key = (self.path, page, int(scale * 10))
        if key not in self._cache:
            sha = str((self.session.article.metadata if self.session.article else {}).get("document_sha256", ""))
            self._cache = {k: v for k, v in self._cache.items() if k[0] == self.path and abs(k[1] - page) < 4}
            self._cache[key] = render_page(self.path, page, scale=min(scale, 4.0), password=self.passwords.get(sha))
        return self._cache[key]

    def _show(self, image: PageImage | None, boxes: list[PageBox], text: str) -> None:
        self.canvas.show_page(image, boxes)
        self.label.setText(text)
        self.previous.setEnabled(image is not None and self.page > 1)
        self.next.setEnabled(image is not None and self.page < self.page_count)
