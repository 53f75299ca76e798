"""Keeping repeated paragraphs through trafilatura, which keeps one of each identical block.

trafilatura drops a block whose text equals one it already has (to undo its own overlapping
candidates), so a refrain or a repeated line in an article would be lost. Before extraction each
repeated block gets an invisible tag of its own at the start of its text, made of private-use
code points from the last plane; the tags are removed from everything extraction returns. The
same block taken twice still carries one tag, so trafilatura still collapses that.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

_OPEN, _CLOSE = "\U0010fff0", "\U0010fff1"
_DIGITS = str.maketrans("0123456789", "".join(chr(0x10FFE0 + n) for n in range(10)))
_TAG = re.compile("\U0010fff0[\U0010ffe0-\U0010ffe9]+\U0010fff1")
# The blocks trafilatura keeps or drops whole.
TEXT_BLOCKS = (
    "p", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "figcaption", "div",
)


@contextmanager
def repeats_told_apart(root: etree._Element) -> Iterator[None]:
    """While inside, every repeated innermost text block under ``root`` starts with its own tag."""
    changed = [_tag(block, number) for number, block in enumerate(_repeated_blocks(root))]
    try:
        yield
    finally:
        for element, attribute, value in reversed(changed):
            setattr(element, attribute, value)


def untagged(text: str | None) -> str | None:
    """``text`` without the tags of :func:`repeats_told_apart`."""
    return _TAG.sub("", text) if text and _OPEN in text else text


def untag_tree(root: etree._Element) -> etree._Element:
    """Remove the tags from every text and tail under ``root``, in place."""
    for element in root.iter():
        if not _is_comment(element):
            element.text = untagged(element.text)
        element.tail = untagged(element.tail)
    return root


def _repeated_blocks(root: etree._Element) -> list[etree._Element]:
    """Text blocks holding no other text block whose text occurs more than once."""
    outer: set = set()
    blocks = []
    for element in root.iter(*TEXT_BLOCKS):
        blocks.append(element)
        for ancestor in element.iterancestors():
            if ancestor in outer:
                break
            outer.add(ancestor)
    texts = {block: " ".join("".join(block.itertext()).split()) for block in blocks if block not in outer}
    counts = Counter(texts.values())
    return [block for block, text in texts.items() if text and counts[text] > 1]


def _tag(block: etree._Element, number: int) -> tuple[etree._Element, str, str | None]:
    """Put tag ``number`` before the block's first visible text (inside a link if it starts with
    one, so link density is unchanged); returns what to restore."""
    tag = _OPEN + str(number).translate(_DIGITS) + _CLOSE
    for element, attribute in _text_slots(block):
        value = getattr(element, attribute)
        if value and value.strip():
            setattr(element, attribute, tag + value)
            return element, attribute, value
    return block, "text", block.text  # its only text is in comments: nothing to tag


def _text_slots(block: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Where the block's text is held, in reading order (its own tail is outside it)."""
    for event, element in etree.iterwalk(block, events=("start", "end")):
        if event == "start" and not _is_comment(element):
            yield element, "text"
        elif event == "end" and element is not block:
            yield element, "tail"


def _is_comment(element) -> bool:
    return not isinstance(element.tag, str)
