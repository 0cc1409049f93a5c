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
    for sidecar in (corpus / "http").rglob("*.headers"):
        target = http_root / sidecar.relative_to(corpus / "http")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sidecar, target)

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
