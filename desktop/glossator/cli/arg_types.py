"""Argument types for the ``glossator`` command: numbers the library can really hold.

SQLite stores integers as signed 64-bit values; a larger id would reach the database and
fail there with a traceback. These types turn such input into argparse's usual one-line
error and exit code 2.
"""

from __future__ import annotations

import argparse
import math

SQLITE_MAX = 2**63 - 1
MAX_LIMIT = 100_000  # more hits than anyone reads in a terminal; keeps the query sane


def _integer(text: str, what: str, low: int, high: int) -> int:
    stripped = text.strip()
    # ASCII digits only: int() also takes "1_000" and "١٢", isdigit() takes "²" which int() refuses.
    if not (stripped.isascii() and stripped.lstrip("-").isdigit() and stripped.count("-") <= 1):
        raise argparse.ArgumentTypeError(f"{what} must be a whole number, not {text!r}")
    value = int(stripped)
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(f"{what} must be between {low} and {high}, not {stripped}")
    return value


def article_ref(text: str) -> str:
    """An article id (1 to 2**63-1), or a file or text hash, which pass through unchanged."""
    stripped = text.strip()
    if stripped.isdigit() or stripped.lstrip("-").isdigit():
        return str(_integer(stripped, "an article id", 1, SQLITE_MAX))
    return text


def offset(text: str) -> int:
    """A character offset into an article's text: 0 or more, within SQLite's range."""
    return _integer(text, "an offset", 0, SQLITE_MAX)


def limit(text: str) -> int:
    """How many results to show: 1 to ``MAX_LIMIT``."""
    return _integer(text, "the limit", 1, MAX_LIMIT)


def score(text: str) -> float:
    """A claim score threshold: a finite number from 0 to 1 (no nan, no inf)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the score must be a number from 0 to 1, not {text!r}") from None
    if not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"the score must be a number from 0 to 1, not {text}")
    return value


def jobs(text: str) -> int:
    """How many processes a batch import uses: 1 to 64."""
    return _integer(text, "the number of jobs", 1, 64)
