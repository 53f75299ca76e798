"""The library as a table model over the store's article summaries, and its search filter."""

from __future__ import annotations

import re
from datetime import UTC
from typing import cast
from urllib.parse import urlsplit

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from glossator.core.services.values import ArticleSummary, SearchHit
from glossator.ui.panels.rows_model import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2

TITLE, SOURCE, DATE, ENTITIES, CLAIMS, NOTES = range(6)
HEADERS = ("Title", "Source", "Date", "Entities", "Claims", "Notes")
HEADER_TIPS = (
    "Article title",
    "Where the article came from",
    "Publication date, or the import date when the article has none",
    "Entities marked in the article",
    "Check-worthy claims (not counting those marked “not a claim”)",
    "Notes and sources the reader added",
)
FOUND_IN = {"article": "the text", "note": "a note", "source": "a source"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def short_source(source: str) -> str:
    """A link's host without ``www.``, or the file name as given."""
    if "://" in source:
        host = urlsplit(source).hostname or source
        return host.removeprefix("www.")
    return source


def shown_date(summary: ArticleSummary) -> str:
    """The publication date when the article has a clean one, else the local import date."""
    if _ISO_DATE.fullmatch(summary.published or ""):
        return summary.published
    local = summary.imported_at.replace(tzinfo=UTC).astimezone()
    return local.date().isoformat()


def date_key(summary: ArticleSummary) -> str:
    # The import time breaks ties, so articles of one day keep the order they arrived in.
    return f"{shown_date(summary)} {summary.imported_at.isoformat()}"


class LibraryModel(RowsModel):
    """One row per stored article, holding the ``ArticleSummary`` list as the store gave it."""

    HEADERS = HEADERS
    HEADER_TIPS = HEADER_TIPS

    def __init__(self, parent=None):
        super().__init__(parent)
        self._untitled_font = QFont()
        self._untitled_font.setItalic(True)

    def set_articles(self, articles: list[ArticleSummary]) -> None:
        self.set_rows(articles)

    def article(self, row: int) -> ArticleSummary:
        return self.row_object(row)

    def header_alignment(self, section: int):
        if section >= ENTITIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SORT_ROLE:
            return self._sort_key(summary, column)
        if role == ID_ROLE:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= ENTITIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == TITLE and not summary.title:
            return self._untitled_font
        return None

    @staticmethod
    def _display(summary: ArticleSummary, column: int):
        if column == TITLE:
            return summary.title or "Untitled"
        if column == SOURCE:
            return short_source(summary.source)
        if column == DATE:
            return shown_date(summary)
        if column == NOTES:
            return summary.notes + summary.sources
        return summary.entities if column == ENTITIES else summary.claims

    @staticmethod
    def _sort_key(summary: ArticleSummary, column: int):
        if column == TITLE:
            return (summary.title or "").casefold()
        if column == SOURCE:
            return short_source(summary.source).casefold()
        if column == DATE:
            return date_key(summary)
        return LibraryModel._display(summary, column)

    @staticmethod
    def _tooltip(summary: ArticleSummary, column: int) -> str:
        if column == SOURCE:
            return summary.source
        if column == DATE:
            imported = summary.imported_at.replace(tzinfo=UTC).astimezone()
            published = f"Published {summary.published}\n" if summary.published else ""
            return f"{published}Imported {imported:%Y-%m-%d %H:%M}"
        if column == NOTES:
            return f"{summary.notes} notes, {summary.sources} sources"
        imported = summary.imported_at.replace(tzinfo=UTC).astimezone()
        lines = [summary.title or "Untitled", summary.source,
                 f"Published {summary.published}" if summary.published else "",
                 f"Imported {imported:%Y-%m-%d %H:%M}"]
        return "\n".join(line for line in lines if line)


class LibraryFilter(QSortFilterProxyModel):
    """Sorts on ``SORT_ROLE`` and keeps the articles whose title or source contains the search
    text, or which the library's full-text search found (in the text, a note or a source);
    with a tag chosen, only the articles carrying it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._hits: dict[int, SearchHit] = {}
        self._tagged: set[int] | None = None  # the articles with the chosen tag; None: no tag chosen
        self.setSortRole(SORT_ROLE)

    @property
    def search_text(self) -> str:
        return self._needle

    def set_search_text(self, text: str, hits: dict[int, SearchHit] | None = None) -> None:
        """Filter by ``text``; ``hits`` are the full-text matches for it, by article id."""
        needle = text.strip().casefold()
        hits = hits or {}
        if needle == self._needle and hits.keys() == self._hits.keys():
            return
        self.beginFilterChange()
        self._needle = needle
        self._hits = hits
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tagged(self, article_ids: set[int] | None) -> None:
        """Keep only these articles (those carrying the chosen tag), or all for None."""
        if article_ids == self._tagged:
            return
        self.beginFilterChange()
        self._tagged = None if article_ids is None else set(article_ids)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def hit(self, article_id: int) -> SearchHit | None:
        """The full-text match that keeps this article in the list, if any."""
        return self._hits.get(article_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TITLE and self._needle:
            hit = self._hits.get(index.data(ID_ROLE))
            if hit is not None:
                return f"{index.data()}\nFound in {FOUND_IN[hit.kind]}: {hit.plain_snippet('“', '”')}"
        return super().data(index, role)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        summary = cast(LibraryModel, self.sourceModel()).article(source_row)
        if self._tagged is not None and summary.id not in self._tagged:
            return False
        if not self._needle:
            return True
        return (self._needle in summary.title.casefold() or self._needle in summary.source.casefold()
                or summary.id in self._hits)
