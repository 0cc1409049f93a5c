"""`bench`: throughput, scaling and memory beside their references in one run (see README, Benchmarks)."""
from __future__ import annotations

import argparse
from pathlib import Path

NAME = "bench"
HELP = "benchmark text, HTML, loading, Airflow overhead, memory and scaling; writes .data/bench/results.json"


def _sizes(value: str) -> list[int]:
    return [int(v.replace("_", "").replace("k", "000")) for v in value.split(",") if v.strip()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from pipeline.bench.corpus import DEFAULT_HTML_SHARE, DEFAULT_SEED
    from pipeline.bench.run import SECTIONS, Options

    d = Options()
    parser.add_argument("--articles", type=int, default=d.articles, help=f"text: plain-text articles (default {d.articles})")
    parser.add_argument("--pages", type=int, default=d.pages, help=f"html: HTML pages (default {d.pages})")
    parser.add_argument("--rows", type=int, default=d.rows, help=f"load: statements loaded (default {d.rows})")
    parser.add_argument("--airflow-articles", type=int,
                        help="airflow: inbox items through news_process (default: 10000, or fewer to fit --budget)")
    parser.add_argument("--memory-articles", type=int,
                        help="memory: N, measured at N and 10N (default: the smallest scaling size)")
    parser.add_argument("--scaling", type=_sizes,
                        help="scaling: comma-separated sizes (default 1000,10000, or N,10N to fit --budget)")
    parser.add_argument("--large", action="store_true", help="scaling: the issue's 1000,10000,100000")
    parser.add_argument("--full", action="store_true",
                        help="the issue's sizes whatever the time: airflow 10000, scaling 1000,10000 (with --large 100000)")
    parser.add_argument("--budget", type=float, default=d.budget_s,
                        help=f"seconds the planned sizes must fit in (default {d.budget_s:.0f})")
    parser.add_argument("--repeat", type=int, default=d.repeat, help=f"timed runs per figure, median kept (default {d.repeat})")
    parser.add_argument("--airflow-repeat", type=int, default=d.airflow_repeat,
                        help=f"airflow: runs of each side (default {d.airflow_repeat})")
    parser.add_argument("--batch", type=int, default=d.batch, help=f"articles per load transaction (default {d.batch})")
    parser.add_argument("--html-share", type=float, default=DEFAULT_HTML_SHARE,
                        help=f"share of HTML pages in the generated corpus (default {DEFAULT_HTML_SHARE})")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--corpus", type=Path, help="a JSON Lines file of records instead of the generated corpus")
    parser.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections to run (others stay null)")
    parser.add_argument("--profile", action="store_true", help="also profile one text pass; writes .data/bench/profile.txt")
    parser.add_argument("--out", type=Path, help="results file (default .data/bench/results.json)")


def run(args: argparse.Namespace) -> int:
    from pipeline.bench import run as bench
    from pipeline.bench.table import render

    only = tuple(s.strip() for s in args.only.split(",") if s.strip())
    unknown = set(only) - set(bench.SECTIONS)
    if unknown:
        print(f"unknown sections: {', '.join(sorted(unknown))} (choose from {', '.join(bench.SECTIONS)})")
        return 2
    scaling = args.scaling
    if args.large or args.full:
        scaling = sorted(set((scaling or bench.ISSUE_SCALING) + ([100_000] if args.large else [])))
    airflow_articles = args.airflow_articles or (bench.ISSUE_AIRFLOW if args.full else None)
    opts = bench.Options(
        articles=args.articles, pages=args.pages, rows=args.rows, airflow_articles=airflow_articles,
        memory_articles=args.memory_articles, scaling=scaling, budget_s=args.budget, repeat=args.repeat,
        airflow_repeat=args.airflow_repeat,
        batch=args.batch, seed=args.seed, html_share=args.html_share, corpus=args.corpus, only=only,
        profile=args.profile, out=args.out,
    )
    out = args.out or bench.bench_dir() / "results.json"
    results, notes = bench.run(opts)
    bench.write(results, notes, out)
    print(render(bench.clean(results), bench.clean(notes)))
    print(f"\nwrote {out} (notes: {out.with_name('run.json')})")
    if opts.profile:
        from pipeline.bench.corpus import Corpus
        from pipeline.bench.profile import text_profile

        report = text_profile(Corpus(seed=opts.seed, html_share=opts.html_share, path=opts.corpus), opts.articles)
        out.with_name("profile.txt").write_text(report + "\n", encoding="utf-8")
        print("\n" + report)
    return 1 if notes["errors"] else 0
