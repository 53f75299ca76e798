"""``glossator import``: a file into the library, an export with its annotations."""

from glossator.core import store
from tests.cli_runner import run
from tests.samples import SAMPLE_ARTICLE


def test_import_restores_an_export_into_another_library(capsys, tmp_path):
    run(capsys, "analyze", str(SAMPLE_ARTICLE))
    store.open_database()
    row = store.list_articles()[0]
    text = store.get_article(row.id).text
    store.close_database()
    start = text.index("According to reports")
    end = text.index("U.S. firms.") + len("U.S. firms")
    run(capsys, "note", str(row.id), "--start", str(start), "--end", str(end), "--text", "Which {reports}? <ask>")
    run(capsys, "source", str(row.id), "--start", str(start), "--end", str(end),
        "--url", "https://example.org/r1-costs", "--title", "Cost analysis", "--stance", "refutes")
    target = tmp_path / "deepseek.md"
    assert run(capsys, "export", str(row.id), "-o", str(target))[0] == 0

    other = tmp_path / "other.db"
    code, out, err = run(capsys, "--db", str(other), "import", str(target), "--no-analyse")
    assert code == 0, err
    assert out.splitlines()[0] == "Article 1: DeepSeek R1 AI Model Disrupts Global Tech Market"
    assert "1 notes, 1 sources, 0 claim statuses, 1 highlights, 0 tags restored" in out

    store.open_database(other)
    restored = store.get_article(1)
    assert restored.text == text
    highlight = next(r for r in store.annotation_records(1) if r.notes)
    assert (highlight.start, highlight.end, highlight.notes) == (start, end, ["Which {reports}? <ask>"])
    assert [(s.url, s.title, s.stance) for s in highlight.sources] == [
        ("https://example.org/r1-costs", "Cost analysis", "refutes")
    ]
    store.close_database()

    code, out, err = run(capsys, "--db", str(other), "import", str(target), "--no-analyse")
    assert code == 0, err
    assert "0 notes, 0 sources" in out and "already in the library" in out


def test_import_of_a_missing_file_is_one_line_and_exit_2(capsys, tmp_path):
    code, out, err = run(capsys, "import", str(tmp_path / "missing.md"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such file" in err


def test_import_of_a_garbled_export_warns_and_keeps_the_text(capsys, tmp_path):
    path = tmp_path / "garbled.md"
    path.write_text('---\ntitle: "T"\ngenerator: glossator 0.1.0\n---\n\nSome text kept.\n', encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--no-analyse")
    assert code == 0, err
    assert "warning:" in out and "imported as plain Markdown" in out
