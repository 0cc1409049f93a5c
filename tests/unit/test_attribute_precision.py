"""Golden tables for precision on unseen copy: a speaker only when the subject has a shape the system can vouch
for (pySBD style). Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue)
per statement; `(None, None)` is an abstention, which beats a wrong speaker.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import speakers


# A subject opened by a time preposition or an adverb is a misreading of the clause, not a speaker.
DOUBTFUL_OPENERS = [
    (["وكتبت قبيل شهر رمضان مقالا نشرته الصحيفة."], [(None, None)]),
    (["أو هكذا نحن، كتبت قبيل شهر رمضان مقالا عن المرور."], [(None, None)]),
]


# A lone word with no role that the article never names in full gets no speaker, and a later cue does not
# continue it; a lone word the article writes after a given name, or introduces in parentheses, is vouched for.
LONE_WORDS = [
    (["ولكي نفهم المشكلة علينا أن نسمع كل رأي مختلف في المجلس."], [(None, None)]),
    (["وقال كرانيتش إن السوق تتعافى.", "وأضاف أن الطلب يرتفع."], [(None, None), (None, None)]),
    (["شارك في الندوة الباحث منير كرانيتش مع زملائه.", "وقال كرانيتش إن السوق تتعافى.", "وأضاف أن الطلب يرتفع."],
     [(None, None), ("منير كرانيتش", "وقال"), ("منير كرانيتش", "وأضاف")]),
    (["صدر تقرير عن هيئة تنظيم البث البريطانية (اوفكوم) هذا الأسبوع.", "وقالت اوفكوم إن المشاهدة تراجعت."],
     [(None, None), ("اوفكوم", "وقالت")]),
]


# A place glued to ب/ل after a role ends the role: the speaker is the role, not `بشمال أفغانستان`.
PLACE_AFTER_ROLE = [
    (["قال قائد الشرطة في إقليم قندوز بشمال أفغانستان اليوم إن الهجوم صد."], [("قائد الشرطة في إقليم قندوز", "قال")]),
]


# `حسن نصر الله`: الله closes a compound name after its first word, as after عبد.
THEOPHORIC_NAMES = [
    (["قال زعيم الحزب حسن نصر الله اليوم السبت إن المعركة مستمرة.", "وأضاف نصر الله أن الحل سياسي."],
     [("حسن نصر الله", "قال"), ("حسن نصر الله", "وأضاف")]),
]


# A role with a nationality resolves only to a person the article gives that nationality: `وزير الخارجية الروسي`
# is not the `وزير الخارجية` named earlier; `وقال إننا` continues the last speaker (إننا is "that we").
ROLE_QUALIFIERS = [
    (["أكد وزير الخارجية عادل الجبير أن المحادثات مثمرة.", "من جانبه أكد وزير الخارجية الروسي أن بلاده تدعم الحل.",
      "وقال إننا واصلنا النقاش."],
     [("عادل الجبير", "أكد"), ("وزير الخارجية الروسي", "أكد"), ("وزير الخارجية الروسي", "وقال")]),
]


# A name opening with لا after a role is a name (`لاري`), not ل glued to a body (`لنادي`); an anonymous source
# keeps its adjective and the body it speaks for (`مصادر مسؤولة بوزارة …`), also when a later bare mention
# resolves to it.
SUBJECT_BOUNDS = [
    (["وقال الرئيس التنفيذي للشركة لاري بيدج في تعليق إن الخطة جاهزة."], [("لاري بيدج", "وقال")]),
    (["قالت مصادر مسؤولة بوزارة الطيران المدني في مصر إن طائرة هبطت.", "وقالت المصادر إن الطيار بخير."],
     [("مصادر مسؤولة بوزارة الطيران المدني في مصر", "قالت"), ("مصادر مسؤولة بوزارة الطيران المدني في مصر", "وقالت")]),
]


# A subjectless cue late in a sentence with two role-introduced people before it: which one speaks is unsure.
TWO_SUBJECTS = [
    # (the verb after وقد is not a cue: with `عبر … عن` now one, the second person has a cue of his own, below)
    (['احتفى رئيس البعثة سالم الدوسري بالمنتخب في أحد الفنادق وقد شكر مدير المنتخب خالد مطر الحضور وقال: "الجهود واضحة".'],
     [(None, None)]),
    # `عبر … عن` (expressed) is a cue: its subject speaks, whoever the sentence named before
    (['احتفى رئيس البعثة سالم الدوسري بالمنتخب في أحد الفنادق وقد عبر مدير المنتخب خالد مطر عن سعادته بالاحتفال وقال: "الجهود واضحة".'],
     [("خالد مطر", "عبر")]),
]


# A speech verb whose own subject is there but unread (`مديرإدارة`, a fused typo) ends the last speaker's turn:
# a following `وأضاف` continues the unread person, so it gets no speaker rather than the earlier body.
# (`مديرعام`, the fused form this case first used, is now a listed role head: see test_attribute_fresh.py.)
UNREAD_SUBJECTS = [
    (["أعلنت اللجنة المحلية للانتخابات البلدية عن تعديلات في المراكز.",
      "وقال مديرإدارة العلاقات العامة بالأمانة محمد بن عبدالعزيز الصفيان، إن التعديلات ضرورية.",
      "وأضاف: «الدوائر زادت»."],
     [("اللجنة المحلية للانتخابات البلدية", "أعلنت"), (None, None), (None, None)]),
]


# A role ending in a place, then the name set off by commas: the name speaks (`رئيس وزراء مصر، إبراهيم محلب،`);
# with no name after the comma the role stands.
APPOSITION_AFTER_PLACE = [
    (["صرح رئيس وزراء مصر، إبراهيم محلب، قبل أيام بأن البلاد في حالة حرب."], [("إبراهيم محلب", "صرح")]),
    (["وقال محافظ ريف دمشق، إن الطرق مفتوحة."], [("محافظ ريف دمشق", "وقال")]),
]


# A nationality keeps roles apart (see ROLE_QUALIFIERS) but not the same role written twice; a family name after
# a title (`الوزير النعيمي`) is no nationality, so the title still resolves to the person.
NATIONALITY_ROLES = [
    (["قال وزير الخارجية الروسي سيرغي لافروف إن الحل سياسي.", "وأكد وزير الخارجية الروسي أن موسكو تدعم الحوار."],
     [("سيرغي لافروف", "قال"), ("سيرغي لافروف", "وأكد")]),
    (["قال وزير البترول علي النعيمي إن الإنتاج مستقر.", "وبيّن الوزير النعيمي أن الطلب يرتفع."],
     [("علي النعيمي", "قال"), ("علي النعيمي", "وبيّن")]),
]


# A lone family name is vouched for by a first name the article introduces with a nationality or title;
# a common noun before it (`تجربة فارو`) is no first name; `أنك` is a complementizer, never a speaker.
FULLER_MENTIONS = [
    (["وكان اليوناني جورجيوس دونيس قد وصل إلى الرياض أمس.", "وأكد دونيس جاهزية فريقه."],
     [(None, None), ("جورجيوس دونيس", "وأكد")]),
    (["وأشارت الوكالة إلى أن تجربة فارو كانت صعبة.", "وقالت فارو إنها مستعدة."],
     [("الوكالة", "وأشارت"), ("فارو", "وقالت")]),  # (round 15: the lone word itself, recurring and closed by إن)
    (["ألا ترى أنك قسوت عليهم؟"], [(None, None)]),
]


# A "name" that is a place, object or pronoun glued to ب/ل, an object noun, a suffixed noun or an accusative:
# after a role the role speaks (`رئيس فرع الإفتاء بعسير`); with no role there is no speaker.
MISREAD_NAMES = [
    (["وأوضح رئيس فرع الإفتاء بعسير, أن الفكر المتطرف لا يراعي حرمة المساجد."], [("رئيس فرع الإفتاء", "وأوضح")]),
    (["وطالب الدكتور مجدي بضرورة إيجاد حلول جذرية للمشكلة."], [(None, None)]),
    (["وقال عبارته الشهيرة التي رددها الناس طويلا."], [(None, None)]),
    (["لأنني على يقين أن الجميع يرى أبًا ثانيًا في الملك."], [(None, None)]),
    (["وبعد تراجعي قال لي المسؤول عن البرنامج إن الوقت انتهى."], [(None, None)]),
]


# A chain of descent (`بن`) closes on the family name, and a name cut short never ends on a particle.
NASAB_CHAINS = [
    (["شدد مدير الجامعة المكلف الدكتور عبدالله بن محمد الزهراني على تهيئة الأجواء."], [("عبدالله بن محمد الزهراني", "شدد")]),
    (["وأوضح نائب رئيس مجلس إدارة الجمعية حسين بن أحمد هامل الحريصي, أن المشروع مهم."],
     [("حسين بن أحمد هامل الحريصي", "وأوضح")]),
]


# After an indefinite role chain the person starts at a given name followed by بن (`خميس` is also a given name);
# `عبدربه` ends in ه but is no suffixed noun; a participle in a sentence that opens with its own role-headed
# subject, unread, does not continue the last speaker.
NAMES_AFTER_ROLES = [
    (["وقال محافظ خميس مشيط سعيد بن مشيط إن المعرض ناجح."], [("سعيد بن مشيط", "وقال")]),
    (["وجدد الرئيس اليمني، عبدربه منصور هادي، التأكيد على تطبيق القرار.", "وقال الرئيس هادي إن الحل قريب."],
     [(None, None), ("عبدربه منصور هادي", "وقال")]),
    (["وقال مدير العلاقات العامة بالشرطة حسن الشهري إن الطرق آمنة.",
      "من جهته ثمّن مدير العلاقات العامة والتوجيه المعنوي بالقوات المسلحة اللواء صالح آل طالب الجهود، منوهًا بالتعاون."],
     [("حسن الشهري", "وقال"), (None, None)]),
]


# More misreadings: a place in ال after ب after a role (`بمكة المكرمة`), a word in لل inside a name
# (`عبدالعزيز للعلوم`), a passive verb (`تمت`) or an object noun (`مدى`) opening the subject.
MORE_MISREADINGS = [
    (["وأضاف أمين العاصمة المقدسة بمكة المكرمة, أن فريق التنظيم جاهز."], [("أمين العاصمة المقدسة", "وأضاف")]),
    (["وأضاف تمت مناقشة آلية الحوافز في الاجتماع."], [(None, None)]),
    (["كانت الزميلة تسهب في وصف مدى تضحية البطلة."], [(None, None)]),
]


TABLES = {name.lower(): table for name, table in [
    ("DOUBTFUL_OPENERS", DOUBTFUL_OPENERS),
    ("LONE_WORDS", LONE_WORDS),
    ("PLACE_AFTER_ROLE", PLACE_AFTER_ROLE),
    ("THEOPHORIC_NAMES", THEOPHORIC_NAMES),
    ("ROLE_QUALIFIERS", ROLE_QUALIFIERS),
    ("SUBJECT_BOUNDS", SUBJECT_BOUNDS),
    ("TWO_SUBJECTS", TWO_SUBJECTS),
    ("UNREAD_SUBJECTS", UNREAD_SUBJECTS),
    ("APPOSITION_AFTER_PLACE", APPOSITION_AFTER_PLACE),
    ("NATIONALITY_ROLES", NATIONALITY_ROLES),
    ("FULLER_MENTIONS", FULLER_MENTIONS),
    ("MISREAD_NAMES", MISREAD_NAMES),
    ("NASAB_CHAINS", NASAB_CHAINS),
    ("NAMES_AFTER_ROLES", NAMES_AFTER_ROLES),
    ("MORE_MISREADINGS", MORE_MISREADINGS),
]}


@pytest.mark.parametrize("case", [pytest.param(case, id=f"{name}-{n}") for name, table in TABLES.items()
                                  for n, case in enumerate(table)])
def test_precision_tables(case) -> None:
    assert speakers(*case[0]) == case[1]
