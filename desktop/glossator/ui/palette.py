"""Colours and names for entity types and claim kinds, shared by the reader, legend and panels."""

from __future__ import annotations

import zlib

from PySide6.QtGui import QColor

from glossator.core.entity_names import ENTITY_NAMES as ENTITY_NAMES

# Light-theme background tints; chosen to stay distinguishable and to keep black text readable.
ENTITY_COLOURS = {
    "PERSON": "#f6c6d0",
    "ORG": "#bcd7f5",
    "GPE": "#c8ebc4",
    "LOC": "#d9efc0",
    "NORP": "#e6d6f5",
    "FAC": "#e8e0c8",
    "PRODUCT": "#f7dcb4",
    "EVENT": "#f5e3a3",
    "LAW": "#d8d8d8",
    "WORK_OF_ART": "#f0d0e8",
    "LANGUAGE": "#d0e8e8",
    "MONEY": "#bfe8dc",
    "PERCENT": "#c9e4f0",
    "DATE": "#e4e4f4",
    "QUANTITY": "#dcecd0",
}
def dark_tint(colour: str) -> str:
    """The dark-mode tint of a light pastel: the same hue, clear but deep enough for light text
    (darkening the pastel itself gives grey-browns that all look alike)."""
    light = QColor(colour)
    hue = light.hslHueF()
    if hue < 0:  # a grey stays grey
        return QColor.fromHslF(0.0, 0.0, 0.30).name()
    return QColor.fromHslF(hue, 0.48, 0.29).name()


DARK_ENTITY_COLOURS = {label: dark_tint(c) for label, c in ENTITY_COLOURS.items()}


CLAIM_COLOURS = {
    "statistic": "#d9480f",
    "quote": "#5f3dc4",
    "attribution": "#1971c2",
    "comparison": "#2b8a3e",
    "causal": "#c2255c",
    "prediction": "#e67700",
}
HIGHLIGHT_COLOUR = "#ffe066"
SELECTION_OUTLINE = "#1c7ed6"

STATUS_NAMES = {
    "unchecked": "Unchecked",
    "supported": "Supported",
    "disputed": "Disputed",
    "false": "False",
    "not-a-claim": "Not a claim",
}


def custom_colour(label: str, dark: bool = False) -> QColor:
    """A stable tint for a type the reader added (TICKER, LAW_NAME…), derived from its name."""
    hue = zlib.crc32(label.encode("utf-8")) % 360
    colour = QColor.fromHsl(hue, 140, 205)
    return colour.darker(260) if dark else colour


def entity_colour(label: str, dark: bool = False) -> QColor:
    """The tint of an entity type; types the reader added get their own stable colour."""
    table = DARK_ENTITY_COLOURS if dark else ENTITY_COLOURS
    if label in table:
        return QColor(table[label])
    return custom_colour(label, dark) if label else QColor("#d0d0d0" if not dark else "#505050")


def claim_colour(kind: str, score: float | None = None) -> QColor:
    """The underline colour of a claim kind; weaker claims are drawn more transparent."""
    colour = QColor(CLAIM_COLOURS.get(kind, "#868e96"))
    if score is not None:
        colour.setAlphaF(0.35 + 0.65 * max(0.0, min(1.0, score)))
    return colour
