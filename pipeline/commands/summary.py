"""`summary`: the short report of what the pipeline database holds."""
from __future__ import annotations

import argparse

NAME = "summary"
HELP = "print sources, articles, statements, top speakers and rejects"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--top", type=int, default=10, help="how many top speakers to list")


def run(args: argparse.Namespace) -> int:
    from pipeline import db, summary

    with db.connect() as conn:
        print(summary.render(conn, top=args.top))
    return 0
