"""Entity rules as a JSONL file, one rule a line, so a team can share its corrections.

    {"text": "Bernstein", "label": "ORG"}
    {"text": "AI", "label": "IGNORE"}

Importing adds the rules a file has and keeps those already stored; a line that is not a
rule is reported with its number and nothing is imported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from glossator.core import store
from glossator.core.errors import GlossatorError
from glossator.core.safe_write import write_text_atomically


def rules_jsonl() -> str:
    """Every stored entity rule as JSONL text."""
    lines = [json.dumps({"text": rule.text, "label": rule.label}, ensure_ascii=False)
             for rule in store.list_entity_rules()]
    return "".join(line + "\n" for line in lines)


def export_rules(path: str | os.PathLike) -> int:
    """Write every entity rule to ``path``; returns how many."""
    text = rules_jsonl()
    write_text_atomically(path, text)
    return text.count("\n")


def parse_rules(text: str, source: str = "the file") -> list[tuple[str, str]]:
    """(text, label) pairs from JSONL text; GlossatorError naming the first bad line."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GlossatorError(f"line {number} of {source} is not JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not isinstance(item.get("label"),
                                                                                                 str):
            raise GlossatorError(f'line {number} of {source} is not a rule like {{"text": "...", "label": "ORG"}}')
        rules.append((item["text"], item["label"]))
    return rules


def import_rules(path: str | os.PathLike) -> int:
    """Add the rules of a JSONL file; returns how many were new."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossatorError(f"cannot read '{target}': {getattr(exc, 'strerror', None) or exc}") from exc
    pairs = parse_rules(text, f"'{target.name}'")
    before = {(rule.text, rule.label) for rule in store.list_entity_rules()}
    with store.transaction():
        for rule_text, label in pairs:
            store.add_entity_rule(rule_text, label)
    after = {(rule.text, rule.label) for rule in store.list_entity_rules()}
    return len(after - before)
