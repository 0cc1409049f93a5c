"""A real HTTP server on 127.0.0.1 for fetcher and DAG tests: files from tests/data/http/ plus scripted behaviours.

Static files are served with an ETag and a Last-Modified and answer 304 to a matching conditional request;
`{{BASE}}` inside a served file becomes the server's base URL; `<file>.headers` beside a file replaces its
default headers ("Name: value" lines). Scripted paths:

    /status/<code>                  that status with a short body
    /flaky/<n>/<path>               500 for the first n requests, then /<path>
    /reset/<n>/<path>               connection dropped without an answer n times, then /<path>
    /hop/<n>/<path>                 a chain of n 302 redirects ending at /<path>
    /redirect?to=<url>              one 302 to any URL (e.g. a private address)
    /big/<bytes>[?length=0]         an HTML body of that size, with or without Content-Length
    /drip/<chunks>/<ms>[/<tag>]     a 200 whose body arrives one small chunk every <ms> milliseconds
    /truncated                      Content-Length 1000 but only 100 bytes, then the connection closes

`server.route(path, handler)` adds a behaviour; `server.requests` logs every request (time, path, headers).
"""
from __future__ import annotations

import hashlib
import mimetypes
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

HTTP_DATA = Path(__file__).resolve().parent / "data" / "http"
# NEWS_FETCH_* settings that keep fetch tests fast (milliseconds of delay and backoff, small caps).
FAST_FETCH_ENV = {
    "NEWS_FETCH_MIN_DELAY_S": "0.001", "NEWS_FETCH_BACKOFF_S": "0.001", "NEWS_FETCH_BACKOFF_MAX_S": "0.01",
    "NEWS_FETCH_TIMEOUT_S": "2", "NEWS_FETCH_REQUEST_TIMEOUT_S": "2", "NEWS_FETCH_HOST_BUDGET_S": "20",
    "NEWS_FETCH_MAX_BYTES": "1000000", "NEWS_FETCH_MAX_REDIRECTS": "3", "NEWS_FETCH_RETRIES": "3",
}
# What a source pointing at this server needs in its `fetch` settings: the loopback address it listens on.
LOOPBACK_SETTINGS = {"allow_private": ["127.0.0.1"]}
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"
DEFAULT_TYPES = {".xml": "application/xml", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class Logged:
    at: float
    method: str
    path: str
    headers: dict[str, str]


Handler = Callable[["_RequestHandler", str, dict[str, list[str]]], None]


@dataclass
class FixtureServer:
    """The server, its request log and per-path hit counters; start() binds a free port on `address`."""

    root: Path = HTTP_DATA
    address: str = "127.0.0.1"  # another loopback address (127.0.0.2) plays an internal host
    requests: list[Logged] = field(default_factory=list)
    routes: dict[str, Handler] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    _httpd: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self._httpd, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def host(self) -> str:
        """`<address>:<port>`, the fetcher's host key."""
        return self.base.removeprefix("http://")

    def url(self, path: str) -> str:
        return self.base + (path if path.startswith("/") else "/" + path)

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def start(self) -> FixtureServer:
        server = self

        class Bound(_RequestHandler):
            fixture = server

        self._httpd = _QuietServer((self.address, 0), Bound)
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def render(self, path: Path) -> bytes:
        """A fixture file's bytes with {{BASE}} replaced by this server's base URL."""
        return path.read_bytes().replace(b"{{BASE}}", self.base.encode())


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # clients that hang up are part of the tests
        pass


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    fixture: FixtureServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle + delayed ACK add 40 ms per response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        parts = urlsplit(self.path)
        fixture = self.fixture
        fixture.requests.append(Logged(time.monotonic(), "GET", self.path, dict(self.headers.items())))
        fixture.hits[parts.path] += 1
        query = parse_qs(parts.query)
        try:
            if parts.path in fixture.routes:
                fixture.routes[parts.path](self, parts.path, query)
                return
            head, _, rest = parts.path.lstrip("/").partition("/")
            scripted = SCRIPTED.get(head)
            if scripted:
                scripted(self, rest, query)
            else:
                self.serve_file(parts.path)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")
        headers.setdefault("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def serve_file(self, path: str) -> None:
        target = (self.fixture.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.fixture.root) or not target.is_file() or target.suffix == ".headers":
            self.send(404, b"not found")
            return
        body = self.fixture.render(target)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
        sidecar = target.with_name(target.name + ".headers")
        if sidecar.is_file():
            for line in sidecar.read_text().splitlines():
                name, _, value = line.partition(":")
                if name.strip():
                    headers[name.strip()] = value.strip()
        else:
            headers["Content-Type"] = DEFAULT_TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.send(304, headers={k: v for k, v in headers.items() if k in ("ETag", "Last-Modified")})
            return
        self.send(200, body, headers)

    def drop(self) -> None:
        """Close the connection with a TCP reset and no response."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


def _status(h: _RequestHandler, rest: str, query) -> None:
    h.send(int(rest or 200), f"status {rest}\n".encode())


def _counted(behaviour: Callable[[_RequestHandler], None]):
    def scripted(h: _RequestHandler, rest: str, query) -> None:
        count, _, path = rest.partition("/")
        if h.fixture.hits[h.path.split("?")[0]] <= int(count):
            behaviour(h)
        else:
            h.serve_file("/" + path)
    return scripted


def _hop(h: _RequestHandler, rest: str, query) -> None:
    count, _, path = rest.partition("/")
    location = f"/hop/{int(count) - 1}/{path}" if int(count) > 1 else "/" + path
    h.send(302, b"", {"Location": location})


def _redirect(h: _RequestHandler, rest: str, query) -> None:
    h.send(302, b"", {"Location": query["to"][0]})


def _big(h: _RequestHandler, rest: str, query) -> None:
    size = int(rest)
    with_length = query.get("length", ["1"])[0] != "0"
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    if with_length:
        h.send_header("Content-Length", str(size))
    else:
        h.send_header("Connection", "close")
        h.close_connection = True
    h.end_headers()
    block = ("<p>" + "كلام " * 200 + "</p>\n").encode()
    sent = 0
    while sent < size:
        chunk = block[: size - sent]
        h.wfile.write(chunk)
        sent += len(chunk)


def _drip(h: _RequestHandler, rest: str, query) -> None:
    chunks, ms = rest.split("/")[:2]  # anything after is a tag that makes the URL distinct
    piece = "قال ".encode()
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(piece) * int(chunks)))
    h.end_headers()
    for _ in range(int(chunks)):
        h.wfile.write(piece)
        h.wfile.flush()
        time.sleep(int(ms) / 1000)


def _truncated(h: _RequestHandler, rest: str, query) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"x" * 100)
    h.wfile.flush()
    h.close_connection = True


SCRIPTED: dict[str, Callable[[_RequestHandler, str, dict], None]] = {
    "status": _status,
    "flaky": _counted(lambda h: h.send(500, b"try again")),
    "reset": _counted(lambda h: h.drop()),
    "hop": _hop,
    "redirect": _redirect,
    "big": _big,
    "drip": _drip,
    "truncated": _truncated,
}


def add_source(conn, name: str, url: str, kind: str = "feed", **settings) -> None:
    """Insert (or replace) an active source reading `url`, allowed to reach the fixture server, and commit."""
    from psycopg.types.json import Jsonb

    conn.execute(
        "INSERT INTO sources (name, kind, url, language, fetch_settings) VALUES (%s, %s, %s, 'ar', %s) "
        "ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url, fetch_settings = EXCLUDED.fetch_settings, active = true",
        (name, kind, url, Jsonb({**LOOPBACK_SETTINGS, **settings})),
    )
    conn.commit()


@pytest.fixture()
def http_server() -> Iterator[FixtureServer]:
    """A fresh fixture server per test (clean request log and counters); import this fixture into a test module."""
    with FixtureServer() as server:
        yield server
