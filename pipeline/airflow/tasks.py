"""Task bodies for the DAGs: each opens the `news_db` connection and calls one pipeline function."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Any, Iterator

import psycopg

from pipeline.airflow import NEWS_DB_CONN_ID

log = logging.getLogger(__name__)


def news_db_url() -> str:
    """The pipeline database from the Airflow connection `news_db` (no credentials in DAG code)."""
    from airflow.sdk import Connection

    uri = Connection.get(NEWS_DB_CONN_ID).get_uri()
    return uri.replace("postgres://", "postgresql://", 1)


@contextmanager
def news_db() -> Iterator[psycopg.Connection]:
    with psycopg.connect(news_db_url()) as conn:
        yield conn


def _run_ids() -> tuple[str | None, str | None]:
    from airflow.sdk import get_current_context

    ctx = get_current_context()
    return ctx["dag"].dag_id, ctx["run_id"]


def ingest_inbox(inbox: str) -> dict[str, Any]:
    """Store every claimed or new inbox file in raw_items; return counts (no bodies through XCom)."""
    from pathlib import Path

    from pipeline.inbox import ingest
    from pipeline.runner import record_run

    dag_id, run_id = _run_ids()
    with news_db() as conn:
        counts = ingest(conn, Path(inbox))
        record_run(conn, "ingest", run_id, dag_id, items_seen=counts.items_seen, items_new=counts.items_new,
                   items_unchanged=counts.items_unchanged, rejects=counts.files_failed)
    log.info("inbox: %d files, %d items, %d new, %d unchanged, %d files failed",
             counts.files, counts.items_seen, counts.items_new, counts.items_unchanged, counts.files_failed)
    return {"files": counts.files, "items_new": counts.items_new, "items_unchanged": counts.items_unchanged,
            "files_failed": counts.files_failed}


def plan_workers(max_workers: int | None = None, batch_size: int | None = None) -> list[int]:
    """How many parallel workers the pending backlog deserves: one per batch, at most NEWS_PROCESS_WORKERS."""
    import math
    import os

    from pipeline.runner import DEFAULT_BATCH

    max_workers = max_workers or int(os.environ.get("NEWS_PROCESS_WORKERS", "2"))
    with news_db() as conn:
        pending = conn.execute("SELECT count(*) FROM raw_items WHERE status = 'pending'").fetchone()[0]
    workers = min(max_workers, math.ceil(pending / (batch_size or DEFAULT_BATCH)))
    log.info("%d pending raw items: %d workers", pending, workers)
    return list(range(workers))


def process_pending(worker: int = 0, batch_size: int | None = None) -> dict[str, Any]:
    """One worker: lease and process batches until nothing is pending (SKIP LOCKED keeps workers apart)."""
    from pipeline.runner import DEFAULT_BATCH, process_pending as run, record_counts

    dag_id, run_id = _run_ids()
    # Stable across Airflow retries: a retry takes back the items its crashed attempt had leased at once,
    # instead of leaving them until the lease expires.
    name = f"{run_id}#{worker}"
    with news_db() as conn:
        counts = run(conn, batch_size=batch_size or DEFAULT_BATCH, worker=name)
        record_counts(conn, "process", counts, run_id, dag_id, worker=name)
    log.info("processed %d items: %d articles, %d statements, %d lines removed, %d rejected",
             counts.items_seen, counts.articles, counts.statements, counts.lines_removed, counts.rejects)
    return {"items_seen": counts.items_seen, "articles": counts.articles, "statements": counts.statements,
            "rejects": counts.rejects}


def skip_unless(condition: bool, message: str) -> None:
    """Skip the task (so its outlet Asset is not updated and nothing downstream runs) unless there was work."""
    from airflow.sdk.exceptions import AirflowSkipException

    if not condition:
        raise AirflowSkipException(message)


class QualityCheckFailed(RuntimeError):
    """An error-level quality finding; the message names the offending articles."""


def run_quality_checks() -> dict[str, Any]:
    """Run pipeline.quality checks; warnings become rows and an alert, errors fail the task."""
    from pipeline.airflow.notify import post_alert
    from pipeline.quality import check_and_record

    from pipeline.report import refresh

    dag_id, run_id = _run_ids()
    with news_db() as conn:
        findings = check_and_record(conn, run_id, dag_id)
        refreshed = refresh(conn)
    log.info("refreshed materialized reports: %s", ", ".join(refreshed) or "none")
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    for f in findings:
        log.warning("%s %s: %s", f.severity, f.check, f.detail)
    if warnings:
        post_alert({"kind": "quality_warnings", "dag_id": dag_id, "run_id": run_id,
                    "message": f"{len(warnings)} quality warnings",
                    "findings": [{"check": f.check, "source": f.source, "detail": f.detail} for f in warnings]})
    if errors:
        raise QualityCheckFailed("quality checks failed: " + "; ".join(f"{f.check}: {f.detail}" for f in errors))
    return {"errors": 0, "warnings": len(warnings)}


def reprocess_selected(params: dict[str, Any]) -> dict[str, Any]:
    """Reprocess the raw items chosen by the DAG params."""
    from pipeline.reprocess import Selection, reprocess

    selection = Selection(
        source=params.get("source") or None, since=params.get("since") or None,
        until=params.get("until") or None, older_than_version=params.get("older_than_version") or None,
    )
    dag_id, run_id = _run_ids()
    with news_db() as conn:
        result = reprocess(conn, selection, dag_id=dag_id, run_id=run_id)
    log.info("reprocess: %s", result)
    return result


def plan_fetch() -> list[dict[str, Any]]:
    """Host plans for dynamic task mapping (one mapped task per host)."""
    from pipeline.fetch import plan

    with news_db() as conn:
        plans = [p.to_dict() for p in plan(conn)]
    log.info("fetch plan: %d hosts", len(plans))
    return plans


def fetch_host(host_plan: dict[str, Any]) -> dict[str, Any]:
    """Fetch one host; returns its counts (the new raw item ids stay in the database, not in XCom)."""
    from pipeline.fetch import fetch_host as run

    _, run_id = _run_ids()
    with news_db() as conn:
        report = run(conn, host_plan, run_id=run_id)
    log.info("fetch %s", report.summary())
    result = report.to_dict()
    result.pop("new_ids", None)
    return result


def finish_fetch(reports: list[dict[str, Any]]) -> int:
    """One ingest_runs row for the whole fetch run; returns how many new raw items arrived."""
    from pipeline.fetch import merge
    from pipeline.runner import record_run

    dag_id, run_id = _run_ids()
    total = merge(reports)
    with news_db() as conn:
        record_run(conn, "fetch", run_id, dag_id, items_seen=total.entries_seen, items_new=total.items_new,
                   items_unchanged=total.pages_skipped + total.feeds_not_modified, rejects=total.rejects,
                   timings={"fetch": total.seconds})
    log.info("fetch run: %s", total.summary())
    return total.items_new
