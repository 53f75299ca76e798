"""Glossator's library database: peewee models over SQLite, migrations, and the queries the app needs.

Call ``open_database()`` once; every function here then works on that database.
"""

from .analysis_cache import has_analysis, store_analysis
from .annotations import (
    add_annotation,
    annotation_for_range,
    delete_annotation,
    get_annotation,
    set_status,
    update_annotation,
)
from .articles import article_from_row, delete_article, find_article, find_by_address, get_article, save_article
from .database import (
    close_database,
    database_path,
    library_failure,
    open_database,
    read_only_reason,
    reading,
    transaction,
    verify_connection,
)
from .entity_rules import IGNORE, add_entity_rule, delete_entity_rule, list_entity_rules
from .notes import add_article_note, add_note, add_note_to, article_notes, delete_note, get_note, update_note
from .records import annotation_records, annotation_times
from .search_index import SearchHit, best_hit_per_article, search
from .snapshots import restore_annotation, snapshot_annotation
from .sources import add_source, add_source_to, delete_source, get_source, update_source
from .summaries import ArticleSummary, list_articles
from .tags import add_tag, articles_with_tag, list_tags, remove_tag

__all__ = [
    "IGNORE",
    "ArticleSummary",
    "SearchHit",
    "add_annotation",
    "add_article_note",
    "add_entity_rule",
    "add_note",
    "add_note_to",
    "add_source",
    "add_source_to",
    "add_tag",
    "articles_with_tag",
    "annotation_for_range",
    "annotation_records",
    "annotation_times",
    "article_from_row",
    "article_notes",
    "best_hit_per_article",
    "close_database",
    "database_path",
    "delete_annotation",
    "delete_article",
    "delete_entity_rule",
    "delete_note",
    "delete_source",
    "find_article",
    "find_by_address",
    "get_annotation",
    "get_article",
    "get_note",
    "get_source",
    "has_analysis",
    "library_failure",
    "list_articles",
    "list_entity_rules",
    "list_tags",
    "open_database",
    "read_only_reason",
    "reading",
    "remove_tag",
    "restore_annotation",
    "save_article",
    "search",
    "set_status",
    "snapshot_annotation",
    "store_analysis",
    "transaction",
    "update_annotation",
    "update_note",
    "update_source",
    "verify_connection",
]
