"""Short one-line forms of passages, notes and sources, for rows in the inspector panels."""

from __future__ import annotations

import re

from glossator.core.annotation import SourceRef

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)")
_EMPHASIS = re.compile(r"(\*\*|\*|~~|`)(?=\S)(.+?)(?<=\S)\1")
# Underscores inside a word (snake_case) are not emphasis in Markdown.
_UNDERSCORES = re.compile(r"(?<!\w)(__|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def one_line(text: str, limit: int = 0) -> str:
    """``text`` with its whitespace runs (newlines included) collapsed, cut at ``limit`` chars."""
    flat = " ".join(text.split())
    if limit and len(flat) > limit:
        return flat[: limit - 1].rstrip() + "…"
    return flat


def note_summary(body: str) -> str:
    """The first line of a Markdown note with the common markup taken off.

    Only the markers a reader would find noisy in a list are removed (headings, quotes,
    list bullets, emphasis, code ticks, link targets); this is not a Markdown renderer.
    """
    first = next((line for line in body.splitlines() if line.strip()), "")
    first = _BLOCK_MARK.sub("", first, count=1)
    first = _LINK.sub(r"\1", first)
    previous = None
    while previous != first:  # emphasis can nest: **_word_**
        previous, first = first, _UNDERSCORES.sub(r"\2", _EMPHASIS.sub(r"\2", first))
    return one_line(first)


def source_line(source: SourceRef) -> str:
    """``title — url (stance)``, or ``url (stance)`` for a source without a title."""
    head = f"{source.title} — {source.url}" if source.title else source.url
    return f"{head} ({source.stance})"


def quoted(passage: str, limit: int = 80) -> str:
    """A passage as a one-line quotation, shortened to ``limit`` characters."""
    return f"“{one_line(passage, limit)}”"
