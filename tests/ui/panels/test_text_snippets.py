"""One-line forms of notes, sources and passages."""

from glossator.core.annotation import SourceRef
from glossator.ui.panels.text_snippets import note_summary, one_line, quoted, source_line


def test_note_summary_takes_the_first_line_without_markup():
    assert note_summary("\n\n## A *heading*\nmore") == "A heading"
    assert note_summary("> quoted **bold _and_ nested**") == "quoted bold and nested"
    assert note_summary("1. see [the filing](https://sec.gov/x) and `code`") == "see the filing and code"
    assert note_summary("- [x] done item") == "done item"
    assert note_summary("snake_case_name stays") == "snake_case_name stays"


def test_source_line():
    titled = SourceRef("https://a.b/c", "Report", "supports")
    assert source_line(titled) == "Report — https://a.b/c (supports)"
    assert source_line(SourceRef("doi:10.1/x")) == "doi:10.1/x (context)"


def test_one_line_and_quoted():
    assert one_line("a\n\n b\tc") == "a b c"
    assert one_line("abcdefghij", 6) == "abcde…"
    assert quoted("x  y") == "“x y”"
