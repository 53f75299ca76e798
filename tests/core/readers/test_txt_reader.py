"""Plain-text reader: encodings, canonical layout, headline heuristics, the shipped sample."""

import codecs
import os
from pathlib import Path

import pytest

from glossator.core.readers import read_article, read_text
from tests.core.readers.structure_checks import assert_well_formed, block_texts
from tests.samples import SAMPLE_ARTICLE as SAMPLE

HEADLINE = "DeepSeek R1 AI Model Disrupts Global Tech Market"

PROSE = (
    "The council met on Tuesday to discuss the budget for the coming year. Members argued "
    "for two hours before agreeing to a compromise on road repairs and library hours."
)


def write(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the sample article ---------------------------------------------------------------------


def test_sample_title_is_the_headline_and_becomes_a_level_one_heading():
    article = read_article(SAMPLE)
    assert article.title == HEADLINE
    headings = [b for b in article.blocks if b.kind == "heading"]
    assert [article.text[b.start : b.end] for b in headings] == [HEADLINE]
    assert headings[0].level == 1


def test_sample_layout_keeps_every_paragraph_in_order():
    article = read_article(SAMPLE)
    assert_well_formed(article)
    raw = SAMPLE.read_text(encoding="utf-8")
    expected = [chunk.strip() for chunk in raw.split("\n\n") if chunk.strip()]
    assert block_texts(article) == expected
    assert block_texts(article)[0] == "Today : Jan 31, 2025\nTechnology\n28 January 2025"
    assert "Nvidia's share price plunged by 17%" in article.text
    assert '"AI’s Sputnik moment,"' in article.text  # quotes kept exactly as written


def test_sample_metadata_and_paths():
    article = read_article(SAMPLE)
    assert article.format == "txt"
    assert article.source_path == str(SAMPLE)
    assert os.path.isabs(article.source_path)
    assert article.metadata["encoding"] == "utf-8"
    assert article.metadata["byte_size"] == SAMPLE.stat().st_size
    assert article.inlines == []


def test_relative_path_is_recorded_as_absolute(tmp_path, monkeypatch):
    write(tmp_path, "note.txt", b"Some words here.")
    monkeypatch.chdir(tmp_path)
    article = read_article("note.txt")
    assert article.source_path == str(tmp_path / "note.txt")


# --- encodings ------------------------------------------------------------------------------

TEXT = "“Café crème costs €3,” she said — naïvely.\n\nSecond paragraph."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(tmp_path, data, encoding):
    article = read_article(write(tmp_path, "quote.txt", data))
    assert article.text == TEXT
    assert article.metadata["encoding"] == encoding
    assert_well_formed(article)


def test_cp1252_smart_quotes_and_euro_bytes(tmp_path):
    data = b"He called it \x93a bargain\x94 at \x80 40 \x96 the lowest price."
    article = read_article(write(tmp_path, "cp.txt", data))
    assert article.text == "He called it “a bargain” at € 40 – the lowest price."


def test_cp1252_dashes_between_words_are_not_taken_for_a_wrong_code_page(tmp_path):
    text = "About 2,000 chips—far fewer than rivals’—cost under €6 million."
    article = read_article(write(tmp_path, "dash.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.metadata["encoding"] == "cp1252"


def test_central_european_text_is_not_forced_into_cp1252(tmp_path):
    text = "Pan prezydent powiedział dziś rano, że będzie głosowanie w środę."
    article = read_article(write(tmp_path, "pl.txt", text.encode("cp1250")))
    assert article.text == text


def test_latin1_accents(tmp_path):
    text = "Grüße aus München, sagte der Bürgermeister. Café naïve à la carte."
    article = read_article(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert article.text == text


def test_short_utf8_is_not_misread_as_a_legacy_code_page(tmp_path):
    article = read_article(write(tmp_path, "short.txt", "naïve".encode()))
    assert article.text == "naïve"
    assert article.metadata["encoding"] == "utf-8"


def test_utf16_without_bom_is_recognised(tmp_path):
    data = "Plain words, no mark.".encode("utf-16-le")
    article = read_article(write(tmp_path, "nobom.txt", data))
    assert article.text == "Plain words, no mark."


def test_non_western_legacy_encoding_is_detected(tmp_path):
    text = (
        "Правительство "
        "объявило о новых "
        "мерах поддержки "
        "экономики."
    )
    article = read_article(write(tmp_path, "ru.txt", text.encode("cp1251")))
    assert article.text == text


# --- layout ---------------------------------------------------------------------------------


def test_layout_is_canonical(tmp_path):
    data = (
        b"  First paragraph line one.   \r\n"
        b"line two of the same paragraph.\t\r\n"
        b"\r\n"
        b"   \r\n"
        b"\r\n"
        b"Second paragraph.  \r\n"
        b"\n\n\n"
    )
    article = read_article(write(tmp_path, "messy.txt", data))
    assert article.text == (
        "First paragraph line one.\nline two of the same paragraph.\n\nSecond paragraph."
    )
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert_well_formed(article)


def test_text_is_normalised_to_nfc():
    article = read_text("Cafe\u0301 society, said the critic.")
    assert article.text == "Café society, said the critic."


def test_old_mac_line_ends_become_newlines():
    article = read_text("One line.\rAnother line.\r\rNew paragraph.")
    assert article.text == "One line.\nAnother line.\n\nNew paragraph."


# --- title and headings ---------------------------------------------------------------------


def test_first_line_ending_like_a_sentence_is_not_a_title(tmp_path):
    path = write(tmp_path, "city-budget.txt", f"The council met today.\n\n{PROSE}".encode())
    article = read_article(path)
    assert article.title == "city-budget"
    assert {b.kind for b in article.blocks} == {"paragraph"}


def test_dateline_and_section_label_are_not_titles():
    article = read_text(f"28 January 2025\n\nTechnology\n\n{PROSE}", source_path="/x/report.txt")
    assert article.title == "report"
    assert {b.kind for b in article.blocks} == {"paragraph"}


def test_headline_after_header_lines():
    article = read_text(f"Updated 10:45 GMT\n\nCouncil Agrees Budget After Long Debate\n\n{PROSE}")
    assert article.title == "Council Agrees Budget After Long Debate"
    assert article.blocks[1].kind == "heading" and article.blocks[1].level == 1


def test_subheading_between_prose_paragraphs_is_level_two():
    text = f"Council Agrees Budget After Long Debate\n\n{PROSE}\n\nWhat happens next\n\n{PROSE}"
    article = read_text(text)
    assert [(b.kind, b.level) for b in article.blocks] == [
        ("heading", 1), ("paragraph", 0), ("heading", 2), ("paragraph", 0)
    ]


def test_byline_after_headline_is_not_a_heading():
    text = f"Council Agrees Budget After Long Debate\n\nBy Jane Smith\n\n{PROSE}"
    article = read_text(text)
    assert [b.kind for b in article.blocks] == ["heading", "paragraph", "paragraph"]


def test_single_paragraph_has_no_title_without_a_file():
    article = read_text("Just a short line with no full stop")
    assert article.title == ""
    assert article.blocks[0].kind == "paragraph"
    assert article.source_path == "" and article.format == "txt"


def test_text_suffix_reads_as_plain_text(tmp_path):
    article = read_article(write(tmp_path, "notes.TEXT", PROSE.encode()))
    assert article.format == "txt" and article.text == PROSE
