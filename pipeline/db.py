"""Connections to the pipeline database and the migration runner for sql/migrations."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import psycopg
from psycopg import sql

from pipeline import settings

log = logging.getLogger(__name__)
MIGRATIONS = settings.PROJECT_ROOT / "sql" / "migrations"


def connect(url: str | None = None, **kw) -> psycopg.Connection:
    """A connection to the pipeline database (autocommit off: callers own their transactions)."""
    return psycopg.connect(url or settings.news_db_url(), **kw)


def ensure_databases(server_url: str | None = None) -> None:
    """Create the `news` and `airflow` databases on the server when they are missing."""
    url = settings.with_database(server_url or settings.server_url(), "postgres")
    with psycopg.connect(url, autocommit=True) as conn:
        for name in (settings.NEWS_DB, os.environ.get("NEWS_AIRFLOW_DB", settings.AIRFLOW_DB)):
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                log.info("created database %s", name)


def fresh_database(name: str, server_url: str | None = None) -> str:
    """Drop `name` if it exists (closing its sessions), create it empty and return its URL: for the test, bench and
    reliability databases, which are made afresh on every run and never hold anything worth keeping."""
    server = server_url or settings.server_url()
    drop_database(name, server)
    with psycopg.connect(settings.with_database(server, "postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return settings.with_database(server, name)


def drop_database(name: str, server_url: str | None = None) -> None:
    """Drop `name` if it exists, closing its sessions."""
    url = settings.with_database(server_url or settings.server_url(), "postgres")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def migrate(conn: psycopg.Connection, folder: Path = MIGRATIONS) -> list[str]:
    """Apply every migration file not yet recorded, in name order, each in its own transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " filename text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
    )
    conn.commit()
    applied: list[str] = []
    for path in sorted(folder.glob("*.sql")):
        with conn.transaction():
            # Serialise concurrent migrators: the second waits, then sees the file recorded.
            conn.execute("SELECT pg_advisory_xact_lock(7461001)")
            done = conn.execute("SELECT 1 FROM schema_migrations WHERE filename = %s", (path.name,)).fetchone()
            if done:
                continue
            conn.execute(path.read_text(encoding="utf-8"))
            conn.execute("INSERT INTO schema_migrations (filename) VALUES (%s)", (path.name,))
        applied.append(path.name)
        log.info("applied %s", path.name)
    return applied


def setup() -> list[str]:
    """Databases present, migrations applied, sources seeded: what every entry point needs first."""
    if not os.environ.get("NEWS_DATABASE_URL"):
        ensure_databases()
    with connect() as conn:
        applied = migrate(conn)
        from pipeline.report import install
        from pipeline.sources import seed_sources

        seed_sources(conn)
        conn.commit()
        install(conn)
        conn.commit()
    return applied
