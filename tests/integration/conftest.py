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


# --- Loading helpers: synthetic articles with raw items behind them, for the load, dedup and report tests. ---

def make_article(source: str, key: str, sentences: list[str], published_at=None, raw_item_id: int | None = None,
                 speakers: dict[int, str] | None = None, title: str = "", removed: list[tuple[str, str]] | None = None):
    """An Article whose body is the sentences joined by blank lines, with offsets, norm hashes and uids set."""
    from pipeline.loadbench import article_from_sentences
    from pipeline.records import Removed

    article = article_from_sentences(source, key, sentences, published_at, speakers, title=title, role="وزير",
                                     removed=[Removed(text=t, rule=r) for t, r in (removed or [])])
    article.raw_item_id = raw_item_id
    return article


def store_raw_for(conn, articles) -> None:
    """Give each article a raw item (the loader's foreign key and the rejects' pointer) and set raw_item_id."""
    from pipeline.inbox import store
    from pipeline.records import RawItem

    for article in articles:
        item = RawItem(source=article.source, body=(article.external_id + article.body[:50]).encode("utf-8", "replace"),
                       external_id=article.external_id, url=article.url)
        (article.raw_item_id,) = store(conn, [item]) or [conn.execute(
            "SELECT id FROM raw_items WHERE source = %s AND external_id = %s AND sha256 = %s",
            (item.source, item.external_id, item.sha256)).fetchone()[0]]
    conn.commit()


def lease_all(conn, worker: str = "test-worker"):
    from pipeline.runner import lease

    return lease(conn, 10_000, worker)
