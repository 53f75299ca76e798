"""Write the fixture library for the current schema version: ``python tests/data/db/make_fixture.py``.

Each schema version gets one frozen file, ``v<N>.db``, holding the articles, notes and
sources listed in ``CONTENT``; the migration tests upgrade every one of them to the current
schema and check that all of it is still there. Run this once when a migration adds a
version, and commit the new file; existing fixtures are never rewritten.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "desktop"))

from glossator.core import store  # noqa: E402
from glossator.core.article import Article, paragraph_blocks  # noqa: E402
from glossator.core.store import migrations  # noqa: E402

TEXT = (
    "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its "
    "market cap.\n\n"
    "Marc Andreessen characterized DeepSeek's emergence as \"AI's Sputnik moment\".\n\n"
    "According to reports, the R1 model was developed using significantly fewer resources."
)
# (phrase, note bodies, sources as (url, title, stance)) on the article above.
CONTENT = [
    ("plunged by 17%", ["Check the closing price on 27 January.", "Reuters says 16.9%."],
     [("https://example.org/nvda", "Market data", "supports"), ("doi:10.1000/xyz123", "Paper", "context")]),
    ("AI's Sputnik moment", ["Quote is from a post on X — find the original."],
     [("mailto:desk@example.org", "Ask the desk", "context")]),
    ("significantly fewer resources", ["Unnamed source: *needs* a second one. 日本語 ✓"],
     [("https://example.org/r1?cost=low&x=<y>", "Cost claim", "refutes")]),
]
ARTICLE_NOTE = "Whole-article note: compare with the Bloomberg piece."


def fixture_path(version: int) -> Path:
    """Where the fixture for a schema version is kept."""
    return HERE / f"v{version}.db"


def main() -> int:
    version = migrations.latest_version()
    target = fixture_path(version)
    if target.exists():
        print(f"{target} exists; fixtures are frozen once written.", file=sys.stderr)
        return 1
    store.open_database(target)
    article = store.save_article(Article(
        text=TEXT, blocks=paragraph_blocks(TEXT),
        title="DeepSeek R1 AI Model Disrupts Global Tech Market", source_path="/news/deepseek.txt",
    ))
    for phrase, notes, sources in CONTENT:
        start = TEXT.index(phrase)
        for body in notes:
            store.add_note(article.id, start, start + len(phrase), body)
        for url, title, stance in sources:
            store.add_source(article.id, start, start + len(phrase), url, title=title, stance=stance)
    store.add_article_note(article.id, ARTICLE_NOTE)
    store.close_database()
    # One self-contained file: no WAL beside it.
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("VACUUM")
    connection.close()
    print(f"wrote {target} (schema version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
