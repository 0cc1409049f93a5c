"""Golden tables for the round3 branch (held-out7's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention, which beats a wrong speaker. Each group fails without its fix.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check


# A role whose person is set off by commas after a title (`الأمين العام …، الدكتور فلان، أن`): the person speaks,
# and a later family name alone resolves to them.
TITLED_APPOSITION = [
    (["أكد الأمين العام لرابطة الدول المستقلة، الدكتور سامي بن فهد العتيبي، أن التعاون مستمر.",
      "وأعرب العتيبي، لدى استقباله الوفد، عن ارتياحه للنتائج."],
     [("سامي بن فهد العتيبي", "أكد"), ("سامي بن فهد العتيبي", "وأعرب")]),
    (["وقال رئيس اللجنة الوطنية للسلامة، المهندس ماجد الحربي، إن الخطة جاهزة."], [("ماجد الحربي", "وقال")]),
]


@pytest.mark.parametrize("case", TITLED_APPOSITION)
def test_titled_apposition(case) -> None:
    check(case)


# Compound and missing role heads: `إمام وخطيب المسجد …` (إمام folds like the stop أمام, so it is told apart by its
# hamza below), makers (`المخرج`, `الملحن`, `المؤلف`); a later subjectless verb continues the person.
ROLE_HEADS = [
    (["أكد إمام وخطيب المسجد الكبير الدكتور يوسف الحمدان أن الصبر عبادة.", "وأوضح أن الفتنة شر."],
     [("يوسف الحمدان", "أكد"), ("يوسف الحمدان", "وأوضح")]),
    (["وقال إمام الجامع الكبير الشيخ ناصر العمري إن الصلاة أقيمت."], [("ناصر العمري", "وقال")]),
    (["أكد إمام وخطيب المسجد الكبير الدكتور يوسف الحمدان أن الصبر عبادة.", "وحث خطيب المسجد الكبير على التكاتف."],
     [("يوسف الحمدان", "أكد"), ("يوسف الحمدان", "وحث")]),  # one head of the compound role resolves to its person
    (["وعلى صعيد العروض أكد المخرج سلمان الراشد المدير العام لمؤسسة الفنون تنفيذ عروض جديدة."],
     [("سلمان الراشد", "أكد")]),
    (["ورأى مخرج المسرحية فهد بقنة أن العرض مختلف.", "وأفاد أن العرض يستغرق ساعة."],
     [("فهد بقنة", "ورأى"), ("فهد بقنة", "وأفاد")]),
    (["وقال ملحن الأغنية فهد بقنة إن اللحن جديد."], [("فهد بقنة", "وقال")]),
    (["وقف الحضور أمام المسجد الكبير وقال إن الجو حار."], [(None, None)]),  # أمام, with its hamza above: a stop
]


@pytest.mark.parametrize("case", ROLE_HEADS)
def test_role_heads(case) -> None:
    check(case)


# A family name spelled like a role head closes a chain of descent (`محمد بن عبدالرحمن المخرج أن`).
def test_role_head_as_family_name() -> None:
    check((["وأكد المهندس سعد بن عبدالرحمن المخرج أن الاستعداد تام."], [("سعد بن عبدالرحمن المخرج", "وأكد")]))


# `حث … على` (urged) reports speech at the head of a clause; as a verbal noun after a ب/ل-glued noun
# (`بهدف حث المواطنين على`) it does not.
URGED = [
    (["وحث وزير الصحة الدكتور خالد الفهد على الالتزام بالتعليمات."], [("خالد الفهد", "وحث")]),
    (["أطلقت الجمعية حملة بهدف حث المواطنين على التبرع بالدم."], [(None, None)]),
]


@pytest.mark.parametrize("case", URGED)
def test_urged(case) -> None:
    check(case)


# A name ends where a setting word begins (`خالد بن عبدالقادر وسط ترحيب`), and a chain of descent closed by a
# definite family name is whole before `من` (`حذر … عبدالمحسن بن محمد القاسم من سفك الدماء`).
NAME_ENDS = [
    (["وأكد خالد بن سعيد وسط ترحيب الحضور أن المهرجان ناجح."], [("خالد بن سعيد", "وأكد")]),
    (["حذر الشيخ عبدالله بن محمد الراشد من الشائعات."], [("عبدالله بن محمد الراشد", "حذر")]),
]


@pytest.mark.parametrize("case", NAME_ENDS)
def test_name_ends(case) -> None:
    check(case)


# A body glued with ب inside an institution's name (`لجنة الاحتراف بالاتحاد …`) is part of the subject when the
# subject ends cleanly; a ب-glued verbal noun after a body is still its object (`وطالبت الهيئة بالتحقيق`).
BODY_WITHIN_BODY = [
    (["أعلنت لجنة المسابقات بالاتحاد العربي لكرة اليد اليوم تأجيل المباراة."],
     [("لجنة المسابقات بالاتحاد العربي لكرة اليد", "أعلنت")]),
    (["وطالبت الهيئة بالتحقيق في الحادث."], [(None, None)]),
]


@pytest.mark.parametrize("case", BODY_WITHIN_BODY)
def test_body_within_body(case) -> None:
    check(case)


# `ودعا` + a definite common noun + `إلى`: the noun is who is called on, and the joined verb continues the last
# speaker; with no speaker before it, nobody.
INVITED = [
    (["وأكد الوزير خالد الفهد أن الوضع مستقر.", "ودعا الشعب اليمني بمختلف مكوناته إلى الوقوف صفا واحدا."],
     [("خالد الفهد", "وأكد"), ("خالد الفهد", "ودعا")]),
    (["ودعا الشعب اليمني إلى الوقوف صفا واحدا."], [(None, None)]),
]


@pytest.mark.parametrize("case", INVITED)
def test_invited(case) -> None:
    check(case)
