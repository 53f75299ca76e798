"""The structure of a plain-text book: chapter and part headings, and its table of contents.

Books mark their divisions in words ("CHAPTER 1. Loomings.", "BOOK III", "ACT II",
"Scene I. A public place.", "Letter 4") and a few standing sections ("PREFACE", "EPILOGUE").
Parts, books, volumes and acts rank above chapters, scenes and letters. A table of contents
lists those same lines before the text: its entries become list items rather than headings,
so that each chapter appears once in the outline. The contents ends at the first prose
paragraph or when its first entry comes round again as the text's own heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_MAX_CHARS = 120
ENTRY_MAX_CHARS = 120
MAX_ENTRIES = 400

_NUMBER = (
    r"(?:\d{1,4}|[IVXLCDM]{1,8}|the\s+\w+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
)
_MAJOR = re.compile(rf"^(?:BOOK|PART|VOLUME|ACT)\s+{_NUMBER}\b(?!['\u2019])", re.IGNORECASE)
_MINOR = re.compile(
    rf"^(?:CHAPTER|SCENE|LETTER|STAVE|CANTO|SECTION)\s+{_NUMBER}\b(?!['\u2019])", re.IGNORECASE
)
_STANDING = re.compile(
    r"^(?:PREFACE|PROLOGUE|THE PROLOGUE|EPILOGUE|INTRODUCTION|APPENDIX|AFTERWORD|FOREWORD|"
    r"CONCLUSION|ETYMOLOGY|EXTRACTS)\b",
    re.IGNORECASE,
)
_CONTENTS = re.compile(r"^(?:table of\s+)?contents\.?$", re.IGNORECASE)
# A play's cast list: a standing section that a table of contents never lists, so it ends one.
_CAST = re.compile(r"^(?:DRAMATIS\s+PERSON(?:AE|Æ|E)|PERSONS\s+REPRESENTED|(?:THE\s+)?PERSONS\s+OF\s+THE\s+"
                   r"(?:PLAY|DRAMA)|CHARACTERS\s+(?:IN|OF)\s+THE\s+PLAY)\.?$", re.IGNORECASE)
_KEY = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class BookBlock:
    """One block of the book: its kind (heading, list_item, paragraph), text and heading level."""

    kind: str
    text: str
    level: int = 0


def book_blocks(paragraphs: list[str]) -> list[BookBlock] | None:
    """The paragraphs as book blocks, or None when they do not look like a book: two division
    headings are needed, or one and a table of contents.

    ``paragraphs`` are stripped, with wrapped lines already joined.
    """
    major = any(_MAJOR.match(p) for p in paragraphs if _one_line(p))
    minor_level = 3 if major else 2
    levels = [_division_level(p, minor_level) for p in paragraphs]
    has_contents = any(_CONTENTS.match(p) for p in paragraphs)
    if sum(1 for level in levels if level) < (1 if has_contents else 2):
        return None
    blocks: list[BookBlock] = []
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if _CONTENTS.match(paragraph):
            blocks.append(BookBlock("heading", paragraph, 2))
            entries, index = _contents(paragraphs, index + 1)
            blocks.extend(BookBlock("list_item", entry) for entry in entries)
            continue
        level = levels[index]
        blocks.append(BookBlock("heading", paragraph, level) if level else BookBlock("paragraph", paragraph))
        index += 1
    return blocks


def _division_level(paragraph: str, minor_level: int) -> int:
    if not _one_line(paragraph) or len(paragraph) > HEADING_MAX_CHARS or paragraph.endswith("]"):
        return 0
    if _MAJOR.match(paragraph) or _STANDING.match(paragraph) or _CAST.match(paragraph):
        return 2
    if _MINOR.match(paragraph):
        return minor_level
    return 0


def _contents(paragraphs: list[str], index: int) -> tuple[list[str], int]:
    """The entries of a table of contents starting at ``index``, and the index after it."""
    entries: list[str] = []
    first_key = ""
    while index < len(paragraphs) and len(entries) < MAX_ENTRIES:
        lines = [line.strip() for line in paragraphs[index].split("\n") if line.strip()]
        if any(len(line) > ENTRY_MAX_CHARS for line in lines) or _CAST.match(lines[0]):
            break
        if first_key and _key(lines[0]) == first_key:
            break
        first_key = first_key or _key(lines[0])
        entries.extend(lines)
        index += 1
    return entries, index


def _key(line: str) -> str:
    return _KEY.sub(" ", line).strip().casefold()


def _one_line(paragraph: str) -> bool:
    return "\n" not in paragraph
