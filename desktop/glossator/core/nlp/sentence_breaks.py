"""A component that starts a new sentence after a blank line, before the parser runs.

Headlines, datelines and list items carry no final full stop; without this the parser glues
them to the next paragraph.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("glossator_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark the first token after a blank line as a sentence start (single line breaks are
    left alone: hard-wrapped text breaks lines inside sentences)."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc
