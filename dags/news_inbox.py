"""
### news_inbox: files dropped into the inbox become raw items

Watches the inbox folder (`NEWS_INBOX_DIR`, default `.data/inbox/`) for `*.txt`, `*.html`, `*.json`
and `*.jsonl` files, in the root or in a folder named after the source (`inbox/sana/story.txt`).
A trigger claims each new file by renaming it into `processing/`; this DAG stores every claimed file
in `raw_items` exactly as received (one item per line of a JSON Lines file) and moves it to `done/`,
or to `failed/` with a `.reason` file beside it. Several files dropped at once may arrive in one run.

When anything new was stored, the last task updates the `raw_items` Asset, which starts `news_process`.
Counts per run are in the `ingest_runs` table (stage `ingest`).
"""
from __future__ import annotations

import os
from datetime import datetime

from airflow.sdk import Asset, AssetWatcher, dag, task

from pipeline.airflow import RAW_ITEMS, default_args
from pipeline.airflow.triggers import InboxTrigger

INBOX = os.environ.get("NEWS_INBOX_DIR", os.path.join(os.environ.get("NEWS_DATA_DIR", ".data"), "inbox"))
INBOX_DROPPED = Asset(
    "inbox_files", uri="news://inbox_files",
    watchers=[AssetWatcher(name="inbox_watcher", trigger=InboxTrigger(directory=INBOX))],
)


@dag(
    dag_id="news_inbox",
    schedule=[INBOX_DROPPED],
    start_date=datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    doc_md=__doc__,
    tags=["news", "ingest", "inbox"],
    default_args=default_args(retry_delay_s=10),
)
def news_inbox():
    @task
    def store_files() -> dict:
        """Store claimed and new inbox files in raw_items."""
        from pipeline.airflow.tasks import ingest_inbox

        return ingest_inbox(INBOX)

    @task(outlets=[RAW_ITEMS])
    def announce_raw_items(counts: dict) -> int:
        """Update the raw_items Asset only when new items arrived."""
        from pipeline.airflow.tasks import skip_unless

        skip_unless(counts["items_new"] > 0, "nothing new in the inbox")
        return counts["items_new"]

    announce_raw_items(store_files())


news_inbox()
