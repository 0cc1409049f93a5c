"""The only part of the package that imports Airflow: task helpers and triggers used by dags/."""

import os
from datetime import timedelta
from typing import Any

from airflow.sdk import Asset

from pipeline.airflow.notify import WebhookNotifier

RAW_ITEMS = Asset("raw_items", uri="news://raw_items")
STATEMENTS = Asset("statements", uri="news://statements")
NEWS_DB_CONN_ID = "news_db"
OWNER = "news-data"


def default_args(retry_delay_s: float) -> dict[str, Any]:
    """Owner, two retries with exponential backoff, alerts on failure; `NEWS_RETRY_DELAY_S` overrides the delay."""
    delay = float(os.environ.get("NEWS_RETRY_DELAY_S", retry_delay_s))
    return {
        "owner": OWNER,
        "retries": 2,
        "retry_delay": timedelta(seconds=delay),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(minutes=10),
        "on_failure_callback": [WebhookNotifier(message="news pipeline task failed")],
    }
