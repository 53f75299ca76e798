"""The parts of an export around its body: front matter, title, claims, entity index, notes."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime

from glossator.core.entity_names import entity_name
from glossator.core.formats.glossator_markdown.escaping import escape_text, one_line
from glossator.core.formats.glossator_markdown.footnotes import user_markdown_lines

# "name version": a plain YAML scalar that no YAML reader takes for a number or a boolean.
_PLAIN_YAML = re.compile(r"[A-Za-z][\w.+/-]*(?: [\w.+/-]+)+")
# Characters escaped in front-matter values so that they stay text as Markdown (see yaml_quoted).
_MARKDOWN_OPENERS = frozenset("<[{`")


def front_matter(title: str, source: str, exported_at: datetime, generator: str, genre: str = "") -> str:
    """YAML front matter; the free-text values are always double-quoted. ``genre`` is the kind
    of text the analysis found (``fiction``, ``news``, ``opinion``, ``transcript``), if any."""
    if exported_at.tzinfo is not None:
        exported_at = exported_at.astimezone(UTC)
    stamp = exported_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    plain = _PLAIN_YAML.fullmatch(generator)
    lines = [
        "---",
        f"title: {yaml_quoted(title)}",
        f"source: {yaml_quoted(source)}",
        f"exported: {stamp}",
        f"generator: {generator if plain else yaml_quoted(generator)}",
    ]
    if genre:
        lines.append(f"genre: {yaml_quoted(genre)}")
    return "\n".join([*lines, "---"])


def yaml_quoted(value: str) -> str:
    """A YAML double-quoted scalar for any string, also inert as Markdown.

    Besides what YAML requires (quotes, backslashes, line breaks, non-printable characters),
    the characters that open a Markdown construct able to make an element are written as
    ``\\xHH`` escapes, which every YAML reader decodes back to the exact text. A renderer that
    does not know front matter shows the block as a paragraph or heading with live inline
    Markdown, so unescaped they would let a title become markup:

    - ``<``: raw HTML and autolinks;
    - ``[``: links, images, footnote references, reference definitions (``!`` and ``]`` do
      nothing without it);
    - ``{``: python-markdown's and kramdown's attribute lists, which put any attribute,
      event handlers included, on the element before them;
    - `` ` ``: code spans, so a title shows as text and not as code.

    Emphasis (``*``, ``_``) can only make ``<em>``/``<strong>`` and ``&`` only a character
    reference, neither of which carries a URL, a tag or a handler; they stay as they are,
    so "Fish & Chips" or a title from a file name like "annual_report" stays readable.
    """
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch in _MARKDOWN_OPENERS or code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02X}")
        elif ch in "\u2028\u2029\ufeff\ufffe\uffff" or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def claims_table(rows: Sequence[Sequence[str]]) -> str:
    """``## Claims`` with one row per claim: label, quote, kind, speaker, score, status, in
    the order given (the writer gives them by score, the most check-worthy first).

    Cells are plain text on one line; pipes are written as references by the escaping.
    """
    lines = [
        "## Claims",
        "",
        "| # | claim | kind | speaker | score | status |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [escape_text(one_line(cell)) for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def entity_index(entities: Sequence[tuple[str, str]]) -> str:
    """``## Entities``: one line per label (by its readable name: "Person", "Organisation"),
    each surface form with how often it occurs.

    ``entities`` holds (label, surface form) pairs; labels and forms are listed in
    alphabetical order so that the same article always gives the same index.
    """
    counts = Counter((one_line(entity_name(label)), one_line(form)) for label, form in entities if one_line(form))
    by_label: dict[str, list[tuple[str, int]]] = {}
    for (label, form), count in counts.items():
        by_label.setdefault(label, []).append((form, count))
    lines = ["## Entities", ""]
    for label in sorted(by_label, key=lambda s: (s.casefold(), s)):
        forms = sorted(by_label[label], key=lambda fc: (fc[0].casefold(), fc[0]))
        listed = ", ".join(f"{escape_text(form)} ({count})" for form, count in forms)
        lines.append(f"- {escape_text(label, line_start=True) or 'entity'}: {listed}")
    return "\n".join(lines)


def notes_section(notes: Sequence[str]) -> str:
    """``## Notes``: the reader's article-level notes, one list item each, kept as Markdown."""
    items = []
    for note in notes:
        lines = user_markdown_lines(note)
        if lines:
            rest = ("    " + line if line else "" for line in lines[1:])
            items.append("\n".join(["- " + lines[0], *rest]))
    return "\n\n".join(["## Notes", *items]) if items else ""


def title_line(title: str) -> str:
    """The ``# title`` heading put before the body when the article does not start with it."""
    return "# " + escape_text(one_line(title), line_start=True)
