"""Grammar in the sentence that says what kind of thing a name is, whatever the model guessed.

"X, a Chinese startup", "X CEO", "X's share price", "X, based in Y", "X was founded" make X an
organisation; "CEO X", "X, who", "X's wife" and "X, 45," a person; "based in X", "X-based" and
"X, a city" a place; "the X model" a product.
Only word classes are listed (in ``lexicon``); no name is.
"""

from __future__ import annotations

from glossator.core.nlp import lexicon


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _after(ent):
    """The first token after the entity, skipping a possessive 's."""
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1
    return doc[i] if i < len(doc) else None


def _appositives(root):
    found = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        found.append(root.head)
    return found


def org_evidence(ent) -> str | None:
    """The words that show ``ent`` is an organisation, or None."""
    root = ent.root
    for appos in _appositives(root):
        if _lemma(appos) in lexicon.ORG_NOUNS:
            return f"appositive '{appos.text}'"
    nxt = _after(ent)
    if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and _lemma(nxt) in lexicon.ORG_PART_NOUNS:
        if root.dep_ in ("poss", "compound") or nxt.i == ent.end:
            return f"descriptor '{nxt.text}'"
    for child in root.children:
        if child.dep_ == "compound" and child.i < ent.start and _lemma(child) in lexicon.ORG_NOUNS:
            return f"descriptor '{child.text}'"
        if child.dep_ == "acl" and _lemma(child) in lexicon.ORG_EVENT_VERBS:
            return f"'{child.text}'"
    if root.dep_ == "nsubjpass" and _lemma(root.head) in lexicon.ORG_EVENT_VERBS:
        return f"'{root.head.text}'"
    return None


def person_evidence(ent) -> str | None:
    """The words that show ``ent`` is a person: a title before it, a role beside it, "who",
    a relative of it ("X's wife"), an age after it ("X, 45,")."""
    root = ent.root
    for child in root.children:
        if child.i < ent.start and child.dep_ in ("compound", "amod") and _lemma(child) in lexicon.PERSON_ROLE_NOUNS:
            return f"title '{child.text}'"
        if child.dep_ == "relcl" and any(g.lower_ == "who" for g in child.children):
            return "'who'"
    for appos in _appositives(root):
        if _lemma(appos) in lexicon.PERSON_ROLE_NOUNS:
            return f"appositive '{appos.text}'"
    doc = ent.doc
    nxt = _after(ent)
    if nxt is not None and nxt.i == ent.end + 1 and _lemma(nxt) in lexicon.PERSON_KIN_NOUNS:
        return f"'{nxt.text}'"
    end = ent.end
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ",":
        if doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120:
            return f"age '{doc[end + 1].text}'"
    return None


def place_evidence(ent) -> str | None:
    """"based in X", "born in X", "offices in X", "X-based", "X, a city ...": the name is a place."""
    root = ent.root
    doc = ent.doc
    if root.dep_ == "pobj" and root.head.lower_ == "in":
        governor = root.head.head
        if _lemma(governor) in lexicon.PLACE_PREP_VERBS or (
            governor.pos_ == "NOUN" and _lemma(governor) in lexicon.PLACE_NOUNS
        ):
            return f"'{governor.text} in'"
    end = ent.end
    if end + 1 < len(doc) and doc[end].text == "-" and _lemma(doc[end + 1]) in lexicon.PLACE_PREP_VERBS:
        return f"'-{doc[end + 1].text}'"
    for appos in _appositives(root):
        if _lemma(appos) in lexicon.PLACE_NOUNS and appos.i > root.i:
            return f"appositive '{appos.text}'"
    return None


def product_evidence(ent) -> str | None:
    """A product noun the name modifies or stands beside: "the R1 model", "its new model, R1"."""
    root = ent.root
    if root.dep_ == "compound" and _lemma(root.head) in lexicon.PRODUCT_NOUNS and root.head.i >= ent.end:
        return f"'{root.head.text}'"
    for appos in _appositives(root):
        if _lemma(appos) in lexicon.PRODUCT_NOUNS:
            return f"appositive '{appos.text}'"
    doc = ent.doc
    # "its new AI model, R1," is often parsed without the appositive link.
    if ent.start >= 2 and doc[ent.start - 1].text == "," and _lemma(doc[ent.start - 2]) in lexicon.PRODUCT_NOUNS:
        if ent.end < len(doc) and doc[ent.end].is_punct:
            return f"appositive '{doc[ent.start - 2].text}'"
    return None


def evidence_label(ent) -> tuple[str, str] | None:
    """The label grammar gives ``ent`` and the words that say so, or None."""
    for label, finder in (("ORG", org_evidence), ("PERSON", person_evidence),
                          ("GPE", place_evidence), ("PRODUCT", product_evidence)):
        found = finder(ent)
        if found:
            if label == "GPE" and ent.label_ in ("LOC", "FAC"):
                label = ent.label_
            return label, found
    return None
