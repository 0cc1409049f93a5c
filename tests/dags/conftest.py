"""Airflow fixtures: a migrated `airflow_test` metadata database and the project's Airflow environment."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DAG_IDS = {"news_fetch", "news_inbox", "news_process", "news_quality", "news_reprocess"}


def pytest_collection_modifyitems(config, items):
    """Tests on the live stack run last: once its scheduler runs, `airflow dags test` runs would share the
    databases with scheduled and asset-triggered runs it starts on its own."""
    items.sort(key=lambda item: "airflow_stack" in item.fixturenames or "airflow_api" in item.fixturenames)


@pytest.fixture(scope="session")
def airflow_env(news_url: str, tmp_path_factory) -> dict[str, str]:
    """Environment for `airflow` subprocesses: test metadata DB (migrated once), test news DB, a temp inbox."""
    from pipeline import airflow_cli, db, settings

    os.environ["NEWS_AIRFLOW_DB"] = "airflow_test"
    os.environ["NEWS_AIRFLOW_HOME"] = str(settings.data_dir() / "airflow-test")
    os.environ["NEWS_INBOX_DIR"] = str(tmp_path_factory.mktemp("airflow-inbox"))
    # Millisecond delays and backoffs for fetching, short retry delays for tasks: the suite stays fast.
    from tests.http_fixture_server import FAST_FETCH_ENV

    os.environ.update(FAST_FETCH_ENV)
    os.environ["NEWS_RETRY_DELAY_S"] = "0.01"
    db.ensure_databases()
    airflow_cli.migrate()
    return airflow_cli.env()


def dags_test(env: dict[str, str], dag_id: str, *extra: str) -> subprocess.CompletedProcess:
    """`airflow dags test DAG_ID` as a user would run it; returns the finished process."""
    airflow = str(Path(sys.executable).with_name("airflow"))
    return subprocess.run([airflow, "dags", "test", dag_id, *extra], env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="session")
def airflow_stack(airflow_env):
    """The local Airflow stack (api-server, scheduler, dag-processor, triggerer) for the session, as `make up` runs it."""
    from pipeline import stack

    started = stack.up()
    yield started
    stack.down()


class AirflowApi:
    """A small client for Airflow's REST API v2 with a bearer token from /auth/token."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        import httpx

        self.base_url = base_url
        token = httpx.post(f"{base_url}/auth/token", json={"username": username, "password": password}, timeout=30)
        token.raise_for_status()
        self.client = httpx.Client(base_url=f"{base_url}/api/v2", timeout=30,
                                   headers={"Authorization": f"Bearer {token.json()['access_token']}"})

    def get(self, path: str, **params):
        response = self.client.get(path, params=params)
        response.raise_for_status()
        return response.json()

    def trigger(self, dag_id: str, conf: dict | None = None) -> dict:
        from datetime import datetime, timezone

        response = self.client.post(f"/dags/{dag_id}/dagRuns",
                                    json={"logical_date": datetime.now(timezone.utc).isoformat(), "conf": conf or {}})
        response.raise_for_status()
        return response.json()

    def runs(self, dag_id: str) -> list[dict]:
        return self.get(f"/dags/{dag_id}/dagRuns", limit=100, order_by="-run_after")["dag_runs"]

    def wait_for(self, dag_id: str, predicate, timeout_s: float = 180) -> list[dict]:
        """Poll the runs of a DAG until `predicate(runs)` holds; fail with the runs seen on timeout."""
        import time

        deadline = time.monotonic() + timeout_s
        runs: list[dict] = []
        while time.monotonic() < deadline:
            runs = self.runs(dag_id)
            if predicate(runs):
                return runs
            time.sleep(2)
        raise AssertionError(f"{dag_id}: condition not met in {timeout_s}s; runs: "
                             + repr([(r["dag_run_id"], r["state"]) for r in runs]))


@pytest.fixture(scope="session")
def airflow_api(airflow_stack) -> AirflowApi:
    from pipeline import stack

    return AirflowApi(airflow_stack.base_url(), stack.ADMIN_USER, stack.admin_password())
