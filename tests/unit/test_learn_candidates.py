"""Corpus-learned candidates: >= 5 articles and >= 10 % of one source's articles within 30 days."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from pipeline.boilerplate import learned_rule_id, line_key
from pipeline.learn import ArticleLines, article_lines, find_candidates

T0 = datetime(2015, 8, 1, tzinfo=timezone.utc)
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FOOTER = "حمّلوا تطبيق الصحيفة من المتجر 2015"


def corpus(with_footer: int, total: int, spread_days: float = 1.0, source: str = "s") -> list[ArticleLines]:
    out = []
    for i in range(total):
        lines = [(f"سطر فريد {LETTERS[i % 28]}{LETTERS[i // 28]} في المقال", None)]  # unique even digits folded
        if i < with_footer:
            lines.append((FOOTER.replace("2015", str(2000 + i)), None))
        out.append(ArticleLines(source=source, when=T0 + timedelta(days=i * spread_days), lines=lines))
    return out


@pytest.mark.parametrize(("with_footer", "total", "found"), [
    (5, 50, True),    # 5 articles, 10 %
    (4, 10, False),   # too few articles
    (5, 51, False),   # under 10 %
    (20, 100, True),
])
def test_thresholds(with_footer, total, found):
    cands = find_candidates(corpus(with_footer, total, spread_days=0.1))
    assert bool(cands) is found
    if found:
        assert cands[0].key == line_key(FOOTER) and cands[0].articles == with_footer
        assert cands[0].rule_id == learned_rule_id(line_key(FOOTER))


def test_window_of_30_days():
    spread = find_candidates(corpus(5, 5, spread_days=10))   # 40 days between first and fifth
    assert spread == []
    assert find_candidates(corpus(5, 5, spread_days=7))      # 28 days


def test_digits_folded_variants_count_together_and_examples_kept():
    cand = find_candidates(corpus(6, 6))[0]
    assert cand.articles == 6 and len(cand.examples) == 3


def test_sources_counted_apart():
    assert find_candidates(corpus(3, 6, source="a") + corpus(3, 6, source="b")) == []


def test_lines_already_removed_by_a_fixed_rule_are_marked_covered():
    arts = [article_lines("s", T0, "نص المقال " + LETTERS[i], [("// انتهى //", "marker:end")]) for i in range(6)]
    cand = find_candidates(arts)[0]
    assert cand.covered_by == frozenset({"marker:end"})
    arts.append(article_lines("s", T0, "// انتهى //", []))
    assert not [c for c in find_candidates(arts) if c.covered]
