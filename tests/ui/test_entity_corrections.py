"""Entity corrections that stick: made in one article, applied to the library, undone."""

from PySide6.QtCore import Qt

from glossator.core import store
from glossator.core.services import articles
from glossator.ui.actions import Act
from glossator.ui.preferences_dialog import PreferencesDialog
from tests.samples import SAMPLE_ARTICLE
from tests.ui.test_main_window import open_and_wait

OTHER = ("Anthropic released a new model on Monday. The model beat OpenAI on the AIME benchmark, "
         "and Anthropic said AIME scores rose by 12%.\n")


def _entities(records, text):
    return sorted((r.start, text[r.start : r.end], r.label) for r in records if r.kind == "entity")


def _forms(records, text, form):
    return [label for _, written, label in _entities(records, text) if written == form]


def _mark_entity_action(window, label):
    return next(a for a in window.annotator.entity_menu.actions() if a.objectName() == f"action_mark_entity_{label}")


def test_corrections_reach_a_stored_article_and_undo_puts_labels_back(qtbot, window, tmp_path):
    other_path = tmp_path / "other.txt"
    other_path.write_text(OTHER, encoding="utf-8")
    other = articles.import_file(other_path).value.article
    articles.analyse(other.id)
    before = _entities(store.annotation_records(other.id), OTHER)
    assert _forms(store.annotation_records(other.id), OTHER, "AIME") == ["ORG", "ORG"]
    assert not _forms(store.annotation_records(other.id), OTHER, "Anthropic")

    article_id, _ = open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    text = window.session.article.text
    # "Anthropic" is not marked by the model: the reader marks it as an organisation.
    start = text.index("Anthropic")
    window.reader.select_range(start, start + len("Anthropic"))
    _mark_entity_action(window, "ORG").trigger()
    assert _forms(window.session.records, text, "Anthropic") == ["ORG"]
    # "AIME" (a benchmark) is a false positive.
    aime = next(r for r in window.session.records if r.kind == "entity" and r.quote == "AIME")
    window.session.select(aime.id)
    window.acts[Act.NOT_ENTITY].trigger()
    assert not _forms(window.session.records, text, "AIME")
    assert {(r.text, r.label) for r in store.list_entity_rules()} == {("Anthropic", "ORG"), ("AIME", "IGNORE")}

    # The bar offers the library; applying runs in the background.
    bar = window.relabel.bar
    assert bar.isVisible() and "1 other stored article" in bar.message.text()
    with qtbot.waitSignal(window.relabel.finished, timeout=120_000) as done:
        qtbot.mouseClick(bar.apply_button, Qt.MouseButton.LeftButton)
    assert done.args == [1]

    with qtbot.waitSignal(window.controller.analysis_finished, timeout=30_000):
        window.show_article(other.id)
    records = window.session.records
    assert _forms(records, OTHER, "Anthropic") == ["ORG", "ORG"]
    assert not _forms(records, OTHER, "AIME")
    assert window.acts[Act.UNDO_RELABEL].isEnabled()

    # Undo and redo of a library relabel run on the library worker and land a moment later.
    window.acts[Act.UNDO_RELABEL].trigger()
    qtbot.waitUntil(lambda: _entities(window.session.records, OTHER) == before, timeout=10_000)
    window.acts[Act.REDO_RELABEL].trigger()
    qtbot.waitUntil(lambda: _forms(window.session.records, OTHER, "Anthropic") == ["ORG", "ORG"], timeout=10_000)
    # The article the corrections were made in keeps them.
    assert not _forms(store.annotation_records(article_id), text, "AIME")


def test_marking_an_entity_can_be_undone_with_its_rule(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    text = window.session.article.text
    before = _entities(window.session.records, text)
    start = text.index("Bernstein")
    window.reader.select_range(start, start + len("Bernstein"))
    _mark_entity_action(window, "ORG").trigger()
    assert _forms(window.session.records, text, "Bernstein") == ["ORG"]
    assert [(r.text, r.label) for r in store.list_entity_rules()] == [("Bernstein", "ORG")]
    window.acts[Act.UNDO].trigger()
    assert _entities(window.session.records, text) == before
    assert store.list_entity_rules() == []


def test_preferences_page_lists_adds_and_removes_rules(qtbot):
    store.add_entity_rule("AI", "IGNORE")
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    page = dialog.rules_page
    assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Not an entity"
    changes = []
    dialog.rules_changed.connect(lambda: changes.append(True))
    page.text.setText("NVDA")
    page.label.setEditText("ticker")  # a custom type
    page.add_rule()
    assert page.rules() == [("AI", "IGNORE"), ("NVDA", "TICKER")]
    page.text.setText("ai")
    page.label.setCurrentIndex(page.label.findData("ORG"))
    page.add_rule()  # replaces the rule that said "AI" is not an entity
    assert page.rules() == [("NVDA", "TICKER"), ("ai", "ORG")]
    page.table.selectRow(0)
    page.remove_selected()
    assert page.rules() == [("ai", "ORG")] and len(changes) == 3


def test_mentioned_in_panel_follows_the_entity_and_opens_other_articles(qtbot, window, tmp_path):
    other_path = tmp_path / "chips.txt"
    other_path.write_text("Nvidia, the chipmaker, sold more chips than ever. Analysts said Nvidia would grow.\n",
                          encoding="utf-8")
    other = articles.import_file(other_path).value.article
    articles.analyse(other.id)
    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    # One click on the name in the Entities panel shows every article mentioning it.
    window.entities.activate("ORG", "Nvidia")
    panel = window.entity_index
    assert [e.article_id for e in panel.entries][-1] == other.id
    assert len(panel.entries) == 2 and "Nvidia (ORG)" in panel.summary.text()
    item = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                if panel.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)[0] == other.id)
    sentence = item.child(1)
    assert sentence.text(0) == "Analysts said Nvidia would grow."
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=30_000):
        panel.tree.itemClicked.emit(sentence, 0)
    assert window.session.article_id == other.id
    assert window.session.selected is not None and window.session.selected.quote == "Nvidia"


def test_rename_and_merge_entities_here_and_in_later_analyses(qtbot, window):
    open_and_wait(qtbot, window, SAMPLE_ARTICLE)
    text = window.session.article.text

    def names(label):
        return {n.name: len(n.mentions) for g in window.entities.model().groups if g.label == label for n in g.names}

    nvidia = names("ORG")["Nvidia"]
    window.entities_menu.rename("Nvidia", "Nvidia Corporation")
    assert names("ORG")["Nvidia Corporation"] == nvidia and "Nvidia" not in names("ORG")
    bernstein = [r for r in window.session.records if r.kind == "entity" and r.quote == "Bernstein"]
    assert bernstein and bernstein[0].label != "ORG"
    window.entities_menu.merge(bernstein[0].label, "Bernstein", into="OpenAI")
    merged = [r for r in window.session.records if r.kind == "entity" and r.quote == "Bernstein"]
    assert [(r.label, r.attrs["canonical"]) for r in merged] == [("ORG", "OpenAI")]
    # The next analysis of any article applies both.
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=120_000):
        window.reanalyse()
    assert names("ORG")["Nvidia Corporation"] == nvidia
    assert [(r.label, r.attrs["canonical"]) for r in window.session.records
            if r.kind == "entity" and r.quote == "Bernstein"] == [("ORG", "OpenAI")]
    window.acts[Act.UNDO].trigger()
    window.acts[Act.UNDO].trigger()
    assert [(r.text, r.label) for r in store.list_entity_rules()] == []
    assert text  # the article itself is never changed
