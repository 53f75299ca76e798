"""The article on screen and its annotations, as one observable object.

Panels and the reader listen to its signals and never read the library themselves; edits
(undo commands over the core services) hand what they changed to ``apply``, which reloads
what the article on screen shows only when the change touched it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Article
from glossator.core.errors import GlossatorError
from glossator.core.services import annotating, articles
from glossator.core.services.changes import Changes
from glossator.core.services.values import Note


class ArticleSession(QObject):
    """The current article (id, text and structure), its annotations and the selected one."""

    article_changed = Signal()          # a different article (or none) is shown
    annotations_changed = Signal()      # the annotations of the shown article changed
    selection_changed = Signal(object)  # the selected annotation id, or None
    analysis_state_changed = Signal(str)  # "cached", "running", "done", "failed", ""
    library_changed = Signal(object)    # the Changes of an edit, for what lies beyond this article

    def __init__(self, parent=None):
        super().__init__(parent)
        self.article_id: int | None = None
        self.article: Article | None = None
        self.records: list[AnnotationRecord] = []
        self.article_notes: list[Note] = []
        self.selected_id: int | None = None
        self.analysis_state = ""

    # -- loading -----------------------------------------------------------------------
    def show_article(self, article_id: int | None) -> None:
        """Show a stored article (or nothing) with the annotations the store has for it."""
        self.article_id = article_id
        self.selected_id = None
        if article_id is None:
            self.article, self.records, self.article_notes = None, [], []
        else:
            self.article = articles.get_article(article_id).article
            self.records = annotating.annotation_records(article_id)
            self.article_notes = annotating.article_notes(article_id)
        self.article_changed.emit()
        self.selection_changed.emit(None)

    def reload_annotations(self) -> None:
        """Re-read the shown article's annotations after an edit or an analysis."""
        if self.article_id is None:
            return
        self.records = annotating.annotation_records(self.article_id)
        self.article_notes = annotating.article_notes(self.article_id)
        if self.selected_id is not None and self.record(self.selected_id) is None:
            self.selected_id = None
            self.selection_changed.emit(None)
        self.annotations_changed.emit()

    def apply(self, changes: Changes) -> None:
        """Follow an edit: reload this article's marks if it touched them, then tell the rest."""
        if changes.touches_article(self.article_id):
            self.reload_annotations()
        if changes:
            self.library_changed.emit(changes)

    def set_analysis_state(self, state: str) -> None:
        self.analysis_state = state
        self.analysis_state_changed.emit(state)

    # -- selection ---------------------------------------------------------------------
    def select(self, annotation_id: int | None) -> None:
        """Make an annotation the selected one (the inspector and reader follow)."""
        if annotation_id == self.selected_id:
            return
        self.selected_id = annotation_id
        self.selection_changed.emit(annotation_id)

    # -- queries -----------------------------------------------------------------------
    def current_id(self) -> int:
        """The shown article's id; an edit with no article shown is refused."""
        if self.article_id is None:
            raise GlossatorError("No article is open.")
        return self.article_id

    def record(self, annotation_id: int | None) -> AnnotationRecord | None:
        for r in self.records:
            if r.id == annotation_id:
                return r
        return None

    @property
    def selected(self) -> AnnotationRecord | None:
        return self.record(self.selected_id)

    def records_at(self, offset: int) -> list[AnnotationRecord]:
        """Annotations covering a character offset, innermost (shortest) first."""
        found = [r for r in self.records if r.start <= offset < r.end]
        return sorted(found, key=lambda r: (r.end - r.start, r.kind != "highlight"))

    def text(self, start: int, end: int) -> str:
        return self.article.text[start:end] if self.article else ""
