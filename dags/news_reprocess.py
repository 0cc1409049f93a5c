"""
### news_reprocess: re-derive articles and statements from stored raw items

Manual. Marks the stored raw items selected by the parameters as pending again, then processes them
with the current processor version, without fetching anything. Statements whose text is unchanged keep
their `uid`.

Parameters: `source` (empty = all), `since` / `until` (dates of `fetched_at`, empty = open),
`older_than_version` (only items processed by an older processor version; empty = all).
"""
from __future__ import annotations

from datetime import datetime

from airflow.sdk import Param, dag, task

from pipeline.airflow import STATEMENTS, default_args


@dag(
    dag_id="news_reprocess",
    schedule=None,
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["news", "process", "maintenance"],
    default_args=default_args(retry_delay_s=30),
    params={
        "source": Param("", type="string", description="source name; empty for all"),
        "since": Param("", type="string", description="YYYY-MM-DD; empty for no lower bound"),
        "until": Param("", type="string", description="YYYY-MM-DD; empty for no upper bound"),
        "older_than_version": Param("", type="string", description="only items processed by an older version"),
    },
)
def news_reprocess():
    @task(outlets=[STATEMENTS])
    def reprocess(params: dict | None = None) -> dict:
        """Re-derive the selected articles from raw_items."""
        from pipeline.airflow.tasks import reprocess_selected

        return reprocess_selected(params or {})

    reprocess()


news_reprocess()
