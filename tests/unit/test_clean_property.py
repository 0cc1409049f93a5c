"""Property: every word of the input ends up in exactly one of title, dateline, body or removed."""
from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean
from pipeline.extract import extract
from pipeline.records import Extracted, RawItem

# Words compare after NFC, tatweel removal and a whitespace split; the zero-width and bidi controls that storage
# normalisation removes are dropped too, since they sit inside words and carry no letters.
_DROP = dict.fromkeys([0x0640, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0xFEFF, 0x061C])


def words(text: str) -> Counter[str]:
    # NFC again after the drop: removing a tatweel between two marks lets NFC put them in canonical order.
    return Counter(unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).translate(_DROP)).split())


def accounted(article) -> Counter[str]:
    found = words(article.title) + words(article.body)
    if article.dateline:
        found += words(article.dateline.text)
    for piece in article.removed:
        found += words(piece.text)
    return found


ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
arabic_word = st.text(alphabet=ARABIC + "\u0640\u200f\u064b\u0651", min_size=1, max_size=9).filter(
    lambda w: w.translate(_DROP).strip())
latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
punctuated = st.tuples(arabic_word, st.sampled_from([".", "،", ":", "؟", "!", "..", "”.", "»"])).map("".join)
# Pieces the rules act on, inserted whole so that each rule gets exercised.
PHRASES = [
    "// انتهى //", "//انتهى//", "// يتبع //", "16:29 ت م", "[email protected] /* */", "رابط الخبر بصحيفة الوئام:",
    "سمات", "تابعونا على تلغرام", "تابعوا آخر الأخبار عبر تطبيق تيلغرام", "تابعونا عبر تطبيق واتس أب :",
    "https://t.me/agency", "http://vk.com/agency", "عبر إرسال كلمة اشتراك على الرقم / 0940777186/",
    "موسكو – سانا", "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "- سبق -", "عين اليوم – متابعات",
    "فهد العتيبي- سبق- الطائف:", "Next Previous", "someone@example.com", "شارك من خلال تويتر فيسبوك",
    "تعليقات ()", "بيسكوف: موسكو ودمشق", "عام /",
]
token = st.one_of(arabic_word, arabic_word, arabic_word, punctuated, latin_word, st.sampled_from(PHRASES))
space = st.sampled_from([" ", " ", " ", "\u00a0", "  ", " \u00a0 "])
line = st.lists(st.tuples(token, space), min_size=1, max_size=14).map(lambda ts: "".join(t + s for t, s in ts))
text = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n \n", "\r\n"])), min_size=1, max_size=12).map(
    lambda ls: "".join(a + b for a, b in ls))
source = st.sampled_from(["inbox", "sana", "spa", "sabq", "3alyoum", "alweeam", "okaz", "almadina", "aljazirah"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=line, body=text, source=source)
def test_every_word_ends_up_in_exactly_one_place(title, body, source):
    article = clean(Extracted(title=title, text=body), source)
    assert accounted(article) == words(title) + words(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text, source=source)
def test_plain_text_bytes_through_extract(body, source):
    from pipeline.decode import MIN_LETTER_SHARE, letter_share

    assume(letter_share("عنوان الخبر الرئيسي " + body) >= MIN_LETTER_SHARE)
    assume(body.strip())
    data = ("عنوان الخبر الرئيسي\n" + body).encode("utf-8")
    doc = extract(RawItem(source=source, body=data, external_id="x", path=f"{source}/x.txt"))
    article = clean(doc, source)
    assert accounted(article) == words("عنوان الخبر الرئيسي") + words(body)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paras=st.lists(line, min_size=1, max_size=8), source=source)
@example(paras=["\u0651\u0640\u064b "], source="inbox")  # shadda, tatweel, fathatan: marks reorder once tatweel goes
def test_html_extracted_text_is_accounted_for(paras, source):
    import html as htmllib

    from pipeline.decode import MIN_LETTER_SHARE, letter_share

    assume(letter_share("عنوان " + " ".join(paras)) >= MIN_LETTER_SHARE)  # else rightly refused as no article
    page = "<html lang='ar'><head><title>عنوان</title></head><body><article><h1>عنوان</h1>" + "".join(
        f"<p>{htmllib.escape(p)}</p>" for p in paras) + "</article></body></html>"
    doc = extract(RawItem(source=source, body=page.encode("utf-8"), external_id="x", path=f"{source}/x.html"))
    article = clean(doc, source)
    assert accounted(article) - Counter({w: n for r in doc.removed for w, n in words(r.text).items()}) == (
        words(doc.title) + words(doc.text))


@settings(max_examples=200, deadline=None)
@given(body=text, source=source)
def test_blocks_cover_the_body_exactly(body, source):
    article = clean(Extracted(title="t", text=body), source)
    assert "\n\n".join(article.body[b.start:b.end] for b in article.blocks) == article.body
    assert all(article.body[b.start:b.end].strip() == article.body[b.start:b.end] != "" for b in article.blocks)
