"""`run`: the main job on the bundled samples through real Airflow, then the summary report."""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

NAME = "run"
HELP = "set up the databases, drop samples/ into the inbox, run news_inbox and news_process in Airflow, report"

DAG_SEQUENCE = ("news_inbox", "news_process", "news_quality")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--samples", type=Path, default=None, help="folder copied into the inbox (default: samples/)")
    parser.add_argument("--no-airflow", action="store_true",
                        help="call the same pipeline functions directly instead of through `airflow dags test`")


def copy_samples(samples: Path, inbox: Path) -> int:
    """Copy sample files into the inbox, keeping their source folders; tracked files are never moved."""
    from pipeline.inbox import PATTERNS

    copied = 0
    for path in sorted(samples.rglob("*")):
        if path.is_file() and path.suffix.lower() in PATTERNS:
            target = inbox / path.relative_to(samples)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            copied += 1
    return copied


def run(args: argparse.Namespace) -> int:
    from pipeline import airflow_cli, db, settings, summary

    samples = args.samples or settings.PROJECT_ROOT / "samples"
    applied = db.setup()
    print(f"pipeline database ready ({len(applied)} migrations applied)")
    inbox = settings.inbox_dir()
    print(f"copied {copy_samples(samples, inbox)} sample files into {inbox}")
    if args.no_airflow:
        from pipeline.inbox import ingest
        from pipeline.runner import process_pending, record_run

        with db.connect() as conn:
            c = ingest(conn, inbox)
            record_run(conn, "ingest", None, None, items_seen=c.items_seen, items_new=c.items_new,
                       items_unchanged=c.items_unchanged, rejects=c.files_failed)
            p = process_pending(conn)
            record_run(conn, "process", None, None, items_seen=p.items_seen, articles=p.articles,
                       statements=p.statements, lines_removed=p.lines_removed, rejects=p.rejects, timings=p.timings)
    else:
        airflow_cli.migrate()
        print(f"running {', '.join(DAG_SEQUENCE)} in Airflow (dag.test) …", flush=True)
        result = airflow_cli.run_dags(list(DAG_SEQUENCE))
        print("\n".join(line for line in result.stdout.splitlines() if line.startswith("news_")))
        if result.returncode != 0:
            print(result.stdout[-4000:], result.stderr[-4000:], sep="\n")
            print(f"an Airflow run failed (exit {result.returncode}); logs above")
            return result.returncode
    print()
    with db.connect() as conn:
        print(summary.render(conn))
    return 0
