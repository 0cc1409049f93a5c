"""`rules`: corpus-learned boilerplate candidates from the stored articles; accept or reject them."""
from __future__ import annotations

import argparse
import sys

NAME = "rules"
HELP = "learned boilerplate: `rules candidates` lists repeated lines, `rules accept ID` / `rules reject ID`"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    sub.add_parser("candidates", help="compute candidates from the stored articles, store and list them")
    for action in ("accept", "reject"):
        one = sub.add_parser(action, help=f"{action} a candidate by its id or learned:<hash>")
        one.add_argument("ident", metavar="ID")


def run(args: argparse.Namespace) -> int:
    from pipeline import db, learn

    db.setup()
    with db.connect() as conn:
        if args.action == "candidates":
            rows = learn.refresh_candidates(conn)
            conn.commit()
            out = sys.stdout
            out.write(f"{len(rows)} candidate lines (>= {learn.MIN_ARTICLES} articles and >= "
                      f"{learn.MIN_SHARE:.0%} of a source's articles within {learn.WINDOW.days} days)\n")
            for ident, status, cand in rows:
                out.write(f"{ident:>5}  {status:<9} {cand.source:<12} {cand.articles:>4} articles "
                          f"{cand.share:>6.1%}  {cand.rule_id}\n")
                for example in cand.examples:
                    out.write(f"        | {example[:160]}\n")
            return 0
        status = "accepted" if args.action == "accept" else "rejected"
        row = learn.set_status(conn, args.ident, status)
        conn.commit()
        if not row:
            sys.stderr.write(f"no learned rule {args.ident}\n")
            return 1
        sys.stdout.write(f"{status} {row[2]} (id {row[0]}, source {row[1]})\n")
        return 0
