"""Mentions the model missed: the same name said again, or a phrase the reader taught.

Once the model tags "Nvidia" somewhere in a document, every other "Nvidia", "NVIDIA" or
"Nvidia's" in it is a mention too, and a person's surname alone ("Altman" after "Sam
Altman") is searched for as well. Names match as whole tokens and case-insensitively (a spaCy
``PhraseMatcher`` on ``LOWER``), except that a match written all in lower case is left alone
when the name is not: "apple" the fruit is not "Apple". The reader's label rules are matched
the same way, which is how a correction made in one article reaches every later one. A
one-word name the document also writes in lower case is a common word ("Poker") and is not
searched for there.

A long text is read in chunks; each chunk is searched for the names known from it and from
the chunks before it, and once every chunk is read, the earlier chunks are searched again
(tokens only, the model does not run twice) for the names first met in a later one (a news
article is a single chunk).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from glossator.core.nlp import lexicon
from glossator.core.nlp.entity_aliases import split_rules
from glossator.core.nlp.entity_evidence import evidence_label
from glossator.core.nlp.mentions import NAME_LABELS, Mention, doc_mentions, surface_key

IGNORE = "IGNORE"
# Which mention wins where two overlap: the reader's phrase, then the model, then a repeat.
ORIGIN_RANK = {"rule": 0, "model": 1, "repeat": 2}


def _pattern_text(text: str) -> str:
    """The written name without a possessive or a leading "the"."""
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text[:4].casefold() == "the " and len(text) > 4:
        text = text[4:]
    return text


def _worth_searching(text: str) -> bool:
    """Names that stand out in running text: two characters or more, a capital or a digit."""
    if len(text) < 2 or text.casefold() in lexicon.IGNORED_ENTITIES:
        return False
    return any(c.isupper() or c.isdigit() for c in text)


class MentionReader:
    """Reads the chunks of one document: the model's mentions plus those of names it knows."""

    def __init__(self, nlp, rules: dict[str, str] | None = None):
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[str, str] = {}  # surface key -> label a match starts with
        self.forms: dict[str, str] = {}   # surface key -> the name as written
        self.taught: set[str] = set()
        self.learned_at: dict[str, int] = {}  # surface key -> the chunk it was first met in
        self.chunks_read = 0
        rules, _names = split_rules(rules)
        self.ignored = {surface_key(text) for text, label in rules.items() if label == IGNORE}
        for text, label in rules.items():
            if label != IGNORE:
                self._learn(text, label, taught=True)

    def _learn(self, text: str, label: str, *, taught: bool = False) -> None:
        pattern = _pattern_text(text)
        key = surface_key(pattern)
        if not key or key in self.labels or key in self.ignored:
            return
        if not taught and not _worth_searching(pattern):
            return
        self.labels[key] = label
        self.forms[key] = pattern
        self.learned_at[key] = -1 if taught else self.chunks_read
        if taught:
            self.taught.add(key)
        self.matcher.add(key, [self.nlp.make_doc(pattern)])

    def read(self, doc, offset: int = 0) -> list[Mention]:
        """The mentions of one parsed chunk starting at ``offset`` in the whole text."""
        found = doc_mentions(doc, offset)
        for mention in found:
            if mention.label in NAME_LABELS:
                self._learn(mention.text, mention.label)
                words = [w for w in mention.text.split() if w.casefold().strip(",") not in lexicon.NAME_SUFFIXES]
                if mention.label == "PERSON" and len(words) > 1:
                    self._learn(words[-1], "PERSON")
        matches = self._matches(doc, offset)
        self.chunks_read += 1
        return found + matches

    def read_again(self, text: str, offset: int, index: int) -> list[Mention]:
        """Mentions in chunk ``index`` (``text``, at ``offset``) of the names first met in a
        later chunk. Only the tokeniser runs; where such a mention overlaps one the model
        found in this chunk, ``settle_overlaps`` keeps the model's."""
        later = {key for key, at in self.learned_at.items() if at > index}
        if not later:
            return []
        return self._matches(self.nlp.make_doc(text), offset, only=later)

    def _matches(self, doc, offset: int, only: set[str] | None = None) -> list[Mention]:
        # Numbers, dates and amounts the model found keep their words; a name the model
        # found is not found again (so a longer match cannot hide a shorter name inside it).
        taken: set[int] = set()
        found = set()
        for ent in doc.ents:
            if ent.label_ not in NAME_LABELS:
                taken.update(range(ent.start, ent.end))
            else:
                found.add((ent.start, ent.end))
        # A one-word name also written in lower case here is a common word ("Poker", "Army").
        common = {tok.text for tok in doc if tok.is_lower}
        spans = []
        for match in self.matcher(doc, as_spans=True):
            key = match.label_
            if only is not None and key not in only:
                continue
            if match.text.islower() and not self.forms[key].islower():
                continue
            if len(match) == 1 and key not in self.taught and key in common:
                continue
            if (match.start, match.end) in found or taken.intersection(range(match.start, match.end)):
                continue
            spans.append(SpacySpan(doc, match.start, match.end, label=self.labels[key]))
        mentions = []
        for span in filter_spans(spans):
            key = surface_key(span.text)
            origin = "rule" if key in self.taught else "repeat"
            mention = Mention(offset + span.start_char, offset + span.end_char, span.text,
                              span.label_, len(span), origin=origin)
            evidence = evidence_label(span) if doc.has_annotation("DEP") else None
            if evidence is not None:
                mention.evidence, mention.evidence_words = evidence
            mentions.append(mention)
        return mentions


def settle_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep one mention where several overlap: the reader's phrase, else the model's, else a repeat."""
    ranked = sorted(mentions, key=lambda m: (ORIGIN_RANK.get(m.origin, 1), m.start, -m.end))
    starts: list[int] = []  # kept mentions never overlap, so sorting by start sorts the ends too
    ends: list[int] = []
    kept: list[Mention] = []
    for mention in ranked:
        i = bisect_left(starts, mention.end)
        # The kept mention starting last before this one ends is the only one it can overlap.
        if i and ends[i - 1] > mention.start:
            continue
        starts.insert(i, mention.start)
        ends.insert(i, mention.end)
        kept.append(mention)
    return sorted(kept, key=lambda m: (m.start, -m.end))
