"""A paragraph an article repeats (a refrain, a repeated line) is kept every time it occurs."""

import pytest

from glossator.core.readers import read_text

REFRAIN = "And still the river runs, and still the river runs."
LONG_REPEAT = (
    "The council said the harbour works would resume in spring, though residents remain "
    "sceptical of every promise made so far this year."
)
VERSES = [
    "We walked along the towpath in the early morning, the fog still low across the water.",
    "By noon the barges had come and gone, and the lock keeper was asleep in his chair.",
    "At dusk the lamps came on along the quay, one by one, the way they always had.",
]


def page(paragraphs: list[str], container: str = "article") -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        "<html><head><title>The river</title></head><body>"
        f"<{container}><h1>The river</h1>{body}</{container}></body></html>"
    )


def paragraphs_of(html: str) -> list[str]:
    article = read_text(html, format="html", source_path="river.html")
    return [article.text[b.start : b.end] for b in article.blocks if b.kind == "paragraph"]


@pytest.mark.parametrize("container", ["article", "div"])
def test_a_refrain_between_verses_is_kept_each_time(container):
    song = [p for verse in VERSES for p in (verse, REFRAIN)]
    assert paragraphs_of(page(song, container)) == song


@pytest.mark.parametrize("container", ["article", "div"])
def test_a_long_paragraph_repeated_later_is_kept(container):
    text = [VERSES[0], LONG_REPEAT, VERSES[1], LONG_REPEAT]
    assert paragraphs_of(page(text, container)) == text


@pytest.mark.parametrize("repeat", [REFRAIN, LONG_REPEAT])
def test_adjacent_identical_paragraphs_are_kept(repeat):
    text = [VERSES[0], repeat, repeat, repeat, VERSES[2]]
    assert paragraphs_of(page(text)) == text


def test_no_trace_of_the_tagging_is_left():
    song = [VERSES[0], REFRAIN, VERSES[1], REFRAIN]
    article = read_text(page(song), format="html", source_path="river.html")
    assert all(ord(ch) < 0xF0000 for ch in article.text + article.title)
    assert article.title == "The river"


def test_repeated_links_keep_their_marks():
    line = 'Read the <a href="https://example.org/report">full report</a> here.'
    html = page([VERSES[0], line, VERSES[1], line])
    article = read_text(html, format="html", source_path="river.html")
    assert article.text.count("Read the full report here.") == 2
    links = [article.text[i.start : i.end] for i in article.inlines if i.kind == "link"]
    assert links == ["full report", "full report"]
