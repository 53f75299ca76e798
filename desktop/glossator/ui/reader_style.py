"""How the reader page looks: fonts, sizes and colours for the light and dark themes, at a zoom level.

Everything the document builder and the overlays need to know about appearance lives here,
so a theme or zoom change is one new ``ReaderStyle`` and a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QPalette

# Serif faces that read well at length; the first one installed wins.
BODY_FAMILIES = [
    "Charter", "Iowan Old Style", "Source Serif 4", "Source Serif Pro", "Literata", "Georgia",
    "Noto Serif", "Palatino Linotype", "DejaVu Serif", "Serif",
]
BASE_POINT_SIZE = 12.5
MIN_ZOOM, MAX_ZOOM = -4, 10   # steps of 10 %: 60 % to 200 %
COLUMN_WIDTH = 720            # the widest the text column grows, in pixels
HEADING_SCALE = {1: 1.7, 2: 1.4, 3: 1.2, 4: 1.08, 5: 1.0, 6: 1.0}

_LIGHT = {
    "paper": "#fbf8f2", "ink": "#26241f", "muted": "#6b665c", "link": "#1c5fa8",
    "code_back": "#f0ebe0", "rule": "#d9cfbd", "find": "#ffc078", "marker": "#0b7285",
    "selected": "#1c7ed6", "highlight": "#ffe066", "highlight_ink": "",
}
_DARK = {
    "paper": "#1d1e21", "ink": "#dedbd4", "muted": "#a29d92", "link": "#8ab4f8",
    "code_back": "#2a2b2f", "rule": "#4a4740", "find": "#9c5d12", "marker": "#66d9e8",
    "selected": "#4dabf7", "highlight": "#6e5c12", "highlight_ink": "#fff4c2",
}


def palette_is_dark() -> bool:
    """Whether the application currently draws on a dark window colour."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def clamp_zoom(level: int) -> int:
    return max(MIN_ZOOM, min(MAX_ZOOM, int(level)))


@dataclass(frozen=True)
class ReaderStyle:
    """The reader's appearance for one theme and zoom level."""

    dark: bool = False
    zoom: int = 0

    def colour(self, name: str) -> QColor:
        """A named page colour (paper, ink, muted, link, code_back, rule, find, marker, selected…)."""
        table = _DARK if self.dark else _LIGHT
        return QColor(table[name] or table["ink"])

    @property
    def point_size(self) -> float:
        """The body text size after zoom."""
        return BASE_POINT_SIZE * (1 + 0.1 * self.zoom)

    @property
    def em(self) -> float:
        """One em of body text in pixels, for margins that should grow with the text."""
        return self.point_size * 96 / 72

    def body_font(self) -> QFont:
        font = QFont()
        font.setFamilies(BODY_FAMILIES)
        font.setPointSizeF(self.point_size)
        font.setStyleHint(QFont.StyleHint.Serif)
        return font

    def heading_families(self) -> list[str]:
        """Headings use the interface's sans face: it sets them apart from serif body text."""
        return [QGuiApplication.font().family(), "Sans Serif"]

    def mono_families(self) -> list[str]:
        return [QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family(), "Monospace"]

    def heading_size(self, level: int) -> float:
        return self.point_size * HEADING_SCALE.get(level, 1.0)
