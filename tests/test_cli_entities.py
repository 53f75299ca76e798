"""``glossator entities`` and ``glossator rules`` as a user runs them."""

import json

from tests.cli_runner import run
from tests.samples import SAMPLE_ARTICLE

OTHER = "Nvidia, the chipmaker, sold more chips than ever. Analysts at Bernstein said NVIDIA would grow.\n"


def test_entities_lists_every_article_and_sentence_mentioning_a_name(capsys, tmp_path):
    other = tmp_path / "chips.txt"
    other.write_text(OTHER, encoding="utf-8")
    assert run(capsys, "analyze", str(SAMPLE_ARTICLE))[0] == 0
    assert run(capsys, "analyze", str(other))[0] == 0
    code, out, err = run(capsys, "entities", "nvidia")
    assert code == 0, err
    assert out.startswith("Nvidia: 8 mentions in 2 articles")
    assert "Article 1: DeepSeek R1 AI Model Disrupts Global Tech Market (ORG, 6 mentions)" in out
    assert "Article 2: chips (ORG, 2 mentions)" in out
    assert "Analysts at Bernstein said NVIDIA would grow." in out
    assert "Nvidia's share price plunged by 17%, wiping out approximately $600 billion from its market cap." in out
    code, out, _ = run(capsys, "entities", "--type", "org")
    assert out.splitlines()[2].split()[:4] == ["Nvidia", "ORG", "2", "8"]
    code, out, _ = run(capsys, "entities", "Nobody Here")
    assert code == 0 and "No stored article mentions 'Nobody Here'." in out


def test_rules_export_import_and_apply(capsys, tmp_path):
    other = tmp_path / "chips.txt"
    other.write_text(OTHER, encoding="utf-8")
    run(capsys, "analyze", str(other))
    rules = tmp_path / "rules.jsonl"
    rules.write_text('{"text": "Bernstein", "label": "ORG"}\n\n{"text": "Nvidia", "label": "IGNORE"}\n',
                     encoding="utf-8")
    code, out, err = run(capsys, "rules", "import", str(rules), "--apply")
    assert code == 0, err
    assert "2 new rules" in out and "re-labelled the entities of 1 article" in out
    _, out, _ = run(capsys, "entities")
    assert "Bernstein" in out and "ORG" in out and "Nvidia" not in out
    shared = tmp_path / "shared.jsonl"
    run(capsys, "rules", "export", str(shared))
    lines = [json.loads(line) for line in shared.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"text": "Bernstein", "label": "ORG"}, {"text": "Nvidia", "label": "IGNORE"}]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "X", "label": "ORG"}\n[1, 2]\n', encoding="utf-8")
    code, _, err = run(capsys, "rules", "import", str(bad))
    assert code == 2 and "line 2 of 'bad.jsonl'" in err
