"""
### news_process: raw items become articles and statements

Runs whenever the `raw_items` Asset is updated (by `news_inbox` or `news_fetch`). Leases pending raw
items in batches (`NEWS_BATCH_SIZE`, default 500), runs extract → clean → segment → attribute, and loads
each batch into PostgreSQL in one transaction, so a failure leaves whole articles or none. Items that
fail a stage are written to `rejects` with the stage and reason; the run goes on.

Asset events coalesce, so one run processes everything pending, however many events started it.
Updates the `statements` Asset when anything was loaded, which starts `news_quality`.
Counts per run are in the `ingest_runs` table (stage `process`).
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
    def process_pending() -> dict:
        """Lease, process and load all pending raw items."""
        from pipeline.airflow.tasks import process_pending as run

        return run()

    @task(outlets=[STATEMENTS])
    def announce_statements(counts: dict) -> int:
        """Update the statements Asset only when articles were loaded."""
        from pipeline.airflow.tasks import skip_unless

        skip_unless(counts["articles"] > 0, "no new articles")
        return counts["statements"]

    announce_statements(process_pending())


news_process()
