"""Loader throughput against the server-side COPY ceiling, in the same run, on synthetic Arabic statements.

The loader (`pipeline.load.load_articles`, batches of articles, each batch one transaction) fills the real
tables of a scratch database; the ceiling is `COPY statements_ceiling FROM '<file>'` run by the server into a
table identical to `statements` (same columns, generated tsv, indexes, checks and foreign keys) holding the same
rows. Both with and without the statements' GIN index (as the migrations define it, storage parameters included)
on both sides. Each repeat times the loader, then the ceiling, back to back; the ratio is the median of the
per-repeat ratios. Processing-stage work (segmenting, uids, norm hashes, the body simhash) is done before the clock
starts, as the processing stage does it.

    python -m pipeline.loadbench [--statements 100000] [--batch 500] [--repeats 3]
    python -m pipeline.loadbench --phases --statements 40000   # where the loader's time goes
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import psycopg
from psycopg import sql

from pipeline import PROCESSOR_VERSION, db, settings
from pipeline.load import load_articles
from pipeline.normalize import norm_hash
from pipeline.process import assign_uids
from pipeline.records import Article, Block, Removed, Statement
from pipeline.simhash import body_fingerprint

BENCH_DB = "news_bench"
STATEMENTS_PER_ARTICLE = 20
_WORDS = ("الحكومة الرئيس وزير الخارجية مجلس الأمن الدولي المفاوضات السلام الاقتصاد النفط الأسعار القمح الموسم "
          "المحافظة دمشق الرياض موسكو طهران الاجتماع التعاون البلدين المشترك التنمية المشاريع الطاقة الكهرباء "
          "المياه الصحة اللقاح المستشفى الطلاب الجامعة المعرض الكتاب الثقافة الرياضة المنتخب البطولة المباراة "
          "الطقس الأمطار درجات الحرارة المواطنين الخدمات الأسواق التجارة الاستثمار الصادرات الواردات").split()
_CUES = ("وقال", "وأكد", "وأضاف", "وأعلن")
_NAMES = ("أحمد الخطيب", "سارة المصري", "خالد العتيبي", "ليلى حداد", "عمر الزعبي", "نور الهدى", "فيصل القحطاني")


@dataclass
class Result:
    """Paired timings (loader, then ceiling, per repeat) of one index setting; figures are medians."""

    statements: int
    gin: bool
    loader_runs: list[float]
    ceiling_runs: list[float]

    @property
    def loader_s(self) -> float:
        return statistics.median(self.loader_runs)

    @property
    def ceiling_s(self) -> float:
        return statistics.median(self.ceiling_runs)

    @property
    def ratio(self) -> float:
        """Median of the per-repeat ratios: each pair ran back to back, so a busy machine moves both sides."""
        return statistics.median(c / t for t, c in zip(self.loader_runs, self.ceiling_runs))

    def line(self) -> str:
        return (f"{'with' if self.gin else 'without'} GIN: loader {self.statements / self.loader_s:,.0f} rows/s, "
                f"COPY ceiling {self.statements / self.ceiling_s:,.0f} rows/s, ratio {self.ratio:.2f} "
                f"(per repeat: {', '.join(f'{c / t:.2f}' for t, c in zip(self.loader_runs, self.ceiling_runs))})")


def article_from_sentences(source: str, key: str, sentences: list[str], published_at: datetime | None = None,
                           speakers: dict[int, str] | None = None, title: str = "", role: str | None = None,
                           removed: list[Removed] | None = None) -> Article:
    """An Article whose body is the sentences joined by blank lines: offsets, blocks, norm hashes and uids set."""
    body, statements, blocks = "", [], []
    for seq, text in enumerate(sentences):
        if body:
            body += "\n\n"
        start = len(body)
        body += text
        blocks.append(Block(start=start, end=len(body)))
        name = (speakers or {}).get(seq)
        statements.append(Statement(seq=seq, start=start, end=len(body), text=text, norm_hash=norm_hash(text),
                                    speaker=name, speaker_canonical=name, cue="وقال" if name else None,
                                    mode="indirect" if name else None, role=role if name else None))
    article = Article(title=title or sentences[0][:60], body=body, published_at=published_at, language="ar",
                      blocks=blocks, removed=list(removed or []), processor_version=PROCESSOR_VERSION,
                      statements=statements, source=source, url=f"https://www.{source}.example/{key}",
                      external_id=key)
    assign_uids(article)
    return article


def synthetic_articles(n_statements: int, seed: int = 7) -> list[Article]:
    """Articles of 20 statements of about 150 Arabic characters; a third attributed; two removed lines each."""
    rng = random.Random(seed)
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    removed = [Removed("تابعونا على تيلغرام", "generic:promo"), Removed("// انتهى //", "marker:end")]
    articles = []
    for i in range(max(1, n_statements // STATEMENTS_PER_ARTICLE)):
        texts, speakers = [], {}
        for seq in range(STATEMENTS_PER_ARTICLE):
            words = []
            if rng.random() < 0.33:
                speakers[seq] = rng.choice(_NAMES)
                words += [rng.choice(_CUES), speakers[seq]]
            while sum(len(w) + 1 for w in words) < 150:
                words.append(rng.choice(_WORDS))
            texts.append(" ".join(words) + f" {i}-{seq}.")
        articles.append(article_from_sentences("bench", f"news/{i}", texts, start + timedelta(minutes=7 * i),
                                               speakers, removed=removed))
    return articles


def _fresh_database(server_url: str) -> str:
    url = db.fresh_database(BENCH_DB, server_url)
    with psycopg.connect(url) as conn:
        db.migrate(conn)
        conn.execute("INSERT INTO sources (name) VALUES ('bench') ON CONFLICT DO NOTHING")
        conn.commit()
    return url


_CONTENT = "TRUNCATE articles, statements, statement_speakers, removed_lines, speakers, article_revisions CASCADE"
_COLUMNS = ("article_id, seq, start_offset, end_offset, text, kind, speaker_id, speaker_text, role, via, cue, mode, "
            "norm_hash, uid, is_dup")


def _gin_definitions(conn: psycopg.Connection, table: str) -> list[tuple[str, str]]:
    """(name, "USING gin (…) WITH (…)") of the table's GIN indexes, as the migrations made them."""
    rows = conn.execute(
        "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = %s::regclass AND am.amname = 'gin' ORDER BY 1",
        (table,)).fetchall()
    return [(name, definition[definition.index(" USING "):]) for name, definition in rows]


def _set_gin(conn: psycopg.Connection, table: str, gin: bool, definitions: list[tuple[str, str]]) -> None:
    """Drop every GIN index of the table; with `gin`, create statements' GIN indexes on it again, identically
    (same method, keys and storage parameters; statements gets back the same names)."""
    for name, _ in _gin_definitions(conn, table):
        conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    if gin:
        for name, tail in definitions:
            own = name if table == "statements" else f"{table}_{name}"
            conn.execute(sql.SQL("CREATE INDEX {} ON {}").format(sql.Identifier(own), sql.Identifier(table))
                         + sql.SQL(tail))
    conn.commit()


def _time_loader(conn: psycopg.Connection, articles: list[Article], batch: int) -> float:
    conn.execute(_CONTENT)
    conn.commit()
    conn.execute("CHECKPOINT")
    conn.commit()
    spent = 0.0
    for start in range(0, len(articles), batch):
        chunk = articles[start:start + batch]
        for a in chunk:
            body_fingerprint(a.body)  # the processing stage's share, as in pipeline.runner: not timed
        t0 = time.perf_counter()
        with conn.transaction():
            load_articles(conn, chunk)
        spent += time.perf_counter() - t0
    return spent + _flush_gin(conn, "statements")


def _time_ceiling(conn: psycopg.Connection, path: str) -> float:
    conn.execute("TRUNCATE statements_ceiling")
    conn.commit()
    conn.execute("CHECKPOINT")
    conn.commit()
    t0 = time.perf_counter()
    with conn.transaction():
        conn.execute(sql.SQL("COPY statements_ceiling ({}) FROM {}").format(sql.SQL(_COLUMNS), sql.Literal(path)))
    return time.perf_counter() - t0 + _flush_gin(conn, "statements_ceiling")


def _flush_gin(conn: psycopg.Connection, table: str) -> float:
    """Seconds to merge the GIN indexes' pending lists into the index proper (0 without a GIN index).

    With `fastupdate` (the default) a GIN index queues new entries and merges them later, when the list passes
    `gin_pending_list_limit` or at vacuum. How much of that merge falls inside a timed load depends on where the
    list's limit happens to be crossed, not on the loader, so both sides are timed up to an empty pending list."""
    t0 = time.perf_counter()
    with conn.transaction():
        conn.execute(
            "SELECT gin_clean_pending_list(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am am ON am.oid = c.relam WHERE i.indrelid = %s::regclass AND am.amname = 'gin'", (table,))
    return time.perf_counter() - t0


def measure(url: str, n_statements: int = 100_000, batch: int = 500, repeats: int = 3) -> list[Result]:
    """Loader and ceiling times, paired per repeat, without and with the GIN index (same rows each time)."""
    articles = synthetic_articles(n_statements)
    n = sum(len(a.statements) for a in articles)
    path = f"/tmp/news_loadbench_{os.getpid()}.copy"
    results = []
    with psycopg.connect(url) as conn:
        definitions = _gin_definitions(conn, "statements")
        if not definitions:
            raise RuntimeError("statements has no GIN index to measure with")
        conn.execute("DROP TABLE IF EXISTS statements_ceiling")
        conn.execute("CREATE TABLE statements_ceiling (LIKE statements INCLUDING ALL)")
        conn.execute("ALTER TABLE statements_ceiling ADD FOREIGN KEY (article_id) REFERENCES articles (id), "
                     "ADD FOREIGN KEY (speaker_id) REFERENCES speakers (id)")
        conn.commit()
        try:
            for gin in (False, True):
                _set_gin(conn, "statements", gin, definitions)
                _set_gin(conn, "statements_ceiling", gin, definitions)
                loader, ceiling = [], []
                for _ in range(repeats):
                    loader.append(_time_loader(conn, articles, batch))
                    loaded = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
                    if loaded != n:
                        raise RuntimeError(f"the loader wrote {loaded} statements of {n}")
                    conn.execute(sql.SQL("COPY (SELECT {} FROM statements ORDER BY id) TO {}").format(
                        sql.SQL(_COLUMNS), sql.Literal(path)))
                    conn.commit()
                    ceiling.append(_time_ceiling(conn, path))
                results.append(Result(n, gin, loader, ceiling))
        finally:
            conn.rollback()
            conn.execute("DROP TABLE IF EXISTS statements_ceiling")
            _set_gin(conn, "statements", True, definitions)  # leave the schema as the migrations made it
    try:
        os.remove(path)
    except OSError:
        pass
    return results


class _PhaseCursor(psycopg.Cursor):
    """Adds the time of every execute and COPY to `spent`, under the pipeline.load constant's name."""

    spent: dict[str, float] = {}
    names: dict[str, str] = {}

    def _add(self, query, seconds: float) -> None:
        text = query if isinstance(query, str) else str(query)
        name = self.names.get(text) or " ".join(text.split())[:48]
        self.spent[name] = self.spent.get(name, 0.0) + seconds

    def execute(self, query, *args, **kwargs):
        started = time.perf_counter()
        try:
            return super().execute(query, *args, **kwargs)
        finally:
            self._add(query, time.perf_counter() - started)

    @contextmanager
    def copy(self, statement, *args, **kwargs):
        started = time.perf_counter()
        with super().copy(statement, *args, **kwargs) as copy:
            yield copy  # the rows are made while the COPY runs: their Python time is the COPY's
        table = " ".join(str(statement).split()[:2])
        self.spent[table] = self.spent.get(table, 0.0) + time.perf_counter() - started


def phases(url: str, n_statements: int, batch: int, gin: bool) -> tuple[float, dict[str, float]]:
    """One load into emptied tables, timed per phase: each pipeline.load query and COPY, validation, commits."""
    from pipeline import load

    articles = synthetic_articles(n_statements)
    _PhaseCursor.names = {v: k.strip("_").lower() for k, v in vars(load).items()
                          if k.isupper() and isinstance(v, str) and len(v) > 20}
    spent = _PhaseCursor.spent = {}
    validate = load.validate

    def timed_validate(article):
        started = time.perf_counter()
        try:
            return validate(article)
        finally:
            spent["validate"] = spent.get("validate", 0.0) + time.perf_counter() - started

    with psycopg.connect(url, cursor_factory=_PhaseCursor) as conn:
        definitions = _gin_definitions(conn, "statements")
        _set_gin(conn, "statements", gin, definitions)
        conn.execute(_CONTENT)
        conn.commit()
        conn.execute("CHECKPOINT")
        conn.commit()
        spent.clear()
        load.validate = timed_validate
        total = 0.0
        try:
            for start in range(0, len(articles), batch):
                chunk = articles[start:start + batch]
                for a in chunk:
                    body_fingerprint(a.body)  # the processing stage's share (memoised for 4096 bodies): not timed
                t0 = time.perf_counter()
                with conn.transaction():
                    load.load_articles(conn, chunk)
                    t1 = time.perf_counter()
                spent["commit"] = spent.get("commit", 0.0) + time.perf_counter() - t1
                total += time.perf_counter() - t0
        finally:
            load.validate = validate
            spent = dict(spent)
            if "validate" in spent and "COPY stage_articles" in spent:
                # Articles are validated while their staging rows are sent: count that time once, as validate.
                spent["COPY stage_articles"] -= spent["validate"]
            _set_gin(conn, "statements", True, definitions)
    return total, spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500, help="articles per batch (transaction)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--phases", action="store_true",
                        help="instead: one load timed per phase (each query and COPY), without and with GIN")
    args = parser.parse_args(argv)
    url = _fresh_database(settings.server_url())
    t0 = time.perf_counter()
    if args.phases:
        for gin in (False, True):
            total, spent = phases(url, args.statements, args.batch, gin)
            print(f"{'with' if gin else 'without'} GIN: {total:.2f} s, {args.statements / total:,.0f} statements/s")
            for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
                print(f"  {name:<48} {seconds:7.3f} s {100 * seconds / total:5.1f} %")
        return 0
    for r in measure(url, args.statements, args.batch, args.repeats):
        print(r.line())
    print(f"({args.statements:,} statements, {args.batch} articles per batch, median of {args.repeats}; "
          f"{time.perf_counter() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
