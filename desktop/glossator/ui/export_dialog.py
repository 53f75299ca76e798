"""File > Export…: annotated Markdown or W3C Web Annotation JSON-LD. Choose the format and what
to include, see the result (Markdown rendered and as text, JSON-LD as text), and save it.

The preview and the saved file come from the same core function with the same options and the
same export time, so what is saved is exactly what was shown on the text tab.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import markdown
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
)

from glossator.core.errors import GlossatorError
from glossator.core.formats.file_names import file_name_for
from glossator.core.services.exports import EXPORT_FORMATS, export_article, render_export
from glossator.core.services.values import StoredArticle
from glossator.ui import file_dialogs
from glossator.ui.markdown_view import SafeTextBrowser

FORMAT_CHOICES = (
    ("md", "Annotated Markdown",
     "The article with its claims and highlights marked, footnotes, a claims table and an entity index."),
    ("jsonld", "W3C Web Annotation (JSON-LD)",
     "Claims, highlights, notes, sources and tags as Web Annotations, for other annotation tools."),
)
_SAVE_FILTERS = {
    "md": "Markdown (*.md);;All files (*)",
    "jsonld": "W3C Web Annotation JSON-LD (*.jsonld *.json);;All files (*)",
}
ENTITY_CHOICES = (
    ("inline", "Bold in the text, and an index"),
    ("index", "Index only"),
    ("none", "Leave out"),
)
PREVIEW_DELAY_MS = 150
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# Qt's rich text drops tags it does not know, <mark> among them; a tinted span shows the same.
_MARK_OPEN = re.compile(r'<mark(?: class="(\w+)")?>')
_MARK_TINTS = {"claim": "#ffe8cc", "highlight": "#fff3bf"}


def export_html(markdown_text: str) -> str:
    """The export as python-markdown (``extra``) renders it, without the YAML front matter."""
    return markdown.markdown(_FRONT_MATTER.sub("", markdown_text, count=1), extensions=["extra"])


def qt_html(html: str) -> str:
    """``export_html`` adapted to the subset of HTML that Qt's text browser understands."""
    def tint(match: re.Match) -> str:
        return f'<span style="background-color: {_MARK_TINTS.get(match.group(1), "#fff3bf")}">'

    return _MARK_OPEN.sub(tint, html).replace("</mark>", "</span>")


class ExportDialog(QDialog):
    """Format, options, a live preview (rendered and raw), and Save… for one stored article."""

    def __init__(self, article: StoredArticle, parent=None):
        super().__init__(parent)
        self.article = article
        self.setWindowTitle("Export")
        self.resize(760, 640)
        # One export time for preview and file, so the saved text equals the previewed text.
        self.exported_at = datetime.now(UTC).replace(microsecond=0)
        self._text = ""
        self._html = ""
        self._stale = True

        self.format = QComboBox()
        for fmt, text, tip in FORMAT_CHOICES:
            self.format.addItem(text, fmt)
            self.format.setItemData(self.format.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.about_format = QLabel()
        self.about_format.setWordWrap(True)
        self.about_format.setEnabled(False)  # drawn in the muted text colour of the theme
        self.entities = QComboBox()
        for mode, text in ENTITY_CHOICES:
            self.entities.addItem(text, mode)
        self.include_entities = QCheckBox("Include entity mentions")
        self.include_entities.setToolTip("One classifying annotation per entity mention (there are many)")
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setValue(0.5)
        self.min_score.setToolTip("Claims the detector scored lower than this are left out")
        self.form = form = QFormLayout()
        format_box = QVBoxLayout()
        format_box.setContentsMargins(0, 0, 0, 0)
        format_box.setSpacing(2)
        format_box.addWidget(self.format)
        format_box.addWidget(self.about_format)
        form.addRow("&Format", format_box)
        label = form.labelForField(format_box)
        if isinstance(label, QLabel):
            label.setBuddy(self.format)
        form.addRow("&Entities", self.entities)
        form.addRow("&Entities", self.include_entities)
        form.addRow("Claims scored &at least", self.min_score)

        self.preview = SafeTextBrowser()
        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.addTab(self.source, "Markdown")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton("&Save…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self._render)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.entities.currentIndexChanged.connect(self._options_changed)
        self.include_entities.toggled.connect(self._options_changed)
        self.min_score.valueChanged.connect(self._options_changed)
        self._show_format()
        self._render()

    # -- options -----------------------------------------------------------------------
    def export_format(self) -> str:
        """``md`` or ``jsonld``."""
        return self.format.currentData()

    def set_format(self, fmt: str) -> None:
        """``md`` (annotated Markdown) or ``jsonld`` (W3C Web Annotation JSON-LD)."""
        index = self.format.findData(fmt)
        if index < 0:
            raise ValueError(f"unknown export format {fmt!r}")
        self.format.setCurrentIndex(index)

    def options(self) -> dict:
        """The options of the chosen format, as ``render_markdown`` or ``render_web_annotations`` take them."""
        score = round(self.min_score.value(), 2)
        if self.export_format() == "jsonld":
            return {"include_entities": self.include_entities.isChecked(), "min_claim_score": score}
        return {"entities": self.entities.currentData(), "min_claim_score": score}

    def set_entities(self, mode: str) -> None:
        """``inline``, ``index`` or ``none``."""
        index = self.entities.findData(mode)
        if index < 0:
            raise ValueError(f"unknown entity mode {mode!r}")
        self.entities.setCurrentIndex(index)

    def set_min_claim_score(self, score: float) -> None:
        self.min_score.setValue(score)

    def _format_changed(self) -> None:
        self._show_format()
        self._render()  # a new format is a new kind of text: show it at once

    def _show_format(self) -> None:
        fmt = self.export_format()
        self.about_format.setText(FORMAT_CHOICES[self.format.currentIndex()][2])
        self.form.setRowVisible(self.entities, fmt == "md")
        self.form.setRowVisible(self.include_entities, fmt == "jsonld")
        self.tabs.setTabVisible(0, fmt == "md")  # JSON-LD has nothing to render
        self.tabs.setTabText(1, "JSON-LD" if fmt == "jsonld" else "Markdown")
        if fmt == "jsonld":
            self.tabs.setCurrentIndex(1)

    def _options_changed(self) -> None:
        # Dragging the spin box fires many changes; render once it settles.
        self._stale = True
        self.timer.start()

    # -- the result --------------------------------------------------------------------
    def export_text(self) -> str:
        """The export in the chosen format with the current options (exactly what Save writes)."""
        if self._stale:
            self._render()
        return self._text

    def markdown_text(self) -> str:
        """The annotated Markdown for the current options; with JSON-LD chosen, the JSON-LD."""
        return self.export_text()

    def preview_html(self) -> str:
        """The HTML python-markdown makes of the Markdown, as previewed (empty for JSON-LD)."""
        if self._stale:
            self._render()
        return self._html

    def _render(self) -> None:
        self.timer.stop()
        fmt = self.export_format()
        self._text = render_export(self.article.id, fmt, exported_at=self.exported_at, **self.options())
        self._html = export_html(self._text) if fmt == "md" else ""
        self._stale = False
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(qt_html(self._html))
        bar.setValue(position)  # changing an option should not jump back to the top
        self.source.setPlainText(self._text)

    # -- saving ------------------------------------------------------------------------
    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = file_name_for(self.article.title or "", EXPORT_FORMATS[self.export_format()])
        return str(Path(folder or Path.home()) / name)

    def save_to(self, path) -> Path:
        """Write the export to ``path`` (atomically) and return the file written."""
        return export_article(
            self.article.id, path, fmt=self.export_format(), exported_at=self.exported_at, **self.options()
        )

    def save(self) -> bool:
        """Ask where to save, save there and close; a failure is shown and the dialog stays."""
        caption = f"Export as {self.format.currentText()}"
        fmt = self.export_format()
        path = file_dialogs.save_file_name(self, caption, self.default_path(), _SAVE_FILTERS[fmt])
        if not path:
            return False
        try:
            self.save_to(path)
        except GlossatorError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return False
        self.accept()
        return True
