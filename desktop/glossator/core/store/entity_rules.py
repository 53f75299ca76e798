"""The reader's entity corrections, fed back to the pipeline's entity ruler for later articles."""

from __future__ import annotations

from ..errors import GlossatorError, NotFoundError
from . import models
from .database import transaction

IGNORE = "IGNORE"
MAX_LABEL_LENGTH = 64


def add_entity_rule(text: str, label: str) -> models.EntityRule:
    """Teach that ``text`` is always an entity of type ``label``, or never one (``IGNORE``).

    Labels are upper-cased like spaCy's; adding a rule that exists returns it.
    """
    text = " ".join(str(text).split())
    label = str(label).strip().upper()
    if not text:
        raise GlossatorError("An entity rule needs the text it applies to.")
    if not label or len(label) > MAX_LABEL_LENGTH or any(char.isspace() for char in label):
        raise GlossatorError(f"'{label}' is not an entity label (one word, like ORG, or {IGNORE}).")
    with transaction():
        rule, _ = models.EntityRule.get_or_create(text=text, label=label)
        return rule


def list_entity_rules() -> list[models.EntityRule]:
    """Every entity rule, by text and then label."""
    return list(models.EntityRule.select().order_by(models.EntityRule.text, models.EntityRule.label))


def delete_entity_rule(rule_id: int) -> None:
    """Forget an entity rule; NotFoundError if there is no such rule."""
    with transaction():
        deleted = models.EntityRule.delete().where(models.EntityRule.id == rule_id).execute()
    if not deleted:
        raise NotFoundError(f"No entity rule with id {rule_id}.")
