"""Fetch feeds and new article pages of active sources into raw_items, one host at a time (news_fetch calls this)."""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from pipeline.feeds import FeedEntry, parse_feed
from pipeline.http import FetchConfig, Fetcher, FetchError, Response, host_key
from pipeline.inbox import store
from pipeline.netguard import NetPolicy
from pipeline.records import RawItem, Rejected
from pipeline.urls import canonical_url

__all__ = ["FetchConfig", "FetchReport", "HostPlan", "SourcePlan", "fetch_all", "fetch_host", "plan"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SourcePlan:
    """One active feed or page source: where to read it and its own fetch settings."""

    name: str
    kind: str  # feed | page
    url: str
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HostPlan:
    """The sources one mapped task fetches: all that share a host, so the per-host delay holds across them."""

    host: str
    sources: tuple[SourcePlan, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-able form for XCom (dynamic task mapping)."""
        return {"host": self.host, "sources": [asdict(s) for s in self.sources]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HostPlan:
        return cls(host=data["host"], sources=tuple(SourcePlan(**s) for s in data["sources"]))


@dataclass(slots=True)
class Counts:
    """What fetching one source (or a whole host) did; the names are fetch_runs columns."""

    feeds_fetched: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    pages_fetched: int = 0
    pages_skipped: int = 0
    pages_deferred: int = 0
    items_new: int = 0
    rejects: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(Counts):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(slots=True)
class FetchReport(Counts):
    """One host's run: counts, the new raw item ids, reject reasons and the seconds spent."""

    host: str = ""
    entries_seen: int = 0
    sources_failed: int = 0
    sources_deferred: int = 0
    requests: int = 0
    seconds: float = 0.0
    budget_s: float = 0.0
    budget_exhausted: bool = False
    new_ids: list[int] = field(default_factory=list)
    reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(self.reasons.items())) or "none"
        return (f"{self.host}: feeds {self.feeds_fetched} fetched, {self.feeds_not_modified} not modified, "
                f"{self.feeds_failed} failed; pages {self.pages_fetched} fetched, {self.pages_skipped} already "
                f"stored, {self.pages_deferred} deferred; {self.items_new} new items; {self.rejects} rejects "
                f"({reasons}); {self.requests} requests in {self.seconds:.2f}s of a {self.budget_s:g}s budget")


def plan(conn: psycopg.Connection) -> list[HostPlan]:
    """Active feed and page sources grouped by host (`www.` folded), hosts and sources in name order."""
    with conn.transaction():
        rows = conn.execute(
            "SELECT name, kind, url, fetch_settings FROM sources WHERE active AND kind IN ('feed', 'page') "
            "AND coalesce(url, '') <> '' ORDER BY name"
        ).fetchall()
    groups: dict[str, list[SourcePlan]] = {}
    for name, kind, url, settings in rows:
        try:
            key = host_key(url).removeprefix("www.") or url
        except ValueError:  # unreadable URL: planned on its own, so its failure is recorded like any other
            key = url
        groups.setdefault(key, []).append(SourcePlan(name, kind, url, dict(settings or {})))
    return [HostPlan(host, tuple(srcs)) for host, srcs in sorted(groups.items())]


def fetch_all(conn: psycopg.Connection, config: FetchConfig | None = None, run_id: str | None = None) -> list[FetchReport]:
    """plan + fetch_host for every host, one after another (the CLI; the DAG maps hosts to tasks instead)."""
    return [fetch_host(conn, host, config, run_id=run_id) for host in plan(conn)]


def fetch_host(conn: psycopg.Connection, plan: HostPlan | dict[str, Any], config: FetchConfig | None = None,
               *, run_id: str | None = None) -> FetchReport:
    """Fetch every source of one host: feeds (conditional GET), then their pages not yet stored; never raises for a URL.

    The sources share the host's delay, budget and robots.txt, but each request and redirect hop is vetted
    against the private networks its own source allows, never another's. Each stored page, reject and state
    update commits on its own when `conn` is not inside a transaction.
    """
    if isinstance(plan, dict):
        plan = HostPlan.from_dict(plan)
    config = (config or FetchConfig.from_env()).with_settings(s.settings for s in plan.sources)
    run_id = run_id or f"cli:{datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%S}"
    report = FetchReport(host=plan.host, budget_s=config.host_budget_s)
    with Fetcher(config) as fetcher:
        job = _HostJob(conn, fetcher, report, run_id)
        for source in plan.sources:
            if report.budget_exhausted:
                report.sources_deferred += 1
                continue
            job.run_source(source)
        report.requests = fetcher.requests
        report.seconds = round(fetcher.seconds, 4)
    log.info("fetch %s", report.summary())
    return report


@dataclass(slots=True)
class _SourceRun:
    counts: Counts = field(default_factory=Counts)
    error: str | None = None
    complete: bool = True  # every entry fetched, stored, skipped or permanently rejected
    policy: NetPolicy = NetPolicy()  # the private networks this source (and only it) may reach


class _HostJob:
    """The per-host loop; holds the connection, the fetcher and the report being filled."""

    def __init__(self, conn: psycopg.Connection, fetcher: Fetcher, report: FetchReport, run_id: str) -> None:
        self.conn, self.fetcher, self.report, self.run_id = conn, fetcher, report, run_id
        self.page_budget = fetcher.config.max_pages

    def run_source(self, source: SourcePlan) -> None:
        started = datetime.now(timezone.utc)
        run = _SourceRun()
        try:
            run.policy = self.fetcher.config.policy_for(source.settings)
            if source.kind == "feed":
                self._feed(source, run)
            else:
                entry = FeedEntry(url=source.url, canonical=canonical_url(source.url))
                self._pages(source, [entry], run, state_url=source.url)
        except psycopg.Error:
            raise  # the database is gone or broken: fail the task so Airflow retries it
        except Exception as exc:  # a bug or a source row nobody foresaw must not cost the other sources their run
            log.exception("fetching source %s failed", source.name)
            run.error = f"fetch_error: {type(exc).__name__}: {exc}"
            self._reject(source.name, source.url, Rejected("fetch", "fetch_error", run.error), run)
        self.report.add(run.counts)
        if run.error:
            self.report.sources_failed += 1
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO fetch_runs (run_id, source, host, started_at, ok, feeds_fetched, feeds_not_modified, "
                "feeds_failed, pages_fetched, pages_skipped, pages_deferred, items_new, rejects, error) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                (self.run_id, source.name, self.report.host, started, run.error is None,
                 *(getattr(run.counts, f.name) for f in fields(Counts)), run.error),
            )

    def _feed(self, source: SourcePlan, run: _SourceRun) -> None:
        etag, last_modified = self._validators(source.name, source.url)
        try:
            response = self._get(source.url, run.policy, etag=etag, last_modified=last_modified)
        except FetchError as exc:
            self._feed_failed(source, run, exc, exc.status, (etag, last_modified))
            return
        if response.not_modified:
            run.counts.feeds_not_modified += 1
            self._save_state(source.name, source.url, (etag, last_modified), 304, "not_modified", ok=True)
            return
        try:
            entries = parse_feed(response.body, response.url, response.content_type)
        except Exception as exc:
            if not isinstance(exc, Rejected):  # feedparser on input nobody foresaw: this feed fails, the host goes on
                log.exception("feed %s could not be parsed", source.url)
                exc = Rejected("fetch", "feed_error", f"{type(exc).__name__}: {exc}")
            self._feed_failed(source, run, exc, response.status, (None, None))
            return
        run.counts.feeds_fetched += 1
        self.report.entries_seen += len(entries)
        new_before = run.counts.items_new
        self._pages(source, entries, run)
        validators = (response.headers.get("etag"), response.headers.get("last-modified")) if run.complete else (None, None)
        self._save_state(source.name, source.url, validators, response.status, "ok", ok=True,
                         entries=len(entries), new=run.counts.items_new > new_before)

    def _feed_failed(self, source: SourcePlan, run: _SourceRun, exc: Rejected, status: int | None,
                     validators: tuple[str | None, str | None]) -> None:
        if exc.reason == "budget_exhausted":
            self.report.budget_exhausted = True
            self.report.sources_deferred += 1
            return
        run.counts.feeds_failed += 1
        run.error = f"{exc.reason}: {exc.detail}"
        self._reject(source.name, source.url, exc, run)
        self._save_state(source.name, source.url, validators, status, exc.reason, ok=False)

    def _pages(self, source: SourcePlan, entries: list[FeedEntry], run: _SourceRun, state_url: str | None = None) -> None:
        """Fetch and store the entries not yet in raw_items for this source; stop when the budget is spent."""
        known = self._known(source.name, [e.canonical for e in entries])
        for entry in entries:
            if entry.canonical in known:
                run.counts.pages_skipped += 1
                continue
            if self.report.budget_exhausted or self.page_budget <= 0:
                run.counts.pages_deferred += 1
                run.complete = False
                continue
            self.page_budget -= 1
            try:
                response = self._get(entry.url, run.policy)
            except FetchError as exc:
                if exc.reason == "budget_exhausted":
                    self.report.budget_exhausted = True
                    run.counts.pages_deferred += 1
                    run.complete = False
                    continue
                run.complete = run.complete and not exc.transient
                self._reject(source.name, entry.url, exc, run)
                if state_url:
                    run.error = f"{exc.reason}: {exc.detail}"
                    self._save_state(source.name, state_url, (None, None), exc.status, exc.reason, ok=False)
                continue
            run.counts.pages_fetched += 1
            item = RawItem(source=source.name, body=response.body, external_id=entry.canonical, url=response.url,
                           content_type=response.content_type, headers=_headers(response, entry, source))
            with self.conn.transaction():
                ids = store(self.conn, [item])
            run.counts.items_new += len(ids)
            self.report.new_ids.extend(ids)
            known.add(entry.canonical)
            if state_url:
                self._save_state(source.name, state_url, (None, None), response.status, "ok", ok=True, new=bool(ids))

    def _get(self, url: str, policy: NetPolicy, **validators: str | None) -> Response:
        """fetcher.get; an error nobody foresaw becomes a `fetch_error` reject so one URL never stops the host."""
        try:
            return self.fetcher.get(url, policy=policy, **validators)
        except FetchError:
            raise
        except Exception as exc:
            log.exception("unexpected error fetching %s", url)
            raise FetchError("fetch_error", f"{type(exc).__name__}: {exc}", url) from exc

    def _known(self, source: str, keys: list[str]) -> set[str]:
        with self.conn.transaction():
            rows = self.conn.execute(
                "SELECT DISTINCT external_id FROM raw_items WHERE source = %s AND external_id = ANY(%s)", (source, keys)
            ).fetchall()
        return {r[0] for r in rows}

    def _validators(self, source: str, url: str) -> tuple[str | None, str | None]:
        with self.conn.transaction():
            row = self.conn.execute(
                "SELECT etag, last_modified FROM feed_state WHERE source = %s AND url = %s", (source, url)
            ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _save_state(self, source: str, url: str, validators: tuple[str | None, str | None], status: int | None,
                    outcome: str, *, ok: bool, entries: int = 0, new: bool = False) -> None:
        with self.conn.transaction():
            self.conn.execute(_SAVE_STATE, {
                "source": source, "url": url, "etag": validators[0], "last_modified": validators[1],
                "status": status, "outcome": outcome, "ok": ok, "entries": entries, "new": new,
            })

    def _reject(self, source: str, url: str, exc: Rejected, run: _SourceRun) -> None:
        log.warning("fetch reject %s %s: %s", source, exc.reason, exc.detail)
        with self.conn.transaction():
            self.conn.execute(
                "INSERT INTO rejects (source, stage, reason, detail, location) VALUES (%s, 'fetch', %s, %s, %s)",
                (source, exc.reason, exc.detail[:2000], url),
            )
        run.counts.rejects += 1
        self.report.reasons[exc.reason] = self.report.reasons.get(exc.reason, 0) + 1


def _headers(response: Response, entry: FeedEntry, source: SourcePlan) -> dict[str, str]:
    """The response headers as received plus `x-fetch-*` provenance: what was asked for, via which feed entry."""
    meta = {"x-fetch-requested-url": entry.url, "x-fetch-status": str(response.status)}
    if response.redirects:
        meta["x-fetch-redirects"] = " ".join(response.redirects)
    if source.kind == "feed":
        meta["x-fetch-feed-url"] = source.url
        meta.update({k: v for k, v in (("x-fetch-feed-guid", entry.guid), ("x-fetch-feed-title", entry.title),
                     ("x-fetch-feed-published", entry.published.isoformat() if entry.published else None)) if v})
    return {**response.headers, **meta}


_SAVE_STATE = """
INSERT INTO feed_state AS f (source, url, etag, last_modified, last_status, last_outcome, last_fetched_at,
                             last_success_at, last_new_at, entries_seen, consecutive_failures)
VALUES (%(source)s, %(url)s, %(etag)s, %(last_modified)s, %(status)s, %(outcome)s, now(),
        CASE WHEN %(ok)s THEN now() END, CASE WHEN %(new)s THEN now() END, %(entries)s,
        CASE WHEN %(ok)s THEN 0 ELSE 1 END)
ON CONFLICT (source, url) DO UPDATE SET
    etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, last_status = EXCLUDED.last_status,
    last_outcome = EXCLUDED.last_outcome, last_fetched_at = now(),
    last_success_at = coalesce(EXCLUDED.last_success_at, f.last_success_at),
    last_new_at = coalesce(EXCLUDED.last_new_at, f.last_new_at), entries_seen = EXCLUDED.entries_seen,
    consecutive_failures = CASE WHEN %(ok)s THEN 0 ELSE f.consecutive_failures + 1 END
"""


def merge(reports: Iterable[FetchReport | dict[str, Any]]) -> FetchReport:
    """One report for a whole run from the per-host ones (e.g. the mapped tasks' XCom dicts)."""
    total = FetchReport(host="*")
    reasons: Counter[str] = Counter()
    for r in reports:
        r = FetchReport(**r) if isinstance(r, dict) else r
        total.add(r)
        total.entries_seen += r.entries_seen
        total.sources_failed += r.sources_failed
        total.sources_deferred += r.sources_deferred
        total.requests += r.requests
        total.seconds = round(total.seconds + r.seconds, 4)
        total.budget_s += r.budget_s
        total.budget_exhausted |= r.budget_exhausted
        total.new_ids.extend(r.new_ids)
        reasons.update(r.reasons)
    total.reasons = dict(reasons)
    return total
