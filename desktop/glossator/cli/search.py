"""``glossator search``: full-text search over the library's titles, texts, notes and sources."""

from __future__ import annotations

from glossator.cli import arg_types, output
from glossator.core.services import articles
from glossator.core.services import search as search_service

WHERE = {"article": "text", "note": "note", "source": "source"}


def add_parser(sub) -> None:
    p = sub.add_parser("search", help="find articles, notes and sources containing words")
    p.add_argument("words", nargs="+", help='words that must all occur; "quoted words" together')
    p.add_argument("--limit", type=arg_types.limit, default=50,
                   help=f"show at most this many hits, 1 to {arg_types.MAX_LIMIT} (default 50)")


def search(args) -> int:
    query = " ".join(args.words)
    hits = search_service.search(query, limit=args.limit)
    if not hits:
        print(f"Nothing in the library matches {query!r}.")
        return 1
    titles = {summary.id: output.shorten(summary.title or "Untitled", output.TITLE_WIDTH)
              for summary in articles.list_articles()}
    rows = [[str(hit.article_id), titles.get(hit.article_id, "?"), WHERE[hit.kind], hit.plain_snippet("»", "«")]
            for hit in hits]
    print(output.table(["id", "title", "in", "snippet"], rows, flexible=3))
    return 0
