"""One error path: a refusal is one sentence and changes nothing; a bug reaches the error log
with its traceback and a "something went wrong" box; neither leaves an undo step behind."""

import pytest
from PySide6.QtWidgets import QMessageBox

from glossator.core.services import annotating
from glossator.ui import commands, error_reporting
from glossator.ui.actions import Act
from glossator.ui.background import BackgroundTask, Pools
from glossator.ui.crash_handler import LOG_NAME, CrashHandler
from tests.ui.test_main_window import open_and_wait

TEXT = "The port handled 4.2 million containers in 2024, officials said.\n"


@pytest.fixture
def handler(qtbot, tmp_path):
    crashes = CrashHandler(tmp_path / "data" / LOG_NAME)
    crashes.install()
    yield crashes
    crashes.uninstall()
    if crashes.box is not None:
        crashes.box.close()


@pytest.fixture
def reading(qtbot, window, tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(TEXT, encoding="utf-8")
    open_and_wait(qtbot, window, path)
    return window


def test_a_refusal_is_one_sentence_and_leaves_no_undo_step(reading, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    start = TEXT.index("officials")
    command = commands.AddSource(reading.session, start, start + 9, "javascript:alert(1)")
    assert not error_reporting.push(reading.undo_stack, command, reading)
    assert shown and shown[0][0] == "Cannot do that"
    assert shown[0][1].startswith("'javascript:alert(1)' is not a link") and "\n" not in shown[0][1]
    assert reading.undo_stack.count() == 0
    assert all(not r.sources for r in reading.session.records)


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_an_edit_reaches_the_error_log_and_leaves_no_undo_step(qtbot, reading, handler, monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug in marking")

    monkeypatch.setattr(annotating, "add_annotation", broken)
    start = TEXT.index("4.2 million")
    reading.reader.select_range(start, start + len("4.2 million"))
    reading.acts[Act.HIGHLIGHT].trigger()
    qtbot.waitUntil(lambda: handler.box is not None and handler.box.isVisible())
    assert handler.box.windowTitle() == "Something went wrong"
    assert str(handler.log_path) in handler.box.text()
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback" in log and "a bug in marking" in log
    assert reading.undo_stack.count() == 0 and not reading.acts[Act.UNDO].isEnabled()


def test_a_bug_off_the_gui_thread_is_logged_and_named(qtbot, handler):
    def broken():
        raise KeyError("missing piece")

    pools = Pools()
    task = BackgroundTask(broken)
    with qtbot.waitSignal(task.failed, timeout=10_000) as failed:
        task.start(pools.io)
    pools.wait()
    message = failed.args[0]
    assert message.startswith("Something went wrong (KeyError") and str(handler.log_path) in message
    log = handler.log_path.read_text(encoding="utf-8")
    assert "Traceback" in log and "missing piece" in log and "in broken" in log


def test_an_edit_of_something_deleted_meanwhile_says_it_was_not_saved(reading):
    start = TEXT.index("officials")
    note = annotating.add_note(reading.session.article_id, start, start + 9, "first thought").value
    command = commands.EditNote(reading.session, note.id, "second thought")
    annotating.delete_note(note.id)  # from another window, say
    assert not error_reporting.push(reading.undo_stack, command, reading.inspector)
    assert reading.statusBar().currentMessage() == f"Not saved: No note with id {note.id}."
    assert reading.undo_stack.count() == 0
