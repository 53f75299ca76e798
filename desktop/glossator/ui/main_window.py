"""Glossator's main window: library on the left, the article in the middle, panels on the right."""

from __future__ import annotations

from concurrent import futures
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from glossator.core.errors import GlossatorError
from glossator.core.formats.glossator_markdown.claim_snippet import claim_markdown
from glossator.core.nlp.claim_genre import NAMES as GENRE_NAMES
from glossator.core.pages import is_paged
from glossator.core.readers.web_address import is_address, looks_like_address
from glossator.core.services import articles, maintenance
from glossator.core.services.changes import Changes
from glossator.ui import entity_features, file_dialogs, password_prompt, restore_dialog, window_chrome
from glossator.ui.actions import Act, make_actions
from glossator.ui.address_opener import AddressOpener
from glossator.ui.analysis_controller import AnalysisController
from glossator.ui.annotate import Annotator
from glossator.ui.article_session import ArticleSession
from glossator.ui.background import Pools
from glossator.ui.backup_now import BackupNow
from glossator.ui.clipboard_article import ClipboardOpener
from glossator.ui.export_dialog import ExportDialog
from glossator.ui.folder_import import FolderImport
from glossator.ui.inspector_panel import InspectorPanel
from glossator.ui.legend import LegendWidget
from glossator.ui.library_watch import LibraryWatch
from glossator.ui.open_failures import OpenFailures
from glossator.ui.page_view import PageView
from glossator.ui.panels.claims_panel import ClaimsPanel
from glossator.ui.panels.entities_panel import EntitiesPanel
from glossator.ui.panels.library_panel import LibraryPanel
from glossator.ui.panels.notes_panel import NotesPanel
from glossator.ui.reader_navigation import ReaderNavigation
from glossator.ui.reader_view import ReaderView
from glossator.ui.settings import Settings
from glossator.ui.status_panel import ProgressWidget
from glossator.ui.theme import apply_theme, is_dark
from glossator.ui.window_context import WindowContext

OPEN_FILTER = f"Articles ({' '.join('*' + suffix for suffix in articles.OPENABLE_SUFFIXES)});;All files (*)"


class MainWindow(QMainWindow):
    """The window: it wires the session, the panels and the background work together."""

    def __init__(self, settings: Settings | None = None, pools: Pools | None = None):
        super().__init__()
        self.setWindowTitle("Glossator")
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.pools = pools or Pools()
        self.session = ArticleSession(self)
        self.undo_stack = QUndoStack(self)
        self.controller = AnalysisController(self.pools, self)
        self.acts = make_actions(self)
        self.ctx = WindowContext(self, self.session, self.undo_stack, self.settings, self.pools, self.acts)

        self.reader = ReaderView(self.session, self)
        self.legend = LegendWidget(self.session, self)
        central = QWidget(self)
        self.reading_column = QVBoxLayout(central)
        self.reading_column.setContentsMargins(0, 0, 0, 0)
        self.reading_column.setSpacing(0)
        self.reading_column.addWidget(self.reader, 1)
        self.reading_column.addWidget(self.legend)
        self.setCentralWidget(central)

        self.library = LibraryPanel(self, actions=self.acts)
        self.entities = EntitiesPanel(self.session, self)
        self.claims = ClaimsPanel(self.session, self)
        self.notes = NotesPanel(self.session, self)
        self.inspector = InspectorPanel(self.session, self.undo_stack, self)
        self.page_view = PageView(self.session, self.reader, self.controller.passwords, self)
        self.docks = self._make_docks()
        self.annotator = Annotator(self.ctx, self.reader, self.inspector.focus_note_editor)
        features = entity_features.install(self)
        self.relabel, self.entity_index = features.relabel, features.entity_index
        self.entities_menu = features.entities_menu

        self.progress = ProgressWidget(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.page_view.status)
        self.analysis_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.analysis_label)

        chrome = window_chrome.build(self)
        self.recent_menu, self.filter_bar = chrome.recent_menu, chrome.filter_bar
        self.address_opener = AddressOpener(self.ctx, self.controller, self.show_article)
        self.clipboard_opener = ClipboardOpener(self.ctx, self.controller.open_clipboard,
                                                self.address_opener.open)
        self.open_failures = OpenFailures(self, self.controller.is_reading)
        password_prompt.connect(self, self.controller)
        self.navigation = ReaderNavigation(self)
        self.folder_import = FolderImport(self.ctx, self.library.refresh)
        self.backup_now = BackupNow(self.ctx)
        self.library_watch = LibraryWatch(self)
        self.library_watch.reconnected.connect(lambda message: self.statusBar().showMessage(message, 30000))
        self.read_only_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.show_read_only()
        self._connect()
        self._restore_settings()
        self.library.refresh()
        self._update_actions()
        self.statusBar().showMessage("Open an article with Ctrl+O, an address with Ctrl+L, paste one with "
                                     "Ctrl+Shift+V, or drop a file here.", 8000)

    # -- layout ------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _make_docks(self) -> dict[str, QDockWidget]:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        docks = {
            "library": self._dock("Library", "libraryDock", self.library, left),
            "entities": self._dock("Entities", "entitiesDock", self.entities, right),
            "claims": self._dock("Claims", "claimsDock", self.claims, right),
            "notes": self._dock("Notes && Sources", "notesDock", self.notes, right),
            "inspector": self._dock("Inspector", "inspectorDock", self.inspector, right),
            "page": self._dock("Page", "pageDock", self.page_view, right),
        }
        # Claims, entities and notes share the top right; the inspector sits below them.
        self.splitDockWidget(docks["entities"], docks["inspector"], Qt.Orientation.Vertical)
        self.tabifyDockWidget(docks["entities"], docks["claims"])
        self.tabifyDockWidget(docks["claims"], docks["notes"])
        self.tabifyDockWidget(docks["inspector"], docks["page"])
        docks["claims"].raise_()
        docks["inspector"].raise_()
        self.resizeDocks([docks["library"], docks["claims"]], [260, 430], Qt.Orientation.Horizontal)
        self.resizeDocks([docks["claims"], docks["inspector"]], [430, 400], Qt.Orientation.Vertical)
        return docks

    # -- wiring ------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.acts
        a[Act.OPEN].triggered.connect(self.choose_files)
        a[Act.EXPORT_MARKDOWN].triggered.connect(self.export_markdown)
        a[Act.RESTORE_BACKUP].triggered.connect(self.restore_from_backup)
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.UNDO].triggered.connect(self.undo_stack.undo)
        a[Act.REDO].triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(a[Act.UNDO].setEnabled)
        self.undo_stack.canRedoChanged.connect(a[Act.REDO].setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: a[Act.UNDO].setText(f"&Undo {t}".strip()))
        self.undo_stack.redoTextChanged.connect(lambda t: a[Act.REDO].setText(f"&Redo {t}".strip()))
        a[Act.FIND].triggered.connect(self.reader.show_find_bar)
        a[Act.COPY_CLAIM].triggered.connect(self.copy_claim)
        a[Act.REANALYSE].triggered.connect(self.reanalyse)
        a[Act.ZOOM_IN].triggered.connect(lambda: self._zoom(self.reader.zoom_in))
        a[Act.ZOOM_OUT].triggered.connect(lambda: self._zoom(self.reader.zoom_out))
        a[Act.ZOOM_RESET].triggered.connect(lambda: self._zoom(self.reader.zoom_reset))
        a[Act.SHOW_CLAIMS].toggled.connect(self._show_claims)
        a[Act.SHOW_HIGHLIGHTS].toggled.connect(self._show_highlights)
        self.annotator.connect_actions()

        self.library.open_requested.connect(self.show_article)
        self.library.article_deleted.connect(self._article_deleted)
        for panel in (self.entities, self.claims, self.notes):
            panel.jump_requested.connect(lambda s, e: self.reader.scroll_to(s, e))
        self.reader.context_menu_requested.connect(self.annotator.show_context_menu)
        self.reader.link_blocked.connect(
            lambda url: self.statusBar().showMessage(f"Not opened: only http, https and mailto links open ({url})",
                                                     6000))
        self.claims.min_score.valueChanged.connect(self.filter_bar.set_min_score)
        self.session.selection_changed.connect(lambda _id: self._update_actions())
        self.session.library_changed.connect(self._library_changed)

        c = self.controller
        c.article_opened.connect(self._article_opened)
        c.open_failed.connect(self._open_failed)
        c.import_reported.connect(lambda _article_id, message: self.statusBar().showMessage(message, 10000))
        c.analysis_started.connect(self._analysis_started)
        c.analysis_progress.connect(self._analysis_progress)
        c.analysis_finished.connect(self._analysis_finished)
        c.analysis_failed.connect(self._analysis_failed)
        c.analysis_cancelled.connect(self._analysis_cancelled)
        self.progress.cancel_requested.connect(lambda: self.controller.cancel())

    def show_read_only(self) -> None:
        """Say in the status bar, for as long as it lasts, that edits cannot be saved."""
        reason = maintenance.read_only_reason()
        self.read_only_label.setVisible(reason is not None)
        if reason is not None:
            self.read_only_label.setText("Read-only library")
            self.read_only_label.setToolTip(f"Edits cannot be saved: {reason}.")

    # -- opening -----------------------------------------------------------------------
    def choose_files(self) -> None:
        start = str(Path(self.settings.recent_files[0]).parent) if self.settings.recent_files else ""
        paths = file_dialogs.open_file_names(self, "Open Articles", start, OPEN_FILTER)
        self.open_files(paths)

    def open_files(self, paths) -> None:
        """Open files and web addresses in the background; each is shown as soon as it is read."""
        for path in paths:
            if looks_like_address(str(path)):
                self.address_opener.open(str(path))
                continue
            self.statusBar().showMessage(f"Opening {Path(path).name}…")
            self.controller.open_file(str(path))

    def show_article(self, article_id: int | None) -> None:
        """Show a stored article; analyse it if it never was with this model."""
        if article_id == self.session.article_id and article_id is not None:
            return
        self.remember_reading_place()
        self.undo_stack.clear()
        self.session.show_article(article_id)
        if article_id is not None:
            self.reader.go_to_offset(self.settings.reading_offset(self._library_key(), article_id))
        if article_id is not None:
            self.statusBar().clearMessage()
            self.setWindowTitle(f"{articles.get_article(article_id).shown_name} — Glossator")
            self.library.select_article(article_id)
            if self.session.article is not None and is_paged(self.session.article.metadata):
                self.docks["page"].raise_()
            if not self.controller.is_analysing(article_id):
                self.controller.analyse(article_id)
            else:
                self._set_analysis_label("Analysing…")
        else:
            self.setWindowTitle("Glossator")
        self._update_actions()

    # -- where the reader was ------------------------------------------------------------
    def _library_key(self) -> str:
        try:
            return str(maintenance.library_path())
        except GlossatorError:
            return ""

    def remember_reading_place(self) -> None:
        """Keep the shown article's reading position, to come back to it (also at launch)."""
        if self.session.article_id is not None:
            self.settings.set_reading_place(self._library_key(), self.session.article_id,
                                            self.reader.reading_offset())

    def reopen_last(self) -> bool:
        """Show the article read last in this library, where it was left; False if there is none."""
        article_id = self.settings.last_article(self._library_key())
        if article_id is None:
            return False
        try:
            articles.get_article(article_id)
        except GlossatorError:
            return False
        self.show_article(article_id)
        return True

    def _article_opened(self, article_id: int, path: str) -> None:
        if path:
            self.settings.add_recent_file(path)
            window_chrome.refresh_recent_menu(self)
        self.library.refresh()
        shown = path if is_address(path) else Path(path).name
        self.statusBar().showMessage(f"Opened {shown}" if path else "Opened the clipboard's article", 4000)
        if self.session.article_id != article_id:
            self.show_article(article_id)

    def _open_failed(self, path: str, message: str) -> None:
        self.statusBar().clearMessage()
        self.open_failures.add(path, message)

    def _library_changed(self, changes: Changes) -> None:
        """Follow an edit beyond the article on screen: the library list's counts and titles."""
        if changes.counts:
            self.library.refresh()

    def _article_deleted(self, article_id: int) -> None:
        self.controller.cancel(article_id)
        if self.session.article_id == article_id:
            self.show_article(None)

    # -- analysis feedback -------------------------------------------------------------
    def _set_analysis_label(self, text: str) -> None:
        self.analysis_label.setText(text)

    def _analysis_started(self, article_id: int) -> None:
        self.progress.start("Loading the language model…")
        if article_id == self.session.article_id:
            self.session.set_analysis_state("running")
            self._set_analysis_label("Analysing…")

    def _analysis_progress(self, article_id: int, done: int, total: int) -> None:
        queued = len(self.controller.pending()) - 1
        more = f" (+{queued} queued)" if queued > 0 else ""
        self.progress.update_progress(f"Analysing {done * 100 // max(total, 1)}%{more}", done, total)

    def _analysis_finished(self, article_id: int, ran: bool) -> None:
        if not self.controller.is_busy():
            self.progress.stop()
        if article_id == self.session.article_id:
            self.session.reload_annotations()
            self.session.set_analysis_state("done" if ran else "cached")
            claims = sum(1 for r in self.session.records if r.kind == "claim")
            entities = sum(1 for r in self.session.records if r.kind == "entity")
            how = "Analysed" if ran else "Analysed earlier"
            genre = articles.get_article(article_id).genre
            kind = f" · read as {GENRE_NAMES[genre]}" if genre in GENRE_NAMES and genre != "unknown" else ""
            self._set_analysis_label(f"{how}: {entities} entity mentions, {claims} claims{kind}")
            self.analysis_label.setToolTip(
                "The kind of text moves claim scores: a figure in a news report is worth checking, "
                "the same sentence in a novel is not." if kind else "")
        self.library.refresh()
        self._update_actions()

    def _analysis_failed(self, article_id: int, message: str) -> None:
        if not self.controller.is_busy():
            self.progress.stop()
        if article_id == self.session.article_id:
            self.session.set_analysis_state("failed")
            self._set_analysis_label("Analysis failed")
        QMessageBox.warning(self, "Analysis failed", message)

    def _analysis_cancelled(self, article_id: int) -> None:
        if not self.controller.is_busy():
            self.progress.stop()
        if article_id == self.session.article_id:
            self.session.set_analysis_state("")
            self._set_analysis_label("Analysis cancelled — Analyse Again (Ctrl+R) to run it")
        self._update_actions()

    def reanalyse(self) -> None:
        if self.session.article_id is not None:
            self.controller.analyse(self.session.article_id, force=True)

    # -- commands ----------------------------------------------------------------------
    def export_markdown(self) -> None:
        if self.session.article_id is None:
            return
        dialog = ExportDialog(articles.get_article(self.session.article_id), self)
        dialog.exec()

    def copy_claim(self) -> None:
        record = self.session.selected
        if record is None:
            return
        row = articles.get_article(self.session.current_id())
        text = claim_markdown(record, article_title=row.title, source=row.source_url or Path(row.source_path).name)
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage("Copied as Markdown", 3000)

    # -- the library file -------------------------------------------------------------
    def restore_from_backup(self) -> None:
        """File > Restore from Backup (see ``restore_dialog``)."""
        restore_dialog.restore_from_backup(self)

    def settle_background_work(self) -> bool:
        """Cancel the analyses and let every background result land; True once nothing runs.

        Run before the library file is swapped, so no result meant for the old file is
        written to the new one.
        """
        for _attempt in range(3):
            self.controller.cancel()
            self.pools.wait()
            futures.wait(self.controller.pending_writes() + self.relabel.pending_writes(), timeout=30)
            QCoreApplication.sendPostedEvents()  # the queued results and cancellations
            if not self.controller.is_busy() and not self.relabel.is_running():
                return True
        return False

    def library_replaced(self) -> None:
        """After the library file was swapped: show no article, forget the undo history
        (it refers to the old file's rows) and read every panel again."""
        self.show_article(None)
        self.undo_stack.clear()
        self.relabel.undo_stack.clear()
        self.relabel.bar.hide()
        self.library.select_article(None)
        self.library.refresh()
        self.entity_index.refresh()
        self.show_read_only()
        self._update_actions()

    def _zoom(self, step) -> None:
        step()
        self.settings.zoom = self.reader.zoom_level()

    def _show_claims(self, on: bool) -> None:
        self.reader.set_claims_visible(on)
        self.settings.show_claims = on

    def _show_highlights(self, on: bool) -> None:
        self.reader.set_highlights_visible(on)
        self.settings.show_highlights = on

    def set_entity_type_visible(self, label: str, on: bool) -> None:
        self.reader.set_entity_type_visible(label, on)
        hidden = self.settings.hidden_entity_types
        self.settings.hidden_entity_types = (hidden - {label}) if on else (hidden | {label})

    def set_min_claim_score(self, value: float) -> None:
        """One threshold for the reader, the claims panel and the toolbar slider."""
        self.reader.set_min_claim_score(value)
        if abs(self.claims.min_score.value() - value) > 1e-9:
            self.claims.min_score.setValue(value)
        self.settings.min_claim_score = value

    def set_theme(self, theme: str) -> None:
        self.settings.theme = theme
        apply_theme(theme)
        self.reader.apply_theme(is_dark())
        self.inspector.apply_theme(is_dark())
        window_chrome.sync_theme_actions(self)

    def _update_actions(self) -> None:
        has_article = self.session.article_id is not None
        record = self.session.selected
        for act in (Act.EXPORT_MARKDOWN, Act.FIND, Act.REANALYSE, Act.HIGHLIGHT, Act.ADD_NOTE,
                    Act.ADD_SOURCE, Act.MARK_CLAIM):
            self.acts[act].setEnabled(has_article)
        self.acts[Act.COPY_CLAIM].setEnabled(record is not None and record.kind == "claim")
        self.acts[Act.REMOVE_ANNOTATION].setEnabled(record is not None)
        self.acts[Act.NOT_ENTITY].setEnabled(has_article)
        self.acts[Act.UNDO].setEnabled(self.undo_stack.canUndo())
        self.acts[Act.REDO].setEnabled(self.undo_stack.canRedo())

    # -- settings ----------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry, state = s.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        if state is not None:
            self.restoreState(state)
        self.acts[Act.SHOW_CLAIMS].setChecked(s.show_claims)
        self.acts[Act.SHOW_HIGHLIGHTS].setChecked(s.show_highlights)
        self.reader.set_claims_visible(s.show_claims)
        self.reader.set_highlights_visible(s.show_highlights)
        for label in s.hidden_entity_types:
            self.filter_bar.set_type_checked(label, False)
            self.reader.set_entity_type_visible(label, False)
        self.filter_bar.set_min_score(s.min_claim_score)
        self.reader.set_min_claim_score(s.min_claim_score)
        for _ in range(abs(s.zoom)):
            (self.reader.zoom_in if s.zoom > 0 else self.reader.zoom_out)()
        apply_theme(s.theme)
        self.reader.apply_theme(is_dark())
        self.inspector.apply_theme(is_dark())
        window_chrome.sync_theme_actions(self)

    def closeEvent(self, event) -> None:
        self.remember_reading_place()
        if self.folder_import.is_running():
            self.folder_import.cancel()
            self.folder_import.wait(30)
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.settings.sync()
        self.controller.cancel()
        super().closeEvent(event)

    # -- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if dropped_items(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        items = dropped_items(event.mimeData())
        if items:
            event.acceptProposedAction()
            self.open_files(items)


def dropped_items(mime) -> list[str]:
    """The files and web addresses in a drop: local files by path, pages by address."""
    items = []
    for url in mime.urls():
        if url.isLocalFile():
            items.append(url.toLocalFile())
        elif url.scheme() in ("http", "https"):
            items.append(url.toString())
    if not items and mime.hasText() and is_address(mime.text()):
        items.append(mime.text().strip())
    return items
