"""The bundled application in dist/glossator/ works on its own (slow: it builds the bundle).

Runs only when GLOSSATOR_PACKAGING_TESTS=1 (tests/conftest.py deselects it otherwise):
    GLOSSATOR_PACKAGING_TESTS=1 .venv/bin/python -m pytest -m packaging
"""

import os
import subprocess

import pytest

from tests.samples import ROOT

pytestmark = pytest.mark.packaging
BUNDLE = ROOT / "dist" / "glossator" / "glossator"


@pytest.fixture(scope="module")
def bundle():
    if not BUNDLE.exists() or os.environ.get("GLOSSATOR_REBUILD") == "1":
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], check=True, cwd=ROOT)
    return BUNDLE


def _env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    return dict(clean, GLOSSATOR_DB=str(tmp_path / "library.db"), XDG_DATA_HOME=str(tmp_path / "data"),
                XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")


def test_version(bundle, tmp_path):
    out = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, env=_env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("glossator ") and "spaCy model" in out.stdout


def test_headless_export_of_the_sample(bundle, tmp_path):
    target = tmp_path / "sample.md"
    out = subprocess.run([str(bundle), "demo", "-o", str(target)], capture_output=True, text=True,
                         env=_env(tmp_path), timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    md = target.read_text(encoding="utf-8")
    assert "## Claims" in md and "Marc Andreessen" in md and "<mark" in md


def test_window_smoke_test(bundle, tmp_path):
    out = subprocess.run([str(bundle), "--smoke-test"], capture_output=True, text=True,
                         env=_env(tmp_path), timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "smoke test: article 1 shown with" in out.stdout


def test_desktop_files_validate():
    linux = ROOT / "packaging" / "linux"
    desktop = subprocess.run(["desktop-file-validate", str(linux / "io.github.glossator.Glossator.desktop")],
                             capture_output=True, text=True)
    assert desktop.returncode == 0, desktop.stdout + desktop.stderr
    meta = subprocess.run(["appstreamcli", "validate", "--no-net",
                           str(linux / "io.github.glossator.Glossator.metainfo.xml")], capture_output=True, text=True)
    assert meta.returncode == 0, meta.stdout + meta.stderr
