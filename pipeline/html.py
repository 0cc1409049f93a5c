"""HTML article page → title, publication time, language and main text; page chrome recorded as `html:<kind>`."""
from __future__ import annotations

import json
import re
from datetime import datetime

from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

from pipeline.records import Extracted, Removed

# Never text: recorded by size only, so the audit shows they went without storing kilobytes of code.
INVISIBLE = {"script": "script", "style": "style", "noscript": "script", "template": "script", "svg": "media",
             "iframe": "media", "object": "media", "video": "media", "audio": "media", "canvas": "media"}
CHROME_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "form": "form",
               "button": "form", "select": "form", "menu": "nav", "dialog": "aside"}
# class/id words that mark page chrome inside the page, per kind.
CHROME_WORDS = {
    "share": {"share", "sharing", "social", "addthis", "sharethis", "shares", "socials", "follow"},
    "related": {"related", "relatedposts", "recommended", "more-news", "morenews", "read-more", "readmore",
                "also", "most-read", "mostread", "popular", "trending", "outbrain", "taboola"},
    "comments": {"comments", "comment", "disqus", "respond"},
    "nav": {"breadcrumb", "breadcrumbs", "menu", "navbar", "pagination", "pager"},
    "tags": {"tags", "tag-list", "taglist", "keywords"},
    "ad": {"ad", "ads", "advert", "advertisement", "banner", "sponsored", "promo"},
    "newsletter": {"newsletter", "subscribe", "subscription", "signup"},
}
_WORD_KIND = {word: kind for kind, words in CHROME_WORDS.items() for word in words}
_SPLIT_CLASS = re.compile(r"[\s_]+")
BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "dl", "dt", "dd", "hr",
              "address", "center"}
CONTENT_HINTS = ("article-body", "articlebody", "article-content", "entry-content", "post-content", "story-body",
                 "news-content", "article-text", "content-body", "field-body", "body-text")
_WS = re.compile(r"[ \t\r\n\f\v]+")
_BREAK = object()
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction, CData)
MAX_H1 = 10  # headline candidates looked at: each costs its subtree, and hostile pages nest thousands


def _gone(tag: Tag) -> bool:
    """True once `tag` (or an ancestor) was decomposed.

    bs4's `Tag.decomposed` reads an attribute that a live tag lacks, which falls through to `Tag.__getattr__`, i.e. a
    search of the whole subtree for a `<_decomposed>` element: quadratic over a page (minutes on deep nesting).
    """
    return bool(tag.__dict__.get("_decomposed", False))


def _outermost(root: Tag, name: str) -> list[Tag]:
    """`<name>` elements not inside another one, in document order, in one pass (no per-tag ancestor walk)."""
    found: list[Tag] = []
    stack: list[Tag] = [root]
    while stack:
        node = stack.pop()
        if node is not root and node.name == name:
            found.append(node)
            continue
        stack.extend(reversed([c for c in node.contents if isinstance(c, Tag)]))
    return found


def _kind_of(tag: Tag) -> str | None:
    """The chrome kind a tag belongs to, from its name, role or class/id words."""
    if tag.name in CHROME_TAGS:
        return CHROME_TAGS[tag.name]
    role = (tag.get("role") or "")
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return "nav" if role in ("navigation", "search") else {"banner": "header", "contentinfo": "footer"}.get(role, "aside")
    names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")
    if not names.strip():
        return None
    for word in _SPLIT_CLASS.split(names.lower()):
        kind = _WORD_KIND.get(word)
        if kind:
            return kind
        for piece in word.split("-") if "-" in word else ():
            kind = _WORD_KIND.get(piece)
            if kind:
                return kind
    return None


def _text(node: Tag) -> str:
    """Visible text of a node: HTML whitespace collapsed, blocks as paragraphs, <br> as line breaks."""
    parts: list[str] = []
    stack: list = [node]
    while stack:
        item = stack.pop()
        if item is _BREAK:  # pushed after a block's children
            parts.append("\n\n")
        elif isinstance(item, NavigableString):
            if not isinstance(item, _SKIPPED_STRINGS):
                parts.append(_WS.sub(" ", item))
        elif isinstance(item, Tag):
            if item.name == "br":
                parts.append("\n")
                continue
            block = item.name in BLOCK_TAGS
            if block:
                parts.append("\n\n")
                stack.append(_BREAK)
            stack.extend(reversed(item.contents))
    paragraphs = []
    for para in "".join(parts).split("\n\n"):
        lines = [line.strip() for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _published(soup: BeautifulSoup) -> datetime | None:
    """Publication time from JSON-LD, `article:published_time`, or the first `<time datetime>`."""
    candidates: list[str] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    candidates.append(item["datePublished"])
                stack.extend(v for k, v in item.items() if k == "@graph")
    for prop in ("article:published_time", "og:published_time", "datePublished"):
        meta = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"itemprop": prop})
        if meta and meta.get("content"):
            candidates.append(meta["content"])
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag:
        candidates.append(time_tag["datetime"])
    for value in candidates:
        parsed = parse_datetime(value)
        if parsed:
            return parsed
    return None


def parse_datetime(value: str) -> datetime | None:
    """An ISO 8601 time stamp (a trailing Z allowed), or None."""
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _title(soup: BeautifulSoup) -> str:
    meta = soup.find("meta", attrs={"property": "og:title"}) or soup.find("meta", attrs={"name": "og:title"})
    if meta and meta.get("content", "").strip():
        return meta["content"].strip()
    if soup.h1 and soup.h1.get_text(strip=True):
        return soup.h1.get_text(" ", strip=True)
    if soup.title and soup.title.string:
        return soup.title.string.strip()
    return ""


def _main(soup: BeautifulSoup) -> Tag:
    """The element holding the article: itemprop=articleBody, a known content class, <article>, <main> or <body>."""
    found = soup.find(attrs={"itemprop": "articleBody"})
    if found:
        return found
    for tag in soup.find_all(["div", "section"], class_=True):
        if any(h in " ".join(tag.get("class")).lower() for h in CONTENT_HINTS):
            return tag
    # An outer <article> holds at least the text of the ones inside it; measuring only the outermost keeps this
    # linear on hostile nesting.
    articles = _outermost(soup, "article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text()))
    return soup.find("main") or soup.body or soup


def from_html(text: str) -> Extracted:
    """Main text of an article page; chrome blocks are dropped and recorded in `removed`."""
    soup = BeautifulSoup(text, "lxml")
    html = soup.find("html")
    language = (html.get("lang") or "").strip() or None if html else None
    title = _title(soup)
    published = _published(soup)
    removed: list[Removed] = []
    for tag in soup.find_all(list(INVISIBLE)):
        if _gone(tag):
            continue
        size = len(tag.get_text())
        removed.append(Removed(text=f"<{tag.name}: {size} characters>", rule=f"html:{INVISIBLE[tag.name]}"))
        tag.decompose()
    head = soup.find("head")
    if head is not None:  # title and meta: never article text (a page without <body> would otherwise be its title)
        head.decompose()
    root = _main(soup)
    around = {id(tag) for tag in root.parents}  # never drop an element that holds the article
    for tag in soup.find_all(True):
        if _gone(tag) or tag is root or id(tag) in around:
            continue
        kind = _kind_of(tag)
        if kind:
            chrome = _text(tag)
            if chrome:
                removed.append(Removed(text=chrome, rule=f"html:{kind}"))
            tag.decompose()
    for h1 in root.find_all("h1", limit=MAX_H1):  # the headline already is the title
        if _gone(h1):
            continue
        if h1.get_text(" ", strip=True) == title or not title:
            title = title or h1.get_text(" ", strip=True)
            h1.decompose()
    return Extracted(title=title, text=_text(root), published_at=published, language=language, removed=removed)
