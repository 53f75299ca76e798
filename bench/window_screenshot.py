"""Render the main window with the sample article analysed, a claim selected and a note in
the inspector, to a PNG, so that what users see can be looked at.

    QT_QPA_PLATFORM=offscreen python bench/window_screenshot.py [OUT.png] [--dark] [--size 1440x900]
        [--article FILE]

``--article`` shows another file instead of the sample (a PDF shows its Page view, the first
statistic claim selected).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from glossator.core import store
from glossator.core.resources import sample_article
from glossator.core.services import articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="glossator-window.png")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--size", default="1440x900")
    parser.add_argument("--article", help="a file to show instead of the sample")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="glossator-shot-"))
    store.open_database(folder / "library.db")
    row = articles.import_file(args.article or sample_article()).value.article
    articles.analyse(row.id)
    claims = [r for r in store.annotation_records(row.id) if r.kind == "claim"]
    claim = next((r for r in claims if "17%" in r.quote), None) or next(
        (r for r in claims if r.label == "statistic"), claims[0])
    store.add_note(row.id, claim.start, claim.end,
                   "Compare with the **closing price** on 27 January; the drop was intraday.")
    store.add_source(row.id, claim.start, claim.end, "https://www.reuters.com/markets/",
                     title="Reuters markets", stance="supports")

    from glossator.ui.main_window import MainWindow
    from glossator.ui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.theme = "dark" if args.dark else "light"
    window = MainWindow(settings=settings)
    window.resize(width, height)
    window.show()
    window.show_article(row.id)
    app.processEvents()
    window.session.select(claim.id)
    window.reader.scroll_to(claim.start, claim.end)
    for _ in range(5):
        app.processEvents()
    window.grab().save(args.out)
    print(Path(args.out).resolve())
    window.close()
    window.pools.wait()
    store.close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
