"""
### news_process: raw items become articles and statements

Runs whenever the `raw_items` Asset is updated (by `news_inbox` or `news_fetch`). `plan_workers` counts
the pending raw items and maps one `process_pending` worker per batch, at most `NEWS_PROCESS_WORKERS`
(default 2). Each worker leases pending items in batches (`NEWS_BATCH_SIZE`, default 500) with
`FOR UPDATE SKIP LOCKED`, runs extract → clean → segment → attribute, and loads each batch in one
transaction, so a failure leaves whole articles or none; a crashed worker's lease expires and its items
are taken again. Items that fail a stage are written to `rejects` with the stage and reason; the run
goes on. Only counts pass between tasks, never article text.

Asset events coalesce, so one run processes everything pending, however many events started it.
Updates the `statements` Asset when anything was loaded, which starts `news_quality`.
Counts per worker are in the `ingest_runs` table (stage `process`).
"""
from __future__ import annotations

from datetime import datetime

from airflow.sdk import dag, task

from pipeline.airflow import RAW_ITEMS, STATEMENTS, default_args


@dag(
    dag_id="news_process",
    schedule=[RAW_ITEMS],
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["news", "process"],
    default_args=default_args(retry_delay_s=10),
)
def news_process():
    @task
    def plan_workers() -> list[int]:
        """One worker per pending batch, capped by NEWS_PROCESS_WORKERS."""
        from pipeline.airflow.tasks import plan_workers as plan

        return plan()

    @task
    def process_pending(worker: int) -> dict:
        """Lease, process and load batches until nothing is pending."""
        from pipeline.airflow.tasks import process_pending as run

        return run(worker)

    @task(outlets=[STATEMENTS])
    def announce_statements(counts: list[dict]) -> int:
        """Update the statements Asset only when articles were loaded."""
        from pipeline.airflow.tasks import skip_unless

        articles = sum(c["articles"] for c in counts)
        skip_unless(articles > 0, "no new articles")
        return articles

    announce_statements(process_pending.expand(worker=plan_workers()))


news_process()
