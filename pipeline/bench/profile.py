"""Where the text stage spends its time: one profiled pass over the text items, top functions with their share."""
from __future__ import annotations

import cProfile
import io
import pstats

from pipeline.bench.corpus import Corpus
from pipeline.bench.text import process_all


def _short(path: str) -> str:
    for marker in ("/pipeline/", "/site-packages/", "/lib/python"):
        if marker in path:
            return path.split(marker, 1)[1] if marker != "/pipeline/" else "pipeline/" + path.split(marker, 1)[1]
    return path


def text_profile(corpus: Corpus, articles: int, top: int = 20) -> str:
    """cProfile of one pass (after a warm-up pass): self time and, for pipeline functions, inclusive time."""
    items = list(corpus.items(articles, "text"))
    process_all(items)
    profiler = cProfile.Profile()
    profiler.enable()
    process_all(items)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = sum(tt for (_, _, tt, _, _) in stats.stats.values())  # type: ignore[attr-defined]
    entries = [((_short(f), line, name), cc, nc, tt, ct) for (f, line, name), (cc, nc, tt, ct, _)
               in stats.stats.items()]  # type: ignore[attr-defined]
    out = [f"text stage profile: {len(items)} articles, {total:.2f} s profiled (cProfile; shares of that time)",
           "", "by self time:"]
    for (f, line, name), _, calls, tt, _ in sorted(entries, key=lambda e: -e[3])[:top]:
        out.append(f"  {tt / total:6.1%}  {tt:7.3f} s  {calls:>9}  {f}:{line} {name}")
    out += ["", "pipeline functions by inclusive time:"]
    ours = [e for e in entries if e[0][0].startswith("pipeline/") and not e[0][0].startswith("pipeline/bench/")]
    for (f, line, name), _, calls, _, ct in sorted(ours, key=lambda e: -e[4])[:top]:
        out.append(f"  {ct / total:6.1%}  {ct:7.3f} s  {calls:>9}  {f}:{line} {name}")
    return "\n".join(out)
