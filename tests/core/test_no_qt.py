"""The core must run without Qt: importing every core module loads no Qt binding."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import glossator.core

CORE = Path(glossator.core.__file__).parent
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt\d)", re.M)


def test_no_qt_import_in_core_sources():
    offenders = [str(p) for p in CORE.rglob("*.py") if QT_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_importing_the_whole_core_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages([str(CORE)], prefix="glossator.core.")]
    assert "glossator.core.nlp.analysis" in names and "glossator.core.store.models" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
