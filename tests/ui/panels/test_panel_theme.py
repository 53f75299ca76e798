"""Panels follow the palette: colour chips are repainted for a dark theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from glossator.ui.palette import entity_colour
from glossator.ui.panels import ClaimsPanel, EntitiesPanel, LibraryPanel, NotesPanel
from glossator.ui.panels.chips import CHIP_SIZE
from tests.ui.panels.panel_helpers import show

DECORATION = Qt.ItemDataRole.DecorationRole


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Mid, "#5a5a5a"),
        (QPalette.ColorRole.PlaceholderText, "#8c8c8c"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def chip_centre(icon) -> QColor:
    image = icon.pixmap(CHIP_SIZE, CHIP_SIZE).toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_entity_chips_switch_to_dark_tints(qtbot, session, marked):
    session.show_article(marked.id)
    panel = show(qtbot, EntitiesPanel(session))
    group = panel.model().find("ORG")
    assert chip_centre(group.data(DECORATION)).name() == entity_colour("ORG").name()
    panel.setPalette(dark_palette())
    assert chip_centre(group.data(DECORATION)).name() == entity_colour("ORG", dark=True).name()


def test_every_panel_renders_on_a_dark_palette(qtbot, session, annotated, tmp_path):
    session.show_article(annotated.id)
    for widget in (LibraryPanel(), EntitiesPanel(session), ClaimsPanel(session), NotesPanel(session)):
        widget.setPalette(dark_palette())
        show(qtbot, widget)
        image = widget.grab().toImage()
        assert image.pixelColor(image.width() // 2, image.height() - 8).lightness() < 100
        assert widget.grab().save(str(tmp_path / f"{type(widget).__name__}.png"))
