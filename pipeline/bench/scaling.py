"""scaling and memory: fresh subprocesses streaming 1k, 10k (and 100k) items; seconds and peak RSS of each.

memory's figures are the peak RSS of the processing loop in each child (the high-water mark reset after imports
and warm-up, see pipeline.bench.child); the notes add the RSS the loop started from and the increment over it.
"""
from __future__ import annotations

import json
import subprocess
import sys

from pipeline.bench.corpus import Corpus
from pipeline.bench.timing import progress, ratio


class Children:
    """Runs pipeline.bench.child once per size and remembers the result (memory reuses scaling's runs)."""

    def __init__(self, corpus: Corpus, batch: int) -> None:
        self.corpus, self.batch = corpus, batch
        self.results: dict[int, dict] = {}

    def __call__(self, size: int) -> dict:
        if size not in self.results:
            progress(f"fresh process: {size} items")
            args = [sys.executable, "-m", "pipeline.bench.child", "--size", str(size), "--seed", str(self.corpus.seed),
                    "--html-share", str(self.corpus.html_share), "--batch", str(self.batch)]
            if self.corpus.path:
                args += ["--corpus", str(self.corpus.path)]
            done = subprocess.run(args, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise RuntimeError(f"child for {size} items failed ({done.returncode}): {done.stderr[-2000:]}")
            self.results[size] = json.loads(done.stdout.strip().splitlines()[-1])
        return self.results[size]


def scaling(children: Children, sizes: list[int]) -> tuple[dict, dict]:
    runs = [children(size) for size in sizes]
    seconds = [r["seconds"] for r in runs]
    per_item = [s / size for s, size in zip(seconds, sizes)]
    notes = {"ms_per_article": [p * 1000 for p in per_item], "linearity": ratio(per_item[-1], per_item[0]),
             "timing": "CPU seconds of each child's processing loop (time.process_time)",
             "wall_seconds": [r.get("wall_seconds") for r in runs], "rejects": [r["rejects"] for r in runs]}
    return {"sizes": sizes, "seconds": seconds}, notes


def memory(children: Children, n: int) -> tuple[dict, dict]:
    small, large = children(n), children(10 * n)
    section = {"rss_mb_small": small["rss_mb"], "rss_mb_large": large["rss_mb"],
               "growth": ratio(large["rss_mb"], small["rss_mb"])}
    return section, {"articles_small": n, "articles_large": 10 * n, "method": small.get("peak_method"),
                     "rss_start_mb_small": small.get("rss_start_mb"), "rss_start_mb_large": large.get("rss_start_mb"),
                     "increment_mb_small": _minus(small["rss_mb"], small.get("rss_start_mb")),
                     "increment_mb_large": _minus(large["rss_mb"], large.get("rss_start_mb")),
                     "rss_end_mb_small": small.get("rss_end_mb"), "rss_end_mb_large": large.get("rss_end_mb"),
                     "process_peak_mb_small": small.get("process_peak_mb"),
                     "process_peak_mb_large": large.get("process_peak_mb")}


def _minus(a: float | None, b: float | None) -> float | None:
    return a - b if a is not None and b is not None else None
