"""The ``---`` front matter at the top of a Markdown file, read as simple ``key: value`` lines."""

from __future__ import annotations

import re

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_ENTRY = re.compile(r"^([A-Za-z][\w -]*?)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``text`` into its front matter fields and the Markdown body after them.

    Only flat ``key: value`` lines are understood (keys lower-cased, quotes removed); nested
    YAML is skipped. Text without a closed front matter block comes back whole.
    """
    opening = _OPENING.match(text)
    if not opening:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return {}, text
    fields: dict[str, str] = {}
    for line in text[opening.end() : closing.start()].splitlines():
        entry = _ENTRY.match(line)
        if entry:
            key, value = entry.group(1).strip().lower(), _unquote(entry.group(2).strip())
            if value:
                fields[key] = value
    return fields, text[closing.end() :]


def first_field(fields: dict[str, str], *keys: str) -> str:
    """The value of the first of ``keys`` present in ``fields``, else ''."""
    return next((fields[k] for k in keys if fields.get(k)), "")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value
