"""How much Glossator's analysis costs on top of spaCy: words per second, raw and full.

    python bench/analysis_speed.py [TEXT_FILE] [--words N] [--repeat R]

Raw is ``nlp.pipe`` of the same spaCy model over the same chunks; full is Glossator's
analysis (paragraph breaks, claims, entity post-processing). The ratio full/raw is the
figure to compare between machines, since both runs share the machine's noise. The analysis
is also timed with the linear claim scorer alone (no encoder), which is what the claim
encoder costs.
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from glossator.core.nlp.analysis import analyze_text
from glossator.core.nlp.chunks import chunk_text
from glossator.core.nlp.claim_score import ClaimScorer
from glossator.core.nlp.model import choose_model, load_model
from glossator.core.readers import read_article

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (
    ROOT.parent / "shared" / "data" / "gutenberg" / "pg2701.txt",
    ROOT / "tests" / "data" / "pride-and-prejudice-excerpt.txt",
)


def _default_text() -> Path:
    return next(path for path in CANDIDATES if path.exists())


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=None)
    parser.add_argument("--words", type=int, default=0, help="use only the first N words (0: all)")
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs each")
    args = parser.parse_args()

    path = args.file or _default_text()
    text = read_article(path, max_bytes=50_000_000).text
    if args.words:
        text = " ".join(text.split(" ")[: args.words])
    words = len(text.split())

    package = choose_model()
    raw_nlp = importlib.import_module(package).load()
    full_nlp = load_model(package)
    pieces = [piece for _, piece in chunk_text(text)]

    # One short run of each first, so that loading models and tables is not timed.
    list(raw_nlp.pipe(pieces[:1], batch_size=4))
    analyze_text(pieces[0], full_nlp)
    raw = min(_timed(lambda: list(raw_nlp.pipe(pieces, batch_size=4))) for _ in range(args.repeat))
    result = None

    def full_run():
        nonlocal result
        result = analyze_text(text, full_nlp)

    full = min(_timed(full_run) for _ in range(args.repeat))
    component = full_nlp.get_pipe("glossator_claims")
    which = component.scorer.which
    with component.scoring_with(ClaimScorer.for_meta(full_nlp.meta, use_transformer=False)):
        linear = min(_timed(lambda: analyze_text(text, full_nlp)) for _ in range(args.repeat))
    print(f"text          {path.name}: {words:,} words, {len(text):,} characters, {len(pieces)} chunks")
    print(f"model         {package}")
    print(f"raw spaCy     {raw:8.1f} s  {words / raw:10,.0f} words/s")
    print(f"glossator     {full:8.1f} s  {words / full:10,.0f} words/s  "
          f"({len(result.entities):,} entities, {len(result.claims):,} claims)")
    print(f"linear only   {linear:8.1f} s  {words / linear:10,.0f} words/s")
    print(f"ratio         {full / raw:.2f}x the time of raw spaCy (speed {raw / full:.0%} of raw)")
    kind = result.genre.kind if result.genre else "unknown"
    if kind == "fiction":
        # Both runs took the same path, so their difference is the machine's noise.
        print(f"encoder cost  none: read as fiction, so the encoder is not run (the two runs differ by "
              f"{abs(full / linear - 1):.0%}, which is this machine's noise)")
    else:
        print(f"encoder cost  {full / linear:.2f}x the time with the linear scorer alone "
              f"(read as {kind}; claims scored by: {which})")


if __name__ == "__main__":
    main()
