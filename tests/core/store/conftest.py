"""Fixtures for the store tests: a stored sample article and a way to count SQL statements."""

import pytest

from glossator.core.article import Article, paragraph_blocks
from glossator.core.store import models, save_article

TEXT = (
    "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its "
    "market cap.\n\n"
    "Marc Andreessen characterized DeepSeek's emergence as \"AI's Sputnik moment\".\n\n"
    "According to reports, the R1 model was developed using significantly fewer resources."
)


def _make_article(text: str = TEXT, **fields) -> Article:
    fields.setdefault("title", "DeepSeek R1 AI Model Disrupts Global Tech Market")
    return Article(text=text, blocks=paragraph_blocks(text), **fields)


def _span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def make_article():
    """A factory: ``make_article(text=TEXT, **fields)`` gives an unsaved article with paragraphs."""
    return _make_article


@pytest.fixture
def span_of():
    """``span_of(text, phrase)``: the (start, end) of the phrase's first occurrence."""
    return _span_of


@pytest.fixture
def article_row():
    """The sample article, stored."""
    return save_article(_make_article(source_path="/news/deepseek.txt"))


class StatementCounter:
    """Counts the SQL statements the open database runs."""

    def __init__(self):
        self.statements: list[str] = []

    def __len__(self):
        return len(self.statements)


@pytest.fixture
def count_statements(monkeypatch):
    """Start counting SQL statements; returns the counter."""
    counter = StatementCounter()
    database = models.DB.obj
    original = database.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        counter.statements.append(sql)
        return original(sql, params, *args, **kwargs)

    monkeypatch.setattr(database, "execute_sql", counting)
    return counter
