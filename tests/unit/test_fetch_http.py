"""The polite HTTP client against a real local server: retries, robots, caps, redirects, SSRF, budgets, delays."""
from __future__ import annotations

import dataclasses
import gzip
import time

import httpx
import pytest

from pipeline.http import FetchConfig, Fetcher, FetchError, GuardedTransport, backoff_delay, retry_after
from pipeline.netguard import Blocked, NetPolicy
from tests.http_fixture_server import FAST_FETCH_ENV, HTTP_DATA, http_server  # noqa: F401 (fixture)

pytestmark = [pytest.mark.fetch, pytest.mark.timeout(60)]

FAST = dataclasses.replace(FetchConfig.from_env(FAST_FETCH_ENV), allow_private=NetPolicy.parse("127.0.0.1"))


def fetcher(**changes) -> Fetcher:
    return Fetcher(dataclasses.replace(FAST, **changes))


def failure(f: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        f.get(url)
    return caught.value


# --- settings, backoff ----------------------------------------------------------------------------------------

def test_config_from_env_reads_every_knob():
    cfg = FetchConfig.from_env({
        "NEWS_FETCH_USER_AGENT": "TestBot/1.0", "NEWS_FETCH_TIMEOUT_S": "0.25", "NEWS_FETCH_MAX_BYTES": "1234",
        "NEWS_FETCH_MAX_REDIRECTS": "2", "NEWS_FETCH_RETRIES": "0", "NEWS_FETCH_BACKOFF_S": "0.002",
        "NEWS_FETCH_MIN_DELAY_S": "0.003", "NEWS_FETCH_ALLOW_PRIVATE": "10.0.0.0/8,127.0.0.1",
        "NEWS_FETCH_HOST_BUDGET_S": "1.5", "NEWS_FETCH_OBEY_ROBOTS": "false", "NEWS_FETCH_READ_TIMEOUT_S": "0.5",
    })
    assert (cfg.user_agent, cfg.connect_timeout_s, cfg.read_timeout_s) == ("TestBot/1.0", 0.25, 0.5)
    assert (cfg.max_bytes, cfg.max_redirects, cfg.retries) == (1234, 2, 0)
    assert (cfg.backoff_s, cfg.min_delay_s, cfg.host_budget_s, cfg.obey_robots) == (0.002, 0.003, 1.5, False)
    assert len(cfg.allow_private.allowed) == 2
    assert FetchConfig.from_env({}) == FetchConfig()


def test_host_settings_keep_the_longest_delay_but_never_pool_private_networks():
    settings = [
        {"allow_private": ["127.0.0.1"], "min_delay_s": 0.5, "user_agent": "A"},
        {"allow_private": "10.0.0.0/8", "min_delay_s": 3, "user_agent": "B", "unknown": 1},
        {},
    ]
    base = FetchConfig(min_delay_s=1.0, allow_private=NetPolicy.parse("192.168.0.0/16"))
    cfg = base.with_settings(settings)
    assert cfg.min_delay_s == 3.0 and cfg.user_agent == "A"
    assert cfg.allow_private == base.allow_private  # a source's allowance is its own, not its host's
    assert [sorted(str(n) for n in cfg.policy_for(s).allowed) for s in settings] == [
        ["127.0.0.1/32", "192.168.0.0/16"], ["10.0.0.0/8", "192.168.0.0/16"], ["192.168.0.0/16"]]
    assert FetchConfig().policy_for(None) == NetPolicy()


def test_backoff_doubles_is_capped_and_jitter_only_shortens():
    assert [backoff_delay(a, 0.1, 10, 0.0) for a in range(4)] == [0.1, 0.2, 0.4, 0.8]
    assert backoff_delay(20, 0.1, 10, 0.0) == 10
    assert backoff_delay(2, 1.0, 60, 0.5, rng=lambda: 1.0) == 2.0
    assert backoff_delay(2, 1.0, 60, 0.5, rng=lambda: 0.0) == 4.0
    assert all(2.0 <= backoff_delay(2, 1.0, 60, 0.5) <= 4.0 for _ in range(200))


def test_retry_after_seconds_and_dates():
    assert retry_after("7") == 7.0
    assert retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Mon, 01 Jan 2024 00:00:10 GMT", now=1704067200.0) == 10.0


# --- responses, conditional GET, encodings ----------------------------------------------------------------------

def test_conditional_get_answers_304_and_sends_our_user_agent(http_server):
    with fetcher(user_agent="NewsTestBot/2.0 (+mailto:ops@example.org)") as f:
        first = f.get(http_server.url("/feeds/rss.xml"))
        again = f.get(http_server.url("/feeds/rss.xml"), etag=first.headers["etag"],
                      last_modified=first.headers["last-modified"])
    assert first.status == 200 and not first.not_modified and b"<rss" in first.body
    assert again.not_modified and again.body == b""
    sent = http_server.requests[-1].headers
    assert sent["If-None-Match"] == first.headers["etag"]
    assert sent["If-Modified-Since"] == first.headers["last-modified"]
    assert sent["User-Agent"] == "NewsTestBot/2.0 (+mailto:ops@example.org)"


def test_windows_1256_page_comes_back_byte_for_byte(http_server):
    with fetcher() as f:
        page = f.get(http_server.url("/articles/cp1256.html"))
    assert page.body == (HTTP_DATA / "articles" / "cp1256.html").read_bytes()
    assert page.content_type == "text/html"  # no charset: decoding is extraction's job, bytes stay as received
    assert page.body.decode("cp1256").count("قال") == 1


# --- retries ---------------------------------------------------------------------------------------------------

def test_500_twice_then_success_is_retried(http_server):
    with fetcher(retries=3) as f:
        page = f.get(http_server.url("/flaky/2/articles/a3.html"))
    assert page.status == 200 and page.attempts == 3
    assert http_server.hits["/flaky/2/articles/a3.html"] == 3


def test_5xx_gives_up_after_the_configured_retries(http_server):
    with fetcher(retries=1) as f:
        error = failure(f, http_server.url("/flaky/5/articles/a3.html"))
    assert (error.reason, error.status, error.transient) == ("http_500", 500, True)
    assert http_server.hits["/flaky/5/articles/a3.html"] == 2


@pytest.mark.parametrize("status", [400, 403, 404, 410, 429])
def test_4xx_is_never_retried(http_server, status):
    with fetcher(retries=3) as f:
        error = failure(f, http_server.url(f"/status/{status}"))
    assert error.reason == f"http_{status}"
    assert http_server.hits[f"/status/{status}"] == 1


def test_connection_resets_are_retried(http_server):
    with fetcher(retries=2) as f:
        page = f.get(http_server.url("/reset/2/articles/a1.html"))
    assert page.attempts == 3 and "وزير الخارجية".encode() in page.body


def test_truncated_body_is_retried_then_rejected(http_server):
    with fetcher(retries=2) as f:
        error = failure(f, http_server.url("/truncated"))
    assert error.reason == "connection_error" and error.transient
    assert http_server.hits["/truncated"] == 3


def test_backoff_waits_grow(http_server):
    with fetcher(retries=3, backoff_s=0.05, backoff_max_s=1.0, jitter=0.0, min_delay_s=0.0) as f:
        f.get(http_server.url("/flaky/3/articles/a3.html"))
    times = [r.at for r in http_server.requests if r.path.startswith("/flaky/")]
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2


# --- robots.txt ------------------------------------------------------------------------------------------------

def test_robots_disallowed_page_is_never_requested_and_robots_is_read_once(http_server):
    with fetcher() as f:
        error = failure(f, http_server.url("/private/secret.html"))
        f.get(http_server.url("/articles/a1.html"))
        f.get(http_server.url("/articles/a2.html"))
    assert error.reason == "robots_disallowed" and not error.transient
    assert "/private/secret.html" not in http_server.paths()
    assert http_server.hits["/robots.txt"] == 1


def test_robots_applies_to_our_user_agent(http_server):
    http_server.route("/robots.txt", lambda h, p, q: h.send(200, b"User-agent: OtherBot\nDisallow: /\n\n"
                                                            b"User-agent: NewsTestBot\nDisallow: /articles/a2\n"))
    with fetcher(user_agent="NewsTestBot/1.0") as f:
        assert f.get(http_server.url("/articles/a1.html")).status == 200
        assert failure(f, http_server.url("/articles/a2.html")).reason == "robots_disallowed"


def test_missing_robots_allows_everything(http_server):
    http_server.route("/robots.txt", lambda h, p, q: h.send(404, b"no robots here"))
    with fetcher() as f:
        assert f.get(http_server.url("/private/secret.html")).status == 200


def test_robots_server_error_keeps_us_out(http_server):
    http_server.route("/robots.txt", lambda h, p, q: h.send(503, b"down"))
    with fetcher(retries=1) as f:
        error = failure(f, http_server.url("/articles/a1.html"))
    assert error.reason == "robots_unavailable" and error.transient
    assert http_server.paths() == ["/robots.txt", "/robots.txt"]


def test_robots_can_be_switched_off(http_server):
    with fetcher(obey_robots=False) as f:
        assert f.get(http_server.url("/private/secret.html")).status == 200
    assert "/robots.txt" not in http_server.paths()


def test_crawl_delay_is_obeyed_up_to_the_cap(http_server):
    http_server.route("/robots.txt", lambda h, p, q: h.send(200, b"User-agent: *\nCrawl-delay: 5\n"))
    with fetcher(min_delay_s=0.0, max_crawl_delay_s=0.1) as f:
        for name in ("a1", "a2", "a3"):
            f.get(http_server.url(f"/articles/{name}.html"))
    times = [r.at for r in http_server.requests if r.path.startswith("/articles/")]
    assert all(b - a >= 0.1 for a, b in zip(times, times[1:]))


# --- politeness ------------------------------------------------------------------------------------------------

def test_minimum_delay_between_requests_to_one_host(http_server):
    with fetcher(min_delay_s=0.08) as f:
        for name in ("a1", "a2", "a4", "a6"):
            f.get(http_server.url(f"/articles/{name}.html"))
    times = [r.at for r in http_server.requests]  # robots.txt included: it is a request to the host too
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 4 and min(gaps) >= 0.08


# --- redirects -------------------------------------------------------------------------------------------------

def test_redirect_chain_within_the_limit(http_server):
    with fetcher(max_redirects=3) as f:
        page = f.get(http_server.url("/hop/3/articles/a4.html"))
    assert page.url == http_server.url("/articles/a4.html")
    assert page.redirects == [http_server.url(p) for p in ("/hop/3/articles/a4.html", "/hop/2/articles/a4.html",
                                                           "/hop/1/articles/a4.html")]


def test_too_many_redirects_stops_after_the_limit(http_server):
    with fetcher(max_redirects=3) as f:
        error = failure(f, http_server.url("/hop/9/articles/a5.html"))
    assert error.reason == "too_many_redirects"
    assert sum(p.startswith("/hop/") for p in http_server.paths()) == 4
    assert "/articles/a5.html" not in http_server.paths()


def test_redirect_into_a_disallowed_path_is_caught(http_server):
    with fetcher() as f:
        error = failure(f, http_server.url("/hop/1/private/secret.html"))
    assert error.reason == "robots_disallowed"


# --- SSRF --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/", "http://127.0.0.2/", "http://[::1]/", "http://10.0.0.1/",
    "http://[::ffff:169.254.169.254]/admin", "http://2130706434/", "http://0.0.0.0/", "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_FLUSHALL",
])
def test_redirect_to_a_private_address_is_blocked(http_server, target):
    with fetcher() as f:  # allows 127.0.0.1 exactly, nothing else
        error = failure(f, http_server.url(f"/redirect?to={target}"))
    assert error.reason == "ssrf_blocked" and not error.transient
    assert error.url == http_server.url(f"/redirect?to={target}")


def test_loopback_is_refused_unless_the_source_allows_it(http_server):
    with Fetcher(dataclasses.replace(FAST, allow_private=NetPolicy())) as f:
        error = failure(f, http_server.url("/articles/a1.html"))
    assert error.reason == "ssrf_blocked"
    assert http_server.requests == []  # not even robots.txt


def test_each_request_is_vetted_with_its_own_policy_on_one_fetcher(http_server):
    """One fetcher serves several sources of a host: an allowed request first must not open the way for the next."""
    loopback, public_only = NetPolicy.parse("127.0.0.1"), NetPolicy()
    with fetcher(allow_private=public_only) as f:
        assert f.get(http_server.url("/articles/a1.html"), policy=loopback).status == 200
        pooled = len(http_server.requests)
        for url in ("/articles/a1.html", "/articles/a2.html", "/hop/1/articles/a2.html"):
            assert failure_with(f, http_server.url(url), public_only).reason == "ssrf_blocked"
        assert len(http_server.requests) == pooled  # refused before any byte left, pooled connection or not
        # Allowed to the first hop only: the redirect to a second loopback address is refused, not attempted.
        error = failure_with(f, http_server.url("/redirect?to=http://127.0.0.2:9/x"), loopback)
        assert error.reason == "ssrf_blocked" and "127.0.0.2" in error.detail
        wide = NetPolicy.parse("127.0.0.0/8")
        error = failure_with(f, http_server.url("/redirect?to=http://127.0.0.2:9/x"), wide)
        # Allowed, so it was tried: its robots.txt first, refused (nothing listens on port 9).
        assert error.reason == "robots_unavailable" and "connection_error" in error.detail
        assert f.get(http_server.url("/articles/a2.html"), policy=loopback).status == 200


def test_a_robots_redirect_one_source_may_not_follow_is_not_remembered_for_the_others(http_server):
    http_server.route("/robots.txt", lambda h, p, q: h.send(302, b"", {"Location": "http://127.0.0.2:9/robots.txt"}))
    with fetcher() as f:
        narrow = failure_with(f, http_server.url("/articles/a1.html"), NetPolicy.parse("127.0.0.1"))
        wide = failure_with(f, http_server.url("/articles/a1.html"), NetPolicy.parse("127.0.0.0/8"))
    assert narrow.reason == wide.reason == "robots_unavailable"
    assert "ssrf_blocked" in narrow.detail and "connection_error" in wide.detail  # read again, with its own policy
    assert http_server.hits["/robots.txt"] == 2 and http_server.hits["/articles/a1.html"] == 0


def failure_with(f: Fetcher, url: str, policy: NetPolicy) -> FetchError:
    with pytest.raises(FetchError) as caught:
        f.get(url, policy=policy)
    return caught.value


def test_the_connection_itself_is_guarded(http_server):
    """The transport vets the address it connects to, independent of the pre-check (DNS rebinding)."""
    with httpx.Client(transport=GuardedTransport(NetPolicy())) as client, pytest.raises(Blocked):
        client.get(http_server.url("/articles/a1.html"))
    with httpx.Client(transport=GuardedTransport(NetPolicy.parse("127.0.0.1"))) as client:
        assert client.get(http_server.url("/articles/a1.html")).status_code == 200
    assert http_server.hits["/articles/a1.html"] == 1


# --- size caps ---------------------------------------------------------------------------------------------------

def test_declared_size_over_the_cap_is_refused_before_reading(http_server):
    with fetcher(max_bytes=100_000) as f:
        error = failure(f, http_server.url("/big/3000000"))
        assert f.get(http_server.url("/big/50000")).body.__len__() == 50_000
    assert error.reason == "too_large" and "Content-Length" in error.detail


def test_undeclared_size_is_capped_while_streaming(http_server):
    with fetcher(max_bytes=100_000) as f:
        error = failure(f, http_server.url("/big/3000000?length=0"))
    assert error.reason == "too_large" and "body over" in error.detail


def test_gzip_bomb_is_capped_after_decompression(http_server):
    bomb = gzip.compress(b"\x00" * 5_000_000)
    http_server.route("/bomb", lambda h, p, q: h.send(200, bomb, {"Content-Encoding": "gzip",
                                                                   "Content-Type": "text/html"}))
    with fetcher(max_bytes=1_000_000) as f:
        assert failure(f, http_server.url("/bomb")).reason == "too_large"
    assert len(bomb) < 10_000


# --- time: slow drip, budget -----------------------------------------------------------------------------------

def test_slow_drip_is_cut_at_the_request_timeout(http_server):
    with fetcher(request_timeout_s=0.4, read_timeout_s=1.0) as f:
        started = time.monotonic()
        error = failure(f, http_server.url("/drip/100/20/x"))  # 2 s of body if we let it
        spent = time.monotonic() - started
    assert error.reason == "timeout" and error.transient
    assert 0.4 <= spent < 0.4 + 0.2


def test_silent_server_hits_the_read_timeout(http_server):
    http_server.route("/silent", lambda h, p, q: time.sleep(1.5))
    with fetcher(read_timeout_s=0.2, retries=1) as f:
        started = time.monotonic()
        error = failure(f, http_server.url("/silent"))
        spent = time.monotonic() - started
    assert error.reason == "timeout"
    assert spent < 2 * 0.2 + 0.3  # two attempts, each cut at the read timeout


def test_host_budget_is_respected_and_reported(http_server):
    budget = 0.8
    started = time.monotonic()
    with fetcher(host_budget_s=budget, request_timeout_s=5, read_timeout_s=0.3) as f:
        reasons = []
        for i in range(10):
            try:
                f.get(http_server.url(f"/drip/20/30/p{i}"))  # about 0.6 s each
                reasons.append("ok")
            except FetchError as exc:
                reasons.append(exc.reason)
        spent = f.seconds
    wall = time.monotonic() - started
    assert reasons[0] == "ok" and "budget_exhausted" in reasons  # unbounded, the ten pages would take ~6 s
    assert spent <= budget + 0.3 + 0.1  # at most one read timeout past the budget, plus scheduling slack
    assert budget - 0.1 <= spent <= wall <= spent + 0.1  # what it reports is the time that really passed
    assert all(r in ("ok", "timeout", "budget_exhausted") for r in reasons)


@pytest.mark.parametrize(("env", "message"), [
    ({"NEWS_FETCH_RETRIES": "three"}, "NEWS_FETCH_RETRIES"),
    ({"NEWS_FETCH_MIN_DELAY_S": "-1"}, "must not be negative"),
    ({"NEWS_FETCH_ALLOW_PRIVATE": "not-a-network"}, "NEWS_FETCH_ALLOW_PRIVATE"),
])
def test_bad_settings_fail_loudly_naming_the_variable(env, message):
    with pytest.raises(ValueError, match=message):
        FetchConfig.from_env(env)
