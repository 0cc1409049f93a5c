"""`fetch`: read the feeds of active sources and store new article pages, host by host, then print the report."""
from __future__ import annotations

import argparse
import json

NAME = "fetch"
HELP = "fetch feeds and new article pages of active feed/page sources into raw_items (settings: NEWS_FETCH_* env)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", action="append", default=[], help="only this host (repeatable), e.g. sana.sy")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")


def run(args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from pipeline import db
    from pipeline.fetch import FetchConfig, fetch_host, merge, plan
    from pipeline.runner import record_run

    db.setup()
    config = FetchConfig.from_env()
    run_id = f"cli:{datetime.now(timezone.utc):%Y-%m-%dT%H:%M:%S}"
    with db.connect() as conn:
        hosts = [h for h in plan(conn) if not args.host or h.host in args.host]
        reports = [fetch_host(conn, host, config, run_id=run_id) for host in hosts]
        total = merge(reports)
        record_run(conn, "fetch", run_id, None, items_seen=total.entries_seen, items_new=total.items_new,
                   items_unchanged=total.pages_skipped + total.feeds_not_modified, rejects=total.rejects,
                   timings={"fetch": total.seconds})
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    else:
        for report in reports:
            print(report.summary())
        print(f"fetch: {len(hosts)} hosts, {total.items_new} new items, {total.rejects} rejects, "
              f"{total.sources_failed} sources failed, {total.seconds:.2f}s")
    return 1 if total.sources_failed else 0
