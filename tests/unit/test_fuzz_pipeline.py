"""Fuzzing clean, segment, attribute and the whole chain: never raise, offsets valid, every input word accounted for.

`make test` runs a small derandomized profile (NEWS_FUZZ_EXAMPLES unset: 40 examples per target); `make fuzz` sets
NEWS_FUZZ_EXAMPLES=10000 for a random campaign and prints hypothesis statistics per target.
"""
from __future__ import annotations

import os
import unicodedata
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.attribute import attribute
from pipeline.clean import _INVISIBLE, clean
from pipeline.process import process
from pipeline.records import Extracted, RawItem, Rejected
from pipeline.segment import segment

EXAMPLES = int(os.environ.get("NEWS_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="NEWS_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=list(HealthCheck), database=None)

# Words compare after NFC, with the invisible characters that storage normalisation drops (tatweel, soft hyphen,
# zero-width and bidi controls) taken out: they sit inside words and carry no letters.
_DROP = dict.fromkeys(map(ord, _INVISIBLE))


def words(text: str) -> Counter[str]:
    # NFC on both sides of the removal: dropping a tatweel between two marks lets NFC reorder them.
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_DROP))
    return Counter(w for w in folded.split() if w)


# Text shaped like wire copy, with the pieces that drive each stage (cue verbs, quotes, names, datelines, chrome)
# mixed with arbitrary Unicode so that nothing is assumed about the input.
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
PIECES = [
    "قال", "وقال", "أكد", "وأضاف", "وأوضح", "مشيرا إلى أن", "إن", "أن", "الرئيس", "وزير الخارجية", "سيرغي لافروف",
    "الناطق باسم الحكومة", "المتحدث", "للصحفيين", "في تصريح", "وفقا لـ", "نقلا عن", "حسب", "مصادر", "بوتين",
    "«", "»", "“", "”", '"', ":", "،", ".", "..", "...", "؟", "!", "؛", "(", ")", "-", "–", "موسكو – سانا",
    "// انتهى //", "تابعونا على تلغرام", "https://t.me/x", "10.8.2015", "737-800", "د.", "م", "هـ", "\u200f",
    "\u202b", "\u202c", "ـ", "\u064b", "\u0651", "Reuters", "said", "U.S.", "Mr.",
]
arabic_word = st.text(alphabet=ARABIC, min_size=1, max_size=10)
token = st.one_of(arabic_word, arabic_word, st.sampled_from(PIECES), st.sampled_from(PIECES),
                  st.text(min_size=1, max_size=6))
space = st.sampled_from([" ", " ", " ", "\u00a0", "  ", "\t"])
line = st.lists(st.tuples(token, space), min_size=1, max_size=25).map(lambda ts: "".join(t + s for t, s in ts))
text = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\r"])), min_size=1,
                max_size=12).map(lambda ls: "".join(a + b for a, b in ls))
source = st.sampled_from(["inbox", "sana", "spa", "sabq", "reuters_ar", "aljazirah"])


def accounted(article) -> Counter[str]:
    found = words(article.title) + words(article.body)
    if article.dateline:
        found += words(article.dateline.text)
    for piece in article.removed:
        found += words(piece.text)
    return found


def check_statements(body: str, statements) -> None:
    """Valid ordered offsets, text equal to its span, and every non-space character of the body covered."""
    covered = [False] * len(body)
    previous_end = 0
    for n, s in enumerate(statements):
        assert s.seq == n
        assert 0 <= previous_end <= s.start < s.end <= len(body)
        assert s.text == body[s.start:s.end] and s.text.strip() == s.text
        previous_end = s.end
        for i in range(s.start, s.end):
            covered[i] = True
    assert all(covered[i] or body[i].isspace() for i in range(len(body)))


@FUZZ
@given(title=line, body=text, source=source)
def test_fuzz_clean_accounts_for_every_word(title, body, source):
    article = clean(Extracted(title=title, text=body), source)
    assert accounted(article) == words(title) + words(body)
    assert "\n\n".join(article.body[b.start:b.end] for b in article.blocks) == article.body


@FUZZ
@given(body=text, source=source)
def test_fuzz_segment_offsets_cover_the_cleaned_body(body, source):
    article = clean(Extracted(title="عنوان", text=body), source)
    check_statements(article.body, segment(article.body, article.blocks))


@FUZZ
@given(raw=st.text(max_size=400))
def test_fuzz_segment_on_arbitrary_unicode(raw):
    from pipeline.records import Block

    check_statements(raw, segment(raw, [Block(0, len(raw))] if raw else []))


@FUZZ
@given(title=line, body=text, source=source)
def test_fuzz_attribute_keeps_every_statement_and_names_speakers_from_the_text(title, body, source):
    article = clean(Extracted(title=title, text=body), source)
    statements = segment(article.body, article.blocks)
    spans = [(s.start, s.end, s.text) for s in statements]
    attributed = attribute(article, statements)
    assert [(s.start, s.end, s.text) for s in attributed] == spans  # nothing dropped, moved or rewritten
    check_statements(article.body, attributed)
    for s in attributed:
        assert s.mode in (None, "direct", "indirect")
        if s.speaker:
            assert s.speaker.strip() and "\n" not in s.speaker
        if s.cue:
            assert s.speaker or s.via or s.role or s.cue  # a cue never stands for nothing


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), text.map(lambda t: t.encode("utf-8")),
                      text.map(lambda t: t.encode("utf-16-le")),
                      text.map(lambda t: t.encode("cp1256", errors="ignore"))),
       name=st.sampled_from(["x.txt", "x.html", "x.json", "x.jsonl"]))
def test_fuzz_process_raises_only_rejected(data, name):
    """Any bytes through extract → clean → segment → attribute: an article, or a Rejected with a reason."""
    raw = RawItem(source="inbox", body=data, external_id=name, path=name, record=1 if name.endswith("l") else None)
    try:
        article = process(raw)
    except Rejected as rejected:
        assert rejected.stage and rejected.reason and rejected.reason != "error"
        return
    assert article.body.strip()
    assert "\x00" not in article.body + article.title
    article.body.encode("utf-8")  # no lone surrogates: PostgreSQL must be able to store it
    article.title.encode("utf-8")
    check_statements(article.body, article.statements)
