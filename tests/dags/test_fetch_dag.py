"""news_fetch under real Airflow against a local HTTP server, then news_process; a second run finds nothing new."""
from __future__ import annotations

import psycopg

from tests.conftest import truncate
from tests.dags.conftest import dags_test
from tests.http_fixture_server import FixtureServer, add_source


def raw_items_events(airflow_env) -> int:
    """Asset events recorded for raw_items in Airflow's metadata database."""
    with psycopg.connect(airflow_env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].replace("+psycopg", "")) as conn:
        return conn.execute(
            "SELECT count(*) FROM asset_event e JOIN asset a ON a.id = e.asset_id WHERE a.name = 'raw_items'"
        ).fetchone()[0]


def test_fetch_then_process_then_nothing_new(airflow_env, news_url):
    with psycopg.connect(news_url) as conn, FixtureServer() as server:
        truncate(conn)
        add_source(conn, "fixture_rss", server.url("/feeds/rss.xml"))
        events_before = raw_items_events(airflow_env)

        first = dags_test(airflow_env, "news_fetch")
        assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
        processed = dags_test(airflow_env, "news_process")
        assert processed.returncode == 0, processed.stdout[-3000:] + processed.stderr[-3000:]

        raw = conn.execute("SELECT count(*) FROM raw_items WHERE source = 'fixture_rss'").fetchone()[0]
        assert raw == 5
        reasons = sorted(r[0] for r in conn.execute("SELECT reason FROM rejects WHERE stage = 'fetch'"))
        assert reasons == ["http_404", "robots_disallowed", "ssrf_blocked", "too_large", "too_many_redirects"]
        articles = conn.execute("SELECT count(*) FROM articles WHERE source = 'fixture_rss'").fetchone()[0]
        process_rejects = conn.execute("SELECT count(*) FROM rejects WHERE stage <> 'fetch'").fetchone()[0]
        assert articles + process_rejects == raw and articles >= 4
        assert conn.execute(
            "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.source = 'fixture_rss'"
        ).fetchone()[0] > 0
        # The windows-1256 page without a charset header was stored as received and decoded into Arabic.
        cp1256 = conn.execute("SELECT a.title FROM articles a JOIN raw_items r ON r.id = a.raw_item_id "
                              "WHERE r.external_id LIKE %s", ("%cp1256.html",)).fetchone()
        assert cp1256 and any("\u0600" <= ch <= "\u06ff" for ch in cp1256[0])
        assert raw_items_events(airflow_env) == events_before + 1
        fetch_run = conn.execute(
            "SELECT items_new, rejects, run_id FROM ingest_runs WHERE stage = 'fetch' ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert fetch_run[:2] == (5, 5) and fetch_run[2]

        second = dags_test(airflow_env, "news_fetch")
        assert second.returncode == 0, second.stdout[-3000:] + second.stderr[-3000:]
        assert conn.execute("SELECT count(*) FROM raw_items WHERE source = 'fixture_rss'").fetchone()[0] == raw
        state = conn.execute("SELECT last_status FROM feed_state WHERE source = 'fixture_rss'").fetchone()[0]
        assert state == 304
        assert raw_items_events(airflow_env) == events_before + 1, "a run with nothing new must not start processing"
