"""Long texts: chunks cut at paragraph breaks and offsets that stay exact."""

from glossator.core.nlp.analysis import analyze_text
from glossator.core.nlp.chunks import chunk_text


def test_chunks_join_back_and_respect_limit():
    text = "\n\n".join(f"Paragraph {i} says something about Berlin. " * 5 for i in range(400))
    pieces = chunk_text(text, 2_000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 2_000 for _, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])
    assert [offset for offset, _ in pieces] == sorted(offset for offset, _ in pieces)


def test_chunk_without_breaks_still_splits():
    text = "x" * 5_000
    pieces = chunk_text(text, 1_000)
    assert "".join(p for _, p in pieces) == text
    assert len(pieces) == 5


def test_offsets_exact_across_chunks(nlp):
    paragraph = "Angela Merkel met Emmanuel Macron in Paris. Sales rose by 12% in 2019.\n\n"
    text = paragraph * 60
    result = analyze_text(text, nlp, chunk_chars=700)
    names = [text[s.start : s.end] for s in result.entities if s.label == "PERSON"]
    assert names.count("Angela Merkel") == 60
    for span in result.spans:
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    stats = [s for s in result.claims if "12%" in text[s.start : s.end]]
    assert len(stats) == 60


def test_progress_and_cancel(nlp):
    text = "Berlin is big.\n\n" * 200
    seen = []
    analyze_text(text, nlp, chunk_chars=500, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(text), len(text))
    assert len(seen) > 3

    import pytest

    from glossator.core.nlp.analysis import AnalysisCancelled

    with pytest.raises(AnalysisCancelled):
        analyze_text(text, nlp, chunk_chars=500, cancelled=lambda: True)
