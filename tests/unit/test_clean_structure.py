"""Golden tables for structure: normalisation, hard wraps, datelines, headings, duplicates, offsets."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pipeline.clean import DuplicateBlock, clean, normalize, paragraphs
from pipeline.dateline import hijri_to_gregorian
from pipeline.records import Extracted

P1 = "بحث الرئيس خلال اتصال هاتفي اليوم مع نظيره الاتفاق حول وقف الأعمال القتالية في المنطقة."
P2 = "وذكر المكتب الصحفي أن الطرفين ركزا على بحث المبادرات والاقتراحات التي تضمنها البيان المشترك."


def run(text: str, source: str = "inbox", **kw):
    return clean(Extracted(title="عنوان", text=text, **kw), source)


NORMALISATION = [
    ("كلمة\u00a0أخرى", "كلمة أخرى"),                 # non-breaking space
    ("كلمة\u2009\u202fأخرى", "كلمة أخرى"),           # thin and narrow spaces, collapsed
    ("الأعمـــال", "الأعمال"),                        # tatweel
    ("سو\u200bرية", "سورية"),                         # zero-width space
    ("\u202bظهور\u202c", "ظهور"),                     # bidi embedding
    ("7.\u200f0 في المائة", "7.0 في المائة"),         # right-to-left mark inside a number
    ("سطر أول\r\nسطر ثان\rسطر ثالث", "سطر أول\nسطر ثان\nسطر ثالث"),
    ("كلمة    أخرى\t\tثالثة", "كلمة أخرى ثالثة"),
    ("e\u0301", "\u00e9"),                            # NFC
    ("إِنَّ", "إِنَّ"),                                  # diacritics are letters' marks: kept
    ("روحانى وروحاني", "روحانى وروحاني"),             # spelling variants are never folded in storage
]


@pytest.mark.parametrize(("raw", "stored"), NORMALISATION)
def test_storage_normalisation(raw, stored):
    assert normalize(raw) == stored


def test_lone_non_breaking_space_between_sentences_is_a_paragraph_break():
    assert paragraphs(normalize(f"{P1} \u00a0 {P2}")) == [P1, P2]


WRAPS = [
    # (text, paragraphs): a line broken in mid-sentence inside a blank-line-separated paragraph is joined.
    ("قال بيسكوف.. “يجب التركيز على خطة أ الأساسية التي نسقتها موسكو وواشنطن ونرى أن\nأولويتنا تكمن في العمل”.\n\n" + P2,
     ["قال بيسكوف.. “يجب التركيز على خطة أ الأساسية التي نسقتها موسكو وواشنطن ونرى أن أولويتنا تكمن في العمل”.", P2]),
    ("مبادرة الرئيسين الروسي فلاديمير بوتين والأمريكي باراك\nاوباما التي ترمي إلى وقف سفك الدماء.\n\n" + P2,
     ["مبادرة الرئيسين الروسي فلاديمير بوتين والأمريكي باراك اوباما التي ترمي إلى وقف سفك الدماء.", P2]),
    ("يشار إلى أن الرئيس أعلن الاتفاق وإطلاق آلية فعالة لمراقبة\nالتزام جميع الأطراف بذلك.\n\n" + P2,
     ["يشار إلى أن الرئيس أعلن الاتفاق وإطلاق آلية فعالة لمراقبة التزام جميع الأطراف بذلك.", P2]),
    # A line ending a sentence stays a paragraph break even inside a block.
    (P1 + "\n" + P2 + "\n\n" + P1, [P1, P2, P1]),
    # Single-newline paragraphs (no blank lines, not machine-wrapped): every line is a paragraph.
    (P1[:-1] + "\n" + P2, [P1[:-1], P2]),
    # A short line before a paragraph is not a wrap (a heading).
    ("عنوان فرعي قصير\n" + P1 + "\n\n" + P2, ["عنوان فرعي قصير", P1, P2]),
    # Bullets start a new line.
    ("وتضمن البرنامج المحاور التالية وهي ثلاثة محاور رئيسية\n- المحور الأول\n\n" + P2,
     ["وتضمن البرنامج المحاور التالية وهي ثلاثة محاور رئيسية", "- المحور الأول", P2]),
    # A machine-wrapped text without blank lines (column 60).
    ("أعلنت الوزارة اليوم عن إطلاق برنامج جديد لدعم المشاريع\nالصغيرة والمتوسطة في جميع مناطق المملكة بالتعاون مع\n"
     "البنوك المحلية.\nوأوضح المتحدث أن البرنامج يبدأ الشهر المقبل.",
     ["أعلنت الوزارة اليوم عن إطلاق برنامج جديد لدعم المشاريع الصغيرة والمتوسطة في جميع مناطق المملكة بالتعاون مع "
      "البنوك المحلية.", "وأوضح المتحدث أن البرنامج يبدأ الشهر المقبل."]),
]


@pytest.mark.parametrize(("text", "expected"), WRAPS)
def test_hard_wraps(text, expected):
    assert paragraphs(normalize(text)) == expected


DATELINES = [
    # (source, first line, text, place, agency, date)
    ("sana", "موسكو – سانا", "موسكو – سانا", "موسكو", "سانا", None),
    ("inbox", "دمشق-سانا", "دمشق-سانا", "دمشق", "سانا", None),
    ("spa", "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "الرياض 25 شوال 1436 ه الموافق 10 أغسطس 2015 م واس",
     "الرياض", "واس", "2015-08-10"),
    ("spa", "بروكسل 25 شوال 1436ه الموافق 10 أغسطس 2015م واس", "بروكسل 25 شوال 1436ه الموافق 10 أغسطس 2015م واس",
     "بروكسل", "واس", "2015-08-10"),
    ("spa", "الدمام25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس", "الدمام25 شوال 1436 ه الموافق 10 اغسطس 2015 م واس",
     "الدمام", "واس", "2015-08-10"),
    ("spa", "المدينة المنورة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس",
     "المدينة المنورة 26 شوال 1436 ه الموافق 11 اغسطس 2015 م واس", "المدينة المنورة", "واس", "2015-08-11"),
    ("spa", "جدة 3 ذو القعدة 1436 هـ واس", "جدة 3 ذو القعدة 1436 ه واس", "جدة", "واس", "2015-08-18"),  # Hijri only
    ("inbox", "دمشق 10 آب 2015 سانا", "دمشق 10 آب 2015 سانا", "دمشق", "سانا", "2015-08-10"),
    ("inbox", "القاهرة - أ ف ب", "القاهرة - أ ف ب", "القاهرة", "أ ف ب", None),
    ("inbox", "واس - الرياض", "واس - الرياض", "الرياض", "واس", None),
    ("3alyoum", "عين اليوم – كابول", "عين اليوم – كابول", "كابول", "عين اليوم", None),
    ("3alyoum", "نايف عبدالله – عين اليوم", "نايف عبدالله – عين اليوم", None, "عين اليوم", None),
    ("3alyoum", "عين اليوم – واس", "عين اليوم – واس", None, "واس", None),
]


@pytest.mark.parametrize(("source", "line", "text", "place", "agency", "day"), DATELINES)
def test_dateline_split_off_and_parsed(source, line, text, place, agency, day):
    article = run(f"{line}\n{P1}\n{P2}", source=source)
    assert article.dateline is not None
    assert (article.dateline.text, article.dateline.place, article.dateline.agency, article.dateline.date) == (
        text, place, agency, day)
    assert article.body == f"{P1}\n\n{P2}"


ENGLISH_WIRE = [
    # (first paragraph, dateline, place, agency): the English wire form opens the first paragraph
    ("DUBAI, Aug 12 (Reuters) - A Gulf-based carrier said on Wednesday it had agreed to buy 20 jets.",
     "DUBAI, Aug 12 (Reuters) -", "DUBAI", "Reuters"),
    ("NEW YORK, March 3 (AP) — Stocks rose on Monday.", "NEW YORK, March 3 (AP) —", "NEW YORK", "AP"),
    ("BEIRUT (AFP) - Lebanon's parliament met on Tuesday.", "BEIRUT (AFP) -", "BEIRUT", "AFP"),
]


@pytest.mark.parametrize(("first", "text", "place", "agency"), ENGLISH_WIRE)
def test_english_wire_dateline(first, text, place, agency):
    article = run(f"{first}\nThe second paragraph.", source="reuters_ar")
    assert (article.dateline.text, article.dateline.place, article.dateline.agency) == (text, place, agency)
    assert article.body == first[len(text):].strip() + "\n\nThe second paragraph."


def test_english_sentence_naming_an_agency_is_no_dateline():
    article = run("Officials told Reuters (Reuters) - no.\nThe second paragraph.", source="reuters_ar")
    assert article.dateline is None


def test_sabq_dateline_glued_before_the_first_sentence():
    article = run(f"فهد العتيبي- سبق- الطائف: {P1}\n{P2}", source="sabq")
    assert article.dateline.text == "فهد العتيبي- سبق- الطائف:"
    assert (article.dateline.place, article.dateline.agency) == ("الطائف", "سبق")
    assert article.body.startswith(P1)


NOT_DATELINES = [
    "قالت وكالة رويترز إن الاجتماع انتهى دون اتفاق.",        # an agency named inside a sentence
    "وأكد أن الاجتماع سيعقد يوم 10 أغسطس 2015 في الرياض.",   # a date inside a sentence
    "الرياض – جدة",                                            # two places
]


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_no_dateline(line):
    article = run(f"{line}\n{P1}")
    assert article.dateline is None
    assert article.body.startswith(line)


def test_published_at_from_the_gregorian_dateline_in_the_source_time_zone():
    article = run(f"الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n{P1}", source="spa")
    assert article.published_at == datetime(2015, 8, 10, tzinfo=ZoneInfo("Asia/Riyadh"))
    assert article.published_at.utcoffset().total_seconds() == 3 * 3600


def test_record_time_wins_over_the_dateline():
    given = datetime(2015, 8, 9, 22, 0, tzinfo=ZoneInfo("UTC"))
    article = run(f"الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n{P1}", source="spa", published_at=given)
    assert article.published_at == given


@pytest.mark.parametrize(("hijri", "gregorian"), [((1436, 10, 25), "2015-08-11"), ((1445, 9, 1), "2024-03-11"),
                                                   ((1, 1, 1), "0622-07-19")])
def test_hijri_conversion_is_tabular(hijri, gregorian):
    assert hijri_to_gregorian(*hijri).isoformat() == gregorian


HEADINGS = [
    # (text, kinds)
    (f"{P1}\n\nبيسكوف: موسكو ودمشق تجريان حوارا مستمرا باعتبار ذلك شرطا ضروريا لمواصلة عملية التسوية\n\n{P2}",
     ["paragraph", "heading", "paragraph"]),
    (f"بتال يحتفي\n{P1}", ["heading", "paragraph"]),
    (f"{P1}\n{P2}", ["paragraph", "paragraph"]),
    (f"{P1}\nخاتمة بلا نقطة", ["paragraph", "paragraph"]),               # last line: nothing follows
    (f"{P1}\nالبرنامج على النحو التالي:\n{P2}", ["paragraph", "paragraph", "paragraph"]),  # ends with a colon
    (f"{P1}\nوقال الوزير إن الاجتماع كان مثمرا\n{P2}", ["paragraph", "paragraph", "paragraph"]),  # prose opener
    (f"{P1}\n***\n{P2}", ["paragraph", "paragraph", "paragraph"]),  # a separator has no letters
]


@pytest.mark.parametrize(("text", "kinds"), HEADINGS)
def test_headings_marked(text, kinds):
    assert [b.kind for b in run(text).blocks] == kinds


def test_blocks_are_offsets_into_the_body():
    article = run(f"{P1}\n\nعنوان فرعي\n\n{P2}\n// انتهى //")
    assert article.body == f"{P1}\n\nعنوان فرعي\n\n{P2}"
    assert [article.body[b.start:b.end] for b in article.blocks] == [P1, "عنوان فرعي", P2]
    assert article.body.split("\n\n") == [article.body[b.start:b.end] for b in article.blocks]


def test_exact_duplicate_paragraph_stays_and_is_flagged():
    article = run(f"{P1}\n{P2}\n{P1}")
    assert article.body == f"{P1}\n\n{P2}\n\n{P1}"
    assert isinstance(article.blocks[2], DuplicateBlock) and article.blocks[2].duplicate_of == 0
    assert not isinstance(article.blocks[0], DuplicateBlock)
    from dataclasses import asdict

    assert asdict(article.blocks[2])["duplicate_of"] == 0


def test_language_defaults_from_the_source_or_the_script():
    assert run(P1).language == "ar"
    assert run("The minister said the talks would resume next week in the capital.").language is None


def test_processor_version_set():
    from pipeline import PROCESSOR_VERSION

    assert run(P1).processor_version == PROCESSOR_VERSION
