"""Golden tables for the round6 branch (held-out10's error classes and held-out9's `وبالعودة إلى`, written as fresh
sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# `وبالعودة إلى X فقد أكد`: the copy returns to someone quoted before; X is the subject of the ف-clause, not whoever
# was quoted last.
RETURNS_TO = [
    (["وقال بيتر هينشكليف، ممثل الغرفة إن الانطباع جيد.", 'واستطرد الفريق مميش قائلا "هذه هدية مصر للعالم".',
      "وبالعودة إلى هينشكليف فقد أكد على أهمية القناة، قائلا إن الشحن ينمو."],
     [("بيتر هينشكليف", "وقال"), ("مميش", "واستطرد"), ("بيتر هينشكليف", "أكد")]),
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وأوضح المهندس فهد الحربي أن العمل مستمر.",
      "وبالعودة إلى العمري فقد أشار إلى أن الإقبال كبير."],
     [("سالم العمري", "وقال"), ("فهد الحربي", "وأوضح"), ("سالم العمري", "أشار")]),
    # guards: a thing returned to is a topic, and a name the article never gave is not vouched for
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وبالعودة إلى المشروع فقد أكد على أهميته."],
     [("سالم العمري", "وقال"), (None, None)]),
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وبالعودة إلى السوق فقد أكد التجار أن الأسعار مستقرة."],
     [("سالم العمري", "وقال"), ("التجار", "أكد")]),
]


@pytest.mark.parametrize("case", RETURNS_TO)
def test_returns_to(case) -> None:
    check(case)


# A lone surname before a ل-glued addressee (`لقوات أميركية`, `للصحفيين`): the addressee ends the name.
ADDRESSEE = [
    (["وصل وزير الدفاع الأميركي آشتون كارتر إلى بغداد.", 'وقال كارتر لقوات أميركية في المطار "نحن نحقق بعض التقدم".'],
     [(None, None), ("آشتون كارتر", "وقال")]),
    (["أعلن وزير الخارجية الفرنسي لوران فابيوس أن المحادثات مستمرة.", "وقال فابيوس للصحفيين في باريس إن الاتفاق قريب."],
     [("لوران فابيوس", "أعلن"), ("لوران فابيوس", "وقال")]),
    # guards: after a role the ل-word may name the body (`للعلوم`, `للتطوير`), and a role word is no addressee
    (["أعلنت شركة جبل عمر للتطوير عن نتائج قرارات مجلس الإدارة."], [("شركة جبل عمر للتطوير", "أعلنت")]),
    (["من جانبه، أبدى المهاجم خوسيه أنطونيو ريس لاعب اشبيلية تفاؤلا أكبر من مدربه، وقال: \"حضرنا من أجل الفوز\"."],
     [("خوسيه أنطونيو ريس", "وقال")]),
]


@pytest.mark.parametrize("case", ADDRESSEE)
def test_addressee(case) -> None:
    check(case)


# A person named in a genitive (`زيارة لوزير الدفاع … آشتون كارتر إلى بغداد حيث التقى … وأكد`) is the subject the joined
# verbs go on with, not the last speaker; with no clause link after the genitive the cue abstains.
GENITIVE_SUBJECT = [
    (["قال الجيش الأميركي إن العراق نشر جنودا.",
      "وجاء الإعلان خلال زيارة لوزير الدفاع الأميركي آشتون كارتر إلى بغداد حيث التقى برئيس الوزراء العراقي حيدر "
      "العبادي وأكد على الحاجة إلى قوات برية."],
     [("الجيش الأميركي", "قال"), ("آشتون كارتر", "وأكد")]),
    (["قالت الوكالة إن الوفد وصل.",
      "وجاءت الخطوة بعد زيارة لوزير الخارجية الروسي سيرغي لافروف إلى دمشق حيث اجتمع بالمسؤولين وأكد على دعم الحل."],
     [("الوكالة", "قالت"), ("سيرغي لافروف", "وأكد")]),
    (["قالت الوكالة إن الوفد وصل.",
      "وجاءت الخطوة بعد رسالة لوزير الخارجية الروسي سيرغي لافروف إلى نظيره الأميركي وأكد على دعم الحل."],
     [("الوكالة", "قالت"), (None, None)]),
    # guard: with no person in a genitive the joined cue continues the last speaker
    (["قال وزير الصحة توفيق الربيعة إن الخدمات تحسنت.", "وجاء ذلك خلال زيارته للمستشفى حيث التقى بالمرضى وأكد على أهمية الرعاية."],
     [("توفيق الربيعة", "قال"), ("توفيق الربيعة", "وأكد")]),
]


@pytest.mark.parametrize("case", GENITIVE_SUBJECT)
def test_genitive_subject(case) -> None:
    check(case)


# A royal name inside a role, then a ل-genitive, names a body (a chair, a prize); the titled person after it speaks.
NAMED_BODY = [
    (["وأوضح المشرف على كرسي الأمير محمد بن ناصر لدراسات قضايا المجتمع الدكتور علي بن يحيى العريشي ، أن المرحلة "
      "الأولى تشمل الدراسات."],
     [("علي بن يحيى العريشي", "وأوضح")]),
    (["وقال مدير جائزة الأمير محمد بن فهد للتفوق العلمي الدكتور خالد الغامدي إن الجائزة تكرم المتفوقين."],
     [("خالد الغامدي", "وقال")]),
    # guards: a royal name in a body the lists know keeps its reading; a prince who speaks stays the speaker
    (["وقال مدير مركز الملك عبدالعزيز للحوار الوطني فيصل بن معمر إن الحوار مستمر."], [("فيصل بن معمر", "وقال")]),
    (["وأكد الأمير خالد الفيصل للحضور أن المنطقة تشهد تنمية."], [("خالد الفيصل", "وأكد")]),
]


@pytest.mark.parametrize("case", NAMED_BODY)
def test_named_body(case) -> None:
    check(case)


# What a crowd chants or carries (`هتافات تقول "…"`): the group just before it speaks, never the last speaker; with
# no group the chant, like a document, gives no speaker.
CHANTS = [
    (["قالت الوكالة إن السلطات اعتقلت المتهم.",
      'وفي تسجيل مصور ردد المحتجون في مظاهرة السبت هتافات تقول "الشعب يريد العدالة" كما رددوا هتافات أخرى.'],
     [("الوكالة", "قالت"), ("المحتجون", "تقول")]),
    (["قالت الوكالة إن السلطات اعتقلت المتهم.", 'ورفع المتظاهرون لافتات تقول "لا للفساد".'],
     [("الوكالة", "قالت"), ("المتظاهرون", "تقول")]),
    (["قالت الوكالة إن السلطات اعتقلت المتهم.", 'وانتشرت في الشوارع لافتات تقول "لا للفساد".'],
     [("الوكالة", "قالت"), (None, None)]),
    # guard: a group that speaks with its own verb keeps its reading
    (["وقال المحتجون إنهم سيواصلون الاعتصام."], [("المحتجون", "وقال")]),
]


@pytest.mark.parametrize("case", CHANTS)
def test_chants(case) -> None:
    check(case)


# Delegates in the dual or plural (`مندوبان`, `مندوبون`) head an anonymous source like `مسؤولون`.
DELEGATES = [
    (["قال مندوبان بمنظمة البلدان المصدرة للبترول (أوبك) أمس إن المنظمة لا تنوي عقد اجتماع طارئ."],
     [("مندوبان بمنظمة البلدان المصدرة للبترول", "قال")]),
    (["وقال مندوبون في المنظمة إن الإنتاج لن يتغير."], [("مندوبون في المنظمة", "وقال")]),
    # guard: the singular keeps its reading
    (['وقال مندوب بالمنظمة "لا يوجد مقترح بعقد اجتماع".'], [("مندوب بالمنظمة", "وقال")]),
]


@pytest.mark.parametrize("case", DELEGATES)
def test_delegates(case) -> None:
    check(case)


# `يستبعد مسؤولون من بينهم الأمين العام … احتمال`: ruling out a possibility is a stance reported like speech, and the
# members a group names (`من بينهم …`) belong to its subject.
RULE_OUT = [
    (["ورغم أن الأسعار تراجعت منذ الاجتماع يستبعد مسؤولون من بينهم الأمين العام للمنظمة عبدالله البدري احتمال خفض "
      "الإنتاج، وقالوا إنهم يتوقعون تحسن الطلب."],
     [("مسؤولون", "يستبعد")]),
    (["واستبعد وزير النفط خالد الفالح أن تعقد المنظمة اجتماعا طارئا."], [("خالد الفالح", "واستبعد")]),
    # guard: bare استبعد is also "excluded"
    (["واستبعد المدرب اللاعب من القائمة."], [(None, None)]),
]


@pytest.mark.parametrize("case", RULE_OUT)
def test_rule_out(case) -> None:
    check(case)


# Coordinated subjects before a plural verb, the second qualified by where it speaks (`على وسائل التواصل`): the first
# speaks, the second beside it.
COORDINATED = [
    (["لكن المرصد السوري لحقوق الإنسان وانصار الأسد على وسائل التواصل الاجتماعي ذكروا أن المتهم أطلق النار."],
     [("المرصد السوري لحقوق الإنسان", "ذكروا")]),
    (["لكن وزارة الصحة ونقابة الأطباء في المنطقة أكدوا أن الوضع مستقر."], [("وزارة الصحة", "أكدوا")]),
    # guard: one subject and a singular verb keep their reading
    (["لكن الوزير على الطائرة ذكر أن الرحلة طويلة."], [(None, None)]),
]


@pytest.mark.parametrize("case", COORDINATED)
def test_coordinated(case) -> None:
    check(case)


# A non-speech verb, a one-word object, then the role and name of its subject (`والتقى اللجنة رئيس الهيئة الفريق
# مهاب مميش …، مؤكدا`): the participle goes with that subject, and a later `كما أكد` continues them.
OBJECT_FIRST = [
    (['وقال بيتر هينشكليف، ممثل الغرفة إن الانطباع جيد.',
      "والتقى اللجنة رئيس هيئة قناة السويس الفريق مهاب مميش، الذي رحب بأعضائها في الموقع، مؤكدا أن القناة جاهزة.",
      "كما أكد أن الكلفة بلغت أربعة مليارات دولار."],
     [("بيتر هينشكليف", "وقال"), ("مهاب مميش", "مؤكدا"), ("مهاب مميش", "أكد")]),
    # guard: a feminine verb takes the feminine noun as its subject; the role after it is the object, and the last
    # speaker goes on
    (['وقال بيتر هينشكليف، ممثل الغرفة إن الانطباع جيد.',
      "والتقت اللجنة رئيس الهيئة مهاب مميش في الموقع، مؤكدة أن القناة جاهزة."],
     [("بيتر هينشكليف", "وقال"), ("بيتر هينشكليف", "مؤكدة")]),
]


@pytest.mark.parametrize("case", OBJECT_FIRST)
def test_object_first(case) -> None:
    check(case)
