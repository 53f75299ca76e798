"""Plain-text books: Gutenberg header and licence, hard wraps undone, chapters as structure."""

from pathlib import Path

from glossator.core.readers import read_article, read_text
from glossator.core.readers.reflow import reflow, wrap_width
from tests.core.readers.structure_checks import assert_well_formed

EXCERPT = Path(__file__).parent / "data" / "gutenberg_frankenstein_excerpt.txt"

FILLED = (
    "Call me Ishmael. Some years ago, never mind how long precisely, having\n"
    "little or no money in my purse, and nothing particular to interest me\n"
    "on shore, I thought I would sail about a little and see the watery part\n"
    "of the world. It is a way I have of driving off the spleen and\n"
    "regulating the circulation."
)
VERSE = "Two households, both alike in dignity,\nIn fair Verona, where we lay our scene,\nFrom ancient grudge."


def _filled_book(paragraphs: int) -> str:
    return "\n\n".join(FILLED for _ in range(paragraphs))


def test_the_width_of_a_filled_text_is_found_and_ragged_text_has_none():
    assert wrap_width([FILLED] * 4) in range(68, 75)
    assert wrap_width([VERSE] * 4) is None
    assert wrap_width(["One line.", "Another line."]) is None


def test_wrapped_lines_join_and_keep_a_hyphen_that_was_there():
    width = 70
    joined = reflow(FILLED, width)
    assert "\n" not in joined
    assert "having little or no money" in joined
    assert reflow("the old sailor walked along the quay until he reached the sea-\nport", width).endswith(
        "sea-port"
    )


def test_verse_and_list_lines_keep_their_breaks():
    assert reflow(VERSE, 70) == VERSE
    items = "Bring these with you on the first morning of the course please:\n- a pen\n- a notebook"
    assert reflow(items, 70).split("\n")[1:] == ["- a pen", "- a notebook"]


def test_a_lower_case_line_in_a_prose_paragraph_goes_on_the_sentence():
    paragraph = (
        "\u201cThe ancient teachers of this science,\u201d said he,\n"
        "\u201cpromised impossibilities and performed nothing. The modern masters promise"
    )
    assert "said he, \u201cpromised" in reflow(paragraph, 70)


def test_a_hard_wrapped_txt_file_reads_as_whole_paragraphs(tmp_path):
    path = tmp_path / "wrapped.txt"
    path.write_text(_filled_book(4) + "\n\n" + VERSE + "\n", encoding="utf-8")
    article = read_article(path)
    assert_well_formed(article)
    paragraphs = [article.text[b.start : b.end] for b in article.blocks]
    assert paragraphs[0] == FILLED.replace("\n", " ")
    assert paragraphs[-1] == VERSE


def test_gutenberg_header_gives_title_author_and_address_and_the_licence_stays_out():
    article = read_article(EXCERPT)
    assert_well_formed(article)
    assert article.title == "Frankenstein; Or, The Modern Prometheus"
    assert article.author == "Mary Wollstonecraft Shelley"
    assert article.source_url == "https://www.gutenberg.org/ebooks/84"
    assert article.metadata["language"] == "English"
    assert article.metadata["release_date"] == "October 1, 1993"
    assert "Title:" not in article.text
    assert "START OF THE PROJECT GUTENBERG" not in article.text
    assert "LIMITED WARRANTY" not in article.text and "Gutenberg" not in article.text
    assert article.text.startswith("Frankenstein;")


def test_gutenberg_chapters_are_headings_and_the_contents_a_list():
    article = read_article(EXCERPT)
    headings = [(article.text[b.start : b.end], b.level) for b in article.blocks if b.kind == "heading"]
    items = [article.text[b.start : b.end] for b in article.blocks if b.kind == "list_item"]
    assert ("CONTENTS", 2) in headings
    assert ("Letter 1", 2) in headings
    assert items[:3] == ["Letter 1", "Letter 2", "Letter 3"]
    assert "Chapter 24" in items
    # The contents is not read as the text's own chapters.
    assert [h for h, _ in headings].count("Letter 1") == 1
    letter = next(b for b in article.blocks if article.text[b.start : b.end] == "St. Petersburgh, Dec. 11th, 17\u2014.")
    following = article.blocks[article.blocks.index(letter) + 1]
    assert article.text[following.start : following.end].startswith(
        "You will rejoice to hear that no disaster has accompanied the commencement of an enterprise"
    )


def test_parts_rank_above_chapters():
    prose = "It was a bright cold day in April, and the clocks were striking thirteen as he came home."
    text = "\n\n".join(["BOOK I", "CHAPTER I. The Start.", prose, "CHAPTER II.", prose, "BOOK II", prose])
    article = read_text(text)
    levels = {article.text[b.start : b.end]: b.level for b in article.blocks if b.kind == "heading"}
    assert levels == {"BOOK I": 2, "CHAPTER I. The Start.": 3, "CHAPTER II.": 3, "BOOK II": 2}


def test_a_text_that_only_mentions_a_chapter_gains_no_book_structure():
    article = read_text("Chapter 11 bankruptcy was filed on Monday.\n\nThe company said it would keep trading.")
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]


def test_a_truncated_gutenberg_file_without_its_end_line_still_reads():
    text = EXCERPT.read_text(encoding="utf-8").split("*** END OF")[0]
    article = read_text(text)
    assert article.title == "Frankenstein; Or, The Modern Prometheus"
    assert "Letter 1" in article.text


def test_a_plays_cast_list_ends_its_contents():
    play = ("Contents\n\nACT I\nScene I. A public place.\nScene II. A Street.\n\nACT II\nScene I. A Garden.\n\n"
            "Dramatis Personæ\n\nESCALUS, Prince of Verona.\nPARIS, a young Nobleman.\n\n"
            "ACT I\n\nSCENE I. A public place.\n\nEnter Sampson and Gregory, armed with swords and bucklers.\n\n"
            "ACT II\n\nSCENE I. A Garden.\n\nEnter Romeo alone, and walks about the garden for a while.\n")
    article = read_text(play, format="txt")
    shown = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert ("heading", "Dramatis Personæ") in shown
    items = [text for kind, text in shown if kind == "list_item"]
    assert items == ["ACT I", "Scene I. A public place.", "Scene II. A Street.", "ACT II", "Scene I. A Garden."]
    assert not any("ESCALUS" in text for text in items)


def test_illustration_marks_come_off_and_a_chapter_in_a_caption_is_a_heading():
    prose = "It is a truth universally acknowledged, that a single man in possession of a fortune must want a wife."
    book = ("Title: A Novel\n\nAuthor: Jane Example\n\n*** START OF THE PROJECT GUTENBERG EBOOK A NOVEL ***\n\n"
            "[Illustration: ·A NOVEL·\n\n\n\nChapter I.]\n\n" + prose + "\n\n[Illustration]\n\n"
            "CHAPTER II.\n\n" + prose + "\n\n[Illustration: “He came,” said she.]\n\n" + prose
            + "\n\n*** END OF THE PROJECT GUTENBERG EBOOK A NOVEL ***\n")
    article = read_text(book, format="txt")
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == "heading"]
    assert headings == ["Chapter I.", "CHAPTER II."]
    assert "[Illustration" not in article.text and "]" not in article.text
    assert "·A NOVEL·" in article.text and "“He came,” said she." in article.text
