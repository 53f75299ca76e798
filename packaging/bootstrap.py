#!/usr/bin/env python3
"""Set up Glossator in ./.venv with nothing but python3, then run the app or the tests.

    python3 packaging/bootstrap.py app [ARGS...]   install, then run ``glossator ARGS``
                                                   (no ARGS: the window on the sample article)
    python3 packaging/bootstrap.py test [ARGS...]  install with test extras, then run pytest

The environment is reinstalled only when pyproject.toml changes. Where Debian's python3 lacks
ensurepip (no python3-venv package), pip itself is fetched from PyPI into the new environment.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("GLOSSATOR_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".glossator-installed"


def _say(message: str) -> None:
    print(f"[bootstrap] {message}", file=sys.stderr, flush=True)


def _create_venv() -> None:
    _say(f"creating {VENV}")
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError):
        venv.EnvBuilder(with_pip=False, clear=True).create(VENV)
    if subprocess.call([str(PYTHON), "-m", "pip", "--version"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
        _install_pip_from_pypi()


def _install_pip_from_pypi() -> None:
    """Install pip by running pip's own wheel, downloaded from PyPI."""
    _say("this python has no ensurepip; fetching pip from PyPI")
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(f for f in release["urls"] if f["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / wheel["filename"]
        with urllib.request.urlopen(wheel["url"], timeout=120) as response:
            target.write_bytes(response.read())
        subprocess.check_call([str(PYTHON), f"{target}/pip", "install", "--quiet", str(target)])


def _wanted(extras: str) -> str:
    """The stamp an install with ``extras`` leaves: the hash of pyproject.toml, then the extras."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return " ".join([digest, *sorted(filter(None, extras.split(",")))])


def _satisfied(extras: str) -> bool:
    """Whether the recorded install is of this pyproject.toml with at least ``extras``.

    The test extras include everything the app needs, so they serve ``app`` too; not the reverse.
    """
    try:
        recorded = STAMP.read_text(encoding="utf-8").split()
    except OSError:
        return False
    wanted = _wanted(extras).split()
    return recorded[:1] == wanted[:1] and set(wanted[1:]) <= set(recorded[1:])


def ensure_installed(extras: str) -> None:
    """Create the environment if needed and install the project (editable) with ``extras``."""
    if not PYTHON.exists():
        _create_venv()
    if _satisfied(extras):
        return
    _say(f"installing glossator{f'[{extras}]' if extras else ''} and its dependencies")
    spec = f"{ROOT}[{extras}]" if extras else str(ROOT)
    subprocess.check_call([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           "--editable", spec])
    STAMP.write_text(_wanted(extras) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("app", "test"):
        print(__doc__, file=sys.stderr)
        return 2
    what, rest = argv[0], argv[1:]
    try:
        ensure_installed("test" if what == "test" else "")
    except subprocess.CalledProcessError as exc:
        _say(f"installation failed (exit code {exc.returncode})")
        return 1
    if what == "app":
        rest = rest or [str(ROOT / "resources" / "samples" / "deepseek-r1-news.txt")]
        return subprocess.call([str(PYTHON), "-m", "glossator", *rest], cwd=ROOT)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
