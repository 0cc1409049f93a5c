"""The Airflow side of the airflow section, in one process: parse the DAGs once, then time `news_process` runs.

Run by pipeline.bench.airflow with the project's Airflow environment (airflow_cli.env()) pointing at the bench
databases. Each round: the library path on N items, a run with nothing pending, then the same N items stored
and a real run; one result line.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    import psycopg

    from pipeline import settings
    from pipeline.bench.airflow import MARK, library_seconds, reset, store_items, warm_up
    from pipeline.bench.corpus import DEFAULT_HTML_SHARE, DEFAULT_SEED, Corpus

    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--html-share", type=float, default=DEFAULT_HTML_SHARE)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--no-warm-up", action="store_true", help="skip the untimed first run (tests only: figures skew)")
    args = parser.parse_args(argv)
    corpus = Corpus(seed=args.seed, html_share=args.html_share, path=args.corpus)

    started = time.perf_counter()
    from airflow.dag_processing.dagbag import DagBag

    import_s = time.perf_counter() - started
    started = time.perf_counter()
    bag = DagBag(dag_folder=str(settings.PROJECT_ROOT / "dags"))
    if bag.import_errors:
        print(f"DAG import errors: {bag.import_errors}", file=sys.stderr)
        return 1
    dag = bag.dags["news_process"]
    dagbag_s = time.perf_counter() - started

    def timed_run() -> float:
        started = time.perf_counter()
        run = dag.test()
        seconds = time.perf_counter() - started
        if str(getattr(run, "state", "")) != "success":
            raise RuntimeError(f"news_process ended {getattr(run, 'state', None)}")
        return seconds

    url = settings.news_db_url()
    empty, full, library = [], [], []
    articles = statements = library_articles = 0
    with psycopg.connect(url) as conn:
        reset(conn)
        warm_up(corpus)
        first_s = None if args.no_warm_up else timed_run()  # the first run of a process pays one-time costs (serialising the DAG, task imports)
        for _ in range(max(1, args.repeat)):
            seconds, counts = library_seconds(conn, corpus, args.articles, args.batch)
            library.append(seconds)
            library_articles = counts["articles"]
            empty.append(timed_run())
            store_items(conn, corpus, args.articles)
            full.append(timed_run())
            articles, statements = conn.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements)").fetchone()
            conn.commit()
        reset(conn)
    print(MARK + json.dumps({"library_s": library, "library_articles": library_articles, "empty_s": empty,
                             "airflow_s": full, "articles": articles, "statements": statements,
                             "dagbag_s": dagbag_s, "import_s": import_s, "first_run_s": first_s}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
