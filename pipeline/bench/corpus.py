"""The benchmark corpus: distinct articles generated from the repository's own fixtures, or a JSON Lines file.

Generated items recombine body paragraphs of samples/ and tests/data/segment/news_gold.conllu, give the
speakers new names, vary every number and the footers, and carry one number derived from the item's index, so
no body repeats and no cache can help. Text items come in the shapes of samples/ (SANA and Reuters `.txt`,
SPA JSON Lines records); a stated share are Sabq-style HTML pages padded with page chrome (menus, related
lists, inline CSS, SVG icons, an inline JSON page state) to a realistic 30-150 kB. Item `i` depends only on
(seed, i), so a subprocess regenerates exactly the items its parent measured, one at a time (no corpus lists).
"""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count
from pathlib import Path

from pipeline.records import RawItem
from pipeline.settings import PROJECT_ROOT

SAMPLES = PROJECT_ROOT / "samples"
GOLD = PROJECT_ROOT / "tests" / "data" / "segment" / "news_gold.conllu"

DEFAULT_SEED = 8
DEFAULT_HTML_SHARE = 0.2
HTML_MIN_BYTES = 30_000
HTML_MAX_BYTES = 150_000
CP1256_SHARE = 0.1  # of HTML pages: windows-1256, declared in a <meta> tag like samples/sabq/004

# Invented names (the fixtures' speakers are invented too); recombined they give 900 people.
FIRST_NAMES = ("أحمد", "محمد", "خالد", "سامي", "فهد", "ليلى", "نورة", "عمر", "يوسف", "هالة", "ريم", "طارق", "ماجد",
               "وليد", "سلمان", "منى", "عادل", "حسان", "زياد", "رنا", "باسل", "سعيد", "فيصل", "هاني", "جمال", "ناصر",
               "علي", "مازن", "إيمان", "سارة")
FAMILY_NAMES = ("الخطيب", "الحربي", "العتيبي", "القحطاني", "الدوسري", "الشمري", "المصري", "الحلبي", "النجار",
                "الزعبي", "السعدي", "الكردي", "المالكي", "الغامدي", "العمري", "الرفاعي", "حداد", "منصور", "العلي",
                "الشهري", "البناء", "الجابري", "السيد", "الأحمد", "التميمي", "الزهراني", "السويدي", "الهاشمي",
                "العبدالله", "المحمد")
PLACES = ("دمشق", "حلب", "حمص", "اللاذقية", "طرطوس", "موسكو", "طهران", "بكين", "الرياض", "جدة", "الدمام", "مكة المكرمة",
          "المدينة المنورة", "أبها", "الطائف", "عمان", "القاهرة", "بيروت", "دبي", "الكويت")
SPA_DESKS = ("سياسي", "اقتصادي", "صحي", "رياضي", "عام", "ثقافي", "اجتماعي")
SECTIONS = ("الرئيسية", "محليات", "سياسة", "اقتصاد", "رياضة", "صحة", "ثقافة وفنون", "تقنية", "مقالات", "منوعات",
            "العالم", "تحقيقات", "فيديو", "صور", "رأي", "سياحة", "تعليم", "مجتمع")
SPEECH = (
    "وقال {name} {role} في تصريح اليوم.. “{quote}”.",
    "وأضاف {name}: \"{quote}\"",
    "وأكد {role} {name} أن {clause}",
    "من جهته، قال {name} {role} إن \"{quote}\"",
    "وأوضح {short} أن {clause}",
    "وأشار {role} {name} في بيان إلى أن {clause}",
)
UNIQUE = (
    "وبلغ عدد المستفيدين من البرنامج {n} مستفيدا منذ انطلاقه وفق الإحصاءات الرسمية.",
    "وأشارت البيانات إلى أن قيمة العقود الموقعة بلغت {n} ألف دولار خلال الفترة الماضية.",
    "وسجلت الجهات المختصة {n} طلبا جديدا منذ بداية العام الجاري.",
    "ويضم المشروع في مرحلته الحالية {n} وحدة سكنية موزعة على عدة أحياء.",
)
# Words the attribution harvest takes for names that are not people: such "names" are never replaced.
NOT_NAMES = frozenset(("أهمية", "وزير", "محافظ", "بمعايير", "استعداد", "دمشق", "مواصلة", "تبادل", "التنسيق"))
_DIGITS = re.compile(r"\d+")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass
class Pools:
    """What the generator recombines, harvested once per process from the fixtures."""

    paragraphs: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    footers: dict[str, list[str]] = field(default_factory=dict)  # outlet -> footer blocks
    names: list[str] = field(default_factory=list)  # speakers' names as written in the paragraphs, longest first


def _arabic(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return bool(letters) and len(_ARABIC.findall(text)) >= 0.6 * len(letters)


def _gold_paragraphs(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Paragraphs, headings and sentences of the segmentation gold (`# newpar`, `# text =`, `⏎` = line wrap)."""
    paragraphs: list[list[str]] = []
    headings: list[str] = []
    sentences: list[str] = []
    heading = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar"):
            heading = "heading" in line
            paragraphs.append([])
        elif line.startswith("# newdoc"):
            paragraphs.append([])
        elif line.startswith("# text ="):
            text = line.partition("=")[2].strip().replace("⏎", "\n")
            if heading:
                headings.append(text)
            else:
                if not paragraphs:
                    paragraphs.append([])
                paragraphs[-1].append(text)
                sentences.append(text)
    return [" ".join(p) for p in paragraphs if p], headings, sentences


def _fixture_items() -> Iterator[RawItem]:
    from pipeline.inbox import items_from_file

    for path in sorted(SAMPLES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".jsonl"):
            yield from items_from_file(path, path.relative_to(SAMPLES))


@lru_cache(maxsize=1)
def pools() -> Pools:
    """Harvest paragraphs, titles, speakers, roles and footers from samples/ and the segmentation gold."""
    from pipeline.process import process
    from pipeline.records import Rejected

    p = Pools()
    gold_paragraphs, headings, sentences = _gold_paragraphs(GOLD)
    p.paragraphs.extend(x for x in gold_paragraphs if _arabic(x) and len(x) >= 60)
    p.titles.extend(h for h in headings if _arabic(h))
    names: set[str] = set()
    for raw in _fixture_items():
        try:
            article = process(raw)
        except Rejected:
            continue
        if not _arabic(article.body):
            continue
        p.titles.append(article.title.split(" / ", 1)[-1].split(" | ")[0])
        for block in article.blocks:
            text = article.body[block.start:block.end]
            if block.kind == "paragraph" and len(text) >= 60 and text != (article.dateline.text if article.dateline
                                                                          else None):
                p.paragraphs.append(text)
        footer = [r.text for r in article.removed if not r.rule.startswith("html:")]
        if footer:
            p.footers.setdefault(article.source or raw.source, []).append("\n".join(footer))
        for s in article.statements:
            if s.role:
                p.roles.append(s.role)
            for name in (s.speaker, s.speaker_canonical):
                if (name and s.role and len(name.split()) <= 4 and not name.startswith("ال")
                        and not NOT_NAMES.intersection(name.split())):
                    names.add(name)
    for text in sentences:
        if (_arabic(text) and text.endswith(".") and '"' not in text and "“" not in text and len(text.split()) >= 6
                and not text.startswith(("و", "ف"))):
            p.quotes.append(text[:-1])
            p.clauses.append(text)
    p.names = sorted(names, key=lambda n: (-len(n), n))  # ties by text: a set's order changes with the hash seed
    p.roles = sorted(set(p.roles))
    p.paragraphs = sorted(set(p.paragraphs))
    p.titles = sorted(set(t for t in p.titles if t))
    return p


def _vary_numbers(text: str, rng: random.Random) -> str:
    def repl(m: re.Match) -> str:
        n = len(m.group())
        return str(rng.randint(10 ** (n - 1) if n > 1 else 0, 10 ** n - 1))
    return _DIGITS.sub(repl, text)


def _person(rng: random.Random) -> tuple[str, str]:
    family = rng.choice(FAMILY_NAMES)
    return f"{rng.choice(FIRST_NAMES)} {family}", family


@dataclass
class GenArticle:
    """One generated article before it is rendered as an item."""

    index: int
    title: str
    place: str
    paragraphs: list[str]
    people: list[str]


def article(index: int, seed: int = DEFAULT_SEED) -> GenArticle:
    """Article `index`: recombined paragraphs, renamed speakers, varied numbers, one index-derived number."""
    p = pools()
    rng = random.Random(f"{seed}:{index}")
    people = [_person(rng) for _ in range(3)]
    chosen = rng.sample(p.paragraphs, rng.randint(4, 9))
    renamed = []
    for text in chosen:
        for name in p.names:
            if name in text:
                full, short = rng.choice(people)
                text = text.replace(name, full if len(name.split()) > 1 else short)
        renamed.append(_vary_numbers(text, rng))
    for _ in range(rng.randint(1, 3)):
        full, short = rng.choice(people)
        speech = rng.choice(SPEECH).format(name=full, short=short, role=rng.choice(p.roles), quote=rng.choice(p.quotes),
                                           clause=rng.choice(p.clauses))
        renamed.insert(rng.randint(1, len(renamed)), _vary_numbers(speech, rng))
    renamed.insert(rng.randint(1, len(renamed)), rng.choice(UNIQUE).format(n=100_000 + index))
    title = _vary_numbers(rng.choice(p.titles), rng)
    return GenArticle(index=index, title=title, place=rng.choice(PLACES), paragraphs=renamed,
                      people=[full for full, _ in people])


# --- plain-text shapes (samples/sana, samples/reuters_ar, samples/spa) ------------------------------------


def _footer(outlet: str, rng: random.Random) -> str:
    blocks = pools().footers.get(outlet)
    return _vary_numbers(rng.choice(blocks), rng) if blocks else ""


def _sana(a: GenArticle, rng: random.Random) -> RawItem:
    text = f"{a.title}\n\n{a.place} – سانا\n\n" + "\n\n".join(a.paragraphs)
    footer = _footer("sana", rng)
    text += f"\n\n{footer}\n" if footer else "\n"
    path = f"sana/bench-{a.index:07d}.txt"
    return RawItem(source="sana", body=text.encode(), external_id=path, path=path, content_type="text/plain")


def _reuters(a: GenArticle, rng: random.Random) -> RawItem:
    first, *rest = a.paragraphs
    names = [_person(rng)[0] for _ in range(3)]
    text = (f"{a.title}\n\n{a.place} (رويترز) - {first}\n\n" + "\n\n".join(rest)
            + f"\n\n(تغطية صحفية {names[0]} - إعداد {names[1]} للنشرة العربية - تحرير {names[2]})\n")
    path = f"reuters_ar/bench-{a.index:07d}.txt"
    return RawItem(source="reuters_ar", body=text.encode(), external_id=path, path=path, content_type="text/plain")


def _spa(a: GenArticle, rng: random.Random) -> RawItem:
    day, hour, minute = rng.randint(1, 29), rng.randint(0, 23), rng.randint(0, 59)
    marker = rng.choice(("// انتهى //", "//انتهى//", "// انتهى//", "//  انتهى  //", "// يتبع //"))
    content = (f" {a.place} {day} شوال 1436 هـ الموافق {day} أغسطس 2015 م واس\n "
               + "\n ".join(a.paragraphs) + f"\n {marker}\n {hour:02d}:{minute:02d} ت م \n ")
    url = f"https://www.spa.gov.sa/details.php?id={2_000_000 + a.index}"
    record = {"source": "spa", "url": url, "title": f"{rng.choice(SPA_DESKS)} / {a.title}",
              "published_at": f"2015-08-{day:02d}T{hour:02d}:{minute:02d}:00+03:00", "content": content}
    return RawItem(source="spa", body=json.dumps(record, ensure_ascii=False).encode(), external_id=url,
                   path="spa/bench.jsonl", record=a.index + 1, content_type="application/x-ndjson")


# --- HTML pages (samples/sabq, padded with the chrome real pages carry) ----------------------------------


@lru_cache(maxsize=1)
def _chrome_units() -> dict[str, list[tuple[str, int]]]:
    """Units of page chrome (CSS rules, SVG icons, menus, related items, page-state records) with UTF-8 sizes.

    Made once per process: like a real site, pages share their chrome; only the article and the mix differ.
    """
    p = pools()
    rng = random.Random(0)
    titles, paragraphs = p.titles, p.paragraphs

    def css(j: int) -> str:
        return (f".c{j} .x-{rng.randint(0, 999)},.c{j}>a:hover{{margin:{rng.randint(0, 40)}px {rng.randint(0, 40)}px;"
                f"padding:{rng.randint(0, 24)}px;color:#{rng.randrange(16**6):06x};font-size:{rng.randint(11, 28)}px;"
                f"line-height:1.{rng.randint(2, 9)};border-radius:{rng.randint(0, 8)}px}}\n")

    def svg(j: int) -> str:
        path = " ".join(f"L{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}" for _ in range(rng.randint(8, 30)))
        return f'<symbol id="icon-{j}" viewBox="0 0 24 24"><path d="M12 2 {path} Z"/></symbol>'

    def menu(j: int) -> str:
        sub = "".join(f'<li><a href="/section/{j}/{k}" data-track="menu-{j}-{k}">{rng.choice(SECTIONS)}</a></li>'
                      for k in range(rng.randint(3, 8)))
        return (f'<li class="menu-item has-children"><a href="/section/{j}">{rng.choice(SECTIONS)}</a>'
                f'<ul class="sub-menu">{sub}</ul></li>\n')

    def related(j: int) -> str:
        slug = f"{rng.randrange(36**6):06x}"
        return (f'<li class="related-item"><a href="/{slug}"><img src="/uploads/{slug}.jpg" alt="" loading="lazy" '
                f'width="320" height="180"><span class="headline">{rng.choice(titles)}</span></a></li>\n')

    def state(j: int) -> str:
        return json.dumps({"id": rng.randrange(10**7), "slug": f"{rng.randrange(36**6):06x}",
                           "headline": rng.choice(titles), "summary": rng.choice(paragraphs)[:300],
                           "section": rng.choice(SECTIONS), "image": {"url": f"/uploads/{j}.jpg", "w": 1200, "h": 675},
                           "tags": rng.sample(SECTIONS, 3)}, ensure_ascii=False) + ","

    makers = {"css": css, "svg": svg, "menu": menu, "related": related, "state": state}
    units = {}
    for kind, make in makers.items():
        made = [make(j) for j in range(400)]
        units[kind] = [(u, len(u.encode())) for u in made]
    return units


CHROME_SHARES = {"css": 0.18, "svg": 0.12, "menu": 0.2, "related": 0.15, "state": 0.35}


def _chrome(rng: random.Random, budget: int) -> dict[str, str]:
    """Filler chrome of about `budget` bytes: CSS, an SVG sprite, menus, related lists and a JSON page state."""
    out = {}
    for kind, units in _chrome_units().items():
        want, size, picked = int(budget * CHROME_SHARES[kind]), 0, []
        j = rng.randrange(len(units))
        while size < want:
            text, n = units[j % len(units)]
            picked.append(text)
            size += n
            j += 1
        out[kind] = "".join(picked)
    return out


def _page(a: GenArticle, rng: random.Random, target: int, charset: str) -> str:
    author = a.people[0]
    body = "\n".join(f"      <p>{para}</p>" for para in a.paragraphs)
    promo = rng.choice(("تابعونا على تويتر @sabqorg لمعرفة آخر الأخبار.", "حمّل تطبيق سبق لتصلك الأخبار العاجلة.", ""))
    tags = " ".join(f'<a href="/tags/{t}" rel="tag">{t}</a>' for t in rng.sample(SECTIONS, 3))
    meta = ('<meta charset="utf-8">' if charset == "utf-8" else
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    slug = f"b{a.index:07d}"
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
                     "datePublished": "2015-08-12T09:41:00+03:00", "author": {"@type": "Person", "name": author},
                     "inLanguage": "ar"}, ensure_ascii=False)
    skeleton = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
  {meta}
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{a.title} | صحيفة سبق الإلكترونية</title>
  <link rel="canonical" href="https://sabq.org/{slug}">
  <meta property="og:title" content="{a.title}">
  <meta property="og:url" content="https://sabq.org/{slug}">
  <meta property="article:published_time" content="2015-08-12T09:41:00+03:00">
  <script type="application/ld+json">{ld}</script>
  <style>\x00css\x00</style>
</head>
<body class="article-page">
  <svg xmlns="http://www.w3.org/2000/svg" style="display:none">\x00svg\x00</svg>
  <header class="site-header"><a class="logo" href="/">سبق</a><span class="updated">آخر تحديث: 2015-08-12</span></header>
  <nav class="main-nav" aria-label="القائمة الرئيسية"><ul>
\x00menu\x00  </ul></nav>
  <div class="breaking-ticker">عاجل: {rng.choice(pools().titles)}</div>
  <main>
    <article id="article-{slug}">
      <div class="breadcrumb"><a href="/">الرئيسية</a> › <a href="/section/1">{rng.choice(SECTIONS)}</a></div>
      <h1 class="article-title">{a.title}</h1>
      <time class="published" datetime="2015-08-12T09:41:00+03:00">2015-08-12 09:41</time>
      <div class="byline"><span class="author">{author}</span> - سبق - <span class="city">{a.place}</span></div>
      <div class="share"><a class="share-twitter" href="#">غرّد</a> <a class="share-facebook" href="#">شارك</a></div>
      <div class="article-body">
{body}
      <p>{promo}</p>
      </div>
      <div class="tags">سمات {tags}</div>
    </article>
    <aside class="related"><h2>أخبار ذات صلة</h2><ul>
\x00related\x00    </ul></aside>
  </main>
  <footer class="site-footer"><p>جميع الحقوق محفوظة © 2015 صحيفة سبق الإلكترونية</p></footer>
  <div id="cookie-banner" role="dialog">يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك.</div>
  <script id="__NEXT_DATA__" type="application/json">{{"related":[\x00state\x00{{}}]}}</script>
  <script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({{"page_type":"article","article_id":"{slug}"}});</script>
</body>
</html>
"""
    chrome = _chrome(rng, max(0, target - len(skeleton.encode())))
    for key, value in chrome.items():
        skeleton = skeleton.replace(f"\x00{key}\x00", value)
    return skeleton


def _sabq(a: GenArticle, rng: random.Random) -> RawItem:
    charset = "cp1256" if rng.random() < CP1256_SHARE else "utf-8"
    page = _page(a, rng, rng.randint(HTML_MIN_BYTES + 2_000, HTML_MAX_BYTES - 2_000), charset)
    data = page.encode("cp1256", errors="xmlcharrefreplace") if charset == "cp1256" else page.encode()
    path = f"sabq/bench-{a.index:07d}.html"
    return RawItem(source="sabq", body=data, external_id=path, path=path, url=f"https://sabq.org/b{a.index:07d}",
                   content_type="text/html")


TEXT_SHAPES = (_sana, _reuters, _spa)


def is_html_index(index: int, html_share: float) -> bool:
    """Exactly `html_share` of every run of indices are HTML pages, spread evenly."""
    return int((index + 1) * html_share) > int(index * html_share)


def generate(index: int, seed: int = DEFAULT_SEED, html_share: float = DEFAULT_HTML_SHARE) -> RawItem:
    """Raw item `index` of the generated corpus."""
    a = article(index, seed)
    rng = random.Random(f"{seed}:{index}:shape")
    if is_html_index(index, html_share):
        return _sabq(a, rng)
    return rng.choice(TEXT_SHAPES)(a, rng)


def is_html(raw: RawItem) -> bool:
    """Whether an item is an HTML page (a `.html` file or a JSON record with an `html` field)."""
    if (raw.content_type or "").startswith("text/html"):
        return True
    if raw.record is not None:
        try:
            record = json.loads(raw.body)
        except ValueError:
            return False
        return isinstance(record, dict) and isinstance(record.get("html"), str) and bool(record["html"].strip())
    return False


@dataclass(frozen=True)
class Corpus:
    """Where the items come from: the generator (seed, HTML share) or a JSON Lines file."""

    seed: int = DEFAULT_SEED
    html_share: float = DEFAULT_HTML_SHARE
    path: Path | None = None

    def describe(self) -> str:
        if self.path:
            return f"file {self.path}"
        return (f"generated (seed {self.seed}): {self.html_share:.0%} HTML pages of "
                f"{HTML_MIN_BYTES // 1000}-{HTML_MAX_BYTES // 1000} kB ({CP1256_SHARE:.0%} of them windows-1256), "
                "the rest SANA/Reuters .txt and SPA JSON records")

    def items(self, n: int, kind: str = "mixed", start: int = 0) -> Iterator[RawItem]:
        """`n` items (kind: mixed, text or html), streamed; a file shorter than `n` is cycled."""
        if self.path:
            yield from _file_items(self.path, n, kind)
            return
        if (kind == "html" and self.html_share <= 0) or (kind == "text" and self.html_share >= 1):
            return
        made = 0
        for index in count(start):
            if made >= n:
                return
            if kind == "mixed" or (kind == "html") == is_html_index(index, self.html_share):
                yield generate(index, self.seed, self.html_share)
                made += 1


def _file_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip(b"\r\n")
            if line.strip():
                yield number, line


def _file_items(path: Path, n: int, kind: str) -> Iterator[RawItem]:
    """Records of a JSON Lines file read the way the inbox reads them, one at a time; cycled when short."""
    from pipeline import sources

    made, cycle = 0, 0
    resolved: dict[str, str] = {}
    while made < n:
        found = False
        for number, line in _file_lines(path):
            if made >= n:
                return
            source, external_id = "inbox", f"{path.name}#{number}"
            try:
                record = json.loads(line)
                if isinstance(record, dict):
                    name = str(record.get("source") or "")
                    if name not in resolved:
                        resolved[name] = sources.resolve(name or None, default=source)
                    source = resolved[name]
                    external_id = str(record.get("url") or record.get("id") or external_id)
            except (ValueError, UnicodeDecodeError):
                pass
            raw = RawItem(source=source, body=line, external_id=external_id + (f"~{cycle}" if cycle else ""),
                          path=path.name, record=number, content_type="application/x-ndjson")
            if kind != "mixed" and (kind == "html") != is_html(raw):
                continue
            found = True
            made += 1
            yield raw
        if not found:
            return
        cycle += 1
