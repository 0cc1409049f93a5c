"""Overlong sentences: no statement exceeds the cap; splits fall at `؛`, then `،,:`, then spaces, never inside a
quotation that fits the cap, and a token longer than the cap is cut hard."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import Block
from pipeline.segment import MAX_STATEMENT_CHARS, segment
from pipeline.segment_eval import compose
from tests.unit.test_segment_properties import TEXT, check


def split(body: str, cap: int) -> list[str]:
    return [s.text for s in segment(body, [], max_chars=cap)]


# (body, cap, expected statements): small caps keep the tables readable; the rule is the same at 2,000.
CASES = [
    # The last `؛` before the cap wins over later commas and spaces.
    ("أولا كذا؛ ثانيا كذا، ثالثا كذا", 24, ["أولا كذا؛ ثانيا كذا،", "ثالثا كذا"]),
    ("أولا كذا وكذا؛ ثانيا، ثالثا كذا", 20, ["أولا كذا وكذا؛", "ثانيا، ثالثا كذا"]),
    # No `؛`: the last Arabic or Latin comma, or colon.
    ("قال الوزير، وأضاف المسؤول، ثم تابع", 22, ["قال الوزير،", "وأضاف المسؤول، ثم تابع"]),
    ("one two, three four, five six", 14, ["one two,", "three four,", "five six"]),
    ("البيان التالي: نص طويل هنا", 16, ["البيان التالي:", "نص طويل هنا"]),
    # No punctuation: the last space before the cap.
    ("كلمة كلمة كلمة كلمة كلمة", 10, ["كلمة كلمة", "كلمة كلمة", "كلمة"]),
    ("aaaa bbbb", 9, ["aaaa bbbb"]),  # exactly at the cap: whole
    ("aaaa bbbbb", 9, ["aaaa", "bbbbb"]),
    # A comma too early (first half of the window) loses to a later space, even one just past the cap.
    ("أ، بببب جججج دددد", 12, ["أ، بببب جججج", "دددد"]),
    ("أ، بببب جججج دددد", 11, ["أ، بببب", "جججج دددد"]),
    # One token longer than the cap: cut hard, at the cap.
    ("x" * 25, 10, ["x" * 10, "x" * 10, "x" * 5]),
    ("قال " + "ب" * 12, 10, ["قال", "ب" * 10, "بب"]),
    # A quotation that fits the cap moves the split before it; an overlong one may be split inside.
    ("قال الوزير «لا تغيير في الموقف» اليوم", 28, ["قال الوزير", "«لا تغيير في الموقف» اليوم"]),
    ("قال «أ ب ج د هـ و ز ح ط ي» م", 10, ["قال «أ ب ج", "د هـ و ز ح", "ط ي» م"]),
    ("ابتدأ«لا تغيير» بعد", 10, ["ابتدأ", "«لا تغيير»", "بعد"]),  # hard cut stops before a fitting quote
    # Spaces at a split are dropped between statements, never counted against the cap.
    ("أ   ب   ج", 2, ["أ", "ب", "ج"]),
]


@pytest.mark.parametrize(("body", "cap", "expected"), CASES)
def test_overlong_sentences_split(body: str, cap: int, expected: list[str]) -> None:
    assert split(body, cap) == expected
    check(body, [])


def test_sentences_within_the_cap_are_untouched() -> None:
    body = "قال الوزير إن المحادثات كانت مثمرة. وأضاف أن اللجنة ستجتمع، في الشهر المقبل؛ لمتابعة التنفيذ."
    assert split(body, MAX_STATEMENT_CHARS) == split(body, len(body)) == [
        "قال الوزير إن المحادثات كانت مثمرة.", "وأضاف أن اللجنة ستجتمع، في الشهر المقبل؛ لمتابعة التنفيذ."]


def test_a_30000_character_paragraph_without_punctuation() -> None:
    words = ["المحادثات", "مع", "الجانب", "الأردني", "كانت", "مثمرة", "وبناءة"]
    body = "عنوان\n\n" + " ".join(words[i % len(words)] for i in range(6_000))[:30_000].rstrip()
    statements = segment(body, [Block(0, 5, "heading"), Block(7, len(body))])
    assert statements[0].text == "عنوان" and len(statements) == 1 + 15  # 30,000 characters in 15 pieces
    assert all(len(s.text) <= MAX_STATEMENT_CHARS for s in statements)
    assert all(len(s.text) > MAX_STATEMENT_CHARS - 12 for s in statements[1:-1])  # full pieces, cut at a space
    assert "".join(s.text + " " for s in statements[1:]).rstrip() == body[7:]  # only single spaces fall between


def test_a_20000_character_token_and_an_overlong_heading() -> None:
    token = "ب" * 20_500
    body = "عنوان " * 500 + "\n\nقال الوزير " + token + " انتهى."
    statements = segment(body, [Block(0, len("عنوان " * 500) - 1, "heading")])
    lengths = [(s.kind, len(s.text)) for s in statements]
    assert lengths[:2] == [("heading", 1997), ("heading", 1001)]
    assert [n for _, n in lengths[2:]] == [10] + [2_000] * 10 + [500 + 7]
    assert max(n for _, n in lengths) <= MAX_STATEMENT_CHARS
    check(body, [Block(0, len("عنوان " * 500) - 1, "heading")])


CAPS = st.integers(min_value=1, max_value=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, max_size=5), st.lists(st.booleans(), max_size=5), CAPS)
def test_capped_statements_keep_every_invariant(paragraphs: list[str], headings: list[bool], cap: int) -> None:
    """Offsets valid and ordered, text is its slice trimmed, gaps are blank, nothing over the cap; and a cap above
    every statement changes nothing."""
    items = [("heading", p) if i < len(headings) and headings[i] else p for i, p in enumerate(paragraphs)]
    body, blocks = compose(items)
    capped = segment(body, blocks, max_chars=cap)
    check(body, blocks)  # the default cap
    covered = [False] * len(body)
    end = 0
    for n, s in enumerate(capped):
        assert s.seq == n and end <= s.start < s.end and s.text == body[s.start:s.end] == s.text.strip()
        assert len(s.text) <= cap
        covered[s.start:s.end] = [True] * (s.end - s.start)
        end = s.end
    assert all(covered[i] or body[i].isspace() for i in range(len(body)))
    free = segment(body, blocks, max_chars=len(body) + 1)
    longest = max((len(s.text) for s in free), default=0)
    assert [(s.start, s.end, s.kind) for s in segment(body, blocks, max_chars=max(longest, 1))] == [
        (s.start, s.end, s.kind) for s in free]


WORDS = st.sampled_from(["قال", "الوزير", "إن", "كذا", "،", "؛", ":", "و", "abc", "ب" * 9])


@st.composite
def quoted_paragraph(draw) -> tuple[str, list[tuple[int, int]]]:
    """Words and «…» quotations (guillemets only, so where each quotation lies is known) on one line."""
    parts: list[str] = []
    quotes: list[tuple[int, int]] = []
    pos = 0
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.booleans()):
            inner = " ".join(draw(st.lists(WORDS, min_size=1, max_size=6)))
            piece = "«" + inner + "»"
            quotes.append((pos, pos + len(piece)))
        else:
            piece = " ".join(draw(st.lists(WORDS, min_size=1, max_size=6)))
        parts.append(piece)
        pos += len(piece) + 1
    return " ".join(parts), quotes


@settings(max_examples=400, deadline=None)
@given(quoted_paragraph(), st.integers(min_value=4, max_value=60))
def test_no_split_inside_a_quotation_that_fits_the_cap(paragraph, cap: int) -> None:
    body, quotes = paragraph
    statements = segment(body, [], max_chars=cap)
    assert all(len(s.text) <= cap for s in statements)
    for before, after in zip(statements, statements[1:]):
        for a, b in quotes:
            if b - a <= cap:
                assert not a < before.end < b and not a < after.start < b, (body, cap, before.text, after.text)
