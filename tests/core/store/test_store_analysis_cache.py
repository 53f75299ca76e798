"""Analysis results: cached per model and pipeline, replacing only what the reader left alone."""

import pytest

from glossator.core.annotation import Span
from glossator.core.store import (
    add_note,
    add_source,
    add_tag,
    annotation_records,
    has_analysis,
    models,
    save_article,
    set_status,
    store_analysis,
    update_annotation,
)

KEYS = dict(model_name="en_core_web_sm", model_version="3.8.0", pipeline_version="1")


def _spans(text, span_of):
    return [
        Span("entity", "ORG", *span_of(text, "Nvidia")),
        Span("entity", "PERSON", *span_of(text, "Marc Andreessen")),
        Span("claim", "statistic", *span_of(text, "Nvidia's share price plunged by 17%"), score=0.91,
             attrs={"speaker": "", "cue": "17%"}),
        Span("claim", "attribution", *span_of(text, "According to reports"), score=0.5,
             attrs={"speaker": "unnamed", "cue": "according to"}),
    ]


def _auto(article_row, kind, phrase, span_of):
    start, end = span_of(article_row.text, phrase)
    return models.Annotation.get(
        (models.Annotation.kind == kind) & (models.Annotation.start == start) & (models.Annotation.end == end)
    )


def test_store_and_cache_lookup(article_row, span_of):
    assert not has_analysis(article_row.text_hash, **KEYS)
    run = store_analysis(article_row, _spans(article_row.text, span_of), **KEYS)
    assert run.span_count == 4
    assert has_analysis(article_row.text_hash, **KEYS)
    assert not has_analysis(article_row.text_hash, "en_core_web_sm", "3.8.0", "2")
    assert not has_analysis(article_row.text_hash, "en_core_web_sm", "3.9.0", "1")
    assert not has_analysis(article_row.text_hash, "en_core_web_md", "3.8.0", "1")
    assert not has_analysis("f" * 64, **KEYS)

    records = annotation_records(article_row.id)
    assert [(r.kind, r.label, r.origin, r.status) for r in records][:2] == [
        ("entity", "ORG", "auto", "unchecked"),
        ("claim", "statistic", "auto", "unchecked"),
    ]
    claim = records[1]
    assert claim.quote == "Nvidia's share price plunged by 17%"
    assert claim.score == pytest.approx(0.91)
    assert claim.attrs == {"speaker": "", "cue": "17%"}
    stored = models.Annotation.get_by_id(claim.id)
    assert stored.suffix == article_row.text[claim.end : claim.end + 32]


def test_storing_again_records_one_run(article_row, span_of):
    store_analysis(article_row, _spans(article_row.text, span_of), **KEYS)
    store_analysis(article_row, _spans(article_row.text, span_of)[:1], **KEYS)
    assert models.AnalysisRun.select().count() == 1
    assert models.AnalysisRun.get().span_count == 1
    assert models.Annotation.select().count() == 1


def test_reanalysis_replaces_untouched_auto_annotations(article_row, span_of):
    text = article_row.text
    store_analysis(article_row, _spans(text, span_of), **KEYS)
    new = [Span("entity", "ORG", *span_of(text, "DeepSeek"))]
    store_analysis(article_row, new, model_name="en_core_web_md", model_version="3.8.0", pipeline_version="1")
    assert [(r.kind, r.quote) for r in annotation_records(article_row.id)] == [("entity", "DeepSeek")]


def test_reanalysis_keeps_touched_and_user_annotations(article_row, span_of):
    text = article_row.text
    store_analysis(article_row, _spans(text, span_of), **KEYS)
    nvidia = _auto(article_row, "entity", "Nvidia", span_of)
    marc = _auto(article_row, "entity", "Marc Andreessen", span_of)
    stat = _auto(article_row, "claim", "Nvidia's share price plunged by 17%", span_of)
    reports = _auto(article_row, "claim", "According to reports", span_of)
    add_tag(nvidia.id, "companies")
    add_note(article_row.id, marc.start, marc.end, "Investor, a16z.")
    set_status(stat.id, "supported")
    add_source(article_row.id, reports.start, reports.end, "https://example.org/report")
    user_mark = models.Annotation.create(
        article=article_row.id, kind="entity", label="PRODUCT", start=span_of(text, "R1")[0],
        end=span_of(text, "R1")[1], quote="R1", origin="user",
    )

    again = _spans(text, span_of) + [
        Span("entity", "PRODUCT", *span_of(text, "R1")),
        Span("entity", "ORG", *span_of(text, "DeepSeek")),
    ]
    store_analysis(article_row, again, model_name="other", model_version="1", pipeline_version="2")

    records = annotation_records(article_row.id)
    keys = sorted((r.kind, r.start, r.end) for r in records)
    assert len(keys) == len(set(keys)) == 6
    by_id = {r.id: r for r in records}
    for kept in (nvidia, marc, stat, reports, user_mark):
        assert kept.id in by_id
    assert by_id[nvidia.id].tags == ["companies"]
    assert by_id[marc.id].notes == ["Investor, a16z."]
    assert by_id[stat.id].status == "supported"
    assert by_id[reports.id].sources[0].url == "https://example.org/report"
    assert by_id[user_mark.id].origin == "user"
    quotes = [r.quote for r in records]
    assert quotes.count("DeepSeek") == 1 and quotes.count("R1") == 1


def test_reanalysis_keeps_user_edited_annotation(article_row, span_of):
    store_analysis(article_row, _spans(article_row.text, span_of), **KEYS)
    marc = _auto(article_row, "entity", "Marc Andreessen", span_of)
    update_annotation(marc.id, label="ORG")
    store_analysis(article_row, [], **KEYS)
    [record] = annotation_records(article_row.id)
    assert (record.id, record.label) == (marc.id, "ORG")


def test_user_edited_text_in_other_attrs_does_not_keep(article_row, span_of):
    start, end = span_of(article_row.text, "Nvidia")
    store_analysis(article_row, [Span("entity", "ORG", start, end, attrs={"note": "user_edited: no"})], **KEYS)
    store_analysis(article_row, [], **KEYS)
    assert annotation_records(article_row.id) == []


def test_span_outside_text_is_a_bug(article_row):
    with pytest.raises(ValueError):
        store_analysis(article_row, [Span("entity", "ORG", 0, 10_000)], **KEYS)
    with pytest.raises(ValueError):
        store_analysis(article_row, [Span("opinion", "", 0, 5)], **KEYS)
    assert not has_analysis(article_row.text_hash, **KEYS)


def test_failure_midway_keeps_previous_results(article_row, span_of, monkeypatch):
    store_analysis(article_row, _spans(article_row.text, span_of), **KEYS)
    before = annotation_records(article_row.id)

    def broken(*args, **kwargs):
        raise RuntimeError("interrupted")

    monkeypatch.setattr(models.AnalysisRun, "create", broken)
    with pytest.raises(RuntimeError):
        store_analysis(article_row, [], model_name="x", model_version="1", pipeline_version="1")
    assert annotation_records(article_row.id) == before
    assert not has_analysis(article_row.text_hash, "x", "1", "1")


def test_a_book_of_spans(make_article):
    paragraph = "Nvidia said on Monday that Marc Andreessen expects prices to rise by 17% next year. "
    text = paragraph * 10_000
    row = save_article(make_article(text=text))
    marks = [
        ("entity", "ORG", "Nvidia"),
        ("entity", "DATE", "Monday"),
        ("entity", "PERSON", "Marc Andreessen"),
        ("entity", "PERCENT", "17%"),
    ]
    spans = []
    for index in range(10_000):
        base = index * len(paragraph)
        spans += [
            Span(kind, label, base + paragraph.index(phrase), base + paragraph.index(phrase) + len(phrase))
            for kind, label, phrase in marks
        ]
        spans.append(Span("claim", "prediction", base, base + len(paragraph) - 1, 0.7, {"cue": "expects"}))
    store_analysis(row, spans, **KEYS)
    assert models.Annotation.select().count() == 50_000
    last = models.Annotation.select().order_by(models.Annotation.start.desc()).first()
    assert (last.quote, last.label, last.attrs, last.origin) == ("17%", "PERCENT", {}, "auto")
    assert last.prefix.endswith("expects prices to rise by ")
    # Re-analysis over the same book replaces everything untouched.
    store_analysis(row, spans[:5], **KEYS)
    assert models.Annotation.select().count() == 5
