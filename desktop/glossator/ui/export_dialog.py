"""File > Export as annotated Markdown…: choose what to include, see the result rendered and
as Markdown, and save it to a file.

The preview and the saved file come from the same core function with the same options and the
same export time, so what is saved is exactly what was shown on the Markdown tab.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import markdown
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
)

from glossator.core.errors import GlossatorError
from glossator.core.library import export_article, render_markdown
from glossator.ui.markdown_view import SafeTextBrowser

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


def file_name_for(title: str) -> str:
    """A file name from an article title: ``deepseek-r1-ai-model-disrupts.md``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-")
    return (slug or "article") + ".md"


def export_html(markdown_text: str) -> str:
    """The export as python-markdown (``extra``) renders it, without the YAML front matter."""
    return markdown.markdown(_FRONT_MATTER.sub("", markdown_text, count=1), extensions=["extra"])


def qt_html(html: str) -> str:
    """``export_html`` adapted to the subset of HTML that Qt's text browser understands."""
    def tint(match: re.Match) -> str:
        return f'<span style="background-color: {_MARK_TINTS.get(match.group(1), "#fff3bf")}">'

    return _MARK_OPEN.sub(tint, html).replace("</mark>", "</span>")


class ExportDialog(QDialog):
    """Options, a live preview (rendered and raw), and Save… for one stored article."""

    def __init__(self, article_row, parent=None):
        super().__init__(parent)
        self.article_row = article_row
        self.setWindowTitle("Export as annotated Markdown")
        self.resize(760, 640)
        # One export time for preview and file, so the saved text equals the previewed text.
        self.exported_at = datetime.now(UTC).replace(microsecond=0)
        self._markdown = ""
        self._html = ""
        self._stale = True

        self.entities = QComboBox()
        for mode, text in ENTITY_CHOICES:
            self.entities.addItem(text, mode)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0.0, 1.0)
        self.min_score.setSingleStep(0.05)
        self.min_score.setDecimals(2)
        self.min_score.setValue(0.5)
        self.min_score.setToolTip("Claims the detector scored lower than this are left out")
        form = QFormLayout()
        form.addRow("&Entities", self.entities)
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
        self.entities.currentIndexChanged.connect(self._options_changed)
        self.min_score.valueChanged.connect(self._options_changed)
        self._render()

    # -- options -----------------------------------------------------------------------
    def options(self) -> dict:
        """The export options as ``render_markdown`` takes them."""
        return {"entities": self.entities.currentData(), "min_claim_score": round(self.min_score.value(), 2)}

    def set_entities(self, mode: str) -> None:
        """``inline``, ``index`` or ``none``."""
        index = self.entities.findData(mode)
        if index < 0:
            raise ValueError(f"unknown entity mode {mode!r}")
        self.entities.setCurrentIndex(index)

    def set_min_claim_score(self, score: float) -> None:
        self.min_score.setValue(score)

    def _options_changed(self) -> None:
        # Dragging the spin box fires many changes; render once it settles.
        self._stale = True
        self.timer.start()

    # -- the result --------------------------------------------------------------------
    def markdown_text(self) -> str:
        """The annotated Markdown for the current options (exactly what Save writes)."""
        if self._stale:
            self._render()
        return self._markdown

    def preview_html(self) -> str:
        """The HTML python-markdown makes of ``markdown_text()``, as previewed."""
        if self._stale:
            self._render()
        return self._html

    def _render(self) -> None:
        self.timer.stop()
        self._markdown = render_markdown(self.article_row, exported_at=self.exported_at, **self.options())
        self._html = export_html(self._markdown)
        self._stale = False
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.setHtml(qt_html(self._html))
        bar.setValue(position)  # changing an option should not jump back to the top
        self.source.setPlainText(self._markdown)

    # -- saving ------------------------------------------------------------------------
    def default_path(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder or Path.home()) / file_name_for(self.article_row.title or ""))

    def save_to(self, path) -> Path:
        """Write the export to ``path`` (atomically) and return the file written."""
        return export_article(self.article_row, path, exported_at=self.exported_at, **self.options())

    def save(self) -> bool:
        """Ask where to save, save there and close; a failure is shown and the dialog stays."""
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export as annotated Markdown", self.default_path(), "Markdown (*.md);;All files (*)"
        )
        if not path:
            return False
        try:
            self.save_to(path)
        except GlossatorError as exc:
            QMessageBox.warning(self, "Export failed", str(exc))
            return False
        self.accept()
        return True
