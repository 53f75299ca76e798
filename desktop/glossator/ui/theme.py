"""Light and dark appearance: follow the system, or a fixed choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from glossator.ui.qt_app import application

_default_palette: QPalette | None = None


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark appearance."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _dark_palette() -> QPalette:
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#1b1c1f", QPalette.ColorRole.AlternateBase: "#26272b",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2b2c30",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#3d6fb6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f7378"))
    return p


def _light_palette() -> QPalette:
    return QApplication.style().standardPalette()


_dark = False


def apply_theme(theme: str) -> bool:
    """Apply "system", "light" or "dark" to the application; returns whether it is dark now."""
    global _default_palette, _dark
    app = application()
    if _default_palette is None:
        _default_palette = QPalette(app.palette())
    if theme == "dark" or (theme == "system" and system_is_dark()):
        app.setPalette(_dark_palette())
        _dark = True
    elif theme == "light":
        app.setPalette(_light_palette())
        _dark = False
    else:
        app.setPalette(_default_palette)
        _dark = False
    return _dark


def is_dark() -> bool:
    """Whether the appearance applied last is dark."""
    return _dark
