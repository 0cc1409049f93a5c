"""Golden tables for the heads branch (held-out5 error classes and what the dev corpus showed beside them,
written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention, which beats a wrong speaker.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check


# A role head that is also a singular adjective of kind (`الإعلامي`) qualifies the head before it, so the role
# runs on through its ب/ل-glued bodies to the person; a ب-glued body that is no listed institution (`بصحة`)
# belongs to the role when a place and then a listed given name follow.
ROLE_BODIES = [
    (["أكد المتحدث الإعلامي بالإدارة العامة للمرور بمنطقة تبوك العقيد خالد بن سعد المطيري، اكتمال الاستعدادات.",
      "وقال: إن الخطة جاهزة."],
     [("خالد بن سعد المطيري", "أكد"), ("خالد بن سعد المطيري", "وقال")]),
    (["وقال الناطق بصحة جازان محمد بن علي الصميلي إن المستشفى جاهز."], [("محمد بن علي الصميلي", "وقال")]),
    (["وقال الناطق الإعلامي بشرطة المنطقة العقيد دكتور خالد بن عطية الزهراني، إن التحقيق مستمر."],
     [("خالد بن عطية الزهراني", "وقال")]),
    # the object after a definite head still ends the subject (`الأهالي` is a group, not an adjective)
    (["ودعا الوزير الأهالي إلى التعاون."], [("الوزير", "ودعا")]),
]


@pytest.mark.parametrize("case", ROLE_BODIES)
def test_role_bodies(case) -> None:
    check(case)


# An indefinite genitive chain (`لشؤون مكافحة تهريب المخدرات`) runs on to a listed given name; a later definite
# generic head with the same nationality (`المسؤول الدبلوماسي البريطاني`) resolves to that one person, while an
# indefinite source (`مسؤول تركي`) never resolves to a named person, nor does `هذا المسؤول` after it.
CHAINS_AND_SOURCES = [
    (["أعلن نائب وزير الخارجية البريطاني لشؤون مكافحة تهريب المخدرات جون سميث أن الشبكة فككت.",
      "وأكد المسؤول الدبلوماسي البريطاني أن التحقيق مستمر."],
     [("جون سميث", "أعلن"), ("جون سميث", "وأكد")]),
    (["وأكد المسؤول الاعلامي للجناح العسكري للحزب بختيار دوغان قصف المواقع.",
      "واوضح مسؤول تركي ان الضربات وقائية.",
      "واضاف هذا المسؤول الذي طلب عدم كشف هويته ان المعلومات دقيقة."],
     [("بختيار دوغان", "وأكد"), ("مسؤول تركي", "واوضح"), ("مسؤول تركي", "واضاف")]),
    (["وذكرت مصادر رسمية تركية أن الهجمات استمرت."], [("مصادر رسمية تركية", "وذكرت")]),
]


@pytest.mark.parametrize("case", CHAINS_AND_SOURCES)
def test_chains_and_sources(case) -> None:
    check(case)


# `وأضاف البيان` / `وأشار البيان إلى` after `وأوضحت الوزارة في بيان`: the body that speaks in the statement
# issued it; a statement that reports someone else's words (`أن سموه قال`) gets no speaker.
ISSUERS = [
    (["وأوضحت الوزارة في بيان لها اليوم أن الحملة تبدأ غدا.", "وأضاف البيان أن اللقاحات متوفرة.",
      "وأشار البيان إلى أن التسجيل مفتوح."],
     [("الوزارة", "وأوضحت"), ("الوزارة", "وأضاف"), ("الوزارة", "وأشار")]),
    (["وأوضحت الوزارة في بيان صحفي أمس أن الأمير تلقى التقرير.", "وأفاد البيان أن سموه قال في خطابه: نشكركم."],
     [("الوزارة", "وأوضحت"), (None, None)]),
]


@pytest.mark.parametrize("case", ISSUERS)
def test_issuers(case) -> None:
    check(case)


# A subject read as one bare role word while its phrase runs on unread, resolving to nobody: no speaker.
# A bare role that ends cleanly keeps its speaker (a press review's `الكاتب`, `الضابط` before أن).
BARE_HEADS = [
    (["وقال زعيم هذه الجماعة إن الحرب مستمرة."], [(None, None)]),
    (["وقال الكاتب إن العلاقة متينة."], [("الكاتب", "وقال")]),
    (["وأكد الضابط أن الوضع هادئ."], [("الضابط", "وأكد")]),
]


@pytest.mark.parametrize("case", BARE_HEADS)
def test_bare_heads(case) -> None:
    check(case)


# A family name two people of the article share, right after one of them spoke: that speaker.
SHARED_FAMILY_NAME = [
    (["نظم الفرع ندوة بحضور محافظ صبيا حسن بن حسين الحازمي.",
      "وأوضح مدير عام الفرع الشيخ أحمد بن عيسى الحازمي أن البرنامج مفيد.",
      "وأعرب الحازمي عن شكره للمشاركين."],
     [(None, None), ("أحمد بن عيسى الحازمي", "وأوضح"), ("أحمد بن عيسى الحازمي", "وأعرب")]),
]


@pytest.mark.parametrize("case", SHARED_FAMILY_NAME)
def test_shared_family_name(case) -> None:
    check(case)


# Subjects the spent sets showed unread: `وكانت X قد أعلنت` (a subject before the verb after وكانت), and through it
# a nested report; a source adjective before في + its body; a listed given name before `من` + a body; `أوضح ذلك`
# with the object first; a plural group word; an indefinite role with its ب-glued body (`مندوب بالمنظمة`,
# `مصادر بالمعارضة`), which a plural verb later does not continue.
SUBJECTS = [
    (["وكانت الحكومة الأردنية قد أعلنت أن الحدود مغلقة."], [("الحكومة الأردنية", "أعلنت")]),
    (["وكانت وكالة الأنباء الرسمية قد نقلت عن وزير النفط سالم العلي قوله إن الإنتاج مستقر."],
     [("سالم العلي", "نقلت")]),
    (["وكان مسؤول كبير في وزارة الدفاع اعلن في وقت سابق ان الهجوم فشل."],
     [("مسؤول كبير في وزارة الدفاع", "اعلن")]),
    (["وقال جون سميث من جمعية الصيادين إن السمكة هاجمته."], [("جون سميث", "وقال")]),
    (["أوضح ذلك خالد العمري مدير عام الجمرك وقال: إن الشحنة ضبطت.", "وبين العمري أن التحقيق مستمر."],
     [("خالد العمري", "أوضح"), ("خالد العمري", "وبين")]),
    (["ودعا المعتصمون إلى الإفراج عن المعتقلين."], [("المعتصمون", "ودعا")]),
    (["وقال مندوب بالمنظمة إن الاجتماع لن يعقد.", "وقالوا إنهم يتوقعون ارتفاع الطلب."],
     [("مندوب بالمنظمة", "وقال"), (None, None)]),
    (["أعلنت مصادر بالمعارضة السورية أن المعارك مستمرة.", "وأوضحت المصادر أن القصف عنيف."],
     [("مصادر بالمعارضة السورية", "أعلنت"), ("مصادر بالمعارضة السورية", "وأوضحت")]),
]


@pytest.mark.parametrize("case", SUBJECTS)
def test_subjects(case) -> None:
    check(case)


# A given name that opens with ل (`لويس`, `ليلى`) is no ل-glued body; an object noun (`جدارة`) ends a name;
# a report or study (`تقارير إخبارية`, `دراسة حديثة`) is a document, not a speaker; a role written with its body
# after ل one way (`الأمين العام للهيئة`) and another (`الأمين العام لهيئة الإغاثة`) is one head.
NAMES_AND_DOCUMENTS = [
    (['وقال المدرب لويس فان غال: "اللاعب محترف جدا وحضوره قوي".'], [("لويس فان غال", "وقال")]),
    (["وأوضحت مديرة إدارة الموهوبات الدكتورة ليلى الصاعدي أن البرنامج بدأ."], [("ليلى الصاعدي", "وأوضحت")]),
    (['أكد لاعب المنتخب سامي حمدان جدارة "الأخضر" بصدارة المجموعة.'], [("سامي حمدان", "أكد")]),
    (["ذكرت تقارير إخبارية اليوم أن الرحلات عادت."], [(None, None)]),
    (["وذكرت دراسة حديثة أن الأسعار ارتفعت."], [(None, None)]),
    (["وأوضح الأمين العام للهيئة خالد بن سالم طيب أن الأوضاع صعبة.",
      "وبين الأمين العام لهيئة الإغاثة الدولية أن الحل قريب."],
     [("خالد بن سالم طيب", "وأوضح"), ("خالد بن سالم طيب", "وبين")]),
]


@pytest.mark.parametrize("case", NAMES_AND_DOCUMENTS)
def test_names_and_documents(case) -> None:
    check(case)


# `وهي`/`وهو` after a name opens a clause about the speaker, so the name ends there; `رد X بقوله` replies.
CLAUSES_AND_REPLIES = [
    (["وقالت ريتا موران وهي مديرة المتحف في مؤتمر صحافي إن القطعة نادرة."], [("ريتا موران", "وقالت")]),
    (["قال وزير الخارجية عادل الجبير إن الحل سياسي.", "إلى ذلك، رد الجبير بقوله: «الحل سياسي»."],
     [("عادل الجبير", "قال"), ("عادل الجبير", "رد")]),
    (["ورد في التقرير أن الأسعار ارتفعت."], [(None, None)]),
]


@pytest.mark.parametrize("case", CLAUSES_AND_REPLIES)
def test_clauses_and_replies(case) -> None:
    check(case)


# `وبين سموه أن` continues the last speaker; a long role written again in part (`أمير منطقة الرياض رئيس لجنة
# المهرجان`, inside the role after the name in a long title run) resolves to the person who holds it.
ROLES_AGAIN = [
    (["يفتتح صاحب السمو الملكي الأمير فيصل بن بندر مستشار خادم الحرمين الشريفين أمير منطقة الرياض رئيس لجنة "
      "المهرجان الوطني ، المهرجان غدا.",
      "وأكد سمو الأمير فيصل بن بندر أن المهرجان سيواصل رسالته.",
      "وبين سموه أن المهرجان يستمد نهجه من رؤية القيادة.",
      "وقال سمو أمير منطقة الرياض رئيس لجنة المهرجان الوطني :\" إن الثقافة طريقنا \"."],
     [(None, None), ("فيصل بن بندر", "وأكد"), ("فيصل بن بندر", "وبين"), ("فيصل بن بندر", "وقال")]),
]


@pytest.mark.parametrize("case", ROLES_AGAIN)
def test_roles_again(case) -> None:
    check(case)


# `للوكالة` after a subject: told to the agency named before, not part of the speaker.
TOLD_TO = [
    (['ثم قال مسؤول في الحركة للوكالة، طالبا عدم الكشف عن اسمه "لقد توفي".'], [("مسؤول في الحركة", "قال")]),
]


@pytest.mark.parametrize("case", TOLD_TO)
def test_told_to(case) -> None:
    check(case)


# A verb followed by a participle or `بقوله` has no subject of its own and continues the last speaker; `عدد من …`
# is a group that speaks (before or after its verb).
CONTINUATIONS_AND_GROUPS = [
    (["قال وزير الخارجية الروسي سيرغي لافروف إن الحل سياسي.", "واستطرد بقوله: «ليس لدينا أية مخططات»."
      , "وأضاف مؤكدا نية «بلاده في تعزيز علاقتها»."],
     [("سيرغي لافروف", "قال"), ("سيرغي لافروف", "واستطرد"), ("سيرغي لافروف", "وأضاف")]),
    (["وكان عدد من خطباء المساجد قد أعلنوا عن تذمرهم.", "وقال عدد من مؤيدي الحزب، إنّ الحارس هو من أطلق النار."],
     [("عدد من خطباء المساجد", "أعلنوا"), ("عدد من مؤيدي الحزب", "وقال")]),
]


@pytest.mark.parametrize("case", CONTINUATIONS_AND_GROUPS)
def test_continuations_and_groups(case) -> None:
    check(case)


def test_quoted_fragment_after_a_participle_is_indirect() -> None:
    from pipeline.attribute import attribute
    from pipeline.records import Article
    from pipeline.segment import segment
    from pipeline.segment_eval import compose

    body, blocks = compose(["قال الوزير خالد العلي إن الحل قريب.", "وأضاف مؤكدا نية «بلاده في تعزيز علاقتها»."])
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    assert [s.mode for s in statements] == ["indirect", "indirect"]


# A family name spelled like a title (`المعلم`) in a comma apposition closes the name; `نقل … عن المعلم قوله`
# then gives that person, via the outlet, and `قوله إن «…»` is direct.
def test_reported_through_a_known_family_name() -> None:
    from pipeline.attribute import attribute
    from pipeline.records import Article
    from pipeline.segment import segment
    from pipeline.segment_eval import compose

    body, blocks = compose(["حط أمس وزير الخارجية السوري، وليد المعلم، رحاله في مسقط.",
                            "ونقل التلفزيون السوري عن المعلم قوله إن «سوريا تدعم أي جهود للتصدي للإرهاب»، لكنه حذر."])
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    assert [(s.speaker_canonical, s.via, s.mode) for s in statements] == [
        (None, None, None), ("وليد المعلم", "التلفزيون السوري", "direct")]


# `بالتنسيق مع`, `بالتعاون مع` after a body end its subject (a circumstance), not an object cut.
ALONGSIDE = [
    (["في شهر مايو الماضي أعلنت وزارة الصحة بالتنسيق مع وزارة التعليم عن حملة جديدة."], [("وزارة الصحة", "أعلنت")]),
    (["وطالب المحكمة الجنائية بالتحقيق في الجريمة."], [(None, None)]),
]


@pytest.mark.parametrize("case", ALONGSIDE)
def test_alongside(case) -> None:
    check(case)
