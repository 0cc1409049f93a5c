"""64-bit simhash: near-duplicate stories are within the distance, different stories are not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.simhash import MAX_DISTANCE, distance, features, simhash, simhash_exact, to_signed

PAIRS = json.loads((Path(__file__).resolve().parents[1] / "data" / "load" / "near_duplicates.json").read_text("utf-8"))


def test_true_near_duplicate_is_within_distance():
    a, b = PAIRS["near_duplicate"]
    assert a != b
    assert distance(simhash(a), simhash(b)) <= MAX_DISTANCE


@pytest.mark.parametrize("case", ["shared_footer_only", "same_topic"])
def test_different_stories_are_far_apart(case):
    a, b = PAIRS[case]
    assert distance(simhash(a), simhash(b)) > 3 * MAX_DISTANCE


@pytest.mark.parametrize("text", [PAIRS["near_duplicate"][0], PAIRS["same_topic"][1], "كلمة", "", "a b a b a b"])
def test_fast_simhash_equals_the_bit_by_bit_reference(text):
    assert simhash(text) == simhash_exact(features(text))


def test_spelling_variants_and_punctuation_do_not_change_the_hash():
    assert simhash("قال الرئيس الروسى فى بيان") == simhash("قال الرئيس الروسي في بيان.")


def test_signed_form_fits_bigint_and_keeps_distance():
    a, b = PAIRS["same_topic"]
    sa, sb = to_signed(simhash(a)), to_signed(simhash(b))
    assert all(-(1 << 63) <= v < (1 << 63) for v in (sa, sb))
    assert distance(sa, sb) == distance(simhash(a), simhash(b))
