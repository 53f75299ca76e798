"""Plain-text tables for the command line: summaries of articles, entities and claims.

Everything the library holds passes through :func:`clean` before it is printed: a library
written by an older version may keep newlines, NULs, terminal escapes or bidi overrides in
titles and sources, and those must not break a row or reorder what the terminal shows.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter, defaultdict

from glossator.core.annotation import AnnotationRecord

TITLE_WIDTH = 100  # a list row's title is cut here even when the output goes to a file

# Line and paragraph breaks become a space; other C0/C1 controls and the bidi embeddings,
# overrides, isolates and marks become a visible escape such as \x00 or \u202e.
_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029"
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
_CLEAN = {ord(ch): " " if ch in _BREAKS else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
          for ch in (*_CONTROLS, *_BREAKS, *_BIDI)}


def clean(text) -> str:
    """``text`` as one safe line: breaks become spaces, other controls visible escapes."""
    return str(text).replace("\r\n", "\n").translate(_CLEAN)


def _width() -> int:
    """The terminal's width; unlimited when output goes to a pipe or file."""
    if not sys.stdout.isatty():
        return 100_000
    return max(60, min(shutil.get_terminal_size((100, 20)).columns, 160))


def shorten(text: str, width: int) -> str:
    """One safe line of at most ``width`` characters, with an ellipsis if cut."""
    flat = " ".join(clean(text).split())
    return flat if len(flat) <= width else flat[: max(width - 1, 0)] + "…"


def table(headers: list[str], rows: list[list[str]], flexible: int = -1) -> str:
    """Columns padded to fit; the ``flexible`` column is shortened to fit the terminal."""
    if not rows:
        return ""
    cells = [[" ".join(clean(c).split()) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    flex = flexible % len(headers)
    fixed = sum(w for i, w in enumerate(widths) if i != flex) + 2 * (len(headers) - 1)
    widths[flex] = max(12, min(widths[flex], _width() - fixed))
    lines = ["  ".join(h.ljust(widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        row[flex] = shorten(row[flex], widths[flex])
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(row)).rstrip())
    return "\n".join(lines)


def entity_summary(records: list[AnnotationRecord]) -> str:
    """Entities grouped by type, each name with its number of mentions, most frequent first."""
    groups: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        if r.kind == "entity":
            groups[r.label][r.attrs.get("canonical") or r.quote] += 1
    lines = []
    for label in sorted(groups, key=lambda kind: (-sum(groups[kind].values()), kind)):
        names = ", ".join(f"{shorten(name, 80)} ({n})" for name, n in groups[label].most_common())
        lines.append(f"{clean(label):<8} {names}")
    return "\n".join(lines)


def claims_table(records: list[AnnotationRecord], min_score: float = 0.0) -> str:
    """Claims by position with score, kind, speaker and status."""
    rows = []
    claims = [r for r in records if r.kind == "claim" and (r.score or 0) >= min_score]
    for n, r in enumerate(claims, 1):
        rows.append([str(n), f"{r.score or 0:.2f}", r.label, r.attrs.get("speaker", "") or "-",
                     r.status, f"{r.start}-{r.end}", r.quote])
    return table(["#", "score", "kind", "speaker", "status", "range", "claim"], rows)


def annotations_table(records: list[AnnotationRecord]) -> str:
    """The annotations that carry the user's work: notes, sources, tags or a status."""
    rows = []
    for r in records:
        if not (r.notes or r.sources or r.tags or r.origin == "user" or r.status != "unchecked"):
            continue
        extras = []
        if r.notes:
            extras.append(f"{len(r.notes)} note(s)")
        if r.sources:
            extras.append(f"{len(r.sources)} source(s)")
        if r.tags:
            extras.append("#" + " #".join(r.tags))
        rows.append([str(r.id), r.kind, r.label, r.status if r.kind == "claim" else "",
                     f"{r.start}-{r.end}", ", ".join(extras), r.quote])
    return table(["id", "kind", "label", "status", "range", "attached", "passage"], rows)
