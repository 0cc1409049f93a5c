"""news_quality's checks on the real database: residual boilerplate, drift per source, stale sources, rejects."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pipeline import quality

TODAY = date(2026, 3, 15)


def add_article(conn, source: str, key: str, body: str, statements: int = 1, removed: int = 0,
                created: datetime | None = None) -> int:
    created = created or datetime.now(timezone.utc)
    article = conn.execute(
        "INSERT INTO articles (source, canonical_key, body, processor_version, content_hash, created_at, updated_at) "
        "VALUES (%s, %s, %s, 'test', %s, %s, %s) RETURNING id",
        (source, key, body, key, created, created),
    ).fetchone()[0]
    for seq in range(statements):
        conn.execute(
            "INSERT INTO statements (article_id, seq, start_offset, end_offset, text, norm_hash, uid) "
            "VALUES (%s, %s, 0, %s, %s, 'h', %s)",
            (article, seq, len(body), body, f"{key}-{seq}"),
        )
    for seq in range(removed):
        conn.execute("INSERT INTO removed_lines (article_id, seq, text, rule) VALUES (%s, %s, 'تابعونا', 'promo')",
                     (article, seq))
    return article


def test_residual_end_marker_is_an_error_naming_the_article(conn):
    clean = add_article(conn, "spa", "clean", "أكد الوزير أهمية التعاون بين البلدين.")
    dirty = add_article(conn, "spa", "dirty", "أكد الوزير أهمية التعاون بين البلدين.\n// انتهى //")
    stamp = add_article(conn, "spa", "stamp", "قال المتحدث إن الموعد ثابت.\n 16:29 ت م ")
    findings = quality.run_checks(conn)
    by_check = {f.check: f for f in findings}
    assert by_check["residual_end_marker"].severity == "error"
    assert by_check["residual_end_marker"].article_ids == [dirty]
    assert by_check["residual_time_stamp"].article_ids == [stamp]
    assert all(clean not in f.article_ids for f in findings)
    assert f"articles {dirty}" in by_check["residual_end_marker"].detail


def test_platform_name_in_article_text_is_only_a_warning(conn):
    add_article(conn, "sabq", "wa", "أطلقت الوزارة خدمة عبر واتساب للتواصل مع المواطنين.")
    [finding] = [f for f in quality.run_checks(conn) if f.check == "residual_promo_platform"]
    assert finding.severity == "warning"


def test_article_without_statements_is_an_error(conn):
    lonely = add_article(conn, "sana", "lonely", "نص بلا جمل", statements=0)
    [finding] = [f for f in quality.run_checks(conn) if f.check == "article_without_statements"]
    assert finding.article_ids == [lonely]


def _fill_window(conn, source: str, per_day: int, removed: int, statements: int) -> None:
    for day in range(1, 15):
        created = datetime.combine(TODAY - timedelta(days=day), datetime.min.time(), timezone.utc) + timedelta(hours=9)
        for i in range(per_day):
            add_article(conn, source, f"{source}-{day}-{i}", "قال الوزير إن الخطة تمضي.", statements=statements,
                        removed=removed, created=created)


def test_a_source_whose_footer_stops_being_removed_drifts(conn):
    _fill_window(conn, "sana", per_day=5, removed=6, statements=8)  # 70 articles in the window
    _fill_window(conn, "spa", per_day=5, removed=2, statements=5)
    today = datetime.combine(TODAY, datetime.min.time(), timezone.utc) + timedelta(hours=10)
    for i in range(6):
        add_article(conn, "sana", f"sana-today-{i}", "قال الوزير إن الخطة تمضي.", statements=8, removed=0, created=today)
        add_article(conn, "spa", f"spa-today-{i}", "قال الوزير إن الخطة تمضي.", statements=5, removed=2, created=today)
    drift = [f for f in quality.run_checks(conn, today=TODAY) if f.check.startswith("drift_")]
    assert [(f.check, f.source, f.severity) for f in drift] == [("drift_lines_removed_per_article", "sana", "warning")]
    assert "today 0" in drift[0].detail


def test_no_drift_verdict_below_fifty_articles(conn):
    _fill_window(conn, "sana", per_day=3, removed=6, statements=8)  # 42 articles: too few to judge
    today = datetime.combine(TODAY, datetime.min.time(), timezone.utc) + timedelta(hours=10)
    add_article(conn, "sana", "sana-today", "قال الوزير.", statements=8, removed=0, created=today)
    assert not [f for f in quality.run_checks(conn, today=TODAY) if f.check.startswith("drift_")]


def test_stale_source_is_flagged_and_a_fresh_one_is_not(conn):
    conn.execute("UPDATE sources SET expected_interval_minutes = 60")
    conn.execute(
        "INSERT INTO raw_items (source, external_id, body, sha256, size_bytes, fetched_at) VALUES "
        "('sana', 'a', 'x', 'a', 1, now() - interval '3 hours'), ('spa', 'b', 'y', 'b', 1, now() - interval '5 minutes')"
    )
    stale = {f.source for f in quality.run_checks(conn) if f.check == "stale_source"}
    assert "sana" in stale and "spa" not in stale


def test_findings_are_recorded_and_a_failing_article_stays_in_scope(conn):
    dirty = add_article(conn, "spa", "dirty", "نص.\n//انتهى//")
    first = quality.check_and_record(conn, run_id="run-1")
    assert any(f.article_ids == [dirty] and f.severity == "error" for f in first)
    stored = conn.execute("SELECT check_name, severity, article_ids FROM quality_findings WHERE run_id = 'run-1'").fetchall()
    assert ("residual_end_marker", "error", [dirty]) in stored
    # The next run still sees it: only a run without errors moves the window on.
    second = quality.check_and_record(conn, run_id="run-2")
    assert any(f.article_ids == [dirty] for f in second)


def test_source_failing_three_fetch_runs_in_a_row_is_flagged(conn):
    rows = [("sana", False, 3), ("sana", False, 2), ("sana", False, 1),
            ("spa", False, 3), ("spa", True, 2), ("spa", False, 1)]
    for source, ok, hours_ago in rows:
        conn.execute(
            "INSERT INTO fetch_runs (source, host, started_at, ok, error) "
            "VALUES (%s, 'h', now() - make_interval(hours => %s), %s, %s)",
            (source, hours_ago, ok, None if ok else "http_503"),
        )
    failing = [f for f in quality.run_checks(conn) if f.check == "failing_source"]
    assert [f.source for f in failing] == ["sana"]
    assert "http_503" in failing[0].detail
