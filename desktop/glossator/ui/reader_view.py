"""The reader: the article formatted for reading, with its annotations drawn over it.

It follows an ArticleSession: a new article rebuilds the document, changed annotations
repaint the overlay layers, and a selection made elsewhere scrolls to and outlines the
annotation. Everything it reports (clicks, menus, ranges) is in article offsets.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QTextCursor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from glossator.core.pages import is_paged, page_at, page_starts
from glossator.ui.annotation_tooltip import tooltip_html
from glossator.ui.article_session import ArticleSession
from glossator.ui.external_links import openable_url
from glossator.ui.find_bar import FindBar
from glossator.ui.palette import ENTITY_NAMES
from glossator.ui.reader_document import ReaderDocument, build_document
from glossator.ui.reader_find import FindController
from glossator.ui.reader_overlays import OverlayManager
from glossator.ui.reader_style import ReaderStyle, clamp_zoom, palette_is_dark
from glossator.ui.reading_pane import ReadingPane

WELCOME = (
    "<p style='font-size:15pt'>No article open</p>"
    "<p>Open an article with Ctrl+O, drop a .txt, .md or .html file here,<br>"
    "or double-click one in the Library.</p>"
)


class ReaderView(QWidget):
    """The formatted article with entity tints, claim underlines, highlights, find and zoom."""

    annotation_clicked = Signal(int)                 # id of the annotation the user clicked
    context_menu_requested = Signal(QPoint, object)  # global position, (start, end) selected or None
    link_blocked = Signal(str)                       # a link the reader refused to open
    zoom_changed = Signal(int)                       # the new zoom level

    def __init__(self, session: ArticleSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.overlays = OverlayManager()
        self._style = ReaderStyle(dark=palette_is_dark())
        self.overlays.set_style(self._style)
        self._document: ReaderDocument | None = None
        self._clicking = False

        self.browser = ReadingPane(self)
        self.browser.setObjectName("readerText")
        self.browser.tooltip_for = lambda pos: self.tooltip_at_offset(self.article_offset(pos))
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.finder_control = FindController(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.welcome = QLabel(WELCOME, self)
        self.welcome.setObjectName("readerWelcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.welcome.setEnabled(False)  # drawn in the muted colour of placeholder text
        layout.addWidget(self.welcome, 1)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.find_bar)

        self.browser.clicked_at.connect(self._clicked)
        self.browser.menu_requested.connect(
            lambda pos: self.context_menu_requested.emit(pos, self.selected_range()))
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.zoom_requested.connect(lambda step: self._set_zoom(self._style.zoom + step))
        self.find_bar.search_changed.connect(self._search_as_you_type)
        self.find_bar.step_requested.connect(lambda text, back: self.find_text(text, backwards=back))
        self.find_bar.closed.connect(self._find_closed)
        session.article_changed.connect(self._article_changed)
        session.annotations_changed.connect(self._paint_overlays)
        session.selection_changed.connect(self._selection_changed)
        self._rebuild()

    # -- offsets -----------------------------------------------------------------------
    def doc_position(self, offset: int) -> int:
        """The document position of an article character offset."""
        return self.document().offsets.doc_position(offset)

    def article_offset(self, position: int) -> int:
        """The article character offset of a document position."""
        return self.document().offsets.article_offset(position)

    def document(self) -> ReaderDocument:
        """The document on screen (rebuilt for every article, theme and zoom)."""
        if self._document is None:
            raise RuntimeError("the reader has no document before its first build")
        return self._document

    def document_text(self, start: int, end: int) -> str:
        """The text the reader shows for an article range (line and block breaks as "\n")."""
        text = self.doc_cursor(*self.document().offsets.doc_range(start, end)).selectedText()
        return text.replace("\u2028", "\n").replace("\u2029", "\n")

    def has_overlay_at(self, offset: int, layer: str) -> bool:
        """Whether a layer ("entity", "claim", "highlight", "marked") is painted at an article offset."""
        offsets = self.document().offsets
        if not len(offsets):
            return False
        index = offsets.segment_index_for_offset(offset)
        return layer in self.overlays.layers_at(index, offsets.doc_position(offset) - offsets.segments[index].position)

    # -- building ----------------------------------------------------------------------
    def _article_changed(self) -> None:
        self.finder_control.reset()
        self._rebuild()
        if self.find_bar.isVisible() and self.find_bar.field.text():
            self._search_as_you_type(self.find_bar.field.text())

    def _rebuild(self, keep_place: bool = False) -> None:
        """Lay the article out afresh (new article, theme or zoom) and repaint every layer."""
        place = self._top_place() if keep_place and self._document is not None else None
        selection = self.selected_range() if keep_place else None
        old = self._document
        empty = self.session.article is None
        self.welcome.setVisible(empty)
        self.browser.setVisible(not empty)
        self._document = build_document(self.session.article, self._style, self.browser)
        self.browser.setDocument(self._document)
        if old is not None:
            old.deleteLater()
        self.browser.quote_kinds = self.document().kinds
        self.browser.page_breaks = self._page_breaks()
        self.browser.centre_column()
        self._apply_page_colours()
        self.overlays.forget()
        self.finder_control.refresh()
        self._paint_overlays()
        if selection is not None:
            self._select_text(*selection)
        if place is not None:
            self._restore_place(*place)
        else:
            self.browser.verticalScrollBar().setValue(0)

    def _page_breaks(self) -> list[tuple[int, int]]:
        article = self.session.article
        if article is None:
            return []
        return [(self.doc_position(offset), page) for page, offset in page_starts(article.metadata)]

    def passage_rect(self, start: int, end: int) -> QRect | None:
        """Where an article range is on the screen (global coordinates), or None when it is
        out of view."""
        if self._document is None:
            return None
        doc_start, doc_end = self.document().offsets.doc_range(start, end)
        rects = self.browser.range_rects(doc_start, doc_end)
        if not rects:
            return None
        box = rects[0]
        for rect in rects[1:]:
            box = box.united(rect)
        viewport = self.browser.viewport()
        shown = box.translated(self.browser.content_offset()).toAlignedRect().intersected(viewport.rect())
        if shown.isEmpty():
            return None
        return QRect(viewport.mapToGlobal(shown.topLeft()), shown.size())

    def reading_offset(self) -> int:
        """The article offset at the top of the view (0 without an article)."""
        if self.session.article is None or self._document is None:
            return 0
        return self._top_place()[0]

    def current_page(self) -> int | None:
        """The page of the original (PDF) being read, or None for an article without pages."""
        article = self.session.article
        if article is None or not is_paged(article.metadata) or self._document is None:
            return None
        bar = self.browser.verticalScrollBar()
        if bar.maximum() > 0 and bar.value() >= bar.maximum():
            return page_at(article.metadata, max(len(article.text) - 1, 0))
        # The line a third of the way down the view: where the eye reads.
        cursor = self.browser.cursorForPosition(QPoint(0, self.browser.viewport().height() // 3))
        return page_at(article.metadata, self.article_offset(cursor.position()))

    def _apply_page_colours(self) -> None:
        style = self._style
        palette = self.browser.palette()
        for role, name in ((QPalette.ColorRole.Base, "paper"), (QPalette.ColorRole.Window, "paper"),
                           (QPalette.ColorRole.Text, "ink"), (QPalette.ColorRole.Link, "link")):
            palette.setColor(role, style.colour(name))
        self.browser.setPalette(palette)
        self.browser.setAutoFillBackground(True)
        self.browser.viewport().setAutoFillBackground(True)
        self.browser.outline_colour = style.colour("selected")
        self.browser.rule_colour = style.colour("rule")

    def _paint_overlays(self) -> None:
        self.overlays.apply(self.document(), self.document().offsets, self.session.records)
        self.browser.strong_underlines = self.overlays.strong_underlines
        self.refresh_marks()

    # -- filters -----------------------------------------------------------------------
    def set_entity_type_visible(self, label: str, visible: bool) -> None:
        """Show or hide the tint of one entity type (ORG, PERSON…)."""
        (self.overlays.hidden_types.discard if visible else self.overlays.hidden_types.add)(label)
        self._paint_overlays()

    def set_claims_visible(self, visible: bool) -> None:
        self.overlays.claims_visible = bool(visible)
        self._paint_overlays()

    def set_highlights_visible(self, visible: bool) -> None:
        self.overlays.highlights_visible = bool(visible)
        self._paint_overlays()

    def set_min_claim_score(self, score: float) -> None:
        """Hide claims scoring below ``score`` (0-1)."""
        self.overlays.min_claim_score = max(0.0, min(1.0, float(score)))
        self._paint_overlays()

    def visible_entity_types(self) -> set[str]:
        """The entity types not hidden: the known ones plus any label the article uses."""
        labels = set(ENTITY_NAMES) | {r.label for r in self.session.records if r.kind == "entity"}
        return labels - self.overlays.hidden_types

    # -- selection and navigation ------------------------------------------------------
    def scroll_to(self, start: int, end: int, select_text: bool = False) -> None:
        """Bring an article range into the middle of the view, optionally selecting it."""
        doc_start, doc_end = self.document().offsets.doc_range(start, end)
        if select_text:
            self._select_text(start, end)
        top, bottom = self._content_y(doc_start), self._content_y(doc_end, bottom=True)
        height = self.browser.viewport().height()
        if bottom - top < height * 0.8:
            target = (top + bottom) / 2 - height / 2
        else:
            target = top - height * 0.1
        self.browser.verticalScrollBar().setValue(int(target))

    def select_range(self, start: int, end: int) -> None:
        """Select an article range as if the user had, and bring it into view."""
        self.scroll_to(start, end, select_text=True)

    def selected_range(self) -> tuple[int, int] | None:
        """The article range the user selected, without surrounding whitespace, or None."""
        cursor = self.browser.textCursor()
        if not cursor.hasSelection() or self.session.article is None:
            return None
        start = self.article_offset(cursor.selectionStart())
        end = self.article_offset(cursor.selectionEnd())
        text = self.session.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def clear_text_selection(self) -> None:
        """Drop the user's text selection (after an action used it)."""
        cursor = self.browser.textCursor()
        cursor.clearSelection()
        self.browser.setTextCursor(cursor)

    def text_under_cursor_range(self, pos: QPoint) -> tuple[int, int] | None:
        """The article range of the annotation or else the word under a viewport point."""
        position = self.browser.position_at(pos)
        if position is None:
            return None
        offset = self.article_offset(position)
        covering = [r for r in self.session.records_at(offset) if self.overlays.is_visible(r)]
        if covering:
            return covering[0].start, covering[0].end
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if not cursor.hasSelection():
            return None
        return self.article_offset(cursor.selectionStart()), self.article_offset(cursor.selectionEnd())

    def tooltip_at_offset(self, offset: int) -> str:
        """The hover text for the visible annotations covering an article offset ("" if none)."""
        return tooltip_html([r for r in self.session.records_at(offset) if self.overlays.is_visible(r)])

    def _clicked(self, position: int) -> None:
        offset = self.article_offset(position)
        covering = [r for r in self.session.records_at(offset) if self.overlays.is_visible(r)]
        annotation_id = covering[0].id if covering else None
        self._clicking = True
        try:
            self.session.select(annotation_id)
        finally:
            self._clicking = False
        if annotation_id is not None:
            self.annotation_clicked.emit(annotation_id)

    def _selection_changed(self, annotation_id) -> None:
        self.refresh_marks()
        record = self.session.record(annotation_id)
        if record is not None and not self._clicking and not self._range_in_view(record.start, record.end):
            self.scroll_to(record.start, record.end)

    def refresh_marks(self) -> None:
        """Re-set the transient marks: the find matches, and the outline of the selected annotation.

        The outline is painted over the text rather than set as an ExtraSelection, whose
        background would hide the entity tints and highlights inside the annotation.
        """
        record = self.session.selected
        self.browser.outline = None
        if record is not None and self._document is not None:
            doc_start, doc_end = self.document().offsets.doc_range(record.start, record.end)
            if doc_end > doc_start:
                self.browser.outline = (doc_start, doc_end)
        self.browser.setExtraSelections(list(self.finder_control.marks))
        self.browser.viewport().update()

    # -- links -------------------------------------------------------------------------
    def _open_link(self, url: QUrl) -> None:
        """Open a clicked link in the user's browser if it is a web or mail link; refuse others."""
        target = openable_url(url)
        if target is not None:
            QDesktopServices.openUrl(target)
        else:
            self.link_blocked.emit(url.toString())

    # -- find --------------------------------------------------------------------------
    def show_find_bar(self) -> None:
        """Open the find bar, seeded with the selected text if it is short."""
        selected = self.selected_range()
        if selected and selected[1] - selected[0] <= 80 and self.session.article is not None:
            self.find_bar.field.setText(self.session.article.text[selected[0]:selected[1]])
        self.find_bar.open_bar()

    def find_text(self, text: str, backwards: bool = False) -> bool:
        """Select the next (or previous) case-insensitive match of ``text``; False if none."""
        return self.finder_control.find(text, backwards)

    def find_match_count(self) -> int:
        """How many matches the last search found."""
        return len(self.finder_control.finder.matches)

    def _search_as_you_type(self, text: str) -> None:
        self.finder_control.find(text, backwards=False, as_you_type=True)

    def _find_closed(self) -> None:
        self.finder_control.reset()
        self.browser.setFocus()

    # -- zoom and theme ----------------------------------------------------------------
    def zoom_in(self) -> None:
        self._set_zoom(self._style.zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._style.zoom - 1)

    def zoom_reset(self) -> None:
        self._set_zoom(0)

    def zoom_level(self) -> int:
        """Steps of 10 % from the default size (0); the value to persist and restore."""
        return self._style.zoom

    def _set_zoom(self, level: int) -> None:
        level = clamp_zoom(level)
        if level != self._style.zoom:
            self._set_style(ReaderStyle(dark=self._style.dark, zoom=level))
            self.zoom_changed.emit(level)

    def apply_theme(self, dark: bool) -> None:
        """Re-colour the page and the overlays for a light or dark theme."""
        if bool(dark) != self._style.dark:
            self._set_style(ReaderStyle(dark=bool(dark), zoom=self._style.zoom))

    def is_dark(self) -> bool:
        """Whether the page is drawn in dark colours."""
        return self._style.dark

    def reader_style(self) -> ReaderStyle:
        """The fonts, sizes and colours in use (theme and zoom)."""
        return self._style

    def _set_style(self, style: ReaderStyle) -> None:
        self._style = style
        self.overlays.set_style(style)
        self._rebuild(keep_place=True)

    # -- helpers -----------------------------------------------------------------------
    def doc_cursor(self, doc_start: int, doc_end: int) -> QTextCursor:
        """A cursor selecting a range of document positions."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _select_text(self, start: int, end: int) -> None:
        self.browser.setTextCursor(self.doc_cursor(*self.document().offsets.doc_range(start, end)))

    def _content_y(self, position: int, bottom: bool = False) -> float:
        """The top (or bottom) of the line holding a document position, in document coordinates."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        rect = self.browser.cursorRect(cursor)
        return (rect.bottom() if bottom else rect.top()) + self.browser.verticalScrollBar().value()

    def _range_in_view(self, start: int, end: int) -> bool:
        doc_start, doc_end = self.document().offsets.doc_range(start, end)
        top = self.browser.verticalScrollBar().value()
        height = self.browser.viewport().height()
        return self._content_y(doc_start) >= top and self._content_y(doc_end, True) <= top + height

    def _top_place(self) -> tuple[int, float]:
        """The article offset at the top of the view and how far below the top its line starts."""
        cursor = self.browser.cursorForPosition(QPoint(0, 0))
        return self.article_offset(cursor.position()), self.browser.cursorRect(cursor).top()

    def go_to_offset(self, offset: int) -> None:
        """Scroll so the line holding an article offset is at the top of the view."""
        article = self.session.article
        if article is None or self._document is None:
            return
        self._restore_place(min(max(offset, 0), max(len(article.text) - 1, 0)), 0)

    def _restore_place(self, offset: int, below_top: float) -> None:
        """Scroll so the line holding ``offset`` sits where it was before a rebuild."""
        target = self._content_y(self.doc_position(offset)) - below_top
        self.browser.verticalScrollBar().setValue(int(target))
