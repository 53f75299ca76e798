"""Moving through the article by keys: to its start and end, and to the next or previous mark
of one layer (claims, entities, or the reader's own annotations), one key each.

A mark counts only while the filters show it. The search starts from the selected annotation,
else from the reading position; the mark reached is selected, so the Inspector shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossator.core.annotation import AnnotationRecord
from glossator.ui.actions import Act

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow

LAYER_NAMES = {"claim": "claim", "entity": "entity", "mine": "annotation of yours"}
_STEPS = {
    Act.NEXT_CLAIM: ("claim", 1), Act.PREVIOUS_CLAIM: ("claim", -1),
    Act.NEXT_ENTITY: ("entity", 1), Act.PREVIOUS_ENTITY: ("entity", -1),
    Act.NEXT_MINE: ("mine", 1), Act.PREVIOUS_MINE: ("mine", -1),
}


def in_layer(record: AnnotationRecord, layer: str) -> bool:
    if layer == "mine":
        return record.origin == "user" or bool(record.notes or record.sources or record.tags)
    return record.kind == layer


def step(records: list[AnnotationRecord], layer: str, direction: int, here: tuple[int, int],
         current_id: int | None = None) -> AnnotationRecord | None:
    """The next (``direction`` 1) or previous (-1) mark of ``layer`` from ``here`` (start, end)."""
    marks = sorted((r for r in records if in_layer(r, layer) and r.id != current_id),
                   key=lambda r: (r.start, r.end))
    if direction > 0:
        return next((r for r in marks if (r.start, r.end) > here), None)
    return next((r for r in reversed(marks) if (r.start, r.end) < here), None)


class ReaderNavigation:
    """Connects the Go menu's actions to the reader and the session."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        acts = window.acts
        bar = window.reader.browser.verticalScrollBar()
        acts[Act.GO_START].triggered.connect(lambda: bar.setValue(bar.minimum()))
        acts[Act.GO_END].triggered.connect(lambda: bar.setValue(bar.maximum()))
        for act, (layer, direction) in _STEPS.items():
            acts[act].triggered.connect(lambda _=False, lay=layer, d=direction: self.go(lay, d))

    def go(self, layer: str, direction: int) -> AnnotationRecord | None:
        window = self.window
        session = window.session
        if session.article is None:
            return None
        visible = [r for r in session.records if window.reader.overlays.is_visible(r)]
        selected = session.selected
        if selected is not None:
            here = (selected.start, selected.end)
        else:
            offset = window.reader.reading_offset()
            here = (offset, offset)
        found = step(visible, layer, direction, here, selected.id if selected is not None else None)
        if found is None:
            where = "after this point" if direction > 0 else "before this point"
            window.statusBar().showMessage(f"No {LAYER_NAMES[layer]} {where}", 4000)
            return None
        session.select(found.id)
        window.reader.scroll_to(found.start, found.end)
        return found
