"""Render the one SVG icon into the PNG sizes desktops expect (hicolor theme layout).

    python packaging/make_icons.py OUT_DIR     writes OUT_DIR/<N>x<N>/apps/io.github.glossator.Glossator.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication, QIcon

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.glossator.Glossator"
SVG = Path(__file__).resolve().parent.parent / "resources" / "icons" / "glossator.svg"


def main(out: str) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - needed to render
    icon = QIcon(str(SVG))
    root = Path(out)
    for size in SIZES:
        folder = root / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not icon.pixmap(size, size).save(str(folder / f"{APP_ID}.png")):
            print(f"cannot write {folder}", file=sys.stderr)
            return 1
    scalable = root / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    (scalable / f"{APP_ID}.svg").write_bytes(SVG.read_bytes())
    print(root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
