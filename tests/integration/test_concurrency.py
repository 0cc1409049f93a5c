"""Two loaders at once (two DAG runs) on overlapping items: no duplicates, no failed run."""
from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import psycopg

from pipeline import inbox as inbox_mod
from pipeline import load, runner
from tests.integration.conftest import content_counts, make_article, store_raw_for

T0 = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _in_threads(n, target):
    errors: list[BaseException] = []
    barrier = threading.Barrier(n)

    def run(i):
        try:
            barrier.wait()
            target(i)
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return errors


def _no_duplicates(conn):
    assert conn.execute("SELECT count(*) - count(DISTINCT (source, canonical_key)) FROM articles").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) - count(DISTINCT (article_id, seq)) FROM statements").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) - count(DISTINCT norm_key) FROM speakers").fetchone()[0] == 0


def test_two_loaders_on_the_same_pending_items(conn, sample_inbox, news_url):
    inbox_mod.ingest(conn, sample_inbox)
    conn.commit()
    results = {}

    def work(i):
        with psycopg.connect(news_url) as own:
            results[i] = runner.process_pending(own, batch_size=2, worker=f"loader-{i}")

    assert _in_threads(2, work) == []
    counts = content_counts(conn)
    assert sum(r.items_seen for r in results.values()) == counts["raw_items"]  # each item leased by one loader
    assert counts["articles"] + counts["rejects"] == counts["raw_items"]
    _no_duplicates(conn)


def test_two_loaders_loading_the_very_same_articles_at_once(conn, news_url):
    """Overlap the leases cannot prevent: a lapsed lease taken over while the first holder still loads."""
    speakers = {1: "أحمد الخطيب", 2: "سارة المصري"}
    articles = [make_article("sana", f"c{i}", [f"خبر مشترك رقم {i}.", "وقال أحمد الخطيب إن الاجتماع ناجح.",
                                                "وقالت سارة المصري إن التعاون مستمر.", "تكرار مقصود."],
                             published_at=T0 + timedelta(hours=i), speakers=speakers) for i in range(40)]
    store_raw_for(conn, articles)
    retries = []

    def work(i):
        order = articles if i % 2 == 0 else list(reversed(articles))  # opposite lock orders invite deadlocks
        with psycopg.connect(news_url) as own:
            for start in range(0, len(order), 10):
                def attempt(batch=order[start:start + 10]):
                    with own.transaction():
                        load.load_articles(own, batch)
                from pipeline.retry import with_retries

                with_retries(attempt, on_retry=retries.append)

    assert _in_threads(4, work) == []
    counts = content_counts(conn)
    assert counts["articles"] == 40 and counts["statements"] == 160
    # statement_speakers holds co-speakers only (none here); the primary speaker is statements.speaker_id
    assert counts["speakers"] == 2 and counts["statement_speakers"] == 0
    assert conn.execute("SELECT count(*) FROM statement_all_speakers").fetchone()[0] == 80
    _no_duplicates(conn)
    dup = conn.execute("SELECT count(*) FILTER (WHERE is_dup) FROM statements").fetchone()[0]
    assert dup == 39 + 39 + 39  # the shared sentences: one original each for 3 texts, copies within 7 days


def test_serialization_failures_and_deadlocks_are_retried():
    from psycopg import errors

    from pipeline.retry import with_retries

    calls = []

    def flaky():
        calls.append(1)
        if len(calls) == 1:
            raise errors.DeadlockDetected("deadlock detected")
        if len(calls) == 2:
            raise errors.SerializationFailure("could not serialize access")
        return "done"

    assert with_retries(flaky, base_delay=0.001) == "done" and len(calls) == 3
