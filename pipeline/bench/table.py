"""The printed table: each figure beside its reference and target, and whether the target is met."""
from __future__ import annotations


def _fmt(value, digits: int = 2) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if abs(value) >= 1000:
            return f"{value:,.0f}"
        if abs(value) >= 100:
            return f"{value:.0f}"
        return f"{value:.{digits}f}"
    return str(value)


def _check(value, target: float, at_least: bool) -> str:
    if value is None:
        return "n/a"
    return "met" if (value >= target if at_least else value <= target) else "MISSED"


def rows(results: dict, notes: dict) -> list[tuple[str, str, str, str, str]]:
    """(section, figure, value, target, verdict) for every figure."""
    t, h, lo, a, m, s = (results[k] for k in ("text", "html", "load", "airflow", "memory", "scaling"))
    out = [
        ("text", "articles", _fmt(t["articles"]), "", ""),
        ("text", "articles/s (1 core)", _fmt(t["articles_per_s"]), "≥ 1,000", _check(t["articles_per_s"], 1000, True)),
        ("text", "statements/s", _fmt(t["statements_per_s"]), "", ""),
        ("text", "statements/article", _fmt(t["statements_per_article"], 1), "", ""),
        ("text", "pysbd sentences/s", _fmt(t["pysbd_statements_per_s"]), "", ""),
        ("text", "vs_pysbd", _fmt(t["vs_pysbd"]), "≥ 5", _check(t["vs_pysbd"], 5, True)),
        ("html", "pages", _fmt(h["pages"]), "", ""),
        ("html", "pages/s", _fmt(h["pages_per_s"]), "", ""),
        ("html", "trafilatura pages/s", _fmt(h["trafilatura_pages_per_s"]), "", ""),
        ("html", "vs_trafilatura", _fmt(h["vs_trafilatura"]), "≥ 1.0", _check(h["vs_trafilatura"], 1.0, True)),
        ("load", "rows (statements)", _fmt(lo["rows"]), "", ""),
        ("load", "loader rows/s", _fmt(lo["rows_per_s"]), "", ""),
        ("load", "ceiling rows/s", _fmt(lo["ceiling_rows_per_s"]), "", ""),
        ("load", "vs_ceiling (no GIN)", _fmt(lo["vs_ceiling"]), "≥ 0.70", _check(lo["vs_ceiling"], 0.70, True)),
        ("load", "with_fts_vs_ceiling", _fmt(lo["with_fts_vs_ceiling"]), "≥ 0.90",
         _check(lo["with_fts_vs_ceiling"], 0.90, True)),
        ("airflow", "articles", _fmt(a["articles"]), "", ""),
        ("airflow", "library s", _fmt(a["library_s"]), "", ""),
        ("airflow", "airflow s", _fmt(a["airflow_s"]), "", ""),
        ("airflow", "airflow empty s", _fmt(a["airflow_empty_s"]), "", ""),
        ("airflow", "overhead", _fmt(a["overhead"]),
         "≤ 1.5" + ("" if (a["articles"] or 0) >= 10_000 else " (at 10k)"), _check(a["overhead"], 1.5, False)),
        ("memory", "processing-loop peak RSS MB, N", _fmt(m["rss_mb_small"], 0), "", ""),
        ("memory", "processing-loop peak RSS MB, 10N", _fmt(m["rss_mb_large"], 0), "", ""),
        ("memory", "growth", _fmt(m["growth"]), "≤ 1.2", _check(m["growth"], 1.2, False)),
    ]
    sizes, seconds = s["sizes"] or [], s["seconds"] or []
    for size, sec in zip(sizes, seconds):
        out.append(("scaling", f"{size:,} articles CPU s", _fmt(sec), f"{sec / size * 1000:.1f} ms/article", ""))
    linearity = (notes.get("sections", {}).get("scaling") or {}).get("linearity")
    if linearity is not None:
        out.append(("scaling", "per-article time, largest ÷ smallest", _fmt(linearity), "≈ 1 (≤ 1.2)",
                    _check(linearity, 1.2, False)))
    return out


def render(results: dict, notes: dict) -> str:
    table = [("section", "figure", "value", "target", "")] + rows(results, notes)
    widths = [max(len(r[i]) for r in table) for i in range(5)]
    lines = []
    for i, r in enumerate(table):
        lines.append("  ".join(c.ljust(w) if j < 2 or j > 2 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths)))
                     .rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    extra = [f"corpus: {notes.get('corpus')}"]
    load = notes.get("sections", {}).get("load")
    if load and load.get("ceiling"):
        extra.append(f"load ceiling: {load['ceiling']}")
    if any((notes.get("sections", {}).get(k) or {}).get("timing") for k in ("text", "html")):
        extra.append("text and html: CPU seconds of the bench process (time.process_time), our passes interleaved "
                     "with the reference's")
    memory = notes.get("sections", {}).get("memory")
    if memory and memory.get("method"):
        def mb(key: str) -> str:
            return _fmt(memory.get(key), 0)

        extra.append(f"memory: {memory['method']} ({memory.get('articles_small')} and {memory.get('articles_large')} "
                     f"items, fresh processes); loop started at {mb('rss_start_mb_small')} / {mb('rss_start_mb_large')} "
                     f"MB, rose {mb('increment_mb_small')} / {mb('increment_mb_large')} MB")
    for name, why in (notes.get("planned") or {}).items():
        extra.append(f"{name}: {why}")
    for name, error in (notes.get("errors") or {}).items():
        extra.append(f"{name}: FAILED {error}")
    if notes.get("wall_s") is not None:
        extra.append(f"wall time {notes['wall_s']:.0f} s; figures are medians of {notes['options']['repeat']} runs unless noted")
    return "\n".join(lines + [""] + extra)
