"""HTML pages and JSON records: main text, chrome recorded as html:<kind>, title, time and language."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from pipeline.clean import clean
from pipeline.extract import extract
from pipeline.records import RawItem, Rejected

P1 = "أعلنت الوزارة اليوم إطلاق برنامج جديد لدعم المشاريع الصغيرة والمتوسطة في جميع المناطق."
P2 = "وقال المتحدث باسم الوزارة إن البرنامج يبدأ الشهر المقبل بالتعاون مع البنوك المحلية."

PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>عنوان الصفحة | الموقع</title>
<meta property="og:title" content="الوزارة تطلق برنامجا لدعم المشاريع">
<meta property="article:published_time" content="2015-08-10T09:30:00+03:00">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
  "datePublished": "2015-08-10T06:30:00Z"}}</script>
<style>body {{ color: red }}</style>
</head><body>
<header><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></header>
<nav class="main-menu"><ul><li>أخبار</li><li>اقتصاد</li></ul></nav>
<article>
  <h1>الوزارة تطلق برنامجا لدعم المشاريع</h1>
  <div class="share-buttons"><a>فيسبوك</a> <a>تويتر</a></div>
  <div class="article-body">
    <p>{P1}</p>
    <p>{P2.replace(" البنوك", "<br> البنوك", 0)}</p>
    <h2>تفاصيل البرنامج</h2>
    <p>{P1}
       {P2}</p>
    <script>var x = 1;</script>
  </div>
  <div class="related-news"><h3>أخبار ذات صلة</h3><ul><li>خبر آخر عن الوزارة</li></ul></div>
</article>
<aside>الأكثر قراءة</aside>
<form><input name="q"> بحث</form>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""


def page(html: str = PAGE, **kw) -> RawItem:
    return RawItem(source="inbox", body=html.encode("utf-8"), external_id="p", path="inbox/p.html", **kw)


def test_main_text_title_time_language():
    doc = extract(page())
    assert doc.title == "الوزارة تطلق برنامجا لدعم المشاريع"
    assert doc.language == "ar"
    assert doc.published_at == datetime(2015, 8, 10, 6, 30, tzinfo=timezone.utc)
    assert doc.text.split("\n\n") == [P1, P2, "تفاصيل البرنامج", f"{P1} {P2}"]


CHROME = [
    ("html:share", "فيسبوك تويتر"),
    ("html:related", "أخبار ذات صلة"),
    ("html:script", "<script: 10 characters>"),
]


@pytest.mark.parametrize(("rule", "text"), CHROME)
def test_chrome_inside_the_article_recorded(rule, text):
    removed = [(r.rule, r.text) for r in extract(page()).removed]
    assert any(r == rule and text in t for r, t in removed), removed


@pytest.mark.parametrize("chrome", ["الرئيسية", "أخبار اقتصاد", "الأكثر قراءة", "جميع الحقوق محفوظة", "بحث",
                                    "فيسبوك", "ذات صلة", "var x"])
def test_chrome_never_in_the_text(chrome):
    assert chrome not in extract(page()).text


BODY_ONLY = [
    # (page, expected kinds recorded) when there is no <article>: chrome around the text in <body>.
    (f"<html><body><nav>القائمة</nav><div id='content'><p>{P1}</p></div><footer>حقوق</footer></body></html>",
     ["html:nav", "html:footer"]),
    (f"<html><body><header>الشعار</header><p>{P1}</p><aside class='sidebar'>إعلان</aside>"
     f"<div class='comments'>تعليق القراء</div></body></html>", ["html:header", "html:aside", "html:comments"]),
    (f"<html><body><p>{P1}</p><div class='tags'>وسوم</div><div class='breadcrumb'>الرئيسية</div>"
     f"<form>اشترك</form></body></html>", ["html:tags", "html:nav", "html:form"]),
]


@pytest.mark.parametrize(("html", "kinds"), BODY_ONLY)
def test_chrome_kinds_in_body_pages(html, kinds):
    doc = extract(page(html))
    assert doc.text == P1
    assert [r.rule for r in doc.removed] == kinds


TITLES = [
    ("<html><head><title>عنوان من الوسم</title></head><body><p>{}</p></body></html>", "عنوان من الوسم"),
    ("<html><head><title>عنوان الوسم</title></head><body><h1>عنوان رئيسي</h1><p>{}</p></body></html>", "عنوان رئيسي"),
]


@pytest.mark.parametrize(("html", "title"), TITLES)
def test_title_fallbacks(html, title):
    doc = extract(page(html.format(P1)))
    assert doc.title == title and doc.text == P1


def test_time_tag_when_no_metadata():
    html = f"<html><body><article><time datetime='2015-08-10T10:00:00+03:00'>10 أغسطس</time><p>{P1}</p></article></body></html>"
    assert extract(page(html)).published_at.isoformat() == "2015-08-10T10:00:00+03:00"


def test_html_then_clean_keeps_heading_and_paragraphs():
    article = clean(extract(page()), "inbox")
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph", "heading", "paragraph"]
    assert {"html:nav", "html:header", "html:footer", "html:aside", "html:form"} <= {r.rule for r in article.removed}


def record(**fields) -> RawItem:
    return RawItem(source="inbox", body=json.dumps(fields, ensure_ascii=False).encode(), external_id="r",
                   path="inbox/r.jsonl", record=1)


def test_json_record_with_content():
    doc = extract(record(title="عنوان", content=f"{P1}\n{P2}", url="https://example.sa/a", source="was",
                         published_at="2015-08-10T09:00:00+03:00"))
    assert (doc.title, doc.text, doc.url, doc.source) == ("عنوان", f"{P1}\n{P2}", "https://example.sa/a", "was")
    assert doc.published_at.isoformat() == "2015-08-10T09:00:00+03:00"


def test_json_record_with_html():
    doc = extract(record(html=f"<html><body><h1>عنوان الصفحة</h1><p>{P1}</p></body></html>"))
    assert (doc.title, doc.text) == ("عنوان الصفحة", P1)


@pytest.mark.parametrize(("body", "reason"), [
    (b"{not json", "invalid_json"),
    (b"[1, 2]", "not_an_article"),
    (b'{"title": "x"}', "not_an_article"),
    (b'{"title": "x", "content": "  "}', "empty_body"),
])
def test_bad_records_rejected(body, reason):
    with pytest.raises(Rejected) as err:
        extract(RawItem(source="inbox", body=body, external_id="r", path="inbox/r.jsonl", record=1))
    assert (err.value.stage, err.value.reason) == ("extract", reason)


# The lxml reader must give exactly what the BeautifulSoup reader gives: bs4's string types (get_text skips script
# and rt strings), whitespace-only strings counted as one character, decomposed tags leaving strings apart, chrome
# that is the whole page, nesting deeper than lxml's tree keeps.
SAME_AS_SOUP = [
    PAGE,
    "",
    "   ",
    "نص عادي بلا وسوم",
    "<p>a<b>x</b> <img> <i>y</i></p><div> <div>z</div> </div><svg>\n <path/>\n <style>s</style> <path/>\n</svg>",
    "<html><head><title>  </title></head><body><h1>ع<rt>r</rt>نوان</h1><p>نص <span class=share>شارك</span> هنا</p></body></html>",
    "<html class=menu><body><p>كل الصفحة قائمة</p></body></html>",
    "<html><head><title>t</title></head></html>",
    "<body><article><p>قصير</p></article><article><p>أطول من الأول بكثير</p><article>داخل</article></article></body>",
    "<body><main><h1>ع</h1><h1>ع</h1><h1><h1>ع</h1></h1><p>نص</p></main></body>",
    "<body><div itemprop=articleBody><p>نص <!-- c --> بعد</p><template><p>t</p></template><pre>  </pre></div></body>",
    '<meta property="og:title" content="عنوان و"اقتباس": بقية"><time datetime="">x</time><p>نص</p>',
    "<script type=application/ld+json>  </script><script type=application/ld+json>{\"@graph\": [{\"datePublished\":"
    " \"2020-01-02T03:04:05Z\"}]}</script><body><p>نص</p></body>",
    "<div>" * 1200 + "نص عميق" + "</div>" * 1200,
    "<article>" * 1200 + "نص عميق" + "</article>" * 1200,
]


@pytest.mark.parametrize("html", SAME_AS_SOUP, ids=range(len(SAME_AS_SOUP)))
def test_lxml_reader_matches_the_soup_reader(html):
    from dataclasses import asdict

    from pipeline.html import from_html, from_soup

    assert asdict(from_html(html)) == asdict(from_soup(html))


def test_lxml_reader_matches_the_soup_reader_on_fixture_pages():
    from dataclasses import asdict
    from pathlib import Path

    from pipeline.decode import decode
    from pipeline.html import from_html, from_soup

    root = Path(__file__).resolve().parents[2]
    pages = sorted([*root.glob("samples/**/*.htm*"), *root.glob("tests/data/**/*.htm*")])
    assert pages
    for path in pages:
        text, _ = decode(path.read_bytes(), html=True)
        assert asdict(from_html(text)) == asdict(from_soup(text)), path
