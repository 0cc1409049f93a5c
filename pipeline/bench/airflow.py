"""airflow: the same N inbox items through `news_process` under Airflow (dag.test) against the library path alone.

Both sides run in one fresh process (pipeline.bench.airflow_child) with the project's Airflow environment
pointed at the bench databases, interleaved round by round so drift on a shared machine hits both alike: the
library path (`pipeline.runner.process_pending` on N stored raw items), a `news_process` run with nothing
pending (`airflow_empty_s`), then the same N items stored again and a real run.
overhead = (airflow_s - airflow_empty_s) / library_s.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

from pipeline.bench.corpus import Corpus
from pipeline.bench.timing import median, progress, ratio

AIRFLOW_DB = "airflow_bench"
RESET = ("raw_items", "rejects", "ingest_runs", "articles", "statements", "removed_lines", "speakers",
         "statement_speakers")
MARK = "BENCH_AIRFLOW "


def reset(conn: psycopg.Connection) -> None:
    """Empty the bench database's content and raw items (sources stay)."""
    conn.execute(sql.SQL("TRUNCATE {} RESTART IDENTITY CASCADE").format(
        sql.SQL(", ").join(sql.Identifier(t) for t in RESET)))
    conn.commit()


def store_items(conn: psycopg.Connection, corpus: Corpus, n: int) -> int:
    """Store N corpus items as raw items the way the inbox does (untimed set-up)."""
    from pipeline.inbox import store

    stored, chunk = 0, []
    for raw in corpus.items(n, "mixed"):
        chunk.append(raw)
        if len(chunk) == 200:
            stored += len(store(conn, chunk))
            conn.commit()
            chunk = []
    if chunk:
        stored += len(store(conn, chunk))
    conn.commit()
    return stored


WARM_UP_START = 3_000_000  # generator indices never measured


def warm_up(corpus: Corpus) -> None:
    """Run a few items through the processing path first: lazy imports and compiled patterns stay off the clock."""
    from pipeline.bench.text import process_all

    process_all(list(corpus.items(5, "mixed", start=WARM_UP_START)))


def library_seconds(conn: psycopg.Connection, corpus: Corpus, n: int, batch: int) -> tuple[float, dict]:
    """The library path alone: N stored raw items through pipeline.runner.process_pending, timed."""
    from pipeline.runner import process_pending

    reset(conn)
    store_items(conn, corpus, n)
    started = time.perf_counter()
    counts = process_pending(conn, batch_size=batch)
    seconds = time.perf_counter() - started
    reset(conn)
    return seconds, {"articles": counts.articles, "statements": counts.statements, "rejects": counts.rejects}


def environment(airflow_db: str, home: Path) -> dict[str, str]:
    """Point the project's Airflow environment at the bench metadata database and home; migrate once."""
    from pipeline import airflow_cli, settings

    os.environ["NEWS_AIRFLOW_DB"] = airflow_db
    os.environ["NEWS_AIRFLOW_HOME"] = str(home)
    os.environ["NEWS_INBOX_DIR"] = str(home.parent / "inbox")
    admin = settings.with_database(settings.server_url(), "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (airflow_db,)).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(airflow_db)))
    progress("airflow: metadata database migrate (slow only the first time)")
    airflow_cli.migrate()
    return airflow_cli.env()


def run(url: str, corpus: Corpus, n: int, times: int, batch: int, airflow_db: str = AIRFLOW_DB,
        home: Path | None = None, warm_up_run: bool = True) -> tuple[dict, dict]:
    from pipeline import settings

    env = environment(airflow_db, home or settings.data_dir() / "bench" / "airflow")
    env["NEWS_BATCH_SIZE"] = str(batch)
    progress(f"airflow: library path and news_process under Airflow on the same {n} items x {times}, one process")
    args = [sys.executable, "-m", "pipeline.bench.airflow_child", "--articles", str(n), "--repeat", str(times),
            "--batch", str(batch), "--seed", str(corpus.seed), "--html-share", str(corpus.html_share)]
    if corpus.path:
        args += ["--corpus", str(corpus.path)]
    if not warm_up_run:
        args.append("--no-warm-up")
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith(MARK)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the Airflow run failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    child = json.loads(lines[-1][len(MARK):])
    if child["articles"] != child["library_articles"]:
        raise RuntimeError(f"Airflow loaded {child['articles']} articles, the library path {child['library_articles']}")
    library_s, airflow_s, empty_s = (median(child[k]) for k in ("library_s", "airflow_s", "empty_s"))
    section = {"articles": n, "library_s": library_s, "airflow_s": airflow_s, "airflow_empty_s": empty_s,
               "overhead": ratio(airflow_s - empty_s, library_s)}
    notes = {"library_runs": child["library_s"], "airflow_runs": child["airflow_s"], "empty_runs": child["empty_s"],
             "articles_loaded": child["articles"], "statements_loaded": child["statements"],
             "import_s": child["import_s"], "dagbag_s": child["dagbag_s"], "first_run_s": child["first_run_s"],
             "batch": batch}
    return section, notes
