"""Session-wide fixtures: one PostgreSQL server (private cluster or DATABASE_URL) and a migrated test database."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"

KEPT_TABLES = ("sources", "schema_migrations")


@pytest.fixture(scope="session")
def server_url() -> str:
    """The PostgreSQL server for this test session (starts the private cluster when DATABASE_URL is unset)."""
    from pipeline import settings

    return settings.server_url()


@pytest.fixture(scope="session")
def news_url(server_url: str) -> str:
    """A freshly created and migrated `news_test` database, exported as NEWS_DATABASE_URL for the session."""
    from pipeline import db

    url = db.fresh_database(os.environ.get("NEWS_TEST_DB", "news_test"), server_url)
    os.environ["NEWS_DATABASE_URL"] = url
    db.setup()
    return url


@pytest.fixture()
def conn(news_url: str):
    """A connection to an empty test database (content tables truncated; sources kept)."""
    import psycopg

    with psycopg.connect(news_url) as connection:
        truncate(connection)
        yield connection


def truncate(connection) -> None:
    """Empty every table of the public schema but sources (re-seeded) and schema_migrations."""
    from psycopg import sql

    from pipeline.sources import seed_sources

    names = [r[0] for r in connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY(%s)", (list(KEPT_TABLES),)
    )]
    if names:
        connection.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
            sql.SQL(", ").join(sql.Identifier(n) for n in names)))
    connection.execute("DELETE FROM sources")
    seed_sources(connection)
    connection.commit()
