"""Golden tables per boilerplate rule: each line or tail is removed with its rule id, and content stays."""
from __future__ import annotations

import pytest

from pipeline.clean import clean
from pipeline.records import Extracted

LEAD = "وقال الوزير في مؤتمر صحفي اليوم إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."
CLOSE = "وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة تنفيذ ما تم الاتفاق عليه."


def run(text: str, source: str = "inbox", title: str = "عنوان الخبر"):
    return clean(Extracted(title=title, text=text), source)


def rules_of(article) -> list[tuple[str, str]]:
    return [(r.rule, r.text) for r in article.removed]


# One promotion line per platform and spelling: (line, rule).
PROMO_LINES = [
    ("تابعوا آخر الأخبار عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط :", "promo:telegram"),
    ("تابعونا على تلغرام", "promo:telegram"),
    ("تابعونا عبر قناتنا على تليجرام", "promo:telegram"),
    ("انضموا إلى قناتنا على تيليجرام", "promo:telegram"),
    ("Follow us on Telegram", "promo:telegram"),
    ("تابعونا عبر تطبيق واتس أب :", "promo:whatsapp"),
    ("تابعونا على واتساب", "promo:whatsapp"),
    ("اشتركوا في خدمة الواتس اب", "promo:whatsapp"),
    ("Join our WhatsApp channel", "promo:whatsapp"),
    ("تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:", "promo:vk"),
    ("تابعونا على فيسبوك", "promo:facebook"),
    ("تابعوا صفحتنا على فيس بوك", "promo:facebook"),
    ("Like us on Facebook", "promo:facebook"),
    ("تابعونا على تويتر", "promo:twitter"),
    ("تابعونا على منصة إكس", "promo:twitter"),
    ("Follow us on X", "promo:twitter"),
    ("اشتركوا في قناتنا على يوتيوب", "promo:youtube"),
    ("Subscribe to our YouTube channel", "promo:youtube"),
    ("تابعونا على انستغرام", "promo:instagram"),
    ("تابعونا على إنستقرام", "promo:instagram"),
    ("تابعونا على سناب شات", "promo:snapchat"),
    ("حملوا تطبيقنا على متجر آب ستور وجوجل بلاي", "promo:app"),
    ("Download our app from the App Store", "promo:app"),
]


@pytest.mark.parametrize(("line", "rule"), PROMO_LINES)
def test_promotion_line_removed(line, rule):
    article = run(f"{LEAD}\n\n{CLOSE}\n\n{line}")
    assert rules_of(article) == [(rule, line)]
    assert article.body == f"{LEAD}\n\n{CLOSE}"


# A promotion line with the URL, number or instruction lines that belong to it.
PROMO_BLOCKS = [
    (["تابعونا على تلغرام:", "https://t.me/agency_news"], "promo:telegram"),
    (["تابعونا على تلغرام:", "t.me/agency_news"], "promo:telegram"),
    (["تابعونا عبر واتساب على الرقم:", "+963 940 777 186"], "promo:whatsapp"),
    (["تابعونا عبر تطبيق واتس أب :", "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه في هاتفك."],
     "promo:whatsapp"),
    (["تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:", "http://vk.com/agencynews"], "promo:vk"),
    (["تابعونا على تويتر", "@agency_news"], "promo:twitter"),
]


@pytest.mark.parametrize(("lines", "rule"), PROMO_BLOCKS)
def test_promotion_block_removed_with_its_link_and_number(lines, rule):
    article = run("\n\n".join([LEAD, CLOSE, *lines]))
    assert rules_of(article) == [(rule, line) for line in lines]
    assert article.body == f"{LEAD}\n\n{CLOSE}"


PLATFORM_URLS = [
    ("https://telegram.me/SomeChannel", "promo:telegram"),
    ("https://wa.me/963940777186", "promo:whatsapp"),
    ("http://vk.com/somepage", "promo:vk"),
    ("https://www.facebook.com/somepage", "promo:facebook"),
]


@pytest.mark.parametrize(("line", "rule"), PLATFORM_URLS)
def test_platform_url_line_on_its_own_removed(line, rule):
    assert rules_of(run(f"{LEAD}\n\n{line}")) == [(rule, line)]


# Lines that talk about platforms: article content, never removed by a generic rule.
CONTENT_ABOUT_PLATFORMS = [
    "وأوضح أن اللجنة سخرت وسائل التواصل الاجتماعي وخدمة الواتساب للتواصل مع المتسابقين والرد على استفساراتهم.",
    "وقال على «تويتر»: «اجتماع آخر مفاجئ لنقابات العمال».",
    "وأكد ذلك رئيس اللجنة عبر حسابه بموقع تويتر.",
    "تابعوا المباراة على ملعب النادي وسط حضور جماهيري كبير، وشهدت تغريدات كثيرة على تويتر.",
    "وطالب المشاركون بحجب تطبيق تلغرام الذي تستخدمه الجماعات المتطرفة في التجنيد والتواصل بين عناصرها "
    "وتبادل المعلومات، مشيرين إلى أن الحكومة تدرس اتخاذ إجراءات بحق التطبيقات التي لا تتعاون مع السلطات في "
    "مكافحة الإرهاب وحماية المستخدمين.",
    "ودعت الهيئة الراغبين إلى التسجيل عبر الرابط التالي : http://goo.gl/forms/abc .",
]


@pytest.mark.parametrize("line", CONTENT_ABOUT_PLATFORMS)
def test_content_mentioning_a_platform_is_kept(line):
    article = run(f"{LEAD}\n\n{line}\n\n{CLOSE}")
    assert article.removed == []
    assert line in article.body


MARKERS = [
    ("// انتهى //", "marker:end"),
    ("//انتهى//", "marker:end"),
    ("//  انتهى  //", "marker:end"),
    ("// يتبع //", "marker:continued"),
    ("//يتبع//", "marker:continued"),
    ("16:29 ت م", "marker:time"),
    ("09:05 ت غ", "marker:time"),
]


@pytest.mark.parametrize(("line", "rule"), MARKERS)
def test_marker_line_removed(line, rule):
    article = run(f"{LEAD}\n{CLOSE}\n{line}")
    assert rules_of(article) == [(rule, " ".join(line.split()))]  # stored text has single spaces


@pytest.mark.parametrize(("line", "rule"), MARKERS[:5])
def test_marker_glued_to_last_sentence_removed(line, rule):
    article = run(f"{LEAD}\n{CLOSE} {line}")
    assert rules_of(article) == [(rule, " ".join(line.split()))]
    assert article.body.endswith("عليه.")


def test_marker_and_time_stamp_on_one_line():
    article = run(f"{LEAD}\n// يتبع // 11:02 ت م")
    assert [r for r, _ in rules_of(article)] in (["spa:marker-time"], ["marker:continued", "marker:time"])
    assert article.body == LEAD


def test_spa_marker_and_time_on_one_line_is_one_piece():
    article = run(f"{LEAD}\n// يتبع // 11:02 ت م", source="spa")
    assert rules_of(article) == [("spa:marker-time", "// يتبع // 11:02 ت م")]


EMAIL_RESIDUE = [
    "[email protected] /* <![CDATA[ */ !function(t,e,r,n,c,a,p){}(); /* ]]> */",
    "[email protected]",
    "[email\u00a0protected]",
]


@pytest.mark.parametrize("residue", EMAIL_RESIDUE)
def test_email_protection_residue_removed_inside_a_line(residue):
    article = run(f"{LEAD}\n\nللتواصل مع المحرر: {residue} في أي وقت.")
    assert [r for r, _ in rules_of(article)] == ["residue:email"]
    assert "protected" not in article.body
    assert article.body.endswith("للتواصل مع المحرر: في أي وقت.")


# Tails glued after the last sentence or on a line of their own: (text, rule, removed tail, body ending).
TAILS = [
    (f"{LEAD}\n{CLOSE}\nرابط الخبر بصحيفة الوئام: لجنة المنشطات تبرئ حارس النادي", "tail:story-link",
     "رابط الخبر بصحيفة الوئام: لجنة المنشطات تبرئ حارس النادي", "عليه."),
    (f"{LEAD}\n{CLOSE} رابط الخبر بصحيفة الوئام: تركيا: أكراد سوريا ليسوا ضمن أهدافنا", "tail:story-link",
     "رابط الخبر بصحيفة الوئام: تركيا: أكراد سوريا ليسوا ضمن أهدافنا", "عليه."),
    (f"{LEAD} رابط الخبر بصحيفة الوئام: عنوان قصير", "tail:story-link", "رابط الخبر بصحيفة الوئام: عنوان قصير",
     "العاصمة."),
    (f"{LEAD} سمات أفغانستان الملا عمر طالبان", "tail:tags", "سمات أفغانستان الملا عمر طالبان", "العاصمة."),
    (f"{LEAD}\n{CLOSE}» سمات أسعار النفط هبوط", "tail:tags", "سمات أسعار النفط هبوط", "عليه.»"),
    (f"{LEAD}\nسمات الأمانة جدة كورنيش", "tail:tags", "سمات الأمانة جدة كورنيش", "العاصمة."),
]


@pytest.mark.parametrize(("text", "rule", "tail", "ending"), TAILS)
def test_tail_removed_alone_or_glued(text, rule, tail, ending):
    article = run(text)
    assert rules_of(article) == [(rule, tail)]
    assert article.body.endswith(ending)


TAG_WORD_IN_CONTENT = [
    "وقال إن تويتر هو سمة من سمات العصر الحديث.",
    f"{LEAD} سمات هذه المرحلة واضحة، وأهمها التعاون.",
    "سمات القيادة الناجحة كثيرة ومنها الحزم والعدل والقدرة على الإقناع وقد تحدث عنها الخبراء طويلا.",
]


@pytest.mark.parametrize("text", TAG_WORD_IN_CONTENT)
def test_the_word_for_tags_inside_content_is_kept(text):
    assert run(text).removed == []


BYLINES = [
    ("- سبق -", "byline:agency"),
    ("عين اليوم – متابعات", "byline:follow-ups"),
    ("الوئام - متابعات", "byline:follow-ups"),
    ("متابعات - عين اليوم", "byline:follow-ups"),
]


@pytest.mark.parametrize(("line", "rule"), BYLINES)
def test_byline_line_removed(line, rule):
    article = run(f"{line}\n{LEAD}\n{CLOSE}")
    assert rules_of(article) == [(rule, line)]
    assert article.dateline is None


CONTACT_TAILS = [
    ("someone@example.com", "contact:email"),
    ("لمراسلة الكاتب: writer@example.sa", "contact:email"),
]


@pytest.mark.parametrize(("line", "rule"), CONTACT_TAILS)
def test_contact_line_at_the_end_removed(line, rule):
    assert rules_of(run(f"{LEAD}\n{CLOSE}\n{line}")) == [(rule, line)]


def test_share_buttons_line_removed():
    line = "شارك من خلال تويتر فيسبوك جوجل بلس"
    assert rules_of(run(f"{LEAD}\n{line}\n{CLOSE}")) == [("share:buttons", line)]


def test_learned_line_removed_with_its_hash_rule():
    from pipeline.boilerplate import learned_rule_id, line_key

    footer = "للاشتراك في النشرة البريدية اضغط هنا 2015"
    key = line_key("للاشتراك في النشرة البريدية اضغط هنا 1999")
    article = clean(Extracted(title="t", text=f"{LEAD}\n{footer}"), "inbox", learned=frozenset({key}))
    assert rules_of(article) == [(learned_rule_id(key), footer)]
    assert learned_rule_id(key).startswith("learned:") and len(learned_rule_id(key)) == len("learned:") + 12


SOURCE_RULES = [
    ("spa", "عام / أمير المنطقة يستقبل المهنئين", "أمير المنطقة يستقبل المهنئين", ("spa:category", "عام /")),
    ("was", "اقتصادي/ وزارة المالية تصدر سندات", "وزارة المالية تصدر سندات", ("spa:category", "اقتصادي/")),
]


@pytest.mark.parametrize(("source", "title", "clean_title", "removed"), SOURCE_RULES)
def test_spa_category_label_leaves_the_title(source, title, clean_title, removed):
    from pipeline import sources

    article = run(LEAD, source=sources.resolve(source), title=title)
    assert article.title == clean_title
    assert rules_of(article) == [removed]


OUTLET_RULES = [
    ("3alyoum", "صورة أولى صورة ثانية Next Previous عين اليوم – الرياض\n" + LEAD, "3alyoum:slider",
     "صورة أولى صورة ثانية Next Previous"),
    ("aljazirah", LEAD + " مقالات أخرى للكاتبعنوان أولعنوان ثان", "aljazirah:more-by-author",
     "مقالات أخرى للكاتبعنوان أولعنوان ثان"),
    ("okaz", "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك " + LEAD, "okaz:share",
     "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"),
    ("almadina", LEAD + "\nwriter@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591 - Stc",
     "almadina:sms-contact",
     "writer@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (3) ثم مسافة ثم نص الرسالة إلى 88591 - Stc"),
]


@pytest.mark.parametrize(("source", "text", "rule", "piece"), OUTLET_RULES)
def test_outlet_profile_rule(source, text, rule, piece):
    article = run(text, source=source)
    assert (rule, piece) in rules_of(article)
    assert article.body == LEAD
