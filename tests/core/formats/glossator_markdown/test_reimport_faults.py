"""Exports edited or moved between systems still give back what is sound: an emptied mark is
skipped with a warning, old Mac and Windows line ends are read, character references naming
no character become U+FFFD, IPv6 and bidi-laden source addresses survive the round trip
without spoofing the link text."""

import pytest

from glossator.core import store
from glossator.core.services import articles, exports
from tests.cli_runner import run

TEXT = ("The port handled 4.2 million containers in 2024, officials said. "
        "Traffic fell by 12% after the strike, according to the union.")


def _span(phrase):
    start = TEXT.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def exported(tmp_path):
    """An export with two noted passages and sources, made in the test's library."""
    source = tmp_path / "port.txt"
    source.write_text(TEXT, encoding="utf-8")
    row = articles.import_file(source).value.article
    store.add_note(row.id, *_span("4.2 million containers"), "first note")
    store.add_note(row.id, *_span("Traffic fell by 12%"), "second note")
    store.add_source(row.id, *_span("officials said"), "http://[::1]:80/report", "local copy")
    store.add_source(row.id, *_span("the union"), "https://example.org/\u202egnp.exe", "")
    return exports.render_markdown(row.id)


def _import(capsys, tmp_path, markdown, newline="\n"):
    path = tmp_path / "edited.md"
    with open(path, "w", encoding="utf-8", newline=newline) as handle:
        handle.write(markdown)
    fresh = tmp_path / "fresh.db"
    code, out, err = run(capsys, "--db", str(fresh), "import", str(path), "--no-analyse")
    assert code == 0 and "Traceback" not in err, err
    store.close_database()
    store.open_database(fresh)
    article = store.list_articles()[0].id
    return out, store.annotation_records(article)


def _notes(records):
    return sorted(note for r in records for note in r.notes)


def test_an_emptied_mark_is_skipped_and_the_rest_restored(capsys, tmp_path, exported):
    start = exported.index("4.2 million containers")
    emptied = exported[:start] + exported[start + len("4.2 million containers"):]
    assert '<mark class="highlight"></mark>[^n1]' in emptied
    out, records = _import(capsys, tmp_path, emptied)
    assert "1 mark(s) enclose no text" in out and "[^n1]" in out
    assert _notes(records) == ["second note"]
    assert len([s for r in records for s in r.sources]) == 2


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_old_line_ends_are_read_as_an_export(capsys, tmp_path, exported, newline):
    out, records = _import(capsys, tmp_path, exported, newline)
    assert "2 notes, 2 sources" in out
    assert _notes(records) == ["first note", "second note"]


@pytest.mark.parametrize("reference", ["&#xD800;", "&#xDFFF;", "&#x110000;", "&#0;", "&#55296;"])
def test_references_naming_no_character_become_the_replacement_character(capsys, tmp_path, exported,
                                                                          reference):
    assert 'title: "port"' in exported
    edited = exported.replace("handled", f"hand{reference}led", 1).replace('title: "port"',
                                                                          'title: "po\\uD800rt"')
    out, records = _import(capsys, tmp_path, edited)
    assert "read as U+FFFD" in out
    assert _notes(records) == ["first note", "second note"]
    row = store.get_article(store.list_articles()[0].id)
    assert "hand\ufffdled" in row.text
    row.text.encode("utf-8")  # a lone surrogate would fail here, and in SQLite and the terminal
    row.title.encode("utf-8")
    assert row.title == "po\ufffdrt"


def test_ipv6_and_bidi_source_addresses_round_trip_without_spoofing(capsys, tmp_path, exported):
    assert "(http://[::1]:80/report)" in exported
    assert "\u202e" not in exported  # the address is encoded, and the link text shows the encoding
    assert "[https://example.org/%E2%80%AEgnp.exe](https://example.org/%E2%80%AEgnp.exe)" in exported
    out, records = _import(capsys, tmp_path, exported)
    urls = sorted(s.url for r in records for s in r.sources)
    assert urls == ["http://[::1]:80/report", "https://example.org/%E2%80%AEgnp.exe"]


def test_front_matter_source_outside_the_allowlist_is_not_stored(capsys, tmp_path, exported):
    edited = "\n".join('source: "javascript://alert(1)"' if line.startswith("source: ") else line
                       for line in exported.split("\n"))
    _import(capsys, tmp_path, edited)
    assert store.get_article(store.list_articles()[0].id).source_url == ""
