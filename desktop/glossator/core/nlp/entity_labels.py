"""One label per name per document: grammar first, then a vote, then the longer name.

Works on the mentions of a whole document (all its chunks), so it is a pure function over
``Mention`` records and the user's entity rules.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from glossator.core.annotation import Span
from glossator.core.nlp import lexicon
from glossator.core.nlp.entity_aliases import split_rules
from glossator.core.nlp.entity_repeats import settle_overlaps
from glossator.core.nlp.mention_repair import repair_mentions
from glossator.core.nlp.mentions import NAME_LABELS, Mention, surface_key

IGNORE = "IGNORE"
# A word the model called a nationality, a religion or a party is no surname (a surname may
# well be taken for a place or a firm: "Liang", "Lovelace").
KEPT_TYPES = frozenset({"NORP"})
# When votes tie, the label more often right on news text wins.
LABEL_PREFERENCE = ("PERSON", "ORG", "GPE", "LOC", "NORP", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE")


def _vote(labels: list[str]) -> str:
    counts = Counter(labels)
    best = max(counts.values())
    tied = [label for label in counts if counts[label] == best]
    tied.sort(key=lambda kind: LABEL_PREFERENCE.index(kind) if kind in LABEL_PREFERENCE else len(LABEL_PREFERENCE))
    return tied[0]


def decide_labels(mentions: list[Mention]) -> dict[str, str]:
    """The label of each name (surface key): grammatical evidence outvotes the model."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label in NAME_LABELS:
            by_key[m.key].append(m)
    decided: dict[str, str] = {}
    for key, group in by_key.items():
        evidence = [m.evidence for m in group if m.evidence]
        # A repeat has no label of its own to vote with, only the grammar around it.
        votes = [m.label for m in group if m.origin == "model"] or [m.label for m in group]
        decided[key] = _vote(evidence) if evidence else _vote(votes)
    return decided


def person_aliases(decided: dict[str, str], mentions: list[Mention]) -> dict[str, str]:
    """Map a one-word name to the longest person name it is part of ("altman" -> "sam altman").

    A single word that is the last word of a longer PERSON name is that person (a surname),
    unless grammar said otherwise about the short form itself. The first word ("Liang" of
    "Liang Wenfeng") joins only when something already calls it a person: place names lead
    many names ("Perth" of "Perth Glory") and surnames lead some.
    """
    evidenced = {m.key for m in mentions if m.evidence and m.evidence != "PERSON"}
    # "Democrats" of "Virginia Democrats" keeps the type the model gave it.
    evidenced |= {m.key for m in mentions if m.origin == "model" and m.label in KEPT_TYPES}
    personal = {m.key for m in mentions if m.evidence == "PERSON" or (m.origin == "model" and m.label == "PERSON")}
    people = [k for k, label in decided.items() if label == "PERSON" and " " in k]
    aliases: dict[str, str] = {}
    for key in decided:
        if " " in key or key in evidenced:
            continue
        matches = [p for p in people if key == _name_words(p)[-1] or (key == _name_words(p)[0] and key in personal)]
        if matches:
            aliases[key] = max(matches, key=len)
    return aliases


def _name_words(key: str) -> list[str]:
    """The words of a person's name without a suffix such as "jr." (keys are lower case)."""
    words = [w for w in key.split() if w.strip(",") not in lexicon.NAME_SUFFIXES]
    return words or key.split()


def resolve_entities(
    mentions: list[Mention],
    rules: dict[str, str] | None = None,
    names: dict[str, str] | None = None,
) -> list[Span]:
    """Turn raw mentions into entity spans with one label per name and a canonical name.

    ``rules`` maps a surface form to the label it always has (or IGNORE), and holds the
    reader's merges and renames as ALIAS rules; ``names`` maps a surface form to the canonical
    name of the entity it belongs to, whose label it then shares.
    """
    rules, named = split_rules(rules)
    rules = {surface_key(text): label for text, label in rules.items()}
    names = {surface_key(text): name for text, name in {**named, **(names or {})}.items()}
    # Repeats were found where the model's spans may be cut back, so they settle afterwards.
    repeats = [m for m in mentions if m.origin == "repeat"]
    mentions = settle_overlaps(repair_mentions([m for m in mentions if m.origin != "repeat"]) + repeats)
    decided = decide_labels(mentions)
    aliases = person_aliases(decided, mentions)
    display = _display_names(mentions)
    spans: list[Span] = []
    for m in mentions:
        key = m.key
        canonical_key = aliases.get(key, key)
        chain = _follow(names, key, canonical_key)
        canonical = chain[-1] if chain else display.get(canonical_key, m.text)
        # A merged form takes the type of the entity it joined, the first one named here.
        joined = next((k for k in map(surface_key, chain) if k != canonical_key and k in decided), None)
        label = rules.get(key) or rules.get(canonical_key) or rules.get(surface_key(canonical))
        if label == IGNORE:
            continue
        if label is None:
            if joined is not None:
                label = decided[joined]
            elif key in aliases:
                label = "PERSON"
            else:
                label = decided.get(key, m.label)
        attrs = {"canonical": canonical}
        if m.origin != "model":
            attrs["found_by"] = m.origin
        elif m.label != label:
            attrs["model_label"] = m.label
        if m.evidence:
            attrs["evidence"] = m.evidence_words
        spans.append(Span("entity", label, m.start, m.end, None, attrs))
    return _drop_overlaps(spans)


def _follow(names: dict[str, str], key: str, canonical_key: str) -> list[str]:
    """The reader's names for an entity, following merges into renamed entities ("NVDA" ->
    "Nvidia" -> "Nvidia Corporation"); empty when the reader named neither form."""
    name = names.get(key) or names.get(canonical_key)
    chain: list[str] = []
    seen = {key, canonical_key}
    while name is not None:
        chain.append(name)
        step = surface_key(name)
        if step in seen:
            break
        seen.add(step)
        name = names.get(step)
    return chain


def _display_names(mentions: list[Mention]) -> dict[str, str]:
    """The most frequent written form of each name, without a possessive."""
    forms: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        text = m.text
        for suffix in ("'s", "’s"):
            if text.endswith(suffix):
                text = text[: -len(suffix)]
        forms[m.key][text] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in forms.items()}


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
