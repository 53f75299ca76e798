"""Keys that move through the article: Ctrl+Home and Ctrl+End, and the next or previous mark of
one layer (C claims, E entities, M your own annotations; with Shift backwards)."""

from PySide6.QtCore import Qt

from glossator.core.services import annotating
from glossator.ui.actions import Act
from glossator.ui.reader_navigation import step
from tests.ui.window_helpers import analysed_sample


def open_sample(qtbot, window):
    article_id = analysed_sample(qtbot, window)
    window.resize(1000, 500)
    qtbot.wait(50)
    return article_id


def test_ctrl_home_and_ctrl_end(qtbot, window):
    open_sample(qtbot, window)
    bar = window.reader.browser.verticalScrollBar()
    assert bar.maximum() > 0
    window.reader.browser.setFocus()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == 0


def test_next_and_previous_claim_follow_the_text(qtbot, window):
    open_sample(qtbot, window)
    claims = sorted((r for r in window.session.records if r.kind == "claim" and window.reader.overlays.is_visible(r)),
                    key=lambda r: (r.start, r.end))
    assert len(claims) >= 3
    window.reader.browser.setFocus()
    for expected in claims[:3]:
        qtbot.keyClick(window.reader.browser, Qt.Key.Key_C)
        assert window.session.selected_id == expected.id
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.selected_id == claims[1].id
    assert window.inspector.isVisible()


def test_next_entity_skips_hidden_types(qtbot, window):
    open_sample(qtbot, window)
    entities = [r for r in window.session.records if r.kind == "entity"]
    hidden = entities[0].label
    window.set_entity_type_visible(hidden, False)
    window.acts[Act.NEXT_ENTITY].trigger()
    first = window.session.selected
    assert first is not None and first.kind == "entity" and first.label != hidden


def test_my_annotations_and_the_end_of_the_layer(qtbot, window):
    article_id = open_sample(qtbot, window)
    text = window.session.article.text
    at = text.index("Nvidia")
    annotating.add_note(article_id, at, at + 6, "Check the share price.")
    window.session.reload_annotations()
    window.acts[Act.NEXT_MINE].trigger()
    mine = window.session.selected
    assert mine is not None and (mine.start, mine.end) == (at, at + 6)
    window.acts[Act.NEXT_MINE].trigger()
    assert window.session.selected_id == mine.id
    assert window.statusBar().currentMessage() == "No annotation of yours after this point"


def test_step_orders_by_position():
    from glossator.core.annotation import AnnotationRecord

    records = [AnnotationRecord("claim", "statistic", s, s + 5, id=i) for i, s in enumerate((40, 10, 70))]
    assert step(records, "claim", 1, (0, 0)).start == 10
    assert step(records, "claim", 1, (10, 15), current_id=1).start == 40
    assert step(records, "claim", -1, (40, 45), current_id=0).start == 10
    assert step(records, "claim", -1, (10, 15), current_id=1) is None
