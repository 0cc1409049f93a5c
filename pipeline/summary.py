"""The short report `make run` prints: sources, articles, statements, top speakers, rejects."""
from __future__ import annotations

import psycopg

_TOTALS = """
SELECT (SELECT count(*) FROM raw_items), (SELECT count(*) FROM articles), (SELECT count(*) FROM statements),
       (SELECT count(*) FROM statements WHERE speaker_id IS NOT NULL), (SELECT count(*) FROM speakers),
       (SELECT count(*) FROM removed_lines), (SELECT count(*) FROM rejects)
"""
_PER_SOURCE = """
SELECT a.source, count(DISTINCT a.id), count(s.id), count(s.speaker_id)
FROM articles a LEFT JOIN statements s ON s.article_id = a.id
GROUP BY a.source ORDER BY a.source
"""
_TOP_SPEAKERS = """
SELECT sp.canonical_name, count(*) AS n
FROM statement_speakers ss JOIN speakers sp ON sp.id = ss.speaker_id
GROUP BY sp.canonical_name ORDER BY n DESC, sp.canonical_name LIMIT %s
"""
_REJECTS = "SELECT stage, reason, count(*) FROM rejects GROUP BY stage, reason ORDER BY count(*) DESC"
_LAST_INGEST = "SELECT items_seen, items_new FROM ingest_runs WHERE stage = 'ingest' ORDER BY id DESC LIMIT 1"

TOTAL_NAMES = ("raw_items", "articles", "statements", "attributed", "speakers", "removed_lines", "rejects")


def totals(conn: psycopg.Connection) -> dict[str, int]:
    return dict(zip(TOTAL_NAMES, conn.execute(_TOTALS).fetchone()))


def render(conn: psycopg.Connection, top: int = 10) -> str:
    t = totals(conn)
    lines = []
    last = conn.execute(_LAST_INGEST).fetchone()
    if last:
        seen, new = last
        lines.append(f"last ingest: {seen} items seen, {new} new" + ("  (found nothing new)" if new == 0 else ""))
    lines.append(
        f"totals: {t['raw_items']} raw items, {t['articles']} articles, {t['statements']} statements "
        f"({t['attributed']} attributed), {t['speakers']} speakers, {t['removed_lines']} lines removed, "
        f"{t['rejects']} rejects"
    )
    lines.append("")
    lines.append(f"{'source':<12} {'articles':>8} {'statements':>10} {'attributed':>10}")
    for source, articles, statements, attributed in conn.execute(_PER_SOURCE):
        lines.append(f"{source:<12} {articles:>8} {statements:>10} {attributed:>10}")
    lines.append("")
    lines.append("top speakers:")
    for name, n in conn.execute(_TOP_SPEAKERS, (top,)):
        lines.append(f"  {n:>4}  {name}")
    rejects = conn.execute(_REJECTS).fetchall()
    lines.append("")
    lines.append("rejects:" + ("" if rejects else " none"))
    for stage, reason, n in rejects:
        lines.append(f"  {n:>4}  {stage}: {reason}")
    return "\n".join(lines)
