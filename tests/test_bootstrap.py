"""``python3 packaging/bootstrap.py``: installs once per pyproject.toml, then starts at once;
the window it starts runs the same missing-library check as ``glossator``."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def bootstrap(tmp_path, monkeypatch):
    """The bootstrap module over a fake environment in ``tmp_path``; pip calls are recorded."""
    spec = importlib.util.spec_from_file_location("glossator_bootstrap", ROOT / "packaging" / "bootstrap.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text("")  # exists, so no environment is created
    monkeypatch.setattr(module, "VENV", venv)
    monkeypatch.setattr(module, "PYTHON", python)
    monkeypatch.setattr(module, "STAMP", venv / ".glossator-installed")
    module.pip_calls = []
    monkeypatch.setattr(module.subprocess, "check_call", lambda cmd, **kw: module.pip_calls.append(cmd))
    return module


def test_second_app_run_does_not_install_again(bootstrap, capsys):
    bootstrap.ensure_installed("")
    assert len(bootstrap.pip_calls) == 1 and "installing glossator" in capsys.readouterr().err
    bootstrap.ensure_installed("")
    assert len(bootstrap.pip_calls) == 1
    assert "installing" not in capsys.readouterr().err


def test_test_extras_serve_the_app_but_not_the_reverse(bootstrap):
    bootstrap.ensure_installed("")
    bootstrap.ensure_installed("test")  # the app's install lacks pytest and friends
    assert len(bootstrap.pip_calls) == 2 and bootstrap.pip_calls[1][-1].endswith("[test]")
    bootstrap.ensure_installed("test")
    bootstrap.ensure_installed("")
    assert len(bootstrap.pip_calls) == 2


def test_a_changed_pyproject_installs_again(bootstrap):
    bootstrap.ensure_installed("test")
    bootstrap.STAMP.write_text("0" * 64 + " test\n")
    bootstrap.ensure_installed("")
    assert len(bootstrap.pip_calls) == 2


def test_stamp_of_an_older_bootstrap_is_understood(bootstrap):
    digest = bootstrap._wanted("").split()[0]
    bootstrap.STAMP.write_text(f"{digest} \n")  # what the old bootstrap wrote for the app
    bootstrap.ensure_installed("")
    assert bootstrap.pip_calls == []


def test_app_reports_missing_x_libraries_instead_of_qt_aborting(bootstrap, tmp_path, monkeypatch, capfd):
    """The real chain: bootstrap -> ``python -m glossator`` -> the check, with ``ldd`` faked."""
    fake_bin = tmp_path / "fakebin"
    fake_bin.mkdir()
    ldd = fake_bin / "ldd"
    ldd.write_text('#!/bin/sh\nfor f; do echo "$f:"; printf "\\tlibxcb-icccm.so.4 => not found\\n"; done\n')
    ldd.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake_bin}:/usr/bin:/bin")
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(bootstrap, "PYTHON", Path(sys.executable))  # the environment running these tests
    monkeypatch.setattr(bootstrap, "ensure_installed", lambda extras: None)

    code = bootstrap.main(["app"])
    err = capfd.readouterr().err
    assert code == 2, err
    assert "sudo apt-get install libxcb-icccm4" in err and "sudo dnf install xcb-util-wm" in err
    assert "Traceback" not in err
