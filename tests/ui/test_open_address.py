"""The window fetches a page by its address: File > Open Address, a drop, a paste, the command
line; an address already in the library asks first. Pages come from a server on 127.0.0.1."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from glossator.core import store
from glossator.ui import address_opener
from glossator.ui.actions import Act
from glossator.ui.main_window import dropped_items
from tests.page_server import PageServer


@pytest.fixture(scope="module")
def site():
    server = PageServer()
    yield server
    server.close()


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: shown.append((title, text)))
    return shown


def wait_for_article(qtbot, window, url):
    opened = []
    window.controller.article_opened.connect(lambda aid, path: opened.append(aid) if path == url else None)
    qtbot.waitUntil(lambda: bool(opened) and window.session.article_id == opened[0], timeout=30_000)
    # The analysis lands before the test ends, not after the library is closed.
    qtbot.waitUntil(lambda: not window.controller.is_busy(), timeout=120_000)
    return opened[0]


def fetches_of(site, path):
    return sum(1 for p, _ in site.requests if p == path)


def test_open_address_fetches_the_page_and_shows_it(qtbot, window, site, monkeypatch):
    url = site.url("/news?menu")
    asked = []

    def answer(parent, title, label, mode, text):
        asked.append((title, text))
        return url, True

    QGuiApplication.clipboard().setText("not an address")
    monkeypatch.setattr(QInputDialog, "getText", answer)
    assert window.acts[Act.OPEN_ADDRESS].shortcut().toString() == "Ctrl+L"
    window.acts[Act.OPEN_ADDRESS].trigger()
    article_id = wait_for_article(qtbot, window, url)
    assert asked == [("Open Address", "https://")]
    assert window.windowTitle().startswith("Harbour city votes to rebuild its 1950s flood wall")
    assert "flood wall" in window.reader.document().toPlainText()
    assert store.get_article(article_id).metadata["fetched_url"] == url
    assert window.settings.recent_files[0] == url


def test_the_dialog_offers_a_copied_address(window, site, monkeypatch):
    offered = []
    QGuiApplication.clipboard().setText(site.url("/plain"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: (offered.append(args[-1]), ("", False))[1])
    window.acts[Act.OPEN_ADDRESS].trigger()
    assert offered == [site.url("/plain")]


@pytest.mark.parametrize("choice, fetched", [(address_opener.OPEN_STORED, 0), (address_opener.FETCH_AGAIN, 1),
                                             ("", 0)])
def test_an_address_in_the_library_asks_first(qtbot, window, site, monkeypatch, choice, fetched):
    url = site.url(f"/news?again-{fetched}-{len(choice)}")
    window.open_files([url])
    first = wait_for_article(qtbot, window, url)
    before = fetches_of(site, url.removeprefix(site.base))
    window.show_article(None)
    asked = []
    monkeypatch.setattr(address_opener.AddressOpener, "ask_fetch_again",
                        lambda self, u, stored: (asked.append((u, stored.id)), choice)[1])
    window.open_files([url])
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [(url, first)]
    if choice == address_opener.OPEN_STORED:
        qtbot.waitUntil(lambda: window.session.article_id == first, timeout=10_000)
    elif choice == address_opener.FETCH_AGAIN:
        wait_for_article(qtbot, window, url)
    else:
        qtbot.wait(300)
        assert window.session.article_id is None
    assert fetches_of(site, url.removeprefix(site.base)) == before + fetched


def test_a_dropped_link_is_fetched(qtbot, window, site):
    url = site.url("/news?dropped")
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    assert dropped_items(mime) == [url]
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_for_article(qtbot, window, url)


def test_dropped_text_that_is_an_address_counts():
    mime = QMimeData()
    mime.setText("  https://example.org/story  ")
    assert dropped_items(mime) == ["https://example.org/story"]
    mime.setText("some words https://example.org/story")
    assert dropped_items(mime) == []


def test_pasting_a_lone_address_fetches_the_page(qtbot, window, site):
    url = site.url("/news?pasted")
    QGuiApplication.clipboard().setText(url)
    window.acts[Act.NEW_FROM_CLIPBOARD].trigger()
    article_id = wait_for_article(qtbot, window, url)
    assert store.get_article(article_id).source_path == url


def test_several_bad_inputs_make_one_message(qtbot, window, site, tmp_path, warnings):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.open_files([site.url("/missing"), "ftp://example.org/a.txt", str(empty)])
    qtbot.waitUntil(lambda: bool(warnings), timeout=20_000)
    qtbot.wait(400)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Cannot open 3 articles"
    assert "404" in text and "only http and https" in text and "empty.txt" in text
    assert store.list_articles() == []
