"""Inline markup of one body line: claim and highlight marks, entity bold, article formatting.

Marks are spans of the article text, written as tags around the escaped characters. Wherever
the set of covering spans changes, the open tags that no longer nest are closed and opened
again, so the HTML is always well nested: claims and highlights are the outer layer, links
next, entities inside them, the article's own emphasis innermost, and within a layer a span
that starts earlier (or ends later) encloses the others. Every tag closes at the end of a line
and opens again on the next one, which keeps each line valid on its own (no emphasis across
a line break, no HTML block started by a lone tag).

An entity is written ``**Nvidia**`` when that is delimiter-safe under CommonMark's flanking
rules and python-markdown's pattern: the characters just inside both delimiters are letters
or digits (so the runs are left- and right-flanking whatever is outside), no ``*`` touches the
opening run from outside (runs would merge), and no other entity is nested in or around it.
Otherwise it is written ``<strong>Nvidia</strong>``.

A footnote reference follows the close of its mark's last segment. A ``(`` right after it is
escaped: CommonMark's link rule runs before its footnote extension and would read
``[^c1](x)`` as a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, eq=False)
class Mark:
    """A span of the article written with tags; ``ref`` is a footnote label put after its end."""

    start: int
    end: int
    layer: int
    open_tag: str
    close_tag: str
    bold: bool = False
    ref: str = ""
    rank: int = 0


def render_line(
    encoded: Sequence[str], offset: int, marks: Sequence[Mark], refs: list[str]
) -> str:
    """Write one line from its escaped characters and the marks touching it.

    ``offset`` is the article position of the line's first character. Footnote labels are
    appended to ``refs`` in the order they are written.
    """
    size = len(encoded)
    edges = {p - offset for m in marks for p in (m.start, m.end)}
    cuts = sorted({0, size} | {p for p in edges if 0 < p < size})
    tokens: list[_Token] = []
    stack: list[Mark] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = (m for m in marks if m.start <= offset + a and m.end >= offset + b)
        wanted = sorted(covering, key=_nesting)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        _close(stack, keep, offset + a, tokens)
        for mark in wanted[keep:]:
            tokens.append(_Token("open", mark=mark))
            stack.append(mark)
        tokens.append(_Token("text", "".join(encoded[a:b])))
    _close(stack, 0, offset + size, tokens)
    return _write(tokens, refs)


class _Token(NamedTuple):
    kind: str  # "open", "close", "text" (escaped characters) or "ref" (a footnote label)
    text: str = ""
    mark: Mark | None = None


def _nesting(mark: Mark) -> tuple[int, int, int, int]:
    return (mark.layer, mark.start, -mark.end, mark.rank)


def _close(stack: list[Mark], keep: int, pos: int, tokens: list[_Token]) -> None:
    while len(stack) > keep:
        mark = stack.pop()
        tokens.append(_Token("close", mark=mark))
        # Only the close at the mark's true end carries the footnote, not a close-and-reopen.
        if mark.ref and pos >= mark.end:
            tokens.append(_Token("ref", mark.ref))


def _write(tokens: list[_Token], refs: list[str]) -> str:
    partner = _pairs(tokens)
    out: list[str] = []
    closers: list[str] = []
    bold_open = 0
    for i, token in enumerate(tokens):
        if token.kind == "text":
            # "[^c1](x)" would be a link in CommonMark, whose link rule runs before footnotes.
            after_ref = i > 0 and tokens[i - 1].kind == "ref"
            escape = after_ref and token.text.startswith("(")
            out.append("\\" + token.text if escape else token.text)
        elif token.kind == "ref":
            out.append(f"[^{token.text}]")
            refs.append(token.text)
        elif token.kind == "open":
            mark = token.mark
            assert mark is not None
            if mark.bold and not bold_open and _stars_fit(tokens, i, partner[i], out):
                out.append("**")
                closers.append("**")
            else:
                out.append(mark.open_tag)
                closers.append(mark.close_tag)
            bold_open += mark.bold
        else:
            assert token.mark is not None
            out.append(closers.pop())
            bold_open -= token.mark.bold
    return "".join(out)


def _pairs(tokens: list[_Token]) -> dict[int, int]:
    """Index of each open token's matching close token (the tokens are well nested)."""
    partner: dict[int, int] = {}
    opened: list[int] = []
    for i, token in enumerate(tokens):
        if token.kind == "open":
            opened.append(i)
        elif token.kind == "close":
            partner[opened.pop()] = i
    return partner


def _stars_fit(tokens: list[_Token], i: int, j: int, out: list[str]) -> bool:
    """Whether ``**`` can delimit the entity opened at token ``i`` and closed at token ``j``."""
    first, last = tokens[i + 1], tokens[j - 1]
    if first.kind != "text" or last.kind != "text":
        return False
    if not (first.text[0].isalnum() and last.text[-1].isalnum()):
        return False
    if out and out[-1].endswith("*"):
        return False
    inner = tokens[i + 1 : j]
    return not any(t.kind == "open" and t.mark is not None and t.mark.bold for t in inner)
