"""The ``glossator`` command: the desktop window, or headless commands over the same core.

Errors a user can cause print one line on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys

from glossator import __version__
from glossator.cli import arg_types, db, entities, search
from glossator.core.annotation import STANCES
from glossator.core.errors import GlossatorError, UnusableDatabaseError
from glossator.core.paths import resolve_db_path
from glossator.core.services import exports, maintenance

EXIT_USER_ERROR = 2
OPEN_OPTIONS = ("--smoke-test",)
COMMANDS = ("analyze", "analyse", "export", "list", "text", "show", "note", "source", "claims", "open", "demo", "db",
            "entities", "rules", "search", "import")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="library database (default: GLOSSATOR_DB or the user data folder)")


def _add_input_format(parser: argparse.ArgumentParser, *flags: str) -> None:
    parser.add_argument(*flags, choices=("txt", "md", "html"), dest="input_format",
                        help="how to read standard input ('-'): txt, md or html "
                             "(default: html if it starts with a tag, else txt)")


def _add_fetch_again(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fetch-again", action="store_true", dest="fetch_again",
                        help="for a web address already in the library: fetch the page anew "
                             "instead of using the stored copy")


def version_text() -> str:
    """Glossator's version and the language model it would use."""
    from glossator.core.nlp.model import package_info

    try:
        info = package_info()
        model = f"spaCy model {info.name} {info.version}"
    except GlossatorError as exc:
        model = str(exc)
    return f"glossator {__version__} ({model})"


def build_parser() -> argparse.ArgumentParser:
    """All commands and options; ``glossator COMMAND --help`` documents each."""
    parser = argparse.ArgumentParser(
        prog="glossator",
        description="Read articles; see their entities and check-worthy claims; keep notes and sources.")
    parser.add_argument("--version", action="version", version=version_text())
    _add_db(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", aliases=["analyse"], help="import and analyse a file; print its entities and claims")
    p.add_argument("file", help="the article's file, a web address (http or https), or - to read standard input")
    _add_input_format(p, "--format")
    _add_fetch_again(p)
    p.add_argument("--force", action="store_true", help="analyse again even if this model already did")
    p.add_argument("--min-score", type=arg_types.score, default=0.5,
                   help="hide claims scoring below this (default 0.5)")

    p = sub.add_parser("export", help="export an article as annotated Markdown or W3C Web Annotation JSON-LD")
    p.add_argument("article", type=arg_types.article_ref,
                   help="article id, or a file to import and analyse first (- reads standard input)")
    p.add_argument("-o", "--output",
                   help="the file to write (default: named after the article's title, in this folder)")
    p.add_argument("--format", choices=tuple(exports.EXPORT_FORMATS), dest="fmt",
                   help="md (annotated Markdown) or jsonld (W3C Web Annotations); "
                        "default: jsonld if the output ends in .jsonld or .json, else md")
    p.add_argument("--entities", nargs="?", const="inline", choices=("inline", "index", "none"),
                   help="Markdown: bold entities in the text (inline, the default), only list them (index), "
                        "or neither; JSON-LD: entities are left out unless --entities is given (not 'none')")
    p.add_argument("--min-score", type=arg_types.score, default=0.5, help="leave out claims scoring below this")
    _add_input_format(p, "--input-format")
    _add_fetch_again(p)

    p = sub.add_parser("import", help="import files or folders; a Glossator Markdown export brings back its "
                                      "notes, sources, highlights and claim statuses")
    p.add_argument("file", nargs="+", metavar="FILE",
                   help="a file, folder (searched recursively) or web address to import, or - for standard input")
    p.add_argument("--jobs", type=arg_types.jobs, default=None, metavar="N",
                   help="processes that read and analyse a batch at once (default: one per core)")
    _add_input_format(p, "--format")
    _add_fetch_again(p)
    p.add_argument("--no-analyse", action="store_true", help="store the article without analysing it")

    sub.add_parser("list", help="list the articles in the library")

    p = sub.add_parser("text", help="print a file's (or a web page's) text as Glossator reads it")
    p.add_argument("file")

    p = sub.add_parser("show", help="show an article's details, claims, entities and annotations")
    p.add_argument("article", type=arg_types.article_ref, help="article id")

    p = sub.add_parser("note", help="attach a note to a passage of an article")
    p.add_argument("article", type=arg_types.article_ref, help="article id")
    p.add_argument("--start", type=arg_types.offset, required=True)
    p.add_argument("--end", type=arg_types.offset, required=True)
    p.add_argument("--text", required=True, help="the note (Markdown)")

    p = sub.add_parser("source", help="attach a source link to a passage of an article")
    p.add_argument("article", type=arg_types.article_ref, help="article id")
    p.add_argument("--start", type=arg_types.offset, required=True)
    p.add_argument("--end", type=arg_types.offset, required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--title", default="")
    p.add_argument("--stance", choices=STANCES, default="context")
    p.add_argument("--note", default="", help="a remark about the source")

    p = sub.add_parser("claims", help="score sentences for check-worthiness")
    p.add_argument("--score-lines", action="store_true", required=True,
                   help="read one sentence per line on stdin, write one score in [0, 1] per line")

    p = sub.add_parser("open", help="open files or web addresses in the desktop window (the same as "
                                    "'glossator FILE...')")
    p.add_argument("files", nargs="*")
    p.add_argument("--smoke-test", action="store_true",
                   help="open the files (or the sample), wait for the analysis, then quit: exit 0 if it worked")

    p = sub.add_parser("demo", help="analyse and export the bundled sample article")
    p.add_argument("-o", "--output", help="where to write the Markdown (default: the user data folder)")

    db.add_parser(sub)
    entities.add_parsers(sub)
    search.add_parser(sub)
    return parser


def _gui_argv(argv: list[str]) -> list[str]:
    """``glossator`` and ``glossator FILE...`` mean the window: insert the ``open`` command."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--db":
            i += 2
            continue
        if token in OPEN_OPTIONS:
            return argv[:i] + ["open"] + argv[i:]
        if token.startswith("-"):
            return argv  # --help, --version, --db=PATH...: leave to argparse
        return argv if token in COMMANDS else argv[:i] + ["open"] + argv[i:]
    return argv + ["open"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script and of ``python -m glossator``."""
    multiprocessing.freeze_support()  # a bundled app's batch-import workers start through here
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(_gui_argv(argv))
    try:
        return _library_errors_explained(args)
    except GlossatorError as exc:
        print(f"glossator: error: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("glossator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``glossator list | head``); nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _library_errors_explained(args) -> int:
    """Run the command; a fault of the library file found mid-command becomes a GlossatorError."""
    try:
        return _dispatch(args)
    except Exception as exc:  # only the library's own failures are translated; bugs propagate
        failure = maintenance.library_failure(exc, resolve_db_path(args.db))
        if failure is None:
            raise
        if isinstance(failure, UnusableDatabaseError):
            failure = UnusableDatabaseError(f"{failure} 'glossator db check' says more; 'glossator db restore' "
                                            "puts back the newest backup (the file itself is kept aside).")
        raise failure from exc


def _dispatch(args) -> int:
    from glossator.cli import commands

    command = args.command
    if command == "open":
        return commands.open_window(args)
    if command == "text":
        return commands.text(args)
    if command == "claims":
        return commands.score_lines(args)
    if command == "db":
        return db.run(args)
    db.open_library(args.db)
    try:
        if command == "search":
            return search.search(args)
        handler = getattr(commands, {"analyse": "analyze", "import": "import_file"}.get(command, command))
        return handler(args)
    finally:
        maintenance.close_library()


if __name__ == "__main__":
    sys.exit(main())
