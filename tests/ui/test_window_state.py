"""What the window remembers, what it copies, and files dropped on it."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication

from glossator.core.services import articles
from glossator.ui.actions import Act
from tests.samples import SAMPLE_ARTICLE


def test_filters_zoom_and_recent_files_persist(qtbot, window, settings):
    from glossator.ui.main_window import MainWindow

    window.filter_bar.type_buttons["DATE"].click()
    window.filter_bar.set_min_score(0.7)
    window.acts[Act.ZOOM_IN].trigger()
    window.acts[Act.SHOW_CLAIMS].trigger()
    settings.add_recent_file(str(SAMPLE_ARTICLE))
    window.close()

    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert "DATE" not in again.reader.visible_entity_types()
    assert not again.filter_bar.type_buttons["DATE"].isChecked()
    assert again.filter_bar.min_score() == 0.7
    assert again.claims.min_score.value() == 0.7
    assert again.reader.zoom_level() == 1
    assert not again.acts[Act.SHOW_CLAIMS].isChecked()
    recent = [a.toolTip() for a in again.recent_menu.actions() if a.toolTip()]
    assert str(SAMPLE_ARTICLE) in recent
    again.pools.wait()


def test_dropping_a_file_opens_it(qtbot, window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE_ARTICLE))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.controller.article_opened, timeout=30_000):
        window.dropEvent(event)
    assert window.session.article is not None
    assert window.session.article.title == "DeepSeek R1 AI Model Disrupts Global Tech Market"


def test_copy_claim_as_markdown(qtbot, window):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=30_000):
        window.show_article(row.id)
    claim = next(r for r in window.session.records if r.kind == "claim" and "17%" in r.quote)
    window.session.select(claim.id)
    assert window.acts[Act.COPY_CLAIM].isEnabled()
    window.acts[Act.COPY_CLAIM].trigger()
    copied = QGuiApplication.clipboard().text()
    assert "share price plunged by 17%" in copied
    assert copied.lstrip().startswith(">")
    assert "statistic" in copied


def test_a_file_that_cannot_be_read_shows_a_message(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.controller.open_failed, timeout=10_000):
        window.open_files([str(empty)])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "empty.txt" in shown[0][1]
    assert window.session.article_id is None
