"""The window and the command line reach the library only through ``glossator.core.services``:
no module of theirs imports the store, peewee, or the core modules that touch the store."""

from __future__ import annotations

import ast
from pathlib import Path

import glossator

PACKAGE = Path(glossator.__file__).parent
FACES = ("ui", "cli")
# Reached only from core.services; the faces call the services instead.
BEHIND_THE_DOOR = (
    "peewee",
    "glossator.core.store",
    "glossator.core.reimport",
    "glossator.core.entity_corrections",
    "glossator.core.entity_index",
    "glossator.core.rules_io",
    "glossator.core.library_health",
)


def imported_names(source: str, module: str) -> set[str]:
    """Every module ``source`` imports, anywhere in it, as full dotted names.

    ``from a import b`` counts as ``a`` and ``a.b`` (``b`` may be a module); relative imports
    are resolved against ``module``.
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.split(".")[: -node.level]
                base = ".".join(parent + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def forbidden(names: set[str]) -> list[str]:
    return sorted(n for n in names if any(n == bad or n.startswith(bad + ".") for bad in BEHIND_THE_DOOR))


def test_the_checker_sees_every_way_of_importing_the_store():
    sneaky = (
        "from glossator.core import store\n"
        "import peewee\n"
        "def f():\n"
        "    from glossator.core.store.tags import clean_tag_name\n"
        "from ..core import reimport\n"
    )
    found = forbidden(imported_names(sneaky, "glossator.ui.panel"))
    assert found == ["glossator.core.reimport", "glossator.core.store", "glossator.core.store.tags",
                     "glossator.core.store.tags.clean_tag_name", "peewee"]
    assert forbidden(imported_names("from glossator.core.services import articles\n", "glossator.ui.x")) == []


def test_ui_and_cli_import_nothing_behind_the_services():
    offenders = {}
    for face in FACES:
        for path in sorted((PACKAGE / face).rglob("*.py")):
            relative = path.relative_to(PACKAGE.parent).with_suffix("")
            module = ".".join(relative.parts).removesuffix(".__init__")
            found = forbidden(imported_names(path.read_text(encoding="utf-8"), module))
            if found:
                offenders[str(relative)] = found
    assert offenders == {}
    assert len(list((PACKAGE / "ui").rglob("*.py"))) > 40  # the walk found the window's modules
