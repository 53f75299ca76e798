"""The reader widget: document structure, offset map, overlays, filters, hover, clicks, find,
links, zoom, theme, a book-sized text, and a rendered sample for a visual check."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip, QVBoxLayout, QWidget

from glossator.core import store
from glossator.core.annotation import AnnotationRecord
from glossator.core.readers import read_text
from glossator.core.services import articles
from glossator.ui import reader_view as reader_view_module
from glossator.ui.article_session import ArticleSession
from glossator.ui.legend import LegendWidget
from glossator.ui.palette import CLAIM_COLOURS, ENTITY_COLOURS, entity_colour
from glossator.ui.reader_style import MAX_ZOOM
from glossator.ui.reader_view import ReaderView

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "deepseek-r1-news.txt"
EXCERPT = Path(__file__).resolve().parents[1] / "data" / "pride-and-prejudice-excerpt.txt"

MARKDOWN = """# Market Report

Acme Corp said *revenue* rose **40%** in 2024, according to [the filing](https://example.com/filing).

- first point about output
- second point
    - a nested point

1. one
2. two

> "We will double output next year," said Jane Smith.

```
x = 1
y = 2
```

Acme Corp closed the call early.
"""


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


@pytest.fixture
def stored():
    """A stored Markdown article with entities, claims, a highlight, a note and a source."""
    row = store.save_article(read_text(MARKDOWN, format="md"))
    text = row.text
    spans = {
        "acme": _span(text, "Acme Corp"),
        "acme2": _span(text, "Acme Corp", 1),
        "jane": _span(text, "Jane Smith"),
        "stat": _span(text, "Acme Corp said revenue rose 40% in 2024"),
        "quote": _span(text, '"We will double output next year,"'),
        "closed": _span(text, "closed the call early"),
        "link": _span(text, "the filing"),
    }
    ids = {
        "acme": store.add_annotation(row.id, "entity", "ORG", *spans["acme"], origin="auto",
                                     attrs={"canonical": "Acme Corporation"}).id,
        "acme2": store.add_annotation(row.id, "entity", "ORG", *spans["acme2"], origin="auto").id,
        "jane": store.add_annotation(row.id, "entity", "PERSON", *spans["jane"], origin="auto",
                                     attrs={"canonical": "Jane Smith"}).id,
        "stat": store.add_annotation(row.id, "claim", "statistic", *spans["stat"], origin="auto", score=0.9,
                                     attrs={"speaker": "Acme Corp", "cue": "said"}).id,
        "quote": store.add_annotation(row.id, "claim", "quote", *spans["quote"], origin="auto", score=0.2,
                                      attrs={"speaker": "Jane Smith"}).id,
        "closed": store.add_annotation(row.id, "highlight", "", *spans["closed"]).id,
    }
    store.add_note(row.id, *spans["jane"],
                   "Check <b>who</b> she is: the CFO since 2021, according to the annual report.")
    store.add_source(row.id, *spans["jane"], "https://example.org/profile", title="Profile")
    return row.id, text, spans, ids


@pytest.fixture
def reader(qtbot, stored):
    session = ArticleSession()
    view = ReaderView(session)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.apply_theme(False)
    session.show_article(stored[0])
    return view


def _formats_at(view: ReaderView, offset: int) -> list[QTextCharFormat]:
    """The overlay formats the reader set over an article offset."""
    position = view.doc_position(offset)
    block = view.document().findBlock(position)
    rel = position - block.position()
    return [QTextCharFormat(r.format) for r in block.layout().formats() if r.start <= rel < r.start + r.length]


def _backgrounds(view, offset) -> set[str]:
    formats = _formats_at(view, offset)
    return {f.background().color().name() for f in formats if f.background().style() != Qt.BrushStyle.NoBrush}


def _underlines(view, offset) -> list[QTextCharFormat]:
    single = QTextCharFormat.UnderlineStyle.SingleUnderline
    return [f for f in _formats_at(view, offset) if f.underlineStyle() == single]


# -- document structure ------------------------------------------------------------------
def test_heading_list_quote_and_code_are_formatted(reader, stored):
    _id, text, spans, _ids = stored
    doc = reader.document()
    heading = doc.findBlock(reader.doc_position(text.index("Market Report")))
    assert heading.blockFormat().headingLevel() == 1
    body = doc.findBlock(reader.doc_position(spans["acme"][0]))
    assert heading.charFormat().fontPointSize() > body.charFormat().fontPointSize() * 1.3
    assert heading.charFormat().fontWeight() >= 700

    first = doc.findBlock(reader.doc_position(text.index("first point")))
    nested = doc.findBlock(reader.doc_position(text.index("a nested point")))
    numbered = doc.findBlock(reader.doc_position(text.index("two")))
    assert first.textList() is not None and nested.textList() is not None
    assert nested.textList().format().indent() > first.textList().format().indent()
    assert numbered.textList().format().style().name == "ListDecimal"
    assert first.textList().format().style().name == "ListDisc"

    quote = doc.findBlock(reader.doc_position(spans["quote"][0]))
    assert quote.blockFormat().leftMargin() > 0 and quote.charFormat().fontItalic()
    code = doc.findBlock(reader.doc_position(text.index("x = 1")))
    assert code.charFormat().fontFixedPitch()
    assert code.text() == "x = 1\u2028y = 2"

    cursor = QTextCursor(doc)
    cursor.setPosition(reader.doc_position(text.index("revenue")) + 1)
    assert cursor.charFormat().fontItalic()
    cursor.setPosition(reader.doc_position(spans["link"][0]) + 1)
    assert cursor.charFormat().anchorHref() == "https://example.com/filing"
    cursor.setPosition(reader.doc_position(text.index("40%")) + 1)
    assert cursor.charFormat().fontWeight() >= 700


def test_offset_map_round_trips_every_character(reader, stored):
    _id, text, _spans, _ids = stored
    doc = reader.document()
    segments = reader.document().offsets.segments
    inside = set()
    for seg in segments:
        inside.update(range(seg.start, seg.end))
    for offset, char in enumerate(text):
        position = reader.doc_position(offset)
        if offset in inside:
            assert doc.characterAt(position) == ("\u2028" if char == "\n" else char), offset
            assert reader.article_offset(position) == offset
        else:
            assert char.isspace()
            assert doc.characterAt(position) == "\u2029"
    assert reader.doc_position(len(text)) == doc.characterCount() - 1


# -- overlays and filters ------------------------------------------------------------------
def test_entities_are_tinted_and_claims_underlined(reader, stored):
    _id, _text, spans, _ids = stored
    assert entity_colour("ORG").name() in _backgrounds(reader, spans["acme"][0])
    assert entity_colour("PERSON").name() in _backgrounds(reader, spans["jane"][0] + 1)
    underline = _underlines(reader, spans["stat"][0] + 20)
    assert underline and underline[0].underlineColor().name() == CLAIM_COLOURS["statistic"]
    weak, strong = _underlines(reader, spans["quote"][0] + 2)[0], underline[0]
    assert weak.underlineColor().alphaF() < strong.underlineColor().alphaF()
    assert "#ffe066" in _backgrounds(reader, spans["closed"][0] + 2)
    # The article text itself is untouched by overlays.
    assert reader.document().toPlainText().count("Acme Corp") == 2


def test_annotations_with_notes_or_sources_are_marked(reader, stored):
    _id, _text, spans, _ids = stored
    jane = _formats_at(reader, spans["jane"][0] + 1)
    assert any(f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine for f in jane)
    assert not any(f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
                   for f in _formats_at(reader, spans["acme"][0] + 1))


def test_toggling_an_entity_type_removes_its_tint(reader, stored):
    _id, _text, spans, _ids = stored
    reader.set_entity_type_visible("ORG", False)
    assert entity_colour("ORG").name() not in _backgrounds(reader, spans["acme"][0])
    assert "ORG" not in reader.visible_entity_types() and "PERSON" in reader.visible_entity_types()
    assert entity_colour("PERSON").name() in _backgrounds(reader, spans["jane"][0] + 1)
    reader.set_entity_type_visible("ORG", True)
    assert entity_colour("ORG").name() in _backgrounds(reader, spans["acme"][0])


def test_min_score_hides_low_claims_and_switches_hide_layers(reader, stored):
    _id, _text, spans, _ids = stored
    reader.set_min_claim_score(0.5)
    assert not _underlines(reader, spans["quote"][0] + 2)
    assert _underlines(reader, spans["stat"][0] + 20)
    assert "Quote claim" not in reader.tooltip_at_offset(spans["quote"][0] + 2)
    reader.set_min_claim_score(0.0)
    assert _underlines(reader, spans["quote"][0] + 2)
    reader.set_claims_visible(False)
    assert not _underlines(reader, spans["stat"][0] + 20)
    reader.set_highlights_visible(False)
    assert "#ffe066" not in _backgrounds(reader, spans["closed"][0] + 2)


def test_annotation_edits_repaint(reader, stored, qtbot):
    article_id, text, spans, _ids = stored
    start, end = _span(text, "second point")
    store.add_annotation(article_id, "highlight", "", start, end)
    reader.session.reload_annotations()
    assert "#ffe066" in _backgrounds(reader, start + 1)


# -- hover, click, selection, context menu ---------------------------------------------------
def test_tooltip_describes_the_annotations_under_an_offset(reader, stored):
    _id, _text, spans, _ids = stored
    claim = reader.tooltip_at_offset(spans["stat"][0] + 20)
    assert "Statistic claim" in claim and "0.90" in claim and "Acme Corp" in claim and "Unchecked" in claim
    entity = reader.tooltip_at_offset(spans["acme"][0] + 1)
    assert "Organisation" in entity and "Acme Corporation" in entity
    person = reader.tooltip_at_offset(spans["jane"][0] + 1)
    assert "Person" in person and "Check &lt;b&gt;who&lt;/b&gt; she is" in person and "1 source" in person
    assert "<b>who</b>" not in person
    assert reader.tooltip_at_offset(reader.session.article.text.index("first point")) == ""


def test_hovering_shows_the_tooltip(reader, stored, qtbot):
    _id, _text, spans, _ids = stored
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(spans["acme"][0] + 2))
    point = reader.browser.cursorRect(cursor).center() + QPoint(3, 0)
    viewport = reader.browser.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert "Organisation" in QToolTip.text()
    far = QPoint(viewport.width() - 2, viewport.height() - 2)   # blank paper below the text
    assert reader.browser.position_at(far) is None
    QToolTip.hideText()


def test_clicking_a_highlight_selects_it(reader, stored, qtbot):
    _id, _text, spans, ids = stored
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(spans["jane"][0] + 2))
    point = reader.browser.cursorRect(cursor).center() + QPoint(3, 0)
    with qtbot.waitSignal(reader.annotation_clicked, timeout=2000) as signal:
        qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert signal.args == [ids["jane"]]
    assert reader.session.selected_id == ids["jane"]
    assert reader.browser.outline == reader.document().offsets.doc_range(*spans["jane"])


def test_selection_from_elsewhere_scrolls_and_outlines(qtbot, reader, stored):
    _id, _text, spans, ids = stored
    reader.resize(600, 160)
    reader.browser.verticalScrollBar().setValue(0)
    reader.session.select(ids["closed"])
    assert reader.browser.outline == reader.document().offsets.doc_range(*spans["closed"])
    assert reader.browser.verticalScrollBar().value() > 0
    reader.session.select(None)
    assert reader.browser.outline is None


def test_selected_range_is_trimmed_and_clearable(reader, stored):
    _id, _text, spans, _ids = stored
    start, end = spans["jane"]
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(start - 1))
    cursor.setPosition(reader.doc_position(end + 1), QTextCursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cursor)
    assert reader.selected_range() == (start, end + 1)  # the comma after the name stays
    reader.scroll_to(start, end, select_text=True)
    assert reader.selected_range() == (start, end)
    reader.clear_text_selection()
    assert reader.selected_range() is None


def test_right_click_asks_for_a_menu_with_the_selection(reader, stored, qtbot):
    _id, _text, spans, _ids = stored
    reader.scroll_to(*spans["acme"], select_text=True)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(20, 20), QPoint(120, 220))
    with qtbot.waitSignal(reader.context_menu_requested, timeout=2000) as signal:
        QApplication.sendEvent(reader.browser.viewport(), event)
    assert signal.args[0] == QPoint(120, 220) and signal.args[1] == spans["acme"]


def test_text_under_cursor_range_prefers_annotations(reader, stored):
    _id, text, spans, _ids = stored
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(spans["jane"][0] + 2))
    point = reader.browser.cursorRect(cursor).center() + QPoint(3, 0)
    assert reader.text_under_cursor_range(point) == spans["jane"]
    cursor.setPosition(reader.doc_position(text.index("nested") + 2))
    point = reader.browser.cursorRect(cursor).center() + QPoint(3, 0)
    assert reader.text_under_cursor_range(point) == _span(text, "nested")


# -- find ----------------------------------------------------------------------------------
def test_find_selects_matches_and_counts_them(reader, stored, qtbot):
    _id, text, spans, _ids = stored
    first = (spans["acme"][0], spans["acme"][0] + 4)
    second = (spans["acme2"][0], spans["acme2"][0] + 4)
    assert reader.find_text("ACME")
    assert reader.find_match_count() == 2
    assert reader.selected_range() == first
    assert reader.find_text("acme")
    assert reader.selected_range() == second
    assert reader.find_text("acme")  # wraps round
    assert reader.selected_range() == first
    assert reader.find_text("acme", backwards=True)
    assert reader.selected_range() == second
    assert not reader.find_text("zebra")
    assert reader.find_match_count() == 0


def test_find_bar_keys(reader, stored, qtbot):
    _id, _text, spans, _ids = stored
    reader.show_find_bar()
    bar = reader.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "output")
    assert reader.selected_range() == _span(reader.session.article.text, "output")
    assert "1 of 2" in bar.count_label.text()
    assert len(reader.browser.extraSelections()) == 2
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert "2 of 2" in bar.count_label.text()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert "1 of 2" in bar.count_label.text()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert reader.browser.extraSelections() == []


# -- links and resources ---------------------------------------------------------------------
class _FakeDesktop:
    opened: list[str] = []

    @classmethod
    def openUrl(cls, url):
        cls.opened.append(url.toString())
        return True


def test_only_web_and_mail_links_open(reader, stored, qtbot, monkeypatch):
    _id, _text, spans, _ids = stored
    _FakeDesktop.opened = []
    monkeypatch.setattr(reader_view_module, "QDesktopServices", _FakeDesktop)
    with qtbot.waitSignal(reader.link_blocked, timeout=1000) as blocked:
        reader.browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert blocked.args == ["javascript:alert(1)"]
    with qtbot.waitSignal(reader.link_blocked, timeout=1000):
        reader.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert _FakeDesktop.opened == []
    reader.browser.anchorClicked.emit(QUrl("mailto:editor@example.com"))
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader.doc_position(spans["link"][0] + 3))
    point = reader.browser.cursorRect(cursor).center() + QPoint(3, 0)
    qtbot.mouseClick(reader.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert _FakeDesktop.opened == ["mailto:editor@example.com", "https://example.com/filing"]


def test_reader_never_loads_resources(reader, tmp_path):
    local = tmp_path / "pixel.png"
    local.write_bytes(b"\x89PNG\r\n\x1a\n")
    image = QTextDocument.ResourceType.ImageResource.value
    urls = (QUrl("http://example.com/track.png"), QUrl("https://example.com/a.css"), QUrl.fromLocalFile(str(local)))
    for url in urls:
        assert reader.browser.loadResource(image, url) is None
        assert reader.document().resource(image, url) is None


# -- zoom and theme ---------------------------------------------------------------------------
def test_zoom_changes_the_text_size_and_is_clamped(reader, stored, qtbot):
    _id, _text, spans, _ids = stored
    size = lambda: reader.document().findBlock(reader.doc_position(spans["acme"][0])).charFormat().fontPointSize()  # noqa: E731
    before = size()
    with qtbot.waitSignal(reader.zoom_changed, timeout=1000):
        reader.zoom_in()
    assert reader.zoom_level() == 1 and size() > before
    reader.zoom_out()
    reader.zoom_out()
    assert reader.zoom_level() == -1 and size() < before
    for _ in range(30):
        reader.zoom_in()
    assert reader.zoom_level() == MAX_ZOOM
    reader.zoom_reset()
    assert reader.zoom_level() == 0 and size() == pytest.approx(before)
    # Overlays survive the rebuild.
    assert entity_colour("ORG").name() in _backgrounds(reader, spans["acme"][0])


def test_dark_theme_recolours_page_and_overlays(reader, stored):
    _id, _text, spans, _ids = stored
    light_paper = reader.browser.palette().color(QPalette.ColorRole.Base)
    reader.apply_theme(True)
    assert reader.is_dark()
    assert reader.browser.palette().color(QPalette.ColorRole.Base).lightness() < 60 < light_paper.lightness()
    assert entity_colour("ORG", dark=True).name() in _backgrounds(reader, spans["acme"][0])
    reader.apply_theme(False)
    assert entity_colour("ORG").name() in _backgrounds(reader, spans["acme"][0])


# -- scale and appearance ----------------------------------------------------------------------
def test_a_book_with_thousands_of_annotations_stays_fast(qtbot):
    excerpt = EXCERPT.read_text(encoding="utf-8")
    article = read_text("\n\n".join([excerpt] * 10))  # about 1.2 million characters
    records = []
    labels = list(ENTITY_COLOURS)
    step = max(1, len(article.text) // 8000)
    for i, start in enumerate(range(0, len(article.text) - 40, step)):
        kind = ("entity", "entity", "claim", "highlight")[i % 4]
        records.append(AnnotationRecord(kind=kind, label=labels[i % len(labels)] if kind == "entity" else "causal",
                                        start=start, end=start + 12 + i % 25, score=(i % 10) / 10, id=i + 1))
    session = ArticleSession()
    view = ReaderView(session)
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    session.article_id, session.article, session.records = 1, article, records
    began = time.perf_counter()
    session.article_changed.emit()
    view.document().documentLayout().documentSize()
    elapsed = time.perf_counter() - began
    assert elapsed < 8, f"building and painting took {elapsed:.2f}s"
    began = time.perf_counter()
    view.set_entity_type_visible("ORG", False)
    assert time.perf_counter() - began < 5
    for offset in range(0, len(article.text), 9973):
        position = view.doc_position(offset)
        if not article.text[offset].isspace():
            assert view.article_offset(position) == offset


def test_render_the_sample_article(qtbot):
    """Render the DeepSeek sample with its real analysis to /tmp/reader.png for a visual check."""
    row = articles.import_file(SAMPLE).value.article
    articles.analyse(row.id)
    records = store.annotation_records(row.id)
    claim = next(r for r in records if r.kind == "claim" and (r.score or 0) > 0.6)
    entity = next(r for r in records if r.kind == "entity" and r.label == "GPE")
    store.add_note(row.id, entity.start, entity.end, "Check which market figures refer to China.")
    store.add_annotation(row.id, "highlight", "", claim.start, claim.start + 30)

    session = ArticleSession()
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    view = ReaderView(session, page)
    layout.addWidget(view, 1)
    layout.addWidget(LegendWidget(session, page))
    qtbot.addWidget(page)
    page.resize(1100, 860)
    view.apply_theme(False)
    session.show_article(row.id)
    page.show()
    qtbot.waitExposed(page)
    session.select(claim.id)
    assert page.grab().save("/tmp/reader.png")
    view.apply_theme(True)
    assert page.grab().save("/tmp/reader-dark.png")
    assert any(_backgrounds(view, r.start) for r in session.records if r.kind == "entity")
