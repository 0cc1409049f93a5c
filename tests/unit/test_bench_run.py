"""A tiny `bench` run writes results.json with every section and field (no timing is asserted)."""
from __future__ import annotations

import json

from pipeline.bench.run import FIELDS, SECTIONS, Options, run, write


def test_tiny_run_writes_every_section_and_field(news_url, tmp_path, monkeypatch):
    from pipeline import settings

    for name in ("NEWS_DATABASE_URL", "NEWS_AIRFLOW_DB", "NEWS_AIRFLOW_HOME", "NEWS_INBOX_DIR"):
        monkeypatch.setenv(name, "")  # restored after the test: the run points them at its own databases
    opts = Options(articles=4, pages=2, rows=60, airflow_articles=4, scaling=[6, 60], repeat=1, html_share=0.1,
                   database="news_bench_test", airflow_db="airflow_test",
                   airflow_home=settings.data_dir() / "airflow-test", airflow_warm_up=False)
    results, notes = run(opts)
    assert notes["errors"] == {}
    out = tmp_path / "bench" / "results.json"
    write(results, notes, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert list(written) == list(SECTIONS)
    for section in SECTIONS:
        assert list(written[section]) == list(FIELDS[section])
        assert all(value is not None for value in written[section].values()), section
    assert written["scaling"]["sizes"] == [6, 60]
    assert len(written["scaling"]["seconds"]) == 2
    assert written["text"]["articles"] == 4 and written["airflow"]["articles"] == 4
    assert (out.parent / "run.json").exists()


def test_table_names_every_target():
    from pipeline.bench.run import empty_results
    from pipeline.bench.table import render

    table = render(empty_results(), {"corpus": "x", "options": {"repeat": 3}})
    for figure in ("vs_pysbd", "vs_trafilatura", "vs_ceiling", "with_fts_vs_ceiling", "overhead", "growth"):
        assert figure in table
