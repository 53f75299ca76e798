"""What each ``glossator`` command does, over the core services."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from glossator.cli import batch, output
from glossator.core.errors import GlossatorError
from glossator.core.formats.file_names import file_name_for
from glossator.core.paths import user_data_dir
from glossator.core.readers import PasswordNeeded, read_article
from glossator.core.readers.web_address import looks_like_address, read_address
from glossator.core.readers.web_fetch import check_address
from glossator.core.resources import sample_article
from glossator.core.services import annotating, articles, exports, maintenance

STDIN = "-"  # as a FILE argument: read the article from standard input
PDF_PASSWORD_ENV = "GLOSSATOR_PDF_PASSWORD"  # an encrypted PDF's password, for scripts


def _article_id(ref: str) -> int:
    return articles.find_article(ref).id


def _summary(row, outcome, min_score: float) -> str:
    records = annotating.annotation_records(row.id)
    how = "analysed with" if outcome.ran else "already analysed with"
    lines = [
        f"Article {row.id}: {output.clean(row.title or '(untitled)')}",
        f"  {len(row.text):,} characters, {how} {outcome.model.name} {outcome.model.version}",
        f"  {outcome.entities} entity mentions, {outcome.claims} claims "
        f"({sum(1 for r in records if r.kind == 'claim' and (r.score or 0) >= min_score)} "
        f"scoring {min_score:.2f} or more)",
        "",
        "Entities",
        output.entity_summary(records) or "  (none)",
        "",
        f"Claims (score >= {min_score:.2f})",
        output.claims_table(records, min_score) or "  (none)",
    ]
    return "\n".join(lines)


def _import(ref: str, input_format: str | None, fetch_again: bool = False) -> articles.Imported:
    """Import a file, a web address, or standard input for ``-``; ``input_format`` only applies
    to the last."""
    if looks_like_address(ref):
        if input_format:
            raise GlossatorError(f"the input format ({input_format}) is for standard input ('-'); "
                                 "a page is read by the type its server gives")
        return _import_address(ref, fetch_again)
    if ref == STDIN:
        if sys.stdin is None:
            raise GlossatorError("there is no standard input to read")
        return articles.import_stdin(sys.stdin.buffer, format=input_format).value
    if input_format:
        raise GlossatorError(f"the input format ({input_format}) is for standard input ('-'); "
                             "a file is read by its suffix")
    return _import_file(ref)


def _import_file(path: str) -> articles.Imported:
    """Import a file; an encrypted PDF takes its password from GLOSSATOR_PDF_PASSWORD, else
    asks for it at a terminal (three tries)."""
    password = os.environ.get(PDF_PASSWORD_ENV) or None
    for _ in range(3):
        try:
            return articles.import_file(path, password=password).value
        except PasswordNeeded as exc:
            if sys.stdin is None or not sys.stdin.isatty():
                raise GlossatorError(f"{exc}; give it in {PDF_PASSWORD_ENV}, or run at a terminal to be asked"
                                     ) from None
            if exc.wrong:
                print("That password is wrong.", file=sys.stderr)
            password = getpass.getpass(f"Password for {Path(path).name}: ") or None
            if password is None:
                raise GlossatorError(f"{exc}; no password was given") from None
    raise GlossatorError(f"cannot open '{path}': the password is wrong (three tries)")


def _import_address(url: str, fetch_again: bool) -> articles.Imported:
    """Fetch a page, unless it is in the library already and the reader keeps that copy."""
    url = check_address(url)
    stored = articles.article_for_address(url)
    if stored is not None and not fetch_again and not _confirm_fetch_again(stored):
        return articles.Imported(stored, False, True, 0, 0, 0, 0, 0, [], "")
    print(f"Fetching {output.clean(url)}…", file=sys.stderr)
    return articles.import_address(url).value


def _confirm_fetch_again(stored) -> bool:
    """Ask at a terminal whether to fetch an address again; elsewhere keep the stored copy."""
    when = stored.article.metadata.get("fetched_at", "") or (
        f"{stored.imported_at:%Y-%m-%d %H:%M}" if stored.imported_at else "earlier")
    said = f"{output.clean(stored.source_url or stored.article.source_path)} is article {stored.id}, fetched {when}."
    if sys.stdin is None or not sys.stdin.isatty():
        print(f"{said} Using that copy (--fetch-again fetches the page anew).", file=sys.stderr)
        return False
    try:
        answer = input(f"{said} Fetch it again? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def analyze(args) -> int:
    row = _import(args.file, args.input_format, args.fetch_again).article
    outcome = articles.analyse(row.id, force=args.force)
    print(_summary(row, outcome, args.min_score))
    return 0


def import_file(args) -> int:
    """``glossator import FILE...``: store a file (an export's annotations come back with it),
    or a batch of files and folders on every core."""
    refs = [*args.file]
    if len(refs) > 1 or Path(refs[0]).is_dir():
        if any(ref == STDIN or looks_like_address(ref) for ref in refs):
            raise GlossatorError("standard input ('-') and web addresses are imported one at a time, "
                                 "not in a batch with files or folders")
        return batch.run(refs, jobs=args.jobs, analyse=not args.no_analyse)
    report = _import(refs[0], args.input_format, args.fetch_again)
    row = report.article
    print(f"Article {row.id}: {output.clean(row.title or '(untitled)')}")
    if report.from_export:
        print(f"  {report.notes} notes, {report.sources} sources, {report.statuses} claim statuses, "
              f"{report.highlights} highlights, {report.tags} tags restored"
              + (" (added to the article already in the library)" if report.merged else ""))
    for warning in report.warnings:
        print(f"  warning: {output.clean(warning)}")
    if not args.no_analyse:
        outcome = articles.analyse(row.id)
        print(f"  {outcome.entities} entity mentions, {outcome.claims} claims")
    return 0


def export(args) -> int:
    fmt = args.fmt or _format_for(args.output)
    if args.article == STDIN or args.input_format or looks_like_address(args.article):
        row = _import(args.article, args.input_format, args.fetch_again).article
        articles.analyse(row.id)
    else:
        row = articles.resolve_article(args.article)
    options: dict[str, object]
    if fmt == "jsonld":
        options = {"include_entities": args.entities in ("inline", "index")}
    else:
        options = {"entities": args.entities or "inline"}
    output = args.output or file_name_for(row.title or "", exports.EXPORT_FORMATS[fmt])
    written = exports.export_article(row.id, output, fmt=fmt, min_claim_score=args.min_score, **options)
    print(written)
    return 0


def _format_for(output: str | None) -> str:
    """The export format an output file's name asks for: JSON-LD for .jsonld and .json, else Markdown."""
    suffix = Path(output).suffix.lower() if output else ""
    return "jsonld" if suffix in (".jsonld", ".json") else "md"


def list(args) -> int:  # noqa: A001 - the command is called "list"
    summaries = articles.list_articles()
    if not summaries:
        print("The library is empty. Add an article with: glossator analyze FILE")
        return 0
    width = output.TITLE_WIDTH
    rows = [[str(s.id), output.shorten(s.title or "(untitled)", width), output.shorten(s.source, width),
             s.published or "-", str(s.claims),
             str(s.entities), str(s.notes), str(s.sources)] for s in summaries]
    print(output.table(["id", "title", "source", "published", "claims", "entities", "notes", "sources"], rows,
                       flexible=1))
    return 0


def text(args) -> int:
    if looks_like_address(args.file):
        article = read_address(args.file)
    else:
        article = read_article(args.file, password=os.environ.get(PDF_PASSWORD_ENV) or None)
    sys.stdout.write(article.text + "\n")
    return 0


def show(args) -> int:
    row = articles.find_article(args.article)
    records = annotating.annotation_records(row.id)
    fields = [("title", row.title), ("author", row.author), ("published", row.published),
              ("source", row.source_url or row.source_path), ("format", row.format),
              ("characters", f"{len(row.text):,}"), ("text hash", row.text_hash[:16])]
    print(f"Article {row.id}")
    for name, value in fields:
        if value:
            print(f"  {name:<11} {output.clean(value)}")
    notes = annotating.article_notes(row.id)
    if notes:
        print("\nArticle notes")
        for note in notes:
            print(f"  - {output.shorten(note.body, 100)}")
    print("\nEntities")
    print(output.entity_summary(records) or "  (none)")
    print("\nClaims")
    print(output.claims_table(records) or "  (none)")
    annotated = output.annotations_table(records)
    if annotated:
        print("\nAnnotations with your notes, sources and tags")
        print(annotated)
    return 0


def note(args) -> int:
    added = annotating.add_note(_article_id(args.article), args.start, args.end, args.text).value
    print(f"note {added.id} added to annotation {added.annotation_id}")
    return 0


def source(args) -> int:
    added = annotating.add_source(_article_id(args.article), args.start, args.end, args.url,
                                   title=args.title, stance=args.stance, note=args.note).value
    print(f"source {added.id} added to annotation {added.annotation_id}")
    return 0


SCORER_NAMES = {"transformer": "transformer (the claim encoder combined with the linear model)",
                "linear": "linear (the linear model alone; the claim encoder is not installed)"}


def score_lines(args) -> int:
    from glossator.core.nlp.claim_score import ClaimScorer
    from glossator.core.nlp.claims_component import score_lines as score
    from glossator.core.nlp.model import load_model

    lines = [line.strip() for line in sys.stdin]
    nlp = load_model()
    scorer = ClaimScorer.for_pipeline(nlp)
    for value in score(nlp, lines, scorer):
        sys.stdout.write(f"{value:.3f}\n")
    sys.stdout.flush()
    # On stderr, so that stdout stays one score per line.
    sys.stderr.write(f"scored by: {SCORER_NAMES[scorer.which]}\n")
    return 0


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _analyse_and_export(path, output: Path | None = None) -> None:
    """Import, analyse and export one file or page; print the summary and where the file went."""
    row = _import(str(path), None).article
    outcome = articles.analyse(row.id)
    if output is None:
        stem = file_name_for(row.title or "", "") if looks_like_address(str(path)) else Path(path).stem
        output = user_data_dir() / "exports" / f"{stem or 'article'}.md"
        output.parent.mkdir(parents=True, exist_ok=True)
    written = exports.export_article(row.id, output)
    print(_summary(row, outcome, 0.5))
    print(f"\nAnnotated Markdown written to {written}")


def open_window(args) -> int:
    """The desktop window; without a screen, the headless export of the files instead."""
    if not _has_display():
        print("glossator: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
              "running the headless export instead.", file=sys.stderr)
        maintenance.open_library(args.db)
        try:
            for path in args.files or [str(sample_article())]:
                _analyse_and_export(path)
        finally:
            maintenance.close_library()
        return 0
    from glossator.platform_check import check_display

    check_display()  # before Qt loads its X11 plugin, which aborts the process when libraries are missing
    from glossator.ui.app import run

    return run(args.files, args.db, smoke_test=getattr(args, "smoke_test", False))


def demo(args) -> int:
    _analyse_and_export(sample_article(), Path(args.output) if args.output else None)
    return 0


def entities(args) -> int:
    from glossator.cli.entities import entities as list_entities

    return list_entities(args)


def rules(args) -> int:
    from glossator.cli.entities import rules as entity_rules

    return entity_rules(args)
