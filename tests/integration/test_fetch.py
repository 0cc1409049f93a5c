"""Fetching into PostgreSQL against the local fixture server: raw items, rejects, feed state, second runs, budgets."""
from __future__ import annotations

import dataclasses
import time

import pytest

from pipeline.fetch import FetchConfig, HostPlan, fetch_host, merge, plan
from pipeline.urls import canonical_url
from tests.http_fixture_server import (  # noqa: F401 (fixture)
    FAST_FETCH_ENV, HTTP_DATA, FixtureServer, add_source, http_server)

pytestmark = [pytest.mark.integration, pytest.mark.fetch, pytest.mark.timeout(120)]

FAST = FetchConfig.from_env(FAST_FETCH_ENV)


def one_host(conn) -> HostPlan:
    [host] = plan(conn)
    return host


def rejects(conn) -> list[tuple[str, str, str]]:
    return conn.execute("SELECT source, reason, location FROM rejects WHERE stage = 'fetch' ORDER BY id").fetchall()


def raw_ids(conn, source: str) -> dict[str, bytes]:
    return dict(conn.execute("SELECT external_id, body FROM raw_items WHERE source = %s", (source,)).fetchall())


def test_plan_groups_active_feed_and_page_sources_by_host(conn):
    add_source(conn, "one", "https://www.example.org/rss.xml")
    add_source(conn, "two", "https://example.org/atom.xml")
    add_source(conn, "three", "https://other.example.net/story/1", kind="page")
    add_source(conn, "off", "https://example.org/off.xml")
    conn.execute("UPDATE sources SET active = false WHERE name = 'off'")
    conn.commit()
    plans = plan(conn)
    assert [(p.host, [s.name for s in p.sources]) for p in plans] == [
        ("example.org", ["one", "two"]), ("other.example.net", ["three"])]
    assert plans[0].sources[0].settings == {"allow_private": ["127.0.0.1"]}
    assert HostPlan.from_dict(plans[0].to_dict()) == plans[0]  # survives XCom as JSON
    assert all(s.kind != "inbox" for p in plans for s in p.sources)  # the seeded inbox sources stay out


def test_fetch_twice_stores_pages_once_rejects_with_reasons_and_then_sees_304(conn, http_server):
    add_source(conn, "fixture_rss", http_server.url("/feeds/rss.xml"))
    first = fetch_host(conn, one_host(conn), FAST, run_id="run-1")
    host = http_server.host
    stored = raw_ids(conn, "fixture_rss")
    assert set(stored) == {f"{host}/articles/a1.html", f"{host}/articles/a2.html", f"{host}/articles/cp1256.html",
                           f"{host}/flaky/2/articles/a3.html", f"{host}/hop/2/articles/a4.html"}
    assert stored[f"{host}/articles/cp1256.html"] == (HTTP_DATA / "articles" / "cp1256.html").read_bytes()
    assert sorted(r[1] for r in rejects(conn)) == [
        "http_404", "robots_disallowed", "ssrf_blocked", "too_large", "too_many_redirects"]
    assert (first.feeds_fetched, first.feeds_not_modified, first.entries_seen) == (1, 0, 10)
    assert (first.pages_fetched, first.items_new, first.rejects, first.pages_deferred) == (5, 5, 5, 0)
    assert first.reasons == {"http_404": 1, "robots_disallowed": 1, "ssrf_blocked": 1, "too_large": 1,
                             "too_many_redirects": 1}
    assert sorted(first.new_ids) == sorted(r[0] for r in conn.execute("SELECT id FROM raw_items"))
    assert first.seconds > 0 and first.requests >= 15 and not first.budget_exhausted

    # What was stored is the page as received, with where it came from.
    url, ctype, headers, status = conn.execute(
        "SELECT url, content_type, headers, status FROM raw_items WHERE external_id = %s",
        (f"{host}/hop/2/articles/a4.html",)).fetchone()
    assert url == http_server.url("/articles/a4.html") and status == "pending"
    assert ctype == "text/html; charset=utf-8" and headers["etag"]

    second = fetch_host(conn, one_host(conn), FAST, run_id="run-2")
    assert (second.feeds_fetched, second.feeds_not_modified, second.items_new, second.rejects) == (0, 1, 0, 0)
    assert second.new_ids == [] and second.pages_fetched == 0
    assert http_server.requests[-1].headers.get("If-None-Match")
    assert conn.execute("SELECT count(*) FROM raw_items").fetchone()[0] == 5
    assert len(rejects(conn)) == 5
    state = conn.execute("SELECT etag, last_status, last_outcome, consecutive_failures, entries_seen "
                         "FROM feed_state WHERE source = 'fixture_rss'").fetchone()
    assert state[0] and state[1:] == (304, "not_modified", 0, 0)
    runs = conn.execute("SELECT run_id, ok, feeds_fetched, feeds_not_modified, items_new, rejects FROM fetch_runs "
                        "ORDER BY id").fetchall()
    assert runs == [("run-1", True, 1, 0, 5, 5), ("run-2", True, 0, 1, 0, 0)]


def test_sources_on_one_host_share_the_fetcher_and_its_robots(conn, http_server):
    add_source(conn, "fixture_atom", http_server.url("/feeds/atom.xml"))
    add_source(conn, "fixture_sitemap", http_server.url("/feeds/sitemap.xml"))
    add_source(conn, "fixture_page", http_server.url("/articles/a2.html?utm_source=x"), kind="page")
    report = fetch_host(conn, one_host(conn), FAST)
    assert report.feeds_fetched == 2 and report.items_new == 5  # a6, a7 for two feed sources, a2 for the page
    assert http_server.hits["/robots.txt"] == 1
    host = http_server.host
    assert set(raw_ids(conn, "fixture_atom")) == set(raw_ids(conn, "fixture_sitemap")) == {
        f"{host}/articles/a6.html", f"{host}/articles/a7.html"}
    assert set(raw_ids(conn, "fixture_page")) == {f"{host}/articles/a2.html"}
    again = fetch_host(conn, one_host(conn), FAST)
    assert (again.items_new, again.feeds_not_modified, again.pages_skipped) == (0, 2, 1)
    assert http_server.hits["/articles/a2.html"] == 1


@pytest.mark.parametrize("feed", ["xxe.xml", "billion-laughs.xml"])
def test_hostile_feeds_are_rejected_and_count_as_source_failures(conn, http_server, feed):
    add_source(conn, "hostile", http_server.url(f"/feeds/{feed}"))
    for run in range(3):
        report = fetch_host(conn, one_host(conn), FAST, run_id=f"r{run}")
        assert (report.feeds_failed, report.sources_failed, report.items_new) == (1, 1, 0)
    assert {r[1] for r in rejects(conn)} == {"xml_forbidden"}
    assert conn.execute("SELECT consecutive_failures, last_outcome, etag FROM feed_state").fetchone() == (
        3, "xml_forbidden", None)
    assert [r[0] for r in conn.execute("SELECT ok FROM fetch_runs ORDER BY id")] == [False, False, False]
    assert conn.execute("SELECT count(*) FROM raw_items").fetchone()[0] == 0
    assert "/articles/a1.html" not in http_server.paths()


def test_unreachable_feed_fails_without_crashing_and_recovers(conn, http_server):
    add_source(conn, "flaky_feed", http_server.url("/flaky/2/feeds/atom.xml"))
    broken = fetch_host(conn, one_host(conn), dataclasses.replace(FAST, retries=0))
    assert broken.reasons == {"http_500": 1} and broken.sources_failed == 1
    healed = fetch_host(conn, one_host(conn), FAST)
    assert healed.feeds_fetched == 1 and healed.items_new == 2
    assert conn.execute("SELECT consecutive_failures, last_outcome FROM feed_state").fetchone() == (0, "ok")


def test_transient_page_failure_is_retried_next_run_because_validators_are_not_saved(conn, http_server):
    http_server.route("/feeds/one.xml", lambda h, p, q: h.send(200, (
        '<rss version="2.0"><channel><title>t</title><item><title>x</title>'
        f'<link>{http_server.base}/flaky/2/articles/a3.html</link></item></channel></rss>').encode(),
        {"ETag": '"fixed"', "Content-Type": "application/rss+xml"}))
    add_source(conn, "fixture_flaky", http_server.url("/feeds/one.xml"))
    first = fetch_host(conn, one_host(conn), dataclasses.replace(FAST, retries=1))
    assert first.reasons == {"http_500": 1} and first.items_new == 0
    assert conn.execute("SELECT etag FROM feed_state").fetchone() == (None,)
    second = fetch_host(conn, one_host(conn), dataclasses.replace(FAST, retries=1))
    assert second.feeds_fetched == 1 and second.items_new == 1  # full feed again, and the page now answers
    assert conn.execute("SELECT etag FROM feed_state").fetchone() == ('"fixed"',)


def test_budget_defers_the_rest_and_is_kept(conn, http_server):
    add_source(conn, "slow", http_server.url("/feeds/slow.xml"))  # four pages of 40 × 50 ms each
    add_source(conn, "then_atom", http_server.url("/feeds/atom.xml"))  # after "slow" in name order
    budget, read_timeout = 1.0, 0.3
    config = dataclasses.replace(FAST, host_budget_s=budget, read_timeout_s=read_timeout, request_timeout_s=5)
    started = time.monotonic()
    report = fetch_host(conn, one_host(conn), config)
    wall = time.monotonic() - started
    assert report.budget_exhausted and report.budget_s == budget
    assert budget - 0.1 <= report.seconds <= budget + read_timeout + 0.2
    assert report.seconds <= wall <= report.seconds + 0.5  # the reported time is the time spent
    assert report.pages_deferred >= 2 and report.sources_deferred == 1
    assert report.rejects == 0  # deferred is not rejected: the feed keeps no validators, so the next run sees them
    assert conn.execute("SELECT etag FROM feed_state WHERE source = 'slow'").fetchone() == (None,)
    assert "/feeds/atom.xml" not in http_server.paths()


def test_page_cap_defers_the_rest(conn, http_server):
    add_source(conn, "fixture_atom", http_server.url("/feeds/atom.xml"))
    first = fetch_host(conn, one_host(conn), dataclasses.replace(FAST, max_pages=1))
    assert (first.items_new, first.pages_deferred) == (1, 1)
    second = fetch_host(conn, one_host(conn), dataclasses.replace(FAST, max_pages=1))
    assert (second.feeds_fetched, second.items_new, second.pages_skipped) == (1, 1, 1)


def test_merge_adds_up_host_reports(conn, http_server):
    add_source(conn, "fixture_atom", http_server.url("/feeds/atom.xml"))
    report = fetch_host(conn, one_host(conn), FAST)
    total = merge([report.to_dict(), report])
    assert total.items_new == 4 and total.new_ids == report.new_ids * 2 and total.seconds >= report.seconds


def test_cli_fetch_prints_the_report(conn, http_server, monkeypatch, capsys):
    from pipeline.cli import main

    add_source(conn, "fixture_atom", http_server.url("/feeds/atom.xml"))
    for name, value in FAST_FETCH_ENV.items():
        monkeypatch.setenv(name, value)
    assert main(["fetch"]) == 0
    out = capsys.readouterr().out
    assert f"{http_server.host}: feeds 1 fetched" in out and "fetch: 1 hosts, 2 new items, 0 rejects" in out
    assert conn.execute("SELECT items_new FROM ingest_runs WHERE stage = 'fetch'").fetchone() == (2,)


def test_stored_pages_carry_fetch_provenance_beside_the_response_headers(conn, http_server):
    add_source(conn, "fixture_atom", http_server.url("/feeds/atom.xml"))
    fetch_host(conn, one_host(conn), FAST)
    headers = conn.execute("SELECT headers FROM raw_items WHERE external_id LIKE %s", ("%/a6.html",)).fetchone()[0]
    assert headers["content-type"] == "text/html; charset=utf-8" and headers["etag"]
    assert headers["x-fetch-feed-url"] == http_server.url("/feeds/atom.xml")
    assert headers["x-fetch-feed-title"] == "المتحدث باسم الرئاسة: لا تغيير في الموقف"
    assert headers["x-fetch-feed-published"] == "2024-01-02T10:00:00+00:00"
    assert headers["x-fetch-feed-guid"] == "urn:fixture:a6" and headers["x-fetch-status"] == "200"


def test_one_unusable_link_does_not_stop_the_feed(conn, http_server):
    http_server.route("/feeds/odd.xml", lambda h, p, q: h.send(200, (
        '<rss version="2.0"><channel><title>t</title>'
        '<item><title>bad ipv6</title><link>http://[::1/x</link></item>'
        '<item><title>bad port</title><link>http://127.0.0.1:99999/x</link></item>'
        '<item><title>ftp</title><link>ftp://127.0.0.1/x</link></item>'
        f'<item><title>good</title><link>{http_server.base}/articles/a1.html</link></item>'
        '</channel></rss>').encode(), {"Content-Type": "application/rss+xml"}))
    add_source(conn, "odd", http_server.url("/feeds/odd.xml"))
    report = fetch_host(conn, one_host(conn), FAST)
    assert report.items_new == 1 and report.sources_failed == 0
    assert set(report.reasons) <= {"bad_url"}


def test_a_broken_source_row_fails_alone(conn, http_server):
    add_source(conn, "a_broken", "http://[::1/oops", kind="page")
    add_source(conn, "b_atom", http_server.url("/feeds/atom.xml"))
    reports = [fetch_host(conn, p, FAST) for p in plan(conn)]
    total = merge(reports)
    assert total.items_new == 2 and total.sources_failed == 1
    assert conn.execute("SELECT source, ok FROM fetch_runs ORDER BY source").fetchall() == [
        ("a_broken", False), ("b_atom", True)]


def rss(links: list[str]) -> bytes:
    items = "".join(f"<item><title>t{n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def test_private_networks_are_allowed_per_source_never_per_host(conn, http_server):
    """Sources on one host share its fetcher, delay and robots.txt, but each request and redirect hop is vetted
    with the allowance of its own source: one source's allowance never opens the way for another's items."""
    with FixtureServer(address="127.0.0.2") as internal:
        internal_a6 = internal.url("/articles/a6.html")
        into_internal = http_server.url("/redirect?to=" + internal_a6)
        http_server.route("/feeds/allowed.xml", lambda h, p, q: h.send(200, rss(
            [http_server.url("/articles/a1.html"), http_server.url("/articles/a2.html"), into_internal]),
            {"Content-Type": "application/rss+xml"}))
        http_server.route("/feeds/denied.xml", lambda h, p, q: h.send(200, rss(
            [http_server.url("/articles/a1.html"), into_internal]), {"Content-Type": "application/rss+xml"}))
        add_source(conn, "a_allowed", http_server.url("/feeds/allowed.xml"), allow_private=["127.0.0.0/8"])
        add_source(conn, "b_denied", http_server.url("/feeds/denied.xml"), allow_private=None)
        add_source(conn, "b_denied_page", http_server.url("/articles/a1.html"), kind="page", allow_private=None)
        # 127.0.0.1 stands in for the public internet here: this source may reach it, and nothing private beyond.
        add_source(conn, "c_first_hop_only", into_internal + "&from=c", kind="page", allow_private=["127.0.0.1"])
        report = fetch_host(conn, one_host(conn), FAST)
        internal_paths = internal.paths()

    host = http_server.host
    assert set(raw_ids(conn, "a_allowed")) == {
        f"{host}/articles/a1.html", f"{host}/articles/a2.html", canonical_url(into_internal)}
    assert conn.execute("SELECT url FROM raw_items WHERE external_id = %s", (canonical_url(into_internal),)
                        ).fetchone() == (internal_a6,)
    assert conn.execute("SELECT count(*) FROM raw_items WHERE source <> 'a_allowed'").fetchone() == (0,)
    assert sorted(rejects(conn)) == [
        ("b_denied", "ssrf_blocked", http_server.url("/feeds/denied.xml")),
        ("b_denied_page", "ssrf_blocked", http_server.url("/articles/a1.html")),
        ("c_first_hop_only", "ssrf_blocked", into_internal + "&from=c"),
    ]
    detail = conn.execute("SELECT detail FROM rejects WHERE source = 'c_first_hop_only'").fetchone()[0]
    assert "127.0.0.2" in detail
    # The denied sources sent nothing; the internal host saw only the allowed source (robots.txt, then the page).
    assert http_server.hits["/feeds/denied.xml"] == 0 and http_server.hits["/articles/a1.html"] == 1
    assert sorted(internal_paths) == ["/articles/a6.html", "/robots.txt"]
    assert http_server.hits["/redirect"] == 2  # a_allowed's hop, and c's first (allowed) hop
    assert (report.items_new, report.rejects, report.reasons) == (3, 3, {"ssrf_blocked": 3})
    assert conn.execute("SELECT source, ok FROM fetch_runs ORDER BY source").fetchall() == [
        ("a_allowed", True), ("b_denied", False), ("b_denied_page", False), ("c_first_hop_only", False)]
