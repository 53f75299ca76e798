"""``glossator import DIR|FILES... [--jobs N]``: a batch import with a progress bar and a summary.

The bar (tqdm, on stderr) names the file just stored and the time left. A file that cannot be
read is reported on its own line and skipped. Ctrl+C stops: what was stored stays.
"""

from __future__ import annotations

import os
import sys

from tqdm import tqdm

from glossator.cli import output
from glossator.core.batch_import import BatchItem, collect, default_jobs, import_many
from glossator.core.errors import GlossatorError


def run(refs: list[str], *, jobs: int | None, analyse: bool) -> int:
    """Import ``refs``; exit code 0 when every file was imported, 1 when some could not be."""
    paths, other = collect(refs)
    for ref in other:
        print(f"glossator: skipped '{output.clean(ref)}': not a folder or a file Glossator reads", file=sys.stderr)
    if not paths:
        raise GlossatorError("no files to import (Glossator reads .txt, .md, .html, .epub and .pdf)")
    jobs = min(jobs or default_jobs(), len(paths))
    bar = tqdm(total=len(paths), unit="file", file=sys.stderr, dynamic_ncols=True,
               disable=None if sys.stderr.isatty() else True)

    def stored(item: BatchItem) -> None:
        bar.set_postfix_str(os.path.basename(item.path)[-40:], refresh=False)
        bar.update(1)
        if item.status == "failed":
            bar.write(f"glossator: skipped: {output.clean(item.message)}", file=sys.stderr)

    print(f"Importing {len(paths)} files with {jobs} process{'es' if jobs != 1 else ''}…", file=sys.stderr)
    try:
        report = import_many(paths, jobs=jobs, analyse=analyse, on_item=stored)
    finally:
        bar.close()
    for item in report.items:
        if item.status != "failed":
            counts = f" ({item.entities} entity mentions, {item.claims} claims)" if analyse else ""
            mark = "" if item.status == "imported" else " (already in the library)"
            print(f"Article {item.article_id}: {output.clean(item.title)}{mark}{counts}")
    print(report.summary() + ("; Ctrl+C stopped the import" if report.stopped else ""))
    failed = report.count("failed") or report.stopped or bool(other)
    return 1 if failed else 0
