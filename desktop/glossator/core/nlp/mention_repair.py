"""Repair mentions whose span the model drew too wide, using the names of the same document.

"Nvidia H800" is the organisation "Nvidia" plus the product "H800" when "Nvidia" is named on
its own elsewhere; a title-case headline tagged as one long name is cut back to the name
it starts with.
"""

from __future__ import annotations

import re

from glossator.core.nlp.mentions import NAME_LABELS, Mention

HEADLINE_TOKENS = 5


def _standalone_keys(mentions: list[Mention]) -> set[str]:
    return {m.key for m in mentions if m.label in NAME_LABELS and m.tokens <= 3}


def _leading_key(mention: Mention, keys: set[str]) -> str | None:
    """The longest other name the mention starts with, followed by a space."""
    folded = mention.text.casefold()
    best = None
    space = folded.find(" ")
    while space != -1:
        prefix = folded[:space]
        if prefix in keys and prefix != mention.key:
            best = prefix  # each later space gives a longer prefix
        space = folded.find(" ", space + 1)
    return best


def _part(mention: Mention, start: int, end: int, label: str, tokens: int) -> Mention:
    text = mention.text[start - mention.start : end - mention.start]
    return Mention(start, end, text, label, tokens)


def repair_mentions(mentions: list[Mention]) -> list[Mention]:
    """Split name-plus-model-number spans and cut headline-long spans back to a known name."""
    keys = _standalone_keys(mentions)
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
    repaired: list[Mention] = []
    for m in mentions:
        lead = _leading_key(m, keys) if m.label in NAME_LABELS and m.tokens >= 2 else None
        if lead is None:
            repaired.append(m)
            continue
        head_end = m.start + len(lead)
        rest_text = m.text[len(lead):]
        rest_start = head_end + (len(rest_text) - len(rest_text.lstrip()))
        rest = m.text[rest_start - m.start :]
        head_label = next((x.label for x in mentions if x.key == lead), m.label)
        if re.search(r"\d", rest) and len(rest.split()) <= 2:
            repaired.append(_part(m, m.start, head_end, head_label, len(lead.split())))
            rest_label = "PRODUCT" if m.evidence in (None, "PRODUCT") else m.evidence
            tail = _part(m, rest_start, m.end, rest_label, len(rest.split()))
            tail.evidence, tail.evidence_words = m.evidence, m.evidence_words
            repaired.append(tail)
        elif m.tokens >= HEADLINE_TOKENS and counts[m.key] == 1:
            repaired.append(_part(m, m.start, head_end, head_label, len(lead.split())))
        else:
            repaired.append(m)
    return repaired



