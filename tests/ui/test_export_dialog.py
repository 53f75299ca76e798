"""The export dialog previews exactly what it saves, with the options the reader picks."""

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from glossator.core import store
from glossator.core.errors import GlossatorError
from glossator.core.readers import read_text
from glossator.core.services import articles
from glossator.ui import file_dialogs
from glossator.ui.export_dialog import ExportDialog, file_name_for, qt_html

TEXT = (
    "DeepSeek R1 shakes the markets\n\n"
    "Following the launch, Nvidia's share price plunged by 17%, wiping out approximately "
    "$600 billion from its market cap.\n"
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
    store.add_note(row.id, start, start + len(CLAIM), "Check the **closing** price")
    name = row.text.index("Nvidia")
    store.add_annotation(row.id, "entity", "ORG", name, name + len("Nvidia"), origin="auto")
    return articles.get_article(row.id), claim.id


@pytest.fixture
def dialog(qtbot, article):
    dialog = ExportDialog(article[0])
    qtbot.addWidget(dialog)
    return dialog


def test_preview_shows_the_claim_mark_and_its_footnote(dialog):
    md = dialog.markdown_text()
    assert f'<mark class="claim">{CLAIM}</mark>[^c1]' in md
    html = dialog.preview_html()
    assert f'<mark class="claim">{CLAIM}</mark>' in html
    assert 'class="footnote"' in html and "<strong>closing</strong>" in html
    assert "title:" not in html  # the front matter is on the Markdown tab only
    assert dialog.source.toPlainText() == md
    shown = dialog.preview.toPlainText()
    assert CLAIM in shown and "Claims" in shown


def test_options_change_the_export(dialog):
    assert dialog.options() == {"entities": "inline", "min_claim_score": 0.5}
    assert "**Nvidia**" in dialog.markdown_text() and "## Entities" in dialog.markdown_text()
    dialog.set_entities("index")
    assert "**Nvidia**" not in dialog.markdown_text() and "## Entities" in dialog.markdown_text()
    dialog.set_entities("none")
    assert "## Entities" not in dialog.markdown_text()
    dialog.set_min_claim_score(0.9)
    assert "<mark" not in dialog.markdown_text() and "[^c1]" not in dialog.preview_html()
    with pytest.raises(ValueError):
        dialog.set_entities("everything")


def test_the_preview_follows_the_options_after_a_short_pause(qtbot, dialog):
    dialog.min_score.setValue(0.95)
    qtbot.waitUntil(lambda: "<mark" not in dialog.source.toPlainText())


def test_save_to_writes_exactly_the_previewed_markdown(tmp_path, dialog):
    dialog.set_entities("index")
    written = dialog.save_to(tmp_path / "out.md")
    assert written == (tmp_path / "out.md").resolve()
    assert written.read_text(encoding="utf-8") == dialog.markdown_text()


def test_save_asks_for_a_file_named_after_the_article(monkeypatch, tmp_path, dialog):
    asked = {}

    def ask(parent, caption, path, filters):
        asked["path"] = path
        return str(tmp_path / "chosen.md")

    monkeypatch.setattr(file_dialogs, "save_file_name", ask)
    assert dialog.save()
    assert asked["path"].endswith("deepseek-r1-shakes-the-markets.md")
    assert (tmp_path / "chosen.md").read_text(encoding="utf-8") == dialog.markdown_text()
    assert dialog.result() == ExportDialog.DialogCode.Accepted


def test_a_failed_save_is_reported_and_the_dialog_stays(monkeypatch, tmp_path, dialog):
    target = tmp_path / "missing" / "out.md"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args: str(target))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text)))
    assert not dialog.save()
    assert warnings and "does not exist" in warnings[0]
    with pytest.raises(GlossatorError):
        dialog.save_to(target)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args: "")
    assert not dialog.save()


def test_file_names_and_qt_markup():
    assert file_name_for("DeepSeek R1: AI Model Disrupts Global Tech Market!") == (
        "deepseek-r1-ai-model-disrupts-global-tech-market.md"
    )
    assert file_name_for("Café crème") == "cafe-creme.md"
    assert file_name_for("???") == "article.md"
    assert len(file_name_for("word " * 40)) <= 63
    assert qt_html('<mark class="claim">x</mark>') == '<span style="background-color: #ffe8cc">x</span>'


def test_json_ld_is_a_format_choice_with_its_own_options_and_preview(qtbot, dialog):
    from tests.web_annotation_schemas import collection_failures, items

    assert dialog.export_format() == "md" and dialog.tabs.isTabVisible(0)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonld"))  # as the reader picks it
    assert dialog.export_format() == "jsonld"
    assert not dialog.tabs.isTabVisible(0) and dialog.tabs.tabText(1) == "JSON-LD"
    assert dialog.tabs.currentIndex() == 1
    assert dialog.include_entities.isVisibleTo(dialog) and not dialog.entities.isVisibleTo(dialog)
    assert dialog.options() == {"include_entities": False, "min_claim_score": 0.5}
    data = json.loads(dialog.export_text())
    assert dialog.source.toPlainText() == dialog.export_text() and dialog.preview_html() == ""
    assert collection_failures(data) == []
    (claim,) = items(data)
    assert claim["target"]["selector"][0]["exact"] == CLAIM
    dialog.include_entities.setChecked(True)
    qtbot.waitUntil(lambda: json.loads(dialog.source.toPlainText())["total"] == 2)
    dialog.set_format("md")
    assert dialog.export_text().startswith("---\n") and dialog.tabs.isTabVisible(0)
    with pytest.raises(ValueError):
        dialog.set_format("pdf")


def test_saving_json_ld_asks_for_a_jsonld_file_and_writes_the_preview(monkeypatch, tmp_path, dialog):
    dialog.set_format("jsonld")
    asked = {}

    def ask(parent, caption, path, filters):
        asked.update(caption=caption, path=path, filters=filters)
        return str(tmp_path / "chosen.jsonld")

    monkeypatch.setattr(file_dialogs, "save_file_name", ask)
    assert dialog.save()
    assert asked["path"].endswith("deepseek-r1-shakes-the-markets.jsonld")
    assert asked["filters"].startswith("W3C Web Annotation JSON-LD (*.jsonld *.json)")
    assert "JSON-LD" in asked["caption"]
    assert (tmp_path / "chosen.jsonld").read_text(encoding="utf-8") == dialog.export_text()
