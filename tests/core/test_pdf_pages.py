"""A PDF's passages know their pages: the exports cite them and the boxes find them on the page."""

import json

from glossator.core import store
from glossator.core.pages import page_at, page_boxes, page_label, page_span, page_starts
from glossator.core.services import annotating, articles, exports
from tests.pdf_documents import SAMPLE, Document, Layout, make_pdf
from tests.web_annotation_schemas import collection_failures

LONG = Document(title=SAMPLE.title, author=SAMPLE.author, blocks=SAMPLE.blocks * 6, footnotes=SAMPLE.footnotes)


def stored_pdf(tmp_path):
    path = tmp_path / "flood-report.pdf"
    path.write_bytes(make_pdf(LONG, Layout(columns=2, running_head="Porthaven report")).data)
    return articles.import_file(path).value.article


def last_page_passage(article) -> tuple[int, int, int]:
    number, start, _ = article.metadata["pages"][-1]
    end = article.text.index(" ", start + 12)
    return number, start, end


def test_pages_of_passages(tmp_path):
    article = stored_pdf(tmp_path).article
    meta = article.metadata
    number, start, end = last_page_passage(article)
    assert number >= 2
    assert page_span(meta, start, end) == (number, number)
    assert page_label(meta, start, end) == f"p. {number}"
    assert page_label(meta, 0, len(article.text)) == f"pp. 1–{number}"
    assert page_at(meta, 0) == 1
    assert [page for page, _ in page_starts(meta)] == list(range(1, number + 1))
    assert page_label({}, 0, 5) == "" and page_boxes({}, 0, 5) == []


def test_boxes_cover_the_passage_on_its_page(tmp_path):
    article = stored_pdf(tmp_path).article
    number, start, end = last_page_passage(article)
    boxes = page_boxes(article.metadata, start, end)
    assert len(boxes) == 1 and boxes[0].page == number
    line = next(line for line in article.metadata["line_boxes"] if line[0] == start)
    assert abs(boxes[0].x0 - line[3]) < 0.01 and boxes[0].x1 < line[5]
    whole = page_boxes(article.metadata, start, start + 400)
    assert len(whole) > 3 and all(b.page == number for b in whole)


def test_markdown_cites_pages_and_imports_back(tmp_path):
    stored = stored_pdf(tmp_path)
    number, start, end = last_page_passage(stored.article)
    annotating.add_note(stored.id, start, end, "Check this against the council minutes.")
    claim = annotating.add_annotation(stored.id, "claim", "statistic", 0, 20).value
    annotating.set_status(claim, "disputed")
    markdown = exports.render_markdown(stored.id)
    assert f"Highlight (p. {number}). Note: Check this against the council minutes." in markdown
    assert "Claim (statistic, disputed; p. 1)." in markdown
    target = tmp_path / "report.md"
    target.write_text(markdown, encoding="utf-8")
    other = tmp_path / "other.db"
    store.close_database()
    store.open_database(other)
    report = articles.import_file(target).value
    assert report.from_export and report.notes == 1 and report.statuses == 1
    records = annotating.annotation_records(report.article.id)
    highlight = next(r for r in records if r.kind == "highlight")
    assert highlight.label == "" and (highlight.start, highlight.end) == (start, end)


def test_web_annotations_give_the_page(tmp_path):
    stored = stored_pdf(tmp_path)
    number, start, end = last_page_passage(stored.article)
    annotating.add_note(stored.id, start, end, "Which minutes?")
    collection = json.loads(exports.render_web_annotations(stored.id))
    assert collection_failures(collection) == []
    (item,) = collection["first"]["items"]
    fragment = next(s for s in item["target"]["selector"] if s["type"] == "FragmentSelector")
    assert fragment["value"] == f"page={number}"
    assert fragment["conformsTo"] == "http://tools.ietf.org/rfc/rfc3778"
    assert fragment["refinedBy"]["exact"] == stored.article.text[start:end]
