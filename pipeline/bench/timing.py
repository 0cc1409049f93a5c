"""Medians of repeated runs and peak memory: the machine is shared and noisy, so no figure rests on one run."""
from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable


def median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def repeat(fn: Callable[[], object], times: int) -> list[float]:
    """Wall-clock seconds of `times` calls of fn."""
    seconds = []
    for _ in range(max(1, times)):
        started = time.perf_counter()
        fn()
        seconds.append(time.perf_counter() - started)
    return seconds


def interleaved(fns: list[Callable[[], object]], times: int) -> list[tuple[list[float], list[float]]]:
    """Run each fn `times` times round-robin (ours, the reference, ours, …) so drift on a shared machine hits all alike.

    Returns per fn (CPU seconds of this process, wall seconds) of every run. CPU time (time.process_time) is what
    one core spent on the work, whatever else the machine ran meanwhile; wall time is kept beside it.
    """
    out: list[tuple[list[float], list[float]]] = [([], []) for _ in fns]
    for _ in range(max(1, times)):
        for fn, (cpu, wall) in zip(fns, out):
            c, w = time.process_time(), time.perf_counter()
            fn()
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
    return out


def rate(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("nan")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def peak_rss_mb() -> float:
    """Peak resident set size of this process (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def progress(message: str) -> None:
    print(f"  · {message}", file=sys.stderr, flush=True)
