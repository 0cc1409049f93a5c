"""The short report `make run` prints, read from the report views in sql/reports/ (installed and refreshed first)."""
from __future__ import annotations

import psycopg

from pipeline import PROCESSOR_VERSION, report
from pipeline.reprocess import version_key

_TOTALS = """
SELECT (SELECT count(*) FROM raw_items), (SELECT count(*) FROM articles), (SELECT count(*) FROM statements),
       (SELECT count(*) FROM statements WHERE speaker_id IS NOT NULL OR speaker_text IS NOT NULL),
       (SELECT count(DISTINCT speaker_id) FROM statement_all_speakers),  -- quoted now, not every name ever linked
       (SELECT count(*) FROM removed_lines), (SELECT count(*) FROM rejects)
"""
_PER_SOURCE = """
SELECT source, sum(articles), sum(articles_dup), sum(statements), sum(statements_dup), sum(attributed)
FROM report_source_daily GROUP BY source ORDER BY source
"""
_BOILERPLATE = """
SELECT rule, sum(lines), count(DISTINCT source) FROM report_boilerplate_daily GROUP BY rule
ORDER BY sum(lines) DESC, rule LIMIT %s
"""
_RUNS = """
SELECT stage, items_fetched, items_new, items_rejected, articles, statements, duration_s
FROM report_ingest_health ORDER BY run DESC LIMIT %s
"""
_VERSIONS = "SELECT processor_version, count(*) FROM articles GROUP BY processor_version"
_REJECTS = "SELECT stage, reason, count(*) FROM rejects GROUP BY stage, reason ORDER BY count(*) DESC, stage, reason"

TOTAL_NAMES = ("raw_items", "articles", "statements", "attributed", "speakers", "removed_lines", "rejects")


def totals(conn: psycopg.Connection) -> dict[str, int]:
    return dict(zip(TOTAL_NAMES, conn.execute(_TOTALS).fetchone()))


def stale_note(conn: psycopg.Connection) -> str | None:
    """What to run when stored articles were made by an older processor: after an upgrade the tables still hold the
    old speakers and statements, and nothing new to fetch means nothing is redone on its own."""
    older = {v: n for v, n in conn.execute(_VERSIONS) if v and version_key(v) < version_key(PROCESSOR_VERSION)}
    if not older:
        return None
    versions = ", ".join(sorted(older, key=version_key))
    n = sum(older.values())
    return (f"note: {n} article{'s were' if n != 1 else ' was'} made by an older processor ({versions}; this is "
            f"{PROCESSOR_VERSION}): `python -m pipeline reprocess --older-than-version {PROCESSOR_VERSION}` "
            "re-derives them from the stored raw items")


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def render(conn: psycopg.Connection, top: int = 10, refresh: bool = True) -> str:
    """Totals, per-source counts with duplicate rates, top speakers, boilerplate rules, recent runs, rejects."""
    report.install(conn)
    if refresh:
        report.refresh(conn)
    t = totals(conn)
    lines = []
    runs = conn.execute(_RUNS, (5,)).fetchall()
    last_ingest = next((r for r in runs if r[0] == "ingest"), None)
    if last_ingest:
        lines.append(f"last ingest: {last_ingest[1]} items seen, {last_ingest[2]} new"
                     + ("  (found nothing new)" if last_ingest[2] == 0 else ""))
    lines.append(
        f"totals: {t['raw_items']} raw items, {t['articles']} articles, {t['statements']} statements "
        f"({t['attributed']} attributed), {t['speakers']} speakers, {t['removed_lines']} lines removed, "
        f"{t['rejects']} rejects"
    )
    note = stale_note(conn)
    if note:
        lines.append(note)
    lines.append("")
    lines.append(f"{'source':<12} {'articles':>8} {'dup':>5} {'statements':>10} {'dup':>5} {'attributed':>10}")
    for source, articles, a_dup, statements, s_dup, attributed in conn.execute(_PER_SOURCE):
        lines.append(f"{source:<12} {articles:>8} {_pct(a_dup, articles):>5} {statements:>10} "
                     f"{_pct(s_dup, statements):>5} {attributed:>10}")
    lines.append("")
    lines.append("top speakers (each claim once):")
    _, speakers = report.run(conn, "top_speakers", limit=top)
    for name, n, *_ in speakers:
        lines.append(f"  {n:>4}  {name}")
    lines.append("")
    lines.append("boilerplate removed, by rule:")
    for rule, n, sources in conn.execute(_BOILERPLATE, (top,)):
        lines.append(f"  {n:>4}  {rule}  ({sources} source{'s' if sources != 1 else ''})")
    lines.append("")
    lines.append("recent runs:")
    for stage, seen, new, rejected, articles, statements, duration in runs:
        lines.append(f"  {stage:<10} {seen:>5} seen {new:>5} new {rejected:>4} rejected {articles:>5} articles "
                     f"{statements:>6} statements {duration or 0:>7}s")
    rejects = conn.execute(_REJECTS).fetchall()
    lines.append("")
    lines.append("rejects:" + ("" if rejects else " none"))
    for stage, reason, n in rejects:
        lines.append(f"  {n:>4}  {stage}: {reason}")
    conn.commit()
    return "\n".join(lines)
