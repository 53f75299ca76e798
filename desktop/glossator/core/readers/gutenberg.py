"""Project Gutenberg plain-text books: the book between the START and END lines, its catalogue
fields from the header, and the licence kept out of the article.

A Gutenberg file opens with fields ("Title:", "Author:", "Release date: ... [eBook #2701]",
"Language:") and a line "*** START OF THE PROJECT GUTENBERG EBOOK ... ***"; the book ends at
"*** END OF THE PROJECT GUTENBERG EBOOK ... ***", after which comes the licence. Older files say
"THIS PROJECT GUTENBERG EBOOK" and some put a "Produced by" credit first in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$", re.IGNORECASE | re.MULTILINE)
_END = re.compile(r"^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK\b.*$", re.IGNORECASE | re.MULTILINE)
# The older closing sentence some files carry just above the END line.
_END_SENTENCE = re.compile(r"^\s*End of (?:the )?Project Gutenberg'?s? .*$", re.IGNORECASE | re.MULTILINE)
_FIELD = re.compile(r"^(Title|Author|Translator|Editor|Release [Dd]ate|Language|Original publication):\s*(.*)$")
_EBOOK_NUMBER = re.compile(r"\[E-?Book #(\d+)\]", re.IGNORECASE)
_CREDIT = re.compile(r"^\s*(?:Produced by|E-text prepared by|Transcribed by)\b", re.IGNORECASE)
_DATE = re.compile(r"^([A-Z][a-z]+ \d{1,2}, \d{4})")


@dataclass
class GutenbergBook:
    """The body of a Gutenberg file and what its header says about the book."""

    body: str
    title: str = ""
    author: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def ebook_url(self) -> str:
        number = self.fields.get("ebook_number", "")
        return f"https://www.gutenberg.org/ebooks/{number}" if number else ""


def split_gutenberg(text: str) -> GutenbergBook | None:
    """The book inside a Project Gutenberg file, or None when ``text`` is not one.

    ``text`` is already normalised (``\\n`` line ends). Header fields that wrap onto an
    indented line ("Most recently updated: ...") are read as part of the field above.
    """
    start = _START.search(text)
    if start is None:
        return None
    end = _END.search(text, start.end())
    body = text[start.end() : end.start() if end else len(text)]
    closing = _END_SENTENCE.search(body)
    if closing and len(body) - closing.start() < 2000:
        body = body[: closing.start()]
    book = GutenbergBook(body=_without_credit(body))
    _read_header(text[: start.start()], book)
    return book


def _read_header(header: str, book: GutenbergBook) -> None:
    name = ""
    for line in header.split("\n"):
        found = _FIELD.match(line.strip())
        if found:
            name, value = found.group(1).lower().replace(" ", "_"), found.group(2).strip()
            book.fields[name] = value
        elif name and line.startswith((" ", "\t")) and line.strip():
            book.fields[name] += " " + line.strip()
        else:
            name = ""
    release = book.fields.pop("release_date", "")
    number = _EBOOK_NUMBER.search(release)
    if number:
        book.fields["ebook_number"] = number.group(1)
    date = _DATE.match(release)
    if date:
        book.fields["release_date"] = date.group(1)
    book.title = book.fields.pop("title", "")
    book.author = book.fields.pop("author", "")


def _without_credit(body: str) -> str:
    """The body without a "Produced by" paragraph at its very start."""
    stripped = body.lstrip()
    if _CREDIT.match(stripped):
        _, _, rest = stripped.partition("\n\n")
        return rest
    return body
