"""A reader's entity corrections applied to stored articles: at once to one, then to the library.

A correction is an entity rule ("X is an ORG", "X is not an entity"). In the article being
read it takes effect at once on the marks already there (``correct_mentions``). Across the
library, re-labelling runs the analysis again with the rules and keeps only its entities,
so a rule reaches every mention, including ones the model never marked. That work is split
so the slow part touches no database: ``relabelled_entities`` runs on any thread,
``apply_entities`` writes on the database's thread and returns what it replaced, for undo.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from glossator.core import store
from glossator.core.annotation import Span
from glossator.core.nlp.analysis import AnalysisCancelled, analyze_text
from glossator.core.nlp.mentions import surface_key
from glossator.core.nlp.model import load_model
from glossator.core.store.entity_relabel import article_exists, auto_entities, entity_ranges, replace_auto_entities


def correct_mentions(article_id: int, surface: str, label: str) -> list[Span]:
    """Relabel (or, for IGNORE, drop) the article's automatic marks of ``surface`` now, and
    mark its other unmarked occurrences with ``label``.

    Returns the marks as they were, for ``restore_entities``.
    """
    key = surface_key(surface)
    text = store.get_article(article_id).text
    previous = auto_entities(article_id)
    corrected = []
    for span in previous:
        if surface_key(text[span.start : span.end]) != key and surface_key(span.attrs.get("canonical", "")) != key:
            corrected.append(span)
        elif label != store.IGNORE:
            attrs = {**span.attrs, "rule": label}
            corrected.append(Span("entity", label, span.start, span.end, span.score, attrs))
    if label != store.IGNORE:
        taken = entity_ranges(article_id)
        for start, end in occurrences(text, surface):
            if not any(start < e and s < end for s, e in taken):
                corrected.append(Span("entity", label, start, end, None,
                                      {"canonical": " ".join(surface.split()), "found_by": "rule", "rule": label}))
    replace_auto_entities(article_id, sorted(corrected, key=lambda s: (s.start, s.end)))
    return previous


def name_mentions(article_id: int, form: str, canonical: str) -> list[Span]:
    """Put the article's automatic marks of ``form`` (as written or as named) under the entity
    ``canonical`` now, with that entity's type when it is marked here; returns them as they were."""
    key, target = surface_key(form), surface_key(canonical)
    text = store.get_article(article_id).text
    previous = auto_entities(article_id)

    def named(span):
        return key in (surface_key(text[span.start : span.end]), surface_key(span.attrs.get("canonical", "")))

    kinds = [s.label for s in previous if not named(s) and target in (
        surface_key(s.attrs.get("canonical", "")), surface_key(text[s.start : s.end]))]
    corrected = [
        Span("entity", kinds[0] if kinds else s.label, s.start, s.end, s.score, {**s.attrs, "canonical": canonical})
        if named(s) else s
        for s in previous
    ]
    replace_auto_entities(article_id, corrected)
    return previous


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Where ``surface`` is written in ``text`` as whole words, in any case but all lower case
    (unless ``surface`` itself is)."""
    words = surface.split()
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    lower_ok = surface.islower()
    return [(m.start(), m.end()) for m in pattern.finditer(text) if lower_ok or not m.group().islower()]


def restore_entities(previous: dict[int, list[Span]]) -> None:
    """Put back the automatic entity marks that a correction or re-labelling replaced."""
    for article_id, spans in previous.items():
        replace_auto_entities(article_id, spans)


def library_texts(article_ids: list[int] | None = None) -> dict[int, str]:
    """The texts of the given stored articles (all of them by default), by id."""
    ids = article_ids if article_ids is not None else [summary.id for summary in store.list_articles()]
    return {article_id: store.get_article(article_id).text for article_id in ids}


def relabelled_entities(
    texts: dict[int, str],
    rules: dict[str, str],
    *,
    model: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[int, list[Span]]:
    """The entities of each text analysed with ``rules``. Touches no database."""
    nlp = load_model(model)
    found: dict[int, list[Span]] = {}
    for done, (article_id, text) in enumerate(texts.items(), start=1):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        found[article_id] = analyze_text(text, nlp, rules=rules).entities
        if progress is not None:
            progress(done, len(texts))
    return found


def apply_entities(spans_by_article: dict[int, list[Span]]) -> dict[int, list[Span]]:
    """Write new automatic entity marks for each article; returns the marks they replaced.

    An article deleted since the marks were computed is skipped.
    """
    previous: dict[int, list[Span]] = {}
    for article_id, spans in spans_by_article.items():
        if not article_exists(article_id):
            continue
        previous[article_id] = replace_auto_entities(article_id, spans)
    return previous


def relabel_library(article_ids: list[int] | None = None, *, model: str | None = None,
                    progress: Callable[[int, int], None] | None = None) -> dict[int, list[Span]]:
    """Apply the current entity rules to stored articles in one go (the command line's way)."""
    rules = {rule.text: rule.label for rule in store.list_entity_rules()}
    found = relabelled_entities(library_texts(article_ids), rules, model=model, progress=progress)
    return apply_entities(found)
