"""The dock panels: the library, and the inspector's entities, claims and notes tabs.

Each is a widget over a thin Qt item model; the inspector panels observe an
``ArticleSession`` and ask the reader to show passages through ``jump_requested``.
"""

from glossator.ui.panels.claims_panel import ClaimsPanel
from glossator.ui.panels.entities_panel import EntitiesPanel
from glossator.ui.panels.library_panel import LibraryPanel
from glossator.ui.panels.notes_panel import NotesPanel

__all__ = ["ClaimsPanel", "EntitiesPanel", "LibraryPanel", "NotesPanel"]
