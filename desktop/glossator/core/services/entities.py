"""Entities and the reader's corrections of them: rules, marking and naming, the library index,
and re-labelling stored articles.

A correction is a rule ("X is an ORG", "X is not an entity", "X is the entity Y") that every
later analysis follows; making one also corrects the article on screen at once. Each
correction and its undo is one transaction, so a failure leaves no half-made correction.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import TypeVar

from glossator.core import entity_corrections, entity_index, rules_io, store
from glossator.core.annotation import Span
from glossator.core.entity_index import ArticleMentions, LibraryEntity
from glossator.core.errors import NotFoundError
from glossator.core.nlp.entity_aliases import ALIAS, alias_text
from glossator.core.nlp.mentions import surface_key
from glossator.core.services import values
from glossator.core.services.annotating import Snapshot
from glossator.core.services.changes import Changes, Done, annotations_of
from glossator.core.services.values import EntityRule
from glossator.core.services.worker import front_door
from glossator.core.store.entity_relabel import article_exists

IGNORE = store.IGNORE
T = TypeVar("T")

__all__ = [
    "ALIAS", "IGNORE", "ArticleMentions", "EntityRule", "LibraryEntity", "Marked", "Named",
    "Unmarked", "apply_relabelling", "articles_mentioning", "delete_rules", "export_rules",
    "import_rules", "library_entities", "library_texts", "list_rules", "mark_entity", "name_entity",
    "not_an_entity", "relabel_library", "relabelled_entities", "set_rule", "undo_mark_entity",
    "undo_name_entity", "undo_not_an_entity", "undo_relabelling",
]

# Runs the analysis and touches no database: for a background thread.
relabelled_entities = entity_corrections.relabelled_entities
RULES = Changes(entity_rules=True)


@front_door
def list_rules() -> list[EntityRule]:
    """Every rule, by text and then label."""
    return [values.entity_rule(row) for row in store.list_entity_rules()]


def _replace_rule(text: str, label: str) -> tuple[EntityRule, bool, list[tuple[str, str]]]:
    """Add a rule, dropping the name's older rule of another type (aliases stay).

    Returns the rule, whether it is new, and the (text, label) of the rules it replaced.
    """
    rules = store.list_entity_rules()
    known = {(r.text, r.label) for r in rules}
    key, wanted = surface_key(text), str(label).strip().upper()
    clashing = [r for r in rules if r.label not in (ALIAS, wanted) and surface_key(r.text) == key]
    for rule in clashing:
        store.delete_entity_rule(rule.id)
    rule = store.add_entity_rule(text, label)
    return values.entity_rule(rule), (rule.text, rule.label) not in known, [(r.text, r.label) for r in clashing]


@front_door
def set_rule(text: str, label: str) -> Done[EntityRule]:
    """One name has one type: a rule for ``text`` replaces an older one with another label."""
    with store.transaction():
        rule, _, _ = _replace_rule(text, label)
    return Done(rule, RULES)


@front_door
def delete_rules(rule_ids: list[int]) -> Done[None]:
    with store.transaction():
        for rule_id in rule_ids:
            store.delete_entity_rule(rule_id)
    return Done(None, RULES)


@front_door
def import_rules(path: str | os.PathLike) -> Done[int]:
    """Add the rules of a JSONL file; how many were new."""
    return Done(rules_io.import_rules(path), RULES)


@front_door
def export_rules(path: str | os.PathLike) -> int:
    """Write every rule to a JSONL file; how many."""
    return rules_io.export_rules(path)


# -- corrections on the article being read -----------------------------------------------------
@dataclass(frozen=True)
class Marked:
    """What ``mark_entity`` did, for its undo."""

    article_id: int
    annotation_id: int
    rule_id: int | None                    # the rule it added (None if it existed already)
    replaced_rules: list[tuple[str, str]]  # older rules of the name it replaced
    previous: list[Span]                   # the article's automatic entity marks before


@front_door
def mark_entity(article_id: int, start: int, end: int, label: str) -> Done[Marked]:
    """Mark ``start:end`` as an entity of ``label`` and remember it: the same name gets that
    type in this article at once, and in every later analysis."""
    with store.transaction():
        surface = store.get_article(article_id).text[start:end]
        rule, new, replaced = _replace_rule(surface, label)
        previous = entity_corrections.correct_mentions(article_id, surface, label)
        annotation = store.add_annotation(article_id, "entity", label, start, end, origin="user")
    marked = Marked(article_id, annotation.id, rule.id if new else None, replaced, previous)
    return Done(marked, RULES | Changes(article_list=True) | annotations_of(article_id))


@front_door
def undo_mark_entity(marked: Marked) -> Done[None]:
    with store.transaction():
        store.delete_annotation(marked.annotation_id)
        entity_corrections.restore_entities({marked.article_id: marked.previous})
        if marked.rule_id is not None:
            store.delete_entity_rule(marked.rule_id)
        for text, label in marked.replaced_rules:
            store.add_entity_rule(text, label)
    return Done(None, RULES | Changes(article_list=True) | annotations_of(marked.article_id))


@dataclass(frozen=True)
class Unmarked:
    """What ``not_an_entity`` did, for its undo."""

    article_id: int
    snapshots: list[Snapshot] = field(default_factory=list)
    rule_id: int | None = None


@front_door
def not_an_entity(article_id: int, surface: str) -> Done[Unmarked]:
    """Remove every entity mark of ``surface`` in the article, and remember for every later
    article that it is not an entity."""
    key = surface_key(surface)
    with store.transaction():
        ids = [r.id for r in store.annotation_records(article_id)
               if r.id is not None and r.kind == "entity" and surface_key(r.quote) == key]
        snapshots = [store.snapshot_annotation(i) for i in ids]
        for annotation_id in ids:
            store.delete_annotation(annotation_id)
        rule = store.add_entity_rule(surface, IGNORE)
    unmarked = Unmarked(article_id, snapshots, rule.id)
    return Done(unmarked, RULES | Changes(article_list=True, tag_names=True) | annotations_of(article_id))


@front_door
def undo_not_an_entity(unmarked: Unmarked) -> Done[list[int]]:
    """Forget the rule and bring the marks back; their new ids."""
    with store.transaction():
        if unmarked.rule_id is not None:
            store.delete_entity_rule(unmarked.rule_id)
        ids = [store.restore_annotation(s) for s in unmarked.snapshots]
    return Done(ids, RULES | Changes(article_list=True, tag_names=True) | annotations_of(unmarked.article_id))


@dataclass(frozen=True)
class Named:
    """What ``name_entity`` did, for its undo."""

    article_id: int
    rule_id: int | None
    previous: list[Span]


@front_door
def name_entity(article_id: int, form: str, canonical: str) -> Done[Named]:
    """From now on ``form`` is the entity called ``canonical``: here at once, and in every
    later analysis (a rename, or a merge into another entity)."""
    text = alias_text(form, canonical)
    with store.transaction():
        existed = any(r.text == text and r.label == ALIAS for r in store.list_entity_rules())
        rule = store.add_entity_rule(text, ALIAS)
        previous = entity_corrections.name_mentions(article_id, form, canonical)
    named = Named(article_id, None if existed else rule.id, previous)
    return Done(named, RULES | annotations_of(article_id))


@front_door
def undo_name_entity(named: Named) -> Done[None]:
    with store.transaction():
        entity_corrections.restore_entities({named.article_id: named.previous})
        if named.rule_id is not None:
            store.delete_entity_rule(named.rule_id)
    return Done(None, RULES | annotations_of(named.article_id))


# -- the library ----------------------------------------------------------------------------
@front_door
def library_entities(label: str | None = None) -> list[LibraryEntity]:
    """Every entity of the library with how many articles mention it, most mentioned first."""
    return entity_index.library_entities(label)


@front_door
def articles_mentioning(name: str, label: str | None = None) -> list[ArticleMentions]:
    """The articles that mention ``name``, with each mention's range and sentence."""
    return entity_index.articles_mentioning(name, label)


@front_door
def library_texts(article_ids: list[int] | None = None) -> dict[int, str]:
    """The texts of the given stored articles (every one by default), by id, for re-labelling."""
    with store.reading():
        return entity_corrections.library_texts(article_ids)


@front_door
def apply_relabelling(found: dict[int, list[Span]]) -> Done[dict[int, list[Span]]]:
    """Write re-labelled entity marks (from ``relabelled_entities``); the marks they replaced."""
    with store.transaction():
        previous = entity_corrections.apply_entities(found)
    return Done(previous, Changes(article_list=True, annotations=frozenset(previous)))


@front_door
def undo_relabelling(previous: dict[int, list[Span]]) -> Done[None]:
    with store.transaction():
        entity_corrections.restore_entities(previous)
    return Done(None, Changes(article_list=True, annotations=frozenset(previous)))


# A long job's chunk holds the library for about this long, so a call the reader is waiting
# for never waits much more than this behind it.
STEP_BUDGET_S = 0.025


def _in_steps(items: list[T], each: Callable[[T], None]) -> Generator[None, None, None]:
    """Run ``each`` over ``items``, one transaction a chunk of about ``STEP_BUDGET_S``."""
    position = 0
    while position < len(items):
        started = time.perf_counter()
        with store.transaction():
            while position < len(items):
                each(items[position])
                position += 1
                if time.perf_counter() - started >= STEP_BUDGET_S:
                    break
        yield


def library_texts_in_steps(article_ids: list[int]) -> Generator[None, None, dict[int, str]]:
    """``library_texts`` for a long job: a chunk of articles read at each step."""
    texts: dict[int, str] = {}

    def read(article_id: int) -> None:
        try:
            texts[article_id] = store.get_article(article_id).text
        except NotFoundError:
            pass  # deleted meanwhile: nothing to re-label

    yield from _in_steps(list(article_ids), read)
    return texts


def relabelling_in_steps(found: dict[int, list[Span]]) -> Generator[None, None, Done[dict[int, list[Span]]]]:
    """``apply_relabelling`` for a long job: a chunk of articles written at each step."""
    previous: dict[int, list[Span]] = {}

    def apply(article_id: int) -> None:
        previous.update(entity_corrections.apply_entities({article_id: found[article_id]}))

    yield from _in_steps(list(found), apply)
    return Done(previous, Changes(article_list=True, annotations=frozenset(previous)))


def undo_relabelling_in_steps(previous: dict[int, list[Span]]) -> Generator[None, None, Done[None]]:
    """``undo_relabelling`` for a long job."""

    def restore(article_id: int) -> None:
        if article_exists(article_id):
            entity_corrections.restore_entities({article_id: previous[article_id]})

    yield from _in_steps(list(previous), restore)
    return Done(None, Changes(article_list=True, annotations=frozenset(previous)))


@front_door
def relabel_library(article_ids: list[int] | None = None, *, model: str | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Done[dict[int, list[Span]]]:
    """Apply the current rules to stored articles in one go (the command line's way)."""
    rules = {rule.text: rule.label for rule in store.list_entity_rules()}
    found = relabelled_entities(library_texts(article_ids), rules, model=model, progress=progress)
    return apply_relabelling(found)
