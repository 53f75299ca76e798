"""The reader's merges and renames of entities, kept among the entity rules.

"Merge NVDA into Nvidia" and "rename Nvidia to Nvidia Corporation" both say which entity a
written form belongs to and what that entity is called. They are stored as entity rules
whose label is ``ALIAS`` and whose text is ``form => canonical name``, so they travel with
the other rules (in the library, in a JSONL export) without a table of their own.
"""

from __future__ import annotations

ALIAS = "ALIAS"
ARROW = " => "


def alias_text(form: str, canonical: str) -> str:
    """The rule text saying that ``form`` is the entity called ``canonical``."""
    form, canonical = " ".join(form.split()), " ".join(canonical.split())
    if not form or not canonical or ARROW.strip() in form:
        raise ValueError(f"cannot name '{form}' as '{canonical}'")
    return f"{form}{ARROW}{canonical}"


def split_rules(rules: dict[str, str] | None) -> tuple[dict[str, str], dict[str, str]]:
    """Label rules (form -> label or IGNORE) and names (form -> canonical name) from all rules."""
    labels: dict[str, str] = {}
    names: dict[str, str] = {}
    for text, label in (rules or {}).items():
        if label == ALIAS:
            form, _, canonical = text.partition(ARROW)
            if form and canonical:
                names[form] = canonical
        else:
            labels[text] = label
    return labels, names
