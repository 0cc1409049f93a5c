"""The only part of the package that imports Airflow: task helpers and triggers used by dags/."""

from airflow.sdk import Asset

RAW_ITEMS = Asset("raw_items", uri="news://raw_items")
STATEMENTS = Asset("statements", uri="news://statements")
NEWS_DB_CONN_ID = "news_db"
OWNER = "news-data"
DEFAULT_ARGS = {
    "owner": OWNER,
    "retries": 2,
    "retry_exponential_backoff": True,
}
