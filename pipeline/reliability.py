"""Reliability harness: the hostile-input corpus and the fault scenarios, run through the real inbox, fetch and load paths.

`run_corpus` drops every case of tests/data/bad/manifest.yaml into an inbox or serves it from a local HTTP server,
runs `inbox.ingest`, `fetch.fetch_all` and `runner.process_pending`, and reads each case's outcome back from the
database. The fault scenarios (`fault_*`) stop PostgreSQL mid-load, SIGKILL a loader mid-batch, run two loaders at
once, hit the fetcher with HTTP faults under a time budget and leave an inbox file unmovable. Each returns a `Tally`;
`python -m pipeline reliability` adds them up into the one line `make reliability` prints.

Test-only machinery (the local HTTP server) comes from tests/, so this runs from a project checkout.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import logging
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from pipeline import settings

log = logging.getLogger(__name__)

CORPUS = settings.PROJECT_ROOT / "tests" / "data" / "bad"
SAMPLES = settings.PROJECT_ROOT / "samples"
# Reasons that mean "an exception nobody foresaw", caught by a safety net: counted as crashes, not as rejections.
CRASH_REASONS = frozenset({"error", "fetch_error", "feed_error"})

ARTICLE = ("أكد وزير الخارجية أن المحادثات مع الجانب الأردني كانت مثمرة وبناءة. وقال الوزير في مؤتمر صحفي عقده "
           "في عمان اليوم إن البلدين اتفقا على تعزيز التعاون في مجالات الطاقة والمياه والنقل. وأضاف أن اللجنة "
           "المشتركة ستجتمع الشهر المقبل لمتابعة تنفيذ الاتفاقيات الموقعة.")


# ---------------------------------------------------------------------------------------------------- tallies

@dataclass
class Tally:
    """What a corpus run or a fault scenario found: the numbers of the final `reliability:` line, plus details."""

    name: str = ""
    cases: int = 0
    rejected: int = 0
    crashes: int = 0
    lost: int = 0
    duplicates: int = 0
    mismatches: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("cases", "rejected", "crashes", "lost", "duplicates"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.mismatches += [f"{other.name}: {m}" for m in other.mismatches]
        self.notes += [f"{other.name}: {n}" for n in other.notes]

    @property
    def ok(self) -> bool:
        return self.crashes == self.lost == self.duplicates == 0

    def line(self) -> str:
        return (f"reliability: {self.cases} cases, {self.rejected} rejected with reason, {self.crashes} crashes, "
                f"{self.lost} rows lost, {self.duplicates} duplicates")


# ------------------------------------------------------------------------------------------------- generators

def _png() -> bytes:
    """A real 16×16 RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes((x * 16 + y) % 256 for x in range(48)) for y in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("story.txt", "عنوان\n\n" + ARTICLE)
        z.writestr("photo.png", _png())
    return buffer.getvalue()


def _big_article() -> bytes:
    """About 20 MB of real-looking article text."""
    return ("مقالة ضخمة\n\n" + (ARTICLE + "\n\n") * 34_000).encode("utf-8")[:20_000_000]


def _one_mb_line() -> bytes:
    """A title, then one line of 1 MB (sentences, but not a single line break)."""
    line = ARTICLE.replace("\n", " ") + " "
    body = (line * (1_000_000 // len(line.encode()) + 1)).encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    return ("سطر واحد طويل\n" + body.rsplit(" ", 1)[0] + "\n").encode("utf-8")


def _many_lines() -> bytes:
    return ("عنوان\n\n" + "".join(f"سطر قصير رقم {i} من الخبر.\n" for i in range(20_000))).encode("utf-8")


def _nested_divs() -> bytes:
    return ("<html><body>" + "<div>" * 10_000 + f"<p>{ARTICLE}</p>" + "</div>" * 10_000 + "</body></html>").encode()


def _nested_unclosed() -> bytes:
    return ("<html><body>" + "<div><span>" * 10_000 + ARTICLE).encode()


def _nested_articles() -> bytes:
    return ("<html><body>" + "<article><p>سطر</p>" * 5_000 + f"<p>{ARTICLE}</p>" + "</article>" * 5_000).encode()


def _entity_letters() -> bytes:
    """An article written entirely in numeric character references (about 1 MB of entities)."""
    encoded = "".join(f"&#{ord(c)};" for c in ARTICLE)
    return ("<html><body><article>" + "".join(f"<p>{encoded}</p>" for _ in range(120)) + "</article></body></html>").encode()


def _entity_symbols() -> bytes:
    return ("<html><body><p>" + ARTICLE[:80] + "</p><p>" + "&amp;&lt;&gt;&quot;" * 100_000 + "</p></body></html>").encode()


def _deep_json() -> bytes:
    return b'{"title": "x", "content": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"


def _utf16_html() -> bytes:
    return ("<html><body><article><p>" + ARTICLE + "</p></article></body></html>").encode("utf-16-le")


GENERATORS = {
    "png": _png, "zip": _zip, "big_article": _big_article, "one_mb_line": _one_mb_line, "many_lines": _many_lines,
    "nested_divs": _nested_divs, "nested_unclosed": _nested_unclosed, "nested_articles": _nested_articles,
    "entity_letters": _entity_letters, "entity_symbols": _entity_symbols, "deep_json": _deep_json,
    "utf16_html": _utf16_html,
}
# Inbox entries that are no plain bytes: made in place.
SPECIAL = {"symlink_passwd", "fifo", "bad_name"}


# ------------------------------------------------------------------------------------------------------ cases

@dataclass
class Case:
    name: str
    channel: str  # inbox | page | feed
    where: str  # inbox-relative path, or URL path / URL
    expect: list[str]  # one outcome per item: "processed" or "rejected stage:reason"
    file: str | None = None
    generate: str | None = None
    serve_as: str | None = None
    allow_private: bool = True

    @property
    def source(self) -> str:
        return f"bad_{self.name}"

    def data(self, corpus: Path = CORPUS) -> bytes:
        if self.generate:
            return GENERATORS[self.generate]()
        assert self.file, f"case {self.name} has neither file nor generate"
        return (corpus / self.file).read_bytes()


def load_manifest(corpus: Path = CORPUS) -> list[Case]:
    import yaml

    raw = yaml.safe_load((corpus / "manifest.yaml").read_text(encoding="utf-8"))
    cases = []
    for entry in raw["cases"]:
        channel = next(c for c in ("inbox", "page", "feed") if c in entry)
        expect = entry.get("records") or [entry["expect"]]
        cases.append(Case(
            name=entry["name"], channel=channel, where=str(entry[channel]), expect=list(expect),
            file=entry.get("file"), generate=entry.get("generate"), serve_as=entry.get("as"),
            allow_private=entry.get("allow_private", True),
        ))
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases


def _place_inbox(case: Case, inbox: Path, corpus: Path) -> None:
    target = inbox / case.where
    target.parent.mkdir(parents=True, exist_ok=True)
    if case.generate == "symlink_passwd":
        target.symlink_to("/etc/passwd")
    elif case.generate == "fifo":
        os.mkfifo(target)
    elif case.generate == "bad_name":
        raw_name = os.fsencode(str(inbox)) + b"/bad_name_\xff.txt"
        with open(raw_name, "wb") as handle:
            handle.write(("اسم ملف غير صالح\n\n" + ARTICLE + "\n").encode("utf-8"))
    else:
        target.write_bytes(case.data(corpus))


@contextlib.contextmanager
def fixture_server(root: Path) -> Iterator:
    """The project's local HTTP fixture server on 127.0.0.1, serving `root`, with a gzip-bomb route added."""
    from tests.http_fixture_server import FixtureServer

    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)

    def gzip_bomb(h, path, query) -> None:
        h.send(200, bomb, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"})

    server = FixtureServer(root=root.resolve())
    server.route("/gzip_bomb", gzip_bomb)
    with server:
        yield server


def _fetch_config():
    from pipeline.http import FetchConfig
    from tests.http_fixture_server import FAST_FETCH_ENV

    return FetchConfig.from_env(FAST_FETCH_ENV)


def _add_source(conn: psycopg.Connection, case: Case, url: str) -> None:
    from psycopg.types.json import Jsonb

    settings_ = {"allow_private": ["127.0.0.1"]} if case.allow_private else {}
    conn.execute(
        "INSERT INTO sources (name, kind, url, language, fetch_settings) VALUES (%s, %s, %s, 'ar', %s) "
        "ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, url = EXCLUDED.url, "
        "fetch_settings = EXCLUDED.fetch_settings, active = true",
        (case.source, case.channel, url, Jsonb(settings_)),
    )


def run_corpus(conn: psycopg.Connection, work: Path, cases: list[Case] | None = None, corpus: Path = CORPUS,
               batch_size: int = 6) -> tuple[Tally, dict[str, list[str]]]:
    """Run every case through inbox/fetch and the loader; the tally and each case's observed outcomes.

    `conn` must point at a migrated pipeline database; feed and page sources of other tests are deactivated so the
    fetch covers exactly the corpus. Batches are small so every batch mixes bad items with good ones.
    """
    from pipeline import fetch, inbox, runner

    cases = load_manifest(corpus) if cases is None else cases
    tally = Tally(name="corpus")
    inbox_dir, http_root = work / "inbox", work / "http"
    inbox_dir.mkdir(parents=True, exist_ok=True)
    http_root.mkdir(parents=True, exist_ok=True)
    for case in cases:
        if case.channel == "inbox":
            _place_inbox(case, inbox_dir, corpus)
        elif case.serve_as or (case.file and case.file.startswith("http/")):
            target = http_root / (case.serve_as or case.file.removeprefix("http/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(case.data(corpus))
    for served in (corpus / "http").rglob("*"):  # every committed page and sidecar: feeds link to them
        target = http_root / served.relative_to(corpus / "http")
        if served.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(served, target)

    def guarded(step: str, call):
        try:
            return call()
        except Exception as exc:  # a run that crashes is what this harness counts
            log.exception("%s crashed", step)
            tally.crashes += 1
            tally.notes.append(f"{step} crashed: {type(exc).__name__}: {exc}")
            conn.rollback()
            return None

    with fixture_server(http_root) as server:
        conn.execute("UPDATE sources SET active = false WHERE kind IN ('feed', 'page')")
        for case in cases:
            if case.channel in ("page", "feed"):
                where = case.where.replace("{{BASE}}", server.base).replace("{{PORT}}", server.base.rsplit(":", 1)[1])
                _add_source(conn, case, where if "://" in where else server.url(where))
        conn.commit()
        guarded("inbox ingest", lambda: inbox.ingest(conn, inbox_dir))
        guarded("fetch", lambda: fetch.fetch_all(conn, _fetch_config(), run_id="reliability"))
        fetched_dtds = [p for p in server.paths() if p.endswith(".dtd")]
        if fetched_dtds:  # an XML parser followed an external reference: SSRF through XML
            tally.mismatches.append(f"external DTDs were requested: {fetched_dtds}")
    guarded("process", lambda: runner.process_pending(conn, batch_size=batch_size))
    conn.commit()

    observed: dict[str, list[str]] = {}
    for case in cases:
        got = outcomes(conn, case)
        observed[case.name] = got
        tally.cases += len(case.expect)
        tally.rejected += sum(1 for g in got if g.startswith("rejected "))
        if got != case.expect:
            tally.mismatches.append(f"{case.name}: expected {case.expect}, got {got}")
    crashes = conn.execute("SELECT count(*) FROM rejects WHERE reason = ANY(%s)", (list(CRASH_REASONS),)).fetchone()[0]
    tally.crashes += crashes
    tally.lost += lost_raw_items(conn) + len(lost_files(conn, inbox_dir))
    tally.duplicates += duplicates(conn)
    return tally, observed


def _item_outcome(conn: psycopg.Connection, raw_id: int) -> str:
    if conn.execute("SELECT 1 FROM articles WHERE raw_item_id = %s", (raw_id,)).fetchone():
        return "processed"
    row = conn.execute("SELECT stage, reason FROM rejects WHERE raw_item_id = %s ORDER BY id LIMIT 1", (raw_id,)).fetchone()
    return f"rejected {row[0]}:{row[1]}" if row else "lost"


def outcomes(conn: psycopg.Connection, case: Case) -> list[str]:
    """What became of a case: one outcome per raw item, else the reject that stopped it before storage."""
    if case.channel == "inbox":
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM raw_items WHERE path = %s ORDER BY record NULLS FIRST, id", (case.where,))]
        if ids:
            return [_item_outcome(conn, i) for i in ids]
        row = conn.execute("SELECT stage, reason FROM rejects WHERE location = %s AND raw_item_id IS NULL ORDER BY id "
                           "LIMIT 1", (case.where,)).fetchone()
        return [f"rejected {row[0]}:{row[1]}" if row else "lost"]
    row = conn.execute("SELECT stage, reason FROM rejects WHERE source = %s AND raw_item_id IS NULL ORDER BY id LIMIT 1",
                       (case.source,)).fetchone()
    if row:
        return [f"rejected {row[0]}:{row[1]}"]
    ids = [r[0] for r in conn.execute("SELECT id FROM raw_items WHERE source = %s ORDER BY id", (case.source,))]
    if case.channel == "feed":
        results = {_item_outcome(conn, i) for i in ids}
        return ["processed"] if results <= {"processed"} else sorted(results)
    return [_item_outcome(conn, i) for i in ids] or ["lost"]


def lost_raw_items(conn: psycopg.Connection) -> int:
    """Raw items with neither an article (their own, or a newer version's of the same story) nor a reject."""
    return conn.execute("""
        SELECT count(*) FROM raw_items r
        WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.raw_item_id = r.id
                          OR (a.source = r.source AND a.external_id = r.external_id))
          AND NOT EXISTS (SELECT 1 FROM rejects j WHERE j.raw_item_id = r.id)
    """).fetchone()[0]


def lost_files(conn: psycopg.Connection, inbox_dir: Path) -> list[str]:
    """Inbox files in neither done/ nor failed/, unless reported as unmovable (they must stay where they are)."""
    from pipeline.inbox import shown

    reported = {r[0] for r in conn.execute("SELECT location FROM rejects WHERE reason = 'file_unmovable'")}
    lost = []
    for folder, dirs, files in os.walk(inbox_dir):
        rel_folder = Path(folder).relative_to(inbox_dir)
        if rel_folder.parts[:1] in (("done",), ("failed",)):
            continue
        for name in files + [d for d in dirs if (Path(folder) / d).is_symlink()]:
            rel = rel_folder / name
            in_processing = rel.parts[:1] == ("processing",)
            key = shown(Path(*rel.parts[1:]) if in_processing else rel)
            if key not in reported:
                lost.append(shown(rel))
    return lost


def duplicates(conn: psycopg.Connection) -> int:
    """Rows that exist twice: articles per raw item, statements per (article, span), removed lines, rejects per item."""
    return conn.execute("""
        SELECT (SELECT count(*) - count(DISTINCT raw_item_id) FROM articles WHERE raw_item_id IS NOT NULL)
             + (SELECT count(*) - count(DISTINCT (article_id, start_offset, end_offset)) FROM statements)
             + (SELECT count(*) - count(DISTINCT (article_id, seq)) FROM removed_lines)
             + (SELECT count(*) - count(DISTINCT (raw_item_id, stage)) FROM rejects WHERE raw_item_id IS NOT NULL)
             + (SELECT count(*) - count(DISTINCT (source, sha256)) FROM raw_items)
    """).fetchone()[0]


# ------------------------------------------------------------------------------------------------ fault scenarios

CONTENT_TABLES_KEPT = ("sources", "schema_migrations")


def reset(conn: psycopg.Connection) -> None:
    """Empty every content table (sources re-seeded): each scenario starts from a clean pipeline database."""
    from pipeline.sources import seed_sources

    names = [r[0] for r in conn.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY(%s)",
        (list(CONTENT_TABLES_KEPT),))]
    if names:
        conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
            sql.SQL(", ").join(sql.Identifier(n) for n in names)))
    conn.execute("DELETE FROM sources")
    seed_sources(conn)
    conn.commit()


def seed_items(conn: psycopg.Connection, count: int) -> dict[int, tuple[int, int]]:
    """Store `count` distinct raw articles (sample texts, each made unique); their expected (statements, removed)."""
    from pipeline.inbox import store
    from pipeline.process import process
    from pipeline.records import RawItem, Rejected

    texts = sorted(p for p in (SAMPLES / "sana").glob("*.txt") if "cp1256" not in p.name)
    items = []
    for n in range(count):
        text = texts[n % len(texts)].read_text(encoding="utf-8")
        body = text.rstrip() + f"\n\nوأضاف المتحدث في التصريح رقم {n} أن العمل مستمر.\n"
        items.append(RawItem(source="sana", body=body.encode("utf-8"), external_id=f"reliability/{n}.txt",
                             path=f"sana/reliability_{n}.txt", content_type="text/plain"))
    with conn.transaction():
        ids = store(conn, items)
    expected = {}
    for raw_id, item in zip(ids, items):
        item.id = raw_id
        try:
            article = process(item)
            expected[raw_id] = (len(article.statements), len(article.removed))
        except Rejected:
            expected[raw_id] = (-1, -1)
    conn.commit()
    return expected


def partial_articles(conn: psycopg.Connection, expected: dict[int, tuple[int, int]]) -> list[int]:
    """Raw ids whose article lacks statements or removed lines that processing the item yields."""
    rows = conn.execute("""
        SELECT a.raw_item_id, (SELECT count(*) FROM statements s WHERE s.article_id = a.id),
               (SELECT count(*) FROM removed_lines r WHERE r.article_id = a.id)
        FROM articles a WHERE a.raw_item_id = ANY(%s)""", (list(expected),)).fetchall()
    return [raw for raw, st, rm in rows if (st, rm) != expected[raw]]


def _state(url: str) -> dict[str, int]:
    with psycopg.connect(url, connect_timeout=5) as conn:
        row = conn.execute("""
            SELECT count(*) FILTER (WHERE status <> 'pending'),
                   count(*) FILTER (WHERE status = 'pending' AND claimed_by IS NOT NULL),
                   count(*) FILTER (WHERE status = 'pending')
            FROM raw_items""").fetchone()
    return {"done": row[0], "leased": row[1], "pending": row[2]}


def start_worker(url: str, batch: int, delay: float = 0.0, lease_s: int = 3) -> subprocess.Popen:
    """A loader in its own process (`python -m pipeline.reliability worker`): the real runner, on `url`."""
    env = {**os.environ, "NEWS_DATABASE_URL": url, "NEWS_LEASE_SECONDS": str(lease_s),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(settings.PROJECT_ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.reliability", "worker", "--batch", str(batch), "--delay", str(delay)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=settings.PROJECT_ROOT)


def _wait_for(predicate, timeout: float, what: str, poll: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def _finish(worker: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = worker.communicate(timeout=timeout)
    return worker.returncode, out, err


def _check(tally: Tally, conn: psycopg.Connection, expected: dict[int, tuple[int, int]]) -> None:
    """Lost, duplicated and partial articles after a scenario, into `tally`."""
    tally.lost += lost_raw_items(conn)
    tally.duplicates += duplicates(conn)
    partial = partial_articles(conn, expected)
    if partial:
        tally.lost += len(partial)
        tally.notes.append(f"partial articles for raw items {partial[:10]}")
    tally.crashes += conn.execute("SELECT count(*) FROM rejects WHERE reason = ANY(%s)",
                                  (list(CRASH_REASONS),)).fetchone()[0]
    pending = conn.execute("SELECT count(*) FROM raw_items WHERE status = 'pending'").fetchone()[0]
    if pending:
        tally.notes.append(f"{pending} raw items still pending")


def fault_sigkill(url: str, items: int = 40, lease_s: int = 3) -> Tally:
    """SIGKILL a loader in the middle of a batch; its lease expires, a second run reclaims and loads everything once."""
    tally = Tally(name="sigkill_mid_batch", cases=1)
    with psycopg.connect(url) as conn:
        reset(conn)
        expected = seed_items(conn, items)
        worker = start_worker(url, batch=4, delay=0.4, lease_s=lease_s)
        try:
            at_kill = _wait_for(lambda: (s := _state(url))["done"] >= 4 and s["leased"] > 0 and s, 60,
                                "a committed batch and a leased one")
            worker.send_signal(signal.SIGKILL)
        finally:
            rc, _, _ = _finish(worker)
        leased = [r[0] for r in conn.execute(
            "SELECT id FROM raw_items WHERE status = 'pending' AND claimed_by IS NOT NULL")]
        conn.commit()
        tally.notes.append(f"killed (rc {rc}) with {at_kill['done']} items done and {len(leased)} leased mid-batch")
        if rc != -signal.SIGKILL or not leased:
            tally.mismatches.append(f"the kill did not land mid-batch (rc {rc}, {len(leased)} leased)")
        # A run before the lease expires leaves the dead worker's items alone; after it, they are reclaimed.
        time.sleep(lease_s + 0.5)
        rc2, out, err = _finish(start_worker(url, batch=4, lease_s=lease_s))
        if rc2 != 0:
            tally.crashes += 1
            tally.notes.append(f"the retry run failed: {err[-500:]}")
        attempts = dict(conn.execute("SELECT id, attempts FROM raw_items WHERE id = ANY(%s)", (leased,)).fetchall())
        if any(a < 2 for a in attempts.values()):
            tally.mismatches.append(f"items leased at the kill were not reclaimed: {attempts}")
        _check(tally, conn, expected)
    return tally


def fault_concurrent(url: str, items: int = 60, work: Path | None = None) -> Tally:
    """Two processing runs at once on the same pending items, and two inbox ingests at once on the same files."""
    import threading

    from pipeline import inbox

    tally = Tally(name="two_concurrent_runs", cases=2)
    with psycopg.connect(url) as conn:
        reset(conn)
        expected = seed_items(conn, items)
        workers = [start_worker(url, batch=3, delay=0.02), start_worker(url, batch=3, delay=0.02)]
        results = [_finish(w) for w in workers]
        loaded = []
        for rc, out, err in results:
            if rc != 0:
                tally.crashes += 1
                tally.notes.append(f"a concurrent run failed: {err[-500:]}")
            else:
                loaded.append(json.loads(out.strip().splitlines()[-1])["articles"])
        tally.notes.append(f"articles loaded by each run: {loaded}")
        _check(tally, conn, expected)

        # Two ingests racing over one inbox: each file claimed by one of them, stored once, moved to done/.
        reset(conn)
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            box = Path(tmp) / "inbox"
            for n in range(30):
                (box / "sana").mkdir(parents=True, exist_ok=True)
                (box / "sana" / f"story_{n}.txt").write_text(f"عنوان {n}\n\n{ARTICLE} {n}\n", encoding="utf-8")
            errors: list[BaseException] = []

            def ingest() -> None:
                try:
                    with psycopg.connect(url) as own:
                        inbox.ingest(own, box)
                        own.commit()
                except BaseException as exc:  # noqa: BLE001 — recorded as a crash
                    errors.append(exc)

            threads = [threading.Thread(target=ingest) for _ in range(2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            tally.crashes += len(errors)
            tally.notes += [f"a concurrent ingest failed: {e!r}" for e in errors]
            stored = conn.execute("SELECT count(*) FROM raw_items").fetchone()[0]
            done = len(list((box / "done").rglob("*.txt")))
            if (stored, done) != (30, 30):
                tally.lost += 30 - min(stored, done)
                tally.notes.append(f"two ingests: {stored} stored, {done} in done/ of 30")
            # A file the other ingest stored and moved first is its business: no reject, no "unmovable" report.
            false_rejects = conn.execute("SELECT reason, location FROM rejects ORDER BY id").fetchall()
            if false_rejects:
                tally.mismatches.append(f"two ingests rejected stored files: {false_rejects[:5]}")
            tally.lost += len(lost_files(conn, box))
            tally.duplicates += duplicates(conn)
    return tally


def fault_postgres_stopped(work: Path, items: int = 40, lease_s: int = 3) -> Tally:
    """PostgreSQL stopped in the middle of a load (a second private cluster): the loader fails, and after the server
    is back the retried run completes with no duplicate and no partial article."""
    from pipeline import cluster, db

    tally = Tally(name="postgres_stopped_mid_load", cases=1)
    data_dir = Path(tempfile.mkdtemp(prefix="news-fault-", dir=work))
    roots = []
    try:
        server = cluster.start(data_dir)
        roots.append(cluster.Cluster(data_dir).root)
        db.ensure_databases(server)
        url = settings.with_database(server, settings.NEWS_DB)
        with psycopg.connect(url) as conn:
            db.migrate(conn)
            reset(conn)
            expected = seed_items(conn, items)
        worker = start_worker(url, batch=4, delay=0.4, lease_s=lease_s)
        try:
            _wait_for(lambda: (s := _state(url))["done"] >= 4 and s["leased"] > 0, 60, "a batch in flight")
            cluster.stop(data_dir)
            rc, _, err = _finish(worker, timeout=60)
        except BaseException:
            worker.kill()
            raise
        if rc == 0:
            tally.mismatches.append("the loader did not notice that the server went away")
        tally.notes.append(f"loader exited {rc} when the server stopped: {err.strip().splitlines()[-1][:200] if err.strip() else ''}")
        server = cluster.start(data_dir)  # the port may differ after a restart
        url = settings.with_database(server, settings.NEWS_DB)
        time.sleep(lease_s + 0.5)
        for attempt in range(3):  # Airflow's task retries, in short
            rc, _, err = _finish(start_worker(url, batch=4, lease_s=lease_s))
            if rc == 0:
                break
            tally.notes.append(f"retry {attempt + 1} failed: {err[-300:]}")
        if rc != 0:
            tally.crashes += 1
        with psycopg.connect(url) as conn:
            _check(tally, conn, expected)
    finally:
        with contextlib.suppress(Exception):
            cluster.stop(data_dir)
        for root in roots:
            shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(data_dir, ignore_errors=True)
    return tally


def fault_unmovable(url: str, work: Path | None = None) -> Tally:
    """An inbox file that cannot be moved (immutable, like a permission the worker lacks) stays where it is, is reported
    once, is never deleted, and does not stop the other files."""
    from pipeline import inbox, runner

    tally = Tally(name="unmovable_inbox_file", cases=1)
    with tempfile.TemporaryDirectory(dir=work) as tmp, psycopg.connect(url) as conn:
        reset(conn)
        box = Path(tmp) / "inbox"
        (box / "sana").mkdir(parents=True)
        for n in range(3):
            (box / "sana" / f"ok_{n}.txt").write_text(f"عنوان {n}\n\n{ARTICLE} {n}\n", encoding="utf-8")
        stuck = box / "stuck.txt"
        stuck.write_text("عنوان عالق\n\n" + ARTICLE + "\n", encoding="utf-8")
        original = stuck.read_bytes()
        _immutable(stuck, True)
        try:
            first = inbox.ingest(conn, box)
            second = inbox.ingest(conn, box)
            runner.process_pending(conn)
            conn.commit()
            reports = conn.execute("SELECT count(*) FROM rejects WHERE reason = 'file_unmovable' AND location = %s",
                                   ("stuck.txt",)).fetchone()[0]
            if not stuck.exists() or stuck.read_bytes() != original:
                tally.lost += 1
                tally.notes.append("the unmovable file is gone or changed")
            if (first.files_stuck, second.files_stuck, reports) != (1, 1, 1):
                tally.mismatches.append(f"stuck counts {first.files_stuck}/{second.files_stuck}, {reports} reports")
            tally.rejected += reports
            done = len(list((box / "done").rglob("*.txt")))
            if done != 3:
                tally.mismatches.append(f"{done} of 3 other files in done/")
            tally.lost += len(lost_files(conn, box)) + lost_raw_items(conn)
            tally.duplicates += duplicates(conn)
        except Exception as exc:
            tally.crashes += 1
            tally.notes.append(f"ingest crashed: {exc!r}")
        finally:
            _immutable(stuck, False)
    return tally


def _immutable(path: Path, on: bool) -> None:
    """chattr ±i: a file even root cannot rename or delete (permission bits do not stop root)."""
    result = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, text=True)
    if result.returncode != 0 and on:
        raise RuntimeError(f"chattr +i failed ({result.stderr.strip()}): cannot make an unmovable file here")


def fault_http(url: str) -> tuple[Tally, object]:
    """Timeouts, 5xx, resets, truncated bodies and slow drips against one host under a tight time budget: every page is
    stored after retries, rejected with a reason or deferred; the fetcher reports its time, within the budget.

    The slow pages at the end (name order) need more time than the budget leaves, so the budget is really reached.
    """
    import dataclasses
    import threading

    from pipeline import fetch, runner
    from tests.http_fixture_server import FAST_FETCH_ENV, FixtureServer

    tally = Tally(name="http_faults")
    release = threading.Event()

    def hang(h, path, query) -> None:  # headers never come in time
        release.wait(5)
        h.send(200, b"late", {"Content-Type": "text/html; charset=utf-8"})

    pages = {
        "flaky": "/flaky/2/articles/a1.html", "reset": "/reset/1/articles/a2.html", "truncated": "/truncated",
        "drip": "/drip/60/100/slow", "unavailable": "/status/503", "hang": "/hang", "fine": "/articles/a5.html",
        **{f"zz_slow_{n}": f"/drip/40/100/zz{n}" for n in range(1, 6)},  # cut at 1 s each, while time is left
    }
    config = dataclasses.replace(
        fetch.FetchConfig.from_env(FAST_FETCH_ENV), connect_timeout_s=0.5, read_timeout_s=0.5, request_timeout_s=1.0,
        host_budget_s=6.0, retries=2)
    with FixtureServer() as server, psycopg.connect(url) as conn:
        server.route("/hang", hang)
        reset(conn)
        conn.execute("UPDATE sources SET active = false WHERE kind IN ('feed', 'page')")
        for name, path in pages.items():
            _add_source(conn, Case(name=f"http_{name}", channel="page", where=path, expect=[]), server.url(path))
        conn.commit()
        started = time.monotonic()
        try:
            [report] = fetch.fetch_all(conn, config, run_id="reliability-http")
        except Exception as exc:
            tally.crashes += 1
            tally.notes.append(f"fetch crashed: {exc!r}")
            return tally, None
        finally:
            release.set()
        wall = time.monotonic() - started
        runner.process_pending(conn)
        conn.commit()
        tally.cases = len(pages)
        for name in pages:
            source = f"bad_http_{name}"
            stored = conn.execute("SELECT count(*) FROM raw_items WHERE source = %s", (source,)).fetchone()[0]
            rejected = conn.execute("SELECT count(*) FROM rejects WHERE source = %s", (source,)).fetchone()[0]
            if rejected:
                tally.rejected += 1
            if not stored and not rejected and not report.budget_exhausted:
                tally.lost += 1
                tally.notes.append(f"{name}: neither stored, rejected nor deferred")
        if report.seconds > config.host_budget_s + 1.0 or wall > config.host_budget_s + 2.0:
            tally.mismatches.append(f"over budget: reported {report.seconds}s, wall {wall:.2f}s, budget "
                                    f"{config.host_budget_s}s")
        if not report.budget_exhausted or report.sources_deferred + report.pages_deferred == 0:
            tally.mismatches.append(f"the budget was never reached, so it was not tested: {report.summary()}")
        if abs(wall - report.seconds) > 0.5:
            tally.mismatches.append(f"reported {report.seconds}s but {wall:.2f}s passed")
        tally.notes.append(f"{report.summary()}; wall {wall:.2f}s")
        tally.lost += lost_raw_items(conn)
        tally.duplicates += duplicates(conn)
        tally.crashes += conn.execute("SELECT count(*) FROM rejects WHERE reason = ANY(%s)",
                                      (list(CRASH_REASONS),)).fetchone()[0]
    return tally, report


def _worker_main(argv: list[str]) -> int:
    """`python -m pipeline.reliability worker`: process_pending on NEWS_DATABASE_URL, optionally slowed inside the
    load transaction (`--delay`, seconds per batch) so that faults land while a batch is open."""
    import argparse

    from pipeline import db, runner

    parser = argparse.ArgumentParser(prog="pipeline.reliability worker")
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args(argv)
    if args.delay:
        real = runner.load_articles

        def slow_load(conn, articles, *a, **kw):
            time.sleep(args.delay)
            return real(conn, articles, *a, **kw)

        runner.load_articles = slow_load
    with db.connect() as conn:
        counts = runner.process_pending(conn, batch_size=args.batch)
        conn.commit()
    print(json.dumps({"articles": counts.articles, "rejects": counts.rejects, "batches": counts.batches}))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["worker"]:
        sys.exit(_worker_main(sys.argv[2:]))
    sys.exit("usage: python -m pipeline.reliability worker [--batch N] [--delay S]")
