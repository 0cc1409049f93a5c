"""One fresh process for memory and scaling: stream N items through the processing path, report time and peak RSS.

    python -m pipeline.bench.child --size N [--seed S --html-share X | --corpus FILE] [--batch B]

Time is this process's CPU seconds spent in `process` (wall seconds beside it): scaling asks how the code's cost grows
with the input, and on a shared machine one wall-clock run per size measures the neighbours as much as the code.
Items are generated one at a time and results are held one batch at a time, as the runner holds them, so a
path that streams keeps a flat peak RSS however many items pass. Prints one JSON line.

Peak RSS is that of the processing loop alone: imports, harvesting the fixtures and the warm-up peak higher than
processing ever does, so after them the kernel's high-water mark is reset (`/proc/self/clear_refs`, Linux) and read
back (`VmHWM`) when the loop ends. Where the reset is not allowed, ru_maxrss of the whole process is reported and
`peak_method` says so.
"""
from __future__ import annotations

import argparse
import gc
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
    gc.collect()
    start_mb = current_rss_mb()
    method = "VmHWM of the processing loop" if reset_peak() else "ru_maxrss of the whole process"
    seconds, wall, articles, statements, rejects, held = 0.0, 0.0, 0, 0, 0, []
    for raw in corpus.items(size, "mixed"):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            article = process(raw)
        except Rejected:
            rejects += 1
        else:
            held.append(article)
            articles += 1
            statements += len(article.statements)
        seconds += time.process_time() - cpu
        wall += time.perf_counter() - started
        if len(held) >= batch:
            held.clear()
    peak = loop_peak_mb() if method.startswith("VmHWM") else None
    return {"size": size, "seconds": seconds, "wall_seconds": wall, "articles": articles, "statements": statements, "rejects": rejects,
            "rss_mb": peak if peak is not None else peak_rss_mb(), "rss_start_mb": start_mb,
            "rss_end_mb": current_rss_mb(), "process_peak_mb": peak_rss_mb(), "peak_method": method}


def reset_peak() -> bool:
    """Reset this process's peak RSS to its current RSS (Linux ≥ 4.0); False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return loop_peak_mb() is not None
    except OSError:
        return False


def loop_peak_mb() -> float | None:
    """Peak RSS since the last reset (`VmHWM` in /proc/self/status), MB."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


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
