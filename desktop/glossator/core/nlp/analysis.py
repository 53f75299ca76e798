"""Analyse a whole text: entities and claims with exact character offsets, any length.

Long texts go through ``nlp.pipe`` in chunks; entity labels are then decided over the whole
document, so a name keeps one label across chunks.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from glossator.core.annotation import Span
from glossator.core.nlp.chunks import DEFAULT_CHUNK_CHARS, chunk_text
from glossator.core.nlp.claim_combiner import shifted
from glossator.core.nlp.claim_genre import Genre, detect_genre, genre_shift
from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.claims_component import SPANS_KEY
from glossator.core.nlp.entity_labels import resolve_entities
from glossator.core.nlp.entity_repeats import MentionReader
from glossator.core.nlp.mentions import surface_key
from glossator.core.nlp.model import ModelInfo, load_model, model_info

# Bump when a change to Glossator's own rules changes results, so cached analyses are redone.
PIPELINE_VERSION = "8"
# Below this a claim moved by the kind of text is not kept (see ``in_genre``).
GENRE_FLOOR = 0.05


class AnalysisCancelled(Exception):
    """The caller asked to stop an analysis before it finished."""


@dataclass
class AnalysisResult:
    """Everything an analysis found, and which model and rules found it."""

    spans: list[Span]
    model: ModelInfo
    genre: Genre | None = None
    pipeline_version: str = PIPELINE_VERSION

    @property
    def entities(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "entity"]

    @property
    def claims(self) -> list[Span]:
        return [s for s in self.spans if s.kind == "claim"]


def claim_spans(doc, offset: int = 0) -> list[Span]:
    """The claims the component wrote to ``doc.spans``, as plain spans with absolute offsets."""
    found = []
    for span in doc.spans.get(SPANS_KEY, []):
        attrs = {"cue": span._.claim_cue, "kinds": list(span._.claim_kinds)}
        if span._.claim_speaker:
            attrs["speaker"] = span._.claim_speaker
            attrs["speaker_phrase"] = span._.claim_speaker_phrase
        found.append(Span("claim", span.label_, offset + span.start_char, offset + span.end_char,
                          float(span._.claim_score), attrs))
    return found


def canonical_speakers(claims: list[Span], entities: list[Span], text: str) -> None:
    """Name each speaker by the entity's canonical name ("Altman" -> "Sam Altman")."""
    names = {surface_key(text[e.start : e.end]): e.attrs.get("canonical", "") for e in entities}
    for claim in claims:
        speaker = claim.attrs.get("speaker")
        if speaker and speaker != "unnamed":
            claim.attrs["speaker"] = names.get(surface_key(speaker)) or speaker


def analyze_text(
    text: str,
    nlp=None,
    *,
    rules: dict[str, str] | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AnalysisResult:
    """Find entities and claims in ``text``; ``rules`` maps surface forms to a label or IGNORE."""
    nlp = nlp if nlp is not None else load_model()
    genre = detect_genre(text)
    with _scorer_for(nlp, genre):
        return _analyze(text, nlp, genre, rules, chunk_chars, progress, cancelled)


def _scorer_for(nlp, genre: Genre):
    """In a novel the encoder is not run: the genre's shift leaves almost nothing for it to
    rank, so the linear model scores alone there, at a fraction of the cost."""
    if genre.kind != "fiction" or "glossator_claims" not in nlp.pipe_names:
        return nullcontext()
    component = nlp.get_pipe("glossator_claims")
    return component.scoring_with(ClaimScorer.for_meta(nlp.meta, use_transformer=False))


def _analyze(text, nlp, genre: Genre, rules, chunk_chars, progress, cancelled) -> AnalysisResult:
    pieces = chunk_text(text, chunk_chars)
    mentions = []
    reader = MentionReader(nlp, rules)
    claims: list[Span] = []
    total = len(text)
    offsets = [offset for offset, _ in pieces]
    docs = nlp.pipe((piece for _, piece in pieces), batch_size=4)
    for offset, doc in zip(offsets, docs):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        mentions.extend(reader.read(doc, offset))
        claims.extend(claim_spans(doc, offset))
        if progress is not None:
            progress(offset + len(doc.text), total)
    for index, (offset, piece) in enumerate(pieces[:-1]):
        if cancelled is not None and cancelled():
            raise AnalysisCancelled()
        mentions.extend(reader.read_again(piece, offset, index))
    entities = resolve_entities(mentions, rules)
    canonical_speakers(claims, entities, text)
    claims = in_genre(claims, genre)
    spans = sorted(entities + claims, key=lambda s: (s.start, s.kind != "claim", -s.end))
    return AnalysisResult(spans, model_info(nlp), genre)


def in_genre(claims: list[Span], genre: Genre, floor: float = GENRE_FLOOR) -> list[Span]:
    """Claim scores moved by the kind of text they are in. A claim the move takes below
    ``floor`` goes: in a novel that is nearly every one, in a report hardly any (the Claims
    panel's threshold hides the low ones that stay)."""
    shift = genre_shift(genre.kind)
    if not shift:
        return claims
    kept = []
    for claim in claims:
        moved = shifted(claim.score or 0.0, shift)
        if moved >= floor:
            kept.append(Span(claim.kind, claim.label, claim.start, claim.end, moved, claim.attrs))
    return kept
