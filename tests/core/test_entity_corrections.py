"""Corrections applied to stored articles: at once in one, to the library, and undone."""

from glossator.core import store
from glossator.core.annotation import Span
from glossator.core.entity_corrections import correct_mentions, occurrences, relabel_library, restore_entities
from glossator.core.entity_index import sentence_around
from glossator.core.readers import read_article
from glossator.core.services import articles

TEXT = "Acme Labs met Bern. Later acme labs staff and ACME LABS managers met Bern again.\n"


def _article(tmp_path, text=TEXT, name="a.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return store.save_article(read_article(path))


def _entities(article_id):
    return [(r.quote, r.label, r.origin) for r in store.annotation_records(article_id) if r.kind == "entity"]


def test_occurrences_are_whole_words_not_lower_case():
    assert occurrences(TEXT, "Acme  Labs") == [(0, 9), (46, 55)]
    assert occurrences("Bernstein met Bern.", "Bern") == [(14, 18)]


def test_correct_mentions_relabels_marks_new_ones_and_restores(tmp_path):
    row = _article(tmp_path)
    store.store_analysis(row, [Span("entity", "GPE", 0, 9, None, {"canonical": "Acme Labs"}),
                               Span("entity", "PERSON", 14, 18, None, {"canonical": "Bern"})],
                         model_name="m", model_version="1", pipeline_version="p")
    user = store.add_annotation(row.id, "entity", "PERSON", 69, 73)
    previous = correct_mentions(row.id, "Acme Labs", "ORG")
    assert _entities(row.id) == [("Acme Labs", "ORG", "auto"), ("Bern", "PERSON", "auto"),
                                 ("ACME LABS", "ORG", "auto"), ("Bern", "PERSON", "user")]
    restore_entities({row.id: previous})
    assert _entities(row.id) == [("Acme Labs", "GPE", "auto"), ("Bern", "PERSON", "auto"),
                                 ("Bern", "PERSON", "user")]
    correct_mentions(row.id, "Bern", store.IGNORE)
    # The reader's own mark stays; only the automatic one goes.
    assert [r.id for r in store.annotation_records(row.id) if r.quote == "Bern"] == [user.id]


def test_relabel_library_applies_rules_and_can_be_undone(tmp_path):
    first = _article(tmp_path, "Nvidia, the chipmaker, sold chips. NVIDIA grew.\n", "a.txt")
    second = _article(tmp_path, "Analysts said Nvidia would grow in London.\n", "b.txt")
    for row in (first, second):
        articles.analyse(row.id)
    before = {row.id: _entities(row.id) for row in (first, second)}
    store.add_entity_rule("nvidia", store.IGNORE)
    previous = relabel_library()
    assert set(previous) == {first.id, second.id}
    assert not [e for row in (first, second) for e in _entities(row.id) if e[0].casefold() == "nvidia"]
    assert ("London", "GPE", "auto") in _entities(second.id)
    restore_entities(previous)
    assert {row.id: _entities(row.id) for row in (first, second)} == before


def test_sentence_around_a_mention():
    text = "First one. Nvidia said “yes.” Then more!\nA line without end"
    start = text.index("Nvidia")
    assert sentence_around(text, start, start + 6) == "Nvidia said “yes.”"
    start = text.index("line")
    assert sentence_around(text, start, start + 4) == "A line without end"
    long = "Words " * 100 + "Nvidia " + "more " * 100 + "."
    start = long.index("Nvidia")
    cut = sentence_around(long, start, start + 6)
    assert "Nvidia" in cut and cut.startswith("…") and cut.endswith("…") and len(cut) <= 302
