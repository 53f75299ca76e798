"""Entity rules: the reader's corrections kept for the pipeline."""

import pytest

from glossator.core.errors import GlossatorError, NotFoundError
from glossator.core.store import IGNORE, add_entity_rule, delete_entity_rule, list_entity_rules


def test_add_list_delete():
    ignore = add_entity_rule("  Sputnik   moment ", "ignore")
    org = add_entity_rule("DeepSeek", "org")
    assert (ignore.text, ignore.label) == ("Sputnik moment", IGNORE)
    assert add_entity_rule("DeepSeek", "ORG").id == org.id
    person = add_entity_rule("DeepSeek", "PERSON")
    assert [(r.text, r.label) for r in list_entity_rules()] == [
        ("DeepSeek", "ORG"),
        ("DeepSeek", "PERSON"),
        ("Sputnik moment", IGNORE),
    ]
    delete_entity_rule(person.id)
    assert [r.id for r in list_entity_rules()] == [org.id, ignore.id]
    with pytest.raises(NotFoundError):
        delete_entity_rule(person.id)


@pytest.mark.parametrize(("text", "label"), [("", "ORG"), ("  ", "ORG"), ("Nvidia", ""), ("Nvidia", "NEW ORG")])
def test_invalid_rule_is_refused(text, label):
    with pytest.raises(GlossatorError):
        add_entity_rule(text, label)
    assert list_entity_rules() == []
