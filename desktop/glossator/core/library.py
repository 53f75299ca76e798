"""The reader's library as one set of functions: import a file, analyse it (once per model),
annotate it and export it. The CLI and the desktop window both call exactly these."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from glossator.core import reimport, store
from glossator.core.errors import GlossatorError
from glossator.core.formats.glossator_markdown.markdown import export_markdown
from glossator.core.formats.web_annotation import ArticleNote, export_web_annotations
from glossator.core.nlp.analysis import PIPELINE_VERSION, AnalysisResult, analyze_text
from glossator.core.nlp.model import ModelInfo, load_model, package_info
from glossator.core.safe_write import write_text_atomically


@dataclass
class AnalysisOutcome:
    """What ``analyse`` did: whether the model ran, which model, and what is stored now."""

    ran: bool
    model: ModelInfo
    entities: int
    claims: int


def import_file(path: str | os.PathLike, *, max_bytes: int | None = None):
    """Read a file as an article and store it (or find it, if the same text is stored).

    A Glossator Markdown export brings its annotations back (see ``reimport``).
    """
    return reimport.import_path(path, max_bytes=max_bytes).row


def cached_model(article_row, model: str | None = None) -> ModelInfo | None:
    """The model whose analysis of this article is stored, or None if it must be analysed."""
    info = package_info(model)
    if store.has_analysis(article_row.text_hash, info.name, info.version, PIPELINE_VERSION):
        return info
    return None


def entity_rules() -> dict[str, str]:
    """The user's entity corrections as surface form -> label (or IGNORE)."""
    return {rule.text: rule.label for rule in store.list_entity_rules()}


def run_analysis(
    text: str,
    *,
    model: str | None = None,
    rules: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnalysisResult:
    """Run the NLP pipeline over a text. Touches no database, so it can run on any thread."""
    return analyze_text(text, load_model(model), rules=rules, progress=progress, cancelled=cancelled)


def save_analysis(article_row, result: AnalysisResult) -> None:
    """Store an analysis: automatic annotations replaced, the user's kept."""
    store.store_analysis(
        article_row,
        result.spans,
        model_name=result.model.name,
        model_version=result.model.version,
        pipeline_version=result.pipeline_version,
    )


def analyse(article_row, *, force: bool = False, model: str | None = None,
            progress: Callable[[int, int], None] | None = None) -> AnalysisOutcome:
    """Analyse a stored article unless this model already did; the model is not even loaded then."""
    info = None if force else cached_model(article_row, model)
    ran = info is None
    if ran:
        result = run_analysis(article_row.text, model=model, rules=entity_rules(), progress=progress)
        save_analysis(article_row, result)
        info = result.model
    records = store.annotation_records(article_row.id)
    return AnalysisOutcome(
        ran=ran,
        model=info,
        entities=sum(1 for r in records if r.kind == "entity"),
        claims=sum(1 for r in records if r.kind == "claim"),
    )


def resolve_article(ref: str, *, analyse_files: bool = True):
    """An article from an id, a stored path or a file to import (and analyse)."""
    path = Path(ref)
    if not ref.isdigit() and path.exists():
        row = import_file(path)
        if analyse_files:
            analyse(row)
        return row
    return store.find_article(ref)


def render_markdown(article_row, *, entities: str = "inline", min_claim_score: float = 0.5,
                    exported_at: datetime | None = None) -> str:
    """The annotated Markdown of a stored article, with its notes and sources."""
    article = store.article_from_row(article_row)
    records = store.annotation_records(article_row.id)
    notes = [note.body for note in store.article_notes(article_row.id)]
    return export_markdown(
        article,
        records,
        entities=entities,
        exported_at=exported_at,
        min_claim_score=min_claim_score,
        article_notes=notes,
    )


def render_web_annotations(article_row, *, include_entities: bool = False, min_claim_score: float = 0.5,
                           exported_at: datetime | None = None) -> str:
    """A stored article's annotations, notes and sources as W3C Web Annotation JSON-LD."""
    notes = [ArticleNote(n.body, n.id, n.created, n.updated) for n in store.article_notes(article_row.id)]
    return export_web_annotations(
        store.article_from_row(article_row),
        store.annotation_records(article_row.id),
        include_entities=include_entities,
        min_claim_score=min_claim_score,
        times=store.annotation_times(article_row.id),
        article_notes=notes,
        exported_at=exported_at,
    )


# Export formats by name, with the file extension each is saved under.
EXPORT_FORMATS = {"md": ".md", "jsonld": ".jsonld"}


def render_export(article_row, fmt: str = "md", **options) -> str:
    """The export of a stored article in ``fmt`` (``md`` or ``jsonld``) with that format's options."""
    if fmt == "jsonld":
        return render_web_annotations(article_row, **options)
    if fmt == "md":
        return render_markdown(article_row, **options)
    raise GlossatorError(f"unknown export format '{fmt}' (choose one of: {', '.join(EXPORT_FORMATS)})")


def export_article(article_row, out_path: str | os.PathLike, *, fmt: str = "md", **options) -> Path:
    """Export a stored article (annotated Markdown unless ``fmt`` says otherwise) to ``out_path``;
    returns the file written."""
    return write_text_atomically(out_path, render_export(article_row, fmt, **options))
