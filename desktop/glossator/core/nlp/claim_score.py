"""Check-worthiness of a sentence from its cues and from signs of opinion, as a score in [0, 1].

The weights make 0.5 the point where a sentence asserts something specific enough to check:
a figure, a named source, a comparison or a cause. Questions, first-person opinion, advice
and hedged or verbless fragments fall below it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from glossator.core.nlp import lexicon

SPECIFIC_LABELS = frozenset("PERSON ORG GPE NORP FAC LOC EVENT LAW PRODUCT DATE MONEY PERCENT QUANTITY".split())

WEIGHTS = {
    "bias": -1.7,
    "statistic": 1.6,
    "quote": 0.9,
    "attribution": 1.0,
    "comparison": 0.6,
    "causal": 0.7,
    "prediction": 0.5,
    "entities": 0.3,  # per specific entity, up to four
    "past_tense": 0.3,
    "question": -2.5,
    "first_person_singular": -1.2,
    "first_person_plural": -0.6,
    "normative": -0.9,
    "hedge": -0.4,
    "fragment": -1.5,
}


@dataclass
class SentenceFeatures:
    """What the scorer looks at in one sentence."""

    kinds: set[str] = field(default_factory=set)
    entities: int = 0
    past_tense: bool = False
    question: bool = False
    first_person_singular: bool = False
    first_person_plural: bool = False
    normative: bool = False
    hedge: bool = False
    fragment: bool = False


def sentence_features(sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> SentenceFeatures:
    """Read the opinion and specificity signals of a sentence, ignoring words inside quotes."""
    def outside(tok) -> bool:
        return not any(a <= tok.i < b for a, b in quote_ranges)

    words = [t for t in sent if not (t.is_punct or t.is_space)]
    own = [t for t in words if outside(t)]
    lowers = {t.lower_ for t in own}
    return SentenceFeatures(
        kinds=set(kinds),
        entities=sum(1 for e in sent.ents if e.label_ in SPECIFIC_LABELS),
        past_tense=any(t.tag_ in ("VBD", "VBN") and t.dep_ in ("ROOT", "ccomp") for t in own),
        question=sent.text.rstrip().rstrip('"”\'’)').endswith("?"),
        first_person_singular=bool(lowers & lexicon.FIRST_PERSON_SINGULAR),
        first_person_plural=bool(lowers & lexicon.FIRST_PERSON_PLURAL),
        normative=bool(lowers & lexicon.NORMATIVE_MODALS) or _need_to(own),
        hedge=bool(lowers & lexicon.HEDGES),
        fragment=len(words) < 5 or not any(t.pos_ in ("VERB", "AUX") for t in words),
    )


def _need_to(tokens) -> bool:
    return any(t.lemma_ == "need" and t.nbor(1).lower_ == "to" for t in tokens if t.i + 1 < len(t.doc))


def score(features: SentenceFeatures) -> float:
    """Combine the features with fixed weights through a logistic function."""
    w = WEIGHTS
    z = w["bias"]
    z += sum(w[kind] for kind in features.kinds if kind in w)
    z += w["entities"] * min(features.entities, 4)
    for name in ("past_tense", "question", "first_person_singular", "first_person_plural",
                 "normative", "hedge", "fragment"):
        if getattr(features, name):
            z += w[name]
    return 1.0 / (1.0 + math.exp(-z))
