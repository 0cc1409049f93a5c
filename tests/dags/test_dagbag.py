"""Every DAG file imports cleanly, and each DAG is documented, tagged, owned and retried."""
from __future__ import annotations

import os
import time

import pytest

from tests.dags.conftest import DAG_IDS


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory):
    from pipeline import settings

    home = tmp_path_factory.mktemp("airflow-home")
    os.environ.setdefault("AIRFLOW_HOME", str(home))
    os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(settings.PROJECT_ROOT / "dags"))


def test_no_import_errors(dagbag):
    assert dagbag.import_errors == {}


def test_the_five_dags_exist(dagbag):
    assert set(dagbag.dag_ids) == DAG_IDS


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_dag_is_documented_tagged_owned_and_retried(dagbag, dag_id):
    dag = dagbag.dags[dag_id]
    assert dag.doc_md and dag.doc_md.strip().startswith("###")
    assert "news" in dag.tags
    for task in dag.tasks:
        assert task.owner == "news-data"
        assert task.retries >= 2


def test_assets_wire_inbox_to_process_to_quality(dagbag):
    outlets = {
        dag_id: {a.name for t in dagbag.dags[dag_id].tasks for a in t.outlets} for dag_id in dagbag.dag_ids
    }
    assert "raw_items" in outlets["news_inbox"]
    assert "statements" in outlets["news_process"]
    process_schedule = dagbag.dags["news_process"].timetable.asset_condition
    assert "raw_items" in repr(process_schedule)
    assert "statements" in repr(dagbag.dags["news_quality"].timetable.asset_condition)


def test_parsing_is_cheap(dagbag):
    """DAG files do no database or network work at import time: re-parsing them all stays well under a second."""
    from airflow.dag_processing.dagbag import DagBag

    from pipeline import settings

    start = time.perf_counter()
    DagBag(dag_folder=str(settings.PROJECT_ROOT / "dags"))
    print(f"parse time {time.perf_counter() - start:.3f}s")
