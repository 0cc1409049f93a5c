"""Question-and-answer interviews: the answer turns are the interviewee's, the questions and quoted others are not."""
from __future__ import annotations

from pipeline.interview import answer_turns
from pipeline.process import process
from pipeline.records import RawItem
from tests.unit.test_attribute_phenomena import speakers

LEDE = "أكد المنشد فهد مطر أن المنشد لا يتدخل في الأمور المالية للشركات الإنتاجية."
INTERVIEW = [
    LEDE,
    "وتناول الحوار عددا من المحاور، تجدونها في السطور الآتية:",
    "* هل تستعين بملحن معين لتلحين أناشيدك؟",
    "- معظم الأناشيد من ألحاني، ومنها ما هو فلكلور شعبي تراثي.",
    "* حدثنا عن المردود المالي من الأشرطة؟",
    "- المنشد لا يعلم ولا يتدخل في هذه الأمور. وربي ارزقني وارزق مني.",
    "* الكلمة والصوت أيهما أهم في العمل؟ وبمعنى آخر هل الشاعر يرفع قيمة المنشد؟",
    "- كلاهما داعم للآخر. وقد قال لي شعراء كبار إن اللحن يرفع النص.",
    "* ما رأيك في الشريط الذي يقتصر على ثمانية أعمال؟",
    "- لكل وجهة نظره.",
]
FAHD = ("فهد مطر", None)


def interview(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    from pipeline.attribute import attribute
    from pipeline.records import Article
    from pipeline.segment import segment
    from pipeline.segment_eval import compose

    body, blocks = compose(list(paragraphs))
    statements = answer_turns(attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks)), body)
    return [(s.speaker_canonical, s.cue) for s in statements]


def test_answers_go_to_the_speaker_the_lede_names() -> None:
    got = interview(*INTERVIEW)
    assert got[0] == ("فهد مطر", "أكد")
    assert got[1:] == [
        (None, None),  # the lede's own sentence after it: before the first question, untouched
        (None, None), FAHD,  # question, answer
        (None, None), FAHD, FAHD,  # an answer of two sentences
        (None, None), (None, None),  # a question of two sentences
        FAHD, (None, None),  # `وقد قال لي شعراء كبار إن …` quotes others (unread here): never Fahd
        (None, None), FAHD,
    ]


def test_without_the_system_the_answers_are_silent() -> None:
    assert speakers(*INTERVIEW)[3] == (None, None)  # what answer_turns adds, the sentence reader alone does not


def test_too_few_questions_or_no_lede_speaker_is_no_interview() -> None:
    two = INTERVIEW[:6]
    assert interview(*two)[3] == (None, None)
    nameless = ["وتناول الحوار عددا من المحاور:"] + INTERVIEW[2:]
    assert all(s == (None, None) for s in interview(*nameless))


def test_a_faq_the_journalist_answers_is_no_interview() -> None:
    # the same turns, but nothing before the first question calls the piece an interview
    faq = [LEDE, "وإليكم أبرز الأسئلة وأجوبتها:"] + INTERVIEW[2:]
    assert interview(*faq)[1:] == [(None, None)] * (len(interview(*faq)) - 1)


def test_the_last_answer_ends_with_its_paragraph() -> None:
    after = INTERVIEW + ["يذكر أن المنشد أصدر ألبومه الأول قبل عشرة أعوام."]
    got = interview(*after)
    assert got[-2] == FAHD and got[-1] == (None, None)


def test_a_bulleted_list_is_no_interview() -> None:
    # `-` bullets and `*` items that are no questions: nothing is given to the lede's speaker
    items = [LEDE, "* أبرز ما جاء في البيان:", "- دعم الشركات الصغيرة.", "* الخطوات المقبلة:", "- تدريب الشباب.",
             "* المواعيد:", "- بداية العام المقبل."]
    assert interview(*items)[1:] == [(None, None)] * 6


def test_process_reads_interviews() -> None:
    text = "حوار مع المنشد فهد مطر\n\n" + "\n\n".join(INTERVIEW)
    article = process(RawItem(source="sabq", body=text.encode("utf-8"), external_id="i1", path="sabq/i1.txt"))
    answers = [s for s in article.statements if s.text.startswith("- ")]
    assert answers and all(s.speaker_canonical == "فهد مطر" and s.cue is None for s in answers)
