"""Full-text search over the library: article titles and texts, notes and sources (SQLite FTS5).

The index is one FTS5 table kept up to date by triggers inside the database, so every writer
(the window, the command line, a second window) keeps it right without knowing about it, in
the same transaction as the change itself. Each row is one searchable thing: an article
(title, source and text), a note, or a source (title, address and note); ``kind``, ``ref``
(that thing's id) and ``article`` say where a hit belongs.

Queries are the reader's words, not FTS5 syntax: every word must occur (in any order, the
last one as a prefix, so results come while typing), "quoted words" must occur together,
and nothing the reader types can make the query fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import DB

TABLE = "search_index"
# The schema version that brought the index in.
SINCE_VERSION = 2
# Around a hit in a snippet; chosen from the Unicode private-use area, so never in a text.
MARK_START = "\ue000"
MARK_END = "\ue001"
SNIPPET_WORDS = 14

_ARTICLE_BODY = "new.title || char(10) || new.source_url || ' ' || new.source_path || char(10) || new.text"
_SOURCE_BODY = "new.title || char(10) || new.url || char(10) || new.note"
_SOURCE_ARTICLE = "(SELECT article_id FROM annotation WHERE id = new.annotation_id)"

_DDL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "body, kind UNINDEXED, ref UNINDEXED, article UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
    # Articles.
    f"""CREATE TRIGGER IF NOT EXISTS search_article_insert AFTER INSERT ON article BEGIN
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES ({_ARTICLE_BODY}, 'article', new.id, new.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_article_update
        AFTER UPDATE OF title, source_url, source_path, text ON article BEGIN
        DELETE FROM {TABLE} WHERE kind = 'article' AND ref = old.id;
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES ({_ARTICLE_BODY}, 'article', new.id, new.id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_article_delete AFTER DELETE ON article BEGIN
        DELETE FROM {TABLE} WHERE article = old.id;
    END""",
    # Notes.
    f"""CREATE TRIGGER IF NOT EXISTS search_note_insert AFTER INSERT ON note BEGIN
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES (new.body, 'note', new.id, new.article_id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_note_update AFTER UPDATE OF body ON note BEGIN
        DELETE FROM {TABLE} WHERE kind = 'note' AND ref = old.id;
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES (new.body, 'note', new.id, new.article_id);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_note_delete AFTER DELETE ON note BEGIN
        DELETE FROM {TABLE} WHERE kind = 'note' AND ref = old.id;
    END""",
    # Sources.
    f"""CREATE TRIGGER IF NOT EXISTS search_source_insert AFTER INSERT ON source BEGIN
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES ({_SOURCE_BODY}, 'source', new.id, {_SOURCE_ARTICLE});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_source_update AFTER UPDATE OF title, url, note ON source BEGIN
        DELETE FROM {TABLE} WHERE kind = 'source' AND ref = old.id;
        INSERT INTO {TABLE} (body, kind, ref, article) VALUES ({_SOURCE_BODY}, 'source', new.id, {_SOURCE_ARTICLE});
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_source_delete AFTER DELETE ON source BEGIN
        DELETE FROM {TABLE} WHERE kind = 'source' AND ref = old.id;
    END""",
]

_FILL = [
    f"DELETE FROM {TABLE}",
    f"INSERT INTO {TABLE} (body, kind, ref, article) SELECT title || char(10) || source_url || ' ' || "
    "source_path || char(10) || text, 'article', id, id FROM article",
    f"INSERT INTO {TABLE} (body, kind, ref, article) SELECT body, 'note', id, article_id FROM note",
    f"INSERT INTO {TABLE} (body, kind, ref, article) SELECT s.title || char(10) || s.url || char(10) || s.note, "
    "'source', s.id, a.article_id FROM source s JOIN annotation a ON a.id = s.annotation_id",
]


@dataclass(frozen=True)
class SearchHit:
    """One thing that matched: an article's text, a note or a source, with a snippet in which
    the matched words sit between ``MARK_START`` and ``MARK_END``."""

    article_id: int
    kind: str  # "article", "note" or "source"
    ref: int
    snippet: str

    def plain_snippet(self, before: str = "", after: str = "") -> str:
        """The snippet with the hit marks replaced by ``before`` and ``after``."""
        return self.snippet.replace(MARK_START, before).replace(MARK_END, after)


def install() -> None:
    """Create the index and its triggers in the open database (if missing) and fill it."""
    with DB.atomic():
        for statement in _DDL:
            DB.execute_sql(statement)
        rebuild()


def rebuild() -> None:
    """Index every article, note and source again from the tables."""
    with DB.atomic():
        for statement in _FILL:
            DB.execute_sql(statement)


def fts_query(text: str) -> str:
    """The reader's words as an FTS5 query: every term required, quoted phrases kept together,
    the last bare word a prefix; '' when there is nothing to search for."""
    terms: list[str] = []
    last_is_word = False
    for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', text):
        words = re.findall(r"\w+", phrase or word)
        if not words:
            continue
        terms.append('"' + " ".join(words) + '"' if phrase else " ".join(f'"{w}"' for w in words))
        last_is_word = bool(word) and word[-1:].isalnum()
    if not terms:
        return ""
    if last_is_word and not text[-1:].isspace():
        terms[-1] += "*"
    return " ".join(terms)


def search(text: str, limit: int = 500) -> list[SearchHit]:
    """The best matches for the reader's words, best first (an empty query finds nothing)."""
    query = fts_query(text)
    if not query:
        return []
    cursor = DB.execute_sql(
        f"SELECT article, kind, ref, snippet({TABLE}, 0, ?, ?, '…', ?) FROM {TABLE} "
        f"WHERE {TABLE} MATCH ? ORDER BY bm25({TABLE}) LIMIT ?",
        (MARK_START, MARK_END, SNIPPET_WORDS, query, limit),
    )
    return [SearchHit(int(article), kind, int(ref), " ".join(snippet.split())) for article, kind, ref, snippet
            in cursor.fetchall() if article is not None]


def best_hit_per_article(text: str) -> dict[int, SearchHit]:
    """For each article with a match, its best one (text, note or source)."""
    best: dict[int, SearchHit] = {}
    for hit in search(text):
        best.setdefault(hit.article_id, hit)
    return best
