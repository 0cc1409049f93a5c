"""html: the same stages from HTML pages, against trafilatura's `extract` (text only) on the same pages.

Passes alternate with trafilatura's and are timed in CPU seconds of this process, as in the text section.
"""
from __future__ import annotations

from pipeline.bench.corpus import Corpus
from pipeline.bench.text import process_all
from pipeline.bench.timing import interleaved, median, progress, rate, ratio
from pipeline.records import RawItem

WARM_UP = 3


def page_text(raw: RawItem) -> str:
    """The page as text, decoded by the pipeline's rules before trafilatura's clock starts (its own guessing is slower)."""
    import json

    from pipeline.decode import declared_charset, decode

    text, _ = decode(raw.body, declared_charset(raw.headers, raw.content_type), html=raw.record is None)
    return json.loads(text)["html"] if raw.record is not None else text


def trafilatura_pass(pages: list[str]) -> int:
    import trafilatura

    return sum(1 for page in pages if trafilatura.extract(page, include_comments=False))


def run(corpus: Corpus, pages: int, times: int) -> tuple[dict, dict]:
    items = list(corpus.items(pages, "html"))
    if not items:
        raise ValueError("the corpus holds no HTML pages")
    texts = [page_text(raw) for raw in items]
    process_all(items[:WARM_UP])
    trafilatura_pass(texts[:WARM_UP])
    counts: list[tuple[int, int, int]] = []
    extracted: list[int] = []
    progress(f"html: {len(items)} pages and trafilatura on the same pages, interleaved x {times}")
    (our_cpu, our_wall), (their_cpu, their_wall) = interleaved(
        [lambda: counts.append(process_all(items)), lambda: extracted.append(trafilatura_pass(texts))], times)
    ours, theirs = median(our_cpu), median(their_cpu)
    pages_per_s = rate(len(items), ours)
    trafilatura_per_s = rate(len(items), theirs)
    section = {
        "pages": len(items),
        "pages_per_s": pages_per_s,
        "trafilatura_pages_per_s": trafilatura_per_s,
        "vs_trafilatura": ratio(pages_per_s, trafilatura_per_s),
    }
    sizes = sorted(len(raw.body) for raw in items)
    notes = {"seconds": ours, "trafilatura_seconds": theirs, "rejects": counts[-1][2],
             "trafilatura_extracted": extracted[-1], "page_kb_min": sizes[0] / 1000, "page_kb_max": sizes[-1] / 1000,
             "page_kb_median": sizes[len(sizes) // 2] / 1000, "statements": counts[-1][1],
             "timing": "CPU seconds (time.process_time), passes interleaved with trafilatura's",
             "cpu_runs": our_cpu, "wall_runs": our_wall, "trafilatura_cpu_runs": their_cpu,
             "trafilatura_wall_runs": their_wall}
    return section, notes
