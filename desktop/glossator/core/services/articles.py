"""Articles: import, list, find, delete, and analyse them.

Reading a file or pasted text touches no database and may run on any thread
(``read_file``, ``read_pasted``); storing what was read is one transaction.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from glossator.core import reimport, store
from glossator.core.nlp.analysis import PIPELINE_VERSION, AnalysisResult, analyze_text
from glossator.core.nlp.model import ModelInfo, load_model, package_info
from glossator.core.readers import SUPPORTED_SUFFIXES
from glossator.core.reimport import Reading
from glossator.core.services.changes import Changes, Done, annotations_of
from glossator.core.services.values import ArticleSummary, StoredArticle, stored_article
from glossator.core.services.worker import front_door

__all__ = [
    "AnalysisOutcome", "Imported", "Reading", "analyse", "cached_model", "delete_article",
    "article_for_address", "entity_rules", "find_article", "get_article", "import_address", "import_file",
    "import_stdin", "list_articles", "read_address",
    "read_file", "read_pasted", "resolve_article", "run_analysis", "save_analysis", "store_reading",
]

# Reading touches no database: these run on whichever thread calls them.
read_file = reimport.read_file
read_pasted = reimport.read_pasted
read_address = reimport.read_address


@dataclass(frozen=True)
class AnalysisOutcome:
    """What ``analyse`` did: whether the model ran, which model, and what is stored now."""

    ran: bool
    model: ModelInfo
    entities: int
    claims: int


@dataclass(frozen=True)
class Imported:
    """What an import stored: the article, and what came back from an export."""

    article: StoredArticle
    from_export: bool
    merged: bool          # the text was in the library already; only what it lacked was added
    notes: int
    sources: int
    statuses: int
    highlights: int
    tags: int
    warnings: list[str]
    summary_line: str

    def summary(self) -> str:
        """One line for a status bar or a terminal; empty for an ordinary import."""
        return self.summary_line

# The file suffixes an article can be opened from, for file dialogs and drops.
OPENABLE_SUFFIXES: tuple[str, ...] = SUPPORTED_SUFFIXES


def _imported(report: reimport.ImportReport) -> Done[Imported]:
    article = stored_article(report.row)
    changes = Changes(article_list=True) | annotations_of(article.id)
    if report.from_export:
        changes |= Changes(article_notes=frozenset({article.id}), tag_names=bool(report.tags))
    imported = Imported(article, report.from_export, report.merged, report.notes, report.sources, report.statuses,
                        report.highlights, report.tags, list(report.warnings), report.summary())
    return Done(imported, changes)


@front_door
def store_reading(reading: Reading) -> Done[Imported]:
    """Store what ``read_file`` or ``read_pasted`` read; an export's notes and sources come back."""
    with store.transaction():
        return _imported(reimport.store_reading(reading))


@front_door
def import_file(path: str | os.PathLike, *, max_bytes: int | None = None,
                password: str | None = None) -> Done[Imported]:
    """Read and store a file in one step (see ``store_reading``); ``password`` opens an
    encrypted PDF."""
    return store_reading(read_file(path, max_bytes=max_bytes, password=password))


def import_address(url: str, *, max_bytes: int | None = None, **fetch_options) -> Done[Imported]:
    """Fetch one web page here, then store it on the worker (see ``store_reading``)."""
    return store_reading(reimport.read_address(url, max_bytes=max_bytes, **fetch_options))


@front_door
def article_for_address(url: str) -> StoredArticle | None:
    """The article already fetched from ``url``, if any: opening it again asks before fetching."""
    row = store.find_by_address(url)
    return stored_article(row) if row is not None else None


@front_door
def import_stdin(stream: BinaryIO, *, format: str | None = None,  # noqa: A002
                 max_bytes: int | None = None) -> Done[Imported]:
    """Read and store an article piped on standard input."""
    return store_reading(reimport.read_stdin(stream, format=format, max_bytes=max_bytes))


@front_door
def list_articles() -> list[ArticleSummary]:
    """Every article of the library with its counts, newest first."""
    return store.list_articles()


@front_door
def get_article(article_id: int) -> StoredArticle:
    """The stored article with this id; NotFoundError if there is none."""
    return stored_article(store.get_article(article_id))


@front_door
def find_article(ref: str) -> StoredArticle:
    """An article by id, or by the path it was imported from."""
    return stored_article(store.find_article(ref))


@front_door
def delete_article(article_id: int) -> Done[None]:
    """Delete an article with its annotations, notes and sources."""
    with store.transaction():
        store.delete_article(article_id)
    return Done(None, Changes(article_list=True) | annotations_of(article_id))


@front_door
def entity_rules() -> dict[str, str]:
    """The reader's entity corrections as surface form -> label (or IGNORE), for an analysis."""
    return {rule.text: rule.label for rule in store.list_entity_rules()}


@front_door
def cached_model(article_id: int, model: str | None = None) -> ModelInfo | None:
    """The model whose analysis of this article is stored, or None if it must be analysed."""
    info = package_info(model)
    row = store.get_article(article_id)
    if store.has_analysis(row.text_hash, info.name, info.version, PIPELINE_VERSION):
        return info
    return None


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


@front_door
def save_analysis(article_id: int, result: AnalysisResult) -> Done[None]:
    """Store an analysis: automatic annotations replaced, the reader's kept."""
    with store.transaction():
        store.store_analysis(
            store.get_article(article_id),
            result.spans,
            model_name=result.model.name,
            model_version=result.model.version,
            pipeline_version=result.pipeline_version,
            genre=result.genre.kind if result.genre is not None else None,
        )
    return Done(None, Changes(article_list=True) | annotations_of(article_id))


@front_door
def analyse(article_id: int, *, force: bool = False, model: str | None = None,
            progress: Callable[[int, int], None] | None = None) -> AnalysisOutcome:
    """Analyse a stored article unless this model already did (the model is not even loaded then)."""
    info = None if force else cached_model(article_id, model)
    ran = info is None
    if info is None:
        result = run_analysis(store.get_article(article_id).text, model=model, rules=entity_rules(),
                              progress=progress)
        save_analysis(article_id, result)
        info = result.model
    records = store.annotation_records(article_id)
    return AnalysisOutcome(
        ran=ran,
        model=info,
        entities=sum(1 for r in records if r.kind == "entity"),
        claims=sum(1 for r in records if r.kind == "claim"),
    )


@front_door
def resolve_article(ref: str, *, analyse_files: bool = True) -> StoredArticle:
    """An article from an id, a stored path, or a file to import (and analyse)."""
    path = Path(ref)
    if not ref.isdigit() and path.exists():
        article = import_file(path).value.article
        if analyse_files:
            analyse(article.id)
        return article
    return find_article(ref)
