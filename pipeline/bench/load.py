"""load: the project's loader on M statements against the server-side `COPY … FROM` file ceiling, same run.

The ceiling copies the very rows the loader wrote (dumped from `statements` by the server) into a table made
`LIKE statements INCLUDING ALL` (same columns, generated tsvector, checks and indexes; no foreign keys). Both
sides run without the statements' GIN index (`vs_ceiling`) and with it (`with_fts_vs_ceiling`). A server that
refuses to read or write files (a managed `DATABASE_URL`) gets one client `COPY FROM STDIN` instead, noted.

The figures come from the loader work's `pipeline.loadbench.measure` (synthetic ~150-character statements, a
ceiling table with the same foreign keys, medians of loader/ceiling pairs) when it is there; this module's own
measurement (the corpus's processed articles, medians) remains for a server that refuses server-side files,
where it falls back to client `COPY FROM STDIN`.
"""
from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator

import psycopg
from psycopg import sql

from pipeline.bench.corpus import Corpus
from pipeline.bench.text import process_all
from pipeline.bench.timing import median, progress, rate, ratio
from pipeline.records import Article

CONTENT = ("statement_speakers", "statements", "removed_lines", "articles", "speakers")
CEILING = "bench_ceiling"
FTS_INDEX = "statements_tsv"
FTS_DDL = "CREATE INDEX IF NOT EXISTS statements_tsv ON statements USING gin (tsv)"
EXTRA_START = 1_000_000  # generator indices for articles beyond the text section's: never the same items


def articles_for(corpus: Corpus, rows: int, have: list[Article]) -> list[Article]:
    """Processed articles holding about `rows` statements: the text section's, then more from the corpus."""
    chosen, total = [], 0
    for article in have:
        if total >= rows:
            return chosen
        chosen.append(article)
        total += len(article.statements)
    batch = 200
    start = EXTRA_START
    while total < rows:
        more: list[Article] = []
        process_all(list(corpus.items(batch, "text", start=start)), more)
        if not more and corpus.path:
            break
        start += batch * 2
        for article in more:
            if total >= rows:
                break
            chosen.append(article)
            total += len(article.statements)
    return chosen


def _batches(items: list[Article], size: int) -> Iterator[list[Article]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _truncate(conn: psycopg.Connection, tables: tuple[str, ...] = CONTENT) -> None:
    conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
        sql.SQL(", ").join(sql.Identifier(t) for t in tables)))
    conn.commit()


def _set_fts(conn: psycopg.Connection, present: bool) -> None:
    conn.execute(FTS_DDL if present else f"DROP INDEX IF EXISTS {FTS_INDEX}")
    conn.commit()


def _columns(conn: psycopg.Connection) -> list[str]:
    """The statements columns a row carries: all but the serial id and generated ones."""
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'statements' AND column_name <> 'id' AND is_generated = 'NEVER' ORDER BY ordinal_position"
    ).fetchall()
    return [r[0] for r in rows]


def loader_seconds(conn: psycopg.Connection, articles: list[Article], batch: int) -> tuple[float, int]:
    """One timed load of every article into emptied tables, one transaction per batch like the runner."""
    from pipeline.load import load_articles

    _truncate(conn)
    started = time.perf_counter()
    for part in _batches(articles, batch):
        with conn.transaction():
            load_articles(conn, part)
    seconds = time.perf_counter() - started
    return seconds, conn.execute("SELECT count(*) FROM statements").fetchone()[0]


class Ceiling:
    """The same rows into an identical table by the fastest path the server allows."""

    def __init__(self, conn: psycopg.Connection, columns: list[str]) -> None:
        self.conn = conn
        self.columns = sql.SQL(", ").join(sql.Identifier(c) for c in columns)
        self.path = f"/tmp/news-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}.copy"
        self.client_rows: bytes | None = None
        select = sql.SQL("SELECT {} FROM statements ORDER BY id").format(self.columns)
        try:
            conn.execute(sql.SQL("COPY ({}) TO {}").format(select, sql.Literal(self.path)))
            conn.commit()
            self.method = "server-side COPY FROM file"
        except psycopg.Error as exc:
            conn.rollback()
            buffer = bytearray()
            with conn.cursor().copy(sql.SQL("COPY ({}) TO STDOUT").format(select)) as copy:
                for chunk in copy:
                    buffer += chunk
            conn.commit()
            self.client_rows = bytes(buffer)
            self.method = f"client COPY FROM STDIN (the server refused a file: {type(exc).__name__})"

    def create(self) -> None:
        """The ceiling table as statements is now (its indexes included)."""
        self.conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(CEILING)))
        self.conn.execute(sql.SQL("CREATE TABLE {} (LIKE statements INCLUDING ALL)").format(sql.Identifier(CEILING)))
        self.conn.commit()

    def seconds(self) -> tuple[float, int]:
        table = sql.Identifier(CEILING)
        self.conn.execute(sql.SQL("TRUNCATE {}").format(table))
        self.conn.commit()
        started = time.perf_counter()
        if self.client_rows is None:
            self.conn.execute(sql.SQL("COPY {} ({}) FROM {}").format(table, self.columns, sql.Literal(self.path)))
        else:
            with self.conn.cursor().copy(sql.SQL("COPY {} ({}) FROM STDIN").format(table, self.columns)) as copy:
                view = memoryview(self.client_rows)
                for i in range(0, len(view), 1 << 20):
                    copy.write(view[i:i + (1 << 20)])
        self.conn.commit()
        seconds = time.perf_counter() - started
        return seconds, self.conn.execute(sql.SQL("SELECT count(*) FROM {}").format(table)).fetchone()[0]

    def close(self) -> None:
        self.conn.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(sql.Identifier(CEILING)))
        self.conn.commit()
        try:
            os.remove(self.path)  # the server wrote it; when the server is this machine we can tidy up
        except OSError:
            pass


def run(url: str, corpus: Corpus, rows: int, times: int, have: list[Article], batch: int) -> tuple[dict, dict]:
    try:
        from pipeline import loadbench
    except ImportError:
        return run_own(url, corpus, rows, times, have, batch)
    progress(f"load: pipeline.loadbench, {rows} statements, median of {times}, without and with the GIN index")
    from pipeline.sources import ensure_source

    with psycopg.connect(url) as conn:
        ensure_source(conn, "bench")  # the source of loadbench's synthetic articles (its own database seeds it)
        conn.commit()
    try:
        results = {r.gin: r for r in loadbench.measure(url, rows, batch, times)}
    except psycopg.errors.InsufficientPrivilege as exc:  # a managed server: no server-side files, no CHECKPOINT
        progress(f"load: pipeline.loadbench refused ({exc.diag.message_primary}); client COPY instead")
        return run_own(url, corpus, rows, times, have, batch)
    plain, fts = results[False], results[True]
    section = {
        "rows": plain.statements,
        "rows_per_s": rate(plain.statements, plain.loader_s),
        "ceiling_rows_per_s": rate(plain.statements, plain.ceiling_s),
        "vs_ceiling": plain.ratio,
        "with_fts_vs_ceiling": fts.ratio,
    }
    notes = {"ceiling": f"server-side COPY FROM file (pipeline.loadbench: synthetic statements, median of {times})",
             "no_fts_ratios": [round(c / t, 3) for t, c in zip(plain.loader_runs, plain.ceiling_runs)],
             "with_fts_ratios": [round(c / t, 3) for t, c in zip(fts.loader_runs, fts.ceiling_runs)],
             "batch": batch, "no_fts_loader_s": plain.loader_s, "no_fts_ceiling_s": plain.ceiling_s,
             "with_fts_loader_s": fts.loader_s, "with_fts_ceiling_s": fts.ceiling_s,
             "with_fts_rows_per_s": rate(fts.statements, fts.loader_s),
             "with_fts_ceiling_rows_per_s": rate(fts.statements, fts.ceiling_s)}
    return section, notes


def run_own(url: str, corpus: Corpus, rows: int, times: int, have: list[Article], batch: int) -> tuple[dict, dict]:
    """The corpus's own processed articles through the loader, medians, and whichever ceiling the server allows."""
    articles = articles_for(corpus, rows, have)
    statements = sum(len(a.statements) for a in articles)
    progress(f"load: {len(articles)} articles, {statements} statements x {times}, without and with the GIN index")
    notes: dict = {"articles": len(articles), "batch": batch}
    per: dict[str, dict[str, float]] = {}
    with psycopg.connect(url) as conn:
        from pipeline.sources import ensure_source

        for name in {a.source for a in articles if a.source}:
            ensure_source(conn, name)  # as the inbox does when it stores an item
        conn.commit()
        ceiling: Ceiling | None = None
        try:
            for fts in (False, True):
                _set_fts(conn, fts)
                loads = [loader_seconds(conn, articles, batch) for _ in range(times)]
                loaded = loads[-1][1]
                if ceiling is None:
                    ceiling = Ceiling(conn, _columns(conn))
                    notes["ceiling"] = ceiling.method
                ceiling.create()
                copies = [ceiling.seconds() for _ in range(times)]
                if copies[-1][1] != loaded:
                    raise RuntimeError(f"the ceiling copied {copies[-1][1]} rows, the loader wrote {loaded}")
                key = "with_fts" if fts else "no_fts"
                per[key] = {"rows": loaded, "loader_s": median([s for s, _ in loads]),
                            "ceiling_s": median([s for s, _ in copies])}
        finally:
            if ceiling is not None:
                ceiling.close()
            conn.rollback()
            _set_fts(conn, True)  # leave the schema as the migrations made it
            _truncate(conn)
    plain, fts = per["no_fts"], per["with_fts"]
    loader, top = rate(plain["rows"], plain["loader_s"]), rate(plain["rows"], plain["ceiling_s"])
    section = {
        "rows": int(plain["rows"]),
        "rows_per_s": loader,
        "ceiling_rows_per_s": top,
        "vs_ceiling": ratio(loader, top),
        "with_fts_vs_ceiling": ratio(rate(fts["rows"], fts["loader_s"]), rate(fts["rows"], fts["ceiling_s"])),
    }
    notes.update({f"{k}_{m}": v for k, d in per.items() for m, v in d.items()})
    notes["with_fts_rows_per_s"] = rate(fts["rows"], fts["loader_s"])
    notes["with_fts_ceiling_rows_per_s"] = rate(fts["rows"], fts["ceiling_s"])
    return section, notes
