"""Importing a file into the library, bringing back the annotations of a Glossator export.

A ``.md`` file whose front matter names Glossator as its generator is read with
``export.read_export``: the article is stored with its original text, and the claims,
highlights, notes, sources, tags and claim statuses written in the export are restored on
top of it. Claims keep their origin: a scored one is an automatic annotation, so analysis
replaces it unless it carries a note, a source, a tag or a status (then it is the reader's
and stays, as after any re-analysis); an unscored one is the reader's own. Entities come
from analysis, with the reader's entity rules. When the same text is already in the
library, only what it does not have yet is added. Any other file is imported as usual; an
export that can no longer be decoded is imported as plain Markdown with a warning.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

from glossator.core import originals, store
from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Article
from glossator.core.errors import GlossatorError, NotFoundError, ReadError
from glossator.core.formats.glossator_markdown.read_export import ParsedExport, looks_like_export, parse_export
from glossator.core.readers import format_for_suffix, read_article
from glossator.core.readers.encoding import decode_bytes
from glossator.core.readers.limits import resolve_max_bytes
from glossator.core.readers.source_file import checked_file, file_label, read_bytes
from glossator.core.readers.unfiled import (
    STDIN_LABEL,
    STDIN_SOURCE,
    parse_unfiled,
    read_clipboard,
    read_stream_text,
    sniff_format,
)
from glossator.core.readers.web_address import read_address as fetch_article
from glossator.core.store import models


@dataclass
class Reading:
    """A file read, not yet stored: its article, and what its export says, if it is one."""

    article: Article
    export: ParsedExport | None = None
    warnings: list[str] = field(default_factory=list)
    password: str | None = field(default=None, repr=False)  # what opened an encrypted PDF


@dataclass
class ImportReport:
    """What an import stored: the article row and what was restored from an export."""

    row: models.Article
    from_export: bool = False
    merged: bool = False
    notes: int = 0
    sources: int = 0
    statuses: int = 0
    claims: int = 0
    highlights: int = 0
    tags: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a status bar or a terminal; empty for an ordinary import."""
        if not self.from_export:
            return "; ".join(self.warnings)
        line = f"Restored {self.notes} notes and {self.sources} sources from a Glossator export"
        if self.statuses:
            line += f", {self.statuses} claim statuses"
        if self.merged:
            line += " (the article was already in the library; only what it lacked was added)"
        if self.warnings:
            line += " — " + "; ".join(self.warnings)
        return line


def read_file(path: str | os.PathLike, *, max_bytes: int | None = None, password: str | None = None) -> Reading:
    """Read a file as an article; an export also gives its annotations. Touches no database."""
    absolute = checked_file(path)
    if format_for_suffix(absolute.suffix) == "md":
        label = file_label(path)
        data = read_bytes(absolute, resolve_max_bytes(max_bytes, label))
        decoded = decode_bytes(data, label)
        if looks_like_export(decoded.text):
            try:
                parsed = parse_export(decoded.text, source_path=str(absolute))
            except ReadError as exc:
                warning = (f"{label} looks like a Glossator export but cannot be read as one ({exc}); "
                           "imported as plain Markdown")
                return Reading(read_article(path, max_bytes=max_bytes), warnings=[warning])
            parsed.article.metadata.update(encoding=decoded.encoding, byte_size=len(data))
            return Reading(parsed.article, parsed, list(parsed.warnings))
    return Reading(read_article(path, max_bytes=max_bytes, password=password), password=password)


def read_address(url: str, *, max_bytes: int | None = None, **fetch_options) -> Reading:
    """Fetch the page at a web address and read it as an article. Touches no database."""
    return Reading(fetch_article(url, max_bytes=max_bytes, **fetch_options))


def read_pasted(html: str, text: str, *, source: str | None = None,
                max_bytes: int | None = None) -> Reading:
    """Read what was copied to the clipboard (see ``readers.unfiled``). Touches no database."""
    return Reading(read_clipboard(html, text, source=source, max_bytes=max_bytes))


def read_stdin(stream: BinaryIO, *, format: str | None = None,  # noqa: A002
               max_bytes: int | None = None) -> Reading:
    """Read an article piped on standard input; a piped Glossator export gives its annotations."""
    text, metadata = read_stream_text(stream, max_bytes=max_bytes)
    fmt = format or sniff_format(text)
    if format in (None, "md") and fmt != "html" and looks_like_export(text):
        try:
            parsed = parse_export(text, source_path=STDIN_SOURCE)
        except ReadError as exc:
            fmt, warnings = "md", [f"{STDIN_LABEL} looks like a Glossator export but cannot be read "
                                   f"as one ({exc}); imported as plain Markdown"]
        else:
            parsed.article.metadata.update(metadata)
            return Reading(parsed.article, parsed, list(parsed.warnings))
    else:
        warnings = []
    # The limit was applied to the bytes read; the decoded text is not measured again.
    article = parse_unfiled(text, format=fmt, source=STDIN_SOURCE, label=STDIN_LABEL)
    article.metadata.update(metadata)
    return Reading(article, warnings=warnings)


def store_reading(reading: Reading) -> ImportReport:
    """Store a file read by ``read_file`` and restore what its export holds.

    A document whose pages the window shows (PDF) keeps a copy of its file beside the library.
    """
    if reading.article.original is not None:
        originals.keep(reading.article.original)
    if reading.export is None:
        return ImportReport(store.save_article(reading.article), warnings=list(reading.warnings))
    try:
        store.find_article(reading.article.text_hash)
        merged = True
    except NotFoundError:
        merged = False
    with store.transaction():
        row = store.save_article(reading.article)
        report = ImportReport(row, from_export=True, merged=merged, warnings=list(reading.warnings))
        restore_annotations(report, reading.export)
    return report


def import_path(path: str | os.PathLike, *, max_bytes: int | None = None) -> ImportReport:
    """Read and store a file in one step (the CLI's way; the window reads off its GUI thread)."""
    return store_reading(read_file(path, max_bytes=max_bytes))


def import_stdin(stream: BinaryIO, *, format: str | None = None,  # noqa: A002
                 max_bytes: int | None = None) -> ImportReport:
    """Read and store the article piped on standard input (``glossator import -``)."""
    return store_reading(read_stdin(stream, format=format, max_bytes=max_bytes))


def restore_annotations(report: ImportReport, parsed: ParsedExport) -> None:
    """Add the export's annotations to the stored article, skipping what it already has."""
    article_id = report.row.id
    existing = {(r.kind, r.start, r.end): r for r in store.annotation_records(article_id)}
    skipped = 0
    for record in parsed.records:
        have = existing.get((record.kind, record.start, record.end))
        if have is None:
            row = store.add_annotation(
                article_id, record.kind, record.label, record.start, record.end,
                origin=record.origin, score=record.score, status=record.status, attrs=record.attrs,
            )
            have = AnnotationRecord(record.kind, record.label, record.start, record.end, id=row.id)
            existing[(record.kind, record.start, record.end)] = have
            setattr(report, record.kind + "s", getattr(report, record.kind + "s") + 1)
            report.statuses += record.status != "unchecked"
        elif record.status != "unchecked" and have.status == "unchecked" and have.id is not None:
            store.set_status(have.id, record.status)
            report.statuses += 1
        skipped += _attach(report, have, record)
    known = {note.body for note in store.article_notes(article_id)}
    for body in parsed.article_notes:
        if body.strip() and _clean(body) not in known:
            store.add_article_note(article_id, body)
            known.add(_clean(body))
            report.notes += 1
    if skipped:
        report.warnings.append(f"{skipped} note(s), source(s) or tag(s) could not be stored")


def _attach(report: ImportReport, have: AnnotationRecord, record: AnnotationRecord) -> int:
    """Add the record's notes, sources and tags the stored annotation lacks; return the failures."""
    assert have.id is not None, "a stored annotation has an id"
    failed = 0
    for body in record.notes:
        if body.strip() and _clean(body) not in map(_clean, have.notes):
            store.add_note_to(have.id, body)
            have.notes.append(body)
            report.notes += 1
    for source in record.sources:
        key = (source.url, source.title, source.stance, source.note)
        if key in [(s.url, s.title, s.stance, s.note) for s in have.sources]:
            continue
        try:
            store.add_source_to(have.id, source.url, source.title, source.stance, source.note)
        except GlossatorError:
            failed += 1
            continue
        have.sources.append(source)
        report.sources += 1
    for tag in record.tags:
        if tag in have.tags:
            continue
        try:
            store.add_tag(have.id, tag)
        except GlossatorError:
            failed += 1
            continue
        have.tags.append(tag)
        report.tags += 1
    return failed


def _clean(body: str) -> str:
    # The form the store keeps a note in (see store.notes).
    return body.rstrip().lstrip("\n")
