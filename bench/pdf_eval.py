"""How well PDFs are read: word shingle F1 against the known text, Glossator next to pdfminer.six
and pypdf on the same files.

    python bench/pdf_eval.py [--shingle 4] [--show] [--long N]

The PDFs are made here (tests/pdf_documents.py, reportlab) from texts in the repository, in
layouts a reader meets: one column with page numbers; two columns under a title with running
heads and hyphenated line ends; indented paragraphs with footnotes; three narrow columns. The
truth is each document's text without its running heads and page numbers, with hyphenated
words whole. Needs the test extra (reportlab) and, for the comparison, pdfminer.six and pypdf
(``pip install pdfminer.six pypdf``); a missing one is left out of the table.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossator.core.readers.pdf import parse_pdf  # noqa: E402
from glossator.core.readers.text_reader import canonical_paragraphs  # noqa: E402
from tests.pdf_documents import Document, Layout, make_pdf  # noqa: E402

TEXTS = {
    "news": ROOT / "resources" / "samples" / "deepseek-r1-news.txt",
    "novel": ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt",
    "letters": ROOT / "tests" / "core" / "readers" / "data" / "gutenberg_frankenstein_excerpt.txt",
}
LAYOUTS = {
    "1 column": Layout(),
    "2 columns, heads, hyphens": Layout(columns=2, running_head="Glossator test corpus — reading order",
                                        hyphenate=True),
    "indented, hyphens, footnotes": Layout(indent=14, hyphenate=True, running_head="A report"),
    "3 columns, 9 pt": Layout(columns=3, body_size=9, leading=11, gutter=12, hyphenate=True),
}
_HEADING = re.compile(r"^(chapter|letter|part|book)\b.{0,40}$", re.IGNORECASE)


def document(name: str, path: Path, max_words: int = 2600) -> Document:
    paragraphs = [p for p in canonical_paragraphs(path.read_text(encoding="utf-8")) if p.strip()]
    paragraphs = [_printable(" ".join(p.split())) for p in paragraphs]
    title, body = paragraphs[0][:80], paragraphs[1:]
    blocks, words = [], 0
    for text in body:
        if words > max_words:
            break
        kind = "heading" if _HEADING.match(text) or (len(text) < 60 and not text.endswith((".", "?", "!", '"'))) \
            else "paragraph"
        blocks.append((kind, text))
        words += len(text.split())
    notes = ["Reset from the repository's copy of the text for this measurement.",
             f"The {name} text; figures in it are the source's, not checked here."]
    return Document(title=title, blocks=blocks, footnotes=notes, author="Glossator bench")


def _printable(text: str) -> str:
    """Only what the standard PDF fonts can show (their WinAnsi encoding)."""
    return text.encode("cp1252", "replace").decode("cp1252").replace("?", "?")


def shingles(text: str, n: int) -> Counter[tuple[str, ...]]:
    words = text.split()
    return Counter(tuple(words[i:i + n]) for i in range(max(len(words) - n + 1, 0)))


def f1(got: str, truth: str, n: int) -> float:
    a, b = shingles(got, n), shingles(truth, n)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def glossator_text(data: bytes) -> str:
    return parse_pdf(data, label="bench").text


def pdfminer_text(data: bytes) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def extractors() -> dict:
    found = {"Glossator (pypdfium2)": glossator_text}
    for name, fn, module in (("pdfminer.six", pdfminer_text, "pdfminer"), ("pypdf", pypdf_text, "pypdf")):
        try:
            __import__(module)
        except ImportError:
            print(f"({name} is not installed; left out)")
            continue
        found[name] = fn
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shingle", type=int, default=4, help="words per shingle (default 4)")
    parser.add_argument("--show", action="store_true", help="print Glossator's text of each file")
    parser.add_argument("--long", type=int, default=0, metavar="N",
                        help="also time one long PDF: the novel's text N times over, two columns")
    args = parser.parse_args()
    tools = extractors()
    scores: dict[str, list[float]] = {name: [] for name in tools}
    seconds: dict[str, float] = dict.fromkeys(tools, 0.0)
    header = f"{'document':<40}" + "".join(f"{name:>24}" for name in tools)
    print(header)
    print("-" * len(header))
    for text_name, path in TEXTS.items():
        doc = document(text_name, path)
        for layout_name, layout in LAYOUTS.items():
            made = make_pdf(doc, layout)
            truth = "\n\n".join(made.truth)
            row = f"{text_name + ', ' + layout_name + f' ({made.pages} p.)':<40}"
            for name, fn in tools.items():
                started = time.perf_counter()
                got = fn(made.data)
                seconds[name] += time.perf_counter() - started
                score = f1(got, truth, args.shingle)
                scores[name].append(score)
                row += f"{score:>24.3f}"
                if args.show and name.startswith("Glossator"):
                    print(got)
            print(row)
    print("-" * len(header))
    print(f"{'mean shingle F1':<40}" + "".join(f"{sum(v) / len(v):>24.3f}" for v in scores.values()))
    print(f"{'lowest':<40}" + "".join(f"{min(v):>24.3f}" for v in scores.values()))
    print(f"{'seconds, all files':<40}" + "".join(f"{seconds[name]:>24.2f}" for name in tools))
    if args.long:
        doc = document("novel", TEXTS["novel"], max_words=10 ** 9)
        doc.blocks = doc.blocks * args.long
        made = make_pdf(doc, LAYOUTS["2 columns, heads, hyphens"])
        row = f"{f'pages/s, one {made.pages}-page PDF':<40}"
        for fn in tools.values():
            started = time.perf_counter()
            fn(made.data)
            row += f"{made.pages / (time.perf_counter() - started):>24.1f}"
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
