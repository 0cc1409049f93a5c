"""Data-quality checks after each load: errors name the offending articles, warnings become finding rows."""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import psycopg

from pipeline.residuals import RESIDUAL_CHECKS, postgres_pattern

MAX_LISTED = 50
DRIFT_WINDOW_DAYS = 14
DRIFT_MIN_ARTICLES = 50
DRIFT_MADS = 3.0
MAD_FLOOR = 1.0  # per-article counts are integers: a spread under one line is noise, not a layout change
MAX_REJECT_SHARE = 0.05
FAILING_RUNS = 3


@dataclass
class Finding:
    check: str
    severity: str  # error | warning
    detail: str
    source: str | None = None
    article_ids: list[int] = field(default_factory=list)


def _ids_detail(ids: list[int]) -> str:
    shown = ", ".join(map(str, ids[:MAX_LISTED]))
    return f"articles {shown}" + (f" and {len(ids) - MAX_LISTED} more" if len(ids) > MAX_LISTED else "")


_EMPTY_STATEMENT = """
SELECT DISTINCT a.id FROM articles a JOIN statements s ON s.article_id = a.id
WHERE a.updated_at >= %(since)s AND btrim(s.text) = '' ORDER BY a.id
"""
_NO_STATEMENT = """
SELECT a.id FROM articles a
WHERE a.updated_at >= %(since)s AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id) ORDER BY a.id
"""
_RESIDUAL = "SELECT a.id FROM articles a WHERE a.updated_at >= %(since)s AND a.body ~ %(pattern)s ORDER BY a.id"


def _article_checks(conn: psycopg.Connection, since: datetime | None) -> list[Finding]:
    since = since or datetime.min.replace(tzinfo=timezone.utc)
    queries = [
        ("empty_statement", "error", "statements with no text", _EMPTY_STATEMENT, {"since": since}),
        ("article_without_statements", "error", "articles with no statement", _NO_STATEMENT, {"since": since}),
    ] + [
        (f"residual_{name}", severity, f"boilerplate left in the body ({name})", _RESIDUAL,
         {"since": since, "pattern": postgres_pattern(pattern)})
        for name, pattern, severity in RESIDUAL_CHECKS
    ]
    findings: list[Finding] = []
    for name, severity, what, query, params in queries:
        ids = [r[0] for r in conn.execute(query, params)]
        if ids:
            findings.append(Finding(name, severity, f"{what}: {_ids_detail(ids)}", article_ids=ids[:MAX_LISTED]))
    return findings


_PER_ARTICLE = """
SELECT a.source, a.created_at::date,
       (SELECT count(*) FROM removed_lines r WHERE r.article_id = a.id),
       (SELECT count(*) FROM statements s WHERE s.article_id = a.id)
FROM articles a
WHERE a.created_at >= %s::date - %s AND a.created_at < %s::date + 1
"""


def _drift_checks(conn: psycopg.Connection, today: date) -> list[Finding]:
    """Per source: today's median per article against the previous 14 days' median ± 3 MAD."""
    values: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: {"today": [], "window": []})
    for source, day, removed, statements in conn.execute(_PER_ARTICLE, (today, DRIFT_WINDOW_DAYS, today)):
        part = "today" if day == today else "window"
        values[(source, "lines_removed_per_article")][part].append(removed)
        values[(source, "statements_per_article")][part].append(statements)
    findings = []
    for (source, metric), v in sorted(values.items()):
        if len(v["window"]) < DRIFT_MIN_ARTICLES or not v["today"]:
            continue
        median = statistics.median(v["window"])
        mad = max(1.4826 * statistics.median(abs(x - median) for x in v["window"]), MAD_FLOOR)
        now = statistics.median(v["today"])
        if abs(now - median) > DRIFT_MADS * mad:
            findings.append(Finding(
                f"drift_{metric}", "warning",
                f"{source}: {metric} today {now:g} (median of {len(v['today'])} articles) outside "
                f"{median:g} ± {DRIFT_MADS:g}×{mad:.2f} of the previous {DRIFT_WINDOW_DAYS} days "
                f"({len(v['window'])} articles): did the outlet change its layout?",
                source=source,
            ))
    return findings


_STALE = """
SELECT s.name, s.expected_interval_minutes, max(r.fetched_at)
FROM sources s LEFT JOIN raw_items r ON r.source = s.name
WHERE s.active AND s.expected_interval_minutes IS NOT NULL
GROUP BY s.name, s.expected_interval_minutes
HAVING max(r.fetched_at) IS NULL OR max(r.fetched_at) < now() - make_interval(mins => s.expected_interval_minutes)
ORDER BY s.name
"""

_FAILING = """
SELECT source, count(*), string_agg(coalesce(error, 'failed'), '; ' ORDER BY started_at DESC)
FROM (
    SELECT source, ok, error, started_at, row_number() OVER (PARTITION BY source ORDER BY started_at DESC) AS n
    FROM fetch_runs
) recent
WHERE n <= %(runs)s
GROUP BY source
HAVING count(*) = %(runs)s AND NOT bool_or(ok)
ORDER BY source
"""


def _source_health(conn: psycopg.Connection) -> list[Finding]:
    findings = []
    for name, minutes, last in conn.execute(_STALE):
        when = last.isoformat(timespec="minutes") if last else "never"
        findings.append(Finding("stale_source", "warning",
                                f"{name}: no new item since {when} (expected every {minutes} min)", source=name))
    for source, runs, errors in conn.execute(_FAILING, {"runs": FAILING_RUNS}):
        findings.append(Finding("failing_source", "warning",
                                f"{source}: fetching failed in the last {runs} runs ({errors[:300]})", source=source))
    return findings


_LAST_PROCESS = """
SELECT items_seen, rejects, run_id FROM ingest_runs WHERE stage = 'process' AND items_seen > 0 ORDER BY id DESC LIMIT 1
"""


def _reject_share(conn: psycopg.Connection) -> list[Finding]:
    row = conn.execute(_LAST_PROCESS).fetchone()
    if row and row[1] / row[0] > MAX_REJECT_SHARE:
        return [Finding("reject_share", "warning",
                        f"run {row[2]}: {row[1]} of {row[0]} items rejected ({row[1] / row[0]:.1%} > "
                        f"{MAX_REJECT_SHARE:.0%}); see the rejects table")]
    return []


_LAST_CLEAN_RUN = """
SELECT max(r.started_at) FROM ingest_runs r
WHERE r.stage = 'quality'
  AND NOT EXISTS (SELECT 1 FROM quality_findings f WHERE f.run_id = r.run_id AND f.severity = 'error')
"""


def last_checked(conn: psycopg.Connection) -> datetime | None:
    """Start of the last quality run that found no error: failing articles stay in scope until they are fixed."""
    row = conn.execute(_LAST_CLEAN_RUN).fetchone()
    return row[0] if row else None


def run_checks(conn: psycopg.Connection, since: datetime | None = None, today: date | None = None) -> list[Finding]:
    """Every check; article checks cover articles updated since `since` (all when None)."""
    today = today or datetime.now(timezone.utc).date()
    return (_article_checks(conn, since) + _drift_checks(conn, today) + _source_health(conn)
            + _reject_share(conn))


def record(conn: psycopg.Connection, findings: list[Finding], run_id: str | None) -> None:
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO quality_findings (run_id, check_name, severity, source, article_ids, detail) "
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [(run_id, f.check, f.severity, f.source, f.article_ids, f.detail) for f in findings],
        )


def check_and_record(conn: psycopg.Connection, run_id: str | None = None, dag_id: str | None = None) -> list[Finding]:
    """Run the checks on what changed since the last clean quality run, store findings and the run; committed."""
    started = datetime.now(timezone.utc)
    run_id = run_id or f"cli:{started.isoformat(timespec='seconds')}"
    findings = run_checks(conn, since=last_checked(conn))
    record(conn, findings, run_id)
    conn.execute(
        "INSERT INTO ingest_runs (dag_id, run_id, stage, started_at, finished_at) VALUES (%s, %s, 'quality', %s, now())",
        (dag_id, run_id, started),
    )
    conn.commit()
    return findings
