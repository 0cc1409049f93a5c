"""
### news_fetch: feeds and article pages into raw items (every 15 minutes)

`plan_hosts` groups the active `feed` and `page` sources of the `sources` table by host; one mapped
`fetch_host` task per host reads each feed with a conditional GET (stored ETag / Last-Modified; 304 means
nothing new), then fetches the article pages not yet stored, politely: robots.txt obeyed, a minimum delay
between requests to the host, timeouts, a size cap, a redirect cap, retries with backoff on 5xx and
resets, none on 4xx, and private or loopback addresses refused unless a source allows them. Pages are
stored in `raw_items` exactly as received; every failed URL becomes a `rejects` row (stage `fetch`).

`announce_raw_items` updates the `raw_items` Asset only when something new arrived, so `news_process`
runs only when there is work. Settings: `NEWS_FETCH_*` environment variables and each source's `fetch:`
block in sources.yaml. Per-source outcomes are in `fetch_runs`; feed state in `feed_state`.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from airflow.sdk import dag, task

from pipeline.airflow import RAW_ITEMS, default_args


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
    def plan_hosts() -> list[dict]:
        """Active feed and page sources grouped by host."""
        from pipeline.airflow.tasks import plan_fetch

        return plan_fetch()

    @task(max_active_tis_per_dag=4)
    def fetch_host(host_plan: dict) -> dict:
        """Fetch one host's feeds and new pages into raw_items."""
        from pipeline.airflow.tasks import fetch_host as run

        return run(host_plan)

    @task(outlets=[RAW_ITEMS])
    def announce_raw_items(reports: list[dict]) -> int:
        """Record the run and update the raw_items Asset only when new items arrived."""
        from pipeline.airflow.tasks import finish_fetch, skip_unless

        new = finish_fetch(reports)
        skip_unless(new > 0, "nothing new fetched")
        return new

    announce_raw_items(fetch_host.expand(host_plan=plan_hosts()))


news_fetch()
