"""Find the cues that make a sentence a claim of some kind, from spaCy's parse and entities.

Each function takes one sentence (a spaCy ``Span``) and returns the cues it found, so the
rules are testable one by one and the component only has to combine them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossator.core.nlp import lexicon


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a claim kind: the words that fired and where they are."""

    kind: str
    text: str
    start: int  # token index in the doc
    end: int


def quote_ranges(sent) -> list[tuple[int, int]]:
    """Token ranges (doc indices, exclusive end) inside double quotation marks in the sentence."""
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for tok in sent:
        text = tok.text
        if opened is None and (text in lexicon.OPEN_QUOTES or text == "``"):
            opened = tok.i + 1
        elif opened is not None and (text in lexicon.CLOSE_QUOTES or text == "''"):
            if tok.i > opened:
                ranges.append((opened, tok.i))
            opened = None
    return ranges


def _inside(i: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in ranges)


def statistic_cues(sent) -> list[Cue]:
    """Numbers, money, percentages and quantities that are not dates, names or product codes."""
    cues: list[Cue] = []
    seen: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in lexicon.STATISTIC_LABELS:
            cues.append(Cue("statistic", ent.text, ent.start, ent.end))
            seen.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in seen or not tok.like_num or tok.ent_type_ in lexicon.NON_STATISTIC_LABELS:
            continue
        if tok.text.lower() in ("one", "a"):
            continue  # "one of the ..." is not a figure
        cues.append(Cue("statistic", tok.text, tok.i, tok.i + 1))
    if cues and not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return []  # a bare figure without a predicate asserts nothing
    return cues


def reporting_verbs(sent, quotes: list[tuple[int, int]] | None = None) -> list:
    """Verbs of saying in the sentence outside any direct quotation (``quotes``: its quote ranges)."""
    quotes = quote_ranges(sent) if quotes is None else quotes
    found = []
    for tok in sent:
        if tok.pos_ != "VERB" or _inside(tok.i, quotes):
            continue
        lemma = tok.lemma_.lower()
        # "called it 'a disaster'" reports speech; "called for reform" does not.
        if lemma in lexicon.REPORTING_VERBS or (quotes and lemma in lexicon.QUOTE_FRAMING_VERBS):
            found.append(tok)
        elif lemma in lexicon.CLAUSE_REPORTING_VERBS and any(c.dep_ == "ccomp" for c in tok.children):
            found.append(tok)
    return found


def according_to(sent):
    """The object of "according to" in the sentence, or None."""
    for tok in sent:
        if tok.lower_ == "according":
            for child in tok.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ == "to" and nxt.i + 1 < sent.end:
                return tok.doc[nxt.i + 1]
    return None


def _irrealis_infinitive(verb) -> bool:
    """"calling for the U.S. to maintain ..." asks for something; nobody says anything."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    has_own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return has_to and has_own_subject


def attribution_cues(sent, quotes: list[tuple[int, int]] | None = None) -> list[Cue]:
    """Reported speech: a verb of saying with content, passive reporting, or "according to"."""
    cues: list[Cue] = []
    obj = according_to(sent)
    if obj is not None:
        start = obj.i - 2
        cues.append(Cue("attribution", sent.doc[start : obj.i + 1].text, start, obj.i + 1))
    for verb in reporting_verbs(sent, quotes):
        if _irrealis_infinitive(verb):
            continue
        has_content = any(c.dep_ in ("ccomp", "xcomp", "dobj", "prep", "advcl") for c in verb.children)
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if has_content or passive:
            cues.append(Cue("attribution", verb.text, verb.i, verb.i + 1))
    return cues


_PATTERNS: dict[tuple, re.Pattern] = {}


def _pattern(markers: tuple) -> re.Pattern:
    pattern = _PATTERNS.get(markers)
    if pattern is None:
        words = sorted((m.strip() for m in markers), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        _PATTERNS[markers] = pattern
    return pattern


def _marker_cues(sent, kind: str, markers: tuple) -> list[Cue]:
    cues = []
    for match in _pattern(markers).finditer(sent.text):
        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            cues.append(Cue(kind, span.text, span.start, span.end))
    return cues


def comparison_cues(sent) -> list[Cue]:
    """Comparatives with a standard ("fewer than"), superlatives, and verbs that compare."""
    cues = _marker_cues(sent, "comparison", lexicon.COMPARISON_MARKERS)
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lexicon.COMPARISON_VERBS:
            cues.append(Cue("comparison", tok.text, tok.i, tok.i + 1))
        elif tok.tag_ in ("JJS", "RBS") and tok.lower_ not in ("most", "least"):
            cues.append(Cue("comparison", tok.text, tok.i, tok.i + 1))
    return cues


def causal_cues(sent) -> list[Cue]:
    """Cause and effect: "because", "due to", "led to", and verbs such as trigger or spur."""
    cues = _marker_cues(sent, "causal", lexicon.CAUSAL_MARKERS)
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.CAUSAL_LEMMAS:
            if tok.lemma_.lower() == "lead" and not any(c.lower_ == "to" for c in tok.children):
                continue  # "lead" only counts as "lead to"
            cues.append(Cue("causal", tok.text, tok.i, tok.i + 1))
    return cues


def prediction_cues(sent) -> list[Cue]:
    """Statements about the future: will, expected to, forecast, promises to."""
    cues = _marker_cues(sent, "prediction", lexicon.PREDICTION_MARKERS)
    for tok in sent:
        if tok.tag_ == "MD" and tok.lower_ in lexicon.FUTURE_MODALS:
            cues.append(Cue("prediction", tok.text, tok.i, tok.i + 1))
        elif tok.lemma_.lower() in lexicon.PREDICTION_LEMMAS and tok.pos_ == "VERB":
            cues.append(Cue("prediction", tok.text, tok.i, tok.i + 1))
    return cues
