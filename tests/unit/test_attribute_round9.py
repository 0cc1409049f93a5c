"""Golden tables for the attr9 branch (shapes that recur in wire copy and leave the dev file's statements without a
speaker), written as fresh sentences.

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# The pluperfect `وكان/وكانت X قد <cue>`: a short name set off in quotation marks between `كانت` and `قد` is a body or
# an outlet that speaks (main read no subject before the verb in it); an unquoted subject closed by a punctuation mark
# before `قد` speaks when the article names it in full. A quoted body's earlier report is nobody a later cue continues.
PLUPERFECT = [
    (["وكانت «الوطن» قد أشارت في عددها أمس إلى استقالة المدرب."], [("الوطن", "أشارت")]),
    (["وكانت «زين» قد أعلنت في نهاية العام الماضي عن نجاح تجربتها الأولى."], [("زين", "أعلنت")]),
    (["وقال الرئيس المصري عبدالفتاح السيسي إن الحكومة مستمرة.", "وكان السيسي؛ قد أوضح أن الأولوية للأمن."],
     [("عبدالفتاح السيسي", "وقال"), ("عبدالفتاح السيسي", "أوضح")]),
    (["وقالت إدارة النادي في بيان إن المدرب باق.",
      "وكانت «الرياض» قد أشارت أمس إلى رحيله.",
      "وحصلت «الرياض» على نسخة من الخطاب، وأشارت في الخطاب إلى أن العقد سار."],
     [("إدارة النادي", "وقالت"), ("الرياض", "أشارت"), ("إدارة النادي", "وأشارت")]),
    # guards: a quoted thing that does not speak, an unquoted lone word the article never names in full, a verb after
    # the subject that is not speech, and a cue further on in the sentence
    (["وكان «الاتفاق» قد أثار جدلا واسعا."], [(None, None)]),
    (["وكان السيسي؛ قد أوضح أن الأولوية للأمن."], [(None, None)]),
    (["وكانت «الرياض» قد نشرت صورا للحادث."], [(None, None)]),
]


@pytest.mark.parametrize("case", PLUPERFECT)
def test_pluperfect(case) -> None:
    check(case)


# The media as subject (`وذكرت وسائل الاعلام التركية ان`): `وسائل` + `الإعلام` and its adjectives speak as one, as the
# indefinite `وسائل إعلام تركية` already did; main read nobody. `لوسائل الإعلام` is those told, never the subject (main
# gave it as the speaker).
MEDIA = [
    (["وذكرت وسائل الاعلام الإيرانية ان الشرطة اعتقلت عشرة أشخاص."], [("وسائل الاعلام الإيرانية", "وذكرت")]),
    (["كشفت وسائل الإعلام البرازيلية، عن إصابة اللاعب في الركبة."], [("وسائل الإعلام البرازيلية", "كشفت")]),
    (["وقال الوزير خالد السالم إن الخطة جاهزة.", "وأكد لوسائل الإعلام أن التنفيذ يبدأ غدا."],
     [("خالد السالم", "وقال"), (None, None)]),
    # guards: the indefinite form, and the media as an object of a verb that is not speech
    (["وذكرت وسائل إعلام تركية أن الشرطة اعتقلت عشرة أشخاص."], [("وسائل إعلام تركية", "وذكرت")]),
    (["وقال الوزير خالد السالم إن الخطة جاهزة.", "وانتقد وسائل الإعلام المحلية، وقال إن التغطية ضعيفة."],
     [("خالد السالم", "وقال"), ("خالد السالم", "وقال")]),
]


@pytest.mark.parametrize("case", MEDIA)
def test_media(case) -> None:
    check(case)


# An honorific pronoun as the subject of the statement's first verb (`ورحب سموه …، وقال:`, `وقد عبر معاليه عن`), with
# nobody quoted before it: the one person the article introduced by that honorific (`صاحب السمو الأمير …` for سموه,
# `معالي …` for معاليه), named cleanly from a listed given name, speaks; main had nobody to continue. Two such people,
# a name run into what follows it, or a verb that is not speech: nobody.
HONOURED = [
    (["استقبل صاحب السمو الأمير الدكتور فيصل بن مشعل بن سعود أمير منطقة القصيم وفد الجمعية صباح أمس.",
      "ورحب سموه بالوفد، وقال: إن الجمعية تقوم بدور كبير.", "وأضاف أن الدعم مستمر."],
     [(None, None), ("فيصل بن مشعل بن سعود", "وقال"), ("فيصل بن مشعل بن سعود", "وأضاف")]),
    (["صدر أمر ملكي بتعيين معالي الدكتور خالد بن محمد السبتي، وزيرا للتعليم.",
      "هذا وقد عبر معاليه عن شكره لهذه الثقة الملكية."],
     [(None, None), ("خالد بن محمد السبتي", "عبر")]),
    # guards: two princes, a verb that conveys greetings (not speech), and the prince quoted before (continued as on main)
    (["استقبل صاحب السمو الأمير فيصل بن سلمان أمير المنطقة، وصاحب السمو الأمير سعود بن نايف أمير الشرقية، الوفد.",
      "وقال سموه إن الزيارة مهمة."], [(None, None), (None, None)]),
    (["استقبل معالي الدكتور خالد بن محمد السبتي، السفير الياباني.",
      "ونقل معاليه للسفير تحيات خادم الحرمين الشريفين."], [(None, None), (None, None)]),
    (["وقال صاحب السمو الأمير فيصل بن سلمان أمير المنطقة إن الموسم ناجح.", "وأكد سموه أن الدعم مستمر."],
     [("فيصل بن سلمان", "وقال"), ("فيصل بن سلمان", "وأكد")]),
]


@pytest.mark.parametrize("case", HONOURED)
def test_honoured(case) -> None:
    check(case)


# The present `يتوقع`/`تتوقع` (`ويتوقع الخبراء، أن`, `حيث يتوقع المعهد … أن`, `ويتوقع البنك المركزي في تقريره نموا`):
# a cue only when a definite body, role or group is read right after it and closes cleanly; main had no such cue. It
# is often impersonal (`ويتوقع هطول امطار`, `كما يتوقع أن`), so it never continues the last speaker.
EXPECTING = [
    (["ويتوقع المحللون، أن ترتفع أسعار النفط خلال الربع المقبل."], [("المحللون", "ويتوقع")]),
    (["وتحسنت المؤشرات، حيث يتوقع المعهد الوطني للإحصاء أن يبلغ النمو 2 في المائة."],
     [("المعهد الوطني للإحصاء", "يتوقع")]),
    (["ويتوقع البنك الدولي في تقريره نموا في الناتج المحلي بنسبة 3 في المائة."], [("البنك الدولي", "ويتوقع")]),
    # guards: the impersonal forms after a speaker, and a document after the verb
    (["وقال المتحدث خالد السالم إن الطقس سيتحسن.", "ويتوقع هطول امطار رعدية على المرتفعات."],
     [("خالد السالم", "وقال"), (None, None)]),
    (["وقال المتحدث خالد السالم إن الجهاز جديد.", "كما يتوقع أن يكون الجهاز أقل سمكا."],
     [("خالد السالم", "وقال"), (None, None)]),
    (["ويتوقع التقرير أن ترتفع الأسعار."], [(None, None)]),
]


@pytest.mark.parametrize("case", EXPECTING)
def test_expecting(case) -> None:
    check(case)


# A report as its issuer: a body that speaks `في تقريره` (`وأعلن البنك المركزي في تقريره الشهري أن`) is the author of
# the report a later `وأشار التقرير إلى`/`وأوضح التقرير أن` quotes (held-out13's convention); main read a document.
# A report nobody was said to speak in stays a document.
REPORT = [
    (["وأعلن صندوق النقد الدولي في تقريره السنوي أن الاقتصاد العالمي تباطأ.",
      "وأشار التقرير إلى تراجع قوي في التجارة العالمية.", "وأوضح التقرير أن الديون ارتفعت."],
     [("صندوق النقد الدولي", "وأعلن"), ("صندوق النقد الدولي", "وأشار"), ("صندوق النقد الدولي", "وأوضح")]),
    # guards: a report with no speaking author, the author speaking but not in a report, and a report quoting another
    (["وأشار التقرير إلى تراجع قوي في التجارة العالمية."], [(None, None)]),
    (["وأعلن صندوق النقد الدولي أن الاقتصاد العالمي تباطأ.", "وأشار التقرير إلى تراجع قوي في التجارة."],
     [("صندوق النقد الدولي", "وأعلن"), (None, None)]),
    (["وأعلن صندوق النقد الدولي في تقريره السنوي أن الاقتصاد العالمي تباطأ.",
      "وذكر التقرير أن الوزير قال إن الديون ارتفعت."],
     [("صندوق النقد الدولي", "وأعلن"), (None, None)]),
]


@pytest.mark.parametrize("case", REPORT)
def test_report(case) -> None:
    check(case)


# A verbal noun of speech right after a verb of renewal (`وجدد التأكيد على أن`): the clause goes on with the last
# speaker; main read no cue. Bare `جدد`/`أعاد` (a contract, a plan) stay silent. The form with its own subject
# (`وجدد الرئيس اليمني، عبدربه منصور هادي، التأكيد على`) is left alone: test_attribute_precision pins it to nobody.
RENEWED = [
    (["وقال رئيس الائتلاف هشام مروة إن الائتلاف موحد.", "وجدد التأكيد على أن الائتلاف لن يفاوض."],
     [("هشام مروة", "وقال"), ("هشام مروة", "وجدد")]),
    (["وقال وزير الخارجية عادل الجبير إن الموقف ثابت.", "كما أعاد التأكيد على موقف المملكة من الأزمة."],
     [("عادل الجبير", "وقال"), ("عادل الجبير", "أعاد")]),
    # guards: renewal of a contract, and a team rearranging its plans, after a speaker
    (["وقال رئيس الائتلاف هشام مروة إن الائتلاف موحد.", "وجدد النادي عقد اللاعب لمدة عامين."],
     [("هشام مروة", "وقال"), (None, None)]),
    (["وقال رئيس الائتلاف هشام مروة إن الائتلاف موحد.", "وأعاد الفريق ترتيب أوراقه."],
     [("هشام مروة", "وقال"), (None, None)]),
]


@pytest.mark.parametrize("case", RENEWED)
def test_renewed(case) -> None:
    check(case)


# "What X declared" (`ما صرح به قائد الثورة علي خامنئي`, `حسب ما أعلن به …`): after `ما` the speech verb's resumptive
# `به` is no subject; the role-introduced person after it speaks. Main read `به` as the subject and refused it.
WHAT_SAID = [
    (["ومن ذلك ما صرح به قائد الجيش اللواء خالد الحربي في مؤتمر صحفي حيث قال \"لن نتراجع\"."],
     [("خالد الحربي", "صرح")]),
    (["ومن أبرز المواقف ما صرح به وزير الخارجية الأمريكي جون كيري خلال زيارته للقاهرة بقوله \"الاتفاق جيد\"."],
     [("جون كيري", "صرح")]),
    # guards: an unanchored plural genitive after به, and `به` after the last speaker's own verb
    (["وغاب اللاعب بسبب ظروف طارئة حسب ما صرح به مسؤولي الخليج."], [(None, None)]),
    (["وقال الوزير خالد السالم إن الخطة جاهزة.", "وأكد على ما صرح به سابقا من أن التنفيذ قريب."],
     [("خالد السالم", "وقال"), ("خالد السالم", "وأكد")]),
]


@pytest.mark.parametrize("case", WHAT_SAID)
def test_what_said(case) -> None:
    check(case)


# Plural anonymous sources read whole: `من` + the body or group they come from (`محللون من كبار المصارف الألمانية`,
# `مسؤولون من وزارة الخارجية`), and a broken plural of origin before the object (`محللون اقتصاديون ألمان استمرار`);
# main cut both short, so a later `وأضاف المحللون` went to the wrong group of analysts.
PLURAL_SOURCES = [
    (["وقال مسؤولون من وزارة الخارجية إن الاتفاق قريب."], [("مسؤولون من وزارة الخارجية", "وقال")]),
    (["توقع محللون اقتصاديون ألمان استمرار نمو الصادرات.",
      "وذكر محللون من كبار المصارف الفرنسية في استطلاع أن البطالة ستتراجع.",
      "وأضاف المحللون أن الأجور سترتفع."],
     [("محللون اقتصاديون ألمان", "توقع"), ("محللون من كبار المصارف الفرنسية", "وذكر"),
      ("محللون من كبار المصارف الفرنسية", "وأضاف")]),
    # guards: members named after `من بينهم`, a warning against something, and a regular -يون plural of origin
    (["وقال مسؤولون من بينهم الأمين العام للمنظمة عبدالله البدري إن الاتفاق قريب."], [("مسؤولون", "وقال")]),
    (["وحذر خبراء من ارتفاع الأسعار."], [("خبراء", "وحذر")]),
    (["وقال مسؤولون أمريكيون إن الاتفاق قريب."], [("مسؤولون أمريكيون", "وقال")]),
]


@pytest.mark.parametrize("case", PLURAL_SOURCES)
def test_plural_sources(case) -> None:
    check(case)


# `وصف فلان X بأنه` (held-out13's convention: speech): when the name runs on into the object (`وصف إبراهيم الصاعدي
# شاطئ " شرم أبحر " بأنه`), the shortest name of two words or more closed by a family name with ال speaks, if the
# article vouches for it; main read nobody, and nobody for the later `وأضاف` either.
DESCRIBED = [
    (["من جهته وصف سعيد الغامدي شاطئ \" الحمراء \" بأنه المتنزه الأول.", "وأضاف أن الشاطئ نظيف."],
     [("سعيد الغامدي", "وصف"), ("سعيد الغامدي", "وأضاف")]),
    (["من جهته وصف سعيد الغامدي المهرجان بأنه ناجح."], [("سعيد الغامدي", "وصف")]),
    # guards: a role and name read as on main, and no بأنه closing the object
    (["ووصف محافظ جدة سعيد الغامدي شاطئ أبحر بأنه المتنزه الأول."], [("سعيد الغامدي", "ووصف")]),
    (["من جهته وصف سعيد الغامدي المهرجان الناجح."], [(None, None)]),
]


@pytest.mark.parametrize("case", DESCRIBED)
def test_described(case) -> None:
    check(case)


# A definite phrase that speaks as a body (a country, a group: `وقالت الولايات المتحدة إن`) with a time adverb before
# أن (`وقالت الولايات المتحدة يوم أمس أن`, `وأعلنت المعارضة السورية اليوم أن`): main needed أن right after the phrase.
TIME_BEFORE_THAT = [
    (["وقالت الولايات المتحدة يوم أمس أن الاقتراع لم يكن نزيها."], [("الولايات المتحدة", "وقالت")]),
    (["وأعلنت المعارضة السورية اليوم أن المفاوضات فشلت."], [("المعارضة السورية", "وأعلنت")]),
    # guards: documents stay documents with the adverb
    (["وأكد التقرير اليوم أن الخطة جاهزة."], [(None, None)]),
    (["وأكدت النتائج يوم الخميس أن الخطة ناجحة."], [(None, None)]),
]


@pytest.mark.parametrize("case", TIME_BEFORE_THAT)
def test_time_before_that(case) -> None:
    check(case)


# A press review (`ركزت الصحف السودانية الصادرة اليوم على …`, SPA's daily form): the papers are the subject of the later
# subjectless feminine cues (`وقالت إن`, `وأشارت إلى أن`, `ولفتت الانتباه إلى`, `مشيرة`), as the gold has it; the
# opening statement itself stays silent. `ونقلت عن X` after a body goes to X, the body being the via (main: nobody).
PRESS_REVIEW = [
    (["ركزت الصحف السودانية الصادرة اليوم على لقاء النائب الثاني للرئيس.",
      "وتطرقت إلى تنفيذ التحالف الدولي 29 ضربة جوية.", "وقالت إن تركيا شهدت أمس تصاعدا في أعمال العنف.",
      "وأشارت إلى أن منظمة التعاون الإسلامي ستعقد اجتماعا."],
     [(None, None), (None, None), ("الصحف السودانية", "وقالت"), ("الصحف السودانية", "وأشارت")]),
    (["أبرزت الصحف الباكستانية الصادرة اليوم زيارة رئيس الوزراء إلى الصين.",
      "ونقلت عن وزير الخارجية الباكستاني خواجة آصف قوله إن الحوار هو الحل."],
     [(None, None), ("خواجة آصف", "ونقلت")]),
    # guards: a review sentence after someone spoke (the opener is only the article's first subject), and no
    # `الصادرة` (not the review's formula)
    (["وقال الوزير خالد السالم إن التغطية ضعيفة.", "ركزت الصحف المحلية الصادرة اليوم على الزيارة.",
      "وأضاف أن الزيارة ناجحة."],
     [("خالد السالم", "وقال"), (None, None), ("خالد السالم", "وأضاف")]),
    (["ركزت الصحف على لقاء الرئيس.", "وقالت إن تركيا شهدت تصاعدا في العنف."], [(None, None), (None, None)]),
]


@pytest.mark.parametrize("case", PRESS_REVIEW)
def test_press_review(case) -> None:
    check(case)
