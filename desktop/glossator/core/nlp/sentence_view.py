"""A sentence read once: spaCy builds a new token object on every pass over a span, joins its
text anew on every ``.text`` and builds every entity of the whole document for a span's
``.ents``, and the claim rules pass over each sentence a dozen times."""

from __future__ import annotations

from spacy.tokens import Span


class SentenceView:
    """A span whose tokens and text are kept; everything else is the span's own."""

    __slots__ = ("span", "tokens", "text", "_ents")

    def __init__(self, span):
        self.span = span
        self.tokens = list(span)
        self.text = span.text
        self._ents = None

    @property
    def ents(self) -> list[Span]:
        """The entities lying wholly inside the sentence, as ``Span.ents`` gives them."""
        if self._ents is None:
            self._ents = entities_within(self.span, self.tokens)
        return self._ents

    @classmethod
    def of(cls, sent) -> SentenceView:
        """``sent`` as a view (a view is returned as it is)."""
        return sent if isinstance(sent, cls) else cls(sent)

    def __iter__(self):
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, index):
        return self.tokens[index] if isinstance(index, int) else self.span[index]

    def __getattr__(self, name):
        return getattr(self.span, name)


def entities_within(span, tokens) -> list[Span]:
    """The entities wholly inside ``span`` (whose tokens are ``tokens``), read from the tokens'
    entity tags rather than from the list of every entity in the document."""
    doc = span.doc
    found: list[Span] = []
    start, label = None, ""
    for tok in tokens:
        iob = tok.ent_iob_
        if iob == "I" and start is not None:
            continue
        if start is not None:
            found.append(Span(doc, start, tok.i, label=label))
            start = None
        if iob == "B":
            start, label = tok.i, tok.ent_type_
        # "I" with no start: an entity that began before the sentence, so not inside it.
    if start is not None and (span.end >= len(doc) or doc[span.end].ent_iob_ != "I"):
        found.append(Span(doc, start, span.end, label=label))
    return found
