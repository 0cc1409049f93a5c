"""Golden tables for the error classes seen on held-out text, one per phenomenon (pySBD style).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import speakers


# An anonymous source keeps the body it speaks for, and a later bare `المصدر`, `المصادر`, `تلك المصادر`
# resolves to its full first mention.
ANONYMOUS_SOURCES = [
    (["كشف مصدر مسؤول بشرطة عمان السلطانية بأن الطفلة أصيبت برصاصة طائشة.", "وأضاف المصدر أن حالتها مستقرة."],
     [("مصدر مسؤول بشرطة عمان السلطانية", "كشف"), ("مصدر مسؤول بشرطة عمان السلطانية", "وأضاف")]),
    (["أكدت مصادر في المقاومة الشعبية بمحافظة مأرب أنها قتلت 17 مسلحا.", "وأكدت تلك المصادر أن بين القتلى قياديا."],
     [("مصادر في المقاومة الشعبية بمحافظة مأرب", "أكدت"), ("مصادر في المقاومة الشعبية بمحافظة مأرب", "وأكدت")]),
    (["وأكد ل \"الاقتصادية\" مصدر خاص أن النادي وافق على العرض.", "وقال: \"سيتم دفع مبلغ مالي\"."],
     [("مصدر خاص", "وأكد"), ("مصدر خاص", "وقال")]),
    (["قالت مصادر محلية إن المسلحين فروا.", "ومضت المصادر بالقول إن الخلافات تتسع."],
     [("مصادر محلية", "قالت"), ("مصادر محلية", "ومضت")]),
]


@pytest.mark.parametrize("case", ANONYMOUS_SOURCES)
def test_anonymous_sources(case) -> None:
    assert speakers(*case[0]) == case[1]


# Words that are never part of a name: `بقوله` after the name, the period of `د.` inside it.
NOT_NAMES = [
    (["نفى المتحدث الرسمي للاتحاد عدنان المعيبد الأنباء.", "وحول أقرب اسم، علق المعيبد بقوله: لا يوجد اسم قريب."],
     [("عدنان المعيبد", "نفى"), ("عدنان المعيبد", "علق")]),
    (["أماط رئيس لجنة الاحتراف د. عبد الله البرقان اللثام عن الأندية المستحقة.", "وقال \"البرقان\": \"الأندية أوفت بالتزاماتها\"."],
     [("عبد الله البرقان", "أماط"), ("عبد الله البرقان", "وقال")]),
    (["وقال وزير داخلية إقليم بلوشستان أكبر حسين دوراني إن الهجوم فشل."], [("أكبر حسين دوراني", "وقال")]),
]


@pytest.mark.parametrize("case", NOT_NAMES)
def test_not_names(case) -> None:
    assert speakers(*case[0]) == case[1]


# Look-alikes after a speaker: an adjectival participle (`قوة معززة ومشددة`, `رقابة مشددة`), a bare verb inside a
# clause (passive `أعلن عن`, relative `تقارير أشارت`), `لفت … انتباه` (drew attention) give no speaker.
LOOK_ALIKES = [
    (["وقال الوزير خالد الحربي إن الوضع مستقر.", "وفرضت الشرطة رقابة مشددة على الحدود."],
     [("خالد الحربي", "وقال"), (None, None)]),
    (["وقال الوزير خالد الحربي إن الوضع مستقر.", "وفي إب، ومع احتدام المعارك، أعلن عن مقتل قيادي حوثي."],
     [("خالد الحربي", "وقال"), (None, None)]),
    (["وقال الوزير خالد الحربي إن الوضع مستقر.", "ويأتي ذلك بعد تقارير غربية أشارت إلى استخدام الماعز."],
     [("خالد الحربي", "وقال"), (None, None)]),
    (["لفت مهرجان أبها للتسوق انتباه الزوار إلى تنوع معارضه."], [(None, None)]),
]


@pytest.mark.parametrize("case", LOOK_ALIKES)
def test_look_alikes(case) -> None:
    assert speakers(*case[0]) == case[1]


# Cues without a subject of their own continue the last speaker only where the clause allows it.
CONTINUATIONS = [
    (["قال الخبير محمد حسن يوسف: إن السياحة مهمة.", "ولفت إلى أن النسبة جيدة."],
     [("محمد حسن يوسف", "قال"), ("محمد حسن يوسف", "ولفت")]),
    (["نفى المتحدث الرسمي عدنان المعيبد الأنباء.", "وفي سؤال عن المفاوضات، أجاب «قدمنا عروضنا للمدربين»."],
     [("عدنان المعيبد", "نفى"), ("عدنان المعيبد", "أجاب")]),
    (["نفت الفنانة غادة عبدالرازق الشائعات.", "وعن عمليات التجميل قالت: «أرفضها لأنني أخاف منها»."],
     [("غادة عبدالرازق", "نفت"), ("غادة عبدالرازق", "قالت")]),
    (["وأخبرت عن تباطؤ التضخم، بحسب إعلان الجهاز المركزي للإحصاء في السودان.", "وقالت إن تركيا شهدت أعمال عنف."],
     [("الجهاز المركزي للإحصاء في السودان", "بحسب"), (None, None)]),
]


@pytest.mark.parametrize("case", CONTINUATIONS)
def test_continuations(case) -> None:
    assert speakers(*case[0]) == case[1]


# Two clauses with different subjects in one sentence: the first clause's speaker; a quoted body or a known
# name set before the verb is a subject too.
CLAUSES = [
    (["من جهته، بين البائع ياسر اليافعي، أن الأسعار في متناول الجميع، فيما أكد البائع محمد ناصر، أن السوق تطور."],
     [("ياسر اليافعي", "بين")]),
    (["وقالت نينا سبرينجل إن الجماعة صغيرة.", "بينما قالت «جبهة الوطنيين المتحدة» على موقعها إنها ليست عنصرية."],
     [("نينا سبرينجل", "وقالت"), ("جبهة الوطنيين المتحدة", "قالت")]),
    (["نفت الفنانة المصرية غادة عبدالرازق الشائعات.", "غادة عبدالرازق، قالت في حوار صحفي: «لكل سن جماله»."],
     [("غادة عبدالرازق", "نفت"), ("غادة عبدالرازق", "قالت")]),
    (["القاهرة، قالت إن الوضع مستقر."], [(None, None)]),
]


@pytest.mark.parametrize("case", CLAUSES)
def test_clauses(case) -> None:
    assert speakers(*case[0]) == case[1]


# Nested reports with a pronoun for the inner speaker, and a statement document as subject.
NESTED_AND_DOCUMENTS = [
    (["وقال الرئيس الإيراني حسن روحاني إن الزيارة مهمة.", "وذكرت وكالة الأنباء الإيرانية أنه أكد أن العلاقات قوية.",
      "ونقلت الوكالة عنه قوله إن الاتفاق مهم."],
     [("حسن روحاني", "وقال"), ("حسن روحاني", "أكد"), ("حسن روحاني", "ونقلت")]),
    (["أصدرت وزارة الداخلية بيانا حول الحادث.", "وقال البيان إن التحقيقات مستمرة."],
     [(None, None), ("وزارة الداخلية", "وقال")]),
    (["وقال البيان إن التحقيقات مستمرة.", "وقال بيان صادر عن الجيش إن القصف مستمر."],
     [(None, None), ("الجيش", "وقال")]),
]


@pytest.mark.parametrize("case", NESTED_AND_DOCUMENTS)
def test_nested_and_documents(case) -> None:
    assert speakers(*case[0]) == case[1]


# A later subjectless cue does not continue the last speaker past a verb whose own subject went unread.
UNREAD_SUBJECTS = [
    (["كشف مصدر مسؤول بشرطة عمان بأن الطفلة أصيبت.",
      "وقد زارت الشرطة المستشفى وأعرب والد الطفلة زينب الفاضل محمد لباد عن شكره، وأضاف أن الطفلة في تحسن."],
     [("مصدر مسؤول بشرطة عمان", "كشف"), (None, None)]),
    (["نفى المتحدث الرسمي عدنان المعيبد الأنباء.",
      "وفي سؤال عن ما توصلت إليه المفاوضات مع المدربين الذين سيتولون قيادة الدفة الفنية للأخضر، أجاب «قدمنا عروضنا»."],
     [("عدنان المعيبد", "نفى"), ("عدنان المعيبد", "أجاب")]),
]


@pytest.mark.parametrize("case", UNREAD_SUBJECTS)
def test_unread_subjects(case) -> None:
    assert speakers(*case[0]) == case[1]
