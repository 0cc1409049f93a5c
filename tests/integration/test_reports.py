"""Each report in sql/reports/ on a small fixture corpus with known answers; the news_reader role."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

import psycopg
import pytest

from pipeline import cli, load, report, runner, summary
from tests.integration.conftest import make_article, store_raw_for

AHMAD, SARA, KHALID = "أحمد الخطيب", "سارة المصري", "خالد العتيبي"
PEACE = "قال أحمد الخطيب إن محادثات السلام مستمرة."
D1, D2 = date(2024, 5, 1), date(2024, 5, 2)


def at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def corpus():
    return [
        make_article("sana", "a1", [PEACE, "وأضاف أن الاجتماع المقبل في موسكو."], published_at=at(D1, 9),
                     speakers={0: AHMAD}, removed=[("تابعونا على تيلغرام", "generic:promo")]),
        make_article("sana", "a2", ["وقالت سارة المصري إن محصول القمح وفير هذا العام.", PEACE],
                     published_at=at(D1, 12), speakers={0: SARA, 1: AHMAD},
                     removed=[("تابعونا على تيلغرام", "generic:promo"), ("// انتهى //", "marker:end")]),
        make_article("sana", "a3", ["وأكد أحمد الخطيب أن مفاوضات السلام تحرز تقدما."], published_at=at(D2, 8),
                     speakers={0: AHMAD}),
        make_article("spa", "b1", ["قال خالد العتيبي إن موسم الحج ناجح."], published_at=at(D2, 10),
                     speakers={0: KHALID}, removed=[("الرياض واس", "spa:dateline")]),
        # The same story again under another URL later that day: a duplicate article.
        make_article("spa", "b1-copy", ["قال خالد العتيبي إن موسم الحج ناجح."], published_at=at(D2, 15),
                     speakers={0: KHALID}, removed=[("الرياض واس", "spa:dateline")]),
    ]


@pytest.fixture()
def loaded(conn):
    articles = corpus()
    store_raw_for(conn, articles)
    with conn.transaction():
        load.load_articles(conn, articles)
    runner.record_run(conn, "process", "run-1", "news_process", items_seen=5, items_new=5, articles=5,
                      statements=7, rejects=0, timings={"total": 1.5})
    report.install(conn)
    report.refresh(conn)
    return conn


def rows_of(conn, name, **kw):
    columns, rows = report.run(conn, name, **kw)
    return [dict(zip(columns, r)) for r in rows]


def test_speaker_daily_counts_each_claim_once(loaded):
    got = {(r["speaker"], r["source"], r["day"]): (r["statements"], r["statements_with_copies"], r["articles"])
           for r in rows_of(loaded, "speaker_daily")}
    assert got == {
        (AHMAD, "sana", D1): (1, 2, 2),   # a2 repeats a1's claim the same day: counted once
        (SARA, "sana", D1): (1, 1, 1),
        (AHMAD, "sana", D2): (1, 1, 1),
        (KHALID, "spa", D2): (1, 1, 1),   # the duplicate article is not counted
    }


def test_top_speakers_for_a_period_and_a_source(loaded):
    top = [(r["speaker"], r["statements"], r["articles"]) for r in rows_of(loaded, "top_speakers")]
    assert top[0] == (AHMAD, 2, 3) and sorted(top[1:]) == sorted([(SARA, 1, 1), (KHALID, 1, 1)])
    assert {r["speaker"] for r in rows_of(loaded, "top_speakers", since="2024-05-02")} == {AHMAD, KHALID}
    assert [r["speaker"] for r in rows_of(loaded, "top_speakers", source="spa")] == [KHALID]
    assert len(rows_of(loaded, "top_speakers", limit=1)) == 1


def test_who_said_searches_with_the_arabic_configuration(loaded):
    peace = rows_of(loaded, "who_said", term="السلام")
    assert sorted(r["text"] for r in peace) == sorted([PEACE, "وأكد أحمد الخطيب أن مفاوضات السلام تحرز تقدما."])
    assert {r["speaker"] for r in peace} == {AHMAD} and {r["outlet"] for r in peace} == {"sana"}
    assert all(r["rank"] > 0 and r["role"] == "وزير" for r in peace)
    wheat = rows_of(loaded, "who_said", term="القمح")
    assert [(r["speaker"], r["day"]) for r in wheat] == [(SARA, D1)]
    assert rows_of(loaded, "who_said", term="السلام", until="2024-05-01")[0]["text"] == PEACE
    with pytest.raises(ValueError, match="--term"):
        report.run(loaded, "who_said")


def test_source_daily_with_duplicate_rates(loaded):
    got = {(r["day"], r["source"]): (r["articles"], r["articles_dup"], r["statements"], r["statements_dup"],
                                     r["attributed"]) for r in rows_of(loaded, "source_daily")}
    assert got == {
        (D1, "sana"): (2, 0, 4, 1, 3),
        (D2, "sana"): (1, 0, 1, 0, 1),
        (D2, "spa"): (2, 1, 2, 1, 2),
    }
    spa = rows_of(loaded, "source_daily", source="spa")
    assert float(spa[0]["article_dup_rate"]) == 0.5 and float(spa[0]["statement_dup_rate"]) == 0.5


def test_boilerplate_per_rule_source_and_day(loaded):
    got = {(r["day"], r["source"], r["rule"]): (r["lines"], r["articles"]) for r in rows_of(loaded, "boilerplate_daily")}
    assert got == {
        (D1, "sana", "generic:promo"): (2, 2),
        (D1, "sana", "marker:end"): (1, 1),
        (D2, "spa", "spa:dateline"): (2, 2),
    }


def test_ingest_health_per_run(loaded):
    (run,) = rows_of(loaded, "ingest_health")
    assert (run["stage"], run["items_fetched"], run["items_new"], run["items_rejected"], run["articles"]) == \
        ("process", 5, 5, 0, 5)
    assert float(run["duration_s"]) == pytest.approx(1.5, abs=0.2)
    with pytest.raises(ValueError, match="source"):
        report.run(loaded, "ingest_health", source="sana")


def test_statements_view_and_filters(loaded):
    rows = rows_of(loaded, "statements", source="sana", since="2024-05-02")
    assert [(r["text"], r["speaker"]) for r in rows] == [("وأكد أحمد الخطيب أن مفاوضات السلام تحرز تقدما.", AHMAD)]
    assert "tsv" not in rows[0]


def test_news_reader_may_read_report_views_and_nothing_else(loaded):
    relations = [r[0] for r in loaded.execute("SELECT 'report_' || name FROM report_views")]
    assert len(relations) == 5
    loaded.execute("SET ROLE news_reader")
    try:
        for relation in relations:
            loaded.execute(f"SELECT count(*) FROM {relation}").fetchone()
        assert rows_of(loaded, "who_said", term="القمح")[0]["speaker"] == SARA  # queries read only views
        for table in ("statements", "articles", "raw_items", "speakers", "rejects", "ingest_runs"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with loaded.transaction():
                    loaded.execute(f"SELECT 1 FROM {table} LIMIT 1")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            with loaded.transaction():
                loaded.execute("DELETE FROM report_views")
    finally:
        loaded.rollback()
        loaded.execute("RESET ROLE")
        loaded.commit()


def test_install_is_idempotent_and_recreates_a_changed_view(loaded, tmp_path):
    assert report.install(loaded) == []
    for path in report.REPORTS.glob("*.sql"):
        (tmp_path / path.name).write_text(path.read_text("utf-8"), "utf-8")
    changed = tmp_path / "source_daily.sql"
    changed.write_text(changed.read_text("utf-8").replace("AS attributed", "AS attributed, 1 AS marker"), "utf-8")
    assert report.install(loaded, folder=tmp_path) == ["source_daily"]
    assert "marker" in rows_of(loaded, "source_daily")[0]
    assert report.install(loaded) == ["source_daily"]  # back to the project's definition


def test_report_command_formats(loaded, capsys):
    loaded.commit()
    assert cli.main(["report", "source_daily", "--source", "spa", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == [{"day": "2024-05-02", "source": "spa", "articles": 2, "articles_dup": 1, "article_dup_rate": 0.5,
                     "statements": 2, "statements_dup": 1, "statement_dup_rate": 0.5, "attributed": 2}]
    assert cli.main(["report", "top_speakers", "--format", "csv", "--refresh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("speaker,statements") and lines[1].startswith(f"{AHMAD},2,")
    assert cli.main(["report", "who_said", "--term", "القمح"]) == 0
    out = capsys.readouterr().out
    assert SARA in out and "(1 row)" in out
    assert cli.main(["report", "--list"]) == 0
    assert "who_said" in capsys.readouterr().out


def test_summary_reads_the_report_views(loaded):
    text = summary.render(loaded)
    assert f"     2  {AHMAD}" in text
    assert "spa" in text and "50%" in text
    assert "generic:promo" in text and "process" in text


def test_summary_says_how_to_redo_articles_an_older_processor_made(loaded):
    assert "older processor" not in summary.render(loaded)
    loaded.execute("UPDATE articles SET processor_version = '0.1.0' WHERE external_id IN ('a1', 'a2')")
    loaded.execute("UPDATE articles SET processor_version = '0.10.0' WHERE external_id = 'a3'")  # newer, not older
    loaded.commit()
    text = summary.render(loaded)
    from pipeline import PROCESSOR_VERSION
    assert (f"note: 2 articles were made by an older processor (0.1.0; this is {PROCESSOR_VERSION}): "
            f"`python -m pipeline reprocess --older-than-version {PROCESSOR_VERSION}`") in text


def test_a_speaker_the_article_does_not_name_is_no_identity_across_articles(loaded):
    # Each article's `الوزارة` is its own ministry and `مصدر عسكري` anybody: kept on the statement and searchable,
    # never one `speakers` row that the top-speaker reports would rank with statements from unrelated stories.
    d3 = date(2024, 5, 3)
    articles = [
        make_article("sana", "m1", ["وأوضحت الوزارة أن موسم القمح بدأ مبكرا.", "وقال أحمد الخطيب إن القمح وفير."],
                     published_at=at(d3, 9), speakers={0: "الوزارة", 1: AHMAD}),
        make_article("spa", "m2", ["وقالت الوزارة إن مواعيد القمح ثابتة.", "وذكر مصدر عسكري أن القمح وصل."],
                     published_at=at(d3, 10), speakers={0: "الوزارة", 1: "مصدر عسكري"}),
    ]
    articles[0].statements[1].co_speakers = ["الجانبان"]
    store_raw_for(loaded, articles)
    with loaded.transaction():
        load.load_articles(loaded, articles)
    report.refresh(loaded)
    names = {r[0] for r in loaded.execute("SELECT canonical_name FROM speakers")}
    assert names == {AHMAD, SARA, KHALID}
    assert loaded.execute("SELECT speaker_text, speaker_id FROM statements WHERE text LIKE '%%مواعيد%%'").fetchone() \
        == ("الوزارة", None)
    assert loaded.execute("SELECT count(*) FROM statement_speakers").fetchone()[0] == 0
    wheat = {(r["speaker"], r["outlet"]) for r in rows_of(loaded, "who_said", term="القمح", since="2024-05-03")}
    assert wheat == {("الوزارة", "sana"), ("الوزارة", "spa"), ("مصدر عسكري", "spa"), (AHMAD, "sana")}
    assert [r["speaker"] for r in rows_of(loaded, "top_speakers", since="2024-05-03")] == [AHMAD]
    attributed = {r["source"]: r["attributed"] for r in rows_of(loaded, "source_daily", since="2024-05-03")}
    assert attributed == {"sana": 2, "spa": 2}
    assert summary.totals(loaded)["attributed"] == 6 + 4  # the fixture corpus has six
    assert summary.totals(loaded)["speakers"] == 3
