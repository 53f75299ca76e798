"""Reading an export back: text, marks at their ranges, notes, sources, tags and titles."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossator.core.annotation import CLAIM_STATUSES, STANCES, AnnotationRecord, SourceRef
from glossator.core.article import Article, Block, Inline
from glossator.core.errors import ReadError
from glossator.core.formats.glossator_markdown.footnotes import user_markdown_lines
from glossator.core.formats.glossator_markdown.markdown import export_markdown
from glossator.core.formats.glossator_markdown.read_export import looks_like_export, parse_export

STAMP = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXT = "Alpha rose 17% today.\n\nBeta fell, said Gamma. Delta held.\n\n- one item\n- two items"


def _export(records, **options) -> str:
    article = Article(
        text=TEXT,
        title=options.pop("title", "Title"),
        blocks=[Block("paragraph", 0, 21), Block("list_item", 59, 69, 1), Block("list_item", 70, 81, 1)],
        inlines=[Inline("emphasis", 6, 10), Inline("link", 23, 27, "https://example.com/(b)")],
    )
    return export_markdown(article, records, exported_at=STAMP, **options)


def test_overlapping_and_multi_line_marks_come_back_at_their_ranges():
    records = [
        AnnotationRecord("claim", "statistic", 0, 21, score=0.9),
        AnnotationRecord("claim", "attribution", 6, 44, score=0.7, status="disputed",
                         attrs={"speaker": "Gamma", "cue": "said"}),
        AnnotationRecord("highlight", "", 11, 16, notes=["Why *today*?"]),
        AnnotationRecord("highlight", "", 46, 57),
        AnnotationRecord("claim", "comparison", 28, 33, status="supported"),
    ]
    parsed = parse_export(_export(records))
    assert parsed.article.text == TEXT and parsed.warnings == []
    got = [(r.kind, r.label, r.start, r.end, r.score, r.status, r.origin, r.attrs, r.notes) for r in parsed.records]
    assert got == [
        ("claim", "statistic", 0, 21, 0.9, "unchecked", "auto", {}, []),
        ("claim", "attribution", 6, 44, 0.7, "disputed", "auto", {"speaker": "Gamma", "cue": "said"}, []),
        ("highlight", "", 11, 16, None, "unchecked", "user", {}, ["Why *today*?"]),
        ("claim", "comparison", 28, 33, None, "supported", "user", {}, []),
        ("highlight", "", 46, 57, None, "unchecked", "user", {}, []),
    ]


def test_structure_and_formatting_come_back():
    article = parse_export(_export([])).article
    assert Block("list_item", 59, 69, 1) in article.blocks and Block("paragraph", 0, 21) in article.blocks
    assert article.inlines == [Inline("emphasis", 6, 10), Inline("link", 23, 27, "https://example.com/%28b%29")]


def test_only_files_naming_glossator_are_taken_for_exports():
    assert looks_like_export(_export([]))
    assert not looks_like_export("---\ngenerator: jekyll\n---\n\n<!-- glossator:body -->\n")
    assert not looks_like_export("# Title\n\ngenerator: glossator 1.0\n")


def test_a_body_that_is_not_glossator_markup_is_refused():
    garbled = _export([]).replace("fell, said", "fell * said")
    assert garbled != _export([])
    with pytest.raises(ReadError):
        parse_export(garbled)


def test_definitions_left_without_marks_are_named():
    records = [AnnotationRecord("claim", "statistic", 0, 21, score=0.9, notes=["Checked."])]
    exported = _export(records).replace("[^c1]", "", 1)
    parsed = parse_export(exported)
    assert parsed.article.text == TEXT
    assert any("have no mark" in w for w in parsed.warnings)


# --- properties -----------------------------------------------------------------------------

PIECES = [
    "word", "{x}", "<b>bold</b>", "[^1]", "[link](https://e.example/a_(b))", "[bad](javascript:x)",
    "`{code}`", "*em*", "&amp;", "|", "~~", "==", "%%", "#tag", "Note:", "é", "😀", ".", "!", "?",
]
LINE_STARTS = ["", "", "# ", "## ", "- ", "> ", "1. ", "    ", "[x]: https://e.example"]
line = st.builds(
    lambda start, words: (start + " ".join(words)).rstrip(),
    st.sampled_from(LINE_STARTS),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
)
fenced = st.lists(line, max_size=2).map(lambda body: "\n".join(["```", *body, "```"]))
notes = st.lists(st.one_of(line, line, st.just(""), fenced), min_size=1, max_size=5).map(
    lambda lines: "\n".join(lines).strip("\n")
).filter(lambda note: note.strip() and not note.startswith(" "))
titles = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(lambda t: " ".join(t.split()))
sources = st.builds(
    SourceRef,
    url=st.sampled_from(["https://e.example/a(b)", "mailto:x@e.example", "doi:10.1/x", "http://e.example/[1]"]),
    title=titles,
    stance=st.sampled_from(STANCES),
    note=titles,
)
tags = st.lists(st.sampled_from(["to check", "markets", "AI & chips", "#1"]), unique=True, max_size=2)


@SETTINGS
@given(
    note_lists=st.lists(st.lists(notes, max_size=2), min_size=3, max_size=3),
    source_lists=st.lists(st.lists(sources, max_size=2), min_size=3, max_size=3),
    tag_lists=st.lists(tags, min_size=3, max_size=3),
    statuses=st.lists(st.sampled_from([s for s in CLAIM_STATUSES if s != "not-a-claim"]), min_size=2, max_size=2),
    title=titles,
    article_notes=st.lists(notes, max_size=2),
)
def test_notes_sources_tags_and_titles_round_trip(note_lists, source_lists, tag_lists, statuses, title, article_notes):
    records = [
        AnnotationRecord("claim", "statistic", 0, 21, score=0.91, status=statuses[0]),
        AnnotationRecord("claim", "quote", 23, 44, status=statuses[1], attrs={"speaker": title}),
        AnnotationRecord("highlight", "", 61, 69),
    ]
    for record, n, s, t in zip(records, note_lists, source_lists, tag_lists):
        record.notes, record.sources, record.tags = n, s, t
    exported = _export(records, title=title, article_notes=article_notes)
    parsed = parse_export(exported)

    assert parsed.article.text == TEXT
    assert parsed.article.title == title
    assert parsed.warnings == []
    # A note whose own escapes the export cannot tell from its own reads back the same way.
    assert [user_markdown_lines(n) for n in parsed.article_notes] == [user_markdown_lines(n) for n in article_notes]
    assert [(r.kind, r.start, r.end, r.status) for r in parsed.records] == [
        (r.kind, r.start, r.end, r.status) for r in records
    ]
    for original, restored in zip(records, parsed.records):
        assert restored.notes == [_as_read(n) for n in original.notes]
        # A highlight with neither note nor source has no footnote to carry its tags.
        footnoted = original.kind == "claim" or original.notes or original.sources
        assert restored.tags == (original.tags if footnoted else [])
        assert [(s.title, s.stance, s.note) for s in restored.sources] == [
            (s.title, s.stance, s.note) for s in original.sources
        ]
        assert all(_same_address(a.url, b.url) for a, b in zip(restored.sources, original.sources))
    assert parsed.records[1].attrs.get("speaker", "") == title
    again = export_markdown(parsed.article, parsed.records, exported_at=STAMP, article_notes=parsed.article_notes)
    assert again == exported


def _as_read(note: str) -> str:
    """The note as it comes back: the export's own escapes undone, an unclosed fence closed."""
    from glossator.core.formats.glossator_markdown.note_text import user_markdown_text

    return user_markdown_text(user_markdown_lines(note))


def _same_address(restored: str, original: str) -> bool:
    from glossator.core.formats.glossator_markdown.links import link_target

    return restored == original or link_target(restored) == link_target(original)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate"]),
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["*", "**", "<mark>", "</mark>", "[^c1]", "[^zz]", "&#99999999999;", "\\", "&",
                         "[^c1]: Claim (x, 9, bogus).", "| c9 | a | b | c | d | e |", "```", "- ", "",
                         '"\\U0011FFFF"', "Note: ", "Sources: [a](b) (c)", "<!-- /glossator:body -->"]),
    ),
    min_size=1,
    max_size=4,
)


@SETTINGS
@given(edits=EDITS)
def test_hand_edited_exports_never_crash_the_reader(edits):
    records = [
        AnnotationRecord("claim", "statistic", 0, 21, score=0.9, notes=["A *note*."],
                         sources=[SourceRef("https://e.example", "E", "refutes", "why")], tags=["t"]),
        AnnotationRecord("highlight", "", 23, 44, notes=["Two\n\nparagraphs"]),
    ]
    lines = _export(records, article_notes=["Article note."]).split("\n")
    for action, at, piece in edits:
        i = at % len(lines)
        if action == "delete":
            del lines[i]
        elif action == "insert":
            lines.insert(i, piece)
        else:
            lines[i] = lines[i] + piece
    try:
        parsed = parse_export("\n".join(lines))
    except ReadError:
        return
    for record in parsed.records:
        assert record.quote == parsed.article.text[record.start : record.end]
