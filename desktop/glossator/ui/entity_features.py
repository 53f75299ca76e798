"""The window's entity tools beyond one article: the library-wide re-labelling (its bar and
its undo history), the "Mentioned In" panel and the Preferences dialog with the entity rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from glossator.ui.actions import Act
from glossator.ui.entity_menu import EntityMenu
from glossator.ui.library_relabel import LibraryRelabel
from glossator.ui.panels.entity_index_panel import EntityIndexPanel

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow


@dataclass(frozen=True)
class EntityFeatures:
    relabel: LibraryRelabel
    entity_index: EntityIndexPanel
    entities_menu: EntityMenu


def install(window: MainWindow) -> EntityFeatures:
    """Add the re-labelling bar, the "Mentioned In" dock and their actions to ``window``.

    Called once the docks exist and before the menus are built, so the dock is listed
    under View > Panels and its place is restored with the others.
    """
    relabel = LibraryRelabel(window.ctx)
    window.reading_column.insertWidget(window.reading_column.indexOf(window.legend), relabel.bar)

    panel = EntityIndexPanel(window.session, window)
    dock = QDockWidget("Mentioned In", window)
    dock.setObjectName("entityIndexDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.splitDockWidget(window.docks["library"], dock, Qt.Orientation.Vertical)
    window.docks["entity_index"] = dock
    panel.open_requested.connect(lambda article_id, start, end: open_mention(window, article_id, start, end))
    relabel.finished.connect(lambda _count: panel.refresh())
    relabel.undo_stack.indexChanged.connect(lambda _index: panel.refresh())
    window.controller.analysis_finished.connect(lambda *_args: panel.refresh())

    def show_articles(name: str, label: str) -> None:
        panel.show_entity(name, label)
        dock.show()
        dock.raise_()

    menu = EntityMenu(window.ctx, window.entities, window.annotator.push, show_articles)
    for corrections in (window.annotator.corrected, menu.corrected):
        corrections.connect(relabel.offer)

    a = window.acts
    a[Act.PREFERENCES].triggered.connect(lambda: show_preferences(window))
    stack = relabel.undo_stack
    for act, step, can_change in ((Act.UNDO_RELABEL, stack.undo, stack.canUndoChanged),
                                  (Act.REDO_RELABEL, stack.redo, stack.canRedoChanged)):
        a[act].setEnabled(False)
        a[act].triggered.connect(step)
        # Connected to the action's own slot, so the link goes when the action does.
        can_change.connect(a[act].setEnabled)
    return EntityFeatures(relabel, panel, menu)


def show_preferences(window: MainWindow) -> None:
    """The Preferences dialog; after a change of rules, offer to re-label the library."""
    from glossator.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window)
    dialog.rules_changed.connect(
        lambda: window.relabel.offer("Your entity rules changed", include_current=True))
    dialog.exec()


def open_mention(window: MainWindow, article_id: int, start: int, end: int) -> None:
    """Show a stored article in ``window`` at one of its mentions, selecting the mark there."""
    window.show_article(article_id)
    record = next((r for r in window.session.records
                   if r.kind == "entity" and (r.start, r.end) == (start, end)), None)
    if record is not None:
        window.session.select(record.id)
    window.reader.scroll_to(start, end)
