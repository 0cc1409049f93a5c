"""`extract`: run the processing stages on files and print one JSON object per record (no database)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "extract"
HELP = "print articles and statements extracted from files as JSON Lines (no database needed)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--source", help="source name for the files (default: the parent folder name)")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (JSON Lines)")


def run(args: argparse.Namespace) -> int:
    from pipeline.inbox import items_from_file
    from pipeline.process import process
    from pipeline.records import Rejected

    failures = 0
    for path in args.paths:
        rel = Path(args.source) / path.name if args.source else Path(path.parent.name) / path.name
        for raw in items_from_file(path, rel):
            out: dict = {"path": str(path), "record": raw.record}
            try:
                out.update(process(raw).to_contract())
            except Rejected as rejected:
                failures += 1
                out["rejected"] = {"stage": rejected.stage, "reason": rejected.reason, "detail": rejected.detail}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failures else 0
