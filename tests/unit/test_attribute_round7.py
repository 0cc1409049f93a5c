"""Golden tables for the attr7 branch (held-out11's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# An article that opens on a stance verb with no content (`استنكر … الحادث`, not speech) names a titled person as its
# subject; the subjectless `وقال`/`وأضاف`/`وتابع` after it go on with that person, where main had nobody to continue.
STANCE_OPENER = [
    (["استنكر معالي مدير جامعة الأمير سطام بن عبدالعزيز الدكتور عبدالرحمن بن محمد العاصمي، الحادث الإرهابي الذي وقع "
      "في مسجد.", "وقال في تصريح صحفي اليوم إن الجريمة بشعة.", "وأضاف أن هذا الفكر مارق.",
      "وتابع قائلا : إن المملكة ستبقى آمنة."],
     [(None, None), ("عبدالرحمن بن محمد العاصمي", "وقال"), ("عبدالرحمن بن محمد العاصمي", "وأضاف"),
      ("عبدالرحمن بن محمد العاصمي", "وتابع")]),
    (["أدان وزير الخارجية الدكتور سالم الحربي، التفجير الذي استهدف السفارة.", "وقال إن الإرهاب لا دين له."],
     [(None, None), ("سالم الحربي", "وقال")]),
    (["ثمن رئيس الغرفة التجارية المهندس فهد العتيبي، الدعم الحكومي للقطاع.", "وأضاف أن القطاع ينمو."],
     [(None, None), ("فهد العتيبي", "وأضاف")]),
    # guards: a verb that takes a person as object (the guest may speak), a body, a role with no name, a name not
    # closed by its comma, and an article whose first speaker came before the stance verb
    (["استقبل وزير الخارجية الدكتور سالم الحربي، السفير الفرنسي.", "وقال إن العلاقات متينة."],
     [(None, None), (None, None)]),
    (["استنكرت الجمعية الحادث.", "وقال إن الجريمة بشعة."], [(None, None), (None, None)]),
    (["استنكر مدير الجامعة الحادث الإرهابي الذي وقع في المسجد.", "وقال إن الجريمة بشعة."], [(None, None), (None, None)]),
    # (round 14: a stance opener's named person now goes on after an earlier speaker too; round 7 kept the
    # earlier speaker here, which gave `وقال إن الإرهاب لا دين له` to the wrong man)
    (["قال الدكتور فهد العتيبي إن الوضع جيد.", "أدان وزير الخارجية الدكتور سالم الحربي، التفجير.",
      "وقال إن الإرهاب لا دين له."],
     [("فهد العتيبي", "قال"), (None, None), ("سالم الحربي", "وقال")]),
]


@pytest.mark.parametrize("case", STANCE_OPENER)
def test_stance_opener(case) -> None:
    check(case)


# `ودعا جميع المستفيدين إلى`: a quantifier before the definite noun of those called on keeps the noun an object, so the
# joined verb continues the last speaker (main read `جميع` as opening a subject and abstained).
INVITED_ALL = [
    (["أوضح المتحدث الرسمي لوزارة العمل تيسير المفرج، أن الوزارة شرعت في دراسة الملفات.",
      "ودعا جميع المستفيدين إلى الإبلاغ عن أي مخالفات."],
     [("تيسير المفرج", "أوضح"), ("تيسير المفرج", "ودعا")]),
    (["قال وزير الصحة الدكتور فهد الربيعة إن الوضع مطمئن.", "ودعا جميع الشركات إلى الالتزام بالأنظمة."],
     [("فهد الربيعة", "قال"), ("فهد الربيعة", "ودعا")]),
    # guards: a feminine verb may agree with the quantified plural as its subject, and a role head may open one
    (["قال وزير الصحة الدكتور فهد الربيعة إن الوضع مطمئن.", "ودعت جميع الفصائل الفلسطينية إلى الحوار."],
     [("فهد الربيعة", "قال"), (None, None)]),
    (["قال وزير الصحة الدكتور فهد الربيعة إن الوضع مطمئن.", "ودعا جميع المسؤولين إلى الحضور."],
     [("فهد الربيعة", "قال"), (None, None)]),
]


@pytest.mark.parametrize("case", INVITED_ALL)
def test_invited_all(case) -> None:
    check(case)


# An outlet's name with a qualifier (`صحيفة آفي المقربة من الحكومة`; body_qualifiers in titles.yaml): the qualifier and
# its complement describe the outlet, so the subject is its name (main: `من` left it unread, or ran the name on).
QUALIFIED_OUTLET = [
    (["وذكرت صحيفة آفي المقربة من الحكومة امس ان كل الدلائل تشير الى اتفاق."], [("صحيفة آفي", "وذكرت")]),
    (["وقالت وكالة فارس المقربة من الحرس الثوري إن الصاروخ أطلق بنجاح."], [("وكالة فارس", "وقالت")]),
    # guards: a generic body keeps its qualifier (no name to read it up to), and a person is no body
    (["وذكرت وكالة الأنباء المقربة من الحكومة أن الوزير استقال."], [(None, None)]),
    (["وقال مسؤول مقرب من الحكومة إن الأزمة انتهت."], [("مسؤول مقرب من الحكومة", "وقال")]),
]


@pytest.mark.parametrize("case", QUALIFIED_OUTLET)
def test_qualified_outlet(case) -> None:
    check(case)


# The reporter's meeting verb (`والتقينا بأحد مرتادي العين صالح بن أحمد …، وقال`; met_openers in cues/arabic.yaml):
# the person met, named in full and closed by the comma before the cue, speaks; an age after the name (`البالغ من
# العمر`) ends it. With nobody readable there, the cue abstains rather than continue the last speaker.
MET_PERSON = [
    (["وتسجل العين يوميا إقبالا كبيرا.",
      "وألتقينا بأحد مرتادي العين صالح بن أحمد البالغ من العمر 54 عامًا، وقال : إنني دائما اتردد على هذه العين.",
      "وأكد صالح أن هذه العين شاهد على التاريخ."],
     [(None, None), ("صالح بن أحمد", "وقال"), ("صالح بن أحمد", "وأكد")]),
    (["والتقينا بالمواطن محمد الغامدي، وقال إن المكان جميل."], [("محمد الغامدي", "وقال")]),
    (["وقال المواطن صالح بن أحمد البالغ من العمر 54 عاما إن المكان جميل."], [("صالح بن أحمد", "وقال")]),
    # guards: a group met speaks as nobody in particular, and a met person not closed by a comma is not read
    (["قال الدكتور فهد العتيبي إن الوضع جيد.", "والتقينا بعدد من الزوار، وقالوا إن المكان جميل."],
     [("فهد العتيبي", "قال"), (None, None)]),
    (["قال الدكتور فهد العتيبي إن الوضع جيد.", "والتقينا بمحمد في السوق وقال إن الأسعار مرتفعة."],
     [("فهد العتيبي", "قال"), (None, None)]),
]


@pytest.mark.parametrize("case", MET_PERSON)
def test_met_person(case) -> None:
    check(case)


# Two people introduced by one dual role (`وزيرا المالية والاقتصاد اليونانيان اقليدس تساكالوتوس وجيورجيوس ستاثاكيس
# اجتماعهما`) enter the article's inventory, so a later lone surname resolves; `قبيل` ("shortly before") ends a name.
DUAL_ROLE = [
    (["وبدأ وزيرا المالية والاقتصاد اليونانيان اقليدس تساكالوتوس وجيورجيوس ستاثاكيس اجتماعهما مع ممثلي الصندوق.",
      "وقال ستاثاكيس قبيل بدء المفاوضات السبت، ان المحادثات اصبحت في المرحلة النهائية."],
     [(None, None), ("جيورجيوس ستاثاكيس", "وقال")]),
    (["وبدأ وزيرا المالية والاقتصاد اليونانيان اقليدس تساكالوتوس وجيورجيوس ستاثاكيس اجتماعهما مع ممثلي الصندوق.",
      "وقال تساكالوتوس ان المحادثات جيدة."],
     [(None, None), ("اقليدس تساكالوتوس", "وقال")]),
    (["وقال وزير المالية جيورجيوس ستاثاكيس إن الوضع صعب.", "وقال ستاثاكيس قبيل بدء المفاوضات، ان المحادثات جيدة."],
     [("جيورجيوس ستاثاكيس", "وقال"), ("جيورجيوس ستاثاكيس", "وقال")]),
    # guards: without the dual adjective and suffix the split is unsure, so the surname stays unvouched
    (["وبدأ وزيرا المالية والاقتصاد اقليدس تساكالوتوس وجيورجيوس ستاثاكيس الاجتماع مع ممثلي الصندوق.",
      "وقال ستاثاكيس ان المحادثات جيدة."],
     [(None, None), (None, None)]),
]


@pytest.mark.parametrize("case", DUAL_ROLE)
def test_dual_role(case) -> None:
    check(case)


# A lecture's presenter (`ورشة عمل … قدمها الدكتور سعد بن عبدالله الصالح، … وختم الباحث الصالح محاضرته …، حيث قال:`;
# presenters in cues/arabic.yaml) is the subject of a later subjectless cue of the sentence (main: nobody).
PRESENTER = [
    (["أقام النادي دورة حيث قدمت ورشة عمل بعنوان «مقارنة» قدمها الدكتور سعد بن عبدالله الصالح، من خلال عرض تضمن "
      "تعريف البحث، وختم الباحث الصالح محاضرته بكلمات مضيئة، حيث قال: كن متوكلا على الله."],
     [("سعد بن عبدالله الصالح", "قال")]),
    (["وأقيمت محاضرة عن الإعلام ألقاها الدكتور فهد العتيبي، حيث تناول تاريخ الصحافة، ثم قال: إن المستقبل للرقمي."],
     [("فهد العتيبي", "قال")]),
    # guard: another titled person between the presenter and the cue may be its subject
    (["أقيمت ندوة قدمها الدكتور سعد الصالح وحضرها وزير التعليم الدكتور أحمد العيسى، حيث قال: إن التعليم مهم."],
     [(None, None)]),
]


@pytest.mark.parametrize("case", PRESENTER)
def test_presenter(case) -> None:
    check(case)
