"""Numbers on the command line: ids, offsets and limits SQLite can hold; finite scores in [0, 1].

Each bad value must give argparse's one-line error and exit code 2, never an OverflowError
traceback from the database.
"""

import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from tests.cli_runner import run

HUGE = "99999999999999999999"  # beyond int64


@pytest.fixture
def article_id():
    text = "The harbour reopened after the storm."
    row = store.save_article(Article(text=text, blocks=paragraph_blocks(text), title="Harbour"))
    store.close_database()
    return str(row.id)


def _rejected(capsys, *argv, mention):
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, *argv)
    out, err = capsys.readouterr()
    assert exit_info.value.code == 2
    assert "Traceback" not in err and "OverflowError" not in err
    error_lines = [line for line in err.splitlines() if "error:" in line]
    assert len(error_lines) == 1 and mention in error_lines[0], err


@pytest.mark.parametrize("argv", [
    ("show", HUGE),
    ("export", HUGE, "-o", "out.md"),
    ("note", HUGE, "--start", "0", "--end", "3", "--text", "x"),
    ("source", HUGE, "--start", "0", "--end", "3", "--url", "https://example.org"),
    ("show", str(2**63)),
    ("show", "0"),
    ("show", "-1"),
    ("show", "²"),  # str.isdigit() says yes, int() says no
])
def test_out_of_range_article_ids_are_refused_by_argparse(capsys, article_id, argv):
    _rejected(capsys, *argv, mention="argument article")


@pytest.mark.parametrize("flag,value", [("--start", HUGE), ("--end", HUGE), ("--start", "-5")])
def test_out_of_range_offsets_are_refused(capsys, article_id, flag, value):
    argv = {"--start": "0", "--end": "3", flag: value}
    _rejected(capsys, "note", article_id, "--start", argv["--start"], "--end", argv["--end"], "--text", "x",
              mention=f"argument {flag}")


@pytest.mark.parametrize("value", [HUGE, "0", "-3", "ten"])
def test_search_limit_must_be_sensible(capsys, value):
    _rejected(capsys, "search", "harbour", "--limit", value, mention="argument --limit")


@pytest.mark.parametrize("command", ["analyze", "export"])
@pytest.mark.parametrize("value", ["nan", "1e400", "inf", "-inf", "1.5", "-0.1", "half"])
def test_min_score_must_be_finite_and_between_0_and_1(capsys, article_id, command, value):
    _rejected(capsys, command, article_id, "--min-score", value, mention="argument --min-score")


def test_largest_id_is_accepted_and_reported_missing(capsys, article_id):
    code, out, err = run(capsys, "show", str(2**63 - 1))
    assert code == 2 and "No article matches" in err and "Traceback" not in err


def test_valid_values_still_work(capsys, article_id, tmp_path):
    code, out, err = run(capsys, "note", article_id, "--start", "4", "--end", "11", "--text", "which harbour?")
    assert code == 0, err
    code, out, err = run(capsys, "search", "harbour", "--limit", "1")
    assert code == 0, err
    code, out, err = run(capsys, "export", article_id, "--min-score", "1", "-o", str(tmp_path / "a.md"))
    assert code == 0, err
