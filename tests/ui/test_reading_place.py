"""The last article and where it was being read come back at launch; each article reopens
where it was left."""

from glossator.core.services import articles
from glossator.ui.main_window import MainWindow
from tests.pdf_documents import SAMPLE, Document, make_pdf
from tests.samples import SAMPLE_ARTICLE

LONG = Document(title="A long report", blocks=SAMPLE.blocks * 8)


def settle(qtbot, window):
    """The analysis the window started lands before the test ends, not after the library is closed."""
    qtbot.waitUntil(lambda: not window.controller.is_busy(), timeout=120_000)


def stored_pdf(tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(LONG).data)
    return articles.import_file(path).value.article.id


def test_the_last_article_and_its_place_come_back(qtbot, window, settings, tmp_path):
    article_id = stored_pdf(tmp_path)
    window.resize(900, 500)
    window.show_article(article_id)
    settle(qtbot, window)
    text = window.session.article.text
    offset = text.index("Opposition and doubts", len(text) // 2)
    window.reader.go_to_offset(offset)
    qtbot.wait(20)
    left_at = window.reader.reading_offset()
    assert abs(left_at - offset) < 200 and left_at > 0
    window.close()

    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.resize(900, 500)
    again.show()
    assert again.reopen_last()
    assert again.session.article_id == article_id
    assert abs(again.reader.reading_offset() - left_at) < 5
    settle(qtbot, again)
    again.controller.cancel()
    again.pools.wait()


def test_each_article_reopens_where_it_was_left(qtbot, window, tmp_path):
    first = stored_pdf(tmp_path)
    second = articles.import_file(SAMPLE_ARTICLE).value.article.id
    window.resize(900, 500)
    window.show_article(first)
    settle(qtbot, window)
    text = window.session.article.text
    window.reader.go_to_offset(len(text) // 2)
    qtbot.wait(20)
    kept = window.reader.reading_offset()
    window.show_article(second)
    settle(qtbot, window)
    assert window.reader.reading_offset() == 0
    window.show_article(first)
    assert abs(window.reader.reading_offset() - kept) < 5


def test_nothing_to_reopen_in_a_new_library(window):
    assert not window.reopen_last()
    assert window.session.article_id is None
