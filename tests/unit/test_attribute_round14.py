"""Golden tables for round 14 (general shapes counted over the dev file, as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# A sentence opens on a verb that is no speech (`أشاد`, `اجتمع`, `تحدث`, `ثمن`) whose role- or title-headed subject
# runs straight into the verb's object (`بالاجتماع`, `بأعضاء الفريق`, `عن معسكر الفريق`); a participle after it
# (`قائلا`, `، مبيناً`) has that subject. Main read the object into the name (`صالح آل سالم بأعضاء الفريق`) or
# gave up, so the participle had nobody.
OBJECT_AFTER_SUBJECT = [
    (["وأشاد الأمير عبدالله بن مساعد بالاجتماع قائلا: ناقشنا الكثير من المواضيع."],
     [("عبدالله بن مساعد", "قائلا")]),
    (["واجتمع مدير الكرة صالح آل سالم بأعضاء الفريق، مبيناً لهم أهمية الانضباط."], [("صالح آل سالم", "مبيناً")]),
    (["وتحدث قائد الفريق الأول لكرة القدم عمر عبدالعزيز عن معسكر الفريق، قائلاً: الحمد لله."],
     [("عمر عبدالعزيز", "قائلاً")]),
    (["كما أشاد نائب الرئيس اليمني بالتحسن النسبي في عمليات الإغاثة، مطالبًا الدول المانحة بالمزيد."],
     [("نائب الرئيس اليمني", "مطالبًا")]),
    # guards: a title after the role's own place is the subject's name (`بالقوات المسلحة اللواء …`), so no cut;
    # a second subject after a new verb; a person met is no subject; the plain subjects as before
    (["من جهته ثمّن مدير العلاقات العامة بالقوات المسلحة اللواء صالح آل طالب دور البريد، منوهًا بخدماته."],
     [(None, None)]),
    (["واحتفى رئيس البعثة خالد العلي باللاعبين، وعبر مدير المنتخب سعد الحربي عن سعادته، مؤكدا أن الفوز مستحق."],
     [("سعد الحربي", "وعبر")]),
    (["واستقبل أمير المنطقة بالمكتب مدير الشرطة سعد الحربي، مؤكدا أهمية الأمن."], [(None, None)]),
    (["وزار مدير الجامعة خالد العلي المستشفى، مؤكدا أن الخدمات متميزة."], [("خالد العلي", "مؤكدا")]),
]


@pytest.mark.parametrize("case", OBJECT_AFTER_SUBJECT)
def test_object_after_subject(case) -> None:
    check(case)


# The same for people: an opening verb that is no speech, then a quantity of a group or an indefinite plural of
# people, then the verb's object (a demonstrative, a preposition it takes): the plural participle has that group
# (main left `واستنكر يمنيون هذه الخطوة، مشيرين` unread).
PEOPLE_BEFORE_OBJECT = [
    (["واستنكر يمنيون هذه الخطوة، مشيرين إلى أنها تمثل اعتداء."], [("يمنيون", "مشيرين")]),
    (["واستنكر سوريون تلك القرارات، مؤكدين أنها مجحفة."], [("سوريون", "مؤكدين")]),
    (["وأثنى عدد من المواطنين على الخدمات، مؤكدين أنها متميزة."], [("عدد من المواطنين", "مؤكدين")]),
    (["وأشاد عدد من أولياء الأمور بالمبادرة، مؤكدين أنها مفيدة."], [("عدد من أولياء الأمور", "مؤكدين")]),
    # guards: a listed group reads as before; a definite object with no mark of its own, and a group with a place
    # phrase, stay unread
    (["واستنكر مقيمون تلك القرارات، مؤكدين أنها مجحفة."], [("مقيمون", "مؤكدين")]),
    (["واستنكر مواطنون الحادث، مشيرين إلى أنه جريمة."], [(None, None)]),
    (["وشارك عدد من المواطنين في الحملة، مؤكدين أهميتها."], [(None, None)]),
]


@pytest.mark.parametrize("case", PEOPLE_BEFORE_OBJECT)
def test_people_before_object(case) -> None:
    check(case)


# The one told before the subject (`فقال له ابن العباس..`, `فقالت لي الصديقة «…»`, `وقال لهم الوزير فلان إن`): the
# dative pronoun is skipped as the outlet told is; the subject must end at punctuation and each of its words be a
# known name, a title, a role or a definite word (the classical dialogue ran `ابن العباس أنشدنا فأنشد` together).
# Main read nobody. Two dots after the subject with no quotation (`ابن العباس.. ما رأيت`) open the words themselves.
TOLD_BEFORE_SUBJECT = [
    (["فقال له ابن العباس.. ما رأيت أروى من عمر."], [("ابن العباس", "فقال")]),
    (["فقالت لي الصديقة «إن مشكلتها تتلخص في الخوف»."], [("الصديقة", "فقالت")]),
    (["وقال لهم الوزير خالد العلي إن الدعم مستمر."], [("خالد العلي", "وقال")]),
    (["وقال لها الطبيب إن حالتها مستقرة."], [("الطبيب", "وقال")]),
    # guards: no subject after the dative, a possessive noun after it, a name run into the words, a subject cut at a
    # preposition
    (["قالوا لي خذ ما تراه مناسبا."], [(None, None)]),
    (["وقال لي إحساسي بالجميل إن علي أن أشكرهم."], [(None, None)]),
    (["فقال له ابن العباس أنشدنا فأنشد: رأت رجلا."], [(None, None)]),
    (["وبعد تراجعي قال لي المسؤول عن البرنامج، الذي تولى التنسيق، حرصنا على ذلك."], [(None, None)]),
]


@pytest.mark.parametrize("case", TOLD_BEFORE_SUBJECT)
def test_told_before_subject(case) -> None:
    check(case)


def test_two_dots_open_the_words() -> None:
    from tests.unit.test_attribute_phenomena import compose, segment, attribute, Article
    body, blocks = compose(["فقال ابن عباس.. ليس هكذا قال.", "وقال ابن عباس إن الأمر واضح."])
    modes = [s.mode for s in attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))]
    assert modes == ["direct", "indirect"]


# An auxiliary right before a present cue (`كان يقول`, `ظل يؤكد`): the subject stands before the auxiliary (or between
# a كان opening the clause and the verb, as before), never after the verb, where the words said begin (main gave
# `بورك لأمتي` for `فرسولنا الكريم كان يقول بورك لأمتي في بكورها`, a wrong speaker).
AUXILIARY_BEFORE_CUE = [
    (["فرسولنا الكريم كان يقول بورك لأمتي في بكورها."], [(None, None)]),
    (["لكن وزير المالية كان يؤكد أن الخطة جاهزة."], [("وزير المالية", "يؤكد")]),
    (["لكن رئيس النادي ظل يؤكد أن الفريق قادر على المنافسة."], [("رئيس النادي", "يؤكد")]),
    # guards: a thing after the verb stays nobody; كان opening the clause with the subject before the verb; the
    # plain SVO; nobody before the auxiliary
    (["وفي المقابل كانت تقول الأغنية القديمة كلاما جميلا."], [(None, None)]),
    (["وكان وزير المالية يقول إن الخطة جاهزة."], [("وزير المالية", "يقول")]),
    (["لكن وزير المالية يؤكد أن الخطة جاهزة."], [("وزير المالية", "يؤكد")]),
    (["بينما كانوا يطالبون برقابة أشد."], [(None, None)]),
    # guards (review): a past verb after كان is a pluperfect whose subject follows it, as before round 14
    (["وكانت أعلنت وزارة الصحة أمس أن الحالات مستقرة."], [("وزارة الصحة", "أعلنت")]),
    (["وكان قال وزير الخارجية سامح شكري إن الحوار مستمر."], [("سامح شكري", "قال")]),
]


@pytest.mark.parametrize("case", AUXILIARY_BEFORE_CUE)
def test_auxiliary_before_cue(case) -> None:
    check(case)


# A masculine plural after a definite body (`ودعت الجمعية المهتمين إلى`, `ودعت اللجنة الراغبين في الحضور`): it cannot
# describe one body, so it begins the object; main read `الجمعية المهتمين` and `اللجنة الراغبين في الحضور التسجيل`
# as the speaker (wrong speakers, 2 dev articles).
PLURAL_AFTER_BODY = [
    (["ودعت الجمعية المهتمين إلى التسجيل في الدورة."], [("الجمعية", "ودعت")]),
    (["ودعت اللجنة الراغبين في الحضور التسجيل عبر الرابط."], [("اللجنة", "ودعت")]),
    (["ودعت الجمعية الخيرية المهتمين إلى التسجيل."], [("الجمعية الخيرية", "ودعت")]),
    # guards: a ل-genitive plural, a dual, a name in -ين and a plural body stay part of the subject
    (["وأكدت الجمعية المصرية للمحاسبين أن المشروع جاهز."], [("الجمعية المصرية للمحاسبين", "وأكدت")]),
    (["وقالت الرئاسة العامة لشؤون الحرمين إن المشروع جاهز."], [("الرئاسة العامة لشؤون الحرمين", "وقالت")]),
    (["وقال المرصد السوري لحقوق الإنسان إن القتلى كثر."], [("المرصد السوري لحقوق الإنسان", "وقال")]),
    (["وقالت اللجنة المنظمة إن الحضور كبير."], [("اللجنة المنظمة", "وقالت")]),
]


@pytest.mark.parametrize("case", PLURAL_AFTER_BODY)
def test_plural_after_body(case) -> None:
    check(case)


# Pictures are documents (`صور توضح تسريبات جديدة`): a present cue after them has no speaker after it (main read
# `تسريبات جديدة`, a wrong speaker, in a dev technology item).
PICTURES_SHOW = [
    (["انتشرت عبر شبكة الانترنت صور توضح تسريبات جديدة حول الجهاز."], [(None, None)]),
    (["ونشر الموقع صورة تظهر الجهاز الجديد وتوضح تصميمه."], [(None, None)]),
    # guards: a photographer speaks; a report of pictures leaves the statement's speaker alone
    (["وأكد المصور أن الصور حقيقية."], [("المصور", "وأكد")]),
    (["وقال المتحدث باسم الشركة إن الصور المتداولة مزيفة."], [("المتحدث باسم الشركة", "وقال")]),
]


@pytest.mark.parametrize("case", PICTURES_SHOW)
def test_pictures_show(case) -> None:
    check(case)


# An owner after a name (`أحمد الغامدي صاحب مطعم إن`, `مالك مطعم`): `صاحب` heads a role when no title follows it,
# so the name is read and the statement's first cue keeps it (main read nobody there and gave the statement to the
# next `ويقول عبدالعزيز الزهراني`, a wrong speaker, held-out14). A cue word after غير, دون or بدون is a noun
# (`غير وصف صاحبه بأنه`, `غير وصف الرجل`: main read `الرجل` as a speaker).
OWNERS_AND_NOUNS = [
    (["ويقول أحمد الغامدي صاحب مطعم إن أسعار اللحوم ارتفعت، ويقول عبدالعزيز الزهراني تشهد المطابخ إقبالا."],
     [("أحمد الغامدي", "ويقول")]),
    (["وقال أحمد الغامدي مالك مطعم إن الأسعار ارتفعت."], [("أحمد الغامدي", "وقال")]),
    (["فلم أجد غير وصف الرجل بأنه أوفى من الوفاء."], [(None, None)]),
    # guards: the royal title, the owner as a role before the name, a possessive `صاحبه`, `غير أن` before a subject
    (["وأكد صاحب السمو الملكي الأمير خالد الفيصل أن المشروع مهم."], [("خالد الفيصل", "وأكد")]),
    (["وقال صاحب المطعم أحمد الغامدي إن الأسعار ارتفعت."], [("أحمد الغامدي", "وقال")]),
    (["فلم أجد غير وصف صاحبه بأنه أوفى من الوفاء."], [(None, None)]),
    (["غير أن وزير المالية قال إن الخطة جاهزة."], [("وزير المالية", "قال")]),
]


@pytest.mark.parametrize("case", OWNERS_AND_NOUNS)
def test_owners_and_nouns(case) -> None:
    check(case)


# A statement with no cue that opens on a stance verb (`قدم`, `ثمن`, `أشاد`, `استنكر`; also after a fronted `وفي …`)
# and a titled or role-headed person named in full, read up to the verb's object (`الشكر`, `بالمنظمين`): a later
# subjectless cue (`وقال: إن`, `وأضاف أن`) goes on with that person. Main went on with the speaker quoted before (a
# wrong speaker) or, at an article's start after a fronted phrase, with nobody.
INTRODUCED_BY_STANCE = [
    (["قال الوزير خالد العلي إن المهرجان ناجح.",
      "وفي بداية الحفل قدم الدكتور علاء نصيف الشكر للجهات الحكومية المساندة.",
      "وقال: إن الهيئة دأبت على إقامة المهرجان."],
     [("خالد العلي", "قال"), (None, None), ("علاء نصيف", "وقال")]),
    (["وفي بداية الحفل قدم الدكتور علاء نصيف الشكر للجهات الحكومية المساندة.",
      "وقال: إن الهيئة دأبت على إقامة المهرجان."],
     [(None, None), ("علاء نصيف", "وقال")]),
    (["قال الوزير خالد العلي إن المهرجان ناجح.", "وأشاد مدير الجامعة الدكتور سعد الحربي بالمنظمين.",
      "وأضاف أن الحضور كان كبيرا."],
     [("خالد العلي", "قال"), (None, None), ("سعد الحربي", "وأضاف")]),
    # guards: no person after the stance verb, a verb that is no stance, the same person again
    (["قال الوزير خالد العلي إن المهرجان ناجح.", "وثمن الحضور جهود المنظمين.", "وأضاف أن الحضور كان كبيرا."],
     [("خالد العلي", "قال"), (None, None), ("خالد العلي", "وأضاف")]),
    (["قال الوزير خالد العلي إن المهرجان ناجح.", "وشهد الحفل حضور الدكتور سعد الحربي.",
      "وأضاف أن الحضور كان كبيرا."],
     [("خالد العلي", "قال"), (None, None), ("خالد العلي", "وأضاف")]),
    (["قال الوزير خالد العلي إن المهرجان ناجح.", "وقدم الوزير خالد العلي الشكر للمنظمين.",
      "وأضاف أن الحضور كان كبيرا."],
     [("خالد العلي", "قال"), (None, None), ("خالد العلي", "وأضاف")]),
]


@pytest.mark.parametrize("case", INTRODUCED_BY_STANCE)
def test_introduced_by_stance(case) -> None:
    check(case)


# A time phrase closed by a comma between a constrained verb's subject and the word it needs (`وعبر الفلقي أثناء
# زيارته لأسرتي الشهيدين، عن فخر …`, `خلال لقائه …، عن`): the phrase is skipped as the outlet told is; main read
# nobody.
SETTING_BEFORE_COMPLEMENT = [
    (["زار مدير الشرطة اللواء سعد الفلقي أسر الشهداء.",
      "وعبر الفلقي أثناء زيارته لأسرتي الشهيدين، عن فخر الجميع بهما."],
     [(None, None), ("سعد الفلقي", "وعبر")]),
    (["وعبر وزير الخارجية خلال لقائه نظيره الفرنسي، عن تقديره للموقف الفرنسي."], [("وزير الخارجية", "وعبر")]),
    # guards: no speaker word before the phrase; the verb as a preposition (`عبر`, via)
    (["وعبر الحضور خلال الحفل، عن سعادتهم."], [(None, None)]),
    (["وتم التسجيل عبر الموقع خلال الأسبوع، عن طريق الجوال."], [(None, None)]),
]


@pytest.mark.parametrize("case", SETTING_BEFORE_COMPLEMENT)
def test_setting_before_complement(case) -> None:
    check(case)
