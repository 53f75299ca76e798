"""The claim rules on single sentences: opinion, questions and scene-setting score low."""

import pytest

from glossator.core.nlp.claims_component import analyse_sentence


def _claim(nlp, sentence):
    doc = nlp(sentence)
    return analyse_sentence(next(iter(doc.sents)))


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Unemployment fell to 3.5% in March, the lowest rate in fifty years.", "statistic"),
        ('"We will not raise taxes," Senator Jane Miller said on Tuesday.', "quote"),
        ("According to officials, the bridge was closed after inspectors found cracks.", "attribution"),
        ("The new chip outperformed its rivals on every benchmark.", "comparison"),
        ("The storm triggered floods across the region.", "causal"),
        ("Analysts expect the central bank to cut rates next month.", "prediction"),
    ],
)
def test_kinds(nlp, sentence, kind):
    claim = _claim(nlp, sentence)
    assert claim is not None
    assert kind in claim._.claim_kinds
    assert claim._.claim_score > 0


def test_quote_speaker_after_the_quote(nlp):
    claim = _claim(nlp, '"We will not raise taxes," Senator Jane Miller said on Tuesday.')
    assert claim.label_ == "quote"
    assert claim._.claim_speaker == "Jane Miller"


def test_reported_speech_speaker(nlp):
    claim = _claim(nlp, "Economist Maria Lopez noted that inflation had doubled since 2020.")
    assert claim.label_ == "attribution"
    assert claim._.claim_speaker == "Maria Lopez"


@pytest.mark.parametrize(
    "sentence",
    [
        "Do you really think that is going to work?",
        "I think we should all be a bit kinder to each other.",
        "It was a cold and quiet morning.",
        "Thank you very much.",
    ],
)
def test_opinion_questions_and_scene_setting_score_low(nlp, sentence):
    claim = _claim(nlp, sentence)
    assert claim is None or claim._.claim_score < 0.5


def test_statistic_outscores_opinion(nlp):
    fact = _claim(nlp, "The company cut 1,200 jobs in 2023, about 8% of its workforce.")
    opinion = _claim(nlp, "I believe we must do more for working families.")
    assert fact._.claim_score >= 0.5
    assert opinion is None or opinion._.claim_score < fact._.claim_score


def test_a_request_is_not_reported_speech(nlp):
    claim = _claim(nlp, "The report ended by calling for the government to maintain strict limits on exports.")
    assert claim is None or "attribution" not in claim._.claim_kinds


def test_two_clauses_give_two_claims(nlp):
    doc = nlp("Unemployment fell to 3.5% in March; the new chip outperformed its rivals on every benchmark.")
    claims = list(doc.spans["claims"])
    assert [c.text for c in claims] == ["Unemployment fell to 3.5% in March",
                                        "the new chip outperformed its rivals on every benchmark."]
    assert [c.label_ for c in claims] == ["statistic", "comparison"]


def test_semicolon_inside_a_quote_does_not_split(nlp):
    from glossator.core.nlp.claim_clauses import clauses

    doc = nlp('"Prices rose by 4% last year; wages did not keep up," the minister said on Monday.')
    sent = next(iter(doc.sents))
    assert clauses(sent) == [sent]


@pytest.mark.parametrize(
    "sentence, kind, speaker, phrase",
    [
        # Whoever a verb that only reports speech has as subject is a source, named or not.
        ('"We are not leaving," the mayor said on Tuesday.', "quote", "unnamed", "the mayor"),
        ("The senator claimed that crime had doubled.", "attribution", "unnamed", "The senator"),
        ("A senior diplomat told reporters that the talks had failed.", "attribution", "unnamed",
         "A senior diplomat"),
        # A pronoun with nobody named before it is a person the text does not name.
        ("He said the primary was rigged against him.", "attribution", "unnamed", "He"),
        ("They insist the figures are wrong.", "attribution", "unnamed", "They"),
        # Findings reported with a clause.
        ("The study found that emissions fell by a third.", "attribution", "unnamed", "The study"),
        ("According to the harbour master, the port handled 2 million containers.", "attribution",
         "unnamed", "the harbour master"),
    ],
)
def test_unnamed_speakers(nlp, sentence, kind, speaker, phrase):
    claim = _claim(nlp, sentence)
    assert claim is not None and claim.label_ == kind
    assert (claim._.claim_speaker, claim._.claim_speaker_phrase) == (speaker, phrase)


@pytest.mark.parametrize(
    "sentence",
    [
        "Launched last week, this model claims capabilities rivaling the best.",  # boasts, not says
        "Police found a car near the border.",  # found something, not that something
    ],
)
def test_no_speaker_without_reported_content(nlp, sentence):
    claim = _claim(nlp, sentence)
    assert claim is None or claim._.claim_speaker == ""


def _speakers(nlp, text):
    doc = nlp(text)
    return {s.text: s._.claim_speaker for s in doc.spans["claims"]}


@pytest.mark.parametrize(
    "text, quote_start, speaker",
    [
        # A name inside the quotation is what was said, not who said it.
        ('Mark Warner spoke first. "I told Jones the plan would cost $40 billion," he said.', '"I told', "Mark Warner"),
        # The subject of the last sentences, not a person named as an object after it.
        ("Senator Ann Lee met Paul Roth on Monday. \"Taxes will rise by 20 percent next year,\" she said.",
         '"Taxes', "Ann Lee"),
        # With no subject to go by, the last person named.
        ('The report was sent to Paul Roth. "Costs rose 12 percent," he said.', '"Costs', "Paul Roth"),
    ],
)
def test_he_or_she_is_the_subject_not_a_name_in_the_quote(nlp, text, quote_start, speaker):
    found = {quote: who for quote, who in _speakers(nlp, text).items() if quote.startswith(quote_start)}
    assert list(found.values()) == [speaker]
