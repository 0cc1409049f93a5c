"""With the triggerer running, files dropped into the inbox start news_inbox by themselves."""
from __future__ import annotations

import os
import time
from pathlib import Path

import psycopg

from tests.conftest import truncate


def _wait(condition, timeout_s: float, message: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(1)
    raise AssertionError(message)


def test_a_burst_of_twenty_files_is_stored_once_each(airflow_api, news_url):
    inbox = Path(os.environ["NEWS_INBOX_DIR"])
    with psycopg.connect(news_url) as conn:
        truncate(conn)
    before = {r["dag_run_id"] for r in airflow_api.runs("news_inbox")}
    folder = inbox / "sana"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(20):
        (folder / f"burst_{i:02d}.txt").write_text(
            f"خبر عاجل رقم {i}\n\nدمشق – سانا\n\nقال المتحدث باسم الوزارة إن الاجتماع رقم {i} انعقد اليوم في دمشق.\n",
            encoding="utf-8",
        )

    def all_done() -> bool:
        done = inbox / "done" / "sana"
        return done.is_dir() and len(list(done.glob("burst_*.txt"))) == 20

    _wait(all_done, 180, "not every dropped file reached done/")
    airflow_api.wait_for(
        "news_process",
        lambda runs: any(r["run_type"] == "asset_triggered" and r["state"] == "success" for r in runs),
    )
    with psycopg.connect(news_url) as conn:
        def loaded() -> bool:
            return conn.execute(
                "SELECT count(*) FROM articles WHERE external_id LIKE 'sana/burst_%%'"
            ).fetchone()[0] == 20

        _wait(loaded, 120, "not all 20 articles were loaded")
        stored = conn.execute(
            "SELECT count(*), count(DISTINCT external_id) FROM raw_items WHERE external_id LIKE 'sana/burst_%%'"
        ).fetchone()
    assert stored == (20, 20)
    assert not list(inbox.glob("sana/burst_*.txt")), "a dropped file was left unclaimed"
    assert not list((inbox / "processing").rglob("burst_*.txt")), "a claimed file was never stored"
    new_runs = [r for r in airflow_api.runs("news_inbox") if r["dag_run_id"] not in before]
    assert new_runs and all(r["run_type"] == "asset_triggered" for r in new_runs)
    assert all(r["state"] == "success" for r in new_runs if r["state"] in ("success", "failed"))
