"""html: the same stages from HTML pages, against trafilatura's `extract` (text only) on the same pages."""
from __future__ import annotations

from pipeline.bench.corpus import Corpus
from pipeline.bench.text import process_all
from pipeline.bench.timing import median, progress, rate, ratio, repeat
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
    counts: list[tuple[int, int, int]] = []
    progress(f"html: {len(items)} pages x {times}")
    ours = median(repeat(lambda: counts.append(process_all(items)), times))
    trafilatura_pass(texts[:WARM_UP])
    extracted: list[int] = []
    progress(f"html: trafilatura on the same {len(items)} pages x {times}")
    theirs = median(repeat(lambda: extracted.append(trafilatura_pass(texts)), times))
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
             "page_kb_median": sizes[len(sizes) // 2] / 1000, "statements": counts[-1][1]}
    return section, notes
