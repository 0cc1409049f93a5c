"""`eval-clean`: run extraction and cleaning over a JSON Lines corpus and report what was removed and kept."""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from pipeline.residuals import RESIDUALS, python_pattern

NAME = "eval-clean"
HELP = "clean a JSON Lines corpus: removals per rule, learned candidates, words kept, residual boilerplate"

_FORMAT = dict.fromkeys(c for c in range(0x2000, 0x2070) if unicodedata.category(chr(c)) == "Cf")
_FORMAT.update({0x0640: None, 0xFEFF: None, 0x061C: None, 0x00AD: None})


def words(text: str) -> list[str]:
    """Words as the issue compares them: NFC, tatweel (and invisible format characters) removed, split on spaces."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_FORMAT)).split()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="FILE.jsonl")
    parser.add_argument("--show-removed", type=int, default=0, metavar="N",
                        help="print N removed pieces drawn at random, for auditing")
    parser.add_argument("--seed", type=int, default=1, help="random seed for --show-removed")
    parser.add_argument("--residual-lines", type=int, default=5, metavar="N",
                        help="print up to N body lines per residual pattern that still match")


def run(args: argparse.Namespace) -> int:
    import json

    from pipeline import sources
    from pipeline.clean import clean
    from pipeline.extract import extract
    from pipeline.learn import article_lines, find_candidates
    from pipeline.records import RawItem, Rejected

    residuals = [re.compile(python_pattern(p), re.M) for p in RESIDUALS]
    per_rule: Counter[str] = Counter()
    per_rule_words: Counter[str] = Counter()
    rejects: Counter[str] = Counter()
    residual_hits = [0] * len(residuals)
    residual_lines: list[list[str]] = [[] for _ in residuals]
    expected_total = kept_total = input_total = removed_total = 0
    learning, removed_pool = [], []
    seconds = 0.0
    articles = 0
    resolved: dict[str, str] = {}
    for number, line in enumerate(args.path.read_bytes().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = {}
        name = str(record.get("source") or "inbox")
        source = resolved.setdefault(name, sources.resolve(name))
        raw = RawItem(source=source, body=line, external_id=f"{args.path.name}#{number}", path=str(args.path),
                      record=number)
        started = time.perf_counter()
        try:
            doc = extract(raw)
            article = clean(doc, source)
        except Rejected as rejected:
            seconds += time.perf_counter() - started
            rejects[f"{rejected.stage}:{rejected.reason}"] += 1
            continue
        seconds += time.perf_counter() - started
        articles += 1
        given = Counter(words(doc.title) + words(doc.text))
        removed = Counter()
        for piece in article.removed:
            per_rule[piece.rule] += 1
            piece_words = words(piece.text) if not piece.rule.startswith("html:") else []
            per_rule_words[piece.rule] += len(piece_words)
            removed.update(piece_words)
            removed_pool.append((source, piece))
        kept = Counter(words(article.title) + words(article.body)
                       + (words(article.dateline.text) if article.dateline else []))
        expected = given - removed
        input_total += sum(given.values())
        removed_total += sum(removed.values())
        expected_total += sum(expected.values())
        kept_total += sum((expected & kept).values())
        for i, regex in enumerate(residuals):
            for match in regex.finditer(article.body):
                residual_hits[i] += 1
                if len(residual_lines[i]) < args.residual_lines:
                    start = article.body.rfind("\n", 0, match.start()) + 1
                    end = article.body.find("\n", match.end())
                    residual_lines[i].append(f"{source}: {article.body[start:end if end >= 0 else None][:200]}")
        when = doc.published_at
        if when is None and record.get("date_extracted"):
            from pipeline.html import parse_datetime

            when = parse_datetime(str(record["date_extracted"]).replace(" ", "T"))
        learning.append(article_lines(source, when, article.body, [(r.text, r.rule) for r in article.removed]))

    out = sys.stdout
    out.write(f"articles cleaned: {articles}; rejected: {sum(rejects.values())} {dict(rejects)}\n")
    out.write(f"extract+clean: {seconds:.2f} s, {articles / seconds if seconds else 0:.0f} articles/s\n\n")
    out.write("removals per rule (pieces, words):\n")
    for rule, count in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"  {rule:<32} {count:>6} {per_rule_words[rule]:>8}\n")
    share = kept_total / expected_total if expected_total else 1.0
    out.write(f"\nwords: {input_total} in, {removed_total} removed ({removed_total / max(input_total, 1):.2%}), "
              f"{kept_total} of {expected_total} words outside removed pieces kept: {share:.2%}\n")
    out.write("\nresidual boilerplate in bodies (fixed list, independent of the cleaner's rules):\n")
    for pattern, hits, lines in zip(RESIDUALS, residual_hits, residual_lines):
        out.write(f"  {hits:>5}  {pattern}\n")
        for text in lines:
            out.write(f"         | {text}\n")
    out.write(f"  total: {sum(residual_hits)}\n")
    candidates = find_candidates(learning)
    out.write(f"\nlearned candidates (>= 5 articles and >= 10% of a source within 30 days): {len(candidates)}\n")
    for cand in candidates:
        note = f"already removed by {', '.join(sorted(cand.covered_by))}" if cand.covered else "NOT removed"
        out.write(f"  {cand.source:<12} {cand.articles:>4} articles {cand.share:>6.1%}  {cand.rule_id}  {note}\n")
        out.write(f"        | {cand.examples[0][:160]}\n")
    if args.show_removed and removed_pool:
        out.write(f"\n{args.show_removed} removed pieces drawn at random (seed {args.seed}):\n")
        for source, piece in random.Random(args.seed).sample(removed_pool, min(args.show_removed, len(removed_pool))):
            out.write(f"  [{source} {piece.rule}] {piece.text[:300]}\n")
    return 0
