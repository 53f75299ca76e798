"""``glossator export --format jsonld``: W3C Web Annotations from the command line."""

import json

from glossator.core import store
from glossator.core.readers import read_text
from tests.cli_runner import run
from tests.web_annotation_schemas import collection_failures, items

TEXT = (
    "DeepSeek R1 shakes the markets\n\n"
    "Following the launch, Nvidia's share price plunged by 17%, wiping out approximately "
    "$600 billion from its market cap.\n"
)
CLAIM = "plunged by 17%, wiping out approximately $600 billion"


def _article() -> int:
    row = store.save_article(read_text(TEXT, format="txt"))
    start = row.text.index(CLAIM)
    store.add_annotation(row.id, "claim", "statistic", start, start + len(CLAIM), origin="auto", score=0.8)
    store.add_source(row.id, start, start + len(CLAIM), "https://example.org/close", "Close", "refutes")
    name = row.text.index("Nvidia")
    store.add_annotation(row.id, "entity", "ORG", name, name + len("Nvidia"), origin="auto")
    return row.id


def test_export_writes_valid_web_annotations(capsys, tmp_path):
    article = _article()
    target = tmp_path / "out.jsonld"
    code, out, err = run(capsys, "export", str(article), "--format", "jsonld", "-o", str(target))
    assert code == 0, err
    assert out.strip() == str(target.resolve())
    data = json.loads(target.read_text(encoding="utf-8"))
    assert collection_failures(data) == []
    (claim,) = items(data)  # the entity is left out unless asked for
    assert claim["target"]["selector"][0]["exact"] == CLAIM
    assert any(b.get("source") == "https://example.org/close" for b in claim["body"])

    code, out, err = run(capsys, "export", str(article), "--format", "jsonld", "--entities", "-o", str(target))
    assert code == 0, err
    with_entities = json.loads(target.read_text(encoding="utf-8"))
    assert with_entities["total"] == 2 and collection_failures(with_entities) == []


def test_the_output_name_chooses_the_format_and_the_title_names_the_file(capsys, tmp_path, monkeypatch):
    article = _article()
    code, _, err = run(capsys, "export", str(article), "-o", str(tmp_path / "by-name.json"))
    assert code == 0, err
    assert json.loads((tmp_path / "by-name.json").read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    code, _, err = run(capsys, "export", str(article), "--format", "md", "-o", str(tmp_path / "forced.json"))
    assert code == 0, err
    assert (tmp_path / "forced.json").read_text(encoding="utf-8").startswith("---\n")

    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", str(article), "--format", "jsonld")
    assert code == 0, err
    assert out.strip() == str((tmp_path / "deepseek-r1-shakes-the-markets.jsonld").resolve())
    code, out, err = run(capsys, "export", str(article))
    assert code == 0, err
    assert out.strip().endswith("deepseek-r1-shakes-the-markets.md")


def test_export_errors_are_one_line_with_exit_code_2(capsys, tmp_path):
    article = _article()
    code, out, err = run(capsys, "export", str(article), "--format", "jsonld",
                         "-o", str(tmp_path / "missing" / "out.jsonld"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "does not exist" in err
    code, out, err = run(capsys, "export", "999", "--format", "jsonld", "-o", str(tmp_path / "x.jsonld"))
    assert code == 2 and err.count("\n") == 1
