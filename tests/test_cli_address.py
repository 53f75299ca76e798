"""``glossator analyze|import|export|text URL``: one page fetched from a server on 127.0.0.1."""

import io

import pytest

from glossator.core import store
from tests.cli_runner import run
from tests.page_server import PageServer


@pytest.fixture(scope="module")
def site():
    server = PageServer()
    yield server
    server.close()


def fetches_of(site, path: str) -> int:
    return sum(1 for p, _ in site.requests if p == path)


def test_analyze_fetches_reads_and_stores_the_page(capsys, site):
    code, out, err = run(capsys, "analyze", site.url("/news"))
    assert code == 0, err
    assert out.splitlines()[0].startswith("Article 1: Harbour city votes to rebuild its 1950s flood wall")
    assert f"Fetching {site.url('/news')}" in err
    store.open_database()
    row = store.get_article(1)
    assert row.source_url == "https://www.coastal-ledger.example/news/2024/03/harbour-flood-wall"
    assert row.metadata["fetched_url"] == site.url("/news")


def test_the_same_address_again_uses_the_stored_copy_unless_asked(capsys, site, monkeypatch):
    url = site.url("/news?again")
    run(capsys, "import", url, "--no-analyse")
    before = fetches_of(site, "/news?again")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, "import", url, "--no-analyse")
    assert code == 0 and fetches_of(site, "/news?again") == before
    assert "is article 1, fetched" in err and "--fetch-again" in err
    code, out, err = run(capsys, "import", url, "--no-analyse", "--fetch-again")
    assert code == 0 and fetches_of(site, "/news?again") == before + 1


def test_at_a_terminal_it_asks_before_fetching_again(capsys, site, monkeypatch):
    url = site.url("/news?ask")
    run(capsys, "import", url, "--no-analyse")
    before = fetches_of(site, "/news?ask")

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    assert run(capsys, "import", url, "--no-analyse")[0] == 0
    assert fetches_of(site, "/news?ask") == before + 1
    monkeypatch.setattr("sys.stdin", Terminal("\n"))
    assert run(capsys, "import", url, "--no-analyse")[0] == 0
    assert fetches_of(site, "/news?ask") == before + 1


def test_text_prints_what_the_page_reads_as(capsys, site):
    code, out, _ = run(capsys, "text", site.url("/plain"))
    assert code == 0 and out == "The council voted 7 to 2 for the wall.\n"


def test_export_of_an_address(capsys, site, tmp_path):
    target = tmp_path / "page.md"
    code, _, err = run(capsys, "export", site.url("/news"), "-o", str(target))
    assert code == 0, err
    assert "flood wall" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "address, expected",
    [
        ("https:/www.example.com/a.html", "the address has no host"),
        ("ftp://example.org/a.txt", "only http and https addresses are fetched"),
    ],
)
def test_a_bad_address_is_one_clear_line(capsys, address, expected):
    code, _, err = run(capsys, "analyze", address)
    assert code == 2 and err.count("\n") == 1 and expected in err
    assert "no such file" not in err


def test_a_failed_fetch_stores_nothing(capsys, site):
    code, _, err = run(capsys, "analyze", site.url("/missing"))
    assert code == 2 and "the server answered 404" in err
    store.open_database()
    assert store.list_articles() == []
