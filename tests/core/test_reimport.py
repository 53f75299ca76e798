"""Importing a Glossator export into a library: the article and the reader's work come back."""

from datetime import UTC, datetime

import pytest

from glossator.core import reimport, store
from glossator.core.formats.glossator_markdown.links import link_target
from glossator.core.services import articles, exports
from tests.samples import SAMPLE_ARTICLE, sample_text

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
HOSTILE_NOTE = (
    "Check {x} against <b>the close</b> and [^1] as written\n"
    "\n"
    "# not a heading\n"
    "See [Reuters](https://www.reuters.com/markets/) and `{code}`.\n"
    "```\n"
    "{raw} <i>kept</i> [^2]\n"
    "```\n"
    "last line without a full stop"
)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _annotated_sample():
    """The sample, analysed, with notes, sources of every stance, statuses, tags and highlights."""
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    claims = sorted(
        (r for r in store.annotation_records(row.id) if r.kind == "claim" and (r.score or 0) >= 0.5),
        key=lambda r: r.start,
    )
    first, second, third = claims[:3]
    store.add_note(row.id, first.start, first.end, HOSTILE_NOTE)
    store.add_note(row.id, first.start, first.end, "Second note.")
    store.add_source(row.id, first.start, first.end, "https://example.com/a(b)", "Wire | desk", "refutes",
                     "a lower figure; see p. 2")
    store.add_source(row.id, first.start, first.end, "doi:10.1000/xyz", "", "supports")
    store.add_source(row.id, second.start, second.end, "mailto:desk@example.com", "Desk", "context", "asked")
    store.set_status(first.id, "disputed")
    store.set_status(second.id, "supported")
    store.add_tag(second.id, "to check")
    store.set_status(third.id, "false")
    start, end = _span(row.text, "costing under $6 million")
    store.add_note(row.id, start, end, "Compare with *Llama*.")
    store.add_annotation(row.id, "highlight", "", *_span(row.text, "Hangzhou"))
    store.add_annotation(row.id, "claim", "comparison", *_span(row.text, "significantly fewer resources"))
    store.add_article_note(row.id, "Reads like *PR* {x}\n\n<script>two</script> paragraphs")
    return row


def _user_work(article_id: int) -> list[tuple]:
    """What the reader did, comparable across libraries."""
    work = []
    for r in store.annotation_records(article_id):
        if r.kind == "entity" or not (r.notes or r.sources or r.tags or r.status != "unchecked" or r.origin == "user"):
            continue
        # A DOI is linked through doi.org in the export, and comes back as that link.
        sources = [(link_target(s.url), s.title, s.stance, s.note) for s in r.sources]
        work.append((r.kind, r.label, r.start, r.end, r.status, r.origin, r.notes, sources, r.tags))
    notes = [n.body for n in store.article_notes(article_id)]
    return [*work, notes]


def _without_source_line(markdown: str) -> str:
    return "\n".join(line for line in markdown.split("\n") if not line.startswith("source: "))


def _fresh_library(tmp_path, name: str) -> None:
    store.close_database()
    store.open_database(tmp_path / name)


def test_export_imported_into_a_new_library_gives_back_text_and_annotations(tmp_path):
    row = _annotated_sample()
    text, work = row.text, _user_work(row.id)
    exported = exports.render_markdown(row.id, exported_at=STAMP)
    path = tmp_path / "deepseek.md"
    path.write_text(exported, encoding="utf-8")

    _fresh_library(tmp_path, "second.db")
    report = reimport.import_path(path)
    assert report.from_export and not report.merged
    assert (report.notes, report.sources, report.statuses, report.tags) == (4, 3, 3, 1)
    assert report.summary().startswith("Restored 4 notes and 3 sources from a Glossator export")
    assert report.warnings == []
    restored = report.row
    assert restored.text == text
    assert restored.title == "DeepSeek R1 AI Model Disrupts Global Tech Market"
    articles.analyse(restored.id)
    assert _user_work(restored.id) == work
    again = exports.render_markdown(restored.id, exported_at=STAMP)
    assert _without_source_line(again) == _without_source_line(exported)


def test_importing_into_the_library_holding_the_text_adds_only_what_is_missing(tmp_path):
    row = _annotated_sample()
    path = tmp_path / "deepseek.md"
    path.write_text(exports.render_markdown(row.id, exported_at=STAMP), encoding="utf-8")
    work = _user_work(row.id)

    report = reimport.import_path(path)
    assert report.row.id == row.id and report.merged
    assert (report.notes, report.sources, report.statuses, report.tags) == (0, 0, 0, 0)
    assert _user_work(row.id) == work

    claim = next(r for r in store.annotation_records(row.id) if r.kind == "claim" and r.status == "supported")
    store.delete_note(store.article_notes(row.id)[0].id)
    store.delete_source(claim.sources[0].id)
    report = reimport.import_path(path)
    assert (report.notes, report.sources) == (1, 1)
    assert "already in the library" in report.summary()
    assert _user_work(row.id) == work


def test_the_library_import_path_restores_an_export(tmp_path):
    row = _annotated_sample()
    path = tmp_path / "deepseek.md"
    path.write_text(exports.render_markdown(row.id, exported_at=STAMP), encoding="utf-8")
    _fresh_library(tmp_path, "second.db")
    restored = articles.import_file(path).value.article
    assert restored.text == sample_text()
    assert any(r.notes for r in store.annotation_records(restored.id))


def test_a_garbled_export_keeps_its_text_and_warns(tmp_path):
    row = _annotated_sample()
    exported = exports.render_markdown(row.id, exported_at=STAMP)
    _fresh_library(tmp_path, "second.db")

    # Footnote definitions removed: the marks stay, claims take their details from the table.
    cut = exported[: exported.index("\n[^")]
    path = tmp_path / "no-footnotes.md"
    path.write_text(cut, encoding="utf-8")
    report = reimport.import_path(path)
    assert report.row.text == row.text
    assert report.notes == 1  # the article note, which is no footnote
    assert "have lost their footnotes" in report.summary()
    assert any(r.kind == "claim" and r.status == "disputed" for r in store.annotation_records(report.row.id))

    # Body markers gone: plain Markdown, with a warning, and no text lost.
    path = tmp_path / "no-markers.md"
    path.write_text(exported.replace("<!-- /glossator:body -->", ""), encoding="utf-8")
    report = reimport.import_path(path)
    assert not report.from_export
    assert "imported as plain Markdown" in report.summary()
    assert "Nvidia" in report.row.text

    # An edited body: the edit is kept, the marks on the rest still land on their words.
    edited = exported.replace("Hangzhou", "Hangzhou (China)", 1)
    path = tmp_path / "edited.md"
    path.write_text(edited, encoding="utf-8")
    report = reimport.import_path(path)
    assert "Hangzhou (China)" in report.row.text
    for record in store.annotation_records(report.row.id):
        assert report.row.text[record.start : record.end] == record.quote


def test_an_ordinary_markdown_file_is_imported_as_before(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("---\ngenerator: hugo\n---\n\n# Title\n\nSome *text*.\n", encoding="utf-8")
    report = reimport.import_path(path)
    assert not report.from_export and report.summary() == ""
    assert report.row.text.endswith("Some text.")


@pytest.mark.parametrize("body", ["", "no markers at all",
                                  "<!-- glossator:body -->\n\na lone * star\n\n<!-- /glossator:body -->"])
def test_broken_exports_fall_back_to_plain_markdown(tmp_path, body):
    path = tmp_path / "broken.md"
    path.write_text(f'---\ntitle: "T"\ngenerator: glossator 0.1.0\n---\n\n{body}\n\nEnd.\n', encoding="utf-8")
    report = reimport.import_path(path)
    assert not report.from_export
    assert "looks like a Glossator export" in report.summary()
    assert "End." in report.row.text


def test_lines_added_after_the_article_are_named_in_a_warning(tmp_path):
    path = tmp_path / "added.md"
    path.write_text(
        '---\ntitle: "T"\ngenerator: glossator 0.1.0\n---\n\n<!-- glossator:body -->\n\n'
        "Body **text\n\n<!-- /glossator:body -->\n\nA paragraph typed in later.\n",
        encoding="utf-8",
    )
    report = reimport.import_path(path)
    assert report.from_export and report.row.text == "Body text"
    assert "1 tag(s) in the text are not closed" in report.summary()
    assert "1 line(s) after the article are not Glossator's" in report.summary()
