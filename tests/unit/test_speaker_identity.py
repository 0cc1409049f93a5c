"""Which speakers are identities across articles (linked to `speakers`) and which only within their article."""
from __future__ import annotations

import pytest

from pipeline.speaker_identity import unnamed

UNNAMED = [
    "الجانبان", "الطرفين", "الوزارة", "الوزاره", "الهيئة", "الشركة", "الحكومة", "اللجنة", "المصدر", "المدرب",
    "المتحدث", "الصحيفة", "الأهالي", "المواطنون", "الشركات",
    "مصدر عسكري", "مصادر مطلعة", "مصادر في المقاومة الشعبية بمحافظة مأرب", "مسؤول في وزارة الخارجية التركية",
    "مسئولون", "مسؤولون حكوميون", "محللون اقتصاديون ألمان", "محللين", "مواطنون في تيماء", "مستهلكون بالدمام",
    "العديد من المواطنين والمقيمين", "عدد من خطباء السنة", "أحد السكان", "خبراء في القطاع السياحي",
    "the company", "The company", "A Gulf-based carrier", "Industry analysts", "officials", "sources close to the talks",
    "U.S. officials",
]
NAMED = [
    "فلاديمير بوتين", "بيسكوف", "روحانى", "عادل الجبير", "ابن العباس", "الله", "الكرملين", "البيت الأبيض",
    "وزارة الصحة", "الرئاسة العامة للأرصاد", "هيئة الاتصالات", "مجلس الوزراء", "محافظ الخرج", "الحكومة اليمنية",
    "أمين العاصمة المقدسة", "المكتب الصحفي في الكرملين", "حركة طالبان", "الجزيرة", "الشرق الأوسط", "روسيا",
    "المرصد السوري لحقوق الإنسان", "وكالة الأنباء الايرانية ارنا", "نجل الفنان الراحل",
    "Sarah Collins", "Reuters", "World Bank", "Karim Haddad", "The White House", "The New York Times",
    "Bashar al-Assad", "Mahmoud al-Zahar", "Ursula von der Leyen",
]


@pytest.mark.parametrize("name", UNNAMED)
def test_common_nouns_and_anonymous_sources_name_nobody_across_articles(name) -> None:
    assert unnamed(name)


@pytest.mark.parametrize("name", NAMED)
def test_names_named_bodies_and_roles_with_a_complement_are_identities(name) -> None:
    assert not unnamed(name)
