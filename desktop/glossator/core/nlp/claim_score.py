"""Check-worthiness of one sentence in [0, 1]: the rule cues and the parse go into the learned
model shipped with the package (see ``checkworthiness``), which was trained on ClaimBuster's
labelled debate sentences and calibrated so that 0.5 is the cut-off.
"""

from __future__ import annotations

import numpy as np

from glossator.core.nlp import claim_features
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, shipped_model


def sentence_inputs(sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> np.ndarray:
    """The model's inputs (hashed feature indices) for a sentence whose rule cues found ``kinds``."""
    tokens = list(sent)
    signals = claim_features.opinion_signals(sent, quote_ranges, tokens)
    return claim_features.sparse_indices(sent, kinds, signals, tokens)


def score(sent, kinds: set[str], quote_ranges: list[tuple[int, int]],
          model: CheckWorthinessModel | None = None) -> float:
    """The calibrated check-worthiness of a sentence, rounded to three places."""
    model = model if model is not None else shipped_model()
    return round(model.score(sentence_inputs(sent, kinds, quote_ranges)), 3)
