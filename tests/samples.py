"""Paths to the sample material the tests use, shipped in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = ROOT / "resources" / "samples" / "deepseek-r1-news.txt"


def sample_text() -> str:
    """The DeepSeek sample article as Glossator's text reader returns it."""
    from glossator.core.readers import read_article

    return read_article(SAMPLE_ARTICLE).text
