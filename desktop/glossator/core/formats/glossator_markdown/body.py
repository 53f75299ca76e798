"""The article body of an export: each text line escaped, marked up and given its block syntax."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from glossator.core.formats.glossator_markdown.body_layout import LineForm
from glossator.core.formats.glossator_markdown.escaping import escape_line
from glossator.core.formats.glossator_markdown.inline_marks import Mark, render_line


def render_body(
    text: str, forms: Sequence[LineForm], marks: Sequence[Mark]
) -> tuple[str, list[str]]:
    """Return the body Markdown and the footnote labels in the order they are referenced.

    ``forms`` has one entry per line of ``text`` (see ``body_layout.layout_lines``); lines
    inside a fenced code block are written as they are, without marks.
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    marks_on = _marks_by_line(marks, starts)
    refs: list[str] = []
    out: list[str] = []
    for line, start, form, line_marks in zip(lines, starts, forms, marks_on):
        if form.fence_before:
            out.append(form.fence_before)
        if form.verbatim:
            out.append(line)
        else:
            content = render_line(escape_line(line), start, line_marks, refs)
            # An empty quote line is a bare '>': no trailing space for editors to strip.
            out.append(form.prefix + content if content else form.prefix.rstrip())
        if form.fence_after:
            out.append(form.fence_after)
    return "\n".join(out), refs


def _marks_by_line(marks: Sequence[Mark], starts: list[int]) -> list[list[Mark]]:
    by_line: list[list[Mark]] = [[] for _ in starts]
    for mark in marks:
        first = bisect.bisect_right(starts, mark.start) - 1
        last = bisect.bisect_right(starts, mark.end - 1) - 1
        for i in range(first, last + 1):
            by_line[i].append(mark)
    return by_line
