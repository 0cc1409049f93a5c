"""`report`: run one of the analysts' reports in sql/reports/ (views installed on first use)."""
from __future__ import annotations

import argparse

NAME = "report"
HELP = "run a report from sql/reports/ (--list shows them); table, csv or json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", nargs="?", help="report name, e.g. top_speakers, who_said, source_daily")
    parser.add_argument("--since", help="YYYY-MM-DD, first day included")
    parser.add_argument("--until", help="YYYY-MM-DD, last day included")
    parser.add_argument("--source", help="only this source")
    parser.add_argument("--term", help="search term for who_said (web-search syntax: words, \"phrases\", -not)")
    parser.add_argument("--limit", type=int, help="at most this many rows")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--list", action="store_true", help="list the reports and the question each answers")
    parser.add_argument("--refresh", action="store_true", help="refresh the materialized reports first")


def run(args: argparse.Namespace) -> int:
    from pipeline import db, report

    if args.list or not args.name:
        for r in report.reports().values():
            print(f"{r.name:<18} {r.kind:<18} {r.answers}")
        return 0 if args.list else 2
    with db.connect() as conn:
        report.install(conn)
        if args.refresh or not _populated(conn):
            report.refresh(conn)
        try:
            columns, rows = report.run(conn, args.name, since=args.since, until=args.until, source=args.source,
                                       term=args.term, limit=args.limit)
        except (KeyError, ValueError) as exc:
            print(exc.args[0])
            return 2
    print(report.render(columns, rows, args.format))
    return 0


def _populated(conn) -> bool:
    row = conn.execute("SELECT bool_and(ispopulated) FROM pg_matviews WHERE matviewname LIKE 'report\\_%'").fetchone()
    return bool(row and row[0])
