"""Golden tables for the round5 branch (held-out9's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# A name set off by commas after a long role, its nasab closed by a family name spelled like a role head
# (`المرشد`, `المخرج`): the person speaks, and the subjectless cues after it continue them.
NASAB_APPOSITION = [
    (["وأوضح مدير عام إدارة البرامج والمنتجات السياحية المكلف في الهيئة العامة للسياحة والتراث الوطني، عبدالله بن "
      "عبدالملك المرشد، أن هذه الفرص الوظيفية تتمثل في اللجان.", "وأشار إلى أن المهرجانات تعد من أبرز الأنشطة."],
     [("عبدالله بن عبدالملك المرشد", "وأوضح"), ("عبدالله بن عبدالملك المرشد", "وأشار")]),
    (["وأوضح مدير عام إدارة البرامج في الهيئة، عبدالله بن عبدالملك المرشد، أن الفرص متاحة."],
     [("عبدالله بن عبدالملك المرشد", "وأوضح")]),
    (["وأكد المتحدث الرسمي للهيئة، الدكتور خالد بن محمد المخرج، أن الخطة جاهزة.", "وأضاف أن التنفيذ يبدأ غدا."],
     [("خالد بن محمد المخرج", "وأكد"), ("خالد بن محمد المخرج", "وأضاف")]),
    # guard: a role after the nasab that runs on (`المدير التنفيذي للشركة`) is no family name
    (["وقال رئيس مجلس إدارة الجمعية، محمد بن علي المدير التنفيذي للشركة، إن الخطة جاهزة."],
     [("رئيس مجلس إدارة الجمعية", "وقال")]),
    # guard: an apposed name without a nasab keeps its ordinary reading
    (["وقال رئيس اللجنة، خالد الغامدي، إن الخطة جاهزة."], [("خالد الغامدي", "وقال")]),
]


@pytest.mark.parametrize("case", NASAB_APPOSITION)
def test_nasab_apposition(case) -> None:
    check(case)


# Statements and their issuer: `وفقا لبيان صادر عن X` and `قال بيان X` are X's words (a statement does not speak),
# and a later `وأشار البيان` goes to X.
ISSUERS = [
    (["وافقت الحكومة على تمديد المهلة؛ مشيرة إلى أن التمديد قد يصل إلى ستة أشهر، وفقا لبيان صادر عن رئاسة الجمهورية.",
      "وأشار البيان إلى أن الهدف هو حماية الأمن القومي."],
     [("رئاسة الجمهورية", "وفقا ل"), ("رئاسة الجمهورية", "وأشار")]),
    (['ووفقا لوكالة الأنباء الفرنسية، قال بيان الرئاسة "وافق المجلس على تمديد المشاركة".',
      "وأضاف البيان أن المهمة تنتهي في مارس."],
     [("الرئاسة", "قال"), ("الرئاسة", "وأضاف")]),
    (["وبحسب بيان صادر عن وزارة الداخلية، فإن المتهمين أوقفوا.", "وأوضح البيان أن التحقيق مستمر."],
     [("وزارة الداخلية", "وبحسب"), ("وزارة الداخلية", "وأوضح")]),
    (["وفقا لبيان نشرته الصحيفة، فإن المتهمين أوقفوا."], [(None, None)]),  # the document is no speaker
    # guards: a statement with no issuer named stays without a speaker
    (["وقال بيان مشترك إن الطرفين اتفقا على التعاون.", "وأضاف البيان أن الزيارة تستغرق يومين."],
     [(None, None), (None, None)]),
    (["وقال البيان الختامي للقمة إن الطرفين اتفقا على التعاون."], [(None, None)]),
]


@pytest.mark.parametrize("case", ISSUERS)
def test_issuers(case) -> None:
    check(case)


# What is announced with no أن (`أعلن معهد … ارتفاع مؤشر`, `أعلنت الوزارة مقتل`): the object noun ends the subject.
ANNOUNCED_OBJECT = [
    (["يأتي ذلك فيما أعلن معهد إدارة الإمدادات ارتفاع مؤشر القطاع غير الصناعي بمقدار 3 نقاط."],
     [("معهد إدارة الإمدادات", "أعلن")]),
    (["وأعلنت وزارة الداخلية مقتل ثلاثة مسلحين في اشتباك."], [("وزارة الداخلية", "وأعلنت")]),
    (["وأعلن الاتحاد تأجيل المباراة إلى الأسبوع المقبل."], [("الاتحاد", "وأعلن")]),
    # guards: a declaration with no subject, and the noun opening a sentence with no cue
    (["وأعلن استقلال الإقليم عن الدولة."], [(None, None)]),
    (["ارتفاع مؤشر القطاع غير الصناعي بمقدار 3 نقاط."], [(None, None)]),
]


@pytest.mark.parametrize("case", ANNOUNCED_OBJECT)
def test_announced_object(case) -> None:
    check(case)


# A name after an adjective of origin, set off by a comma before a role (`بين البرتغالي جوزيه مورينيو، المدير
# الفني لفريق تشيلسي`), names a person: sports copy then cites them by surname before the verb (`مورينيو قال:`)
# or in a relative clause (`آرسين الذي نفى بدوره أن`).
ORIGIN_NAMED = [
    (["استمرت الحرب الباردة بين البرتغالي جوزيه مورينيو، المدير الفني لفريق تشيلسي، ونظيره الفرنسي آرسين فينجر، "
      "المدير الفني لفريق أرسنال.", "مورينيو قال: كمدرب لتشيلسي، احترمت منصبي.",
      "وهو ما لم يتقبله آرسين الذي نفى بدوره أن يكون قد تفادى مصافحة مورينيو."],
     [(None, None), ("جوزيه مورينيو", "قال"), ("آرسين فينجر", "نفى")]),
    # guards: no role after the comma, and a team, not a person
    (["استمرت الحرب الباردة بين البرتغالي جوزيه مورينيو، ونظيره آرسين فينجر.", "مورينيو قال: كمدرب، احترمت منصبي."],
     [(None, None), (None, None)]),
    (["وفاز الفريق الإسباني ريال مدريد، المتصدر، على منافسه.", "ريال قال: سنفوز."], [(None, None), (None, None)]),
]


@pytest.mark.parametrize("case", ORIGIN_NAMED)
def test_origin_named(case) -> None:
    check(case)


# A fronted topic with أما and a ف-clause (`أما أمين العلي فقد أكد حرصه`, `أما سعيد الغامدي فيقول`): the topic is
# the subject when it is a person, not the word after the verb (`حرصه`); `فقد` is no part of a name.
FRONTED_TOPIC = [
    (["أما أمين العلي فقد أكد حرصه على الحضور."], [("أمين العلي", "أكد")]),
    (["أما سعيد الغامدي فيقول نحن في موسم أعياد."], [("سعيد الغامدي", "فيقول")]),
    (["أما الوزير فقد أكد أن الخطة جاهزة."], [(None, None)]),  # main read `الوزير فقد` and gave `فقد`
    # guards: a topic that is no person, and a ف-clause with a subject of its own
    (["أما المشروع فقد أكد أهميته."], [(None, None)]),
    (["أما الأسعار فقد قال التجار إنها مرتفعة."], [("التجار", "قال")]),
]


@pytest.mark.parametrize("case", FRONTED_TOPIC)
def test_fronted_topic(case) -> None:
    check(case)


# Role chains the lists do not cover: two indefinite genitives, the first of three letters (`رئيسة قسم نشاط الطالبات
# نجلاء البريت`), and an unlisted role before a titled name (`محرر الكتاب الدكتور ناصر …`).
UNLISTED_ROLES = [
    (["وأوضحت رئيسة قسم نشاط الطالبات نجلاء البريت، أن التطبيق يتيح الحصول على الخدمات."],
     [("نجلاء البريت", "وأوضحت")]),
    (["وأكد محرر الكتاب الدكتور ناصر بن عبدالله الغالي أن اللغة العربية تمثل هوية المجتمع."],
     [("ناصر بن عبدالله الغالي", "وأكد")]),
    # guards: a document or an object before the title, and a setting
    (["وأكد تقرير الدكتور ناصر بن عبدالله الغالي أن اللغة العربية تمثل هوية المجتمع."], [(None, None)]),
    (["وأكد أهمية الدكتور ناصر الغالي في المشروع."], [(None, None)]),
    (["وأوضحت رئيسة قسم الطالبات نجلاء البريت، أن التطبيق مفيد."], [("نجلاء البريت", "وأوضحت")]),
]


@pytest.mark.parametrize("case", UNLISTED_ROLES)
def test_unlisted_roles(case) -> None:
    check(case)


# `أحد`/`إحدى` after a name opens an apposition (one of a group) and ends the name: `بندر العطيش أحد شيوخ …`.
ONE_OF = [
    (['وقال بندر العطيش أحد شيوخ بني خالد بالقطيف: "إن المملكة قامت على كلمة التوحيد".'], [("بندر العطيش", "وقال")]),
    (["ويشير سعد بن منصور أحد جيران الحديقة إلى أن السيارة اصطدمت بطرفها."], [("سعد بن منصور", "ويشير")]),
    (["وقالت نورة العتيبي إحدى المشاركات في البرنامج إن التجربة مفيدة."], [("نورة العتيبي", "وقالت")]),
    # guard: `أحد` inside what was said
    (["وقال الوزير خالد العتيبي إن أحد المسؤولين سيزور المنطقة."], [("خالد العتيبي", "وقال")]),
]


@pytest.mark.parametrize("case", ONE_OF)
def test_one_of(case) -> None:
    check(case)


# `أحد`/`إحدى` opening the subject before a definite plural: one of a group speaks, unnamed (main gave `أحد`).
ONE_OF_GROUP = [
    (['وقال أحد السكان "لن أصوت.. لا أقبل بهذه الانتخابات".'], [("أحد السكان", "وقال")]),
    (["رغم اعتقاد الكثيرين بأن الراحة تفيد، إلا أن أحد الأطباء الفرنسيين أكد أن العكس هو الصحيح."],
     [("أحد الأطباء الفرنسيين", "أكد")]),
    # guard: a name after the group is not swallowed into an unnamed member (still unread, as on main)
    (["وقالت إحدى المشاركات نورة العتيبي إن التجربة مفيدة."], [(None, None)]),
]


@pytest.mark.parametrize("case", ONE_OF_GROUP)
def test_one_of_group(case) -> None:
    check(case)
