"""Opening a Glossator export in the window brings back its notes and sources."""

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from glossator.core import store
from glossator.core.services import articles, exports
from tests.samples import SAMPLE_ARTICLE
from tests.ui.test_main_window import open_and_wait

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
NOTE = "Check {x} against <b>the close</b>\n\nsecond paragraph"


def _export_of_annotated_sample(tmp_path):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    start = row.text.index("costing under $6 million")
    end = start + len("costing under $6 million")
    store.add_note(row.id, start, end, NOTE)
    store.add_source(row.id, start, end, "https://example.org/cost", "Cost", "refutes", "lower")
    store.add_article_note(row.id, "Reads like *PR*.")
    path = tmp_path / "deepseek.md"
    path.write_text(exports.render_markdown(row.id, exported_at=STAMP), encoding="utf-8")
    store.close_database()
    store.open_database(tmp_path / "fresh.db")
    return path, row.text


def _tooltips(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index.data(Qt.ItemDataRole.ToolTipRole) or index.data())
        found += _tooltips(model, index)
    return found


def test_opening_an_export_restores_its_notes_in_the_notes_panel(qtbot, window, tmp_path):
    path, text = _export_of_annotated_sample(tmp_path)
    messages = []
    window.controller.import_reported.connect(lambda _aid, message: messages.append(message))
    article_id, _ = open_and_wait(qtbot, window, path)

    assert store.get_article(article_id).text == text
    assert messages and messages[0].startswith("Restored 2 notes and 1 sources from a Glossator export")
    assert window.statusBar().currentMessage() == messages[0]
    shown = _tooltips(window.notes.model())
    assert NOTE in shown and "Reads like *PR*." in shown
    assert any("https://example.org/cost" in str(item) for item in shown)
