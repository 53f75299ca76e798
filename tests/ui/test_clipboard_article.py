"""File > New Article from Clipboard: what was copied is stored and analysed like an opened file."""

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from PySide6.QtWidgets import QMessageBox

from glossator.core import store
from glossator.ui.actions import Act
from glossator.ui.clipboard_article import NOTHING_TO_READ, ONLY_AN_IMAGE, ONLY_WHITESPACE
from glossator.ui.panels.library_model import SOURCE, TITLE
from tests.samples import SAMPLE_ARTICLE

BROWSER_COPY = (
    "<meta charset='utf-8'><h1>Port strike ends after a week</h1>"
    "<script>document.title = 'pwned'</script>"
    "<p>Dockworkers in Rotterdam returned to work on Monday after a week-long strike, the union said.</p>"
    "<p>The port handled 440 million tonnes of cargo last year, according to Eurostat.</p>"
)


def copy(*, text=None, html=None, image=None):
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    if image is not None:
        mime.setImageData(image)
    QGuiApplication.clipboard().setMimeData(mime)


def paste_and_wait(qtbot, window, timeout=120_000):
    """Trigger the action and wait until the pasted article is stored and analysed (or cached)."""
    opened, finished = [], {}
    window.controller.article_opened.connect(lambda aid, path: opened.append(aid) if path == "" else None)
    window.controller.analysis_finished.connect(lambda aid, ran: finished.setdefault(aid, ran))
    window.acts[Act.NEW_FROM_CLIPBOARD].trigger()
    qtbot.waitUntil(lambda: bool(opened) and opened[0] in finished, timeout=timeout)
    return opened[0]


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *rest: shown.append((title, text)))
    return shown


def library_rows(window):
    proxy = window.library.proxy
    return [(proxy.index(row, TITLE).data(), proxy.index(row, SOURCE).data()) for row in range(proxy.rowCount())]


def test_action_is_in_the_file_menu_with_its_shortcut(window):
    action = window.acts[Act.NEW_FROM_CLIPBOARD]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+V")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()


def test_plain_text_becomes_an_analysed_article_in_the_library(qtbot, window, warnings):
    copy(text=SAMPLE_ARTICLE.read_text(encoding="utf-8"))
    article_id = paste_and_wait(qtbot, window)
    assert window.session.article_id == article_id
    row = store.get_article(article_id)
    assert row.title == "DeepSeek R1 AI Model Disrupts Global Tech Market"
    assert row.format == "txt"
    assert row.source_path.startswith("Clipboard, ")
    assert (row.title, row.source_path) in library_rows(window)
    assert window.library.selected_id() == article_id
    assert any(r.kind == "entity" and r.quote == "Nvidia" for r in window.session.records)
    assert any(r.kind == "claim" for r in window.session.records)
    assert window.settings.recent_files == []  # no file to reopen
    assert warnings == []


def test_browser_html_is_sanitised_and_titled_by_its_heading(qtbot, window, warnings):
    copy(html=BROWSER_COPY, text="Port strike ends after a week\nDockworkers in Rotterdam…")
    article_id = paste_and_wait(qtbot, window)
    row = store.get_article(article_id)
    assert row.format == "html"
    assert row.title == "Port strike ends after a week"
    assert "Dockworkers in Rotterdam returned to work" in row.text
    assert "pwned" not in row.text and "<" not in row.text
    assert window.windowTitle().startswith("Port strike ends after a week")
    assert warnings == []


def test_the_same_text_twice_is_one_article_and_keeps_the_undo_history(qtbot, window, warnings):
    text = "Tram fares rise\n\nFares in Leeds go up by 4% in March, the city council said on Monday."
    copy(text=text)
    first = paste_and_wait(qtbot, window)
    start = window.session.article.text.index("Fares in Leeds")
    window.reader.select_range(start, start + len("Fares in Leeds"))
    window.acts[Act.HIGHLIGHT].trigger()
    assert window.undo_stack.count() == 1
    copy(text=text)  # copied again, from another tab
    second = paste_and_wait(qtbot, window, timeout=10_000)
    assert second == first
    assert len(store.list_articles()) == 1
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    assert window.session.article_id == first


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda: QGuiApplication.clipboard().clear(), NOTHING_TO_READ),
        (lambda: copy(image=QImage(8, 8, QImage.Format.Format_RGB32)), ONLY_AN_IMAGE),
        (lambda: copy(text="  \n\t  "), ONLY_WHITESPACE),
    ],
)
def test_nothing_to_read_gives_a_message_and_stores_nothing(qtbot, window, warnings, setup, message):
    setup()
    window.clipboard_opener.open()  # the action may be disabled; the command still explains itself
    assert warnings == [("Nothing to read", message)]
    assert window.statusBar().currentMessage() == message
    assert store.list_articles() == []
    assert window.session.article_id is None


def test_action_follows_what_the_clipboard_holds(qtbot, window):
    action = window.acts[Act.NEW_FROM_CLIPBOARD]
    QGuiApplication.clipboard().clear()
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=2000)
    copy(text="Some words")
    qtbot.waitUntil(action.isEnabled, timeout=2000)
    copy(image=QImage(8, 8, QImage.Format.Format_RGB32))
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=2000)
    copy(html="<p>Some words</p>")
    qtbot.waitUntil(action.isEnabled, timeout=2000)


def test_a_huge_clipboard_is_refused_like_a_huge_file(qtbot, window, warnings, monkeypatch):
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "1KB")
    copy(text="Words and more words. " * 100)
    with qtbot.waitSignal(window.controller.open_failed, timeout=10_000):
        window.acts[Act.NEW_FROM_CLIPBOARD].trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert warnings == [("Cannot open article", "The clipboard is 2.1 KB, over the 1 KB limit")]
    assert store.list_articles() == []


def test_shortcut_triggers_it(qtbot, window, warnings):
    copy(text="  ")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert warnings == [("Nothing to read", ONLY_WHITESPACE)]
