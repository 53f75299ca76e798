"""Finding the headline and subheadings of a plain-text article, which has no markup for them.

A heading here is a paragraph of one short line that does not end like a sentence and is not a
dateline. The headline is the first such line among the opening paragraphs; later ones count as
subheadings only when they stand between two ordinary prose paragraphs, which keeps bylines,
datelines and section labels in a header cluster from being mistaken for them.
"""

from __future__ import annotations

import re

TITLE_MAX_CHARS = 120
TITLE_SEARCH_PARAGRAPHS = 3
TITLE_MIN_WORDS = 3
SUBHEADING_MAX_CHARS = 80
SUBHEADING_MAX_WORDS = 12
SUBHEADING_MIN_WORDS = 2
PROSE_MIN_CHARS = 120

_SENTENCE_END = re.compile(r"[.!?:;,\u2026]['\"\u2019\u201d)\]]*$")
_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_DAYS = (
    "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|"
    "sat|saturday|sun|sunday"
)
_DATE_WORDS = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|today|yesterday|updated|published|posted|last|modified|on|at|"
    r"am|pm|a\.m|p\.m|gmt|utc|bst|cet|est|edt|pst|pdt)\b\.?|\d+(?:st|nd|rd|th)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


def find_headings(paragraphs: list[str]) -> dict[int, int]:
    """Map paragraph index to heading level: 1 for the headline, 2 for subheadings."""
    headings: dict[int, int] = {}
    for index in range(min(TITLE_SEARCH_PARAGRAPHS, len(paragraphs) - 1)):
        if _is_headline(paragraphs[index]):
            headings[index] = 1
            break
    for index in range(1, len(paragraphs) - 1):
        if index not in headings and _is_subheading(paragraphs, index):
            headings[index] = 2
    return headings


def is_dateline(line: str) -> bool:
    """True for lines that are only a date or time ('Today : Jan 31, 2025', '28 January 2025')."""
    if not re.search(r"\d", line):
        return False
    return len(_WORD.findall(_DATE_WORDS.sub(" ", line))) <= 1


def _is_heading_line(paragraph: str, max_chars: int) -> bool:
    if "\n" in paragraph or len(paragraph) > max_chars or _SENTENCE_END.search(paragraph):
        return False
    first_letter = re.search(r"[^\W\d_]", paragraph)
    return first_letter is not None and first_letter.group().isupper() and not is_dateline(paragraph)


def _is_headline(paragraph: str) -> bool:
    words = len(paragraph.split())
    return words >= TITLE_MIN_WORDS and _is_heading_line(paragraph, TITLE_MAX_CHARS)


def _is_subheading(paragraphs: list[str], index: int) -> bool:
    paragraph = paragraphs[index]
    words = len(paragraph.split())
    return (
        SUBHEADING_MIN_WORDS <= words <= SUBHEADING_MAX_WORDS
        and _is_heading_line(paragraph, SUBHEADING_MAX_CHARS)
        and _is_prose(paragraphs[index - 1])
        and _is_prose(paragraphs[index + 1])
    )


def _is_prose(paragraph: str) -> bool:
    return len(paragraph) >= PROSE_MIN_CHARS and bool(_SENTENCE_END.search(paragraph))
