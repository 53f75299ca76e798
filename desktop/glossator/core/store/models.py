"""The peewee models of Glossator's library; bound to a real database by ``open_database``.

Times are naive UTC datetimes. JSON columns are stored as text so any SQLite build (and
any other peewee backend) can hold them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from peewee import (
    AutoField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelSelect,
    TextField,
)

DB = DatabaseProxy()


def utc_now() -> datetime:
    """The current time as a naive UTC datetime, the form every timestamp column holds."""
    return datetime.now(UTC).replace(tzinfo=None)


def row_tuples(query: Any) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query`` as plain tuples (peewee's stubs type ``.tuples()`` as models)."""
    return iter(query.tuples())


def row_dicts(query: Any) -> Iterator[dict[str, Any]]:
    """The rows of ``query`` as dictionaries by column name."""
    return iter(query.dicts())


class JSONTextField(TextField):
    """A JSON value kept as compact text."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value):
        if value is None:
            return None
        return json.loads(value)


class BaseModel(Model):
    """Every model lives in the database behind ``DB``."""

    class Meta:
        database = DB
        legacy_table_names = False


class Article(BaseModel):
    """An imported article; ``text_hash`` makes the same text one article however it arrives."""

    id = AutoField()
    title = TextField(default="")
    author = TextField(default="")
    published = TextField(default="")
    source_url = TextField(default="")
    source_path = TextField(default="", index=True)
    format = CharField(max_length=16, default="txt")
    text = TextField()
    text_hash = CharField(max_length=64, unique=True)
    blocks = JSONTextField(default=list)
    inlines = JSONTextField(default=list)
    metadata = JSONTextField(default=dict)
    imported_at = DateTimeField(default=utc_now)


class Annotation(BaseModel):
    """An entity, claim or highlight over ``text[start:end]`` of an article.

    ``quote``, ``prefix`` and ``suffix`` keep the passage and its context so the annotation
    can be found again if offsets ever drift.
    """

    id = AutoField()
    article = ForeignKeyField(Article, backref="annotations", on_delete="CASCADE")
    kind = CharField(max_length=16)
    label = CharField(max_length=64, default="")
    start = IntegerField()
    end = IntegerField()
    quote = TextField(default="")
    prefix = TextField(default="")
    suffix = TextField(default="")
    score = FloatField(null=True)
    origin = CharField(max_length=8, default="auto")
    status = CharField(max_length=16, default="unchecked")
    attrs = JSONTextField(default=dict)
    created = DateTimeField(default=utc_now)
    updated = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("article", "start"), False),)

    # Made by peewee, declared for the type checker: the foreign key's column and the backrefs.
    article_id: int
    notes: ModelSelect[Note]
    sources: ModelSelect[Source]
    annotation_tags: ModelSelect[AnnotationTag]


class Note(BaseModel):
    """A Markdown note on an annotation, or on the whole article when ``annotation`` is null."""

    id = AutoField()
    article = ForeignKeyField(Article, backref="notes", on_delete="CASCADE")
    annotation = ForeignKeyField(Annotation, backref="notes", null=True, on_delete="CASCADE")
    body = TextField(default="")
    created = DateTimeField(default=utc_now)
    updated = DateTimeField(default=utc_now)

    article_id: int
    annotation_id: int | None


class Source(BaseModel):
    """A link offered as evidence for an annotation, with its stance towards the passage."""

    id = AutoField()
    annotation = ForeignKeyField(Annotation, backref="sources", on_delete="CASCADE")
    url = TextField()
    title = TextField(default="")
    stance = CharField(max_length=16, default="context")
    note = TextField(default="")
    created = DateTimeField(default=utc_now)

    annotation_id: int


class Tag(BaseModel):
    """A tag name the reader puts on annotations."""

    id = AutoField()
    name = CharField(max_length=100, unique=True)


class AnnotationTag(BaseModel):
    """Which annotation carries which tag."""

    id = AutoField()
    annotation = ForeignKeyField(Annotation, backref="annotation_tags", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="annotation_tags", on_delete="CASCADE")

    class Meta:
        indexes = ((("annotation", "tag"), True),)


class EntityRule(BaseModel):
    """A reader's correction: ``text`` is always ``label``, or never an entity (``IGNORE``)."""

    id = AutoField()
    text = TextField()
    label = CharField(max_length=64)
    created = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("text", "label"), True),)


class AnalysisRun(BaseModel):
    """A finished analysis of a text by one model and pipeline version: the analysis cache key."""

    id = AutoField()
    text_hash = CharField(max_length=64)
    model_name = CharField(max_length=100)
    model_version = CharField(max_length=50)
    pipeline_version = CharField(max_length=50)
    span_count = IntegerField(default=0)
    created = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("text_hash", "model_name", "model_version", "pipeline_version"), True),)


class SchemaVersion(BaseModel):
    """The single row recording which schema version the file has."""

    id = AutoField()
    version = IntegerField()
    changed = DateTimeField(default=utc_now)


MODELS = [
    Article,
    Annotation,
    Note,
    Source,
    Tag,
    AnnotationTag,
    EntityRule,
    AnalysisRun,
    SchemaVersion,
]
