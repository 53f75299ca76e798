"""The inspector edits the selected annotation through the undo stack: note, status, sources, tags."""

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QApplication, QDialog

from glossator.core import store
from glossator.core.readers import read_text
from glossator.ui.article_session import ArticleSession
from glossator.ui.commands import DeleteAnnotations
from glossator.ui.external_links import openable_url
from glossator.ui.inspector_panel import PLACEHOLDER, InspectorPanel
from glossator.ui.markdown_view import SafeTextBrowser, note_html
from glossator.ui.note_dialog import NoteDialog
from glossator.ui.source_dialog import SourceDialog

TEXT = (
    "DeepSeek R1 shakes the markets\n\n"
    "Following the launch, Nvidia's share price plunged by 17%, wiping out approximately "
    "$600 billion from its market cap.\n\n"
    'Marc Andreessen called it "AI\'s Sputnik moment".\n'
)
CLAIM = "plunged by 17%, wiping out approximately $600 billion"


@pytest.fixture
def article():
    row = store.save_article(read_text(TEXT, format="txt"))
    start = row.text.index(CLAIM)
    claim = store.add_annotation(
        row.id, "claim", "statistic", start, start + len(CLAIM),
        origin="auto", score=0.8, attrs={"speaker": "X", "cue": "17%"},
    )
    name = row.text.index("Marc Andreessen")
    person = store.add_annotation(row.id, "entity", "PERSON", name, name + len("Marc Andreessen"), origin="auto")
    return row, claim.id, person.id


@pytest.fixture
def inspector(qtbot, article):
    row, claim_id, _person_id = article
    session, stack = ArticleSession(), QUndoStack()
    session.show_article(row.id)
    panel = InspectorPanel(session, stack)
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    session.select(claim_id)
    return panel, session, stack


def stored(article_id, annotation_id):
    return next(r for r in store.annotation_records(article_id) if r.id == annotation_id)


def finish_with_ctrl_enter(qtbot, panel):
    qtbot.keyClick(panel.notes.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


# -- showing ----------------------------------------------------------------------------
def test_placeholder_until_something_is_selected(qtbot, article):
    row, claim_id, _ = article
    session = ArticleSession()
    panel = InspectorPanel(session, QUndoStack())
    qtbot.addWidget(panel)
    assert panel.pages.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == PLACEHOLDER
    session.show_article(row.id)
    session.select(claim_id)
    assert panel.pages.currentWidget() is panel.scroll_area
    session.select(None)
    assert panel.pages.currentWidget() is panel.placeholder


def test_claim_header_quote_and_details(inspector, article):
    panel, session, _ = inspector
    summary = panel.summary
    assert summary.badge.text() == "Statistic claim"
    assert summary.quote.text() == CLAIM
    assert summary.score.text().startswith("0.80")
    assert summary.speaker.text() == "X" and summary.cue.text() == "“17%”"
    assert summary.form.isRowVisible(summary.status)
    session.select(article[2])
    assert summary.badge.text() == "Person (PERSON)"
    assert not summary.form.isRowVisible(summary.status)
    assert not summary.form.isRowVisible(summary.score)


def test_the_panel_fits_a_narrow_dock(inspector):
    panel, _, _ = inspector
    assert panel.scroll_area.widget().minimumSizeHint().width() <= 300


# -- notes ------------------------------------------------------------------------------
def test_typed_note_is_saved_on_ctrl_enter_and_is_undoable(qtbot, inspector, article):
    panel, _, stack = inspector
    row, claim_id, _ = article
    assert panel.focus_note_editor()
    qtbot.keyClicks(panel.notes.editor.editor, "Needs a **second** source")
    finish_with_ctrl_enter(qtbot, panel)
    assert stored(row.id, claim_id).notes == ["Needs a **second** source"]
    assert stack.count() == 1

    stack.undo()
    assert stored(row.id, claim_id).notes == []
    assert panel.notes.editor.text() == ""
    stack.redo()
    assert stored(row.id, claim_id).notes == ["Needs a **second** source"]
    assert panel.notes.editor.text() == "Needs a **second** source"


def test_note_is_saved_after_a_pause_and_then_edited(qtbot, inspector, article):
    panel, _, stack = inspector
    row, claim_id, _ = article
    panel.notes.timer.setInterval(20)
    qtbot.keyClicks(panel.notes.editor.editor, "First")
    qtbot.waitUntil(lambda: stored(row.id, claim_id).notes == ["First"])
    qtbot.keyClicks(panel.notes.editor.editor, " draft")
    qtbot.waitUntil(lambda: stored(row.id, claim_id).notes == ["First draft"])
    assert [stack.text(i) for i in range(stack.count())] == ["Add note", "Edit note"]
    stack.undo()
    assert stored(row.id, claim_id).notes == ["First"]
    assert panel.notes.editor.text() == "First"


def test_a_reload_does_not_clobber_unsaved_typing(qtbot, inspector, article):
    panel, session, stack = inspector
    row, claim_id, _ = article
    editor = panel.notes.editor.editor
    qtbot.keyClicks(editor, "Half-typed ")
    panel.set_status("disputed")  # any edit reloads the session's annotations
    assert editor.toPlainText() == "Half-typed "
    assert editor.textCursor().position() == len("Half-typed ")
    qtbot.keyClicks(editor, "thought")
    finish_with_ctrl_enter(qtbot, panel)
    assert stored(row.id, claim_id).notes == ["Half-typed thought"]


def test_changing_the_selection_saves_the_note_to_the_previous_annotation(qtbot, inspector, article):
    panel, session, _ = inspector
    row, claim_id, person_id = article
    qtbot.keyClicks(panel.notes.editor.editor, "About the claim")
    session.select(person_id)
    assert session.selected_id == person_id
    assert stored(row.id, claim_id).notes == ["About the claim"]
    assert panel.notes.editor.text() == ""
    session.select(claim_id)
    assert panel.notes.editor.text() == "About the claim"


def test_unsaved_text_never_marks_a_deleted_passage_again(qtbot, inspector, article):
    panel, session, stack = inspector
    row, claim_id, _ = article
    qtbot.keyClicks(panel.notes.editor.editor, "Typed, then the claim was removed")
    stack.push(DeleteAnnotations(session, [claim_id]))
    assert session.selected_id is None
    assert panel.pages.currentWidget() is panel.placeholder
    assert [r.kind for r in store.annotation_records(row.id)] == ["entity"]
    assert [stack.text(i) for i in range(stack.count())] == ["Remove annotation"]


def test_clearing_or_deleting_a_note_removes_it(qtbot, inspector, article):
    panel, session, stack = inspector
    row, claim_id, _ = article
    store.add_note(row.id, *_range(session, claim_id), "Old note")
    session.reload_annotations()
    assert panel.notes.editor.text() == "Old note"
    panel.notes.editor.editor.selectAll()
    qtbot.keyClick(panel.notes.editor.editor, Qt.Key.Key_Delete)
    finish_with_ctrl_enter(qtbot, panel)
    assert stored(row.id, claim_id).notes == []
    stack.undo()
    assert panel.notes.editor.text() == "Old note"
    qtbot.mouseClick(panel.notes.delete_button, Qt.MouseButton.LeftButton)
    assert stored(row.id, claim_id).notes == []
    assert panel.notes.editor.text() == ""


def test_further_notes_are_listed_and_can_be_deleted(qtbot, inspector, article):
    panel, session, _ = inspector
    row, claim_id, _ = article
    for body in ("One", "Two", "Three"):
        store.add_note(row.id, *_range(session, claim_id), body)
    session.reload_annotations()
    assert panel.notes.editor.text() == "One"
    assert panel.notes.others.count() == 2 and panel.notes.others_title.isVisibleTo(panel)
    card = panel.notes.others.itemAt(0).widget()
    delete = [b for b in card.findChildren(type(panel.notes.delete_button))][0]
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert stored(row.id, claim_id).notes == ["One", "Three"]


def test_note_preview_renders_markdown_and_escapes_html(qtbot, inspector):
    panel, _, _ = inspector
    editor = panel.notes.editor
    qtbot.keyClicks(editor.editor, "**bold** <script>alert(1)</script> <img src=http://x/y.png>")
    editor.set_preview(True)
    html = editor.preview_html()
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "<img" not in html
    assert editor.is_preview() and "<script>alert(1)</script>" in editor.preview.toPlainText()
    assert note_html("[x](javascript:alert(1))").count("<a ") == 1  # a link, but never opened:
    assert openable_url("javascript:alert(1)") is None


def test_previews_load_no_resources(qtbot):
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    assert browser.loadResource(2, QUrl("http://example.com/x.png")) is None
    assert browser.loadResource(2, QUrl("file:///etc/passwd")) is None
    assert not browser.openLinks() and not browser.openExternalLinks()


# -- status -----------------------------------------------------------------------------
def test_status_selector_sets_the_claim_status_undoably(inspector, article):
    panel, _, stack = inspector
    row, claim_id, _ = article
    combo = panel.summary.status
    assert combo.currentData() == "unchecked"
    combo.setCurrentIndex(combo.findData("false"))
    assert stored(row.id, claim_id).status == "false"
    stack.undo()
    assert stored(row.id, claim_id).status == "unchecked"
    assert combo.currentData() == "unchecked"
    stack.redo()
    assert combo.currentData() == "false"


# -- sources ----------------------------------------------------------------------------
def test_add_edit_remove_sources(monkeypatch, inspector, article):
    panel, _, stack = inspector
    row, claim_id, _ = article
    answers = iter([
        {"url": "https://reuters.example/nvda", "title": "Reuters", "stance": "supports", "note": ""},
        {"url": "https://reuters.example/nvda", "title": "Reuters, 27 Jan", "stance": "refutes", "note": "x"},
    ])
    monkeypatch.setattr(SourceDialog, "get_source", classmethod(lambda cls, parent=None, initial=None: next(answers)))
    assert panel.add_source_dialog()
    (source,) = stored(row.id, claim_id).sources
    assert (source.url, source.title, source.stance) == ("https://reuters.example/nvda", "Reuters", "supports")
    assert panel.sources.model.rowCount() == 1

    panel.sources.select_row(0)
    assert panel.sources.edit_source()
    (source,) = stored(row.id, claim_id).sources
    assert (source.title, source.stance, source.note) == ("Reuters, 27 Jan", "refutes", "x")
    assert panel.sources.selected_source().id == source.id  # the selection survives the reload

    assert panel.sources.remove_source()
    assert stored(row.id, claim_id).sources == []
    assert not panel.sources.view.isVisibleTo(panel) and panel.sources.empty.isVisibleTo(panel)
    stack.undo()
    assert [s.title for s in stored(row.id, claim_id).sources] == ["Reuters, 27 Jan"]


def test_source_dialog_refuses_unsafe_links_inline(qtbot):
    dialog = SourceDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button().isEnabled() and dialog.error_text() == ""
    qtbot.keyClicks(dialog.url, "javascript:alert(1)")
    assert not dialog.ok_button().isEnabled()
    assert "http://, https://, mailto: or doi:" in dialog.error_text()
    assert dialog.error.isVisibleTo(dialog)
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "doi:10.1000/xyz")
    assert dialog.ok_button().isEnabled() and dialog.error_text() == ""


def test_add_source_through_the_dialog(qtbot, inspector, article):
    panel, _, _ = inspector
    row, claim_id, _ = article

    def fill_in():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SourceDialog)
        qtbot.keyClicks(dialog.url, "javascript:void(0)")
        assert not dialog.ok_button().isEnabled()
        dialog.url.clear()
        qtbot.keyClicks(dialog.url, " https://www.bloomberg.example/a ")
        qtbot.keyClicks(dialog.title, "Bloomberg")
        dialog.stance.setCurrentIndex(dialog.stance.findData("refutes"))
        qtbot.keyClicks(dialog.note, "says 16.9%")
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    assert panel.add_source_dialog()
    (source,) = stored(row.id, claim_id).sources
    assert (source.url, source.title, source.stance, source.note) == (
        "https://www.bloomberg.example/a", "Bloomberg", "refutes", "says 16.9%",
    )


def test_open_only_follows_web_mail_and_doi_links(monkeypatch, inspector, article):
    panel, session, _ = inspector
    row, claim_id, _ = article
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True))
    store.add_source(row.id, *_range(session, claim_id), "doi:10.1000/xyz", "Paper")
    session.reload_annotations()
    panel.sources.select_row(0)
    assert panel.sources.open_button.isEnabled()
    assert panel.sources.open_source()
    assert opened == ["https://doi.org/10.1000/xyz"]
    assert openable_url("mailto:desk@example.org").scheme() == "mailto"
    assert openable_url("file:///etc/passwd") is None and openable_url("ftp://x.org/a") is None


# -- tags -------------------------------------------------------------------------------
def test_tags_are_added_with_completion_and_removed(qtbot, inspector, article):
    panel, session, stack = inspector
    row, claim_id, person_id = article
    store.add_tag(person_id, "Markets")
    session.reload_annotations()
    assert panel.tags.known.stringList() == ["Markets"]
    qtbot.keyClicks(panel.tags.field, "markets")
    qtbot.keyClick(panel.tags.field, Qt.Key.Key_Return)
    assert stored(row.id, claim_id).tags == ["Markets"]  # the library's spelling is reused
    assert panel.tags.field.text() == ""
    qtbot.keyClicks(panel.tags.field, "to verify")
    qtbot.keyClick(panel.tags.field, Qt.Key.Key_Return)
    assert stored(row.id, claim_id).tags == ["Markets", "to verify"]
    chips = [panel.tags.flow.itemAt(i).widget() for i in range(panel.tags.flow.count())]
    assert [chip.name for chip in chips] == ["Markets", "to verify"]
    qtbot.mouseClick(chips[0].remove_button, Qt.MouseButton.LeftButton)
    assert stored(row.id, claim_id).tags == ["to verify"]
    stack.undo()
    assert stored(row.id, claim_id).tags == ["Markets", "to verify"]


def test_a_too_long_tag_is_refused_with_a_message(qtbot, inspector, article):
    panel, _, stack = inspector
    assert not panel.tags.add_tag("x" * 101)
    assert "at most 100" in panel.tags.error.text() and panel.tags.error.isVisibleTo(panel)
    assert stack.count() == 0


# -- note dialog ------------------------------------------------------------------------
def test_note_dialog_returns_the_note_or_none(qtbot):
    def write_and_save():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NoteDialog) and not dialog.save_button().isEnabled()
        qtbot.keyClicks(dialog.editor.editor, "A *quick* note")
        qtbot.keyClick(dialog.editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, write_and_save)
    assert NoteDialog.get_note(None, "plunged by 17%") == "A *quick* note"

    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert NoteDialog.get_note(None, "plunged by 17%") is None


def test_note_dialog_will_not_accept_an_empty_note(qtbot):
    dialog = NoteDialog("quote")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted


def _range(session, annotation_id):
    record = session.record(annotation_id)
    return record.start, record.end
