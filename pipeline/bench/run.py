"""Run the sections, write `.data/bench/results.json` (exactly the issue's shape) and print the table."""
from __future__ import annotations

import json
import math
import os
import platform
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.bench.corpus import DEFAULT_HTML_SHARE, DEFAULT_SEED, Corpus
from pipeline.bench.timing import progress

SECTIONS = ("text", "html", "load", "airflow", "memory", "scaling")
FIELDS = {
    "text": ("articles", "articles_per_s", "statements_per_s", "statements_per_article", "pysbd_statements_per_s",
             "vs_pysbd"),
    "html": ("pages", "pages_per_s", "trafilatura_pages_per_s", "vs_trafilatura"),
    "load": ("rows", "rows_per_s", "ceiling_rows_per_s", "vs_ceiling", "with_fts_vs_ceiling"),
    "airflow": ("articles", "library_s", "airflow_s", "airflow_empty_s", "overhead"),
    "memory": ("rss_mb_small", "rss_mb_large", "growth"),
    "scaling": ("sizes", "seconds"),
}
BENCH_DB = "news_bench"


ISSUE_SCALING = [1000, 10_000]   # the issue's sizes (100k behind --large)
ISSUE_AIRFLOW = 10_000           # the overhead target is stated at 10k articles
BUDGET_S = 540.0                 # the default run stays under 10 minutes here


@dataclass
class Options:
    """Sizes left as None are planned to fit `budget_s` from the speeds measured earlier in the same run."""

    articles: int = 500                      # text section
    pages: int = 40                          # html section
    rows: int = 20_000                       # load section: statements
    airflow_articles: int | None = None      # airflow section (target stated at 10k)
    memory_articles: int | None = None       # memory: N and 10N (default: the smallest scaling size)
    scaling: list[int] | None = None         # scaling sizes (issue: 1k, 10k; 100k with --large)
    budget_s: float = BUDGET_S
    repeat: int = 3
    airflow_repeat: int = 1
    batch: int = 500
    seed: int = DEFAULT_SEED
    html_share: float = DEFAULT_HTML_SHARE
    corpus: Path | None = None
    only: tuple[str, ...] = SECTIONS
    profile: bool = False
    out: Path | None = None
    database: str = BENCH_DB                 # dropped and created afresh on every run
    airflow_db: str = "airflow_bench"        # Airflow metadata database of the airflow section (kept: migrating is slow)
    airflow_home: Path | None = None         # default .data/bench/airflow
    airflow_warm_up: bool = True             # an untimed first Airflow run (off only in the tiny test run)


def bench_dir() -> Path:
    from pipeline import settings

    return settings.data_dir() / "bench"


def bench_database(name: str = BENCH_DB) -> str:
    """A fresh, migrated bench database on the project's server; exported as NEWS_DATABASE_URL."""
    from pipeline import db

    url = db.fresh_database(name)
    os.environ["NEWS_DATABASE_URL"] = url
    db.setup()
    return url


def empty_results() -> dict:
    return {name: {f: None for f in FIELDS[name]} for name in SECTIONS}


def run(opts: Options) -> tuple[dict, dict]:
    """Every selected section; returns (results in the issue's shape, notes on how each was measured)."""
    from pipeline.bench import html, load, scaling, text

    corpus = Corpus(seed=opts.seed, html_share=opts.html_share, path=opts.corpus)
    results = empty_results()
    notes: dict = {"corpus": corpus.describe(), "options": {k: str(v) if isinstance(v, Path) else v
                                                            for k, v in asdict(opts).items()},
                   "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                               "platform": platform.platform()},
                   "sections": {}, "errors": {}}
    started = time.perf_counter()
    kept: list = []
    url = None
    children = scaling.Children(corpus, opts.batch)

    def section(name: str, fn) -> None:
        if name not in opts.only:
            return
        t0 = time.perf_counter()
        progress(f"{name} …")
        try:
            values, how = fn()
        except Exception as exc:  # one broken section must not hide the others' figures
            notes["errors"][name] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
            return
        results[name] = {f: values[f] for f in FIELDS[name]}
        notes["sections"][name] = {**how, "wall_s": time.perf_counter() - t0}

    def database() -> str:
        nonlocal url
        url = url or bench_database(opts.database)
        return url

    section("text", lambda: text.run(corpus, opts.articles, opts.repeat, kept))
    section("html", lambda: html.run(corpus, opts.pages, opts.repeat))
    section("load", lambda: load.run(database(), corpus, opts.rows, opts.repeat, kept, opts.batch))
    kept.clear()
    planner = Planner(opts, results, started)
    if "airflow" in opts.only:
        from pipeline.bench import airflow

        n = planner.airflow_articles(share=0.4 if {"scaling", "memory"} & set(opts.only) else 1.0)
        section("airflow", lambda: airflow.run(database(), corpus, n, opts.airflow_repeat, opts.batch,
                                               opts.airflow_db, opts.airflow_home, opts.airflow_warm_up))
    if {"scaling", "memory"} & set(opts.only):
        sizes = planner.scaling_sizes()
        section("scaling", lambda: scaling.scaling(children, sizes))
        section("memory", lambda: scaling.memory(children, opts.memory_articles or sizes[0]))
    notes["planned"] = planner.planned
    notes["wall_s"] = time.perf_counter() - started
    return results, notes


def _nice(n: float, floor: int) -> int:
    """The largest 1, 2 or 5 times a power of ten not above n (at least `floor`)."""
    if n <= floor:
        return floor
    power = 10 ** int(math.log10(n))
    return max(floor, max(m * power for m in (1, 2, 5, 10) if m * power <= n))


class Planner:
    """Sizes the airflow and scaling sections to the time left, from this run's own text and HTML speeds.

    Explicit sizes are used as given; planned ones keep the issue's sizes when they fit and otherwise shrink by
    the same factor (scaling keeps its 10x step), and the table says so.
    """

    GENERATE_S = 0.001       # generating a text item
    GENERATE_HTML_S = 0.004  # generating a 30-150 kB page
    CHILD_S = 6.0            # a fresh process: imports and harvesting the fixtures
    AIRFLOW_FIXED_S = 35.0   # importing Airflow (7 s), parsing the DAGs, the first (13 s) and the empty (2 s) runs
    LOAD_ROWS_PER_S = 10_000.0  # statements loaded per second when the load section did not run

    def __init__(self, opts: Options, results: dict, started: float) -> None:
        self.opts, self.results, self.started = opts, results, started
        self.planned: dict[str, str] = {}

    def per_item_s(self) -> float:
        """Seconds per item of the mixed corpus through the processing path, as measured so far."""
        text = self.results["text"]["articles_per_s"] or 30.0
        html = self.results["html"]["pages_per_s"] or 6.0
        share = self.opts.html_share if not self.opts.corpus else 0.5
        return ((1 - share) * (1 / text + self.GENERATE_S) + share * (1 / html + self.GENERATE_HTML_S))

    def load_per_item_s(self) -> float:
        """Seconds per item of loading its statements, from the load section's speed when it ran."""
        statements = self.results["text"]["statements_per_article"] or 16.0
        rows_per_s = self.results["load"]["rows_per_s"] or self.LOAD_ROWS_PER_S
        return statements / rows_per_s

    def left_s(self) -> float:
        return self.opts.budget_s - (time.perf_counter() - self.started)

    def airflow_articles(self, share: float) -> int:
        if self.opts.airflow_articles:
            return self.opts.airflow_articles
        from pipeline import settings

        home = self.opts.airflow_home or settings.data_dir() / "bench" / "airflow"
        fixed = self.AIRFLOW_FIXED_S + (0 if (home / "airflow_db_migrated").exists() else 60)
        # Both sides process and load every item; each stores them first (untimed, about 4 ms an item).
        per_item = 2 * (self.per_item_s() + self.load_per_item_s() + 0.004) * self.opts.airflow_repeat
        n = _nice((self.left_s() * share - fixed) / per_item, 100)
        n = min(n, ISSUE_AIRFLOW)
        if n < ISSUE_AIRFLOW:
            self.planned["airflow"] = f"{n} articles to fit the {self.opts.budget_s:.0f} s budget (target is at 10k)"
        return n

    def scaling_sizes(self) -> list[int]:
        if self.opts.scaling:
            return self.opts.scaling
        per_item = self.per_item_s()
        fits = (self.left_s() - 2 * self.CHILD_S - 10) / (sum(ISSUE_SCALING) * per_item)
        if fits >= 1:
            return list(ISSUE_SCALING)
        n = _nice(ISSUE_SCALING[0] * fits, 100)
        self.planned["scaling"] = (f"{n} and {10 * n} articles to fit the {self.opts.budget_s:.0f} s budget "
                                   f"(issue: 1k and 10k; --scaling 1000,10000)")
        return [n, 10 * n]


def clean(value):
    """JSON-safe numbers: NaN and infinities become null, floats are rounded for reading."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 4)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    return value


def write(results: dict, notes: dict, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(clean(results), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    out.with_name("run.json").write_text(json.dumps(clean(notes), ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
