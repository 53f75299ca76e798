"""Split a sentence into the clauses that can each carry a claim of their own.

News writers join two assertions with a semicolon ("Prices rose 4%; wages fell."). Marking
each clause lets the reader see, check and annotate one claim at a time instead of a whole
run-on sentence. Only semicolons outside quotations split: commas and "and" join too many
things that are not separate claims.
"""

from __future__ import annotations

from glossator.core.nlp import claim_cues

MIN_CLAUSE_WORDS = 4


def _is_clause(span) -> bool:
    words = [t for t in span if not (t.is_punct or t.is_space)]
    return len(words) >= MIN_CLAUSE_WORDS and any(t.pos_ in ("VERB", "AUX") for t in words)


def _strip(doc, start: int, end: int):
    while start < end and (doc[start].is_space or doc[start].text == ";"):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text == ";"):
        end -= 1
    return doc[start:end]


def clauses(sent) -> list:
    """The clauses of ``sent`` split at semicolons, or ``[sent]`` when any part is no clause."""
    doc = sent.doc
    quotes = claim_cues.quote_ranges(sent)
    cuts = [t.i for t in sent if t.text == ";" and not any(a <= t.i < b for a, b in quotes)]
    if not cuts:
        return [sent]
    bounds = [sent.start] + [c + 1 for c in cuts]
    ends = cuts + [sent.end]
    parts = [_strip(doc, a, b) for a, b in zip(bounds, ends)]
    if not all(_is_clause(p) for p in parts):
        return [sent]
    return parts
