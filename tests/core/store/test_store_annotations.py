"""Notes, sources, tags, statuses and user annotations, and how they come back as records."""

import pytest

from glossator.core.annotation import AnnotationRecord, SourceRef
from glossator.core.errors import GlossatorError, NotFoundError
from glossator.core.store import (
    add_annotation,
    add_article_note,
    add_note,
    add_source,
    add_tag,
    annotation_records,
    article_notes,
    delete_annotation,
    delete_note,
    delete_source,
    get_annotation,
    list_tags,
    models,
    remove_tag,
    set_status,
    update_annotation,
    update_note,
    update_source,
)


def test_note_on_bare_range_creates_user_highlight(article_row, span_of):
    start, end = span_of(article_row.text, "approximately $600 billion")
    note = add_note(article_row.id, start, end, "Market cap, not revenue.")
    annotation = note.annotation
    assert (annotation.kind, annotation.origin, annotation.start, annotation.end) == ("highlight", "user", start, end)
    assert annotation.quote == "approximately $600 billion"
    assert annotation.prefix == article_row.text[start - 32 : start]
    assert annotation.suffix == article_row.text[end : end + 32]
    assert note.article_id == article_row.id


def test_context_is_cut_at_the_text_edges(article_row):
    note = add_note(article_row.id, 0, 6, "start")
    assert note.annotation.prefix == ""
    length = len(article_row.text)
    end_note = add_note(article_row.id, length - 10, length, "end")
    assert end_note.annotation.suffix == ""


def test_note_and_source_prefer_claim_then_entity(article_row, span_of):
    start, end = span_of(article_row.text, "Nvidia")
    add_annotation(article_row.id, "highlight", "", start, end)
    entity = add_annotation(article_row.id, "entity", "ORG", start, end, origin="auto")
    assert add_note(article_row.id, start, end, "on the entity").annotation_id == entity.id
    claim = add_annotation(article_row.id, "claim", "statistic", start, end)
    assert add_source(article_row.id, start, end, "https://nvidia.com").annotation_id == claim.id
    assert models.Annotation.select().count() == 3


@pytest.mark.parametrize(("start", "end"), [(-1, 5), (5, 5), (9, 3), (0, 10_000), (0.5, 4), (True, 4)])
def test_invalid_range_is_refused(article_row, start, end):
    with pytest.raises(GlossatorError):
        add_note(article_row.id, start, end, "x")
    with pytest.raises(GlossatorError):
        add_source(article_row.id, start, end, "https://example.org")
    assert models.Annotation.select().count() == 0


def test_missing_article_is_not_found():
    with pytest.raises(NotFoundError, match="No article with id 7"):
        add_note(7, 0, 1, "x")


@pytest.mark.parametrize(
    "url",
    ["", "example.org", "ftp://example.org/x", "javascript:alert(1)", "file:///etc/passwd",
     "https://", "mailto:nobody", "doi:nonsense", "https://exa mple.org"],
)
def test_bad_url_is_refused(article_row, url):
    with pytest.raises(GlossatorError):
        add_source(article_row.id, 0, 6, url)
    assert models.Source.select().count() == 0


@pytest.mark.parametrize(
    "url",
    ["https://example.org/a?b=1#c", "http://example.org", " HTTPS://Example.org ",
     "mailto:desk@example.org", "doi:10.1000/xyz123"],
)
def test_good_url_is_kept(article_row, url):
    source = add_source(article_row.id, 0, 6, url)
    assert source.url == url.strip()


def test_bad_stance_is_refused(article_row):
    with pytest.raises(GlossatorError, match="stance"):
        add_source(article_row.id, 0, 6, "https://example.org", stance="agrees")
    assert models.Annotation.select().count() == 0


def test_blank_note_is_refused(article_row):
    with pytest.raises(GlossatorError, match="needs some text"):
        add_note(article_row.id, 0, 6, "   \n ")


def test_update_and_delete_note_and_source(article_row):
    note = add_note(article_row.id, 0, 6, "first")
    update_note(note.id, "  second\n\n")
    source = add_source(article_row.id, 0, 6, "https://a.org", "A", "supports")
    update_source(source.id, stance="refutes", note="outdated")
    [record] = annotation_records(article_row.id)
    assert record.notes == ["  second"]
    assert record.sources == [SourceRef("https://a.org", "A", "refutes", "outdated", id=record.sources[0].id)]
    assert record.sources[0].id is not None
    with pytest.raises(GlossatorError):
        update_source(source.id, url="not a link")

    delete_note(note.id)
    delete_source(source.id)
    [record] = annotation_records(article_row.id)
    assert record.notes == [] and record.sources == []
    with pytest.raises(NotFoundError):
        delete_note(note.id)
    with pytest.raises(NotFoundError):
        update_source(source.id, title="gone")


def test_article_notes(article_row):
    add_article_note(article_row.id, "Overall: check the market figures.")
    add_note(article_row.id, 0, 6, "on a passage")
    assert [note.body for note in article_notes(article_row.id)] == ["Overall: check the market figures."]
    assert annotation_records(article_row.id)[0].notes == ["on a passage"]


def test_status_and_tags(article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    claim = add_annotation(article_row.id, "claim", "statistic", start, end, score=0.8)
    set_status(claim.id, "disputed")
    add_tag(claim.id, "  markets  ")
    add_tag(claim.id, "markets")
    add_tag(claim.id, "Follow up")
    assert list_tags() == ["Follow up", "markets"]
    remove_tag(claim.id, "Follow up")
    remove_tag(claim.id, "never added")
    assert list_tags() == ["markets"]
    [record] = annotation_records(article_row.id)
    assert record.status == "disputed" and record.tags == ["markets"]
    with pytest.raises(GlossatorError, match="status"):
        set_status(claim.id, "maybe")
    with pytest.raises(GlossatorError, match="name"):
        add_tag(claim.id, " ")
    with pytest.raises(NotFoundError):
        set_status(9999, "supported")


def test_add_annotation_same_range_relabels(article_row):
    first = add_annotation(article_row.id, "entity", "ORG", 0, 6)
    again = add_annotation(article_row.id, "entity", "PERSON", 0, 6)
    assert again.id == first.id
    assert get_annotation(first.id).label == "PERSON"
    with pytest.raises(GlossatorError, match="kind"):
        add_annotation(article_row.id, "comment", "", 0, 6)


def test_update_annotation_marks_user_edit(article_row):
    row = add_annotation(article_row.id, "entity", "ORG", 0, 6, origin="auto", attrs={"source": "ner"})
    update_annotation(row.id, label="GPE", attrs={"reason": "country"})
    stored = get_annotation(row.id)
    assert stored.label == "GPE"
    assert stored.attrs == {"source": "ner", "reason": "country", "user_edited": True}


def test_delete_annotation_takes_notes_sources_tags(article_row):
    note = add_note(article_row.id, 0, 6, "n")
    add_source(article_row.id, 0, 6, "https://a.org")
    add_tag(note.annotation_id, "t")
    delete_annotation(note.annotation_id)
    for model in (models.Annotation, models.Note, models.Source, models.AnnotationTag):
        assert model.select().count() == 0
    assert list_tags() == []


def test_records_sorted_and_loaded_in_constant_queries(article_row, count_statements):
    text_length = len(article_row.text)
    for start in range(0, text_length - 10, 7):
        add_annotation(article_row.id, "entity", "ORG", start, start + 5, origin="auto")
    for start in range(3, text_length - 10, 11):
        note = add_note(article_row.id, start, start + 4, f"note {start}")
        add_source(article_row.id, start, start + 4, f"https://example.org/{start}")
        add_tag(note.annotation_id, f"tag{start % 3}")

    count_statements.statements.clear()
    records = annotation_records(article_row.id)
    assert len(count_statements) <= 6
    assert all(isinstance(record, AnnotationRecord) for record in records)
    assert [record.start for record in records] == sorted(record.start for record in records)
    noted = [record for record in records if record.notes]
    assert len(noted) == len(range(3, text_length - 10, 11))
    assert all(len(record.sources) == 1 and len(record.tags) == 1 for record in noted)
    assert noted[0].notes == ["note 3"] and noted[0].tags == ["tag0"]


def test_records_for_missing_article():
    with pytest.raises(NotFoundError):
        annotation_records(123)


def test_failed_write_leaves_nothing_half_stored(article_row, monkeypatch):
    def broken_create(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(models.Note, "create", broken_create)
    with pytest.raises(RuntimeError):
        add_note(article_row.id, 0, 6, "x")
    # The highlight made for the note was rolled back with it.
    assert models.Annotation.select().count() == 0
