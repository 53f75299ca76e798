"""Entity corrections as services: each is one transaction, so a failure leaves nothing half
done, and each says what it changed."""

import pytest

from glossator.core import store
from glossator.core.article import Article, paragraph_blocks
from glossator.core.services import annotating, entities
from glossator.core.services.changes import Changes

TEXT = "Bernstein said Nvidia fell. Analysts at Bernstein agreed, and Nvidia rebounded."


@pytest.fixture
def article_id():
    row = store.save_article(Article(text=TEXT, blocks=paragraph_blocks(TEXT), title="Markets"))
    first = TEXT.index("Bernstein")
    store.add_annotation(row.id, "entity", "PERSON", first, first + len("Bernstein"), origin="auto")
    return row.id


def _entities(article_id):
    return sorted((r.start, r.end, r.label) for r in annotating.annotation_records(article_id) if r.kind == "entity")


def _rules():
    return sorted((r.text, r.label) for r in entities.list_rules())


def test_marking_an_entity_relabels_the_name_and_replaces_its_older_rule(article_id):
    entities.set_rule("Bernstein", "PERSON")
    start = TEXT.index("Bernstein")
    done = entities.mark_entity(article_id, start, start + len("Bernstein"), "ORG")
    assert _rules() == [("Bernstein", "ORG")]
    # Both mentions are organisations now, the one the model had and the one it missed.
    assert [label for s, e, label in _entities(article_id) if TEXT[s:e] == "Bernstein"] == ["ORG", "ORG"]
    assert done.changes.entity_rules and done.changes.touches_article(article_id)
    assert done.value.replaced_rules == [("Bernstein", "PERSON")]

    entities.undo_mark_entity(done.value)
    assert _rules() == [("Bernstein", "PERSON")]
    assert _entities(article_id) == [(0, 9, "PERSON")]


def test_a_failure_in_the_last_step_leaves_the_rules_and_marks_as_they_were(article_id, monkeypatch):
    entities.set_rule("Bernstein", "PERSON")
    rules, marks = _rules(), _entities(article_id)

    def broken(*args, **kwargs):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(store, "add_annotation", broken)
    start = TEXT.index("Bernstein")
    with pytest.raises(RuntimeError):
        entities.mark_entity(article_id, start, start + len("Bernstein"), "ORG")
    assert _rules() == rules
    assert _entities(article_id) == marks


def test_not_an_entity_removes_the_marks_and_its_undo_brings_them_back(article_id):
    store.add_note(article_id, 0, len("Bernstein"), "who is this?")
    done = entities.not_an_entity(article_id, "Bernstein")
    assert _entities(article_id) == [] and _rules() == [("Bernstein", "IGNORE")]
    entities.undo_not_an_entity(done.value)
    assert _entities(article_id) == [(0, 9, "PERSON")] and _rules() == []
    assert [r.notes for r in annotating.annotation_records(article_id)] == [["who is this?"]]


def test_changes_merge_and_say_what_they_touch():
    first = Changes(annotations=frozenset({1}))
    both = first | Changes(entity_rules=True, article_notes=frozenset({2}))
    assert both.annotations == {1} and both.article_notes == {2} and both.entity_rules
    assert both.touches_article(1) and both.touches_article(2) and not both.touches_article(3)
    assert not Changes() and Changes(library=True).touches_article(7)
    assert first.counts and not Changes(entity_rules=True).counts
