"""PDFs in the window: opened by File > Open, a drop or the command line; the Page view shows
the original page with the selected passage boxed; page breaks and the current page are shown;
an encrypted PDF asks for its password."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from glossator.core import store
from glossator.core.pages import page_boxes
from glossator.core.services import annotating
from glossator.ui import file_dialogs
from glossator.ui.actions import Act
from tests.pdf_documents import SAMPLE, Document, Layout, make_pdf

LONG = Document(title=SAMPLE.title, author=SAMPLE.author, blocks=SAMPLE.blocks * 6, footnotes=SAMPLE.footnotes)


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "flood-report.pdf"
    made = make_pdf(LONG, Layout(columns=2, running_head="The Coastal Ledger", hyphenate=True))
    path.write_bytes(made.data)
    return path, made


def opened(qtbot, window, path):
    ids = []
    window.controller.article_opened.connect(lambda aid, p: ids.append(aid) if p == str(path) else None)
    qtbot.waitUntil(lambda: bool(ids) and window.session.article_id == ids[0], timeout=30_000)
    # The analysis lands before the test ends, not after the library is closed.
    qtbot.waitUntil(lambda: not window.controller.is_busy(), timeout=120_000)
    return ids[0]


def test_file_open_reads_a_pdf_and_shows_its_page(qtbot, window, report, monkeypatch):
    path, made = report
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *args: [str(path)])
    window.acts[Act.OPEN].trigger()
    opened(qtbot, window, path)
    view = window.page_view
    assert not window.docks["page"].visibleRegion().isEmpty()
    assert view.label.text() == f"Page 1 of {made.pages}"
    assert view.canvas.image is not None and not view.canvas.image.isNull()
    assert window.reader.browser.page_breaks[0][1] == 1
    assert [page for _, page in window.reader.browser.page_breaks] == list(range(1, made.pages + 1))


def test_selecting_a_passage_turns_to_its_page_and_boxes_it(qtbot, window, report):
    path, made = report
    window.open_files([str(path)])
    article_id = opened(qtbot, window, path)
    article = window.session.article
    number, start, _ = article.metadata["pages"][-1]
    end = article.text.index(".", start) + 1
    highlight = annotating.add_annotation(article_id, "highlight", "", start, end).value
    window.session.reload_annotations()
    window.session.select(highlight)
    view = window.page_view
    assert view.page == number and view.label.text() == f"Page {number} of {made.pages}"
    assert view.canvas.boxes == [b for b in page_boxes(article.metadata, start, end) if b.page == number]
    rect = view.canvas.box_rect(view.canvas.boxes[0])
    assert 0 <= rect.left() < rect.right() <= view.canvas.width()
    assert 0 <= rect.top() < rect.bottom() <= view.canvas.height()
    # The passage is drawn where the box is: the page image is dark (text) inside it.
    scale = view.canvas.image.width() / view.canvas.width()
    inside = view.canvas.image.copy(int(rect.left() * scale), int(rect.top() * scale),
                                    int(rect.width() * scale), int(rect.height() * scale))
    dark = sum(1 for x in range(inside.width()) for y in range(inside.height())
               if inside.pixelColor(x, y).lightness() < 128)
    assert dark > 0.03 * inside.width() * inside.height()
    window.session.select(None)
    assert view.canvas.boxes == []


def test_the_status_bar_says_the_page_being_read(qtbot, window, report):
    path, made = report
    window.open_files([str(path)])
    opened(qtbot, window, path)
    status = window.page_view.status
    qtbot.waitUntil(lambda: status.text() == f"Page 1 of {made.pages}", timeout=5000)
    article = window.session.article
    _, last_start, last_end = article.metadata["pages"][-1]
    window.reader.scroll_to(last_start, last_end)
    bar = window.reader.browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: status.text() == f"Page {made.pages} of {made.pages}", timeout=5000)
    assert window.page_view.page == made.pages


def test_a_dropped_pdf_opens(qtbot, window, report):
    path, _ = report
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    opened(qtbot, window, path)
    assert window.session.article.format == "pdf"


def test_an_encrypted_pdf_asks_for_its_password(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf(SAMPLE, Layout(password="tide-gauge")).data)
    answers = iter([("guess", True), ("tide-gauge", True)])
    prompts = []

    def answer(parent, title, prompt, mode):
        prompts.append((title, prompt, mode))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window.open_files([str(path)])
    opened(qtbot, window, path)
    assert [p[0] for p in prompts] == ["Password Needed"] * 2
    assert "is encrypted" in prompts[0][1] and "does not open" in prompts[1][1]
    assert all(mode == QLineEdit.EchoMode.Password for *_, mode in prompts)
    qtbot.waitUntil(lambda: window.page_view.canvas.image is not None, timeout=5000)
    assert window.page_view.label.text() == "Page 1 of 1"


def test_cancelling_the_password_opens_nothing(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf(SAMPLE, Layout(password="tide-gauge")).data)
    shown = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "encrypted" in shown[0] and "no password was given" in shown[0]
    assert store.list_articles() == []

