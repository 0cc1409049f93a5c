"""The seed article (SANA wire story, tests/data/clean/seed_sana.txt): content kept, footer removed, structure found."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import clean
from pipeline.extract import extract
from pipeline.records import RawItem

SEED = Path(__file__).resolve().parent.parent / "data" / "clean" / "seed_sana.txt"
HEADING = "بيسكوف: موسكو ودمشق تجريان حوارا مستمرا باعتبار ذلك شرطا ضروريا لمواصلة عملية التسوية للأزمة في سورية"


@pytest.fixture(scope="module", params=["sana", "inbox"])  # with SANA's profile and with generic rules only
def article(request):
    raw = RawItem(source=request.param, body=SEED.read_bytes(), external_id="seed", path=f"{request.param}/seed.txt")
    return clean(extract(raw), request.param)


def test_title_and_dateline(article):
    assert article.title == "بوتين وروحاني يبحثان وقف الأعمال القتالية في سورية ويؤكدان أهمية استمرار محاربة الإرهاب"
    assert (article.dateline.text, article.dateline.place, article.dateline.agency) == ("موسكو – سانا", "موسكو", "سانا")


def test_every_content_paragraph_and_the_subheading_kept(article):
    source = SEED.read_text(encoding="utf-8").split("\n\n")
    # After title and dateline, before the 6 footer lines; the seed has non-breaking spaces, stored as spaces.
    content = [p.replace("\n", " ").replace("\u00a0", " ") for p in source[2:-6]]
    assert len(content) == 17
    assert [article.body[b.start:b.end] for b in article.blocks] == content
    assert [b.kind for b in article.blocks].count("heading") == 1
    assert article.body[article.blocks[9].start:article.blocks[9].end] == HEADING
    assert article.blocks[9].kind == "heading"


@pytest.mark.parametrize("joined", ["ونرى أن أولويتنا", "باراك اوباما", "لمراقبة التزام"])
def test_hard_wraps_joined(article, joined):
    assert joined in article.body


def test_footer_removed_with_links_and_number(article):
    texts = [r.text for r in article.removed]
    assert texts == [
        "تابعوا آخر الأخبار السياسية والميدانية عبر تطبيق تيلغرام على الهواتف الذكية عبر الرابط :",
        "https://telegram.me/SyrianArabNewsAgency",
        "تابعونا عبر تطبيق واتس أب :",
        "عبر إرسال كلمة اشتراك على الرقم / 0940777186/ بعد تخزينه باسم سانا أو (SANA).",
        "تابعوا صفحتنا على موقع (VK) للتواصل الاجتماعي على الرابط:",
        "http://vk.com/syrianarabnewsagency",
    ]
    for word in ("تيلغرام", "telegram", "واتس", "0940777186", "VK", "vk.com"):
        assert word not in article.body


def test_generic_rules_name_the_platforms(article):
    if article.source == "inbox":
        assert [r.rule for r in article.removed] == ["promo:telegram"] * 2 + ["promo:whatsapp"] * 2 + ["promo:vk"] * 2


def test_spelling_variants_and_quotes_untouched(article):
    assert "روحانى" in article.body and "روحاني" in article.body
    assert "اليوم.. “إن لموسكو" in article.body
