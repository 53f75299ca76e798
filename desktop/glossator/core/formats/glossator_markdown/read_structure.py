"""What the body of an export says beyond its text: claim and highlight marks, formatting, blocks.

The inverse of ``selection.py`` (marks and formatting tags) and ``body_layout.py`` (block
syntax), working on what ``strip.decode_body`` found. A mark written over several lines, or
closed and opened again where other marks begin and end, comes back as one range: the footnote
label after its last close ends it, and the pieces before it that join up to it belong to it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from glossator.core.article import Block, Inline
from glossator.core.formats.glossator_markdown.selection import CLAIM_TAG, HIGHLIGHT_TAG
from glossator.core.formats.glossator_markdown.strip import TaggedRun

_FORMAT_KINDS = {"<em>": "emphasis", "<b>": "strong", "<code>": "code"}
_LINK_TAG = re.compile(r'<a href="([^"]*)">')
_HEADING = re.compile(r"(#{1,6}) ")
_LIST_ITEM = re.compile(r"( *)(- |[0-9]+\. )")
_MARK_KINDS = {CLAIM_TAG: "claim", HIGHLIGHT_TAG: "highlight"}


@dataclass(frozen=True)
class MarkRange:
    """A claim or highlight mark: its kind, its range in the text and its footnote label."""

    kind: str
    start: int
    end: int
    label: str = ""


def mark_ranges(text: str, runs: Sequence[TaggedRun]) -> list[MarkRange]:
    """The claim and highlight marks of the body, in text order."""
    found: list[MarkRange] = []
    pending: dict[str, list[TaggedRun]] = {"claim": [], "highlight": []}
    for run in runs:
        kind = _MARK_KINDS.get(run.tag)
        if kind is None:
            continue
        if not run.ref:
            pending[kind].append(run)
            continue
        start = _chain_start(text, run.start, pending[kind])
        found.append(MarkRange(kind, start, run.end, run.ref))
    # A highlight without a footnote is whatever is left, its pieces joined up again.
    for kind, rest in pending.items():
        for start, end in _joined(text, rest):
            found.append(MarkRange(kind, start, end))
    return sorted(found, key=lambda m: (m.start, m.end, m.kind, m.label))


def _chain_start(text: str, start: int, pieces: list[TaggedRun]) -> int:
    """Walk back over the pending pieces that end where the mark starts; take them."""
    while True:
        for i in range(len(pieces) - 1, -1, -1):
            piece = pieces[i]
            if piece.end <= start and not text[piece.end : start].strip("\n") and piece.start < start:
                start = piece.start
                del pieces[i]
                break
        else:
            return start


def _joined(text: str, pieces: Sequence[TaggedRun]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for piece in sorted(pieces, key=lambda p: (p.start, p.end)):
        if spans and spans[-1][1] <= piece.start and not text[spans[-1][1] : piece.start].strip("\n"):
            spans[-1] = (spans[-1][0], max(spans[-1][1], piece.end))
        else:
            spans.append((piece.start, piece.end))
    return spans


def inlines(text: str, runs: Sequence[TaggedRun]) -> list[Inline]:
    """The article's own emphasis, strong, code and links, pieces joined up again."""
    by_kind: dict[tuple[str, str], list[TaggedRun]] = {}
    for run in runs:
        link = _LINK_TAG.fullmatch(run.tag)
        key = ("link", html.unescape(link.group(1))) if link else (_FORMAT_KINDS.get(run.tag, ""), "")
        if key[0] and run.start < run.end:
            by_kind.setdefault(key, []).append(run)
    found = [
        Inline(kind, start, end, href)
        for (kind, href), pieces in by_kind.items()
        for start, end in _joined(text, pieces)
    ]
    return sorted(found, key=lambda i: (i.start, i.end, i.kind, i.href))


def blocks(text: str, prefixes: Sequence[str | None]) -> list[Block]:
    """Headings, quotes, list items and code from each line's block syntax; paragraphs between."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: list[Block] = []
    open_block: list = []  # [kind, first line, last line, level, ordered]
    taken = [False] * len(lines)

    def close() -> None:
        if open_block:
            kind, first, last, level, ordered = open_block
            found.append(Block(kind, starts[first], starts[last] + len(lines[last]), level, ordered))
            for i in range(first, last + 1):
                taken[i] = True
            open_block.clear()

    for i, (line, prefix) in enumerate(zip(lines, prefixes)):
        kind = open_block[0] if open_block else ""
        heading = _HEADING.fullmatch(prefix or "")
        item = _LIST_ITEM.fullmatch(prefix or "")
        if prefix is None:
            if kind != "code":
                close()
                open_block[:] = ["code", i, i, 0, False]
            open_block[2] = i
        elif heading:
            close()
            open_block[:] = ["heading", i, i, len(heading.group(1)), False]
            close()
        elif prefix.startswith(">"):
            if kind != "quote":
                close()
                open_block[:] = ["quote", i, i, 0, False]
            open_block[2] = i
        elif item:
            close()
            open_block[:] = ["list_item", i, i, len(item.group(1)) // 4 + 1, item.group(2) != "- "]
        elif kind == "list_item" and prefix and not prefix.strip():
            open_block[2] = i
        elif kind == "list_item" and not line and i + 1 < len(lines) and (prefixes[i + 1] or "").startswith(" "):
            continue
        else:
            close()
    close()
    run_start = None
    for i, line in enumerate([*lines, ""]):
        free = i < len(lines) and not taken[i] and line.strip()
        if free and run_start is None:
            run_start = i
        elif not free and run_start is not None:
            found.append(Block("paragraph", starts[run_start], starts[i - 1] + len(lines[i - 1])))
            run_start = None
    return sorted(found, key=lambda b: (b.start, b.end))
