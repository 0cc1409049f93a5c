"""`python -m pipeline eval-clean FILE.jsonl` on a small corpus written for the tests."""
from __future__ import annotations

from pathlib import Path

from pipeline.cli import main

CORPUS = Path(__file__).resolve().parent.parent / "data" / "clean" / "mini_corpus.jsonl"


def test_eval_clean_reports_rules_words_residuals_and_candidates(capsys):
    assert main(["eval-clean", str(CORPUS), "--show-removed", "3"]) == 0
    out = capsys.readouterr().out
    assert "articles cleaned: 4; rejected: 1 {'extract:empty_body': 1}" in out
    for rule in ("marker:end", "marker:time", "spa:category", "spa:marker-time", "tail:story-link", "tail:tags",
                 "3alyoum:slider"):
        assert f"  {rule} " in out
    assert "words outside removed pieces kept: 100.00%" in out
    # The WhatsApp mention is article content: kept, and reported by the independent residual list.
    assert "  total: 1\n" in out and "خدمة الواتساب" in out
    assert "learned candidates" in out and "removed pieces drawn at random" in out
