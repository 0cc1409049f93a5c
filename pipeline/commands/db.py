"""Database set-up: create databases, apply migrations, print URLs, run the private cluster."""
from __future__ import annotations

import argparse

NAME = "db"
HELP = "database set-up: migrate, url, airflow-url, start, stop"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=["migrate", "url", "airflow-url", "server-url", "start", "stop"],
        help="migrate: create databases and apply sql/migrations (safe to repeat); url: the pipeline database URL; "
        "start/stop: the private cluster under .data/",
    )


def run(args: argparse.Namespace) -> int:
    from pipeline import cluster, db, settings

    if args.action == "migrate":
        applied = db.setup()
        print(f"migrations applied: {len(applied)}" + (f" ({', '.join(applied)})" if applied else " (up to date)"))
    elif args.action == "url":
        print(settings.news_db_url())
    elif args.action == "airflow-url":
        print(settings.airflow_db_url())
    elif args.action == "server-url":
        print(settings.server_url())
    elif args.action == "start":
        url = settings.server_url()
        print(f"PostgreSQL ready at {url.split('@')[-1]}")
    elif args.action == "stop":
        stopped = cluster.stop(settings.data_dir())
        print("private cluster stopped" if stopped else "private cluster was not running")
    return 0
