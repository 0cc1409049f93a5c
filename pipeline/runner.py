"""Process pending raw items in leased batches: the one code path behind the CLI and the news_process DAG."""
from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import asdict, dataclass, field

import psycopg
from psycopg.types.json import Jsonb

from collections.abc import Mapping

from pipeline import PROCESSOR_VERSION
from pipeline.learn import confirmed_keys
from pipeline.load import load_articles, mark_processed
from pipeline.process import process
from pipeline.records import Article, RawItem, Rejected

log = logging.getLogger(__name__)

DEFAULT_BATCH = int(os.environ.get("NEWS_BATCH_SIZE", "500"))
DEFAULT_LEASE_S = int(os.environ.get("NEWS_LEASE_SECONDS", "600"))

_LEASE = """
UPDATE raw_items r SET claimed_by = %(worker)s, claim_expires_at = now() + make_interval(secs => %(lease)s),
                       attempts = r.attempts + 1
WHERE r.id IN (
    SELECT id FROM raw_items
    WHERE status = 'pending' AND (claim_expires_at IS NULL OR claim_expires_at < now())
    ORDER BY id LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
RETURNING r.id, r.source, r.external_id, r.url, r.path, r.record, r.content_type, r.headers, r.body, r.fetched_at
"""

_REJECT = """
INSERT INTO rejects (raw_item_id, source, stage, reason, detail, location) VALUES (%s, %s, %s, %s, %s, %s)
"""


@dataclass
class RunCounts:
    items_seen: int = 0
    articles: int = 0
    statements: int = 0
    lines_removed: int = 0
    rejects: int = 0
    batches: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def add_time(self, step: str, seconds: float) -> None:
        self.timings[step] = round(self.timings.get(step, 0.0) + seconds, 4)


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def lease(conn: psycopg.Connection, limit: int, worker: str, lease_seconds: int = DEFAULT_LEASE_S) -> list[RawItem]:
    """Take up to `limit` pending items no one else holds (expired leases included) and commit the lease."""
    with conn.transaction():
        rows = conn.execute(_LEASE, {"worker": worker, "lease": lease_seconds, "limit": limit}).fetchall()
    return [
        RawItem(id=r[0], source=r[1], external_id=r[2], url=r[3], path=r[4], record=r[5], content_type=r[6],
                headers=r[7] or {}, body=bytes(r[8]), fetched_at=r[9])
        for r in rows
    ]


def _process_one(raw: RawItem, learned: Mapping[str, frozenset[str]]) -> Article | Rejected:
    try:
        return process(raw, learned)
    except Rejected as rejected:
        return rejected
    except Exception as exc:  # a bug on one item becomes a reject row, never a crashed run
        log.exception("processing raw item %s failed", raw.id)
        return Rejected("process", "error", repr(exc))


def process_batch(
    conn: psycopg.Connection, items: list[RawItem], counts: RunCounts,
    learned: Mapping[str, frozenset[str]] | None = None,
) -> None:
    """Process and load one leased batch in one transaction: whole articles or none."""
    t0 = time.perf_counter()
    learned = confirmed_keys(conn) if learned is None else learned
    results = [(raw, _process_one(raw, learned)) for raw in items]
    counts.add_time("process", time.perf_counter() - t0)
    articles = [r for _, r in results if isinstance(r, Article)]
    rejected = [(raw, r) for raw, r in results if isinstance(r, Rejected)]
    t0 = time.perf_counter()
    with conn.transaction():
        loaded = load_articles(conn, articles)
        mark_processed(conn, [a.raw_item_id for a in articles if a.raw_item_id is not None], PROCESSOR_VERSION)
        if rejected:
            conn.cursor().executemany(_REJECT, [
                (raw.id, raw.source, r.stage, r.reason, r.detail[:2000], raw.path or raw.url) for raw, r in rejected
            ])
            conn.execute(
                "UPDATE raw_items SET status = 'rejected', processed_at = now(), processor_version = %s, "
                "claimed_by = NULL, claim_expires_at = NULL WHERE id = ANY(%s)",
                (PROCESSOR_VERSION, [raw.id for raw, _ in rejected]),
            )
    counts.add_time("load", time.perf_counter() - t0)
    counts.items_seen += len(items)
    counts.articles += loaded.articles
    counts.statements += loaded.statements
    counts.lines_removed += loaded.lines_removed
    counts.rejects += len(rejected)
    counts.batches += 1


def process_pending(
    conn: psycopg.Connection, batch_size: int = DEFAULT_BATCH, worker: str | None = None, max_batches: int | None = None,
) -> RunCounts:
    """Lease and process batches until nothing is pending (or `max_batches` is reached)."""
    counts = RunCounts()
    worker = worker or worker_id()
    learned = confirmed_keys(conn)
    conn.commit()
    while max_batches is None or counts.batches < max_batches:
        items = lease(conn, batch_size, worker)
        if not items:
            break
        process_batch(conn, items, counts, learned)
    return counts


def record_run(conn: psycopg.Connection, stage: str, run_id: str | None, dag_id: str | None, **values) -> int:
    """Write one ingest_runs row for a finished stage run."""
    timings = values.pop("timings", {})
    cols = ["items_seen", "items_new", "items_unchanged", "articles", "statements", "lines_removed", "rejects"]
    row = conn.execute(
        "INSERT INTO ingest_runs (dag_id, run_id, stage, finished_at, items_seen, items_new, items_unchanged, "
        "articles, statements, lines_removed, rejects, timings) "
        "VALUES (%s, %s, %s, now(), %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (dag_id, run_id, stage, *(int(values.get(c, 0)) for c in cols), Jsonb(timings)),
    ).fetchone()
    conn.commit()
    return row[0]


def counts_dict(counts: RunCounts) -> dict:
    return asdict(counts)
