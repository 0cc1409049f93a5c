"""Properties of segment() on arbitrary text: valid ordered offsets, full coverage, nothing empty, never raising."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.records import Block
from pipeline.segment import segment
from pipeline.segment_eval import compose

# Text built from the characters that drive the segmenter, Arabic letters and a few words.
PIECES = st.sampled_from([
    "قال", "الرئيس", "بوتين", " ", " ", " ", "\n", "\n\n", ".", "..", "...", "…", "؟", "!", "?", "،", ":", "؛",
    "“", "”", "«", "»", '"', "„", "د.", "جيه", " . ", "ام.ايه", "3.5", "737-800", "10.8.2015", "U.S.", "Mr.",
    "http://x.com/a.b", "ـ", "\u00a0", "و", "أن", "(", ")", "هـ", "م",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join)


def check(body: str, blocks: list[Block]) -> None:
    statements = segment(body, blocks)
    covered = [False] * len(body)
    previous_end = 0
    for n, s in enumerate(statements):
        assert s.seq == n
        assert 0 <= previous_end <= s.start < s.end <= len(body)
        assert s.text == body[s.start:s.end] and s.text.strip() == s.text and s.text
        assert s.kind in ("sentence", "heading")
        previous_end = s.end
        for i in range(s.start, s.end):
            covered[i] = True
    assert all(covered[i] or body[i].isspace() for i in range(len(body)))


@settings(max_examples=400, deadline=None)
@given(st.lists(TEXT, max_size=6), st.lists(st.booleans(), max_size=6))
def test_paragraph_bodies(paragraphs: list[str], headings: list[bool]) -> None:
    items = [("heading", p) if i < len(headings) and headings[i] else p for i, p in enumerate(paragraphs)]
    body, blocks = compose(items)
    check(body, blocks)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(-5, 80), st.integers(-5, 80)), max_size=4))
def test_arbitrary_blocks(body: str, cuts: list[tuple[int, int]]) -> None:
    """Blocks that overlap, fall outside the body or leave gaps never lose text or raise."""
    check(body, [Block(start=a, end=b) for a, b in cuts])
