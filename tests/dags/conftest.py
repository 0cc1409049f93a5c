"""Airflow fixtures: a migrated `airflow_test` metadata database and the project's Airflow environment."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DAG_IDS = {"news_fetch", "news_inbox", "news_process", "news_quality", "news_reprocess"}


@pytest.fixture(scope="session")
def airflow_env(news_url: str, tmp_path_factory) -> dict[str, str]:
    """Environment for `airflow` subprocesses: test metadata DB (migrated once), test news DB, a temp inbox."""
    from pipeline import airflow_cli, db, settings

    os.environ["NEWS_AIRFLOW_DB"] = "airflow_test"
    os.environ["NEWS_AIRFLOW_HOME"] = str(settings.data_dir() / "airflow-test")
    os.environ["NEWS_INBOX_DIR"] = str(tmp_path_factory.mktemp("airflow-inbox"))
    db.ensure_databases()
    airflow_cli.migrate()
    return airflow_cli.env()


def dags_test(env: dict[str, str], dag_id: str, *extra: str) -> subprocess.CompletedProcess:
    """`airflow dags test DAG_ID` as a user would run it; returns the finished process."""
    airflow = str(Path(sys.executable).with_name("airflow"))
    return subprocess.run([airflow, "dags", "test", dag_id, *extra], env=env, capture_output=True, text=True,
                          timeout=600)
