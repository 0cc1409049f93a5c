"""`eval-attribute`: speaker and cue precision and recall against gold events anchored in a JSON Lines corpus."""
from __future__ import annotations

import argparse
from pathlib import Path

NAME = "eval-attribute"
HELP = "score speaker attribution against gold events (eval/*.jsonl) on the corpus they reference"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    parser.add_argument("--corpus", type=Path, required=True, metavar="FILE.jsonl", help="the corpus the gold points into")
    parser.add_argument("--errors", action="store_true", help="list every false, missed and wrong attribution")
    parser.add_argument("--annotation", type=Path, metavar="SECOND.jsonl",
                        help="score this second annotation of the same articles instead of the system (agreement)")


def run(args: argparse.Namespace) -> int:
    from pipeline.attribute_eval import evaluate, read_gold

    gold = read_gold(args.gold)
    tally = evaluate(gold, args.corpus, read_gold(args.annotation) if args.annotation else None)
    if args.errors:
        for line in tally.errors:
            print(" ", line)
    r = tally.ratios()
    outlets = len({e.get("source") for e in gold})
    print(f"{len(gold)} articles from {outlets} outlets, {tally.gold} speech events, {tally.predicted} "
          f"{'in the second annotation' if args.annotation else 'predicted'}, "
          f"{tally.unmapped} anchors unmapped")
    print(f"cue      precision {r['cue_precision']:.3f}  recall {r['cue_recall']:.3f}")
    print(f"mode     accuracy  {r['mode_accuracy']:.3f} (on correct speakers)")
    print(f"speaker  precision {r['speaker_precision']:.3f}  recall {r['speaker_recall']:.3f}")
    return 0
