"""`eval-segment`: sentence-boundary precision, recall and F1 on a CoNLL-U gold file, ours and a regex baseline."""
from __future__ import annotations

import argparse
from pathlib import Path

NAME = "eval-segment"
HELP = "score sentence segmentation against a CoNLL-U gold file (ours and a plain [.!?؟] regex); our F1 is the last line"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.conllu")
    parser.add_argument("--arabic-comma", action="store_true", help="turn ', ' into '، ' in the gold text first")
    parser.add_argument("--errors", action="store_true", help="list our wrong and missed boundaries per document")


def run(args: argparse.Namespace) -> int:
    from pipeline.segment import segment
    from pipeline.segment_eval import errors, evaluate, read_gold, regex_baseline

    docs = read_gold(args.file, arabic_comma=args.arabic_comma)
    sentences = sum(len(d.ends) for d in docs)
    print(f"{args.file.name}: {len(docs)} documents, {sentences} sentences, arabic comma {'on' if args.arabic_comma else 'off'}")
    if args.errors:
        for doc in docs:
            wrong, missed = errors(doc, segment)
            for label, offsets in (("false", wrong), ("missed", missed)):
                for at in offsets:
                    print(f"  {doc.id} {label} at {at}: …{doc.body[max(0, at - 40):at]}|{doc.body[at:at + 30]}…".replace("\n", "⏎"))
    segment(docs[0].body, docs[0].blocks) if docs else None  # load the rules before timing
    for label, splitter in (("regex", regex_baseline), ("ours", segment)):
        s = evaluate(docs, splitter)
        print(f"{label:<6} precision {s.precision:.4f}  recall {s.recall:.4f}  F1 {s.f1:.4f}  {s.sentences_per_s:,.0f} sentences/s")
    print(f"ours F1 {evaluate(docs, segment).f1:.4f}")
    return 0
