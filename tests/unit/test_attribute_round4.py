"""Golden tables for the round4 branch (held-out8's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement, or
(speaker_canonical, cue, mode) where the mode is the point; `(None, None)` is an abstention. Each group fails
without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from pipeline.attribute import attribute
from pipeline.records import Article
from pipeline.segment import segment
from pipeline.segment_eval import compose
from tests.unit.test_attribute_phenomena import check


def with_modes(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    body, blocks = compose(list(paragraphs))
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    return [(s.speaker_canonical, s.cue, s.mode) for s in statements]


# A speech noun opening the statement after `جاء`/`كان`, with its author (a body or role) before على/إلى/أن.
SPEECH_NOUNS = [
    (["وجاء تأكيد الأمانة العامة لمجلس الشورى على أهمية القرار الذي صدر أمس."],
     [("الأمانة العامة لمجلس الشورى", "تأكيد")]),
    (["وكان تشديد الأمانة العامة لمجلس الشورى على أنه لا تهاون في ذلك."], [("الأمانة العامة لمجلس الشورى", "تشديد")]),
    (["وجاء تأكيد ذلك في التقرير السنوي للوزارة."], [(None, None)]),  # guard: no author
]


@pytest.mark.parametrize("case", SPEECH_NOUNS)
def test_speech_nouns(case) -> None:
    check(case)


# `وفقا لما ذكره …`: the source phrase runs through a relative clause to its subject.
SOURCE_RELATIVE = [
    (['واتفق الطرفان على مواصلة الحوار "لتعزيز التعاون بين البلدين" ، وفقا لما ذكره البيت الأبيض.'],
     [("البيت الأبيض", "وفقا لما ذكره")]),
    (["وستعقد القمة في سبتمبر، وفقا لما ذكرته وزارة الخارجية الفرنسية."], [("وزارة الخارجية الفرنسية", "وفقا لما ذكرته")]),
]


@pytest.mark.parametrize("case", SOURCE_RELATIVE)
def test_source_relative(case) -> None:
    check(case)


# A sub-headline `NAME:` before the person is named in full: the one speaker of the article whose name ends so.
SUBHEADLINE = [
    (["الشمري: طول القامة مشكلة المنتخب",
      "من جانبه أكد حامد الشمري نائب رئيس الاتحاد السعودي للعبة أن الحلول ضرورية."],
     [("حامد الشمري", ":"), ("حامد الشمري", "أكد")]),
    (["الشمري: طول القامة مشكلة المنتخب", "وقال حامد الشمري إن الحلول ضرورية.", "وقال سامي الشمري إن الوقت قصير."],
     [(None, None), ("حامد الشمري", "وقال"), ("سامي الشمري", "وقال")]),  # guard: two people end so
]


@pytest.mark.parametrize("case", SUBHEADLINE)
def test_subheadline(case) -> None:
    check(case)


# A titled given name, then a ب-glued object noun: the name ends before it and resolves to the full mention.
TITLED_GIVEN_OBJECT = [
    (["من جانبه أكد رئيس اللجنة الفنية الدكتور حامد الشمري أن الخطة جاهزة.",
      "وطالب الدكتور حامد بضرورة دعم المنتخبات الوطنية."],
     [("حامد الشمري", "أكد"), ("حامد الشمري", "وطالب")]),
]


@pytest.mark.parametrize("case", TITLED_GIVEN_OBJECT)
def test_titled_given_object(case) -> None:
    check(case)


# `وقال فلان أن "…"`: a whole quoted sentence after أن is direct, even when the statement goes on.
def test_quoted_sentence_after_an_is_direct() -> None:
    assert with_modes('وقال مدرب الفريق خالد المطيري أن "الفوز كان مستحقا بعد أداء كبير."، وأضاف قائلا "سنواصل العمل".') \
        == [("خالد المطيري", "وقال", "direct")]


def test_quoted_fragment_after_an_stays_indirect() -> None:  # guard
    assert with_modes('وقال مدرب الفريق خالد المطيري أن "الفوز مستحق" للفريق الذي قدم أداء كبيرا، وأضاف أن العمل مستمر.') \
        == [("خالد المطيري", "وقال", "indirect")]
