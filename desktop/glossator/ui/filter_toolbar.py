"""The toolbar row that shows or hides each entity type and the claims, and filters claims by score."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QSlider, QToolBar, QToolButton

from glossator.ui.palette import ENTITY_NAMES, entity_colour

# The types shown as buttons; the rest are rare in news and live in the View menu.
MAIN_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "MONEY", "PERCENT", "DATE")


def chip_icon(colour: QColor, size: int = 12) -> QIcon:
    """A small square of colour for buttons and menus."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class FilterToolbar(QToolBar):
    """Entity type toggles, the claims toggle and the minimum claim score slider."""

    type_toggled = Signal(str, bool)
    min_score_changed = Signal(float)

    def __init__(self, show_claims_action, parent=None):
        super().__init__("Filters", parent)
        self.setObjectName("filterToolbar")
        self.setIconSize(QSize(12, 12))
        self.type_buttons: dict[str, QToolButton] = {}
        for label in MAIN_TYPES:
            button = QToolButton(self)
            button.setText(ENTITY_NAMES.get(label, label))
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(chip_icon(entity_colour(label)))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setToolTip(f"Show or hide {ENTITY_NAMES.get(label, label).lower()} entities")
            button.setObjectName(f"toggle_{label}")
            button.toggled.connect(lambda on, kind=label: self.type_toggled.emit(kind, on))
            self.addWidget(button)
            self.type_buttons[label] = button
        self.addSeparator()
        self.addAction(show_claims_action)
        self.addWidget(QLabel(" Min. claim score "))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("minScoreSlider")
        self.slider.setRange(0, 100)
        self.slider.setFixedWidth(120)
        self.slider.setToolTip("Hide claims scoring below this")
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(32)
        self.slider.valueChanged.connect(self._slider_moved)
        self.addWidget(self.slider)
        self.addWidget(self.value_label)

    def set_min_score(self, value: float) -> None:
        self.slider.setValue(round(value * 100))
        self._slider_moved(self.slider.value())

    def min_score(self) -> float:
        return self.slider.value() / 100

    def set_type_checked(self, label: str, checked: bool) -> None:
        button = self.type_buttons.get(label)
        if button is not None:
            button.setChecked(checked)

    def _slider_moved(self, value: int) -> None:
        self.value_label.setText(f"{value / 100:.2f}")
        self.min_score_changed.emit(value / 100)
