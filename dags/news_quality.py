"""
### news_quality: checks on what was just loaded

Runs whenever the `statements` Asset is updated by `news_process`. Fails, naming the offending
articles, when a statement is empty or an article has no statement at all.
"""
from __future__ import annotations

from datetime import datetime

from airflow.sdk import dag, task

from pipeline.airflow import STATEMENTS, default_args


@dag(
    dag_id="news_quality",
    schedule=[STATEMENTS],
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["news", "quality"],
    default_args=default_args(retry_delay_s=30),
)
def news_quality():
    @task
    def run_checks() -> dict:
        """Run the SQL checks; an error-level finding fails the task with the articles named."""
        from pipeline.airflow.tasks import run_quality_checks

        return run_quality_checks()

    run_checks()


news_quality()
