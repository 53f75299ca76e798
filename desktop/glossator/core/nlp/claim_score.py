"""Check-worthiness of one sentence in [0, 1]: the rule cues, the parse and the pipeline's
context vectors go into the learned model shipped with the package (see ``checkworthiness``),
which was trained on ClaimBuster's labelled debate sentences and calibrated so that 0.5 is the
cut-off.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossator.core.nlp import claim_features
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, shipped_model


def sentence_inputs(sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> claim_features.SentenceInputs:
    """The model's inputs for a sentence whose rule cues found ``kinds``."""
    tokens = list(sent)
    signals = claim_features.opinion_signals(sent, quote_ranges, tokens)
    indices, values = claim_features.feature_values(claim_features.sparse_indices(sent, kinds, signals, tokens))
    return claim_features.SentenceInputs(indices, values, claim_features.context_vectors(sent))


@dataclass(frozen=True)
class ClaimScorer:
    """The shipped model bound to a pipeline: it reads the pipeline's context vectors only when
    they are the ones the model was trained on."""

    model: CheckWorthinessModel
    use_vectors: bool

    @classmethod
    def for_pipeline(cls, nlp, model: CheckWorthinessModel | None = None) -> ClaimScorer:
        return cls.for_meta(nlp.meta, model)

    @classmethod
    def for_meta(cls, meta: dict, model: CheckWorthinessModel | None = None) -> ClaimScorer:
        """The scorer for the pipeline that ``meta`` (``nlp.meta``) describes."""
        model = model if model is not None else shipped_model()
        return cls(model, model.reads_vectors_of(meta))

    @classmethod
    def words_only(cls, model: CheckWorthinessModel | None = None) -> ClaimScorer:
        """A scorer that ignores context vectors: right for a sentence from any pipeline."""
        return cls(model if model is not None else shipped_model(), False)

    def score(self, sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> float:
        """The calibrated check-worthiness of a sentence, rounded to three places."""
        return round(self.model.score(sentence_inputs(sent, kinds, quote_ranges), self.use_vectors), 3)
