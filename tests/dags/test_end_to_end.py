"""End to end through real Airflow: samples dropped into the inbox, `airflow dags test` news_inbox then news_process."""
from __future__ import annotations

import shutil
from pathlib import Path

import psycopg

from tests.conftest import SAMPLES, truncate
from tests.dags.conftest import dags_test
from tests.integration.conftest import content_counts


def test_inbox_then_process_loads_the_samples(airflow_env, news_url):
    inbox = Path(airflow_env["NEWS_INBOX_DIR"])
    with psycopg.connect(news_url) as conn:
        truncate(conn)
    shutil.copytree(SAMPLES, inbox, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
    dropped = sorted(p.relative_to(inbox) for p in inbox.rglob("*.*"))

    for dag_id in ("news_inbox", "news_process", "news_quality"):
        result = dags_test(airflow_env, dag_id)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    done = sorted(p.relative_to(inbox / "done") for p in (inbox / "done").rglob("*.*"))
    assert done == dropped
    with psycopg.connect(news_url) as conn:
        counts = content_counts(conn)
        assert counts["raw_items"] >= 25
        assert counts["articles"] >= 20
        assert counts["articles"] + counts["rejects"] == counts["raw_items"]
        assert conn.execute("SELECT count(*) FROM raw_items WHERE status = 'pending'").fetchone()[0] == 0
        sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM articles")}
        assert {"sana", "spa", "sabq"} <= sources
        runs = conn.execute("SELECT stage, items_new, run_id FROM ingest_runs ORDER BY id").fetchall()
        assert [r[0] for r in runs if r[0] != "quality"] == ["ingest", "process"]
        assert all(r[2] for r in runs), "runs record their Airflow run id"
        seed = conn.execute(
            "SELECT a.body FROM articles a JOIN raw_items r ON r.id = a.raw_item_id WHERE r.path LIKE %s",
            ("%000_seed_sana.txt",),
        ).fetchone()
        assert seed and "telegram.me" not in seed[0] and "بيسكوف" in seed[0]

    # A second round with the same files: nothing new, nothing processed, counts unchanged.
    shutil.copytree(SAMPLES, inbox, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.md"))
    for dag_id in ("news_inbox", "news_process"):
        result = dags_test(airflow_env, dag_id)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    with psycopg.connect(news_url) as conn:
        assert content_counts(conn) == counts
        last_ingest = conn.execute(
            "SELECT items_new FROM ingest_runs WHERE stage = 'ingest' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        assert last_ingest == 0
