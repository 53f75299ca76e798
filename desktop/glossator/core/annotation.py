"""Plain records of annotations, shared by the NLP output, the store and the exporters."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("entity", "claim", "highlight")
ORIGINS = ("auto", "user")
CLAIM_KINDS = ("statistic", "quote", "attribution", "comparison", "causal", "prediction")
CLAIM_STATUSES = ("unchecked", "supported", "disputed", "false", "not-a-claim")
STANCES = ("supports", "refutes", "context")


@dataclass
class Span:
    """A span found by analysis: an entity or a claim with its label, score and attributes.

    For claims ``attrs`` holds ``speaker`` (name, ``"unnamed"`` or empty), ``speaker_phrase``
    and ``cue``.
    """

    kind: str
    label: str
    start: int
    end: int
    score: float | None = None
    attrs: dict = field(default_factory=dict)


@dataclass
class SourceRef:
    """A source attached to an annotation: a link with its stance towards the passage."""

    url: str
    title: str = ""
    stance: str = "context"
    note: str = ""
    id: int | None = None


@dataclass
class AnnotationRecord:
    """An annotation as the exporters and views see it, with its notes, sources and tags."""

    kind: str
    label: str
    start: int
    end: int
    quote: str = ""
    score: float | None = None
    origin: str = "auto"
    status: str = "unchecked"
    attrs: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    id: int | None = None
    note_ids: list[int] = field(default_factory=list)
