"""PDFs read as articles: reading order, furniture dropped, hyphens joined, headings, pages kept,
and every bad PDF refused with its reason and nothing stored."""

import random
from collections import Counter

import pytest

from glossator.core import originals, store
from glossator.core.errors import ReadError
from glossator.core.readers import PasswordNeeded, parse_document, read_article
from glossator.core.readers.pdf.furniture import is_page_number
from glossator.core.readers.pdf.lines import clean_chars
from glossator.core.readers.pdf.paragraphs import line_joint
from glossator.core.services import articles
from tests.pdf_documents import SAMPLE, Document, Layout, image_only_pdf, make_pdf

LONG = Document(title="Harbour authority rebuilds the flood wall", author=SAMPLE.author,
                blocks=SAMPLE.blocks * 9, footnotes=SAMPLE.footnotes)


def read(data: bytes, **options):
    return parse_document(data, "pdf", label="'test.pdf'", max_bytes=50 * 1024 * 1024, **options)


def refusal(data: bytes, **options) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(data, **options)
    assert "\n" not in str(caught.value) and "'test.pdf'" in str(caught.value)
    return caught.value


def test_one_column_reads_exactly_as_written():
    made = make_pdf(SAMPLE)
    article = read(made.data)
    assert article.text.split("\n\n") == made.truth
    assert article.format == "pdf"
    assert article.title == SAMPLE.title and article.author == SAMPLE.author
    kinds = [(b.kind, article.text[b.start:b.end]) for b in article.blocks if b.kind == "heading"]
    assert kinds == [("heading", SAMPLE.title), ("heading", "What the council decided"),
                     ("heading", "Opposition and doubts")]
    levels = [b.level for b in article.blocks if b.kind == "heading"]
    assert levels[0] < levels[1] == levels[2]


@pytest.mark.parametrize("layout", [
    Layout(columns=2, running_head="The Coastal Ledger - Porthaven edition", hyphenate=True),
    Layout(columns=3, body_size=9, leading=11, gutter=12, hyphenate=True, running_head="Annual report 2024"),
    Layout(indent=14, hyphenate=True, running_head="Annual report 2024"),
], ids=["two columns", "three columns", "indented"])
def test_columns_heads_feet_and_hyphens(layout):
    made = make_pdf(LONG, layout)
    assert made.pages >= 2
    article = read(made.data)
    assert article.text.split("\n\n") == made.truth
    assert "Porthaven edition" not in article.text and "Annual report" not in article.text
    assert "\n\n2\n\n" not in article.text


def test_every_line_knows_its_page_and_box():
    made = make_pdf(LONG, Layout(columns=2))
    article = read(made.data)
    pages = article.metadata["pages"]
    assert [number for number, _, _ in pages] == list(range(1, made.pages + 1))
    assert article.metadata["page_count"] == made.pages
    boxes = article.metadata["line_boxes"]
    assert boxes == sorted(boxes)
    for start, end, page, x0, y0, x1, y1 in boxes:
        assert 0 <= start < end <= len(article.text)
        assert 1 <= page <= made.pages and 0 <= x0 < x1 <= 595.3 and 0 <= y0 < y1 <= 841.9
    last_page_text = article.text[pages[-1][1]:pages[-1][2]]
    assert last_page_text and last_page_text in article.text


def test_the_title_falls_back_to_the_largest_first_page_heading():
    made = make_pdf(SAMPLE, Layout(metadata_title=False))
    assert read(made.data).title == SAMPLE.title


def test_the_original_is_kept_beside_the_library(tmp_path):
    made = make_pdf(SAMPLE)
    path = tmp_path / "report.pdf"
    path.write_bytes(made.data)
    stored = articles.import_file(path).value.article
    sha = stored.article.metadata["document_sha256"]
    kept = originals.find(sha)
    assert kept is not None and kept.read_bytes() == made.data
    path.unlink()
    assert originals.find(sha) == kept
    assert "original" not in store.get_article(stored.id).metadata


def test_hyphens_at_line_ends():
    words = Counter({"email": 1, "co-operate": 3})
    assert line_joint("the recon-", "struction of", words) == (1, "")
    assert line_joint("a state-of-the-", "art barrier", words) == (0, "")
    assert line_joint("they will co-", "operate", words) == (0, "")
    assert line_joint("see e-", "mail", words) == (1, "")
    assert line_joint("the north-", "East wind", words) == (0, " ")
    assert line_joint("pages 10-", "twelve", words) == (0, "")
    assert line_joint("an invisible soft\u00ad", "ware", words) == (1, "")
    assert line_joint("a line", "and the next", words) == (0, " ")


def test_ligatures_spaces_and_page_numbers():
    assert "".join(clean_chars(c) for c in "\ufb01rst \ufb02ow e\ufb00ort") == "first flow effort"
    assert clean_chars("\u00a0") == " " and clean_chars("\u2009") == " " and clean_chars("\u200b") == ""
    for text in ("12", "- 7 -", "Page 3 of 10", "iv", "p. 14"):
        assert is_page_number(text), text
    for text in ("12,000 homes", "In 2024", "Chapter 3"):
        assert not is_page_number(text), text


def test_a_scan_without_text_needs_ocr():
    message = str(refusal(image_only_pdf()))
    assert "no text layer" in message and "OCR" in message


def test_an_encrypted_pdf_needs_its_password():
    data = make_pdf(SAMPLE, Layout(password="s3cret")).data
    needed = refusal(data)
    assert isinstance(needed, PasswordNeeded) and not needed.wrong
    wrong = refusal(data, password="guess")
    assert isinstance(wrong, PasswordNeeded) and wrong.wrong and "wrong" in str(wrong)
    assert read(data, password="s3cret").title == SAMPLE.title


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n", b"not a pdf at all"])
def test_a_damaged_pdf_is_refused(data):
    assert "not a readable PDF" in str(refusal(data)) or "no pages" in str(refusal(data))


def test_nothing_is_stored_for_a_refused_pdf(tmp_path):
    for name, data in (("scan.pdf", image_only_pdf()), ("locked.pdf", make_pdf(SAMPLE, Layout(password="x")).data),
                       ("broken.pdf", b"%PDF-1.7\n%%EOF")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ReadError):
            articles.import_file(path)
    assert store.list_articles() == []
    assert not originals.folder().exists() or not any(originals.folder().iterdir())


def test_a_pdf_file_opens_by_its_suffix(tmp_path):
    path = tmp_path / "Flood Report.PDF"
    path.write_bytes(make_pdf(SAMPLE).data)
    article = read_article(path)
    assert article.source_path == str(path) and article.title == SAMPLE.title


def test_mangled_pdfs_fail_only_with_read_errors():
    """Bytes flipped, cut and repeated: a PDF either reads or is refused with a ReadError."""
    good = make_pdf(SAMPLE, Layout(columns=2, hyphenate=True)).data
    rng = random.Random(15)
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 40)):
            at = rng.randrange(len(data))
            data[at] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        if rng.random() < 0.2:
            at = rng.randrange(len(data))
            data[at:at] = data[at:at + 500] * 3
        try:
            article = read(bytes(data))
        except ReadError:
            continue
        assert article.text.strip() and all(0 <= b.start <= b.end <= len(article.text) for b in article.blocks)


def test_a_one_page_document_loses_its_running_head_too():
    made = make_pdf(SAMPLE, Layout(running_head="The Coastal Ledger, Porthaven"))
    assert made.pages == 1
    article = read(made.data)
    assert article.text.split("\n\n") == made.truth
