"""Migrations: applied in name order, recorded, safe to run again, and every analyst table is documented."""
from __future__ import annotations

import psycopg

from pipeline import db


def test_second_migrate_applies_nothing(news_url):
    with psycopg.connect(news_url) as conn:
        assert db.migrate(conn) == []
        recorded = [r[0] for r in conn.execute("SELECT filename FROM schema_migrations ORDER BY filename")]
    assert recorded == sorted(p.name for p in db.MIGRATIONS.glob("*.sql"))


def test_new_migration_file_is_applied_once(server_url, tmp_path):
    name = "news_migrate_probe"
    url = db.fresh_database(name, server_url)
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_a.sql").write_text("CREATE TABLE a (x int);")
    (folder / "0002_b.sql").write_text("CREATE TABLE b (y int);")
    with psycopg.connect(url) as conn:
        assert db.migrate(conn, folder) == ["0001_a.sql", "0002_b.sql"]
        (folder / "0001_5_branch.sql").write_text("CREATE TABLE c (z int);")  # a parallel branch's file
        assert db.migrate(conn, folder) == ["0001_5_branch.sql"]
        assert db.migrate(conn, folder) == []
    db.drop_database(name, server_url)


def test_a_failing_migration_leaves_nothing_behind(news_url, tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "9999_broken.sql").write_text("CREATE TABLE half_done (x int); SELECT no_such_function();")
    with psycopg.connect(news_url) as conn:
        try:
            db.migrate(conn, folder)
        except psycopg.Error:
            conn.rollback()
        else:
            raise AssertionError("broken migration applied")
        assert conn.execute("SELECT to_regclass('half_done')").fetchone()[0] is None
        assert not conn.execute("SELECT 1 FROM schema_migrations WHERE filename = '9999_broken.sql'").fetchone()


def test_every_table_and_column_is_commented(news_url):
    with psycopg.connect(news_url) as conn:
        missing = conn.execute(
            """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm') AND c.relname <> 'schema_migrations'
              AND obj_description(c.oid, 'pg_class') IS NULL
            """
        ).fetchall()
    assert missing == []


def test_statements_have_arabic_full_text_search(conn):
    with conn.cursor() as cur:
        cur.execute("INSERT INTO sources (name) VALUES ('probe') ON CONFLICT DO NOTHING")
        cur.execute(
            "INSERT INTO articles (source, canonical_key, body, processor_version, content_hash) "
            "VALUES ('probe', 'k', 'x', 'v', 'h') RETURNING id"
        )
        article = cur.fetchone()[0]
        cur.execute(
            "INSERT INTO statements (article_id, seq, start_offset, end_offset, text, norm_hash, uid) "
            "VALUES (%s, 0, 0, 30, 'أكد الوزير أهمية المفاوضات السياسية', 'n', 'u')", (article,)
        )
        hit = cur.execute(
            "SELECT count(*) FROM statements WHERE tsv @@ plainto_tsquery('arabic', 'المفاوضات')"
        ).fetchone()[0]
    assert hit == 1
