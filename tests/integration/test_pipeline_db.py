"""The inbox → raw_items → articles path on the real PostgreSQL server."""
from __future__ import annotations

import shutil

import pytest

from pipeline import inbox as inbox_mod
from pipeline import load, runner
from tests.integration.conftest import content_counts


def ingest_and_process(conn, inbox):
    ingested = inbox_mod.ingest(conn, inbox)
    processed = runner.process_pending(conn, batch_size=7)
    return ingested, processed


def test_samples_load_and_second_load_changes_nothing(conn, sample_inbox):
    ingested, processed = ingest_and_process(conn, sample_inbox)
    assert ingested.items_new >= 20
    assert processed.articles >= 18
    first = content_counts(conn)
    assert first["statements"] > 100
    assert first["articles"] + first["rejects"] == first["raw_items"]

    # The same files dropped again: stored once, nothing reprocessed, nothing duplicated.
    again = sample_inbox.parent / "again"
    from tests.conftest import SAMPLES

    shutil.copytree(SAMPLES, again, ignore=shutil.ignore_patterns("*.md"))
    for path in again.rglob("*.*"):
        target = sample_inbox / path.relative_to(again)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    ingested2, processed2 = ingest_and_process(conn, sample_inbox)
    assert ingested2.items_new == 0 and ingested2.items_unchanged == ingested.items_new
    assert processed2.items_seen == 0
    assert content_counts(conn) == first


def test_inbox_files_end_in_done_and_keep_their_source(conn, sample_inbox):
    before = sorted(p.relative_to(sample_inbox) for p in sample_inbox.rglob("*.*"))
    inbox_mod.ingest(conn, sample_inbox)
    done = sorted(p.relative_to(sample_inbox / "done") for p in (sample_inbox / "done").rglob("*.*"))
    assert done == before
    sources = {r[0] for r in conn.execute("SELECT DISTINCT source FROM raw_items")}
    assert {"sana", "spa", "sabq"} <= sources


def test_exception_mid_batch_leaves_no_partial_article(conn, sample_inbox, monkeypatch):
    inbox_mod.ingest(conn, sample_inbox)
    real_insert = load._NEAR_PAIRS_BANDED  # the loader's last query: the batch's statements are in by then
    calls = {"n": 0}

    original = load.load_articles

    def failing_load(connection, articles):
        calls["n"] += 1
        if calls["n"] == 2:
            # Articles of this batch are already upserted inside the transaction when this fails.
            monkeypatch.setattr(load, "_NEAR_PAIRS_BANDED", "SELECT 1/0, %(distance)s")
        else:
            monkeypatch.setattr(load, "_NEAR_PAIRS_BANDED", real_insert)
        return original(connection, articles)

    monkeypatch.setattr(runner, "load_articles", failing_load)
    with pytest.raises(Exception, match="division by zero"):
        runner.process_pending(conn, batch_size=5)
    conn.rollback()
    # Every article in the database has its statements: the failed batch left nothing.
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5 - _rejected_in_first_batch(conn)

    # The failed batch's leases expire; a clean run then loads everything exactly once.
    monkeypatch.setattr(load, "_NEAR_PAIRS_BANDED", real_insert)
    monkeypatch.setattr(runner, "load_articles", original)
    conn.execute("UPDATE raw_items SET claim_expires_at = now() - interval '1 second' WHERE status = 'pending'")
    conn.commit()
    runner.process_pending(conn, batch_size=5)
    counts = content_counts(conn)
    assert conn.execute("SELECT count(*) FROM raw_items WHERE status = 'pending'").fetchone()[0] == 0
    assert counts["articles"] + counts["rejects"] == counts["raw_items"]


def _rejected_in_first_batch(conn) -> int:
    return conn.execute("SELECT count(*) FROM rejects WHERE raw_item_id <= 5").fetchone()[0]


def test_a_retried_worker_takes_back_its_own_live_lease(conn, sample_inbox):
    """An Airflow retry runs under the same worker name: it resumes the crashed attempt's items at once."""
    inbox_mod.ingest(conn, sample_inbox)
    held = runner.lease(conn, 5, "run-1#0")
    assert len(held) == 5
    assert runner.lease(conn, 5, "someone-else") and all(
        i.id not in {h.id for h in held} for i in runner.lease(conn, 50, "another"))
    again = runner.lease(conn, 5, "run-1#0")
    assert {i.id for i in again} == {h.id for h in held}
