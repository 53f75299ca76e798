"""Unhandled exceptions become a log entry in the data folder and a message box, not a traceback."""

import threading

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from glossator.core.errors import StoreError
from glossator.ui.crash_handler import LOG_NAME, CrashHandler, default_log_path


class _Emitter(QObject):
    fired = Signal()


@pytest.fixture
def handler(qtbot, tmp_path):
    crashes = CrashHandler(tmp_path / "data" / LOG_NAME)
    crashes.install()
    yield crashes
    crashes.uninstall()
    if crashes.box is not None:
        crashes.box.close()


def _raise_in_slot(qtbot, error) -> _Emitter:
    emitter = _Emitter()

    def slot():
        raise error

    emitter.fired.connect(slot)
    QTimer.singleShot(0, emitter.fired.emit)
    return emitter  # kept alive by the caller until the signal has fired


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_shown(qtbot, handler):
    emitter = _raise_in_slot(qtbot, ZeroDivisionError("division by zero in the legend"))
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    text = handler.box.text()
    assert "ZeroDivisionError" in text and str(handler.log_path) in text
    assert "library is safe" in text
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback" in log and "division by zero in the legend" in log and "glossator" in log
    del emitter


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_python_thread_reaches_the_gui_thread(qtbot, handler):
    worker = threading.Thread(target=lambda: 1 / 0, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    assert "thread worker" in handler.log_path.read_text(encoding="utf-8")


def test_user_error_shows_its_own_message(qtbot, handler):
    handler.handle(StoreError, StoreError("The database x.db is locked by another program."), None)
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    assert handler.box.text().startswith("The database x.db is locked")
    assert "Traceback" not in handler.box.text()


def test_a_burst_of_errors_shows_one_box(qtbot, handler):
    for n in range(5):
        handler.handle(ValueError, ValueError(f"error {n}"), None)
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    qtbot.wait(20)
    assert handler.unshown == 4
    assert handler.log_path.read_text(encoding="utf-8").count("ValueError: error") == 5


def test_log_that_cannot_be_written_goes_to_stderr(qtbot, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    crashes = CrashHandler(blocker / LOG_NAME)
    crashes.handle(RuntimeError, RuntimeError("lost log"), None)
    qtbot.waitUntil(lambda: crashes.box is not None and crashes.box.isVisible())
    assert "could not be written" in crashes.box.text()
    assert "RuntimeError: lost log" in capsys.readouterr().err
    crashes.box.close()


def test_install_and_uninstall_restore_the_previous_hooks(qtbot, tmp_path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    crashes = CrashHandler(tmp_path / LOG_NAME)
    crashes.install()
    assert sys.excepthook == crashes.handle
    crashes.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_default_log_lives_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_log_path() == tmp_path / "Glossator" / LOG_NAME
