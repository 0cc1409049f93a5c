"""Run the `airflow` command with the project's environment (Airflow home, metadata DB, connection)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline import settings

_MIGRATED_STAMP = "airflow_db_migrated"


def airflow_bin() -> str:
    return str(Path(sys.executable).with_name("airflow"))


def env() -> dict[str, str]:
    return {**os.environ, **settings.airflow_env()}


def run(args: list[str], check: bool = True, capture: bool = False) -> subprocess.CompletedProcess:
    """Run `airflow ARGS` with the project's environment."""
    return subprocess.run([airflow_bin(), *args], env=env(), check=check, text=True,
                          capture_output=capture)


def migrate() -> None:
    """`airflow db migrate` once per Airflow version and metadata database (it is slow when there is nothing to do)."""
    from importlib.metadata import version

    stamp = settings.airflow_home() / _MIGRATED_STAMP
    key = f"{version('apache-airflow')} {settings.airflow_db_url().split('@')[-1]}"
    if stamp.exists() and stamp.read_text() == key:
        return
    run(["db", "migrate"], capture=True)
    stamp.write_text(key)


def run_dags(dag_ids: list[str]) -> subprocess.CompletedProcess:
    """Run DAGs in order with dag.test() in one Airflow process (see pipeline.airflow.run_dags)."""
    return subprocess.run([sys.executable, "-m", "pipeline.airflow.run_dags", *dag_ids], env=env(), text=True,
                          capture_output=True, check=False)
