"""Re-derive articles and statements from stored raw items with the current processor version; nothing is fetched.

Each selected article is re-processed from the newest raw version of its story and loaded through the normal
batch path, which replaces its statements in one transaction. Statement uids depend only on the story and the
normalised text, so unchanged statements keep their uid; the run reports statements kept, added and dropped.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass

import psycopg

from pipeline import PROCESSOR_VERSION
from pipeline.learn import confirmed_keys
from pipeline.runner import (DEFAULT_BATCH, RejectWriter, RunCounts, lease_ids, process_batch, record_counts,
                             worker_id)


@dataclass
class Selection:
    source: str | None = None
    since: str | None = None  # YYYY-MM-DD, on raw_items.fetched_at
    until: str | None = None  # YYYY-MM-DD, inclusive
    older_than_version: str | None = None  # only items last processed by an older version (or never)


_SELECT = """
SELECT id FROM raw_items_latest
WHERE (%(source)s::text IS NULL OR source = %(source)s)
  AND (%(since)s::date IS NULL OR fetched_at >= %(since)s::date)
  AND (%(until)s::date IS NULL OR fetched_at < %(until)s::date + 1)
  AND (%(any_version)s OR processor_version IS NULL OR processor_version = ANY(%(older)s))
ORDER BY id
"""


def version_key(version: str) -> tuple:
    """Order versions numerically part by part (0.10.0 after 0.9.1); non-numeric parts compare as text."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-+]", version))


def older_versions(conn: psycopg.Connection, than: str) -> list[str]:
    seen = [r[0] for r in conn.execute("SELECT DISTINCT processor_version FROM raw_items WHERE processor_version IS NOT NULL")]
    return [v for v in seen if version_key(v) < version_key(than)]


def select_items(conn: psycopg.Connection, selection: Selection) -> list[int]:
    """Ids of the newest raw version of every story the selection covers."""
    older = older_versions(conn, selection.older_than_version) if selection.older_than_version else []
    rows = conn.execute(_SELECT, {
        "source": selection.source, "since": selection.since, "until": selection.until,
        "any_version": not selection.older_than_version, "older": older,
    }).fetchall()
    conn.commit()
    return [r[0] for r in rows]


def reprocess(
    conn: psycopg.Connection, selection: Selection, batch_size: int = DEFAULT_BATCH, worker: str | None = None,
    dag_id: str | None = None, run_id: str | None = None, record: bool = True,
) -> dict[str, int]:
    """Reprocess the selected raw items in leased batches; returns counts incl. statements kept, added, dropped.

    Items another worker holds right now are skipped (it is processing them with the current version anyway).
    Writes an ingest_runs row (stage `reprocess`) unless `record` is false.
    """
    started = time.perf_counter()
    worker = worker or worker_id()
    ids = select_items(conn, selection)
    learned = confirmed_keys(conn)
    conn.commit()
    counts = RunCounts()
    skipped = 0
    rejects = RejectWriter(conn)
    try:
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            items = lease_ids(conn, chunk, worker)
            skipped += len(chunk) - len(items)
            if items:
                process_batch(conn, items, counts, learned, worker=worker, rejects=rejects)
    finally:
        rejects.close()
    counts.add_time("total", time.perf_counter() - started)
    result = {
        "items": len(ids), "items_skipped": skipped, "articles": counts.articles, "rejects": counts.rejects,
        "statements": counts.statements, "statements_kept": counts.statements_kept,
        "statements_added": counts.statements_added, "statements_dropped": counts.statements_dropped,
        "batches": counts.batches, "retries": counts.retries, "processor_version": PROCESSOR_VERSION,
    }
    if record:
        record_counts(conn, "reprocess", counts, run_id=run_id, dag_id=dag_id, worker=worker,
                      details={"selection": selection.__dict__, "items_selected": len(ids), "items_skipped": skipped})
    return result
