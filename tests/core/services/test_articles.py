"""The article services both faces call: import, cached analysis, annotation, export."""

import pytest

from glossator.core import safe_write, store
from glossator.core.errors import GlossatorError
from glossator.core.nlp import analysis
from glossator.core.services import articles, exports
from tests.samples import SAMPLE_ARTICLE


@pytest.fixture
def counting_model(monkeypatch):
    calls = []
    real = articles.load_model

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(articles, "load_model", counted)
    return calls


def test_analysing_twice_runs_the_model_once(counting_model):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    first = articles.analyse(row.id)
    assert first.ran and len(counting_model) == 1
    again = articles.import_file(SAMPLE_ARTICLE).value.article
    assert again.id == row.id
    second = articles.analyse(again.id)
    assert not second.ran
    assert len(counting_model) == 1
    assert (second.entities, second.claims) == (first.entities, first.claims)


def test_the_analysis_stores_the_kind_of_text_and_the_export_says_it(tmp_path):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    assert row.genre == ""
    articles.analyse(row.id)
    assert articles.get_article(row.id).genre == "news"
    assert 'genre: "news"' in exports.render_markdown(row.id)


def test_reopening_the_database_uses_the_cache(counting_model, tmp_path):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    path = store.database_path()
    store.close_database()
    store.open_database(path)
    outcome = articles.analyse(row.id)
    assert not outcome.ran and len(counting_model) == 1


def test_a_new_pipeline_version_analyses_again(counting_model, monkeypatch):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    monkeypatch.setattr(articles, "PIPELINE_VERSION", analysis.PIPELINE_VERSION + "-next")
    assert articles.cached_model(row.id) is None


def test_reanalysis_keeps_the_users_work(counting_model):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    claim = next(r for r in store.annotation_records(row.id) if r.kind == "claim" and "17%" in r.quote)
    store.add_note(row.id, claim.start, claim.end, "Check against the Nasdaq close.")
    store.add_source(row.id, claim.start, claim.end, "https://example.org/nvda", title="Market data", stance="supports")
    articles.analyse(row.id, force=True)
    assert len(counting_model) == 2
    kept = [r for r in store.annotation_records(row.id) if r.kind == "claim" and r.start == claim.start]
    assert len(kept) == 1
    assert kept[0].notes == ["Check against the Nasdaq close."]
    assert kept[0].sources[0].stance == "supports"


def test_export_carries_notes_and_sources(tmp_path):
    row = articles.import_file(SAMPLE_ARTICLE).value.article
    articles.analyse(row.id)
    start = row.text.index("Nvidia's share price plunged")
    end = row.text.index("market cap.") + len("market cap")
    store.add_note(row.id, start, end, "Drop measured at close on 27 January.")
    store.add_source(row.id, start, end, "https://example.org/markets", title="Markets live", stance="refutes")
    out = exports.export_article(row.id, tmp_path / "out.md")
    md = out.read_text(encoding="utf-8")
    assert md.startswith("---\n")
    assert "Drop measured at close on 27 January." in md
    assert "[Markets live](https://example.org/markets)" in md
    assert "refutes" in md
    assert "## Claims" in md and "## Entities" in md


def test_atomic_write_leaves_no_partial_file(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "x.md"
    target.write_text("old", encoding="utf-8")
    safe_write.write_text_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in folder.iterdir()] == ["x.md"]
    with pytest.raises(GlossatorError, match="does not exist"):
        safe_write.write_text_atomically(folder / "missing" / "y.md", "text")
