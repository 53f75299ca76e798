"""The spaCy component that finds check-worthy claims and writes them to ``doc.spans["claims"]``.

Rules find the cues, the kind and the speaker; the learned model in ``checkworthiness`` gives
the score. Each claim span has its kind as label and carries ``span._.claim_score``,
``claim_speaker``, ``claim_speaker_phrase``, ``claim_cue`` and ``claim_kinds`` (every kind whose
cue fired).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from glossator.core.nlp import claim_clauses, claim_cues, speakers
from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.sentence_view import SentenceView

SPANS_KEY = "claims"
# When cues for several kinds fire, the claim is filed under the most specific one.
KIND_PRIORITY = ("quote", "attribution", "statistic", "causal", "comparison", "prediction")

for _name, _default in (
    ("claim_score", 0.0),
    ("claim_speaker", ""),
    ("claim_speaker_phrase", ""),
    ("claim_cue", ""),
    ("claim_kinds", ()),
):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)


@Language.factory(
    "glossator_claims",
    assigns=["doc.spans"],
    requires=["token.dep", "token.pos", "doc.ents"],
    default_config={"spans_key": SPANS_KEY, "min_score": 0.25},
)
def make_claims_component(nlp: Language, name: str, *, spans_key: str, min_score: float):
    return ClaimsComponent(spans_key=spans_key, min_score=min_score, meta=nlp.meta)


class ClaimsComponent:
    """Finds claims sentence by sentence; the rules themselves live in pure functions."""

    def __init__(self, *, spans_key: str = SPANS_KEY, min_score: float = 0.25, meta: dict | None = None,
                 scorer: ClaimScorer | None = None):
        self.spans_key = spans_key
        self.min_score = min_score
        self._meta = meta or {}
        self._scorer = scorer

    @property
    def scorer(self) -> ClaimScorer:
        # Loaded on first use, so the training script can build the pipeline before a model exists.
        if self._scorer is None:
            self._scorer = ClaimScorer.for_meta(self._meta)
        return self._scorer

    @contextmanager
    def scoring_with(self, scorer: ClaimScorer) -> Iterator[None]:
        """Score with ``scorer`` until the block ends (one analysis of one text)."""
        previous, self._scorer = self._scorer, scorer
        try:
            yield
        finally:
            self._scorer = previous

    def __call__(self, doc: Doc) -> Doc:
        candidates = [c for sent in doc.sents for c in sentence_candidates(sent)]
        score_candidates(candidates, self.scorer)
        doc.spans[self.spans_key] = [span for span, _ in candidates if span._.claim_score >= self.min_score]
        return doc


def trim_sentence(sent) -> Span | None:
    """The sentence without leading and trailing whitespace tokens, or None if nothing is left."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None


@dataclass
class SentenceCues:
    """What the rules found in one sentence: cues per kind, quotations and the speaker."""

    cues: dict[str, list]
    quotes: list[tuple[int, int]]
    speaker: speakers.Speaker | None

    @property
    def kinds(self) -> set[str]:
        return {kind for kind, found in self.cues.items() if found}


def sentence_cues(sent) -> SentenceCues:
    """Run every cue rule and the speaker rules on a (trimmed) sentence."""
    sent = SentenceView.of(sent)
    quotes = claim_cues.quote_ranges(sent)
    cues = {
        "statistic": claim_cues.statistic_cues(sent),
        "comparison": claim_cues.comparison_cues(sent),
        "causal": claim_cues.causal_cues(sent),
        "prediction": claim_cues.prediction_cues(sent),
    }
    speaker, speaker_cue = _find_speaker(sent, quotes)
    if speaker is not None:
        cues["attribution"] = [speaker_cue]
        if quotes:
            cues["quote"] = [speaker_cue]
    return SentenceCues(cues, quotes, speaker)


Candidate = tuple[Span, "SentenceCues"]


def sentence_claims(sent, scorer: ClaimScorer | None = None) -> list[Span]:
    """The claims of a sentence, scored (without a scorer, the words-only one scores)."""
    candidates = sentence_candidates(sent)
    score_candidates(candidates, scorer or ClaimScorer.words_only())
    return [span for span, _ in candidates]


def sentence_candidates(sent) -> list[Candidate]:
    """The claims of a sentence, not yet scored: one per clause when its clauses carry claims
    of their own, else the whole sentence's claim (or none)."""
    trimmed = trim_sentence(sent)
    if trimmed is None:
        return []
    parts = claim_clauses.clauses(trimmed)
    if len(parts) > 1:
        found = [c for c in (_candidate(p) for p in parts) if c is not None]
        if found:
            return found
    claim = _candidate(trimmed)
    return [claim] if claim is not None else []


def score_candidates(candidates: list[Candidate], scorer: ClaimScorer) -> None:
    """Score every candidate in one batch."""
    scores = scorer.scores([(SentenceView(span), found.kinds, found.quotes) for span, found in candidates])
    for (span, _), score in zip(candidates, scores):
        span._.claim_score = score


def analyse_sentence(sent, scorer: ClaimScorer | None = None) -> Span | None:
    """The claim a sentence makes, as a span with kind, score, cue and speaker, or None."""
    found = _candidate(sent)
    if found is None:
        return None
    score_candidates([found], scorer or ClaimScorer.words_only())
    return found[0]


def _candidate(sent) -> Candidate | None:
    sent = trim_sentence(sent)
    if sent is None:
        return None
    sent = SentenceView(sent)
    found = sentence_cues(sent)
    kinds = found.kinds
    if not kinds:
        return None
    kind = next(k for k in KIND_PRIORITY if k in kinds)
    span = Span(sent.doc, sent.start, sent.end, label=kind)
    span._.claim_kinds = tuple(k for k in KIND_PRIORITY if k in kinds)
    span._.claim_cue = found.cues[kind][0].text
    if found.speaker is not None:
        span._.claim_speaker = found.speaker.name
        span._.claim_speaker_phrase = found.speaker.phrase
    return span, found


def sentence_score(sent, scorer: ClaimScorer | None = None) -> float:
    """The check-worthiness of a sentence, whether or not it becomes a claim span."""
    return sentence_scores([sent], scorer or ClaimScorer.words_only())[0]


def sentence_scores(sents, scorer: ClaimScorer) -> list[float]:
    """``sentence_score`` of many sentences, in one batch."""
    items, places = [], []
    for n, sent in enumerate(sents):
        span = trim_sentence(sent)
        if span is None:
            continue
        trimmed = SentenceView(span)
        found = sentence_cues(trimmed)
        items.append((trimmed, found.kinds, found.quotes))
        places.append(n)
    scores = [0.0] * len(sents)
    for n, score in zip(places, scorer.scores(items)):
        scores[n] = score
    return scores


def score_lines(nlp, lines, scorer: ClaimScorer | None = None) -> list[float]:
    """Score each line as one sentence, the way ClaimBuster scores its inputs, with the
    scorer the component itself uses (the component is skipped here only because it would
    score each line a second time)."""
    skip = [name for name in nlp.pipe_names if name == "glossator_claims"]
    scorer = scorer or ClaimScorer.for_pipeline(nlp)
    with nlp.select_pipes(disable=skip):
        docs = list(nlp.pipe(lines, batch_size=256))
    return sentence_scores([doc[:] for doc in docs], scorer)


def _find_speaker(sent, quotes):
    obj = claim_cues.according_to(sent)
    if obj is not None:
        found = speakers.resolve_phrase(obj, speaking=True)
        if found is not None:
            return found, claim_cues.Cue("attribution", sent.doc[obj.i - 2 : obj.i + 1].text, obj.i - 2, obj.i + 1)
    for cue in claim_cues.attribution_cues(sent, quotes):
        if cue.end - cue.start != 1:
            continue
        found = speakers.speaker_of_verb(sent.doc[cue.start])
        if found is not None:
            return found, cue
    return None, None
