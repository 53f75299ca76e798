"""``glossator analyze|text FILE.pdf``: PDFs from the command line, encrypted ones included."""

import io

import pytest

from glossator.core import store
from tests.cli_runner import run
from tests.pdf_documents import SAMPLE, Layout, image_only_pdf, make_pdf


@pytest.fixture
def sample_pdf(tmp_path):
    path = tmp_path / "flood-report.pdf"
    made = make_pdf(SAMPLE, Layout(columns=2))
    path.write_bytes(made.data)
    return path, made


def test_text_prints_the_pdf_in_reading_order(capsys, sample_pdf):
    path, made = sample_pdf
    code, out, _ = run(capsys, "text", str(path))
    assert code == 0 and out == "\n\n".join(made.truth) + "\n"


def test_analyze_a_pdf(capsys, sample_pdf):
    path, _ = sample_pdf
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 0, err
    assert out.splitlines()[0] == f"Article 1: {SAMPLE.title}"
    assert "Mara Quint" in out
    store.open_database()
    assert store.get_article(1).format == "pdf"


def encrypted(tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(make_pdf(SAMPLE, Layout(password="tide-gauge")).data)
    return path


def test_an_encrypted_pdf_without_a_terminal_says_how_to_give_the_password(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "import", str(encrypted(tmp_path)), "--no-analyse")
    assert code == 2 and err.count("\n") == 1
    assert "encrypted" in err and "GLOSSATOR_PDF_PASSWORD" in err


def test_the_password_from_the_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("GLOSSATOR_PDF_PASSWORD", "tide-gauge")
    code, out, err = run(capsys, "import", str(encrypted(tmp_path)), "--no-analyse")
    assert code == 0, err
    assert out.startswith(f"Article 1: {SAMPLE.title}")


def test_at_a_terminal_the_password_is_asked(capsys, tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    answers = iter(["wrong", "tide-gauge"])
    asked = []
    monkeypatch.setattr("sys.stdin", Terminal(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt: (asked.append(prompt), next(answers))[1])
    code, out, err = run(capsys, "import", str(encrypted(tmp_path)), "--no-analyse")
    assert code == 0, err
    assert asked == ["Password for locked.pdf: "] * 2 and "That password is wrong." in err


def test_a_scan_is_refused_with_ocr_advice(capsys, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf())
    code, _, err = run(capsys, "analyze", str(path))
    assert code == 2 and "needs OCR" in err
    store.open_database()
    assert store.list_articles() == []
