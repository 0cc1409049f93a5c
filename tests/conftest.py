"""Session-wide fixtures: one PostgreSQL server (private cluster or DATABASE_URL) and a migrated test database."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "samples"

CONTENT_TABLES = (
    "statement_speakers", "statements", "removed_lines", "articles", "speakers", "rejects", "ingest_runs", "raw_items",
)


@pytest.fixture(scope="session")
def server_url() -> str:
    """The PostgreSQL server for this test session (starts the private cluster when DATABASE_URL is unset)."""
    from pipeline import settings

    return settings.server_url()


@pytest.fixture(scope="session")
def news_url(server_url: str) -> str:
    """A freshly created and migrated `news_test` database, exported as NEWS_DATABASE_URL for the session."""
    import psycopg
    from psycopg import sql

    from pipeline import db, settings

    name = os.environ.get("NEWS_TEST_DB", "news_test")
    admin = settings.with_database(server_url, "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = settings.with_database(server_url, name)
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
    from pipeline.sources import seed_sources

    tables = ", ".join(CONTENT_TABLES + ("boilerplate_rules",))
    connection.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")  # fixed table names, no input
    connection.execute("DELETE FROM sources")
    seed_sources(connection)
    connection.commit()
