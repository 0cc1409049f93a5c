"""New stories go straight into articles by COPY (probe, ids, COPY); stored ones through staging and the upsert.

The fast path must give exactly what the upsert path gives, and a story another loader inserts between the probe
and the COPY must end in a correct load: no duplicate, no reject, the batch redone through the upsert.
"""
from __future__ import annotations

import threading
import time
from dataclasses import asdict
from datetime import datetime, timedelta, timezone

import psycopg
import pytest

from pipeline import load
from tests.conftest import truncate
from tests.integration.conftest import content_counts, make_article, store_raw_for

T0 = datetime(2024, 7, 1, 8, 0, tzinfo=timezone.utc)
SPEAKERS = {1: "أحمد الخطيب"}


def _story(key: str, variant: str = "", hours: int = 0):
    return make_article("sana", key, [f"خبر {key} {variant}.", f"وقال أحمد الخطيب إن الخبر {key} مهم.",
                                      "جملة تتكرر في كل الأخبار."],
                        published_at=T0 + timedelta(hours=hours), speakers=SPEAKERS,
                        removed=[("تابعونا على تيلغرام", "generic:promo")])


def _snapshot(conn):
    """Everything the loader derives, by stable keys (ids and raw item ids differ between runs)."""
    return {
        "articles": conn.execute(
            "SELECT canonical_key, title, body, content_hash, published_at, simhash, blocks, duplicate_of IS NOT NULL "
            "FROM articles ORDER BY 1").fetchall(),
        "statements": conn.execute(
            "SELECT a.canonical_key, s.seq, s.uid, s.text, s.is_dup, sp.norm_key FROM statements s "
            "JOIN articles a ON a.id = s.article_id LEFT JOIN speakers sp ON sp.id = s.speaker_id ORDER BY 1, 2"
        ).fetchall(),
        "removed": conn.execute("SELECT a.canonical_key, r.seq, r.text, r.rule FROM removed_lines r "
                                "JOIN articles a ON a.id = r.article_id ORDER BY 1, 2").fetchall(),
        "revisions": conn.execute("SELECT a.canonical_key, r.body FROM article_revisions r "
                                  "JOIN articles a ON a.id = r.article_id ORDER BY 1").fetchall(),
        "counts": content_counts(conn),
    }


def _counts(counts: load.LoadCounts) -> dict:
    return {k: v for k, v in asdict(counts).items() if k != "rejected"} | {"rejected": len(counts.rejected)}


def _mixed_scenario(conn):
    """A first batch of four stories, then a batch mixing three new stories with a newer version of a stored one,
    a stored one sent again unchanged and an older version of a stored one."""
    first = [_story(f"m{i}", hours=i) for i in range(4)]
    store_raw_for(conn, first)
    with conn.transaction():
        one = load.load_articles(conn, first)
    newer = _story("m1", "مصحح", hours=1)
    new = [_story(f"n{i}", hours=10 + i) for i in range(3)]
    store_raw_for(conn, [newer, *new])
    older = _story("m3", "قديم", hours=3)
    older.raw_item_id = first[0].raw_item_id  # a raw item older than the stored version's
    with conn.transaction():
        two = load.load_articles(conn, [new[0], newer, new[1], first[2], older, new[2]])
    return _counts(one), _counts(two), _snapshot(conn)


def test_a_batch_of_new_and_stored_stories_loads_exactly_as_through_the_upsert(conn, monkeypatch):
    fast_new = []
    real = load._copy_new_articles

    def spy(*args):
        new = real(*args)
        fast_new.append(len(new))
        return new

    monkeypatch.setattr(load, "_copy_new_articles", spy)
    fast = _mixed_scenario(conn)
    assert fast_new == [4, 3]  # every story of the first batch and the three new ones of the second took the COPY

    truncate(conn)
    monkeypatch.setattr(load, "_copy_new_articles", lambda *args: set())  # everything through staging + upsert
    assert _mixed_scenario(conn) == fast

    one, two, snap = fast
    assert one["articles"] == one["articles_new"] == 4 and one["statements"] == 12 and one["lines_removed"] == 4
    # The older version is not loaded; the unchanged one is loaded again; the newer one keeps the old body.
    assert (two["articles"], two["articles_new"], two["revisions"], two["rejected"]) == (5, 3, 1, 0)
    assert two["statements"] == 15 and two["lines_removed"] == 5
    assert two["statements_kept"] == 5 and two["statements_dropped"] == 1
    assert snap["counts"]["articles"] == 7 and snap["counts"]["statements"] == 21
    assert [key for key, _ in snap["revisions"]] == ["sana.example/m1"]
    assert sum(1 for s in snap["statements"] if s[4]) == 6  # the repeated sentence: one original, six copies


def test_new_articles_get_ids_in_key_order_and_a_second_load_changes_nothing(conn):
    articles = [_story(f"k{i}", hours=i) for i in (3, 11, 0, 7, 1)]
    store_raw_for(conn, articles)
    with conn.transaction():
        first = load.load_articles(conn, articles)
    ids = conn.execute("SELECT canonical_key, id FROM articles ORDER BY id").fetchall()
    assert [k for k, _ in ids] == sorted(k for k, _ in ids)  # as the upsert numbers them: fewer lock-order waits
    snap = _snapshot(conn)
    with conn.transaction():
        again = load.load_articles(conn, articles)
    assert _snapshot(conn) == snap
    assert conn.execute("SELECT canonical_key, id FROM articles ORDER BY id").fetchall() == ids
    assert (first.articles_new, again.articles_new, again.articles) == (5, 0, 5)
    assert again.statements_kept == first.statements == 15 and again.statements_dropped == 0


def _race(monkeypatch, ours, action):
    """Run `action` once, just before the fast path's COPY into articles (after the probe found its keys new).
    Returns the `fast` argument of every attempt at a batch on the test's connection, in order."""
    real = load._write_rows
    done, attempts = [], []

    def write_rows(cur, table, types, rows):
        if table == load._NEW_ARTICLE_COLUMNS and not done:
            done.append(True)
            action()
        return real(cur, table, types, rows)

    monkeypatch.setattr(load, "_write_rows", write_rows)
    real_load = load._load

    def spy(conn, batch, keys, counts, invalid, fast=True):
        if conn is ours:
            attempts.append(fast)
        return real_load(conn, batch, keys, counts, invalid, fast)

    monkeypatch.setattr(load, "_load", spy)
    return attempts


@pytest.mark.parametrize("other_commits", ["before_the_copy", "while_the_copy_waits", "never (rolls back)"])
def test_a_story_inserted_by_another_loader_after_the_probe(conn, news_url, monkeypatch, other_commits):
    theirs = _story("r2", "نسختهم", hours=2)
    ours = [_story(f"r{i}", hours=i) for i in range(5)]
    store_raw_for(conn, [theirs, *ours])  # our version of r2 is the newer raw item
    other = psycopg.connect(news_url)
    timers = []

    def other_loader_inserts():
        other.execute("SELECT 1")  # opens its transaction: load_articles then runs in a savepoint, uncommitted
        load.load_articles(other, [theirs])
        if other_commits == "before_the_copy":
            other.commit()
        else:
            timer = threading.Timer(1.0, other.commit if other_commits == "while_the_copy_waits" else other.rollback)
            timer.start()
            timers.append(timer)

    done = _race(monkeypatch, conn, other_loader_inserts)
    started = time.perf_counter()
    try:
        with conn.transaction():
            counts = load.load_articles(conn, ours)
        waited = [time.perf_counter() - started]
    finally:
        for timer in timers:
            timer.join()
        other.close()
    assert counts.rejected == [] and counts.splits == 0
    # Redone through the upsert (fast=False) only when the other row was there to collide with.
    assert done == ([True] if other_commits == "never (rolls back)" else [True, False])
    if other_commits == "while_the_copy_waits":
        assert waited[0] > 0.5  # the COPY really waited for the other loader's uncommitted row
    assert counts.articles == 5 and counts.statements == 15
    rows = conn.execute("SELECT canonical_key, body, raw_item_id FROM articles ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == [f"sana.example/r{i}" for i in range(5)]  # one row per story
    assert rows[2][1:] == (ours[2].body, ours[2].raw_item_id)  # the newer version won
    assert content_counts(conn)["statements"] == 15
    if other_commits == "never (rolls back)":
        assert (counts.articles_new, counts.revisions) == (5, 0)
    else:
        assert (counts.articles_new, counts.revisions) == (4, 1)
        assert counts.statements_dropped == 1 and counts.statements_kept == 2
        assert conn.execute("SELECT body FROM article_revisions").fetchall() == [(theirs.body,)]


def test_a_newer_version_inserted_by_another_loader_after_the_probe_is_kept(conn, news_url, monkeypatch):
    ours = [_story(f"v{i}", hours=i) for i in range(3)]
    store_raw_for(conn, ours)
    theirs = _story("v1", "أحدث", hours=1)
    store_raw_for(conn, [theirs])  # a newer raw item than ours

    def other_loader_inserts():
        with psycopg.connect(news_url) as other:
            load.load_articles(other, [theirs])

    done = _race(monkeypatch, conn, other_loader_inserts)
    with conn.transaction():
        counts = load.load_articles(conn, ours)
    assert done == [True, False]
    assert counts.rejected == [] and (counts.articles, counts.articles_new) == (2, 2)  # ours of v1 is older
    stored = conn.execute("SELECT body FROM articles WHERE canonical_key = 'sana.example/v1'").fetchone()[0]
    assert stored == theirs.body
    assert content_counts(conn)["articles"] == 3 and content_counts(conn)["statements"] == 9


def test_a_norm_hash_holding_a_newline_is_still_probed(conn):
    # The dedup probe sends the batch's hashes newline-joined; a hash with a newline takes the text[] form.
    first, second = _story("h0", hours=0), _story("h1", hours=1)
    for article in (first, second):
        article.statements[0].norm_hash = "odd\nhash"
    store_raw_for(conn, [first, second])
    for article in (first, second):
        with conn.transaction():
            load.load_articles(conn, [article])
    flags = conn.execute("SELECT a.canonical_key, s.is_dup FROM statements s JOIN articles a ON a.id = s.article_id "
                         "WHERE s.norm_hash = 'odd\nhash' ORDER BY 1").fetchall()
    assert flags == [("sana.example/h0", False), ("sana.example/h1", True)]
