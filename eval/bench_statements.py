"""Throughput of segment and segment+attribute on a JSON Lines corpus (extract+clean done once, untimed).

    PYTHONPATH=. python eval/bench_statements.py ../shared/data/saudinewsnet-dev.jsonl [--repeat 5] [--profile]

Prints articles/s for segment alone and for segment+attribute, best of `--repeat` passes, CPU time of this process (the machine may be shared).
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline import sources
from pipeline.attribute import attribute
from pipeline.clean import clean
from pipeline.extract import extract
from pipeline.records import RawItem, Rejected
from pipeline.segment import segment


def articles(path: Path) -> list:
    out = []
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        source = sources.resolve(str(record.get("source") or "inbox"))
        raw = RawItem(source=source, body=line, external_id=f"{path.name}#{number}", path=str(path), record=number)
        try:
            out.append(clean(extract(raw), source))
        except Rejected:
            continue
    return out


def passes(docs: list, with_attribution: bool, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for a in docs:
            statements = segment(a.body, a.blocks)
            if with_attribution:
                attribute(a, statements)
        best = min(best, time.process_time() - started)
    return len(docs) / best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="cProfile one segment+attribute pass instead")
    args = parser.parse_args()
    docs = articles(args.path)
    passes(docs, True, 1)  # warm the rule and token caches
    if args.profile:
        import cProfile
        import pstats
        profiler = cProfile.Profile()
        profiler.enable()
        passes(docs, True, 1)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return
    seg = passes(docs, False, args.repeat)
    both = passes(docs, True, args.repeat)
    print(f"{len(docs)} articles: segment {seg:.0f} articles/s, segment+attribute {both:.0f} articles/s")


if __name__ == "__main__":
    main()
