"""Draw a held-out set: articles in no gold file given, >= 2 common cues, at most N characters, <= 2 per outlet, seeded.

    python eval/select_heldout.py --seed 20261130 --max-chars 3500 --exclude eval/attribution_gold.jsonl eval/attribution_heldout.jsonl
        (held-out2)
    python eval/select_heldout.py --seed 20261201 --max-chars 3000 --exclude eval/attribution_gold.jsonl \
        eval/attribution_heldout.jsonl eval/attribution_heldout2.jsonl   (held-out3)
"""
import argparse
import json
import random
import re

COMMON = re.compile(r'(?<!\w)[وف]?(قال|قالت|أكد|أكدت|أوضح|أوضحت|أضاف|أضافت|أشار|أشارت|ذكر|ذكرت|أعلن|أعلنت)(?!\w)')


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="/work/shared/data/saudinewsnet-dev.jsonl")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--max-chars", type=int, required=True)
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--exclude", nargs="+", default=[])
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.corpus, encoding="utf-8")]
    used = {json.loads(line)["url"] for f in args.exclude for line in open(f, encoding="utf-8") if line.strip()}
    pool = [r for r in rows if r["url"] not in used and len(COMMON.findall(r["content"])) >= 2
            and len(r["content"]) <= args.max_chars]
    random.Random(args.seed).shuffle(pool)
    per: dict[str, int] = {}
    out = []
    for r in pool:
        if per.get(r["source"], 0) >= 2:
            continue
        per[r["source"]] = per.get(r["source"], 0) + 1
        out.append(r)
        if len(out) == args.count:
            break
    for r in out:
        print(r["source"], r["url"], len(r["content"]))
    print(len(pool))


if __name__ == "__main__":
    main()
