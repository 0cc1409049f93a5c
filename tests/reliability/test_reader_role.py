"""The `news_reader` role may read the report views and nothing else, checked over the whole catalog.

`pipeline.report` (views in sql/reports/ and the role's grants) comes with the Loading and reporting issue; until
that branch is merged this test fails on the import, on purpose: the guarantee must exist, not be skipped.
"""
from __future__ import annotations

import psycopg
import pytest

pytestmark = [pytest.mark.integration, pytest.mark.reliability]

TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


@pytest.fixture()
def installed(conn):
    from pipeline import report  # the Loading branch's module: views and the news_reader role

    report.install(conn)
    views = {r.relation for r in report.reports().values() if r.kind != "query"}
    assert views, "no report views to grant"
    return conn, views


def test_news_reader_has_select_on_report_views_and_no_other_privilege(installed):
    conn, views = installed
    role = conn.execute("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication "
                        "FROM pg_roles WHERE rolname = 'news_reader'").fetchone()
    assert role == (False, False, False, False, False)
    granted = {}
    for oid, name, kind in conn.execute(
            "SELECT c.oid, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')").fetchall():
        if kind == "S":
            privileges = [p for p in ("USAGE", "SELECT", "UPDATE")
                          if conn.execute("SELECT has_sequence_privilege('news_reader', %s, %s)", (oid, p)).fetchone()[0]]
        else:
            privileges = [p for p in TABLE_PRIVILEGES
                          if conn.execute("SELECT has_table_privilege('news_reader', %s, %s)", (oid, p)).fetchone()[0]]
        if privileges:
            granted[name] = privileges
    assert granted == {v: ["SELECT"] for v in views}
    assert conn.execute("SELECT has_schema_privilege('news_reader', 'public', 'CREATE')").fetchone()[0] is False
    assert conn.execute("SELECT has_database_privilege('news_reader', current_database(), 'CREATE')").fetchone()[0] \
        is False


def test_as_news_reader_reports_read_and_everything_else_is_refused(installed):
    conn, views = installed
    conn.commit()
    conn.execute("SET ROLE news_reader")
    try:
        for view in sorted(views):
            conn.execute(f'SELECT count(*) FROM "{view}"').fetchone()  # noqa: S608 (catalog names, quoted)
        for statement in ("SELECT 1 FROM raw_items LIMIT 1", "SELECT 1 FROM statements LIMIT 1",
                          "INSERT INTO rejects (stage, reason) VALUES ('x', 'y')", "DELETE FROM articles",
                          "UPDATE sources SET active = false", "CREATE TABLE public.stolen (x int)",
                          "TRUNCATE ingest_runs"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with conn.transaction():
                    conn.execute(statement)
    finally:
        conn.rollback()
        conn.execute("RESET ROLE")
        conn.commit()
