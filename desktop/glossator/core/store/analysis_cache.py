"""Storing analysis results, keyed by (text hash, model, model version, pipeline version).

Re-analysis replaces automatic annotations only: one the reader has touched (a note, a
source, a tag, a status, an edit) is the reader's and stays.
"""

from __future__ import annotations

from peewee import chunked

from ..annotation import KINDS, Span
from . import models
from .annotations import quote_context
from .database import transaction

_INSERT_FIELDS = [
    models.Annotation.article,
    models.Annotation.kind,
    models.Annotation.label,
    models.Annotation.start,
    models.Annotation.end,
    models.Annotation.quote,
    models.Annotation.prefix,
    models.Annotation.suffix,
    models.Annotation.score,
    models.Annotation.origin,
    models.Annotation.status,
    models.Annotation.attrs,
    models.Annotation.created,
    models.Annotation.updated,
]
_BATCH_ROWS = 5000


def has_analysis(text_hash: str, model_name: str, model_version: str, pipeline_version: str) -> bool:
    """Whether this text was already analysed by this model and pipeline version."""
    run = models.AnalysisRun
    return (
        run.select()
        .where(
            (run.text_hash == text_hash)
            & (run.model_name == model_name)
            & (run.model_version == model_version)
            & (run.pipeline_version == pipeline_version)
        )
        .exists()
    )


def store_analysis(
    article_row: models.Article,
    spans: list[Span],
    *,
    model_name: str,
    model_version: str,
    pipeline_version: str,
    genre: str | None = None,
) -> models.AnalysisRun:
    """Replace an article's automatic annotations with ``spans`` and record the run, all at once.

    ``genre``, the kind of text the analysis found, goes into the article's metadata.

    Touched automatic annotations stay, and a span matching an annotation that stays (same
    kind, start and end) is not added again. Spans outside the text are a bug: ValueError.
    """
    text = article_row.text
    for span in spans:
        if span.kind not in KINDS or not 0 <= span.start < span.end <= len(text):
            raise ValueError(
                f"Span {span.kind} {span.start}-{span.end} does not fit a text of {len(text)} characters."
            )
    with transaction():
        if genre is not None and (article_row.metadata or {}).get("genre") != genre:
            article_row.metadata = {**(article_row.metadata or {}), "genre": genre}
            article_row.save(only=[models.Article.metadata])
        taken = _clear_untouched_auto(article_row.id)
        # Values are put in their stored form here, once, rather than field by field in
        # peewee; str() of a datetime is the text SQLite's adapter would store for it.
        now = str(models.utc_now())
        to_json = models.Annotation.attrs.db_value
        rows = []
        for span in spans:
            key = (span.kind, span.start, span.end)
            if key in taken:
                continue
            taken.add(key)
            quote, prefix, suffix = quote_context(text, span.start, span.end)
            score = None if span.score is None else float(span.score)
            attrs = to_json(span.attrs) if span.attrs else "{}"
            rows.append((
                article_row.id, span.kind, str(span.label), span.start, span.end,
                quote, prefix, suffix, score, "auto", "unchecked", attrs, now, now,
            ))
        _insert_annotations(rows)
        return _record_run(article_row.text_hash, model_name, model_version, pipeline_version, len(spans))


def _clear_untouched_auto(article_id: int) -> set[tuple[str, int, int]]:
    """Delete the article's untouched automatic annotations; return the (kind, start, end) of the rest."""
    annotation = models.Annotation
    of_article = annotation.article == article_id
    # The JSON text is searched first so only the few candidates are decoded.
    edited = [
        row_id
        for row_id, attrs in models.row_tuples(
            annotation.select(annotation.id, annotation.attrs)
            .where(of_article & (annotation.origin == "auto") & annotation.attrs.contains("user_edited")))
        if isinstance(attrs, dict) and attrs.get("user_edited")
    ]
    linked = (
        models.Note.select(models.Note.annotation).where(
            (models.Note.article == article_id) & models.Note.annotation.is_null(False)
        )
        | models.Source.select(models.Source.annotation).join(annotation).where(of_article)
        | models.AnnotationTag.select(models.AnnotationTag.annotation).join(annotation).where(of_article)
    )
    touched = (annotation.status != "unchecked") | annotation.id.in_(linked) | annotation.id.in_(edited)
    annotation.delete().where(of_article & (annotation.origin == "auto") & ~touched).execute()
    remaining = annotation.select(annotation.kind, annotation.start, annotation.end).where(of_article)
    return set(models.row_tuples(remaining))


def _record_run(
    text_hash: str, model_name: str, model_version: str, pipeline_version: str, span_count: int
) -> models.AnalysisRun:
    run = models.AnalysisRun
    row = run.get_or_none(
        (run.text_hash == text_hash)
        & (run.model_name == model_name)
        & (run.model_version == model_version)
        & (run.pipeline_version == pipeline_version)
    )
    if row is None:
        return run.create(
            text_hash=text_hash,
            model_name=model_name,
            model_version=model_version,
            pipeline_version=pipeline_version,
            span_count=span_count,
        )
    row.span_count = span_count
    row.created = models.utc_now()
    row.save()
    return row


def _insert_annotations(rows: list[tuple]) -> None:
    """Insert rows of ``_INSERT_FIELDS`` values, already in stored form, in batches.

    The statement comes from ``insert_many`` for one row and is run with ``executemany``:
    ``insert_many`` over all rows builds SQL text holding every value, which for a book's
    50,000 spans costs seconds in Python, while ``executemany`` binds them in C.
    """
    if not rows:
        return
    statement, _ = models.Annotation.insert_many(rows[:1], fields=_INSERT_FIELDS).sql()
    cursor = models.DB.cursor()
    for batch in chunked(rows, _BATCH_ROWS):
        cursor.executemany(statement, batch)
