"""``-`` as the file of ``analyze``, ``import`` and ``export``: the article comes on standard input."""

import io
import subprocess
import sys

import pytest

from glossator.core import store
from tests.cli_runner import run as run_command
from tests.samples import SAMPLE_ARTICLE

PAGE = (
    "<!doctype html><html><head><meta charset='windows-1252'><title>Harbour reopens</title>"
    "<script>document.write('tracking')</script></head><body><article><h1>Harbour reopens</h1>"
    "<p>The harbour reopened on Monday after repairs costing €4 million, the council said.</p>"
    "<p>Ferries to the islands resume on Friday.</p></article></body></html>"
).encode("cp1252")


def run(capsys, monkeypatch, data: bytes, *argv):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    return run_command(capsys, *argv)


def stored():
    store.open_database()
    rows = [store.get_article(summary.id) for summary in store.list_articles()]
    return rows


def test_import_reads_plain_text_from_stdin(capsys, monkeypatch):
    text = "Tram fares rise\n\nFares go up by 4% in March, the city said.\n"
    code, out, err = run(capsys, monkeypatch, text.encode("utf-16"), "import", "-", "--no-analyse")
    assert code == 0, err
    assert out.splitlines()[0] == "Article 1: Tram fares rise"
    [row] = stored()
    assert row.text == "Tram fares rise\n\nFares go up by 4% in March, the city said."
    assert row.format == "txt"
    assert row.source_path == "stdin"
    assert row.metadata["encoding"] == "utf-16-le"
    assert store.list_articles()[0].source == "stdin"


def test_html_is_sniffed_decoded_by_its_charset_and_sanitised(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, PAGE, "import", "-", "--no-analyse")
    assert code == 0, err
    [row] = stored()
    assert row.format == "html"
    assert row.title == "Harbour reopens"
    assert "costing €4 million" in row.text
    assert "tracking" not in row.text and "<" not in row.text


def test_format_option_overrides_the_sniffing(capsys, monkeypatch):
    markdown = b"# Bridge closed\n\nThe *old* bridge closes for **two** weeks."
    code, _, err = run(capsys, monkeypatch, markdown, "import", "-", "--format", "md", "--no-analyse")
    assert code == 0, err
    [row] = stored()
    assert (row.format, row.title) == ("md", "Bridge closed")
    assert "*" not in row.text


def test_the_same_text_twice_is_one_article(capsys, monkeypatch):
    data = b"Council votes\n\nThe council voted 7 to 2 for the plan."
    run(capsys, monkeypatch, data, "import", "-", "--no-analyse")
    code, out, _ = run(capsys, monkeypatch, data, "import", "-", "--no-analyse")
    assert code == 0
    assert out.startswith("Article 1:")
    assert len(stored()) == 1


def test_analyze_reads_stdin(capsys, monkeypatch):
    code, out, err = run(capsys, monkeypatch, SAMPLE_ARTICLE.read_bytes(), "analyze", "-")
    assert code == 0, err
    assert out.startswith("Article 1: DeepSeek R1 AI Model Disrupts Global Tech Market")
    assert "Nvidia" in out


def test_export_reads_stdin(capsys, monkeypatch, tmp_path):
    target = tmp_path / "out.md"
    code, out, err = run(capsys, monkeypatch, SAMPLE_ARTICLE.read_bytes(), "export", "-", "-o", str(target))
    assert code == 0, err
    exported = target.read_text(encoding="utf-8")
    assert 'source: "stdin"' in exported
    assert "Nvidia" in exported


@pytest.mark.parametrize(
    ("data", "argv", "message"),
    [
        (b"", ("analyze", "-"), "standard input is empty"),
        (b" \n\t\n", ("import", "-"), "standard input is empty (only whitespace)"),
        (b"\x00\x01\x02\x03" * 20, ("import", "-"), "standard input looks like a binary file"),
        (b"words " * 40, ("import", "-"), "standard input is over the 100 bytes limit"),
    ],
)
def test_bad_input_fails_with_one_line(capsys, monkeypatch, data, argv, message):
    monkeypatch.setenv("GLOSSATOR_MAX_BYTES", "100")
    code, out, err = run(capsys, monkeypatch, data, *argv)
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert "Traceback" not in err
    assert stored() == []


def test_format_option_with_a_file_is_refused(capsys, monkeypatch):
    code, _, err = run(capsys, monkeypatch, b"", "import", str(SAMPLE_ARTICLE), "--format", "md")
    assert code == 2
    assert err.count("\n") == 1 and "standard input" in err


def test_piping_into_the_installed_command(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "glossator", "--db", str(tmp_path / "piped.db"), "import", "-", "--no-analyse"],
        input=b"Rail strike called off\n\nUnions called off the strike late on Sunday.",
        capture_output=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().splitlines()[0] == "Article 1: Rail strike called off"
    empty = subprocess.run([sys.executable, "-m", "glossator", "--db", str(tmp_path / "piped.db"), "import", "-"],
                           input=b"", capture_output=True, timeout=120)
    assert empty.returncode == 2
    assert empty.stderr.decode().strip() == "glossator: error: standard input is empty"
