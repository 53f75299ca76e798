"""Small things that matter over hours of reading: the Inspector starts at the top for each
annotation, hovering an entity inside a claim tells of both, and the Add Source and Add Note
dialogs stay clear of the passage."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from glossator.ui.actions import Act
from glossator.ui.source_dialog import SourceDialog
from tests.ui.window_helpers import analysed_sample


def test_the_inspector_starts_at_the_top_for_each_annotation(qtbot, window):
    analysed_sample(qtbot, window)
    window.resize(1200, 600)
    claims = [r for r in window.session.records if r.kind == "claim"]
    window.session.select(claims[0].id)
    bar = window.inspector.scroll_area.verticalScrollBar()
    window.docks["inspector"].raise_()
    window.inspector.resize(300, 150)
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=3000)
    bar.setValue(bar.maximum())
    window.session.select(claims[1].id)
    assert bar.value() == 0


def test_hovering_an_entity_inside_a_claim_tells_of_both(qtbot, window):
    analysed_sample(qtbot, window)
    records = window.session.records
    claim, entity = next((c, e) for c in records if c.kind == "claim" and window.reader.overlays.is_visible(c)
                         for e in records if e.kind == "entity" and c.start <= e.start and e.end <= c.end)
    tip = window.reader.tooltip_at_offset(entity.start)
    assert tip.index("<b>") < tip.index("claim</b>")
    assert f"{claim.label.capitalize()} claim" in tip and "<hr>" in tip


def test_add_source_opens_clear_of_the_passage(qtbot, window, monkeypatch):
    analysed_sample(qtbot, window)
    window.resize(1300, 850)
    text = window.session.article.text
    start = text.index("Nvidia's share price")
    end = start + len("Nvidia's share price plunged by 17%")
    window.reader.scroll_to(start, end)
    window.reader.select_range(start, end)
    passage = window.reader.passage_rect(start, end)
    assert passage is not None and not passage.isEmpty()
    seen = []

    def look_and_close():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SourceDialog) and w.isVisible())
        seen.append(dialog.frameGeometry())
        dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(200, look_and_close)
    window.acts[Act.ADD_SOURCE].trigger()
    assert seen and not seen[0].intersects(passage)


def test_the_inspector_follows_the_dark_appearance(qtbot, window):
    from PySide6.QtGui import QPalette

    from glossator.ui.inspector_panel import DARK_PANEL_CSS, PANEL_CSS

    window.set_theme("dark")
    assert window.inspector.styleSheet() == DARK_PANEL_CSS
    assert window.inspector.scroll_area.widget().palette().color(QPalette.ColorRole.Window).lightness() < 100
    window.set_theme("light")
    assert window.inspector.styleSheet() == PANEL_CSS
    assert window.inspector.scroll_area.widget().palette().color(QPalette.ColorRole.Window).lightness() > 150
