"""Golden tables for attribution, one per phenomenon (pySBD style), written for this project.

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement.
"""
from __future__ import annotations

import pytest

from pipeline.attribute import attribute
from pipeline.records import Article
from pipeline.segment import segment
from pipeline.segment_eval import compose


def speakers(*paragraphs: str | tuple[str, str]) -> list[tuple[str | None, str | None]]:
    body, blocks = compose(list(paragraphs))
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    return [(s.speaker_canonical, s.cue) for s in statements]


def check(case: tuple[list[str], list[tuple[str | None, str | None]]]) -> None:
    paragraphs, expected = case
    assert speakers(*paragraphs) == expected


# A name, then its role in apposition: the name is the speaker, the role is not part of it, and a later
# mention by that role resolves to the name.
NAME_THEN_ROLE = [
    (["وقال الدكتور سامي العنزي مدير مستشفى الملك فهد إن الحالات مستقرة."], [("سامي العنزي", "وقال")]),
    (["أكد الشيخ ناصر الحربي مفتي المنطقة أن الفتوى واضحة."], [("ناصر الحربي", "أكد")]),
    (["دعا الشيخ ناصر الحربي مفتي المنطقة إلى التهدئة.", "وأكد مفتى المنطقة أن الحوار هو الحل."],
     [("ناصر الحربي", "دعا"), ("ناصر الحربي", "وأكد")]),
    (["وقالت ليلى حداد الخبيرة في شؤون الطاقة لدى مركز دراسات إن الأسعار سترتفع."], [("ليلى حداد", "وقالت")]),
    (["وقال البريغادير جنرال يوسي الحداد أمس، إن الخطر تضاعف."], [("يوسي الحداد", "وقال")]),
    (["وقال الصحفي والناشط في مدينة الحديدة فؤاد سالم لـ«الصحيفة»: «المدينة تعاني»."], [("فؤاد سالم", "وقال")]),
    (["وقال مارك ليم كبير المحللين لدى شركة الوساطة إن الأسعار تتراجع."], [("مارك ليم", "وقال")]),
    (["أعلن وزير الزراعة والإصلاح الزراعي نزار الحسن أن المحصول وفير."], [("نزار الحسن", "أعلن")]),
]


@pytest.mark.parametrize("case", NAME_THEN_ROLE)
def test_name_then_role(case) -> None:
    check(case)


# A name ends where an object begins: a noun with a possessive suffix, an abstract noun, or (after a role
# that is complete) a word that cannot start a name. Names may start with أل (أليكسي) without being definite.
NAME_ENDS = [
    (["أكد رئيس الوفد الروسي أليكسي فولكوف رغبة بلاده في التعاون."], [("أليكسي فولكوف", "أكد")]),
    (["وأعلن الوزير خالد حمدان رغبته في التقاعد."], [("خالد حمدان", "وأعلن")]),
    (["وأكد الجانبان أهمية التعاون."], [("الجانبان", "وأكد")]),
    (["وأكد المدرب الكسندر بيتروف ثقته في اللاعبين."], [("الكسندر بيتروف", "وأكد")]),
    (["قال المتحدث سالم الهاشمي إن الحملة بدأت.", "ودعا الوزير الأهالي إلى التعاون."],
     [("سالم الهاشمي", "قال"), ("الوزير", "ودعا")]),
]


@pytest.mark.parametrize("case", NAME_ENDS)
def test_name_ends_before_the_object(case) -> None:
    check(case)


# A chain of indefinite nouns (`مدير فرع مياه تبوك`) ends in a place, not a person: the name starts with a
# given name or is set off by commas; a chain with no name is the speaker itself.
CONSTRUCT_CHAINS = [
    (["وقال مدير فرع مياه تبوك سعد الشهري لـ«الصحيفة» إن الشبكة جاهزة."], [("سعد الشهري", "وقال")]),
    (["أعلن محافظ ريف حلب أن الطرق مغلقة."], [("محافظ ريف حلب", "أعلن")]),
    (["وقال رئيس وزراء الأردن، هاني الملقي، إن الموازنة أقرت."], [("هاني الملقي", "وقال")]),
]


@pytest.mark.parametrize("case", CONSTRUCT_CHAINS)
def test_construct_chains(case) -> None:
    check(case)


# A family name alone, once the article has given the full name (even in a long first mention).
FAMILY_NAMES = [
    (["وأوضح المدير الإقليمي للجمعية الخيرية لرعاية الأيتام في منطقة حائل الدكتور ماجد عبد الكريم الرشيد أن "
      "البرنامج توسع.", "وشدد الرشيد على أهمية الدعم."],
     [("ماجد عبد الكريم الرشيد", "وأوضح"), ("ماجد عبد الكريم الرشيد", "وشدد")]),
    (["انتقد رئيس المجلس البلدي بمحافظة العلا التابعة لمنطقة المدينة المنورة المهندس سعد الراشد تأخر المشاريع.",
      "وأضاف الراشد أن الميزانية لم تصل."],
     [(None, None), ("سعد الراشد", "وأضاف")]),
    (["وقال وزير الصحة وائل السيد خلال المؤتمر إن الحملة بدأت.", "وأوضح السيد أن الفرق جاهزة."],
     [("وائل السيد", "وقال"), ("وائل السيد", "وأوضح")]),
    (["وقالت الوزيرة هند العبد الله في كلمة إن المعرض ناجح.", "وأوضحت العبد الله أن الأجنحة كثيرة."],
     [("هند العبد الله", "وقالت"), ("هند العبد الله", "وأوضحت")]),
    (["وقال الشيخ علي بن سالم الغامدي إن الموسم جيد."], [("علي بن سالم الغامدي", "وقال")]),
    (["أكد وزير الخارجية وليد المعلم أن المحادثات مثمرة.", "ونقل التلفزيون الرسمي عن المعلم قوله إن الحل سياسي."],
     [("وليد المعلم", "أكد"), ("وليد المعلم", "ونقل")]),
]


@pytest.mark.parametrize("case", FAMILY_NAMES)
def test_family_names(case) -> None:
    check(case)


# `X … الذي أكد`: the speaker is the person named just before the relative pronoun.
RELATIVE_CLAUSES = [
    (["وتحدثت الصحيفة مع فهد الزهراني المتحدث باسم البلدية، والذي أوضح أن المشروع متأخر."],
     [("فهد الزهراني", "أوضح")]),
    (["واستمعت اللجنة إلى سالم القحطاني الذي أكد أن الطريق سيفتح قريبا."], [("سالم القحطاني", "أكد")]),
    (["ويعد المشروع الذي أعلن عنه العام الماضي الأكبر في المنطقة."], [(None, None)]),
]


@pytest.mark.parametrize("case", RELATIVE_CLAUSES)
def test_relative_clauses(case) -> None:
    check(case)


# `أصدر بيانا أكد فيه`, `ألقى كلمة أشار فيها`: the speaker is the subject of the clause that holds the
# statement; `الذي أكدت فيه مصادر`: the subject follows فيه.
RESUMPTIVE = [
    (["وأصدرت الهيئة بيانا أكدت فيه أن الأسواق مستقرة."], [("الهيئة", "أكدت")]),
    (["وألقى رئيس النادي سالم العنزي كلمة أشار فيها إلى الإنجازات."], [("سالم العنزي", "أشار")]),
    (["في الوقت الذي أكدت فيه مصادر مطلعة أن الاتفاق قريب."], [("مصادر مطلعة", "أكدت")]),
]


@pytest.mark.parametrize("case", RESUMPTIVE)
def test_resumptive_fihi(case) -> None:
    check(case)


# Groups speak too (`الأهالي`, `الفصائل`), when the sentence leaves no doubt they are the subject; documents
# (`التقارير`) do not.
GROUPS = [
    (["وقالت الفصائل في بيان إن الهدنة انهارت."], [("الفصائل", "وقالت")]),
    (["يشكو أهالي قرية الريش من انقطاع الكهرباء، مشيرين إلى تلف المحولات.", 'وقال الأهالي: "ننتظر الحل منذ شهور".'],
     [("أهالي قرية الريش", "مشيرين"), ("أهالي قرية الريش", "وقال")]),
    (["ذكرت التقارير أن الأسعار ارتفعت."], [(None, None)]),
    (["وأكد الحرص على متابعة المشروع."], [(None, None)]),
]


@pytest.mark.parametrize("case", GROUPS)
def test_groups(case) -> None:
    check(case)


# An indefinite source with its adjectives (`مسؤول أمريكي`, `مصادر قريبة من الحكومة`).
INDEFINITE_SOURCES = [
    (["وأكد مسؤول أمريكي مطلع على المفاوضات أن الجولة انتهت."], [("مسؤول أمريكي", "وأكد")]),
    (["لكن مصادر قريبة من الحكومة أوضحت أن الخطة جاهزة."], [("مصادر قريبة من الحكومة", "أوضحت")]),
]


@pytest.mark.parametrize("case", INDEFINITE_SOURCES)
def test_indefinite_sources(case) -> None:
    check(case)


# The speaker of a sentence is its own subject when it has one, never the last speaker by default.
SAME_SENTENCE_SUBJECT = [
    (["وقال المدرب سامي الجابر إن الفريق قدم مباراة كبيرة.",
      "من جانبه، أبدى المهاجم ماجد الشهري ارتياحه للفوز، وقال: “كان يوما رائعا”."],
     [("سامي الجابر", "وقال"), ("ماجد الشهري", "وقال")]),
    (["قال المحلل سامر نصار إن السوق هادئة.",
      "وقالت ريم فارس المحللة لدى بنك استثماري في مذكرة للعملاء إن الطلب ضعيف."],
     [("سامر نصار", "قال"), ("ريم فارس", "وقالت")]),
    (["قال رئيس الجمعية فهد الدوسري إن الخدمات ضعيفة.", "وطالب الوزارة بالتدخل العاجل."],
     [("فهد الدوسري", "قال"), ("فهد الدوسري", "وطالب")]),
    (["من قال الحقيقة نجا."], [(None, None)]),
    (["وقال المتحدث سامي الحربي إن الأسعار مستقرة.", "لكن محللين حذروا من أن الطلب قد يتراجع."],
     [("سامي الحربي", "وقال"), ("محللين", "حذروا")]),
    (["وقال المتحدث سامي الحربي إن الأسعار مستقرة.", "وأكد الوزير والمقرضون في البيان المشترك التزامهم بالمعايير."],
     [("سامي الحربي", "وقال"), ("الوزير", "وأكد")]),
    (["وقال قائد الحرس اللواء فهد الزهراني، إن الحدود آمنة.",
      "من جانبه ثمن مدير الدفاع المدني بالمنطقة اللواء سعيد الحارثي جهود الفرق، مؤكدا أن الجاهزية عالية."],
     [("فهد الزهراني", "وقال"), ("سعيد الحارثي", "مؤكدا")]),
    (["وقال قائد الحرس اللواء فهد الزهراني، إن الحدود آمنة.",
      "أما مدير مرور المنطقة المكلف سالم خلف العنزي فقال: الحمد لله على السلامة."],
     [("فهد الزهراني", "وقال"), ("سالم خلف العنزي", "فقال")]),
    # `المعلم` opens the second sentence as its own subject (unread): it is not the last speaker, so no speaker
    (["وقال قائد الحرس اللواء فهد الزهراني، إن الحدود آمنة.",
      "ووصل المعلم جدة قادما من الرياض، وقال إن الزيارة قصيرة."],
     [("فهد الزهراني", "وقال"), (None, None)]),
    (["دعا الدكتور شوقي علام مفتي مصر الدول إلى التعاون.",
      "وتقدم مفتي مصر بخالص العزاء لأسر الشهداء، داعيًا الله أن يحفظ البلاد."],
     [("شوقي علام", "دعا"), ("شوقي علام", "داعيًا")]),
]


@pytest.mark.parametrize("case", SAME_SENTENCE_SUBJECT)
def test_same_sentence_subject(case) -> None:
    check(case)


# Speech verbs added to the lexicon, each with a subject.
MORE_CUES = [
    (["ونبه الطبيب إلى خطورة السهر."], [("الطبيب", "ونبه")]),
    (["وأهابت اللجنة في بيانها بالأهالي عدم الاقتراب."], [("اللجنة", "وأهابت")]),
    (["كتبت صحيفة الغارديان في افتتاحيتها أن الأزمة تتعمق."], [("صحيفة الغارديان", "كتبت")]),
    (["واختتم مدير الجمعية خالد الربيعان تصريحه بأن الأعمال ستنتهي قريبا."], [("خالد الربيعان", "واختتم")]),
    (["واختتمت الدورة أعمالها أمس."], [(None, None)]),
]


@pytest.mark.parametrize("case", MORE_CUES)
def test_more_cues(case) -> None:
    check(case)
