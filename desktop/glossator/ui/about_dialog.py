"""Help > About: version, the language model in use, and where the bundled data comes from."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from glossator import __version__
from glossator.core.credits import model_credits


def about_text() -> str:
    """The About text as HTML: version, the bundled models and their licences."""
    rows = "".join(
        f"<p><b>{html.escape(c.what)}:</b> {html.escape(c.detail)}"
        + (f"<br>Licence: {html.escape(c.licence)}" if c.licence else "") + "</p>"
        for c in model_credits()
    )
    return (
        f"<h2>Glossator {html.escape(__version__)}</h2>"
        "<p>A reader that marks the entities and check-worthy claims of an article and keeps "
        "your notes and sources.</p>"
        f"{rows}"
        "<p>Everything stays on this computer: no article, note or source is sent anywhere.</p>"
    )


class AboutDialog(QDialog):
    """A small dialog showing ``about_text``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("About Glossator")
        layout = QVBoxLayout(self)
        label = QLabel(about_text())
        label.setWordWrap(True)
        label.setMinimumWidth(420)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
