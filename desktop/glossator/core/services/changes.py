"""What a service call changed, so a face over the core refreshes only that.

A call that writes returns ``Done(value, changes)``: the value the caller asked for (a new
id, say) and a ``Changes`` naming the parts of the library it touched. ``Changes`` values
merge with ``|``, so a command made of several calls reports all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """The parts of the library a call changed."""

    # Articles added, removed or retitled: the library list must be read again.
    article_list: bool = False
    # Articles whose annotations, notes, sources, tags or statuses changed.
    annotations: frozenset[int] = field(default_factory=frozenset)
    # Articles whose notes on the article as a whole changed.
    article_notes: frozenset[int] = field(default_factory=frozenset)
    # The set of tag names in the library.
    tag_names: bool = False
    # The reader's entity corrections (rules).
    entity_rules: bool = False
    # A different library file is open (restored, or started afresh): everything is stale.
    library: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            article_list=self.article_list or other.article_list,
            annotations=self.annotations | other.annotations,
            article_notes=self.article_notes | other.article_notes,
            tag_names=self.tag_names or other.tag_names,
            entity_rules=self.entity_rules or other.entity_rules,
            library=self.library or other.library,
        )

    def __bool__(self) -> bool:
        return any((self.article_list, self.annotations, self.article_notes, self.tag_names,
                    self.entity_rules, self.library))

    def touches_article(self, article_id: int | None) -> bool:
        """Whether what is shown of ``article_id`` (its marks and notes) must be read again."""
        if self.library:
            return True
        return article_id is not None and (article_id in self.annotations or article_id in self.article_notes)

    @property
    def counts(self) -> bool:
        """Whether the library list's counts (claims, notes, sources) may be stale."""
        return self.library or self.article_list or bool(self.annotations)


NOTHING = Changes()


def annotations_of(article_id: int) -> Changes:
    return Changes(annotations=frozenset({article_id}))


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result and what it changed."""

    value: T
    changes: Changes
