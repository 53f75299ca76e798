"""One index of entities across the library: which articles mention a name, how often, and where.

A name is matched by its canonical form or by any form it was written in, without case,
possessive or a leading "the", so "Nvidia", "NVIDIA" and "Nvidia's" find the same articles.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import PurePath

from glossator.core.nlp.mentions import surface_key
from glossator.core.store.entity_marks import EntityMark, article_titles, entity_marks

MAX_SENTENCE_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


@dataclass(frozen=True)
class LibraryEntity:
    """A name with its type, how many articles mention it and how many times in all."""

    name: str
    label: str
    articles: int
    mentions: int


@dataclass
class ArticleMentions:
    """One article's mentions of a name: each mention's range and the sentence holding it."""

    article_id: int
    title: str
    source: str
    label: str
    name: str
    ranges: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.ranges)


def library_entities(label: str | None = None) -> list[LibraryEntity]:
    """Every named entity in the library, most widely mentioned first."""
    articles: dict[tuple[str, str], set[int]] = defaultdict(set)
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    for mark in entity_marks(label):
        key = (mark.canonical, mark.label)
        articles[key].add(mark.article_id)
        mentions[key] += 1
    found = [LibraryEntity(name, kind, len(articles[(name, kind)]), mentions[(name, kind)]) for name, kind in articles]
    return sorted(found, key=lambda e: (-e.articles, -e.mentions, e.name.casefold(), e.label))


def _matches(mark: EntityMark, key: str) -> bool:
    return surface_key(mark.canonical) == key or surface_key(mark.quote) == key


def articles_mentioning(name: str, label: str | None = None) -> list[ArticleMentions]:
    """The articles mentioning ``name`` (of type ``label`` if given), most mentions first."""
    key = surface_key(name)
    if not key:
        return []
    # The database narrows the marks down by the name's longest word; Python decides.
    longest = max(key.split(), key=len)
    word = longest if longest.isascii() and "\\" not in longest else None
    marks = [mark for mark in entity_marks(label, word=word) if _matches(mark, key)]
    by_article: dict[tuple[int, str], list[EntityMark]] = defaultdict(list)
    for mark in marks:
        by_article[(mark.article_id, mark.label)].append(mark)
    titles = article_titles(sorted({article_id for article_id, _ in by_article}))
    found = []
    for (article_id, kind), group in by_article.items():
        title, source, text = titles[article_id]
        entry = ArticleMentions(article_id, title or PurePath(source).name or f"Article {article_id}",
                                source, kind, group[0].canonical)
        for mark in group:
            entry.ranges.append((mark.start, mark.end))
            entry.sentences.append(sentence_around(text, mark.start, mark.end))
        found.append(entry)
    return sorted(found, key=lambda e: (-e.count, e.title.casefold(), e.article_id))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, on one line and cut to a readable length."""
    # Sentences are short: looking a few thousand characters back finds the start.
    begin = max(0, start - 4 * MAX_SENTENCE_CHARS)
    for match in _SENTENCE_END.finditer(text, begin, start):
        begin = match.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after else len(text)
    sentence = " ".join(text[begin:stop].split())
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    # Too long to show whole: keep the mention with context either side.
    offset = start - begin
    left = max(0, offset - MAX_SENTENCE_CHARS // 2)
    return ("…" if left else "") + sentence[left : left + MAX_SENTENCE_CHARS].strip() + "…"
