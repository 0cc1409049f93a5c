"""Polite HTTP client: robots.txt, per-host delay, retries with backoff, size/redirect/time caps, SSRF-guarded connects."""
from __future__ import annotations

import dataclasses
import email.utils
import functools
import logging
import os
import random
import ssl
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from pipeline import netguard
from pipeline.netguard import Blocked, NetPolicy
from pipeline.records import Rejected

log = logging.getLogger(__name__)

DEFAULT_USER_AGENT = "news-statements-pipeline/0.1 (+https://github.com/news-statements-pipeline)"
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
ENV_PREFIX = "NEWS_FETCH_"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Every politeness and safety knob; times in seconds (floats, so milliseconds work in tests)."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout_s: float = 10.0
    read_timeout_s: float = 30.0  # longest wait for any single read
    request_timeout_s: float = 60.0  # one response, headers to last byte (slow-drip guard)
    host_budget_s: float = 600.0  # everything one Fetcher does for one host in one run
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 3  # extra attempts on 5xx, timeouts and connection errors; never on 4xx
    backoff_s: float = 1.0  # first retry waits about this long, then doubling
    backoff_max_s: float = 60.0
    jitter: float = 0.5  # a retry waits between (1 - jitter) and 1 times its backoff
    min_delay_s: float = 1.0  # between two requests to the same host
    max_crawl_delay_s: float = 30.0  # robots.txt Crawl-delay is obeyed up to this
    max_pages: int = 500  # article pages per host per run; the rest wait for the next run
    obey_robots: bool = True
    allow_private: NetPolicy = NetPolicy()

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> FetchConfig:
        """Defaults overridden by NEWS_FETCH_<FIELD> variables (NEWS_FETCH_TIMEOUT_S sets both timeouts)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        if env.get(ENV_PREFIX + "TIMEOUT_S"):
            values["connect_timeout_s"] = values["read_timeout_s"] = float(env[ENV_PREFIX + "TIMEOUT_S"])
        for f in dataclasses.fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _convert(f.name, raw)
        return cls(**values)

    def with_settings(self, settings: Iterable[Mapping[str, Any]]) -> FetchConfig:
        """This config adjusted by the `fetch:` settings of one host's sources: the longest delay wins.

        `allow_private` is left out on purpose: it belongs to one source, never to its host (see `policy_for`).
        """
        values: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(self)}
        for setting in settings:
            for key, raw in (setting or {}).items():
                if key == "allow_private":
                    continue
                if key == "min_delay_s":
                    values[key] = max(float(raw), values.get(key, self.min_delay_s))
                elif key in names:
                    values.setdefault(key, _convert(key, raw))
                else:
                    log.warning("unknown fetch setting %r ignored (known: %s)", key, ", ".join(sorted(names)))
        return dataclasses.replace(self, **values)

    def policy_for(self, settings: Mapping[str, Any] | None) -> NetPolicy:
        """The networks one source may reach: what the whole config allows plus that source's own `allow_private`."""
        return self.allow_private.union(NetPolicy.parse((settings or {}).get("allow_private")))


def _convert(name: str, raw: Any) -> Any:
    """A setting's value in the type of its default; a bad value fails loudly, naming the setting."""
    default = getattr(FetchConfig(), name)
    try:
        if isinstance(default, NetPolicy):
            return NetPolicy.parse(raw)
        if isinstance(default, bool):
            return raw if isinstance(raw, bool) else str(raw).strip().lower() in ("1", "true", "yes", "on")
        value = type(default)(raw)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"fetch setting {name} (NEWS_FETCH_{name.upper()}): {raw!r} is not valid: {exc}") from None
    if isinstance(value, (int, float)) and value < 0:
        raise ValueError(f"fetch setting {name} (NEWS_FETCH_{name.upper()}) must not be negative: {raw!r}")
    return value


class FetchError(Rejected):
    """A URL that could not be fetched: `reason` like http_404, timeout, too_large; `transient` if worth retrying later."""

    def __init__(self, reason: str, detail: str, url: str, *, status: int | None = None, transient: bool = False):
        super().__init__("fetch", reason, detail)
        self.url = url
        self.status = status
        self.transient = transient


@dataclass(slots=True)
class Response:
    """A complete response: final URL, status, headers and the body bytes (content coding removed)."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    redirects: list[str] = field(default_factory=list)
    attempts: int = 1
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def backoff_delay(attempt: int, base: float, cap: float, jitter: float, rng: Callable[[], float] = random.random) -> float:
    """Seconds before retry number `attempt` (0-based): base·2^attempt capped, minus up to `jitter` of it at random."""
    delay = min(cap, base * (2 ** attempt))
    return delay * (1.0 - jitter * rng())


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header (delta seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves, vets and connects to a vetted address itself, so DNS answers cannot change between check and use."""

    def __init__(self, policy: NetPolicy) -> None:
        self.policy = policy

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[override]
        error: Exception | None = None
        for address in netguard.resolve(host, port, self.policy):
            try:
                stream = super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            peer = stream.get_extra_info("server_addr")
            try:
                netguard.check_ip(peer[0] if peer else address, self.policy)
            except Blocked:
                stream.close()
                raise
            return stream
        assert error is not None
        raise error


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for all fetchers (loading the CA bundle costs ~50 ms; the context is shareable)."""
    return httpx.create_ssl_context(trust_env=False)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with our network backend (httpx 0.28 takes no backend argument, so the pool is rebuilt)."""

    def __init__(self, policy: NetPolicy) -> None:
        super().__init__(verify=_ssl_context(), trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(policy),
        )


def host_key(url: str) -> str:
    """`host[:port]` of a URL, lower case: the unit of politeness."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


class Fetcher:
    """Fetches URLs for one host within one run: robots cached, requests spaced, time budget enforced.

    Each request carries the network policy of the source it is for; requests under different policies use
    separate connection pools, so a connection vetted for one source is never reused for another.
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.config = config
        self._clock, self._sleep_fn, self._rng = clock, sleep, rng
        self.started = clock()
        self.deadline = self.started + config.host_budget_s
        self.requests = 0
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError] = {}
        self._clients: dict[NetPolicy, httpx.Client] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    def _client(self, policy: NetPolicy) -> httpx.Client:
        """The client (and connection pool) for one network policy."""
        client = self._clients.get(policy)
        if client is None:
            client = self._clients[policy] = httpx.Client(
                transport=GuardedTransport(policy),
                headers={"User-Agent": self.config.user_agent},
                follow_redirects=False,
                trust_env=False,
            )
        return client

    @property
    def seconds(self) -> float:
        """Time spent since this fetcher started."""
        return self._clock() - self.started

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            policy: NetPolicy | None = None) -> Response:
        """GET with robots, delay, retries and caps; a 304 to a conditional request is a Response too.

        `policy` is the networks the item's source may reach (default: the config's); every hop is vetted with it.
        """
        policy = self.config.allow_private if policy is None else policy
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, self.config.max_bytes, policy, check_robots=self.config.obey_robots)

    def _follow(self, url: str, headers: dict[str, str], max_bytes: int, policy: NetPolicy, *,
                check_robots: bool) -> Response:
        started = self._clock()
        hops: list[str] = []
        current = url
        for _ in range(self.config.max_redirects + 1):
            try:
                netguard.check_url(current, policy)
            except Blocked as exc:
                raise FetchError(exc.reason, exc.detail, url) from None
            if check_robots:
                self._check_robots(current, url, policy)
            response = self._with_retries(current, headers, max_bytes, url, policy)
            location = response.headers.get("location")
            if response.status in REDIRECT_CODES and location:
                hops.append(current)
                current = urljoin(current, location)
                continue
            response.redirects = hops
            response.seconds = self._clock() - started
            if response.status >= 400 or (300 <= response.status < 400 and response.status != 304):
                raise FetchError(f"http_{response.status}", f"{current} answered {response.status}", url,
                                 status=response.status, transient=response.status >= 500 or response.status == 429)
            return response
        raise FetchError("too_many_redirects", f"more than {self.config.max_redirects} redirects: "
                         + " -> ".join([*hops, current]), url)

    def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int, origin: str,
                      policy: NetPolicy) -> Response:
        cfg = self.config
        for attempt in range(cfg.retries + 1):
            self._wait_turn(url, origin)
            try:
                response = self._once(url, headers, max_bytes, origin, policy)
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                reason = "timeout" if isinstance(exc, httpx.TimeoutException) else "connection_error"
                error = FetchError(reason, f"{url}: {type(exc).__name__}: {exc}", origin, transient=True)
                if attempt >= cfg.retries:
                    raise error from None
                self._backoff(attempt, None, error)
                continue
            if response.status < 500 or attempt >= cfg.retries:
                response.attempts = attempt + 1
                return response
            error = FetchError(f"http_{response.status}", f"{url} answered {response.status}", origin,
                               status=response.status, transient=True)
            self._backoff(attempt, retry_after(response.headers.get("retry-after")), error)
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], max_bytes: int, origin: str, policy: NetPolicy) -> Response:
        cfg = self.config
        deadline = min(self.deadline, self._clock() + cfg.request_timeout_s)
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise FetchError("budget_exhausted", f"host time budget of {cfg.host_budget_s}s spent before {url}",
                             origin, transient=True)
        timeout = httpx.Timeout(min(cfg.read_timeout_s, remaining), connect=min(cfg.connect_timeout_s, remaining))
        self.requests += 1
        try:
            with self._client(policy).stream("GET", url, headers=headers, timeout=timeout) as r:
                head = dict(r.headers.items())
                if not 200 <= r.status_code < 300:  # redirects, 304 and errors: headers are enough
                    return Response(url=str(r.url), status=r.status_code, headers=head)
                length = head.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise FetchError("too_large", f"{url}: Content-Length {length} over the {max_bytes} byte cap", origin)
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError("too_large", f"{url}: body over the {max_bytes} byte cap", origin)
                    chunks.append(chunk)
                    if self._clock() > deadline:
                        raise self._overtime(url, origin, deadline)
                return Response(url=str(r.url), status=r.status_code, headers=head, body=b"".join(chunks))
        except Blocked as exc:
            raise FetchError(exc.reason, exc.detail, origin) from None
        except httpx.DecodingError as exc:
            raise FetchError("decoding_error", f"{url}: {exc}", origin) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.LocalProtocolError) as exc:
            raise FetchError("bad_url", f"{url}: {type(exc).__name__}: {exc}", origin) from None
        finally:
            self._last[host_key(url)] = self._clock()

    def _overtime(self, url: str, origin: str, deadline: float) -> FetchError:
        """The body outlasted its time: the page's own timeout, or the host budget running out (then deferred)."""
        if deadline >= self.deadline:
            return FetchError("budget_exhausted", f"{url}: host time budget of {self.config.host_budget_s}s spent "
                              "while the body was arriving", origin, transient=True)
        return FetchError("timeout", f"{url}: body still arriving after {self.config.request_timeout_s}s", origin,
                          transient=True)

    def _wait_turn(self, url: str, origin: str) -> None:
        """Sleep until this host's minimum delay (or its robots Crawl-delay) has passed since the last request."""
        key = host_key(url)
        last = self._last.get(key)
        if last is not None:
            self._sleep(last + self._delay_for(url) - self._clock(), origin)

    def _delay_for(self, url: str) -> float:
        robots = self._robots.get(_origin(url))
        delay = self.config.min_delay_s
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            crawl = robots.crawl_delay(self.config.user_agent)
            if crawl:
                delay = max(delay, min(float(crawl), self.config.max_crawl_delay_s))
        return delay

    def _backoff(self, attempt: int, hint: float | None, error: FetchError) -> None:
        cfg = self.config
        delay = backoff_delay(attempt, cfg.backoff_s, cfg.backoff_max_s, cfg.jitter, self._rng)
        if hint is not None:
            delay = max(delay, min(hint, cfg.backoff_max_s))
        log.info("retrying %s in %.3fs after %s", error.url, delay, error.reason)
        if self._clock() + delay > self.deadline:
            raise FetchError("budget_exhausted", f"no time left to retry after {error.reason}: {error.detail}",
                             error.url, status=error.status, transient=True)
        self._sleep_fn(delay)

    def _sleep(self, seconds: float, origin: str) -> None:
        if seconds <= 0:
            return
        if self._clock() + seconds > self.deadline:
            raise FetchError("budget_exhausted", f"host time budget of {self.config.host_budget_s}s spent", origin,
                             transient=True)
        self._sleep_fn(seconds)

    def _check_robots(self, url: str, origin: str, policy: NetPolicy) -> None:
        key = _origin(url)
        robots = self._robots.get(key)
        if robots is None:  # only after `url` passed `policy`, so robots.txt on its origin may be read too
            robots = self._load_robots(key, policy)
            # A robots.txt redirect this source may not follow says nothing about what the host's other sources may.
            if not (isinstance(robots, FetchError) and robots.reason == "ssrf_blocked"):
                self._robots[key] = robots
        if isinstance(robots, FetchError):
            raise FetchError("robots_unavailable", f"{key}/robots.txt: {robots.reason} ({robots.detail})", origin,
                             transient=True)
        if not robots.can_fetch(self.config.user_agent, url):
            raise FetchError("robots_disallowed", f"{url} is disallowed by {key}/robots.txt", origin)

    def _load_robots(self, origin: str, policy: NetPolicy) -> urllib.robotparser.RobotFileParser | FetchError:
        """robots.txt per RFC 9309: 4xx means no rules; 5xx or unreachable means stay out this run."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._follow(origin + "/robots.txt", {}, 512_000, policy, check_robots=False)
        except FetchError as exc:
            if exc.reason == "budget_exhausted":
                raise
            if exc.status and 400 <= exc.status < 500:
                parser.allow_all = True
                return parser
            return exc
        parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"
