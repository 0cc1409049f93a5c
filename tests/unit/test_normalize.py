"""Normalisation keys: spelling variants match; stored text is never touched."""
from __future__ import annotations

import pytest

from pipeline.normalize import digits_folded, match_key, norm_hash

SAME = [
    ("روحاني", "روحانى"),
    ("إيران", "ايران"),
    ("أحمد", "احمد"),
    ("الرئاسة", "الرئاسه"),
    ("مـوسكو", "موسكو"),
    ("مُحَمَّد", "محمد"),
    ("  ديميتري   بيسكوف ", "ديميتري بيسكوف"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variants_share_a_match_key(a, b):
    assert match_key(a) == match_key(b)


def test_different_names_differ():
    assert match_key("بوتين") != match_key("روحاني")


def test_norm_hash_folds_digits_punctuation_and_space():
    assert norm_hash("قتل ٣ أشخاص.") == norm_hash("قتل 3 اشخاص")
    assert norm_hash("قتل 3 أشخاص") != norm_hash("قتل 4 أشخاص")


def test_digits_folded_merges_time_stamps():
    assert digits_folded("13:39 ت م") == digits_folded("09:05 ت م")
