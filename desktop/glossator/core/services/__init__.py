"""The one front door to the library: one function per thing a reader does.

The window and the command line call only these modules; ``core.store`` is reached only
from here. Each function that writes runs in one store transaction, hands back plain values
(never database rows) and, as ``Done(value, changes)``, what it changed (``changes.Changes``),
so a face refreshes only that.

- ``articles``: import, list, find, delete and analyse articles
- ``annotating``: marks, notes, sources, claim statuses and tags
- ``entities``: entity rules and corrections, the library's entity index, re-labelling
- ``exports``: annotated Markdown and Web Annotation exports
- ``search``: the library search
- ``maintenance``: opening the library, its health, backups and restoring
"""
