"""What a name looks like: the model's name spans cut back to the name, or dropped when they
are no name at all.

A name does not run across a dash, a quotation mark or a bracket ("Ahab answered—"Aye" is
"Ahab"); it does not start with an adverb, a verb or a conjunction ("Soon Starbuck" is
"Starbuck") nor end with one ("Stubb Kills" is "Stubb"). A heading set in capitals
("CHAPTER I.", "STUBB KILLS A WHALE") is not a name, nor is a common word in capitals
("VOTE"), a pronoun or a word in lower case ("thou"), nor a phrase capitalised after a
possessive ("his Complete and Total Endorsement").
"""

from __future__ import annotations

import re

from spacy.tokens import Span

# Where a name stops: dashes, quotation marks, brackets, and sentence punctuation.
_STOPS = re.compile(r"[—–\"“”«»()\[\]{}:;!?]|--|\n")
_EDGE_POS = frozenset("ADV VERB AUX INTJ SCONJ CCONJ PRON ADP PART PUNCT SPACE DET SYM".split())
_TITLE_EDGE_POS = frozenset("INTJ SCONJ CCONJ PUNCT SPACE".split())
_PLAIN_NAMES = frozenset("PERSON ORG GPE LOC FAC NORP".split())
_LEAD_KEEP = frozenset({"the"})
_QUESTION_WORDS = frozenset("who what where when why how".split())
_LEAD_WORDS = _QUESTION_WORDS | {"a", "an"}
_COPULAS = frozenset({"'s", "’s", "is", "was", "are", "were"})
_CALLED = frozenset("PERSON WORK_OF_ART PRODUCT".split())
_POSSESSIVES = frozenset("his her its their my our your".split())
_COMMON_POS = frozenset("NOUN VERB ADJ ADV PRON AUX ADP DET SCONJ CCONJ INTJ PART".split())
_HEADING_WORDS = frozenset("chapter book part act scene section volume canto stave letter".split())
_ROMAN = re.compile(r"^[IVXLCDM]+\.?$")
_SMALL_ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?$")
# Words that open sentences in capitals and that the model takes for names: old pronouns,
# interjections, calls.
_NOT_NAMES = frozenset("thou thee thy thine ye yon aye nay yea alas lo oh ah ahoy avast huzza hurrah hist "
                       "lookee hark behold amen".split())


def name_shape(span: Span, label: str) -> Span | None:
    """``span`` cut back to the name it holds, or None when it holds none."""
    cut = _cut_at_stops(span)
    if cut is None:
        return None
    trimmed = _trim_edges(_after_a_call(cut, label), label)
    if trimmed is None or _not_a_name(trimmed, label):
        return None
    return trimmed


def _cut_at_stops(span: Span) -> Span | None:
    """The part of ``span`` before the first character that no name runs across."""
    found = _STOPS.search(span.text)
    if found is None:
        return span
    end_char = span.start_char + found.start()
    if found.start() == 0:
        # A name right after an opening quotation mark: cut the mark off the front instead.
        rest = span.text[found.end():]
        if not rest.strip() or _STOPS.search(rest):
            return None
        start_char = span.end_char - len(rest) + (len(rest) - len(rest.lstrip()))
        return span.doc.char_span(start_char, span.end_char, alignment_mode="contract") or None
    cut = span.doc.char_span(span.start_char, end_char, alignment_mode="contract")
    return cut if cut is not None and len(cut) else None


def _after_a_call(span: Span, label: str) -> Span:
    """ "Quick, Bildad" is "Bildad": a word and a comma before a person's name, or a title's,
    are a call (places and firms keep theirs: "Paris, France", "Apple, Inc.")."""
    if len(span) > 2 and span[1].text == "," and label in _CALLED and span[2].pos_ == "PROPN":
        return span.doc[span.start + 2 : span.end]
    return span


def _trim_edges(span: Span, label: str) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    # Titles of works, products and events may start with a verb ("Gone with the Wind") or
    # end with a pronoun ("Let It Be"); only a sentence's opening adverb is cut from them.
    titled = label not in _PLAIN_NAMES
    lead = _TITLE_EDGE_POS if titled else _EDGE_POS
    # "the" belongs to a title ("The Old Man and the Sea"), not to a name ("the Federal Reserve").
    if not titled and end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while start < end and doc[start].lower_ not in _LEAD_KEEP and (
            doc[start].pos_ in lead or doc[start].lower_ in _LEAD_WORDS
            or (titled and doc[start].pos_ == "ADV" and doc[start].is_sent_start)):
        start += 1
        if start < end and doc[start - 1].lower_ in _QUESTION_WORDS and doc[start].lower_ in _COPULAS:
            start += 1  # "Who’s Old Thunder"
    trail = _TITLE_EDGE_POS if titled else _EDGE_POS
    while end > start and (doc[end - 1].pos_ in trail or doc[end - 1].is_space) and not _abbreviation(doc[end - 1]):
        end -= 1
    if end <= start:
        return None
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _abbreviation(token) -> bool:
    """ "Inc.", "Jr.", "U.S." end names although the tagger may call them punctuation."""
    return token.text.endswith(".") and len(token.text) > 1


def _not_a_name(span: Span, label: str) -> bool:
    words = [t for t in span if any(c.isalpha() for c in t.text)]
    if not words:
        return False  # "7-Eleven", "3M": a figure can be a name
    if not any(c.isupper() for t in words for c in t.text):
        return True  # "thou", "hav’n’t"
    if len(span) == 1 and (span[0].pos_ == "PRON" or span[0].lower_ in _NOT_NAMES):
        return True
    if all(_is_numbering(t.text) or t.is_punct for t in span):
        return True  # "III", "IV.": a numbering, not a name
    if _is_heading(span):
        return True
    if len(span) == 1 and _shouted_word(span[0]):
        return True  # a common word in capitals: "VOTE", "BREAKING"
    if len(span) == 1 and _capitalised_word(span[0]):
        return True  # "Death", "Straightway" opening a sentence
    before = span.doc[span.start - 1] if span.start > 0 else None
    if label == "ORG" and len(span) > 1 and before is not None and before.lower_ in _POSSESSIVES:
        return True
    return False


def _shouted_word(token) -> bool:
    """A common word set in capitals: tagged as a verb or other non-noun, or written in lower
    case elsewhere in the text. An acronym the tagger took for a noun ("AIME", "NATO") stays."""
    if not token.is_upper or len(token.text) <= 3 or token.pos_ not in _COMMON_POS:
        return False
    return token.pos_ != "NOUN" or _written_in_lower_case(token)


def _capitalised_word(token) -> bool:
    """A word capitalised only because it opens a sentence: the text also writes it in lower
    case, and never with a capital inside a sentence ("Flask" is a name because "said Flask"
    is written too)."""
    if not token.is_title or not _opens_sentence(token) or not _written_in_lower_case(token):
        return False
    text = token.doc.text
    for found in re.finditer(rf"\b{re.escape(token.text)}\b", text):
        # What comes before, past spaces, quotation marks and brackets (a few characters do).
        before = text[max(0, found.start() - 8) : found.start()].rstrip(" \t\"“”‘’'(")
        if before and before[-1] not in ".!?\n—:;":
            return False
    return True


def _written_in_lower_case(token) -> bool:
    return re.search(rf"\b{re.escape(token.lower_)}\b", token.doc.text) is not None


def _opens_sentence(token) -> bool:
    doc = token.doc
    i = token.i
    while i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_space or doc[i - 1].text in "(["):
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in {".", "!", "?", "—", ":", ";"}


def _is_numbering(text: str) -> bool:
    """A roman number up to 39 with two letters or a full stop: "II", "XIV", "I." (not "X")."""
    return bool(_SMALL_ROMAN.match(text)) and (len(text.rstrip(".")) >= 2 or text.endswith("."))


def _is_heading(span: Span) -> bool:
    """A span in a line set in capitals, or a chapter heading's words."""
    first = span[0].lower_
    if first in _HEADING_WORDS and len(span) <= 3 and any(t.like_num or _ROMAN.match(t.text) for t in span[1:]):
        return True
    if not any(t.is_upper for t in span if t.is_alpha):
        return False
    text = span.doc.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) >= 2 and sum(w.isupper() for w in words) >= 0.8 * len(words)
