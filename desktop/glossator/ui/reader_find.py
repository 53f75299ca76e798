"""Find in the reader: runs the search, selects the current match and tints the others.

The matches are transient marks, so they are ExtraSelections (not overlay layers); past
``MAX_FIND_MARKS`` they are counted but not all tinted, which keeps a search for "the" in a
book responsive.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from glossator.ui.text_finder import TextFinder

MAX_FIND_MARKS = 5000


class FindController:
    """Connects the find bar, the finder and the reader view."""

    def __init__(self, view):
        self.view = view
        self.finder = TextFinder()
        self.marks: list[QTextEdit.ExtraSelection] = []

    def find(self, text: str, backwards: bool = False, as_you_type: bool = False) -> bool:
        """Select the next (previous) match of ``text``; searching as you type stays at the current one."""
        view = self.view
        article = view.session.article
        if article is None:
            self.reset()
            return False
        previous = self.finder.matches[self.finder.current] if self.finder.current is not None else None
        renewed = text.casefold() != self.finder.needle.casefold()   # the search ignores case
        self.finder.search(article.text, text)
        if renewed:
            self._mark_all()
        cursor = view.browser.textCursor()
        origin = view.article_offset(cursor.selectionStart())
        if as_you_type or renewed:
            match = self.finder.nearest(previous[0] if previous else origin)
            if backwards and match is not None:
                match = self.finder.step(match[0], backwards=True)
        else:
            match = self.finder.step(origin, backwards)
        view.find_bar.set_count(self.finder.current, len(self.finder.matches), text)
        if match is None:
            view.clear_text_selection()
            view.refresh_marks()
            return False
        view.scroll_to(match[0], match[1], select_text=True)
        return True

    def reset(self) -> None:
        """Forget the search and its tints (the bar closed or the article changed)."""
        self.finder.clear()
        self.marks = []
        self.view.refresh_marks()

    def refresh(self) -> None:
        """Re-create the tints on a rebuilt document (zoom or theme changed)."""
        if self.finder.matches:
            self._mark_all()
        else:
            self.marks = []

    def _mark_all(self) -> None:
        view = self.view
        fmt = QTextCharFormat()
        fmt.setBackground(view.reader_style().colour("find"))
        marks = []
        offsets = view.document().offsets
        for start, end in self.finder.matches[:MAX_FIND_MARKS]:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = view.doc_cursor(*offsets.doc_range(start, end))
            mark.format = fmt
            marks.append(mark)
        self.marks = marks
        view.refresh_marks()
