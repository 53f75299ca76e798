"""``glossator --smoke-test``: open an article, wait for its analysis, quit with 0 (or 1).

Used to check an installed or bundled application end to end without anyone at the screen.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from glossator.ui.qt_app import application

if TYPE_CHECKING:
    from glossator.ui.main_window import MainWindow

SMOKE_TIMEOUT_MS = 180_000


def start(window: MainWindow, timeout_ms: int = SMOKE_TIMEOUT_MS) -> None:
    """Quit the application once ``window`` has shown an analysed article, or on failure."""
    app = application()

    def finish(code: int, message: str) -> None:
        print(f"smoke test: {message}", file=sys.stderr if code else sys.stdout, flush=True)
        window.controller.cancel()
        app.exit(code)

    def analysed(article_id: int, ran: bool) -> None:
        records = window.session.records
        entities = sum(1 for r in records if r.kind == "entity")
        claims = sum(1 for r in records if r.kind == "claim")
        if entities and claims:
            finish(0, f"article {article_id} shown with {entities} entity mentions and {claims} claims")
        else:
            finish(1, f"article {article_id} was analysed but shows no entities or claims")

    window.controller.analysis_finished.connect(analysed)
    window.controller.analysis_failed.connect(lambda _id, message: finish(1, f"analysis failed: {message}"))
    window.controller.open_failed.connect(lambda path, message: finish(1, f"cannot open {path}: {message}"))
    QTimer.singleShot(timeout_ms, lambda: finish(1, f"no analysed article after {timeout_ms // 1000} s"))
