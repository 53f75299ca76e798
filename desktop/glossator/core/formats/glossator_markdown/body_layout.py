"""Which Markdown block syntax each line of the article body gets.

The body is written line for line: line *i* of the article text becomes line *i* of the body,
with block syntax put in front of it (``# ``, ``> ``, ``- ``, ``1. ``, list indentation) or,
for a code block, fence lines put around it. Keeping lines one to one is what lets any text
come back exactly: blank-line runs, stray whitespace and text outside every block all stay
where they were, and text outside the blocks is simply written as paragraph text.

A block only gets its syntax where both python-markdown and CommonMark will read it back as
that block; otherwise its lines are written as paragraph text, which renders as the text
itself. So a block must lie on whole lines (only whitespace before its start and after its
end), share no line with another block and begin with a non-empty line; a heading must be one
line; a list item must follow a blank line, a heading or a list item without blank lines of
its own (python-markdown lets no list interrupt a paragraph); a code block must stand between
blank lines and hold no claim or highlight (marks cannot be shown inside code) and no carriage
return (code lines are written as they are).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from glossator.core.article import Block

BODY_START = "<!-- glossator:body -->"
BODY_END = "<!-- /glossator:body -->"

_BACKTICK_RUN = re.compile(r"`+")


@dataclass(frozen=True)
class LineForm:
    """How one line of the article is written: block syntax before it, or as a code line."""

    prefix: str = ""
    verbatim: bool = False
    fence_before: str = ""
    fence_after: str = ""


def layout_lines(
    text: str, blocks: Sequence[Block], unmarkable: Sequence[tuple[int, int]] = ()
) -> list[LineForm]:
    """Return one ``LineForm`` per line of ``text`` (split at ``\\n``).

    ``unmarkable`` holds the ranges of marks that must stay visible; a code block touching
    one of them is written as paragraph text instead.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    forms = [LineForm() for _ in lines]
    roles = [""] * len(lines)
    lists = _ListRun()
    for block, first, last in _placed_blocks(text, lines, starts, blocks):
        after_blank = first == 0 or lines[first - 1] == ""
        if block.kind == "heading":
            forms[first] = LineForm(prefix="#" * min(max(block.level, 1), 6) + " ")
            roles[first] = "heading"
        elif block.kind == "quote":
            for i in range(first, last + 1):
                forms[i] = LineForm(prefix="> ")
        elif block.kind == "list_item":
            if not (after_blank or roles[first - 1] in ("heading", "list")):
                continue
            lead, rest = lists.prefixes(block, first, lines)
            forms[first] = LineForm(prefix=lead)
            for i in range(first + 1, last + 1):
                forms[i] = LineForm(prefix=rest if lines[i] else "")
            tight = all(lines[first : last + 1])
            for i in range(first, last + 1):
                roles[i] = "list" if tight else "loose-list"
            lists.ended_at(last)
        elif block.kind == "code":
            end = starts[last] + len(lines[last])
            blank_after = last == len(lines) - 1 or lines[last + 1] == ""
            touched = any(s < end and e > starts[first] for s, e in unmarkable)
            # A carriage return cannot be written as is: every renderer ends the line there.
            has_return = "\r" in text[starts[first] : end]
            if not after_blank or not blank_after or touched or has_return:
                continue
            runs = _BACKTICK_RUN.findall(text[starts[first] : end])
            longest = max((len(run) for run in runs), default=0)
            fence = "`" * max(3, longest + 1)
            for i in range(first, last + 1):
                forms[i] = LineForm(
                    verbatim=True,
                    fence_before=fence if i == first else "",
                    fence_after=fence if i == last else "",
                )
    return forms


def _placed_blocks(
    text: str, lines: list[str], starts: list[int], blocks: Sequence[Block]
) -> list[tuple[Block, int, int]]:
    """The blocks that can carry their own syntax, each with its first and last line."""
    placed: list[tuple[Block, int, int]] = []
    taken_until = -1
    for block in sorted(blocks, key=lambda b: (b.start, b.end, b.kind, b.level, b.ordered)):
        if block.kind not in ("heading", "quote", "list_item", "code"):
            continue
        if not 0 <= block.start < block.end <= len(text):
            continue
        first = bisect.bisect_right(starts, block.start) - 1
        last = bisect.bisect_right(starts, block.end - 1) - 1
        line_end = starts[last] + len(lines[last])
        if (
            first <= taken_until
            or not lines[first]
            or text[starts[first] : block.start].strip()
            or text[block.end : line_end].strip()
            or (block.kind == "heading" and first != last)
        ):
            continue
        placed.append((block, first, last))
        taken_until = last
    return placed


class _ListRun:
    """Markers and indentation for consecutive list items (separated by blank lines at most).

    Depth is taken relative to the run's first item, so readers that count list levels from
    0 and from 1 both work, and a depth never jumps by more than one (an orphaned nested
    item would otherwise become an indented code block). Indentation is four spaces per
    level, which python-markdown needs and CommonMark accepts for markers up to four wide.
    """

    def __init__(self) -> None:
        self._last_line = -1
        self._base_level = 0
        self._depth = 0
        self._counters: dict[int, tuple[bool, int]] = {}

    def prefixes(self, block: Block, first: int, lines: list[str]) -> tuple[str, str]:
        """Prefix of the item's first line and of its continuation lines."""
        continuing = self._last_line >= 0 and not any(lines[self._last_line + 1 : first])
        if continuing:
            depth = min(max(block.level - self._base_level, 0), self._depth + 1)
        else:
            self._base_level, depth, self._counters = block.level, 0, {}
        self._counters = {d: c for d, c in self._counters.items() if d <= depth}
        ordered, count = self._counters.get(depth, (block.ordered, 0))
        number = count + 1 if ordered == block.ordered else 1
        self._counters[depth] = (block.ordered, number)
        self._depth = depth
        marker = f"{number}. " if block.ordered else "- "
        indent = " " * (4 * depth)
        return indent + marker, indent + " " * max(4, len(marker))

    def ended_at(self, line: int) -> None:
        self._last_line = line
