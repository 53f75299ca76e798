"""``glossator entities`` and ``glossator rules``: the library's entity index and the reader's
entity corrections from the command line."""

from __future__ import annotations

from glossator.cli import output
from glossator.cli.output import clean
from glossator.core.services import entities as entity_service


def add_parsers(sub) -> None:
    """The ``entities`` and ``rules`` commands."""
    p = sub.add_parser("entities", help="the entities of the whole library, or every article mentioning one")
    p.add_argument("name", nargs="?", help="list the articles and sentences mentioning this name")
    p.add_argument("--type", dest="label", metavar="TYPE", help="only entities of this type (ORG, PERSON, GPE, ...)")

    p = sub.add_parser("rules", help="list, export, import or apply the entity corrections")
    actions = p.add_subparsers(dest="rules_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the entity rules")
    export = actions.add_parser("export", help="write the rules to a JSONL file")
    export.add_argument("file")
    imported = actions.add_parser("import", help="add the rules of a JSONL file")
    imported.add_argument("file")
    imported.add_argument("--apply", action="store_true", help="re-label every stored article afterwards")
    actions.add_parser("apply", help="re-label every stored article with the rules")


def entities(args) -> int:
    label = args.label.upper() if args.label else None
    if not args.name:
        found = entity_service.library_entities(label)
        if not found:
            print("No entities are marked in the library.")
            return 0
        rows = [[e.name, e.label, str(e.articles), str(e.mentions)] for e in found]
        print(output.table(["entity", "type", "articles", "mentions"], rows, flexible=0))
        return 0
    mentioning = entity_service.articles_mentioning(args.name, label)
    if not mentioning:
        print(f"No stored article mentions '{clean(args.name)}'.")
        return 0
    total = sum(entry.count for entry in mentioning)
    print(f"{clean(mentioning[0].name)}: {total} mention{'s' * (total != 1)} "
          f"in {len(mentioning)} article{'s' * (len(mentioning) != 1)}")
    for entry in mentioning:
        print(f"\nArticle {entry.article_id}: {clean(entry.title)} "
              f"({clean(entry.label)}, {entry.count} mention{'s' * (entry.count != 1)})")
        if entry.source:
            print(f"  {clean(entry.source)}")
        for (start, end), sentence in zip(entry.ranges, entry.sentences):
            print(f"  [{start}-{end}] {clean(sentence)}")
    return 0


def rules(args) -> int:
    action = args.rules_action
    if action == "list":
        rows = [[str(r.id), r.text, r.label] for r in entity_service.list_rules()]
        print(output.table(["id", "text", "label"], rows, flexible=1) or "No entity rules.")
    elif action == "export":
        print(f"{entity_service.export_rules(args.file)} rules written to {args.file}")
    elif action == "import":
        print(f"{entity_service.import_rules(args.file).value} new rules from {args.file}")
        if args.apply:
            _apply()
    else:
        _apply()
    return 0


def _apply() -> None:
    changed = entity_service.relabel_library().value
    print(f"re-labelled the entities of {len(changed)} article{'s' * (len(changed) != 1)}")
