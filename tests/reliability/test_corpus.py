"""The hostile-input corpus (tests/data/bad/) through the real inbox, fetch and load paths: every case ends as its
manifest says, no run crashes, nothing is lost or duplicated, and the rest of each batch loads."""
from __future__ import annotations

import pytest

from pipeline import reliability

pytestmark = [pytest.mark.integration, pytest.mark.reliability, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def corpus_run(news_url, tmp_path_factory):
    import psycopg

    from tests.conftest import truncate

    work = tmp_path_factory.mktemp("corpus")
    with psycopg.connect(news_url) as conn:
        truncate(conn)
        tally, observed = reliability.run_corpus(conn, work)
        conn.commit()
        conn.autocommit = True  # read-only checks below: one failing query must not poison the others
        yield conn, tally, observed, work
        truncate(conn)


def test_the_corpus_has_at_least_40_cases():
    cases = reliability.load_manifest()
    assert len(cases) >= 40
    assert {c.channel for c in cases} == {"inbox", "page", "feed"}


@pytest.mark.parametrize("case", reliability.load_manifest(), ids=lambda c: c.name)
def test_case_outcome(corpus_run, case):
    _, _, observed, _ = corpus_run
    assert observed[case.name] == case.expect


def test_no_crash_no_loss_no_duplicate(corpus_run):
    conn, tally, _, work = corpus_run
    assert tally.notes == [] and tally.crashes == 0
    assert reliability.lost_raw_items(conn) == 0
    assert reliability.lost_files(conn, work / "inbox") == []
    assert tally.duplicates == 0
    assert tally.rejected >= 20


def test_every_reject_names_stage_and_reason(corpus_run):
    conn = corpus_run[0]
    assert conn.execute("SELECT count(*) FROM rejects WHERE coalesce(stage, '') = '' OR coalesce(reason, '') = ''"
                        ).fetchone()[0] == 0


def test_no_local_file_reached_the_database(corpus_run):
    """XXE in feeds and HTML, and a symlink in the inbox, never bring /etc/passwd into any table."""
    conn = corpus_run[0]
    assert conn.execute("SELECT count(*) FROM raw_items WHERE position('root:x:0:0'::bytea IN body) > 0"
                        ).fetchone()[0] == 0
    for table, column in (("articles", "body"), ("articles", "title"), ("statements", "text"),
                          ("removed_lines", "text"), ("rejects", "detail")):
        hits = conn.execute(f"SELECT count(*) FROM {table} WHERE {column} LIKE '%%root:x:0:0%%'").fetchone()[0]
        assert hits == 0, f"{table}.{column} holds /etc/passwd"


def test_injection_looking_text_round_trips_unchanged(corpus_run):
    conn = corpus_run[0]
    body, title = conn.execute(
        "SELECT a.body, a.title FROM articles a JOIN raw_items r ON r.id = a.raw_item_id WHERE r.path = %s",
        ("sql_injection.txt",)).fetchone()
    assert title == "Robert'); DROP TABLE articles;-- عنوان"
    for piece in ("'; DROP TABLE statements; -- ثم ' OR '1'='1", "%s %(name)s $1 $$ قال $$ E'\\x00' \\\\ {0}",
                  "SELECT pg_sleep(10); --"):
        assert piece in body
    assert conn.execute("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
                        "WHERE a.title = %s", (title,)).fetchone()[0] > 0


def test_no_statement_exceeds_the_segment_cap(corpus_run):
    """A paragraph without punctuation (one_mb_single_line) and a 20,000-character token load as capped pieces."""
    from pipeline.segment import MAX_STATEMENT_CHARS

    conn = corpus_run[0]
    assert conn.execute("SELECT max(length(text)) FROM statements").fetchone()[0] <= MAX_STATEMENT_CHARS
    body, longest, count = conn.execute(
        "SELECT a.body, max(length(s.text)), count(*) FROM articles a JOIN raw_items r ON r.id = a.raw_item_id "
        "JOIN statements s ON s.article_id = a.id WHERE r.path = %s GROUP BY a.body",
        ("word_over_statement_cap.txt",)).fetchone()
    assert longest == MAX_STATEMENT_CHARS and count > 20_000 // MAX_STATEMENT_CHARS
    assert "أكد وزير الخارجية أن المحادثات مع الجانب الأردني كانت مثمرة وبناءة." in body
