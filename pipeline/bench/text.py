"""text: extract + clean + segment + attribute on plain-text items in one process, against pysbd on the same bodies.

Our passes and pysbd's alternate and are timed in CPU seconds of this process: on a shared machine the wall clock
of two back-to-back blocks measures the neighbours as much as the code.
"""
from __future__ import annotations

import json

from pipeline.bench.corpus import Corpus
from pipeline.bench.timing import interleaved, median, progress, rate, ratio
from pipeline.records import Article, RawItem, Rejected

WARM_UP = 20


def plain_text(raw: RawItem) -> str:
    """The text a sentence splitter gets for an item: the decoded file, or a JSON record's `content`."""
    from pipeline.decode import declared_charset, decode

    text, _ = decode(raw.body, declared_charset(raw.headers, raw.content_type))
    if raw.record is not None:
        record = json.loads(text)
        return str(record.get("content") or record.get("text") or "")
    return text


def process_all(items: list[RawItem], keep: list[Article] | None = None) -> tuple[int, int, int]:
    """Run the pipeline's per-item path on every item: (articles, statements, rejects)."""
    from pipeline.process import process

    articles = statements = rejects = 0
    for raw in items:
        try:
            article = process(raw)
        except Rejected:
            rejects += 1
            continue
        articles += 1
        statements += len(article.statements)
        if keep is not None:
            keep.append(article)
    return articles, statements, rejects


def pysbd_sentences(texts: list[str]) -> int:
    import pysbd

    segmenter = pysbd.Segmenter(language="ar", clean=False)
    return sum(len(segmenter.segment(t)) for t in texts)


def run(corpus: Corpus, articles: int, times: int, keep: list[Article] | None = None) -> tuple[dict, dict]:
    """The text section and its notes; `keep` receives the articles of the last pass (for the load section)."""
    items = list(corpus.items(articles, "text"))
    if not items:
        raise ValueError("the corpus holds no plain-text items")
    texts = [plain_text(raw) for raw in items]
    process_all(items[:WARM_UP])
    counts: list[tuple[int, int, int]] = []

    def one_pass() -> None:
        last = len(counts) == times - 1
        if last and keep is not None:
            keep.clear()
        counts.append(process_all(items, keep if last else None))

    pysbd_sentences(texts[:WARM_UP])
    sentences: list[int] = []
    progress(f"text: {len(items)} articles and pysbd on the same bodies, interleaved x {times}")
    (our_cpu, our_wall), (their_cpu, their_wall) = interleaved(
        [one_pass, lambda: sentences.append(pysbd_sentences(texts))], times)
    ours, theirs = median(our_cpu), median(their_cpu)
    done, statements, rejects = counts[-1]
    statements_per_s = rate(statements, ours)
    pysbd_per_s = rate(sentences[-1], theirs)
    section = {
        "articles": len(items),
        "articles_per_s": rate(len(items), ours),
        "statements_per_s": statements_per_s,
        "statements_per_article": statements / done if done else 0.0,
        "pysbd_statements_per_s": pysbd_per_s,
        "vs_pysbd": ratio(statements_per_s, pysbd_per_s),
    }
    notes = {"seconds": ours, "rejects": rejects, "pysbd_seconds": theirs, "pysbd_sentences": sentences[-1],
             "timing": "CPU seconds (time.process_time), passes interleaved with pysbd's",
             "cpu_runs": our_cpu, "wall_runs": our_wall, "pysbd_cpu_runs": their_cpu, "pysbd_wall_runs": their_wall}
    return section, notes
