"""Golden tables for subjects read on the chain branch (held-out4 error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention, which beats a wrong speaker.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check


# A role chain that runs through في + a place (several roles joined by و, a comma before the name) to a person
# whose given name opens the name: the person speaks, and a later subjectless cue continues them.
PLACED_CHAINS = [
    (["أكد القيادي الناشط السياسي والقيادي الميداني في تعز أحمد المخلافي لـ «عكاظ» أن الجبهة صامدة.",
      "وأضاف أن الإمدادات وصلت."],
     [("أحمد المخلافي", "أكد"), ("أحمد المخلافي", "وأضاف")]),
    (["أكد القنصل السعودي في مدينة اسطنبول التركية، خالد العتيبي سلامة جميع المواطنين.",
      "وقال إن القنصلية تتابع الحالة."],
     [("خالد العتيبي", "أكد"), ("خالد العتيبي", "وقال")]),
    # في before a setting is no place: the role speaks as before
    (["أكد المتحدث في تصريح لـ«عكاظ» أن الوضع مستقر."], [("المتحدث", "أكد")]),
    # a comma and then no given name: no person is read out of the chain
    (["قال السفير في الرياض، شكرا للمملكة."], [("السفير في الرياض", "قال")]),
]


@pytest.mark.parametrize("case", PLACED_CHAINS)
def test_placed_chains(case) -> None:
    check(case)


# `باسم` is a role word (`المتحدث باسم الوزارة`) and a given name: right after the verb, before a family name
# or a given/known father's name, it opens a name; before a body, a plural or `الله` it does not.
BASIM = [
    (["وقال باسم الحربي ”شاهد عيان“ ان الحريق بدأ فجرا.", "وأضاف الحربي أن الدفاع المدني وصل سريعا."],
     [("باسم الحربي", "وقال"), ("باسم الحربي", "وأضاف")]),
    (["قال باسم محمد الحسين إن القرار نهائي."], [("باسم محمد الحسين", "قال")]),
    (["وقال باسم الحكومة إن القرار نهائي."], [(None, None)]),
    (["وأكد باسم الأعضاء أن القرار نهائي."], [(None, None)]),
    (["قال باسم شعب البحرين إن القرار نهائي."], [(None, None)]),
]


@pytest.mark.parametrize("case", BASIM)
def test_basim(case) -> None:
    check(case)


# A body's name in quotes is kept whole with the adjectives after it, and a later `الوكالة` resolves to it; a
# parenthesised acronym after a named body is not an apposed name; a quotation after a body is what was said.
QUOTED_BODIES = [
    (["ذكرت وكالة أنباء «سبوتنيك» الروسية الرسمية اليوم أن المحادثات انتهت.",
      "وقالت الوكالة في معلومات لم تؤكدها مصادر أخرى إن الوفد غادر."],
     [("وكالة أنباء «سبوتنيك» الروسية الرسمية", "ذكرت"), ("وكالة أنباء «سبوتنيك» الروسية الرسمية", "وقالت")]),
    (["وذكرت وكالة الأنباء «رويترز» أن السوق هبطت."], [("وكالة الأنباء «رويترز»", "وذكرت")]),
    (["وذكرت هيئة الإذاعة الكندية، (سي.بي.سي) أن الغواص نجا."], [("هيئة الإذاعة الكندية", "وذكرت")]),
    (["وقالت الوزارة «نحن مستعدون»."], [("الوزارة", "وقالت")]),
]


@pytest.mark.parametrize("case", QUOTED_BODIES)
def test_quoted_bodies(case) -> None:
    check(case)
