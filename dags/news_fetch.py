"""
### news_fetch: feeds and article pages into raw items (every 15 minutes)

Reads the RSS/Atom feeds of the active `feed` sources in the `sources` table and fetches new article
pages into `raw_items` as received, then updates the `raw_items` Asset when anything new arrived.

Until the polite HTTP fetcher lands, this DAG only reports which feed sources are configured.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import dag, task

from pipeline.airflow import default_args


@dag(
    dag_id="news_fetch",
    schedule=timedelta(minutes=15),
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["news", "ingest", "http"],
    default_args=default_args(retry_delay_s=30),
)
def news_fetch():
    @task
    def list_feed_sources() -> list[str]:
        """Names of the active feed sources."""
        from pipeline.airflow.tasks import news_db

        with news_db() as conn:
            rows = conn.execute("SELECT name FROM sources WHERE active AND kind = 'feed' ORDER BY name").fetchall()
        return [r[0] for r in rows]

    list_feed_sources()


news_fetch()
