"""The real window, driven as a reader would: open, see, annotate, undo, export."""

from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from glossator.core import store
from glossator.ui.actions import Act
from tests.samples import ROOT, SAMPLE_ARTICLE


def open_and_wait(qtbot, window, path, timeout=120_000):
    """Open a file through the window and wait until its own analysis is done (or cached)."""
    opened, finished = [], {}
    window.controller.article_opened.connect(lambda aid, p: opened.append(aid) if p == str(path) else None)
    window.controller.analysis_finished.connect(lambda aid, ran: finished.setdefault(aid, ran))
    window.open_files([str(path)])
    qtbot.waitUntil(lambda: bool(opened) and opened[0] in finished, timeout=timeout)
    return opened[0], finished[opened[0]]


def test_window_appears_before_the_model_loads(qtbot, window):
    assert window.isVisible()
    assert window.session.article_id is None
    assert window.docks["library"].isVisible()


def test_open_sample_shows_highlights_and_panels(qtbot, window):
    article_id, ran = open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    assert window.session.article_id == article_id
    text = window.session.article.text
    records = window.session.records
    nvidia = [r for r in records if r.kind == "entity" and text[r.start:r.end] == "Nvidia"]
    assert nvidia and all(r.label == "ORG" for r in nvidia)
    # The reader paints the entity at its exact characters.
    first = nvidia[0]
    assert window.reader.document_text(first.start, first.end) == "Nvidia"
    assert window.reader.has_overlay_at(first.start, "entity")
    claim = next(r for r in records if r.kind == "claim" and "17%" in r.quote)
    assert window.reader.has_overlay_at(claim.start + 1, "claim")
    # Panels list what the issue names.
    orgs = {n.name for g in window.entities.model().groups if g.label == "ORG" for n in g.names}
    assert {"Nvidia", "OpenAI", "DeepSeek"} <= orgs
    claims = window.claims.model()
    assert any("17%" in claims.claim(row).quote for row in range(claims.rowCount()))
    assert window.windowTitle().startswith("DeepSeek R1 AI Model Disrupts")
    # The status bar says what kind of text it was read as, which moves the claim scores.
    assert window.analysis_label.text().endswith("claims · read as news report")
    # The Claims tab lists the most check-worthy first.
    view = window.claims.view
    shown = [view.model().index(row, 0) for row in range(view.model().rowCount())]
    scores = [window.claims.model().claim(window.claims.proxy.mapToSource(i).row()).score for i in shown]
    assert scores == sorted(scores, reverse=True) and scores


def test_reopening_an_analysed_article_runs_no_model(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    window.show_article(None)
    _, ran = open_and_wait(qtbot, window, SAMPLE_ARTICLE, timeout=10_000)
    assert ran is False  # cached: the model did not run


def _select_sentence(window, needle):
    text = window.session.article.text
    start = text.index(needle)
    window.reader.select_range(start, start + len(needle))
    return start, start + len(needle)


def _answer_dialog(qtbot, kind, fill):
    """When the modal dialog of ``kind`` opens, fill it in like a user and press OK."""
    from PySide6.QtWidgets import QApplication

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, answer)
            return
        fill(dialog)
        qtbot.mouseClick(dialog.ok_button() if hasattr(dialog, "ok_button") else dialog.save_button(),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_note_and_source_through_the_ui_survive_a_new_window(qtbot, window, settings):
    from glossator.ui.main_window import MainWindow
    from glossator.ui.note_dialog import NoteDialog
    from glossator.ui.source_dialog import SourceDialog

    article_id, _ = open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    start, end = _select_sentence(window, "Liang has openly discussed his initial curiosity")
    _answer_dialog(qtbot, NoteDialog, lambda d: qtbot.keyClicks(d.editor.editor, "Interview from 2023?"))
    window.acts[Act.ADD_NOTE].trigger()
    _select_sentence(window, "Liang has openly discussed his initial curiosity")

    def fill_source(dialog):
        qtbot.keyClicks(dialog.url, "https://example.org/liang")
        qtbot.keyClicks(dialog.title, "Profile")

    _answer_dialog(qtbot, SourceDialog, fill_source)
    window.acts[Act.ADD_SOURCE].trigger()
    record = next(r for r in window.session.records if (r.start, r.end) == (start, end))
    assert record.notes == ["Interview from 2023?"]
    assert record.sources[0].url == "https://example.org/liang"

    # Undo and redo of the note.
    window.acts[Act.UNDO].trigger()  # the source
    window.acts[Act.UNDO].trigger()  # the note (and the highlight it created)
    assert not [r for r in window.session.records if (r.start, r.end) == (start, end)]
    window.acts[Act.REDO].trigger()
    window.acts[Act.REDO].trigger()
    record = next(r for r in window.session.records if (r.start, r.end) == (start, end))
    assert record.notes == ["Interview from 2023?"] and len(record.sources) == 1

    window.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.controller.analysis_finished, timeout=10_000):
        second.show_article(article_id)
    record = next(r for r in second.session.records if (r.start, r.end) == (start, end))
    assert record.notes == ["Interview from 2023?"]
    assert record.sources[0].title == "Profile"
    second.pools.wait()


def test_not_an_entity_is_remembered_for_later_articles(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    bernstein = next(r for r in window.session.records if r.kind == "entity" and r.quote == "Bernstein")
    window.session.select(bernstein.id)
    window.acts[Act.NOT_ENTITY].trigger()
    assert not [r for r in window.session.records if r.kind == "entity" and r.quote == "Bernstein"]
    assert [(r.text, r.label) for r in store.list_entity_rules()] == [("Bernstein", "IGNORE")]
    other = tmp_path / "other.txt"
    other.write_text("Analysts at Bernstein said Apple shares rose 3% in London on Monday.\n", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    assert not [r for r in window.session.records if r.kind == "entity" and r.quote == "Bernstein"]
    assert [r for r in window.session.records if r.kind == "entity" and r.quote == "London"]


def test_export_through_the_menu_action(qtbot, window, tmp_path, monkeypatch):
    from glossator.ui import export_dialog

    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    target = tmp_path / "export.md"

    def fake_exec(dialog):
        assert "<mark" in dialog.markdown_text()
        dialog.save_to(target)
        return 1

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    window.acts[Act.EXPORT_MARKDOWN].trigger()
    md = target.read_text(encoding="utf-8")
    assert md.startswith("---\n") and "## Claims" in md and "Marc Andreessen" in md


def test_second_article_opens_while_the_first_is_analysed(qtbot, window, tmp_path):
    book = tmp_path / "book.txt"
    book.write_text((ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt").read_text(encoding="utf-8"),
                    encoding="utf-8")
    window.open_files([str(book)])
    qtbot.waitUntil(lambda: bool(window.controller.pending()), timeout=10_000)
    second = open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    assert window.session.article_id == second[0]
    assert window.session.records


def test_gui_stays_responsive_during_a_long_analysis(qtbot, window, tmp_path):
    excerpt = (ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt").read_text(encoding="utf-8")
    words = len(excerpt.split())
    book = tmp_path / "long.txt"
    copies = -(-200_000 // words)  # at least 200,000 words
    book.write_text("\n\n".join([excerpt] * copies), encoding="utf-8")
    window.open_files([str(book)])
    qtbot.waitUntil(lambda: bool(window.controller.pending()), timeout=60_000)
    # From here the long text is on screen and the analysis runs; the GUI thread must keep ticking.
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(8_000)
    timer.stop()
    window.controller.cancel()
    longest = max(gaps)
    print(f"\nlongest gap between 20 ms timer ticks during analysis of {copies * words:,} words: {longest} ms")
    assert longest < 1_500


def test_library_panel_uses_the_windows_actions(window):
    assert window.library.open_action is window.acts[Act.LIBRARY_OPEN]
    assert window.library.delete_action is window.acts[Act.LIBRARY_DELETE]
