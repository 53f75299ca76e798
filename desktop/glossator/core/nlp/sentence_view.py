"""A sentence read once: spaCy builds a new token object on every pass over a span and joins
its text anew on every ``.text``, and the claim rules pass over each sentence a dozen times."""

from __future__ import annotations


class SentenceView:
    """A span whose tokens and text are kept; everything else is the span's own."""

    __slots__ = ("span", "tokens", "text")

    def __init__(self, span):
        self.span = span
        self.tokens = list(span)
        self.text = span.text

    @classmethod
    def of(cls, sent) -> "SentenceView":
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
