"""The window opens every kind of input it reads: by File > Open, by a drop, and from the
command line (``glossator open FILE``, the real window offscreen, in its own process)."""

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from glossator.ui import file_dialogs
from glossator.ui.actions import Act
from glossator.ui.main_window import OPEN_FILTER
from tests.core.readers.epub_books import make_epub
from tests.pdf_documents import SAMPLE, make_pdf

KINDS = {
    "txt": lambda p: p.write_text("Harbour wall vote\n\nThe council voted 7 to 2 for the wall.\n", encoding="utf-8"),
    "md": lambda p: p.write_text("# Harbour wall vote\n\nThe council voted 7 to 2 for the wall.\n", encoding="utf-8"),
    "html": lambda p: p.write_text("<html><head><title>Harbour wall vote</title></head><body><article>"
                                   "<h1>Harbour wall vote</h1><p>The council voted 7 to 2 for the wall, "
                                   "which protects 12,000 homes in the lower town of Porthaven.</p>"
                                   "</article></body></html>", encoding="utf-8"),
    "epub": lambda p: make_epub(p, [("c1.xhtml", "Harbour wall vote",
                                     "<h1>Harbour wall vote</h1><p>The council voted 7 to 2 for the wall.</p>")],
                                title="Harbour wall vote"),
    "pdf": lambda p: p.write_bytes(make_pdf(SAMPLE).data),
}


def written(tmp_path, kind):
    path = tmp_path / f"article.{kind}"
    KINDS[kind](path)
    return path


def wait_shown(qtbot, window, path):
    ids = []
    window.controller.article_opened.connect(lambda aid, p: ids.append(aid) if p == str(path) else None)
    qtbot.waitUntil(lambda: bool(ids) and window.session.article_id == ids[0], timeout=30_000)
    # The analysis lands before the test ends, not after the library is closed.
    qtbot.waitUntil(lambda: not window.controller.is_busy(), timeout=120_000)
    return window.session.article


def test_the_open_dialog_offers_every_kind():
    for suffix in (".txt", ".md", ".html", ".epub", ".pdf"):
        assert f"*{suffix}" in OPEN_FILTER


@pytest.mark.parametrize("kind", list(KINDS))
def test_file_open(qtbot, window, tmp_path, monkeypatch, kind):
    path = written(tmp_path, kind)
    monkeypatch.setattr(file_dialogs, "open_file_names", lambda *args: [str(path)])
    window.acts[Act.OPEN].trigger()
    article = wait_shown(qtbot, window, path)
    assert article.format == kind and ("council voted" in article.text or "Councillors" in article.text)


@pytest.mark.parametrize("kind", list(KINDS))
def test_drop(qtbot, window, tmp_path, kind):
    path = written(tmp_path, kind)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert wait_shown(qtbot, window, path).format == kind


@pytest.mark.parametrize("kind", ["epub", "pdf"])
def test_the_command_line_opens_it_in_the_window(tmp_path, kind):
    path = written(tmp_path, kind)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GLOSSATOR_DB=str(tmp_path / "library.db"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-m", "glossator", "open", "--smoke-test", str(path)],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "smoke test: article 1 shown with" in out.stdout
