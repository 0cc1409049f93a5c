"""Golden tables for the fresh branch (held-out6's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention, which beats a wrong speaker.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check


# Feminine role heads are made from the masculine ones by rule (`مقرر` → `مقررة`, `متحدث` → `متحدثة`, `ناطق` →
# `ناطقة`), so a woman's role opens the subject like a man's; a feminine that is another word is not a head.
FEMININE_ROLES = [
    (["حذرت مقررة الأمم المتحدة الخاصة بالسكن سارة جونسون من تفاقم الأزمة.", "وقالت إن الوضع خطير."],
     [("سارة جونسون", "حذرت"), ("سارة جونسون", "وقالت")]),
    (["وقالت متحدثة باسم الحكومة الفرنسية إن الحادث قيد التحقيق."],
     [("متحدثة باسم الحكومة الفرنسية", "وقالت")]),
    (["وأكدت ناطقة باسم المفوضية أن اللاجئين وصلوا."], [("ناطقة باسم المفوضية", "وأكدت")]),
]


@pytest.mark.parametrize("case", FEMININE_ROLES)
def test_feminine_roles(case) -> None:
    check(case)


def test_feminine_exceptions_are_not_heads() -> None:
    from pipeline.speakers import key, rules

    heads = rules().role_heads
    assert key("مقررة") in heads and key("متحدثة") in heads and key("القائدة") in heads
    assert not {key(w) for w in ("محافظة", "المحافظة", "مساعدة", "مصادرة", "المؤرخة", "أميرة")} & heads


# A definite adjective of origin opening the subject introduces the name like a title (`اليوناني جورجيوس
# دونيس`), so a later family name alone resolves to it; a definite adjective before an object does not.
NATIONALITY_BEFORE_NAME = [
    (["فيما قال الصربي ميلوفان راييفاتس المدير الفني للفريق الأول بنادي الاتحاد إن اللاعبين جاهزون.", "وأكد راييفاتس أن المعسكر نجح."],
     [("ميلوفان راييفاتس", "قال"), ("ميلوفان راييفاتس", "وأكد")]),
    (["كما يقول الفرنسي جان جاك روسو في كتابه."], [("جان جاك روسو", "يقول")]),
]


@pytest.mark.parametrize("case", NATIONALITY_BEFORE_NAME)
def test_nationality_before_name(case) -> None:
    check(case)


# `أبدى` reports an attitude only with a noun of attitude after its subject (bare, accusative or suffixed: `تفاؤلا`,
# `استغرابه`), not when it shows something (`أبدى 60% من الزوار رضاهم`); a later subjectless speech verb of the
# same sentence introduces the report, so its cue is kept. A ب-glued body after a name's role belongs to the role.
ATTITUDE = [
    (["أبدى الإسباني خوان كارلوس غاريدو المدير الفني للفريق الأول بنادي الأهلي تفاؤلا كبيرا بشأن المباراة.",
      "وقال غاريدو إن الفريق جاهز."],
     [("خوان كارلوس غاريدو", "أبدى"), ("خوان كارلوس غاريدو", "وقال")]),
    (["وأبدت الوزارة استغرابها من القرار."], [("الوزارة", "وأبدت")]),
    (["من جانبه، أبدى المدافع سامي الحربي تفاؤلاً أكبر، وقال: \"سنفوز\"."], [("سامي الحربي", "وقال")]),
    (["وأبدى 60 في المائة من الزوار إعجابهم بالمعرض."], [(None, None)]),
]


@pytest.mark.parametrize("case", ATTITUDE)
def test_attitude(case) -> None:
    check(case)


# A place glued to ب right before the name (`رئيسة النادي السعودي بيوجين ملاك المنيف`) is no part of the name when
# the article also writes the place alone (`مدينة يوجين`); a later subjectless cue continues the person.
PLACE_BEFORE_NAME = [
    (["احتفل الطلاب في مدينة دنفر بالعيد.", "وأوضحت رئيسة النادي السعودي بدنفر ملاك الغامدي أن الحفل نجح.",
      "وأضافت أن الدعم كبير."],
     [(None, None), ("ملاك الغامدي", "وأوضحت"), ("ملاك الغامدي", "وأضافت")]),
    # a listed given name right after the ب-glued word, then a family name: the ب-word belongs to the role
    (["وقال رئيس النادي السعودي بدنفر خالد الغامدي إن الحفل نجح."], [("خالد الغامدي", "وقال")]),
]


@pytest.mark.parametrize("case", PLACE_BEFORE_NAME)
def test_place_before_name(case) -> None:
    check(case)


# `ختم/اختتم … بالشكر` (and `بالدعوة`, `بالمطالبة` …) closes with a statement like `بالتأكيد`; a role that runs
# through `بمدينة X بولاية Y` reaches the person the article names, instead of reading the place as the name.
CLOSING = [
    (["وأوضحت رئيسة الجمعية سارة الحربي أن الحفل نجح.",
      "وختمت رئيسة الجمعية بمدينة دنفر بولاية كولورادو سارة الحربي بالشكر للداعمين."],
     [("سارة الحربي", "وأوضحت"), ("سارة الحربي", "وختمت")]),
    (["واختتم الوزير عبدالله الشهري بالدعوة إلى التعاون."], [("عبدالله الشهري", "واختتم")]),
    (["واختتم المهرجان بالشكر للزوار."], [(None, None)]),
]


@pytest.mark.parametrize("case", CLOSING)
def test_closing(case) -> None:
    check(case)


# A long subject after a non-cue verb (`لم يخف … امتعاضه`) is the speaker of the sentence's later subjectless
# `وقال «…»`; a title that heads a body (`كابتن الفريق الوحداوي سابقاً`) is a role; one word in reversed guillemets
# (`ل»الجزيرة «`) opens no quotation; a fronted topic's relative clause (`وحول الشكاوي التي …`) and a stance adverb
# after the verb (`قال للأسف …`) leave the verb continuing the last speaker.
NON_CUE_SUBJECT = [
    (["لم يخف عضو الشرف الحالي وكابتن الفريق سابقاً الأستاذ عابد الزهراني امتعاضه من الوضع وقال «الأوضاع سيئة»."],
     [("عابد الزهراني", "وقال")]),
    (["لم يخف المدرب سامي الجابر قلقه وطالب عبر تصريح خاص ل»الرياض « بالدعم وقال «نحتاج إلى الصبر»."],
     [("سامي الجابر", "وقال")]),
    (["وقال اللاعب سالم الدوسري إن الفريق جاهز.",
      "وحول المباراة التي تنتظر الفريق قال «سنقاتل».",
      "وحول الإصابات قال للأسف الغيابات كثيرة."],
     [("سالم الدوسري", "وقال"), ("سالم الدوسري", "قال"), ("سالم الدوسري", "قال")]),
]


@pytest.mark.parametrize("case", NON_CUE_SUBJECT)
def test_non_cue_subject(case) -> None:
    check(case)


# A conjunction written apart from its verb (`، و أوضح أن`) joins the verb like a glued و: it continues the last
# speaker; a bare verb inside a clause without it still does not.
DETACHED_WAW = [
    (["وأوضح رئيس اللجنة أحمد الغامدي أن التسجيل بدأ.", "و تم تخصيص موقع للمسابقة ، و أوضح أن الجائزة سيارة."],
     [("أحمد الغامدي", "وأوضح"), ("أحمد الغامدي", "أوضح")]),
]


@pytest.mark.parametrize("case", DETACHED_WAW)
def test_detached_waw(case) -> None:
    check(case)


# `قال فيها` pointing back to a speech noun whose author the clause names (`تغريدة كتبها د.سامي الحربي في تويتر`)
# gives that author; a noun with no author named, or another verb between, gives no speaker.
AUTHORED = [
    (["أعجبتني تغريدة كتبها د.سامي الحربي في تويتر قال فيها: “العلم نور”."], [("سامي الحربي", "قال")]),
    (["نشرت الصحيفة مقالا مطولا عن الأزمة، قال فيها: “لا حل قريبا”."], [(None, None)]),
]


@pytest.mark.parametrize("case", AUTHORED)
def test_authored(case) -> None:
    check(case)


# `مديرعام` written glued heads a role like `مدير عام`; a reversed guillemet right after the verb's colon
# (`وأضاف:»…`) opens a quotation, so the statement is direct.
GLUED_AND_REVERSED = [
    (["وقال مديرعام إدارة العلاقات العامة بأمانة المنطقة محمد بن عبدالعزيز الزهراني، إن المشروع اكتمل."],
     [("محمد بن عبدالعزيز الزهراني", "وقال")]),
]


@pytest.mark.parametrize("case", GLUED_AND_REVERSED)
def test_glued_and_reversed(case) -> None:
    check(case)


def test_reversed_guillemet_after_colon_is_direct() -> None:
    from tests.unit.test_attribute_phenomena import compose, segment, attribute, Article

    body, blocks = compose(["وقال المدير سامي الحربي إن العمل مستمر.",
                            "وأضاف:»تتضمن التعديلات نقل أحياء الشاطئ والنسيم إلى الدائرة الثانية."])
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    assert [(s.speaker_canonical, s.mode) for s in statements] == [("سامي الحربي", "indirect"),
                                                                   ("سامي الحربي", "direct")]


# A speech noun glued to ب after the verb's object (`واستهل الوزير الاجتماع بكلمة أكد فيها`) holds the report of
# the clause's subject.
GLUED_SPEECH_NOUN = [
    (["عقد مديرو السجون اجتماعهم برئاسة مدير عام السجون اللواء إبراهيم بن محمد الحمزي, وحضور مديري السجون.",
      "واستهل الحمزي الاجتماع بكلمة أكد فيها على أهمية التطوير."],
     [(None, None), ("إبراهيم بن محمد الحمزي", "أكد")]),
]


@pytest.mark.parametrize("case", GLUED_SPEECH_NOUN)
def test_glued_speech_noun(case) -> None:
    check(case)


# `نقل/نقلت X عن Y` reports Y via X whatever X is (`ونقلت يونهاب عن صحيفة "جينهوا" الصينية القول إن`), `القول`
# ends the inner subject, and a later bare `الصحيفة` resolves to that outlet.
QUOTING_VIA = [
    (['ونقلت يونهاب عن صحيفة "جينهوا" الصينية القول إن الشركة أضافت رحلات.', "وأشارت الصحيفة إلى أن الشركة تعتزم."],
     [('صحيفة "جينهوا" الصينية', "ونقلت"), ('صحيفة "جينهوا" الصينية', "وأشارت")]),
]


@pytest.mark.parametrize("case", QUOTING_VIA)
def test_quoting_via(case) -> None:
    check(case)


# `النائب` heads a role; the closing word of `ختم … بالتأكيد` ends a long role with its ب-glued body, which then
# resolves to the person the article gave that role.
NAIB = [
    (["قال النائب السابق لمدير عام الاتصالات بوزارة الداخلية اللواء سعد بن علي القحطاني إن الوضع مستقر.",
      "وختم النائب السابق لمدير عام الاتصالات بوزارة الداخلية بالتأكيد أن الأجهزة جاهزة."],
     [("سعد بن علي القحطاني", "قال"), ("سعد بن علي القحطاني", "وختم")]),
    (["وأعلن النائب الجمهوري جون سميث أن القرار قدم."], [("جون سميث", "وأعلن")]),
]


@pytest.mark.parametrize("case", NAIB)
def test_naib(case) -> None:
    check(case)


# A body named with `ل… على …` (`اللجنة السعودية للرقابة على المنشطات`) is read whole; `على` after a body that
# is not so named still ends the subject (`وأكدت الوزارة على أهمية`).
BODY_WITH_ALA = [
    (["وأصدرت اللجنة الوطنية للرقابة على المنشطات بيانا قالت فيه: “اللاعب بريء”.", "وأوضحت اللجنة أن العقار مسموح."],
     [("اللجنة الوطنية للرقابة على المنشطات", "قالت"), ("اللجنة الوطنية للرقابة على المنشطات", "وأوضحت")]),
    (["وأكدت الوزارة على أهمية التعاون."], [("الوزارة", "وأكدت")]),
]


@pytest.mark.parametrize("case", BODY_WITH_ALA)
def test_body_with_ala(case) -> None:
    check(case)


# `لوكالة …` right after a bare definite role head or a name is told-to, not the body the role serves; the role
# then resolves to the person named with it, and the outlet told does not make a quotation indirect.
TOLD_TO_OUTLET = [
    (["أعلن المتحدث باسم الداخلية الافغانية صديق صديقي، اليوم، ان الهجوم فشل.",
      'وقال المتحدث لوكالة الصحافة الفرنسية اثر الهجوم "المهاجمون قتلوا جميعا".'],
     [("صديق صديقي", "أعلن"), ("صديق صديقي", "وقال")]),
]


@pytest.mark.parametrize("case", TOLD_TO_OUTLET)
def test_told_to_outlet(case) -> None:
    check(case)


def test_told_to_outlet_keeps_quote_direct() -> None:
    from tests.unit.test_attribute_phenomena import compose, segment, attribute, Article

    body, blocks = compose(list(TOLD_TO_OUTLET[0][0]))
    statements = attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))
    assert statements[1].mode == "direct"


# `تعهد` (pledged) reports what the subject undertook to do.
PLEDGE = [
    (["وكان الرئيس التشادي إدريس ديبي قد تعهد في وقت سابق بسحق المسلحين."], [("إدريس ديبي", "تعهد")]),
    (["تعهد رئيس الوزراء التركي أحمد داوود أوغلو امس بشن المزيد من الغارات."], [("أحمد داوود أوغلو", "تعهد")]),
]


@pytest.mark.parametrize("case", PLEDGE)
def test_pledge(case) -> None:
    check(case)


# A definite word that is also listed as a given name (`المكي`, `المهدي`) is part of a body's name after an
# institution head (`معهد الحرم المكي الشريف`), not a person's name.
BODY_NAMES = [
    (["أعلن معهد الحرم المكي الشريف عن استئناف البرنامج."], [("معهد الحرم المكي الشريف", "أعلن")]),
]


@pytest.mark.parametrize("case", BODY_NAMES)
def test_body_names(case) -> None:
    check(case)


# `المصور` heads a role; `شاكراً` continues the last speaker like `مشيراً`; `وبين أن` opening a statement (بين
# unmarked is also "between") continues the last speaker.
CONTINUATIONS = [
    (["أوضح عمر الزهراني أن الحفل نجح.", "شاكراً أبناء الحي على التعاون.",
      "من جهته، قال المصور الفوتوغرافي مهند العمودي: من المفترض تبني الفكرة.", "مشيراً إلى أن المشاهد جميلة."],
     [("عمر الزهراني", "أوضح"), ("عمر الزهراني", "شاكراً"), ("مهند العمودي", "قال"), ("مهند العمودي", "مشيراً")]),
    (["وأوضح الأمير عبد الله بن مساعد أن الفكرة نبعت من النادي.", "وبين أن هناك مبادرة لتحفيز الأندية."],
     [("عبد الله بن مساعد", "وأوضح"), ("عبد الله بن مساعد", "وبين")]),
]


@pytest.mark.parametrize("case", CONTINUATIONS)
def test_continuations(case) -> None:
    check(case)


# `راديو` is an outlet like `إذاعة`.
RADIO = [
    (["وذكر راديو “مونت كارلو”، اليوم، أن الاشتباكات استمرت."], [("راديو “مونت كارلو”", "وذكر")]),
]


@pytest.mark.parametrize("case", RADIO)
def test_radio(case) -> None:
    check(case)
