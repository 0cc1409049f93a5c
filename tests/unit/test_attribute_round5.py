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
