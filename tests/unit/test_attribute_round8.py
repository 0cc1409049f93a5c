"""Golden tables for the attr8 branch (held-out12's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# A feminine speech verb before a definite masculine word and a name word (`أعلنت الأهلي كابيتال، المستشار …`): the
# definite word cannot describe a woman, so it opens a company's name and the company speaks; main took the last word
# (`كابيتال`) for a person described by `الأهلي`.
FEMININE_BODY = [
    (["أعلنت الأهلي كابيتال، المستشار المالي للطرح، عن انتهاء الاكتتاب في الأسهم."],
     [("الأهلي كابيتال", "أعلنت")]),
    (["وأعلنت الراجحي كابيتال، مدير الصندوق، عن توزيع أرباح نقدية على المشتركين."],
     [("الراجحي كابيتال", "وأعلنت")]),
    # guards: a feminine descriptor of a woman, a masculine verb with a descriptor, and a given name after the word
    (["وقالت الإعلامية سارة، إن البرنامج سيعود قريبا."], [("سارة", "وقالت")]),
    (["وأعلن الموسيقار خالد برزنجي، أن الحفل سيقام في جدة."], [("خالد برزنجي", "وأعلن")]),
    (["فاجأ القائد الجميع بخطوة جريئة أكدت للعالم أجمع أن العرب أمة قوية."], [(None, None)]),
]


@pytest.mark.parametrize("case", FEMININE_BODY)
def test_feminine_body(case) -> None:
    check(case)


# A praise formula after a speech verb (`قال الله تعالى (…)`, `وقال تعالى (…)`) names God, and the verse set off after
# it is His speech, quoted; main read no subject in `الله تعالى` and none in `تعالى`. God is nobody a later cue goes on with.
VERSE = [
    (["أصدرت وزارة الداخلية اليوم بيانًا حول تنفيذ حكم القصاص، وفيما يلي نص البيان :",
      "قال الله تعالى ( وَلَكُمْ فِي الْقِصَاصِ حَيَاةٌ ) الآية", "وقال تعالى ( وَلَا تَقْتُلُوا النَّفْسَ ).",
      "وأضاف أن الحكم نفذ اليوم."],
     [(None, None), ("الله", "قال"), ("الله", "وقال"), (None, None)]),
    (["وقال الله عز وجل: ﴿ إِنَّ اللَّهَ مَعَ الصَّابِرِينَ ﴾."], [("الله", "وقال")]),
    # guards: the formula with no verse set off after it, the Prophet (not the formula), and God as an object
    (["قال الله تعالى في كتابه الكريم إن الصبر مفتاح الفرج."], [(None, None)]),
    (["قال رسول الله صلى الله عليه وسلم ( الدين النصيحة )."], [(None, None)]),
    (["وأكد الشيخ صالح الفوزان أن الأمن نعمة، داعيًا الله تعالى ( أن يحفظ البلاد )."],
     [("صالح الفوزان", "وأكد")]),
]


@pytest.mark.parametrize("case", VERSE)
def test_verse(case) -> None:
    check(case)


# `عبر … عن شكره` whose subject's role ends in a body's short name in parentheses (`لشركة سلامة للتأمين التعاوني
# (سلامة)، عن شكره`): the parenthesis stands between the subject and the `عن` the verb needs; main saw no `عن` and
# dropped the cue. `عبر … عن طريق` ("via … by way of") expresses nothing, and main read a speaker there.
EXPRESSED = [
    (["أعلنت الشركة عن انتهاء الاكتتاب في الأسهم.",
      "ومن جهته، عبر الدكتور صالح ملائكة رئيس مجلس الإدارة لشركة سلامة للتأمين التعاوني (سلامة)، عن شكره لكل من ساهم."],
     [("الشركة", "أعلنت"), ("صالح ملائكة", "عبر")]),
    (["وعبر رئيس النادي الأهلي (الراقي)، عن سعادته بالفوز."], [("رئيس النادي الأهلي", "وعبر")]),
    (["ويمكن التسجيل عبر موقع الوزارة (أبشر)، عن طريق الجوال."], [(None, None)]),
    (["ويمكن التسجيل عبر موقع الوزارة أبشر، عن طريق الجوال."], [(None, None)]),
    # guard: a channel in parentheses after عبر as "via"
    (["وبث التلفزيون عبر قناته الأولى (الإخبارية)، عن الحادث تقريرا مفصلا."], [(None, None)]),
]


@pytest.mark.parametrize("case", EXPRESSED)
def test_expressed(case) -> None:
    check(case)


# `وألقى قائد عام المخيم محمد فايل رعدان خلال حفل الافتتاح … بحضور عدد من القيادات، كلمة أوضح فيها أن`: the speech
# noun is the object of the delivering verb that opens the sentence, so that verb's role-introduced subject speaks;
# main had nobody (or the group in the aside before the noun).
DELIVERED = [
    (["بدأت الجمعية مشاركتها في المخيم الكشفي اليوم.",
      "وألقى قائد عام المخيم محمد فايل رعدان خلال حفل الافتتاح الذي افتتح فعالياته المدير العام بالمديرية خميس بن سالم "
      "الراسبي، بحضور عدد من القيادات الكشفية، كلمة أوضح فيها أن الهدف من المخيم الاستفادة من المؤسسات."],
     [(None, None), ("محمد فايل رعدان", "أوضح")]),
    (["وألقى مدير التعليم الدكتور سعد العتيبي خلال الحفل الذي أقيم بالمناسبة، كلمة أكد فيها أن التعليم أولوية."],
     [("سعد العتيبي", "أكد")]),
    # guards: an opener whose subject is a body with no name (the named speaker later keeps the clause), another speech
    # verb between the opener and the noun (the sentence's first cue), and the noun right after the name (as on main)
    (["وألقت الشرطة القبض على المتهم، وقدم مدير الشرطة العميد فهد الزهراني كلمة أكد فيها أن الأمن مستتب."],
     [("فهد الزهراني", "أكد")]),
    (["وألقى مدير التعليم الدكتور سعد العتيبي خلال الحفل الذي قال فيه المحافظ إن الحفل ناجح، كلمة أكد فيها أن التعليم مهم."],
     [("المحافظ", "قال")]),
    (["وألقى مدير التعليم الدكتور سعد العتيبي كلمة أكد فيها أن التعليم مهم."], [("سعد العتيبي", "أكد")]),
    # `ثم قدم رئيس المركز كلمة`: the verb before a role is no name (main: the speaker `قدم`); the role speaks
    (["ثم قدم رئيس المركز كلمة أكد فيها أن المركز يعمل على مدار الساعة."], [("رئيس المركز", "أكد")]),
    (["وقدم رئيس النادي كلمة أوضح فيها أن الموسم كان ناجحا."], [("رئيس النادي", "أوضح")]),
]


@pytest.mark.parametrize("case", DELIVERED)
def test_delivered(case) -> None:
    check(case)


# `ووزارة الداخلية إذ تعلن ذلك لتؤكد للجميع … وتحذر … بأن`: a body fronted as the sentence's topic, a circumstantial
# `إذ` clause, then a speech verb of purpose glued to ل: the body says it; main had no subject for `وتحذر`.
FRONTED = [
    (["وقد تم تنفيذ حكم القتل بالجاني اليوم بمنطقة الباحة.",
      "ووزارة الداخلية إذ تعلن ذلك لتؤكد للجميع حرص الحكومة على استتباب الأمن, وتحذر كل من تسول له نفسه بأن العقاب سيكون مصيره."],
     [(None, None), ("وزارة الداخلية", "لتؤكد")]),
    (["وهيئة الطيران المدني إذ تعلن هذه الإجراءات لتؤكد أن سلامة المسافرين أولوية."],
     [("هيئة الطيران المدني", "لتؤكد")]),
    # guards: a ل-verb that is no speech, a fronted noun that is no body, and a comma before the verb
    (["ووزارة الصحة إذ تعمل على ذلك لتحقيق أهدافها في الوقاية, وتحذر من الإهمال."], [(None, None)]),
    (["وزيارة الوفد إذ جاءت في هذا التوقيت لتؤكد عمق العلاقات بين البلدين."], [(None, None)]),
]


@pytest.mark.parametrize("case", FRONTED)
def test_fronted(case) -> None:
    check(case)


# Held-out11's second lecturer: `ورشة عمل … قدمها الدكتور أسامة عبدالسلام … كما استعرض صفات الباحث الناجح وقال يجب
# أن`: a role head in a genitive after a plural noun (`صفات الباحث`) introduces nobody, and an impersonal modal after
# the cue (`يجب`) opens what is said, not a subject; main read `يجب` as the subject and had nobody.
LECTURER = [
    (["كما أقيمت ورشة عمل علمية بعنوان «مهارات البحث العلمي» قدمها الدكتور أسامة عبدالسلام أستاذ التكنولوجيا المساعد "
      "حيث ناقش في محاضرته مناهج البحث كما استعرض صفات الباحث الناجح وقال يجب أن تتوفر الرغبة الشخصية في البحث."],
     [("أسامة عبدالسلام", "وقال")]),
    (["ورشة عمل قدمها الدكتور أسامة عبدالسلام حيث ناقش المناهج وقال ينبغي أن يتواضع الباحث."],
     [("أسامة عبدالسلام", "وقال")]),
    # `حيث` ends the name (main read `أسامة عبدالسلام حيث`, a wrong speaker, when no role closed it)
    (["ورشة عمل قدمها الدكتور أسامة عبدالسلام حيث ناقش المناهج وقال إن الباحث متواضع."],
     [("أسامة عبدالسلام", "وقال")]),
    # guards: a person introduced by a role after a singular noun speaks for himself, nobody presented, and a role
    # introducing another person before the modal
    (["ورشة عمل قدمها الدكتور أسامة عبدالسلام حيث استعرض صفات الباحث الناجح وقال الباحث خالد العمري إن البحث مهم."],
     [("خالد العمري", "وقال")]),
    (["واستقبل الأمير الوفد وقال يجب أن نتعاون."], [(None, None)]),
    (["ورشة عمل قدمها الدكتور أسامة عبدالسلام حيث استعرض تجربة الباحث خالد العمري وقال يجب أن نتعلم."], [(None, None)]),
]


@pytest.mark.parametrize("case", LECTURER)
def test_lecturer(case) -> None:
    check(case)
