"""Bounding how deeply an HTML tree nests, so that walking it cannot exhaust Python's stack.

Pages nested hundreds of levels deep are machine-made (a broken editor, a hostile file). Below
``MAX_DEPTH`` their plain wrappers (div, span, section, ...) are unwrapped, which keeps every
word and every paragraph. Where other elements still nest below ``HARD_DEPTH``, everything there
is unwrapped into plain text (scripts and the like dropped first): structure is lost, text is not.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

MAX_DEPTH = 150
HARD_DEPTH = 200
# Containers whose only meaning is grouping. Boilerplate containers (nav, header, footer,
# aside) are not among them, so the extractors can still recognise and drop them.
WRAPPER_TAGS = (
    "div", "span", "section", "article", "main", "font", "center", "form", "fieldset",
    "details", "hgroup", "figure", "address", "big", "small",
)


def flatten_deep_nesting(root: etree._Element, *, dropped: Iterable[str] = ()) -> etree._Element:
    """``root`` (changed in place) with no element more than ``HARD_DEPTH`` levels below it.

    ``dropped`` names the elements whose content is not text, removed before unwrapping all.
    """
    for element in _below(root, MAX_DEPTH):
        etree.strip_tags(element, *WRAPPER_TAGS)
    for element in _below(root, HARD_DEPTH):
        etree.strip_elements(element, *dropped, with_tail=False)
        etree.strip_tags(element, "*")
    return root


def _below(root: etree._Element, depth: int) -> list[etree._Element]:
    """The elements ``depth`` levels under ``root``: the tops of the subtrees that nest too deep."""
    found = []
    level = 0
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        if event == "end":
            level -= 1
            continue
        if level == depth:
            found.append(element)
            walk.skip_subtree()  # its "end" event still comes, so the level stays right
        level += 1
    return found
