"""Re-derive articles and statements from stored raw items with the current processor version."""
from __future__ import annotations

from dataclasses import dataclass

import psycopg

from pipeline.runner import process_pending


@dataclass
class Selection:
    source: str | None = None
    since: str | None = None
    until: str | None = None
    older_than_version: str | None = None


_SELECT = """
UPDATE raw_items SET status = 'pending', claimed_by = NULL, claim_expires_at = NULL
WHERE id IN (SELECT id FROM raw_items_latest)
  AND (%(source)s::text IS NULL OR source = %(source)s)
  AND (%(since)s::date IS NULL OR fetched_at >= %(since)s::date)
  AND (%(until)s::date IS NULL OR fetched_at < %(until)s::date + 1)
  AND (%(version)s::text IS NULL OR processor_version IS NULL OR processor_version < %(version)s)
RETURNING id
"""


def reprocess(conn: psycopg.Connection, selection: Selection) -> dict[str, int]:
    """Requeue the selected latest raw items and process them; reports uids kept, added and dropped."""
    before = {r[0] for r in conn.execute("SELECT uid FROM statements")}
    requeued = conn.execute(_SELECT, {
        "source": selection.source, "since": selection.since, "until": selection.until,
        "version": selection.older_than_version,
    }).fetchall()
    conn.commit()
    counts = process_pending(conn)
    after = {r[0] for r in conn.execute("SELECT uid FROM statements")}
    conn.commit()
    return {
        "items": len(requeued), "articles": counts.articles, "rejects": counts.rejects,
        "statements_kept": len(before & after), "statements_added": len(after - before),
        "statements_dropped": len(before - after),
    }
