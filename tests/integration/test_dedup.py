"""Statement dedup (is_dup within a source and 7 days) and article near-duplicates (simhash) on PostgreSQL."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from pipeline import load
from tests.integration.conftest import make_article, store_raw_for

T0 = datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)
CLAIM = "وقال الوزير إن الحكومة ستواصل دعم المزارعين هذا العام."
PAIRS = json.loads((Path(__file__).resolve().parents[1] / "data" / "load" / "near_duplicates.json").read_text("utf-8"))


def _corpus():
    """The same claim (spelling and punctuation varied) in sana on days 0, 3, 12 and in spa on day 1."""
    return [
        make_article("sana", "d0", ["خبر اليوم الأول.", CLAIM], published_at=T0),
        make_article("sana", "d3", ["خبر اليوم الثالث.", "وقال الوزير ان الحكومة ستواصل دعم المزارعين هذا العام"],
                     published_at=T0 + timedelta(days=3)),
        make_article("sana", "d12", [CLAIM, "خبر اليوم الثاني عشر."], published_at=T0 + timedelta(days=12)),
        make_article("spa", "s1", [CLAIM], published_at=T0 + timedelta(days=1)),
        make_article("sana", "rep", ["جملة تتكرر.", "جملة تتكرر."], published_at=T0 + timedelta(days=20)),
    ]


def _load(conn, articles, one_by_one: bool = True):
    store_raw_for(conn, articles)
    for group in ([a] for a in articles) if one_by_one else [articles]:
        with conn.transaction():
            load.load_articles(conn, group)


def _flags(conn):
    return dict(conn.execute(
        "SELECT a.external_id || ':' || s.seq, s.is_dup FROM statements s JOIN articles a ON a.id = s.article_id"
    ).fetchall())


EXPECTED = {
    "d0:0": False, "d0:1": False,   # the original
    "d3:0": False, "d3:1": True,    # same claim 3 days later, same source
    "d12:0": False, "d12:1": False,  # 9 days after the previous copy: outside the window
    "s1:0": False,                   # another source counts its own originals
    "rep:0": False, "rep:1": True,   # repeated inside one article
}


@pytest.mark.parametrize("order", ["chronological", "reversed", "one_batch"])
def test_is_dup_does_not_depend_on_load_order(conn, order):
    articles = _corpus()
    if order == "reversed":
        articles.reverse()
    _load(conn, articles, one_by_one=order != "one_batch")
    assert _flags(conn) == EXPECTED


def test_removing_the_original_promotes_the_next_copy(conn):
    articles = _corpus()
    _load(conn, articles)
    # A corrected version of d0 no longer carries the claim: d3's copy becomes the original.
    v2 = make_article("sana", "d0", ["خبر اليوم الأول بعد التصحيح."], published_at=T0)
    _load(conn, [v2])
    flags = _flags(conn)
    assert flags["d3:1"] is False and "d0:1" not in flags


def _pair_articles(case: str, source_b: str = "sana"):
    a, b = PAIRS[case]
    return [
        make_article("sana", f"{case}-a", [p for p in a.split("\n\n")], published_at=T0),
        make_article(source_b, f"{case}-b", [p for p in b.split("\n\n")], published_at=T0 + timedelta(hours=5)),
    ]


def _duplicate_of(conn):
    return dict(conn.execute(
        "SELECT a.external_id, o.external_id FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of"
    ).fetchall())


@pytest.mark.parametrize("reverse", [False, True])
def test_near_duplicate_points_to_the_earlier_article(conn, reverse):
    articles = _pair_articles("near_duplicate") + _pair_articles("shared_footer_only") + _pair_articles("same_topic")
    _load(conn, list(reversed(articles)) if reverse else articles)
    assert _duplicate_of(conn) == {
        "near_duplicate-a": None, "near_duplicate-b": "near_duplicate-a",
        "shared_footer_only-a": None, "shared_footer_only-b": None,
        "same_topic-a": None, "same_topic-b": None,
    }


def test_near_duplicates_are_only_looked_for_within_a_source(conn):
    _load(conn, _pair_articles("near_duplicate", source_b="spa"))
    assert set(_duplicate_of(conn).values()) == {None}


def test_a_copy_that_changed_completely_loses_its_pointer(conn):
    articles = _pair_articles("near_duplicate")
    _load(conn, articles)
    assert _duplicate_of(conn)["near_duplicate-b"] == "near_duplicate-a"
    rewritten = make_article("sana", "near_duplicate-b", PAIRS["same_topic"][1].split("\n\n"),
                             published_at=T0 + timedelta(hours=5))
    _load(conn, [rewritten])
    assert _duplicate_of(conn)["near_duplicate-b"] is None
