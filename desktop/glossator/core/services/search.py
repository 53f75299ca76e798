"""Searching the library's text, notes and sources; what is typed is taken as words, never syntax."""

from __future__ import annotations

from glossator.core import store
from glossator.core.services.values import SearchHit
from glossator.core.services.worker import front_door


@front_door
def search(query: str, *, limit: int = 50) -> list[SearchHit]:
    """The best hits for ``query`` across the library, best first."""
    return store.search(query, limit=limit)


@front_door
def best_hit_per_article(query: str) -> dict[int, SearchHit]:
    """For each article matching ``query``, its best hit (the library panel's filter).

    A fault of the library file (gone, locked, damaged) is a StoreError, as everywhere.
    """
    try:
        return store.best_hit_per_article(query)
    except Exception as exc:
        failure = store.library_failure(exc)
        if failure is None:
            raise
        raise failure from exc
