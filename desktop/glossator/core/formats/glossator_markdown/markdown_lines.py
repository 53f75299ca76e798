"""Walking the lines of a reader's Markdown the way a renderer reads them: code fences and
inline code spans are left alone by every escape the export writes and the import undoes."""

from __future__ import annotations

import re
from collections.abc import Callable

FENCE_OPEN = re.compile(r" {0,3}(`{3,}(?!.*`)|~{3,})")


def fence_closes(fence: str, line: str) -> bool:
    """Whether ``line`` closes the code fence opened by ``fence``."""
    return re.fullmatch(rf" {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*", line) is not None


def outside_fences(lines: list[str], change: Callable[[int, str], str]) -> list[str]:
    """``lines`` with ``change(i, line)`` applied to every line outside a code fence.

    The first line follows a lead-in on its own line ("Note: "), so it never opens a fence.
    """
    in_code, _ = _scan(lines)
    return [line if code else change(i, line) for i, (line, code) in enumerate(zip(lines, in_code))]


def unclosed_fence(lines: list[str]) -> str:
    """The fence still open after the last line ('' when every fence closes)."""
    return _scan(lines)[1]


def _scan(lines: list[str]) -> tuple[list[bool], str]:
    """For each line, whether it belongs to a code fence; and the fence open after the last."""
    in_code: list[bool] = []
    fence = ""
    for i, line in enumerate(lines):
        if fence:
            fence = "" if fence_closes(fence, line) else fence
            in_code.append(True)
        elif i and (opening := FENCE_OPEN.match(line)):
            fence = opening.group(1)
            in_code.append(True)
        else:
            in_code.append(False)
    return in_code, fence


def code_span_end(line: str, i: int) -> int:
    """Where the inline code span opening with the backticks at ``line[i]`` ends; an unclosed
    run of backticks is literal text and ends after itself."""
    run = len(line[i:]) - len(line[i:].lstrip("`"))
    close = line.find("`" * run, i + run)
    while close != -1 and line[close + run : close + run + 1] == "`":
        close = line.find("`" * run, close + run + 1)
    return close + run if close != -1 else i + run

