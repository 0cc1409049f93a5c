"""news_reprocess under real Airflow: re-derives one source's articles from raw_items with the DAG params."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import psycopg

from tests.conftest import SAMPLES, truncate
from tests.dags.conftest import dags_test


def test_reprocess_one_source_keeps_uids_and_counts(airflow_env, news_url):
    from pipeline.inbox import ingest
    from pipeline.runner import process_pending

    with psycopg.connect(news_url) as conn:
        truncate(conn)
        inbox = Path(airflow_env["NEWS_INBOX_DIR"]) / "reprocess"
        shutil.copytree(SAMPLES / "sana", inbox / "sana")
        ingest(conn, inbox)
        process_pending(conn)
        before = dict(conn.execute(
            "SELECT s.uid, s.text FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.source = 'sana'"))
        other = conn.execute("SELECT count(*) FROM raw_items WHERE source <> 'sana'").fetchone()[0]

        result = dags_test(airflow_env, "news_reprocess", "-c", json.dumps({"source": "sana"}))
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

        after = dict(conn.execute(
            "SELECT s.uid, s.text FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.source = 'sana'"))
        assert after == before  # same rules, same text: every uid survives
        run = conn.execute(
            "SELECT stage, items_seen, articles, dag_id, run_id FROM ingest_runs WHERE stage = 'reprocess'"
        ).fetchone()
        assert run[0] == "reprocess" and run[1] == run[2] == 9 and run[3] == "news_reprocess" and run[4]
        assert conn.execute("SELECT count(*) FROM raw_items").fetchone()[0] == 9 + other  # nothing fetched
