"""`reliability`: the hostile-input corpus and the fault scenarios on a scratch database; one summary line."""
from __future__ import annotations

import argparse

NAME = "reliability"
HELP = "run the bad-input corpus and the fault scenarios; exit non-zero on any crash, lost row or duplicate"

DATABASE = "news_reliability"
SCENARIOS = ("corpus", "postgres", "sigkill", "concurrent", "http", "unmovable")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", choices=SCENARIOS, action="append", help="run only these parts (repeatable)")


def run(args: argparse.Namespace) -> int:
    import logging
    import os
    import sys
    import tempfile
    import time
    from pathlib import Path

    import psycopg

    from pipeline import db, reliability, settings

    if str(settings.PROJECT_ROOT) not in sys.path:  # the local HTTP fixture server lives in tests/
        sys.path.insert(0, str(settings.PROJECT_ROOT))
    logging.getLogger("pipeline").setLevel(logging.CRITICAL)  # the corpus is meant to provoke warnings
    server = settings.server_url()
    url = db.fresh_database(DATABASE, server)
    os.environ["NEWS_DATABASE_URL"] = url
    with psycopg.connect(url) as conn:
        db.migrate(conn)
        reliability.reset(conn)
    wanted = args.only or SCENARIOS
    total = reliability.Tally(name="all")
    with tempfile.TemporaryDirectory(prefix="news-reliability-") as tmp:
        work = Path(tmp)
        for part in wanted:
            started = time.monotonic()
            try:
                if part == "corpus":
                    with psycopg.connect(url) as conn:
                        reliability.reset(conn)
                        tally, _ = reliability.run_corpus(conn, work / "corpus")
                elif part == "postgres":
                    tally = reliability.fault_postgres_stopped(work)
                elif part == "sigkill":
                    tally = reliability.fault_sigkill(url)
                elif part == "concurrent":
                    tally = reliability.fault_concurrent(url, work=work)
                elif part == "http":
                    tally, _ = reliability.fault_http(url)
                else:
                    tally = reliability.fault_unmovable(url, work=work)
            except Exception as exc:  # a scenario that cannot even finish is a crash
                tally = reliability.Tally(name=part, cases=1, crashes=1, notes=[f"{type(exc).__name__}: {exc}"])
            tally.name = tally.name or part
            print(f"{tally.name:28} {time.monotonic() - started:6.1f}s  {tally.line().removeprefix('reliability: ')}")
            for note in tally.notes:
                print(f"    {note}")
            for mismatch in tally.mismatches:
                print(f"    UNEXPECTED {mismatch}")
            total.add(tally)
    db.drop_database(DATABASE, server)
    if total.mismatches:
        print(f"{len(total.mismatches)} cases ended otherwise than their manifest says (see UNEXPECTED above)")
    print(total.line())
    return 0 if total.ok and not total.mismatches else 1
