"""The batch loader on the real PostgreSQL: idempotent, all-or-nothing, rejects bad rows, reclaims lost leases."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipeline import inbox as inbox_mod
from pipeline import load, runner
from pipeline.records import Rejected
from tests.integration.conftest import content_counts, lease_all, make_article, store_raw_for

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)


def _snapshot(conn):
    """Everything the loader derives, by stable keys (ids may differ between loads)."""
    return {
        "articles": conn.execute(
            "SELECT source, canonical_key, content_hash, processor_version, duplicate_of IS NOT NULL, simhash "
            "FROM articles ORDER BY 1, 2").fetchall(),
        "statements": conn.execute(
            "SELECT s.uid, s.seq, s.is_dup, sp.norm_key FROM statements s LEFT JOIN speakers sp ON sp.id = s.speaker_id "
            "ORDER BY s.uid").fetchall(),
        "revisions": conn.execute("SELECT count(*) FROM article_revisions").fetchone()[0],
    }


def _serve(monkeypatch, by_raw):
    """Make the processing stage return prepared articles (or Rejected) for raw item ids."""
    def fake_process(raw, learned=None):
        result = by_raw[raw.id]
        if isinstance(result, Exception):
            raise result
        return result

    monkeypatch.setattr(runner, "process", fake_process)


def test_loading_the_same_items_twice_gives_identical_content(conn, sample_inbox):
    inbox_mod.ingest(conn, sample_inbox)
    runner.process_pending(conn, batch_size=4)
    first, snap = content_counts(conn), _snapshot(conn)
    assert first["statements"] > 100 and first["articles"] + first["rejects"] == first["raw_items"]

    # A re-run of the same DAG run: every item pending again, processed and loaded a second time.
    conn.execute("UPDATE raw_items SET status = 'pending' WHERE status = 'processed'")
    conn.commit()
    again = runner.process_pending(conn, batch_size=3)
    assert again.articles == first["articles"] and again.articles_new == 0
    assert again.statements_kept == first["statements"] and again.statements_dropped == 0
    assert content_counts(conn) == first
    assert _snapshot(conn) == snap


def test_exception_mid_batch_leaves_whole_articles_and_reloads_cleanly(conn, monkeypatch):
    articles = [make_article("sana", f"a{i}", [f"جملة أولى في الخبر رقم {i}.", f"وقال الوزير إن الخبر {i} مهم."],
                             published_at=T0 + timedelta(hours=i)) for i in range(6)]
    store_raw_for(conn, articles)
    _serve(monkeypatch, {a.raw_item_id: a for a in articles})
    real = load.mark_near_duplicates
    calls = {"n": 0}

    def crash_in_second_batch(cur, *args, **kw):
        calls["n"] += 1
        if calls["n"] == 2:  # articles, statements and removed lines of this batch are written by now
            raise RuntimeError("injected crash")
        return real(cur, *args, **kw)

    monkeypatch.setattr(load, "mark_near_duplicates", crash_in_second_batch)
    with pytest.raises(RuntimeError, match="injected crash"):
        runner.process_pending(conn, batch_size=3, worker="w1")
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM raw_items WHERE status = 'pending'").fetchone()[0] == 3

    # The crashed worker's leases lapse; another worker reloads the rest exactly once.
    monkeypatch.setattr(load, "mark_near_duplicates", real)
    conn.execute("UPDATE raw_items SET claim_expires_at = now() - interval '1 second' WHERE status = 'pending'")
    conn.commit()
    counts = runner.process_pending(conn, batch_size=3, worker="w2")
    assert counts.articles == 3
    c = content_counts(conn)
    assert (c["articles"], c["statements"], c["raw_items"]) == (6, 12, 6)
    assert conn.execute("SELECT count(*) FROM raw_items WHERE status <> 'processed'").fetchone()[0] == 0


def test_nul_byte_and_2mb_statement_are_rejected_and_the_rest_loads(conn, monkeypatch):
    good = [make_article("sana", f"g{i}", [f"خبر سليم رقم {i}.", "وأضاف المتحدث أن الوضع مستقر."]) for i in range(4)]
    nul = make_article("sana", "nul", ["نص فيه\x00 بايت صفري.", "جملة ثانية."])
    huge = make_article("sana", "huge", ["بداية الخبر.", "كلام " * 400_000 + "."])  # a 2 MB statement
    batch = good[:2] + [nul] + good[2:] + [huge]
    store_raw_for(conn, batch)
    _serve(monkeypatch, {a.raw_item_id: a for a in batch})
    counts = runner.RunCounts()
    runner.process_batch(conn, lease_all(conn), counts, learned={}, worker="test-worker")
    assert counts.articles == 4 and counts.rejects == 2
    rejects = dict(conn.execute("SELECT raw_item_id, reason FROM rejects WHERE stage = 'load'").fetchall())
    assert rejects == {nul.raw_item_id: "nul_byte", huge.raw_item_id: "too_long"}
    status = dict(conn.execute("SELECT id, status FROM raw_items").fetchall())
    assert [status[a.raw_item_id] for a in batch] == ["processed"] * 2 + ["rejected"] + ["processed"] * 2 + ["rejected"]
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 8


def test_a_row_the_database_refuses_is_isolated_by_splitting_the_batch(conn, monkeypatch):
    articles = [make_article("sana", f"s{i}", [f"خبر رقم {i} في الدفعة."]) for i in range(7)]
    articles[4] = make_article("sana", "s4", ["نص يرفضه الخادم\x00 لأن فيه بايتا صفريا."])
    store_raw_for(conn, articles)
    monkeypatch.setattr(load, "validate", lambda article: None)  # let the bad row reach COPY
    with conn.transaction():
        counts = load.load_articles(conn, articles)
    assert counts.splits >= 2
    assert [r.article.external_id for r in counts.rejected] == ["s4"]
    assert counts.rejected[0].reason == "load_error"
    assert counts.articles == 6
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6


def test_a_failure_of_every_row_is_not_blamed_on_the_rows(conn, monkeypatch):
    # A sentence repeated in every article, so each one alone still has a dup key to recompute.
    articles = [make_article("sana", f"f{i}", [f"خبر رقم {i}.", "خبر مكرر.", "خبر مكرر."]) for i in range(3)]
    store_raw_for(conn, articles)
    monkeypatch.setattr(load, "_RECOMPUTE_DUPS", "SELECT 1/0")
    with pytest.raises(Exception, match="division by zero"):
        with conn.transaction():
            load.load_articles(conn, articles)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_rejects_survive_a_rolled_back_batch(conn, monkeypatch):
    ok = make_article("sana", "ok", ["خبر سليم."])
    bad_nul = make_article("sana", "badnul", ["نص\x00 مرفوض."])
    store_raw_for(conn, [ok, bad_nul])
    conn.execute("INSERT INTO raw_items (source, external_id, body, sha256, size_bytes) "
                 "VALUES ('sana', 'unreadable', '\\x00'::bytea, 'x', 1)")
    conn.commit()
    unreadable = conn.execute("SELECT id FROM raw_items WHERE external_id = 'unreadable'").fetchone()[0]
    _serve(monkeypatch, {ok.raw_item_id: ok, bad_nul.raw_item_id: bad_nul,
                         unreadable: Rejected("extract", "encoding_unknown", "test")})
    monkeypatch.setattr(runner, "mark_processed", lambda *a: (_ for _ in ()).throw(RuntimeError("crash at commit")))
    with pytest.raises(RuntimeError, match="crash at commit"):
        runner.process_batch(conn, lease_all(conn), runner.RunCounts(), learned={}, worker="test-worker")
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    kept = sorted(conn.execute("SELECT stage, reason FROM rejects").fetchall())
    assert kept == [("extract", "encoding_unknown"), ("load", "nul_byte")]


def test_expired_lease_is_reclaimed_and_loaded_once(conn, monkeypatch):
    articles = [make_article("spa", f"e{i}", [f"خبر عاجل رقم {i}.", "وأكد المسؤول ذلك."]) for i in range(5)]
    store_raw_for(conn, articles)
    _serve(monkeypatch, {a.raw_item_id: a for a in articles})
    crashed = runner.lease(conn, 10, "crashed-worker", lease_seconds=60)
    assert len(crashed) == 5
    assert runner.process_pending(conn, worker="other").items_seen == 0  # the lease still holds

    conn.execute("UPDATE raw_items SET claim_expires_at = now() - interval '1 second'")
    conn.commit()
    counts = runner.process_pending(conn, batch_size=2, worker="rescuer")
    assert counts.items_seen == 5 and counts.articles == 5
    # The first worker wakes up and tries to load what it had leased: it no longer holds it, nothing happens.
    late = runner.RunCounts()
    runner.process_batch(conn, crashed, late, learned={}, worker="crashed-worker")
    assert late.articles == 0 and late.items_lost_lease == 5
    assert content_counts(conn)["articles"] == 5 and content_counts(conn)["statements"] == 10
    assert {r[0] for r in conn.execute("SELECT attempts FROM raw_items")} == {2}
    assert conn.execute("SELECT count(*) FROM raw_items WHERE status = 'processed'").fetchone()[0] == 5


def test_url_variants_are_one_article_and_a_new_version_keeps_the_old_body(conn, monkeypatch):
    v1 = make_article("sabq", "story", ["النص الأول للخبر.", "وقال المتحدث إن العمل مستمر."], published_at=T0)
    v1.url = "http://www.sabq.example/story?utm_source=feed#top"
    v2 = make_article("sabq", "story", ["النص المصحح للخبر.", "وقال المتحدث إن العمل مستمر."], published_at=T0)
    v2.url = "https://sabq.example/story?fbclid=abc"
    store_raw_for(conn, [v1])
    with conn.transaction():
        load.load_articles(conn, [v1])
    store_raw_for(conn, [v2])
    assert v2.raw_item_id > v1.raw_item_id
    with conn.transaction():
        counts = load.load_articles(conn, [v2])
    assert counts.revisions == 1 and counts.articles_new == 0
    assert counts.statements_kept == 1 and counts.statements_added == 1 and counts.statements_dropped == 1
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    body, raw_id = conn.execute("SELECT body, raw_item_id FROM articles").fetchone()
    assert body.startswith("النص المصحح") and raw_id == v2.raw_item_id
    old = conn.execute("SELECT body, raw_item_id, replaced_by FROM article_revisions").fetchone()
    assert old == (v1.body, v1.raw_item_id, v2.raw_item_id)

    # The older version arriving late (or reprocessed) never overwrites the newer one.
    with conn.transaction():
        late = load.load_articles(conn, [v1])
    assert late.articles == 0
    assert conn.execute("SELECT body FROM articles").fetchone()[0] == v2.body
    assert conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 2


def test_co_speakers_are_linked_once_and_the_primary_speaker_is_the_statement_column(conn):
    article = make_article("sana", "co", ["وأكد بوتين وروحاني أن التعاون مستمر.", "وقال بوتين إن اللقاء مثمر."],
                           published_at=T0, speakers={0: "بوتين", 1: "بوتين"})
    article.statements[0].co_speakers = ["روحاني", "بوتين"]  # the speaker again as a co-speaker: one link, primary
    store_raw_for(conn, [article])
    all_speakers = ("SELECT s.seq, sp.canonical_name, a.is_primary FROM statement_all_speakers a "
                    "JOIN statements s ON s.id = a.statement_id JOIN speakers sp ON sp.id = a.speaker_id ORDER BY 1, 3 DESC")
    for _ in range(2):  # loading again replaces the links, never doubles them
        with conn.transaction():
            load.load_articles(conn, [article])
        assert conn.execute(all_speakers).fetchall() == [(0, "بوتين", True), (0, "روحاني", False), (1, "بوتين", True)]
        assert conn.execute("SELECT sp.canonical_name FROM statement_speakers ss "
                            "JOIN speakers sp ON sp.id = ss.speaker_id").fetchall() == [("روحاني",)]


def _dup_flags(conn):
    return conn.execute("SELECT a.external_id, s.seq, s.is_dup FROM statements s JOIN articles a ON a.id = s.article_id "
                        "ORDER BY 1, 2").fetchall()


def _two_stories():
    shared = "جملة مشتركة بين الخبرين عن الاجتماع."
    return (make_article("sana", "d1", [shared, "جملة أولى."], published_at=T0),
            make_article("sana", "d2", [shared, "جملة ثانية."], published_at=T0 + timedelta(hours=1)))


EXPECTED_DUPS = [("d1", 0, False), ("d1", 1, False), ("d2", 0, True), ("d2", 1, False)]


@pytest.mark.parametrize("one_transaction", [False, True])
def test_dedup_sees_statements_of_earlier_batches(conn, one_transaction):
    # The dedup probe must see the first batch's statements, committed or still in this transaction.
    first, second = _two_stories()
    store_raw_for(conn, [first, second])
    if one_transaction:
        with conn.transaction():
            load.load_articles(conn, [first])
            load.load_articles(conn, [second])
    else:
        for article in (first, second):
            with conn.transaction():
                load.load_articles(conn, [article])
    assert _dup_flags(conn) == EXPECTED_DUPS


def test_ingest_runs_row_has_counts_and_duration(conn, sample_inbox):
    inbox_mod.ingest(conn, sample_inbox)
    counts = runner.process_pending(conn, batch_size=5)
    run_id = runner.record_counts(conn, "process", counts, run_id="test-run")
    row = conn.execute(
        "SELECT items_seen, articles, statements, rejects, batches, finished_at - started_at, timings, details "
        "FROM ingest_runs WHERE id = %s", (run_id,)).fetchone()
    assert row[:5] == (counts.items_seen, counts.articles, counts.statements, counts.rejects, counts.batches)
    assert row[5].total_seconds() > 0 and {"process", "load", "total"} <= set(row[6])
    assert row[7]["articles_new"] == counts.articles
