"""Golden tables for attribution: the seed article, then one table per phenomenon."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import lexicons
from pipeline.attribute import attribute
from pipeline.records import Article, Statement
from pipeline.segment import segment
from pipeline.segment_eval import compose

SEED = Path(__file__).resolve().parent.parent / "data" / "segment" / "seed_sana.txt"


def run(*paragraphs: str | tuple[str, str]) -> list[Statement]:
    body, blocks = compose(list(paragraphs))
    return attribute(Article(title="", body=body, blocks=blocks), segment(body, blocks))


def seed_statements() -> list[Statement]:
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    footer = next(i for i, p in enumerate(paragraphs) if p.startswith("تابعوا"))
    kept = [p.replace("\n", " ") for p in paragraphs[2:footer]]  # title and dateline are not body
    return run(*[("heading", p) if p.startswith("بيسكوف:") else p for p in kept])


PUTIN, ROUHANI, PESKOV, ASSAD = "فلاديمير بوتين", "حسن روحاني", "ديميتري بيسكوف", "بشار الأسد"
SPOKESMAN = "المتحدث باسم الرئاسة الروسية"
# seq: (speaker_canonical, co_speakers, cue, mode, via, role or None to skip the check)
SEED_TABLE = {
    0: (None, [], None, None, None, None),
    1: ("المكتب الصحفي في الكرملين", [], "وذكر", "indirect", None, None),
    2: (PUTIN, [ROUHANI], "وأكد", "indirect", None, None),
    3: (ROUHANI, [], "أكد", "indirect", "وكالة الأنباء الايرانية ارنا", None),
    4: (ROUHANI, [], "وقال", "direct", None, None),
    5: (ROUHANI, [], "ولفت", "indirect", None, None),
    6: (ROUHANI, [], "وأكد", "direct", None, None),
    7: (ROUHANI, [], "واعتبر", "indirect", None, None),
    8: (ASSAD, [PUTIN], "وشددا", "indirect", None, None),
    9: (PESKOV, [], ":", "indirect", None, SPOKESMAN),
    10: (PESKOV, [], "أعلن", "indirect", None, SPOKESMAN),
    11: (PESKOV, [], "وقال", "direct", None, SPOKESMAN),
    12: (PESKOV, [], "قال", "direct", None, SPOKESMAN),
    13: (PESKOV, [], "وأضاف", "direct", None, SPOKESMAN),
    14: (PESKOV, [], "وذكر", "indirect", None, SPOKESMAN),
    15: (ASSAD, [PUTIN], "وشددا", "indirect", None, None),
    16: (PUTIN, [], "أعلن", "indirect", None, "الرئيس الروسي"),
}


@pytest.mark.parametrize("seq", sorted(SEED_TABLE))
def test_seed_golden_table(seq: int) -> None:
    st = seed_statements()[seq]
    speaker, co, cue, mode, via, role = SEED_TABLE[seq]
    assert (st.speaker_canonical, st.co_speakers, st.cue, st.mode, st.via) == (speaker, co, cue, mode, via)
    if role:
        assert st.role == role


def test_seed_speakers_as_written_and_kinds() -> None:
    statements = seed_statements()
    assert statements[9].kind == "heading" and statements[9].speaker == "بيسكوف"
    assert statements[12].speaker == "بيسكوف"  # not كيري, named in the same sentence
    assert statements[16].speaker == "الرئيس الروسي"
    assert statements[2].speaker == "بوتين"


def speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    return [(s.speaker_canonical, s.cue) for s in run(*paragraphs)]


CUE_FORMS = [
    ("قالت الوزيرة سارة الأحمد إن الخطة جاهزة.", ("سارة الأحمد", "قالت")),
    ("فأكد المدير خالد العتيبي أن العمل مستمر.", ("خالد العتيبي", "فأكد")),
    ("وأكدا الوزيران سعد الحربي وفهد الشمري أن التعاون مستمر.", ("سعد الحربي", "وأكدا")),
    ("وبيّن المتحدث الرسمي محمد العلي أن الإجراءات اكتملت.", ("محمد العلي", "وبيّن")),
    ("وحذر الخبير الاقتصادي سامي الحربي من تراجع الأسعار.", ("سامي الحربي", "وحذر")),
    ("ونفت الشركة أن تكون قد رفعت الأسعار.", ("الشركة", "ونفت")),
    ("ودعا الأمين العام للمنظمة إلى وقف القتال.", ("الأمين العام للمنظمة", "ودعا")),
    ("بحسب منظمة الصحة العالمية، يعاني الملايين من نقص الخدمات.", ("منظمة الصحة العالمية", "بحسب")),
]


@pytest.mark.parametrize("text,expected", CUE_FORMS)
def test_cue_forms(text: str, expected: tuple[str, str]) -> None:
    assert speakers(text)[0] == expected


NOT_SPEECH = [
    "استقبل الرئيس الروسي فلاديمير بوتين في موسكو اليوم وزير الخارجية السعودي.",
    "التقى رئيس مجلس النواب نبيه بري ممثلة الأمين العام للأمم المتحدة.",
    "تلقى الرئيس بشار الأسد اتصالا هاتفيا من نظيره الإيراني.",
    "بحث الوزيران سبل تعزيز التعاون بين البلدين.",
    "وطالب المحكمة الجنائية الدولية بالتحقيق في الجريمة.",  # no one named before: an object, not a subject
    "وأكد على أهمية الحوار.",  # no subject and no earlier speaker
    "ولم يذكر البيان عدد الضحايا.",
    "وبين البلدين علاقات تاريخية.",  # بين without a shadda is "between"
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_what_only_looks_like_speech(text: str) -> None:
    assert speakers(text) == [(None, None)]


def test_subjectless_cues_continue_the_last_speaker() -> None:
    result = speakers(
        "وقال وزير الصحة الدكتور فهد الشمري إن الوضع مستقر.",
        "وأضاف أن الفرق تعمل على مدار الساعة، مشيرا إلى توفر الأسرة.",
        "وأشار إلى أن اللقاحات وصلت.",
    )
    assert result == [("فهد الشمري", "وقال"), ("فهد الشمري", "وأضاف"), ("فهد الشمري", "وأشار")]


def test_co_speakers_and_spelling_variants() -> None:
    statements = run(
        "بحث الرئيس الروسي فلاديمير بوتين مع نظيره الإيراني حسن روحاني الوضع في المنطقة.",
        "وأكد بوتين وروحانى أهمية استمرار التنسيق.",
    )
    assert (statements[1].speaker_canonical, statements[1].co_speakers) == ("فلاديمير بوتين", ["حسن روحاني"])


def test_role_resolves_to_the_name_the_article_gives() -> None:
    statements = run(
        "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة.",
        "يشار إلى أن الرئيس الروسي أعلن الشهر الماضي خطة جديدة.",
    )
    assert (statements[1].speaker, statements[1].speaker_canonical, statements[1].role) == (
        "الرئيس الروسي", "فلاديمير بوتين", "الرئيس الروسي")


def test_nested_report_names_the_outlet_in_via() -> None:
    (st,) = run("ذكرت وكالة الأنباء الكويتية كونا أن وزير الخارجية الكويتي أكد أن الأمن كل لا يتجزأ.")
    assert (st.speaker_canonical, st.via, st.cue) == ("وزير الخارجية الكويتي", "وكالة الأنباء الكويتية كونا", "أكد")


def test_heading_name_colon_claim() -> None:
    statements = run(("heading", "لافروف: الحوار مع الرياض مستمر"),
                     "أكد وزير الخارجية الروسي سيرغي لافروف أن الحوار مستمر.")
    assert (statements[0].kind, statements[0].speaker_canonical) == ("heading", "سيرغي لافروف")


def test_unknown_name_before_colon_is_no_speaker() -> None:
    assert speakers("جازان: تمنت معلمة أن تشارك أبناءها فرحتهم.") == [(None, None)]


def test_mode_direct_only_when_the_quote_carries_the_content() -> None:
    statements = run(
        'وقال المدير خالد العتيبي: "نسعى إلى رفع عدد الرحلات الأسبوعية".',
        "وذكر العتيبي أن الطرفين “ركزا على الأزمة وعلى بحث المبادرات”.",
        "وأكد العتيبي على التعاون قائلا إنه “لا شك في نجاح الخطة هذا العام”.",
    )
    assert [s.mode for s in statements] == ["direct", "indirect", "direct"]


def test_english_cues() -> None:
    statements = run("Governor J. K. Andersen said the decision reflected a balance of risks.",
                     "According to the bank, growth slowed to 1.9 percent.")
    assert [(s.speaker, s.cue) for s in statements] == [("Governor J. K. Andersen", "said"), ("the bank", "According to")]


def test_curation_file_overrides_the_automatic_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "speakers").mkdir()
    (tmp_path / "speakers" / "curation.yaml").write_text(
        "merge:\n  - [Vladimir Putin, فلاديمير بوتين]\nalias:\n  - {بيسكوف: Dmitry Peskov}\nsplit: [روحاني]\n",
        encoding="utf-8")
    monkeypatch.setenv("NEWS_RULES_DIR", str(tmp_path))
    lexicons.reload()
    try:
        statements = run(
            "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مثمرة مع نظيره الإيراني حسن روحاني اليوم.",
            "وقال بيسكوف إن الحوار مستمر.",
            "وقال روحاني إن الاتفاق صامد.",
        )
        assert [s.speaker_canonical for s in statements] == ["Vladimir Putin", "Dmitry Peskov", "روحاني"]
    finally:
        monkeypatch.delenv("NEWS_RULES_DIR")
        lexicons.reload()


def test_attribute_never_raises_on_odd_text() -> None:
    for text in ["", "قال", "وقال:", "“”", "قال « »", "وأكدا", "مشيرا", ": قال", "said", "بحسب"]:
        run(text)
