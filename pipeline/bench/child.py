"""One fresh process for memory and scaling: stream N items through the processing path, report time and peak RSS.

    python -m pipeline.bench.child --size N [--seed S --html-share X | --corpus FILE] [--batch B]

Items are generated one at a time and results are held one batch at a time, as the runner holds them, so a
path that streams keeps a flat peak RSS however many items pass. Prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

WARM_UP_START = 2_000_000  # generator indices never measured


def measure(size: int, corpus, batch: int) -> dict:
    from pipeline.bench.timing import peak_rss_mb
    from pipeline.process import process
    from pipeline.records import Rejected

    for raw in corpus.items(3, "mixed", start=WARM_UP_START):  # imports and compiled patterns, untimed
        try:
            process(raw)
        except Rejected:
            pass
    seconds, articles, statements, rejects, held = 0.0, 0, 0, 0, []
    for raw in corpus.items(size, "mixed"):
        started = time.perf_counter()
        try:
            article = process(raw)
        except Rejected:
            rejects += 1
        else:
            held.append(article)
            articles += 1
            statements += len(article.statements)
        seconds += time.perf_counter() - started
        if len(held) >= batch:
            held.clear()
    return {"size": size, "seconds": seconds, "articles": articles, "statements": statements, "rejects": rejects,
            "rss_mb": peak_rss_mb(), "rss_end_mb": current_rss_mb()}


def current_rss_mb() -> float | None:
    """Resident set size now (Linux), beside the peak: shows growth that stays under an early peak."""
    try:
        import os

        pages = int(open("/proc/self/statm").read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return None


def main(argv: list[str] | None = None) -> int:
    from pipeline.bench.corpus import DEFAULT_HTML_SHARE, DEFAULT_SEED, Corpus

    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--html-share", type=float, default=DEFAULT_HTML_SHARE)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args(argv)
    corpus = Corpus(seed=args.seed, html_share=args.html_share, path=args.corpus)
    print(json.dumps(measure(args.size, corpus, args.batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
