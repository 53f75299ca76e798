"""The Claims tab of the inspector: check-worthy passages by score, with kind, speaker and status."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.annotation import CLAIM_KINDS
from glossator.ui.article_session import ArticleSession
from glossator.ui.palette import CLAIM_COLOURS
from glossator.ui.panels.chips import chip_icon, outline_colour
from glossator.ui.panels.claims_model import (
    CLAIM,
    ID_ROLE,
    KIND,
    SCORE,
    SPEAKER,
    STATUS,
    ClaimsFilter,
    ClaimsModel,
)
from glossator.ui.panels.empty_state import EmptyStateStack
from glossator.ui.panels.score_delegate import ScoreDelegate
from glossator.ui.panels.view_keys import on_enter


class ClaimsPanel(QWidget):
    """The session's claims, strongest first; clicking one selects it and shows it in the reader."""

    jump_requested = Signal(int, int)  # start, end of the claim to show

    def __init__(self, session: ArticleSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._model = ClaimsModel(self)
        self.proxy = ClaimsFilter(self)
        self.proxy.setSourceModel(self._model)
        self._following = False  # True while we move the session ourselves

        self.kind_box = QComboBox()
        self.kind_box.setToolTip("Show one kind of claim")
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setPrefix("Score ≥ ")
        self.min_score.setToolTip("Hide claims scoring lower than this")
        self.min_score.valueChanged.connect(self._min_score_changed)
        self.count_label = QLabel()
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setItemDelegateForColumn(SCORE, ScoreDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(SCORE, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in (SCORE, KIND, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SPEAKER, 96)
        header.setSectionResizeMode(CLAIM, QHeaderView.ResizeMode.Stretch)
        self.view.clicked.connect(self._activate)
        self._enter = on_enter(self.view, self._activate)
        self.stack = EmptyStateStack(self.view)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.kind_box)
        top.addWidget(self.min_score)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        session.article_changed.connect(self._rebuild)
        session.annotations_changed.connect(self._rebuild)
        session.selection_changed.connect(self._follow_selection)
        self._apply_theme()
        self._rebuild()

    def model(self) -> ClaimsModel:
        return self._model

    def set_kind_filter(self, kind: str) -> None:
        """Show only claims of ``kind`` ("" for all kinds), as the combo box does."""
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))

    # -- reacting to the session ---------------------------------------------------------
    def _rebuild(self) -> None:
        self._model.set_records(self.session.records)
        self._show_or_explain()
        self._follow_selection(self.session.selected_id)

    def _follow_selection(self, annotation_id) -> None:
        if self._following:
            return
        row = self._model.row_of(annotation_id)
        index = QModelIndex() if row is None else self.proxy.mapFromSource(self._model.index(row, CLAIM))
        if not index.isValid():
            self.view.selectionModel().clearSelection()
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _activate(self, index: QModelIndex) -> None:
        record = self.session.record(index.data(ID_ROLE))
        if record is None:
            return
        self._following = True
        try:
            self.session.select(record.id)
        finally:
            self._following = False
        self.jump_requested.emit(record.start, record.end)

    # -- filters -------------------------------------------------------------------------
    def _kind_changed(self, _row: int) -> None:
        self.proxy.set_kind(self.kind_box.currentData() or "")
        self._show_or_explain()

    def _min_score_changed(self, value: float) -> None:
        self.proxy.set_min_score(value)
        self._show_or_explain()

    def _show_or_explain(self) -> None:
        total, shown = self._model.rowCount(), self.proxy.rowCount()
        noun = "claim" if total == 1 else "claims"
        self.count_label.setText(f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}")
        if self.session.article_id is None:
            self.stack.show_message("Open an article to see its check-worthy claims.")
        elif total == 0:
            self.stack.show_message("No check-worthy claims were found in this article.")
        elif shown == 0:
            self.stack.show_message("No claim passes these filters.")
        else:
            self.stack.show_view()

    def _fill_kinds(self) -> None:
        outline = outline_colour(self)
        current = self.kind_box.currentData() or ""
        self.kind_box.blockSignals(True)
        self.kind_box.clear()
        self.kind_box.addItem("All kinds", "")
        for kind in CLAIM_KINDS:
            self.kind_box.addItem(chip_icon(QColor(CLAIM_COLOURS[kind]), outline), kind.capitalize(), kind)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(current)))
        self.kind_box.blockSignals(False)

    def _apply_theme(self) -> None:
        dim = self.palette().color(QPalette.ColorRole.PlaceholderText)
        self._model.set_theme(outline_colour(self), dim)
        self._fill_kinds()

    def changeEvent(self, event: QEvent) -> None:
        themed = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if themed and hasattr(self, "view"):  # palette events can arrive while __init__ runs
            self._apply_theme()
        super().changeEvent(event)
