"""Mentions the model missed: repeats of known names and the reader's taught phrases."""

from spacy.tokens import Span as SpacySpan

from glossator.core.nlp.analysis import analyze_text
from glossator.core.nlp.chunks import chunk_text
from glossator.core.nlp.entity_labels import resolve_entities
from glossator.core.nlp.entity_repeats import MentionReader, settle_overlaps
from glossator.core.nlp.mentions import Mention


def _entities(text, nlp, **kwargs):
    result = analyze_text(text, nlp, **kwargs)
    return [(text[s.start : s.end], s.label, s.attrs) for s in result.entities]


def _read(nlp, text, ents, rules=None):
    """The reader's mentions of ``text`` when the model's entities are exactly ``ents``."""
    doc = nlp(text)
    doc.ents = [SpacySpan(doc, start, end, label=label) for start, end, label in ents]
    return [(m.text, m.origin) for m in MentionReader(nlp, rules).read(doc)]


def test_any_case_repeat_is_a_mention(nlp):
    text = "Acme sold chips. ACME shares rose. Acme's profit fell."
    assert _read(nlp, text, [(0, 1, "ORG")]) == [("Acme", "model"), ("ACME", "repeat"), ("Acme", "repeat")]


def test_a_word_also_written_in_lower_case_is_not_repeated(nlp):
    text = "They founded Poker in 2001. Poker is a game. Many play poker."
    assert _read(nlp, text, [(2, 3, "ORG")]) == [("Poker", "model")]
    text = "Acme Labs sold chips. The acme labs were closed. Later Acme Labs reopened."
    assert _read(nlp, text, [(0, 2, "ORG")]) == [("Acme Labs", "model"), ("Acme Labs", "repeat")]


def test_taught_phrase_is_found_in_any_case_and_ignored_names_are_not(nlp):
    text = "Zeta Protocol users met Bob. The zeta protocol grew. Bob left."
    found = _read(nlp, text, [(4, 5, "PERSON")], rules={"zeta protocol": "PRODUCT", "bob": "IGNORE"})
    assert found == [("Bob", "model"), ("Zeta Protocol", "rule"), ("zeta protocol", "rule")]


def test_surname_alone_is_found_and_joins_the_person(nlp):
    text = "Jordan Belfort, 45, said the deal was done. Later Belfort left the room."
    found = _entities(text, nlp)
    belfort = [(form, label, attrs["canonical"]) for form, label, attrs in found if "Belfort" in form]
    assert belfort == [("Jordan Belfort", "PERSON", "Jordan Belfort"), ("Belfort", "PERSON", "Jordan Belfort")]


def test_ignore_rule_silences_repeats_too(nlp):
    text = "Nvidia's shares fell. Analysts said NVIDIA would recover."
    found = _entities(text, nlp, rules={"Nvidia": "IGNORE"})
    assert not [form for form, _, _ in found if form.casefold().startswith("nvidia")]


def test_the_model_beats_a_repeat_and_a_rule_beats_the_model():
    model = Mention(0, 10, "Acme Works", "ORG", 2)
    repeat = Mention(0, 4, "Acme", "ORG", 1, origin="repeat")
    rule = Mention(5, 16, "Works Grand", "FAC", 2, origin="rule")
    assert settle_overlaps([repeat, model]) == [model]
    assert settle_overlaps([model, rule, repeat]) == [repeat, rule]


def test_repeats_do_not_vote():
    mentions = [Mention(0, 4, "Zorb", "GPE", 1)] + [
        Mention(10 * i, 10 * i + 4, "Zorb", "PERSON", 1, origin="repeat") for i in range(1, 4)
    ]
    assert {s.label for s in resolve_entities(mentions)} == {"GPE"}


def test_reader_names_merge_and_rename():
    mentions = [Mention(0, 6, "Nvidia", "ORG", 1), Mention(10, 14, "NVDA", "ORG", 1),
                Mention(20, 24, "Fizz", "PERSON", 1)]
    spans = resolve_entities(mentions, names={"NVDA": "Nvidia", "nvidia": "Nvidia Corporation"})
    assert [s.attrs["canonical"] for s in spans] == ["Nvidia Corporation", "Nvidia Corporation", "Fizz"]
    spans = resolve_entities(mentions, names={"NVDA": "Nvidia"})
    assert [(s.label, s.attrs["canonical"]) for s in spans[:2]] == [("ORG", "Nvidia"), ("ORG", "Nvidia")]


def test_merge_and_rename_rules_travel_with_the_label_rules():
    from glossator.core.nlp.entity_aliases import ALIAS, alias_text

    mentions = [Mention(0, 6, "Nvidia", "ORG", 1), Mention(10, 14, "NVDA", "GPE", 1)]
    rules = {alias_text("NVDA", "Nvidia"): ALIAS, alias_text("nvidia", "Nvidia Corp."): ALIAS}
    spans = resolve_entities(mentions, rules)
    assert [(s.label, s.attrs["canonical"]) for s in spans] == [("ORG", "Nvidia Corp."), ("ORG", "Nvidia Corp.")]


def test_a_name_suffix_is_not_a_surname(nlp):
    text = "Martin Luther King Jr. spoke in Memphis. Later King marched. Sammy Davis Jr. sang."
    found = _entities(text, nlp)
    assert [(form, attrs["canonical"]) for form, _, attrs in found if "King" in form] == [
        ("Martin Luther King Jr.", "Martin Luther King Jr."), ("King", "Martin Luther King Jr.")]
    assert not [form for form, _, _ in found if form == "Jr."]


def test_a_name_met_in_a_later_chunk_is_found_in_the_earlier_ones(nlp):
    first = "Quorvex shipped early. Analysts liked Quorvex."
    second = "Later, Quorvex Labs and Quorvex merged."
    reader = MentionReader(nlp, None)
    doc = nlp(first)
    doc.ents = []  # the model saw no name in the first chunk
    assert reader.read(doc, 0) == []
    doc = nlp(second)
    doc.ents = [SpacySpan(doc, 5, 6, label="ORG")]  # the second "Quorvex"
    reader.read(doc, 100)
    found = [(m.start, m.text, m.label, m.origin) for m in reader.read_again(first, 0, 0)]
    assert found == [(0, "Quorvex", "ORG", "repeat"), (38, "Quorvex", "ORG", "repeat")]
    # Names met in the chunk itself, or before it, were searched for when it was read.
    assert reader.read_again(second, 100, 1) == []


def test_long_text_marks_a_name_in_chunks_before_the_one_that_taught_it(nlp):
    # "NVIDIA" alone on the first line is no entity to the model; the last chunk, read much
    # later, names Nvidia as an organisation, and the first chunk is searched again for it.
    filler = "The weather was mild and the fields were green. " * 30
    text = ("NVIDIA\n\n" + filler + "\n\n" + filler + "\n\n"
            + "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its market cap.")
    chunked = analyze_text(text, nlp, chunk_chars=1200)
    assert len(chunk_text(text, 1200)) >= 3
    assert [(text[s.start:s.end], s.label) for s in chunked.entities if s.start == 0] == [("NVIDIA", "ORG")]
