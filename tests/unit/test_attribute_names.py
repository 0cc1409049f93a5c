"""Golden tables for the given-name lexicon and the cues added with it (pipeline/rules/speakers/names.yaml,
pipeline/rules/cues/arabic.yaml). Each case is a short article (a list of paragraphs) and the expected
(speaker_canonical, cue) per statement; `(None, None)` is an abstention.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import speakers

# After a role, a listed given name opened by ب starts the person; unlisted, it was read as a place (`بجدة`).
GIVEN_AFTER_ROLE = [
    (["وأوضح الفنان بخيت العامري رئيس لجنة المسرح بالجمعية، أن المسرحية وطنية.",
      "وأكد العامري أن المسرحية حافلة بالأحداث."],
     [("بخيت العامري", "وأوضح"), ("بخيت العامري", "وأكد")]),
    (["وأعلن الرئيس اليمني عبدربه منصور هادي أمس ساعة الصفر لتحرير القاعدة."],
     [("عبدربه منصور هادي", "وأعلن")]),
    (["وأوضح المدرب بلال الحربي أن الفريق جاهز للمباراة."], [("بلال الحربي", "وأوضح")]),
]

# A lone foreign surname is vouched for when the body writes it after a listed foreign first name.
FOREIGN_FIRST_NAMES = [
    (["وحضر اللقاء دانيال غليزر من وزارة الخزانة.", "وأوضح غليزر أن المعلومات حقيقية."],
     [(None, None), ("دانيال غليزر", "وأوضح")]),
    (["وشارك في الندوة ديدييه رينديرز وعدد من السفراء.", "وقال رينديرز إن بلاده ستعيد النظر في المساعدات."],
     [(None, None), ("ديدييه رينديرز", "وقال")]),
]

# Words left out of the lexicon on purpose do not vouch for a subject they open.
NOT_NAMES = [
    (["وأكد صباح اليوم أن الاجتماع تأجل."], [(None, None)]),
]

# `عبر … عن` (expressed) and `تفيد … بأن` (report) are cues only with their particle; `استدرك` is a cue.
CUES = [
    (["وعبرت الحكومة اليمنية عن تقديرها لجهود دول المجلس."], [("الحكومة اليمنية", "وعبرت")]),
    (["ووصلت الشحنة عبر الحدود الشمالية إلى الميناء."], [(None, None)]),
    (["وتفيد مصادر متطابقة بأن الملا عمر لجأ إلى باكستان."], [("مصادر متطابقة", "وتفيد")]),
    (["وتفيد هذه الأدوية المرضى في الشفاء."], [(None, None)]),
    (["وقال المهندس ناصر العتيبي إن الأنظمة حديثة.", "واستدرك العتيبي: ولكن نحن شعب له مبادئه."],
     [("ناصر العتيبي", "وقال"), ("ناصر العتيبي", "واستدرك")]),
]

TABLES = {"given_after_role": GIVEN_AFTER_ROLE, "foreign_first_names": FOREIGN_FIRST_NAMES, "not_names": NOT_NAMES,
          "cues": CUES}


@pytest.mark.parametrize("case", [pytest.param(case, id=f"{name}-{n}") for name, table in TABLES.items()
                                  for n, case in enumerate(table)])
def test_name_tables(case) -> None:
    assert speakers(*case[0]) == case[1]
