"""Golden tables from the bundled samples (`samples/`): what `make run` shows a new user must be right.

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# و and a preposition after a name open a phrase (`سمير حداد وعن الجانب الإيراني`, samples/sana/007): the name
# ends before them. Main read `سمير حداد وعن` as the fullest mention, so every later `حداد` resolved to it and the
# summary of `make run` listed `سمير حداد وعن` among the top speakers.
NAME_BEFORE_WAW_PREPOSITION = [
    (["ووقع المذكرات عن الجانب السوري وزير الاقتصاد سمير حداد وعن الجانب الإيراني وزير الطرق محمد رضا كريمي.",
      "وقال حداد إن الاتفاقات الموقعة اليوم تنقل التعاون إلى مرحلة المشاريع."],
     [(None, None), ("سمير حداد", "وقال")]),
    (["وحضر التوقيع وزير النقل علي حمود وفي الجانب الآخر السفير الإيراني.",
      "وأوضح حمود أن الخط البحري سيفتتح الشهر المقبل."],
     [(None, None), ("علي حمود", "وأوضح")]),
    (["واستقبل المحافظ وزير الصحة وائل السيد وإلى جانبه مديرو المستشفيات.", "وقال السيد إن العمل سيبدأ قريبا."],
     [(None, None), ("وائل السيد", "وقال")]),
    # guards: two coordinated names still speak together, and a name opened by و stays whole
    (["التقى وزير الاقتصاد سمير حداد وزير الطرق محمد رضا كريمي.",
      "وأكد حداد وكريمي في مؤتمر صحفي أهمية تذليل العقبات."], [(None, None), ("سمير حداد", "وأكد")]),
    (["وقال وزير الاقتصاد وليد الحسن إن الصادرات ارتفعت."], [("وليد الحسن", "وقال")]),
]


@pytest.mark.parametrize("case", NAME_BEFORE_WAW_PREPOSITION)
def test_name_before_waw_preposition(case) -> None:
    check(case)
