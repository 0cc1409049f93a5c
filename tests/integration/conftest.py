"""Integration fixtures: the real PostgreSQL test database, an inbox filled with the samples."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

COUNTED = ("raw_items", "articles", "statements", "removed_lines", "speakers", "statement_speakers", "rejects")


@pytest.fixture()
def sample_inbox(tmp_path: Path) -> Path:
    """A fresh inbox holding a copy of samples/ (the tracked files are never moved)."""
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox, ignore=shutil.ignore_patterns("*.md"))
    return inbox


def content_counts(conn) -> dict[str, int]:
    from psycopg import sql

    return {
        t: conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(t))).fetchone()[0] for t in COUNTED
    }
