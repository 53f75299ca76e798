"""The spaCy component that finds check-worthy claims and writes them to ``doc.spans["claims"]``.

Rules find the cues, the kind and the speaker; the learned model in ``checkworthiness`` gives
the score. Each claim span has its kind as label and carries ``span._.claim_score``,
``claim_speaker``, ``claim_speaker_phrase``, ``claim_cue`` and ``claim_kinds`` (every kind whose
cue fired).
"""

from __future__ import annotations

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

    def __call__(self, doc: Doc) -> Doc:
        claims: list[Span] = []
        for sent in doc.sents:
            claims.extend(c for c in sentence_claims(sent, self.scorer) if c._.claim_score >= self.min_score)
        doc.spans[self.spans_key] = claims
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


def sentence_claims(sent, scorer: ClaimScorer | None = None) -> list[Span]:
    """The claims of a sentence: one per clause when its clauses carry claims of their own,
    else the whole sentence's claim (or none). Without a scorer, the words-only one scores."""
    trimmed = trim_sentence(sent)
    if trimmed is None:
        return []
    parts = claim_clauses.clauses(trimmed)
    if len(parts) > 1:
        found = [c for c in (analyse_sentence(p, scorer) for p in parts) if c is not None]
        if found:
            return found
    claim = analyse_sentence(trimmed, scorer)
    return [claim] if claim is not None else []


def analyse_sentence(sent, scorer: ClaimScorer | None = None) -> Span | None:
    """The claim a sentence makes, as a span with kind, score, cue and speaker, or None."""
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
    span._.claim_score = (scorer or ClaimScorer.words_only()).score(sent, kinds, found.quotes)
    span._.claim_kinds = tuple(k for k in KIND_PRIORITY if k in kinds)
    span._.claim_cue = found.cues[kind][0].text
    if found.speaker is not None:
        span._.claim_speaker = found.speaker.name
        span._.claim_speaker_phrase = found.speaker.phrase
    return span


def sentence_score(sent, scorer: ClaimScorer | None = None) -> float:
    """The check-worthiness of a sentence, whether or not it becomes a claim span."""
    span = trim_sentence(sent)
    if span is None:
        return 0.0
    trimmed = SentenceView(span)
    found = sentence_cues(trimmed)
    return (scorer or ClaimScorer.words_only()).score(trimmed, found.kinds, found.quotes)


def score_lines(nlp, lines) -> list[float]:
    """Score each line as one sentence, the way ClaimBuster scores its inputs, with the
    function the component itself scores sentences with (the component is skipped here only
    because it would score each line a second time)."""
    skip = [name for name in nlp.pipe_names if name == "glossator_claims"]
    scorer = ClaimScorer.for_pipeline(nlp)
    with nlp.select_pipes(disable=skip):
        return [sentence_score(doc[:], scorer) for doc in nlp.pipe(lines, batch_size=256)]


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
