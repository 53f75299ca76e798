"""Annotated Markdown export of an article (the format is described in the README, "Annotated Markdown").

The file is, in order: YAML front matter; a ``# title`` heading unless the article already
starts with it; the article body between two comment lines, with its headings, paragraphs,
lists, quotes and code kept, claims and highlights in ``<mark>`` with a footnote reference,
and entities in bold; then ``## Claims`` (a table), ``## Entities`` (an index with counts),
``## Notes`` (the article-level notes) and the footnote definitions.

It renders with python-markdown (``extra``) and CommonMark (with tables and footnotes), and
in Obsidian. Article text is escaped so that it always renders as itself (the scheme is in
``escaping.py``); the reader's notes stay Markdown but cannot break the structure around them
(``footnotes.py``). ``strip_markup`` undoes the body exactly: it returns ``article.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import PurePath

from glossator import __version__
from glossator.core.annotation import AnnotationRecord
from glossator.core.article import Article
from glossator.core.formats.glossator_markdown.body import render_body
from glossator.core.formats.glossator_markdown.body_layout import BODY_END, BODY_START, LineForm, layout_lines
from glossator.core.formats.glossator_markdown.escaping import one_line
from glossator.core.formats.glossator_markdown.footnotes import claim_head, definitions, highlight_head
from glossator.core.formats.glossator_markdown.sections import (
    claims_table,
    entity_index,
    front_matter,
    notes_section,
    title_line,
)
from glossator.core.formats.glossator_markdown.selection import Selection, Shown, select
from glossator.core.formats.glossator_markdown.strip import strip_markup
from glossator.core.pages import page_label

__all__ = ["EntityMode", "export_markdown", "strip_markup"]

DEFAULT_GENERATOR = f"glossator {__version__}"


class EntityMode(StrEnum):
    """How entities appear: bold in the text and in the index, in the index only, or not at all."""

    INLINE = "inline"
    INDEX = "index"
    NONE = "none"


def export_markdown(
    article: Article,
    annotations: Iterable[AnnotationRecord],
    *,
    entities: str | EntityMode = EntityMode.INLINE,
    exported_at: datetime | None = None,
    source: str | None = None,
    min_claim_score: float = 0.0,
    generator: str = DEFAULT_GENERATOR,
    article_notes: Sequence[str] = (),
) -> str:
    """Write ``article`` and its annotations as annotated Markdown.

    ``source`` overrides the front matter's source (by default the article's URL, else its
    file name); ``exported_at`` defaults to now, a naive time being taken as UTC. Claims
    scored below ``min_claim_score`` are left out; ``article_notes`` (the reader's Markdown)
    become the ``## Notes`` section. The same arguments always give the same text.
    """
    mode = EntityMode(entities)
    text = article.text
    chosen = select(
        text,
        annotations,
        article.inlines,
        min_claim_score=min_claim_score,
        bold_entities=mode is EntityMode.INLINE,
    )
    marked = [(s.start, s.end) for s in (*chosen.claims, *chosen.highlights)]
    forms = layout_lines(text, article.blocks, marked)
    body, refs = render_body(text, forms, chosen.marks)

    if source is None:
        path = article.source_path
        source = article.source_url or (PurePath(path).name if path else "")
    stamp = exported_at or datetime.now(UTC)
    genre = str((article.metadata or {}).get("genre") or "")
    parts = [front_matter(one_line(article.title), source, stamp, generator, "" if genre == "unknown" else genre)]
    if one_line(article.title) and not _starts_with_title(text, forms, article.title):
        parts.append(title_line(article.title))
    parts += [BODY_START, body, BODY_END]
    if chosen.claims:
        by_score = sorted(chosen.claims, key=lambda shown: (-(shown.record.score or 0.0), shown.start))
        parts.append(claims_table([_claim_row(text, shown) for shown in by_score]))
    # Mentions are counted under the entity's canonical name ("Liang" under "Liang Wenfeng").
    surfaces = [(s.record.label, s.record.attrs.get("canonical") or text[s.start : s.end]) for s in chosen.entities]
    if mode is not EntityMode.NONE and any(one_line(form) for _, form in surfaces):
        parts.append(entity_index(surfaces))
    notes = notes_section(article_notes)
    if notes:
        parts.append(notes)
    if refs:
        parts.append(definitions(_footnotes(chosen, refs, article.metadata)))
    return "\n\n".join(parts) + "\n"


TITLE_SEARCH_LINES = 12


def _starts_with_title(text: str, forms: Sequence[LineForm], title: str) -> bool:
    """Whether the article opens with a heading reading ``title`` (within its first few lines,
    after a dateline or a kicker), so the export need not add one."""
    seen = 0
    for line, form in zip(text.split("\n"), forms):
        if not line.strip():
            continue
        if form.prefix.startswith("#") and one_line(line) == one_line(title):
            return True
        seen += 1
        if seen >= TITLE_SEARCH_LINES:
            break
    return False


def _claim_row(text: str, shown: Shown) -> list[str]:
    record = shown.record
    score = f"{record.score:.2f}" if record.score is not None else ""
    speaker = str(record.attrs.get("speaker") or "")
    return [shown.label, text[shown.start : shown.end], record.label, speaker, score, record.status]


def _footnotes(chosen: Selection, refs: Sequence[str], metadata: dict | None = None,
               ) -> list[tuple[str, str, AnnotationRecord]]:
    """Footnote entries in the order their references appear, so every renderer numbers alike;
    in a paged document (PDF) each says its page."""
    by_label = {s.label: s for s in (*chosen.claims, *chosen.highlights) if s.label}
    entries = []
    for label in dict.fromkeys(refs):
        shown = by_label[label]
        record = shown.record
        page = page_label(metadata, shown.start, shown.end)
        head = claim_head(record, page) if record.kind == "claim" else highlight_head(record, page)
        entries.append((label, head, record))
    return entries
