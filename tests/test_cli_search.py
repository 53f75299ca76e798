"""``glossator search``: the library's full-text search from the command line."""

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from tests.cli_runner import run


def _article(text, title):
    return store.save_article(Article(text=text, blocks=paragraph_blocks(text), title=title))


def test_search_lists_hits_in_texts_and_notes_with_snippets(capsys, glossator_db):
    harbour = _article("The harbour reopened after the storm.", "Harbour reopens")
    zebras = _article("Zebras were counted in the park.", "Zebra census")
    store.add_article_note(zebras.id, "The harbour master disputes the count")
    store.close_database()

    code, out, err = run(capsys, "search", "harbour")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "title", "in", "snippet"]
    rows = {line.split()[0]: line for line in lines[2:]}
    assert set(rows) == {str(harbour.id), str(zebras.id)}
    assert "text" in rows[str(harbour.id)] and "»harbour«" in rows[str(harbour.id)]
    assert "note" in rows[str(zebras.id)]


def test_search_with_no_hit_says_so_and_exits_one(capsys, glossator_db):
    store.close_database()
    code, out, err = run(capsys, "search", '"no', "such", "thing")
    assert code == 1 and err == ""
    assert out.startswith("Nothing in the library matches")
