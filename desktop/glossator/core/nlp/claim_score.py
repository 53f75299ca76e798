"""Check-worthiness of sentences in [0, 1].

Two models are shipped. The fine-tuned encoder (``claim_transformer``) reads the words; the
linear model (``checkworthiness``) reads the rule cues, the parse and the pipeline's context
vectors. Where the encoder can run, ``claim_combiner`` makes one calibrated score of both
(``which == "transformer"``); otherwise the linear model scores alone (``"linear"``). Either
way 0.5 is the cut-off. Sentences are scored in batches: the encoder is much faster so.
"""

from __future__ import annotations

from dataclasses import dataclass

from glossator.core.nlp import claim_features
from glossator.core.nlp.checkworthiness import CheckWorthinessModel, shipped_model
from glossator.core.nlp.claim_combiner import Combiner
from glossator.core.nlp.claim_transformer import ClaimTransformer, shipped_folder, shipped_transformer


def sentence_inputs(sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> claim_features.SentenceInputs:
    """The linear model's inputs for a sentence whose rule cues found ``kinds``."""
    tokens = list(sent)
    signals = claim_features.opinion_signals(sent, quote_ranges, tokens)
    indices, values = claim_features.feature_values(claim_features.sparse_indices(sent, kinds, signals, tokens))
    return claim_features.SentenceInputs(indices, values, claim_features.context_vectors(sent))


_combiner: Combiner | None = None


def shipped_combiner() -> Combiner:
    global _combiner
    if _combiner is None:
        _combiner = Combiner.load(shipped_folder() / "combiner.json")
    return _combiner


@dataclass(frozen=True)
class ClaimScorer:
    """The shipped models bound to a pipeline: the linear model reads the pipeline's context
    vectors only when they are the ones it was trained on."""

    model: CheckWorthinessModel
    use_vectors: bool
    transformer: ClaimTransformer | None = None
    combiner: Combiner | None = None

    @classmethod
    def for_pipeline(cls, nlp, model: CheckWorthinessModel | None = None) -> ClaimScorer:
        return cls.for_meta(nlp.meta, model)

    @classmethod
    def for_meta(cls, meta: dict, model: CheckWorthinessModel | None = None, *,
                 use_transformer: bool = True) -> ClaimScorer:
        """The scorer for the pipeline that ``meta`` (``nlp.meta``) describes."""
        model = model if model is not None else shipped_model()
        transformer = shipped_transformer() if use_transformer else None
        combiner = shipped_combiner() if transformer is not None else None
        return cls(model, model.reads_vectors_of(meta), transformer, combiner)

    @classmethod
    def words_only(cls, model: CheckWorthinessModel | None = None) -> ClaimScorer:
        """The linear model without context vectors: right for a sentence from any pipeline."""
        return cls(model if model is not None else shipped_model(), False)

    @property
    def which(self) -> str:
        """"transformer" when the encoder and the linear model score together, else "linear"."""
        return "transformer" if self.transformer is not None and self.combiner is not None else "linear"

    def scores(self, sentences: list[tuple]) -> list[float]:
        """The calibrated check-worthiness of each (sentence span, cue kinds, quote ranges),
        rounded to three places."""
        inputs = [sentence_inputs(sent, kinds, quotes) for sent, kinds, quotes in sentences]
        if self.transformer is None or self.combiner is None:
            return [round(self.model.score(i, self.use_vectors), 3) for i in inputs]
        logits = self.transformer.logits([sent.text for sent, _, _ in sentences])
        found = []
        for row, i in zip(logits, inputs):
            name = self.model.scorer_name(i, self.use_vectors)
            found.append(round(self.combiner.score(row, self.model.calibrated_logit(i, self.use_vectors), name), 3))
        return found

    def score(self, sent, kinds: set[str], quote_ranges: list[tuple[int, int]]) -> float:
        """The calibrated check-worthiness of one sentence."""
        return self.scores([(sent, kinds, quote_ranges)])[0]
