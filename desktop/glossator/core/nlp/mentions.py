"""Entity mentions read off a parsed chunk, with absolute offsets and grammatical evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossator.core.nlp import lexicon
from glossator.core.nlp.entity_evidence import evidence_label
from glossator.core.nlp.name_shape import name_shape

# Labels Glossator shows; cardinal and ordinal numbers and times are noise in a reader.
SHOWN_LABELS = frozenset(
    "PERSON ORG GPE LOC NORP FAC PRODUCT EVENT LAW WORK_OF_ART LANGUAGE MONEY PERCENT DATE QUANTITY".split()
)
# Labels whose surface forms name things, so one form should mean one thing per document.
NAME_LABELS = frozenset("PERSON ORG GPE LOC NORP FAC PRODUCT EVENT LAW WORK_OF_ART LANGUAGE".split())

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SPACES = re.compile(r"\s+")


@dataclass
class Mention:
    """One entity mention: where it is, what the model said, and what the grammar says."""

    start: int
    end: int
    text: str
    label: str
    tokens: int
    evidence: str | None = None
    evidence_words: str = ""
    # "model" (the model's entity), "repeat" (the same name again, which the model missed)
    # or "rule" (a phrase the reader taught); only the model's mentions vote on a label.
    origin: str = "model"

    @property
    def key(self) -> str:
        return surface_key(self.text)


def surface_key(text: str) -> str:
    """The form under which mentions count as the same name: no possessive, case or "the"."""
    text = _SPACES.sub(" ", text.strip())
    text = _POSSESSIVE.sub("", text)
    lowered = text.casefold()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return lowered


def _trim_descriptors(ent):
    """Drop leading common-noun descriptors the model folded into a name ("Chipmaker Nvidia")."""
    start = ent.start
    doc = ent.doc
    while start < ent.end - 1 and doc[start].lemma_.lower() in (lexicon.ORG_NOUNS | lexicon.PERSON_ROLE_NOUNS):
        start += 1
    return doc[start : ent.end] if start != ent.start else ent


def _ignored(span) -> bool:
    """A bare "AI", or a span that starts with one as a possessive ("AI's Sputnik")."""
    if surface_key(span.text) in lexicon.IGNORED_ENTITIES:
        return True
    if len(span) > 1 and span[1].tag_ == "POS":
        return surface_key(span[0].text) in lexicon.IGNORED_ENTITIES
    return False


def _plural_person(span, label: str, group_words: set[str]) -> str:
    """A person's name is not plural: "Virginia Democrats" is a group (NORP when its last word
    is one elsewhere in the text, else ORG)."""
    if label != "PERSON" or len(span) < 2 or span[-1].tag_ != "NNPS":
        return label
    return "NORP" if span[-1].text.casefold() in group_words else "ORG"


def doc_mentions(doc, offset: int = 0) -> list[Mention]:
    """The shown entity mentions of a parsed doc, with offsets shifted by ``offset``."""
    found: list[Mention] = []
    group_words = {ent.text.casefold() for ent in doc.ents if ent.label_ == "NORP" and len(ent) == 1}
    for ent in doc.ents:
        if ent.label_ not in SHOWN_LABELS:
            continue
        label = ent.label_
        span = ent
        if label in NAME_LABELS:
            shaped = name_shape(_trim_descriptors(ent), label)
            if shaped is None:
                continue
            span = shaped
            label = _plural_person(span, label, group_words)
        text = span.text
        if not text.strip() or _ignored(span):
            continue
        mention = Mention(offset + span.start_char, offset + span.end_char, text, label, len(span))
        if ent.label_ in NAME_LABELS:
            evidence = evidence_label(span)
            if evidence is not None:
                mention.evidence, mention.evidence_words = evidence
        found.append(mention)
    return found
