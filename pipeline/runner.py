"""Process pending raw items in leased batches: the one code path behind the CLI and the news_process DAG."""
from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone

import psycopg
from psycopg.types.json import Jsonb

from pipeline import PROCESSOR_VERSION
from pipeline.learn import confirmed_keys
from pipeline.load import load_articles, mark_processed
from pipeline.process import process
from pipeline.records import Article, RawItem, Rejected
from pipeline.retry import with_retries
from pipeline.simhash import body_fingerprint

log = logging.getLogger(__name__)

DEFAULT_BATCH = int(os.environ.get("NEWS_BATCH_SIZE", "500"))
DEFAULT_LEASE_S = int(os.environ.get("NEWS_LEASE_SECONDS", "600"))

_RAW_COLUMNS = "r.id, r.source, r.external_id, r.url, r.path, r.record, r.content_type, r.headers, r.body, r.fetched_at"

_LEASE = f"""
UPDATE raw_items r SET claimed_by = %(worker)s, claim_expires_at = now() + make_interval(secs => %(lease)s),
                       attempts = r.attempts + 1
WHERE r.id IN (
    SELECT id FROM raw_items
    WHERE status = 'pending'
      AND (claim_expires_at IS NULL OR claim_expires_at < now() OR claimed_by = %(worker)s)
    ORDER BY id LIMIT %(limit)s
    FOR UPDATE SKIP LOCKED
)
RETURNING {_RAW_COLUMNS}
"""

# Claim given items whatever their status (reprocessing), skipping those another worker holds right now.
_LEASE_IDS = f"""
UPDATE raw_items r SET claimed_by = %(worker)s, claim_expires_at = now() + make_interval(secs => %(lease)s),
                       attempts = r.attempts + 1
WHERE r.id IN (
    SELECT id FROM raw_items
    WHERE id = ANY(%(ids)s) AND (claim_expires_at IS NULL OR claim_expires_at < now())
    ORDER BY id
    FOR UPDATE SKIP LOCKED
)
RETURNING {_RAW_COLUMNS}
"""

# Inside the load transaction: the items this worker still holds (a lease that lapsed and was taken over by
# another worker is theirs now). Locks the rows, so the same item is never loaded by two holders at once; the
# NO KEY lock still lets the reject writer's foreign-key check on its own connection through.
_STILL_HELD = """
SELECT id FROM raw_items WHERE id = ANY(%s) AND claimed_by = %s ORDER BY id FOR NO KEY UPDATE
"""

_REJECT = """
INSERT INTO rejects (raw_item_id, source, stage, reason, detail, location) VALUES (%s, %s, %s, %s, %s, %s)
"""
_MARK_REJECTED = """
UPDATE raw_items SET status = 'rejected', processed_at = now(), processor_version = %s,
                     claimed_by = NULL, claim_expires_at = NULL
WHERE id = ANY(%s)
"""


@dataclass
class RunCounts:
    items_seen: int = 0
    articles: int = 0
    articles_new: int = 0
    statements: int = 0
    lines_removed: int = 0
    rejects: int = 0
    batches: int = 0
    retries: int = 0
    revisions: int = 0
    near_duplicates: int = 0
    statements_kept: int = 0
    statements_added: int = 0
    statements_dropped: int = 0
    items_lost_lease: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def add_time(self, step: str, seconds: float) -> None:
        self.timings[step] = round(self.timings.get(step, 0.0) + seconds, 4)


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _raw_items(rows) -> list[RawItem]:
    return [
        RawItem(id=r[0], source=r[1], external_id=r[2], url=r[3], path=r[4], record=r[5], content_type=r[6],
                headers=r[7] or {}, body=bytes(r[8]), fetched_at=r[9])
        for r in rows
    ]


def lease(conn: psycopg.Connection, limit: int, worker: str, lease_seconds: int = DEFAULT_LEASE_S) -> list[RawItem]:
    """Take up to `limit` pending items no one else holds (expired leases included) and commit the lease.

    The commit also ends a transaction the caller left open: a lease only counts once others can see it.
    """
    with conn.transaction():
        rows = conn.execute(_LEASE, {"worker": worker, "lease": lease_seconds, "limit": limit}).fetchall()
    conn.commit()
    return _raw_items(rows)


def lease_ids(conn: psycopg.Connection, ids: list[int], worker: str, lease_seconds: int = DEFAULT_LEASE_S) -> list[RawItem]:
    """Take the given items whatever their status, except those under another worker's live lease."""
    with conn.transaction():
        rows = conn.execute(_LEASE_IDS, {"worker": worker, "lease": lease_seconds, "ids": ids}).fetchall()
    conn.commit()
    return _raw_items(rows)


class RejectWriter:
    """Writes rejects on a connection of its own, committed at once: a rolled-back batch keeps its reject rows."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self._main = conn
        self._conn: psycopg.Connection | None = None

    def _connection(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            info = self._main.info
            self._conn = psycopg.connect(**info.get_parameters(), password=info.password or None, autocommit=True)
        return self._conn

    def write(self, rows: list[tuple[RawItem, Rejected]], mark: bool = True) -> None:
        """Insert reject rows and commit; with `mark`, also set the raw items' status to rejected.

        Items the caller's open transaction has locked must not be marked here (the caller marks them).
        """
        if not rows:
            return
        conn = self._connection()
        with conn.transaction():
            with conn.cursor() as cur:
                cur.executemany(_REJECT, [
                    (raw.id, raw.source, r.stage, r.reason, r.detail[:2000], raw.path or raw.url) for raw, r in rows
                ])
            ids = [raw.id for raw, _ in rows if raw.id is not None]
            if ids and mark:
                conn.execute(_MARK_REJECTED, (PROCESSOR_VERSION, ids))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _process_one(raw: RawItem, learned: Mapping[str, frozenset[str]]) -> Article | Rejected:
    try:
        article = process(raw, learned)
        body_fingerprint(article.body)  # a processing-stage feature; the loader finds it memoised
        return article
    except Rejected as rejected:
        return rejected
    except Exception as exc:  # a bug on one item becomes a reject row, never a crashed run
        log.exception("processing raw item %s failed", raw.id)
        return Rejected("process", "error", repr(exc))


def process_batch(
    conn: psycopg.Connection, items: list[RawItem], counts: RunCounts,
    learned: Mapping[str, frozenset[str]] | None = None, worker: str | None = None,
    rejects: RejectWriter | None = None,
) -> None:
    """Process and load one leased batch in one transaction: whole articles or none.

    With `worker`, only the items that worker still holds are loaded (a lapsed lease another worker took over is
    left to it). Serialization failures and deadlocks retry the whole transaction.
    """
    own_writer = rejects is None
    rejects = rejects or RejectWriter(conn)
    try:
        _process_batch(conn, items, counts, learned, worker, rejects)
    finally:
        if own_writer:
            rejects.close()


def _process_batch(conn, items, counts, learned, worker, rejects: RejectWriter) -> None:
    t0 = time.perf_counter()
    if learned is None:
        learned = confirmed_keys(conn)
        conn.commit()  # end the read so the batch below is a transaction of its own, not a savepoint
    results = [(raw, _process_one(raw, learned)) for raw in items]
    counts.add_time("process", time.perf_counter() - t0)
    by_raw = {raw.id: raw for raw in items}
    articles = [r for _, r in results if isinstance(r, Article)]
    processing_rejects = [(raw, r) for raw, r in results if isinstance(r, Rejected)]
    rejects.write(processing_rejects)  # committed before the batch: kept whatever happens to it
    written: set[int | None] = set()
    result: dict = {}

    def attempt() -> None:
        with conn.transaction():
            batch = articles
            if worker is not None:
                ids = [raw.id for raw in items]
                held = {r[0] for r in conn.execute(_STILL_HELD, (ids, worker))}
                batch = [a for a in articles if a.raw_item_id in held]
                result["lost"] = len(ids) - len(held)
            loaded = load_articles(conn, batch)
            load_rejects = [(by_raw.get(r.article.raw_item_id) or _raw_of(r.article), Rejected("load", r.reason, r.detail))
                            for r in loaded.rejected if r.article.raw_item_id not in written]
            rejects.write(load_rejects, mark=False)  # committed now; the rows are locked by this transaction
            written.update(r.article.raw_item_id for r in loaded.rejected)
            refused = {r.article.raw_item_id for r in loaded.rejected}
            mark_processed(conn, [a.raw_item_id for a in batch if a.raw_item_id is not None
                                  and a.raw_item_id not in refused], PROCESSOR_VERSION)
            if refused:
                conn.execute(_MARK_REJECTED, (PROCESSOR_VERSION, [i for i in refused if i is not None]))
            result["loaded"] = loaded

    def retried(exc: Exception) -> None:
        counts.retries += 1

    t0 = time.perf_counter()
    with_retries(attempt, on_retry=retried)
    counts.add_time("load", time.perf_counter() - t0)
    loaded = result["loaded"]
    counts.items_seen += len(items)
    counts.items_lost_lease += result.get("lost", 0)
    for name in ("articles", "articles_new", "statements", "lines_removed", "revisions", "near_duplicates",
                 "statements_kept", "statements_added", "statements_dropped"):
        setattr(counts, name, getattr(counts, name) + getattr(loaded, name))
    counts.rejects += len(processing_rejects) + len(loaded.rejected)
    counts.batches += 1


def _raw_of(article: Article) -> RawItem:
    return RawItem(source=article.source or "", body=b"", external_id=article.external_id or "",
                   url=article.url, id=article.raw_item_id)


def process_pending(
    conn: psycopg.Connection, batch_size: int = DEFAULT_BATCH, worker: str | None = None, max_batches: int | None = None,
    lease_seconds: int = DEFAULT_LEASE_S,
) -> RunCounts:
    """Lease and process batches until nothing is pending (or `max_batches` is reached)."""
    started = time.perf_counter()
    counts = RunCounts()
    worker = worker or worker_id()
    learned = confirmed_keys(conn)
    conn.commit()
    rejects = RejectWriter(conn)
    try:
        while max_batches is None or counts.batches < max_batches:
            items = lease(conn, batch_size, worker, lease_seconds)
            if not items:
                break
            process_batch(conn, items, counts, learned, worker=worker, rejects=rejects)
    finally:
        rejects.close()
        counts.add_time("total", time.perf_counter() - started)
    return counts


_RUN_COLUMNS = ("items_seen", "items_new", "items_unchanged", "articles", "statements", "lines_removed", "rejects",
                "batches", "retries")


def record_run(conn: psycopg.Connection, stage: str, run_id: str | None, dag_id: str | None, **values) -> int:
    """Write one ingest_runs row for a finished stage run.

    `started_at` defaults to now minus `timings["total"]` when the run measured its total time; `worker` defaults
    to this process; `details` takes any other counts (a dict).
    """
    timings = dict(values.pop("timings", {}) or {})
    details = values.pop("details", {}) or {}
    worker = values.pop("worker", None) or worker_id()
    finished = datetime.now(timezone.utc)
    started = values.pop("started_at", None) or finished - timedelta(seconds=float(timings.get("total", 0.0)))
    row = conn.execute(
        "INSERT INTO ingest_runs (dag_id, run_id, stage, started_at, finished_at, items_seen, items_new, "
        "items_unchanged, articles, statements, lines_removed, rejects, batches, retries, timings, worker, details) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (dag_id, run_id, stage, started, finished, *(int(values.get(c, 0) or 0) for c in _RUN_COLUMNS),
         Jsonb(timings), worker, Jsonb(details)),
    ).fetchone()
    conn.commit()
    return row[0]


def record_counts(conn: psycopg.Connection, stage: str, counts: RunCounts, run_id: str | None = None,
                  dag_id: str | None = None, worker: str | None = None, **extra) -> int:
    """record_run for a RunCounts: the counts the table has columns for, the rest in `details`."""
    details = {k: v for k, v in asdict(counts).items() if k not in _RUN_COLUMNS and k != "timings"}
    details.update(extra.pop("details", {}))
    return record_run(
        conn, stage, run_id, dag_id, items_seen=counts.items_seen, items_new=counts.articles_new,
        items_unchanged=extra.pop("items_unchanged", 0), articles=counts.articles, statements=counts.statements,
        lines_removed=counts.lines_removed, rejects=counts.rejects, batches=counts.batches, retries=counts.retries,
        timings=counts.timings, worker=worker, details=details, **extra,
    )


def counts_dict(counts: RunCounts) -> dict:
    return asdict(counts)
