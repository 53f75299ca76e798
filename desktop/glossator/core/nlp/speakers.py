"""Who makes a claim: the subject of a verb of saying, the object of "according to", or a
pronoun resolved to the nearest person named before it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from glossator.core.nlp import lexicon

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
PERSON_PRONOUNS = frozenset("he she him her".split())
GROUP_PRONOUNS = frozenset("they them".split())
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clauses that inherit the subject of the verb they hang from: "X said ..., noting that ...".
INHERITING_DEPS = ("advcl", "xcomp", "conj")
RELATIVE_PRONOUNS = frozenset("which who that".split())


@dataclass(frozen=True)
class Speaker:
    """A claim's speaker: a name, or ``"unnamed"`` with the phrase that stands for the source."""

    name: str
    phrase: str


def _entity_of(token):
    """The speaker-like entity ``token`` is part of, found from the entity tags around it."""
    if token.ent_iob_ not in ("B", "I") or token.ent_type_ not in SPEAKER_LABELS:
        return None
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def _noun_phrase(token, limit: int = 8) -> str:
    """The words of the phrase headed by ``token``: its left modifiers and a short "from X"."""
    doc = token.doc
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ != "prep":
            break
        sub = list(child.subtree)
        if any(t.pos_ in ("VERB", "PUNCT") for t in sub) or len(sub) > 4:
            break
        end = child.right_edge.i + 1
    while start < end and doc[start].is_punct:
        start += 1
    if end - start > limit:
        start = end - limit if token.i >= end - limit else token.i
    return doc[start:end].text


def previous_person(token, window_chars: int = 2000) -> str | None:
    """The person ``he`` or ``she`` stands for: the last person before ``token`` (within a
    window) who was the subject of a clause in the last few sentences, else the last person
    named there. Names inside quotation marks are what someone said, not who said it."""
    doc = token.doc
    quoted = _quoted_before(token, window_chars)
    sentence_starts = _recent_sentence_starts(token, SUBJECT_SENTENCES)
    named = subject = None
    for ent in doc.ents:
        if ent.end > token.i:
            break
        if ent.label_ != "PERSON" or token.idx - ent.start_char > window_chars or ent.start in quoted:
            continue
        named = ent
        if ent.start >= sentence_starts and ent.root.dep_ in SUBJECT_DEPS:
            subject = ent
    best = subject or named
    if best is None:
        return None
    text = best.text
    # A surname mention stands for the fuller name given earlier.
    for ent in doc.ents:
        if ent.start >= best.start:
            break
        if ent.label_ == "PERSON" and len(ent) > len(best) and text in ent.text.split():
            return ent.text
    return text


SUBJECT_SENTENCES = 3
_OPENING_QUOTES = frozenset('"“')
_CLOSING_QUOTES = frozenset('"”')


def _quoted_before(token, window_chars: int) -> set[int]:
    """Indices of the tokens inside quotation marks before ``token``, within the window."""
    doc = token.doc
    inside, found = False, set()
    for t in doc[: token.i]:
        if token.idx - t.idx > window_chars:
            continue
        if t.text in _OPENING_QUOTES and not inside:
            inside = True
        elif t.text in _CLOSING_QUOTES and inside:
            inside = False
        elif inside:
            found.add(t.i)
    return found


def _recent_sentence_starts(token, count: int) -> int:
    """The index of the first token of the sentence ``count - 1`` sentences before ``token``'s."""
    sent = token.sent
    start = sent.start
    for _ in range(count - 1):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def resolve_phrase(token, speaking: bool = False) -> Speaker | None:
    """Turn the head of a subject or object phrase into a speaker, or None if it is no source.

    ``speaking``: the phrase is the subject of a verb that only reports speech ("said") or
    the object of "according to", so any noun phrase there is a source, named or not."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS:
        name = previous_person(token)
        # "He said" with nobody named before it: a person the text does not name.
        return Speaker(name, token.text) if name else Speaker("unnamed", token.text)
    if lower in GROUP_PRONOUNS:
        return Speaker("unnamed", token.text)
    ent = _entity_of(token)
    if ent is not None:
        return Speaker(ent.text, _noun_phrase(token))
    for child in token.children:
        if child.dep_ == "poss":
            owner = _entity_of(child)
            if owner is not None:
                # "Nvidia's spokesperson" speaks for Nvidia but is not Nvidia.
                if token.lemma_.lower() in lexicon.SPOKESPERSON_NOUNS:
                    return Speaker(f"{owner.text}'s {token.text}", _noun_phrase(token))
                return Speaker(owner.text, _noun_phrase(token))
        if child.dep_ == "compound":
            named = _entity_of(child)
            if named is not None and named.label_ in ("ORG", "PERSON"):
                return Speaker(named.text, _noun_phrase(token))
    if lower in lexicon.UNNAMED_SOURCES or token.lemma_.lower() in lexicon.UNNAMED_SOURCES:
        return Speaker("unnamed", _noun_phrase(token))
    if speaking and token.pos_ == "PROPN":
        # A name the entity recogniser missed ("Bernstein said"): the name is the speaker.
        return Speaker(_proper_name(token), _noun_phrase(token))
    if speaking and token.pos_ == "NOUN":
        return Speaker("unnamed", _noun_phrase(token))  # "the mayor said", "a diplomat told"
    return None


def _proper_name(token) -> str:
    """A proper noun with the proper nouns compounded before it ("John Smith")."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.i)
    return token.doc[start : token.i + 1].text


def subject_of(verb):
    """The subject of a verb, looking up through clauses that share their parent's subject."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ in INHERITING_DEPS and current.head is not current:
            current = current.head
        else:
            return None
    return None


def speaker_of_verb(verb) -> Speaker | None:
    """The speaker of a verb of saying, or ``unnamed`` for passive reporting ("is reported to")."""
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "Nvidia, which described ..." speaks for Nvidia
    if subject is not None and subject.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if obj is not None:
            return resolve_phrase(obj)
        aux = " ".join(c.text for c in verb.children if c.dep_ == "auxpass")
        return Speaker("unnamed", f"{aux} {verb.text}".strip())
    if subject is None:
        return None
    # Only with what was said as a clause: "this model claims capabilities" reports nobody.
    speaking = verb.lemma_.lower() in lexicon.SPEECH_VERBS and any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children
    )
    return resolve_phrase(subject, speaking=speaking)
