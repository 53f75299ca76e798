"""Reading a Glossator Markdown export back: the article as it was, and the reader's annotations.

What comes back: the title and source from the front matter; the text exactly as before the
export (``strip.decode_body``), with its headings, quotes, lists, code and formatting; every
claim shown in the export with its kind, score (to two decimals), status, speaker and cue,
and every highlight, each at its exact range, with its notes, sources and tags; the
article-level notes. What does not: entities (analysis finds them again, and the reader's
corrections live in the library's entity rules), claims the export left out (below its score
threshold or marked not-a-claim), and whatever the export never held (authors, dates, ids).

A file that was edited by hand gives back what is still sound: a mark without its footnote
keeps its range (a claim then takes its details from the claims table), a footnote that
cannot be read is left out, and each such loss is named in ``warnings``. A body that is no
longer Glossator's markup raises ``ReadError``; the caller then reads the file as plain
Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glossator.core.annotation import CLAIM_STATUSES, AnnotationRecord
from glossator.core.article import Article
from glossator.core.errors import ReadError
from glossator.core.formats.glossator_markdown import read_sections as sections
from glossator.core.formats.glossator_markdown import read_structure as structure
from glossator.core.formats.glossator_markdown.strip import REPLACEMENT, decode_body, unescape_text
from glossator.core.readers import metadata_fields

_GENERATOR = re.compile(r'generator: "?glossator\b', re.IGNORECASE)
_CLAIM_HEAD = re.compile(
    r'Claim \((?P<kind>[^,;()]*?)(?:, (?P<score>[0-9]+\.[0-9]+))?, (?P<status>[a-z-]+)'
    r'(?:; speaker: (?P<speaker>.*?))?(?:; cue: "(?P<cue>.*)")?(?:; pp?\. [0-9]+(?:–[0-9]+)?)?\)\.'
)
# The page a paged document's passage is on, at the end of a highlight's head.
_PAGE_SUFFIX = re.compile(r"(?:^|; )pp?\. [0-9]+(?:–[0-9]+)?$")
# How every line after the body starts: section headings, table rows, list items, footnotes.
_SECTION_LINES = ("## ", "| ", "|---", "- ", "    ", "[^")
_HIGHLIGHT_HEAD = re.compile(r"Highlight(?: \((?P<label>.*)\))?\.")


@dataclass
class ParsedExport:
    """An export read back: the article, its claims and highlights, its article-level notes."""

    article: Article
    records: list[AnnotationRecord] = field(default_factory=list)
    article_notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def looks_like_export(text: str) -> bool:
    """Whether ``text`` says it is a Glossator export (front matter naming Glossator as generator)."""
    head = line_ends_unified(text[:4096].lstrip("\ufeff")).split("\n")
    if not head or head[0] != "---":
        return False
    end = head.index("---", 1) if "---" in head[1:] else len(head)
    return any(_GENERATOR.match(line) for line in head[1:end])


def parse_export(text: str, *, source_path: str = "") -> ParsedExport:
    """Read an export; ReadError if its body cannot be decoded (see the module docstring)."""
    # Not normalised as a whole: the article text was stored normalised, and notes are the
    # reader's own characters.
    # Line ends are unified (CR LF from Windows, a lone CR from old Macs): the export writes a
    # CR of the article's own text as a character reference, so every raw one ends a line.
    text = line_ends_unified(text.lstrip("\ufeff"))
    lines = text.split("\n")
    body = decode_body(text)
    fields = sections.front_matter_fields(lines)
    rest = lines[body.end_line + 1 :]
    source = fields.get("source", "")
    article = Article(
        text=body.text,
        blocks=structure.blocks(body.text, body.prefixes),
        inlines=structure.inlines(body.text, body.runs),
        title=metadata_fields.clean_title(fields.get("title", "")),
        source_url=metadata_fields.source_url(source),
        source_path=source_path,
        format="md",
        metadata={"glossator_export": {k: v for k, v in fields.items() if k != "title"}},
    )
    if not article.text.strip():
        raise ReadError("the export's body is empty")
    parsed = ParsedExport(article, article_notes=sections.article_notes(rest))
    _read_marks(parsed, body, rest)
    if REPLACEMENT not in text and REPLACEMENT in body.text + article.title:
        parsed.warnings.append("character references naming no character (a surrogate, NUL or a number past "
                               "Unicode) were read as U+FFFD")
    return parsed


def line_ends_unified(text: str) -> str:
    """``text`` with every CR LF and lone CR turned into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_marks(parsed: ParsedExport, body, rest: list[str]) -> None:
    text = parsed.article.text
    definitions = sections.definitions(rest)
    rows = sections.claims_rows(rest)
    used: set[str] = set()
    unread = lost = 0
    empty: list[str] = []
    for mark in structure.mark_ranges(text, body.runs):
        definition = definitions.get(mark.label) if mark.label else None
        if mark.label:
            used.add(mark.label)
            lost += definition is None
        if mark.start >= mark.end:  # an edit emptied the mark: there is no passage to hold it
            empty.append(f"[^{mark.label}]" if mark.label else f"a {mark.kind}")
            continue
        record = AnnotationRecord(mark.kind, "", mark.start, mark.end, quote=text[mark.start : mark.end])
        if mark.kind == "claim":
            if not _claim_details(record, definition, rows.get(mark.label)):
                unread += 1
                continue
        else:
            head = _HIGHLIGHT_HEAD.fullmatch(definition.head) if definition else None
            record.origin = "user"
            record.label = _unescaped(_PAGE_SUFFIX.sub("", head.group("label") or "")) if head else ""
            unread += definition is not None and head is None
        if definition is not None:
            record.notes, record.sources, record.tags = definition.notes, definition.sources, definition.tags
            unread += definition.problems > 0
        parsed.records.append(record)
    unmarked = sum(1 for label in definitions if label not in used)
    if body.unclosed:
        parsed.warnings.append(f"{body.unclosed} tag(s) in the text are not closed; their marks were left out")
    stray = sum(1 for line in rest if line and not line.startswith(_SECTION_LINES))
    if stray:
        parsed.warnings.append(f"{stray} line(s) after the article are not Glossator's and were left out")
    if lost:
        parsed.warnings.append(f"{lost} mark(s) have lost their footnotes, and with them any notes and sources")
    if unread:
        parsed.warnings.append(f"{unread} footnote(s) could not be read in full")
    if empty:
        parsed.warnings.append(f"{len(empty)} mark(s) enclose no text and were left out with their notes "
                               f"and sources: {', '.join(empty)}")
    if unmarked:
        parsed.warnings.append(f"{unmarked} footnote(s) have no mark in the text and were left out")


def _claim_details(record: AnnotationRecord, definition, row: list[str] | None) -> bool:
    """Fill in a claim from its footnote head, else from its table row; False if neither reads."""
    head = _CLAIM_HEAD.fullmatch(definition.head) if definition else None
    if head is not None:
        kind, score, status = _unescaped(head.group("kind")), head.group("score"), head.group("status")
        speaker, cue = _unescaped(head.group("speaker") or ""), _unescaped(head.group("cue") or "")
    elif row is not None:
        # Table cells are unescaped already; the table has no cue column.
        _, _, kind, speaker, score, status = row
        cue = ""
    else:
        return False
    record.label = kind or "claim"
    record.score = _score(score)
    record.status = status if status in CLAIM_STATUSES else "unchecked"
    # A claim without a score was marked by the reader; a scored one came from analysis.
    record.origin = "auto" if record.score is not None else "user"
    record.attrs = {k: v for k, v in (("speaker", speaker), ("cue", cue)) if v}
    return True


def _score(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and 0.0 <= value <= 1.0 else None


def _unescaped(text: str) -> str:
    try:
        return unescape_text(text)
    except ReadError:
        return text
