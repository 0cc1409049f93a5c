"""HTML article page → title, publication time, language and main text; page chrome recorded as `html:<kind>`.

Two readers of the same rules: `from_html` works on lxml's tree (parsed and searched in C), and `from_soup` on a
BeautifulSoup tree built by the same lxml parser. The lxml reader reproduces bs4's tree semantics exactly (which
strings `get_text` counts, whitespace-only strings collapsed to one character, decomposed tags leaving their
neighbouring strings apart), so both give identical output; bs4 reads what lxml alone refuses (an empty or
rejected document) and whatever the lxml reader finds unusual.
"""
from __future__ import annotations

import json
import re
from datetime import datetime
from itertools import islice

from lxml import etree
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
    return _chrome_kind(tag.name, tag.get("role"), " ".join(tag.get("class") or []) + " " + (tag.get("id") or ""))


def _chrome_kind(name: str, role: str | None, names: str) -> str | None:
    """The chrome kind of an element: `names` is its class words and id, space-separated."""
    if name in CHROME_TAGS:
        return CHROME_TAGS[name]
    role = role or ""
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return "nav" if role in ("navigation", "search") else {"banner": "header", "contentinfo": "footer"}.get(role, "aside")
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
    return _paragraphs("".join(parts))


def _paragraphs(flat: str) -> str:
    """Walked text with its breaks → paragraphs of stripped, non-empty lines."""
    paragraphs = []
    for para in flat.split("\n\n"):
        lines = [line.strip() for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


def _published(soup: BeautifulSoup) -> datetime | None:
    """Publication time from JSON-LD, `article:published_time`, or the first `<time datetime>`."""
    candidates: list[str] = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        candidates.extend(_ld_dates(script.string))
    for prop in ("article:published_time", "og:published_time", "datePublished"):
        meta = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"itemprop": prop})
        if meta and meta.get("content"):
            candidates.append(meta["content"])
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag:
        candidates.append(time_tag["datetime"])
    return _first_time(candidates)


def _ld_dates(block: str | None) -> list[str]:
    """`datePublished` values of one JSON-LD block (through `@graph`); none when it is not JSON."""
    try:
        data = json.loads(block or "")
    except ValueError:
        return []
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(v for k, v in item.items() if k == "@graph")
    return found


def _first_time(candidates: list[str]) -> datetime | None:
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


def from_soup(text: str) -> Extracted:
    """`from_html` on a BeautifulSoup tree: the reference reader, and the fallback for what lxml alone refuses."""
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


# --- The same rules on lxml's own tree --------------------------------------------------------------------------
# bs4 builds its tree from the same lxml parser's events, so the elements and strings are the same: an element's
# `text` and each child's `tail` are bs4's strings. What differs is emulated below: strings inside script, style,
# template, rt and rp are other string types that `get_text` of other tags skips; a string of ASCII whitespace
# outside <pre>/<textarea> is one character ("\n" when it holds one, else " "); decomposing a tag leaves the strings
# around it separate (here the tag is swapped for an empty comment that keeps its tail).

_CONTAINERS = frozenset(("rt", "rp", "style", "script", "template"))  # bs4's DEFAULT_STRING_CONTAINERS
_PRESERVE = frozenset(("pre", "textarea"))
_ASCII_SPACES = frozenset("\x20\x0a\x09\x0c\x0d")
_Comment = etree.Comment
_PI = etree.PI


# lxml's tree stops at a nesting depth (2048 with huge_tree) and silently drops what lies deeper, where bs4's
# event-built tree keeps it: hostile pages nesting that deep are read with bs4 (an XPath of one step per level
# touches each element once, about 0.1 ms a page).
DEEP_NESTING = 1000
_TOO_DEEP = etree.XPath("boolean(/" + "/".join(["*"] * DEEP_NESTING) + ")")


class _Unusual(Exception):
    """A page shape the lxml reader does not reproduce bs4 on: read it with bs4."""


def _collapsed(value: str) -> str:
    """bs4's whitespace-only string: one "\\n" when it holds a line end, else one space."""
    if all(ch in _ASCII_SPACES for ch in value):
        return "\n" if "\n" in value else " "
    return value


def _context(el) -> tuple[str | None, bool]:
    """The string container around `el` (nearest rt/rp/style/script/template ancestor) and whether a pre is open."""
    container, pre = None, False
    for up in el.iterancestors():
        tag = up.tag
        if container is None and tag in _CONTAINERS:
            container = tag
        if tag in _PRESERVE:
            pre = True
    return container, pre


def _get_text(el, separator: str = "", strip: bool = False) -> str:
    """bs4's `Tag.get_text(separator, strip)` of the same element."""
    own = el.tag if el.tag in _CONTAINERS else None
    container, pre = _context(el)
    out: list[str] = []
    stack = [(el, container, pre)]
    while stack:
        node, container, pre = stack.pop()
        if isinstance(node, str):
            if container != own:
                continue
            value = node if pre else _collapsed(node)
            if strip:
                value = value.strip()
                if not value:
                    continue
            out.append(value)
            continue
        tag = node.tag
        if tag in _CONTAINERS:
            container = tag
        if tag in _PRESERVE:
            pre = True
        items = []
        if node.text and isinstance(tag, str):
            items.append((node.text, container, pre))
        for child in node:
            if isinstance(child.tag, str):
                items.append((child, container, pre))
            if child.tail:
                items.append((child.tail, container, pre))
        stack.extend(reversed(items))
    return separator.join(out)


def _string(el) -> str | None:
    """bs4's `Tag.string`: the only child string (recursively through an only child tag), else None."""
    while True:
        contents: list = [el.text] if el.text else []
        for child in el:
            contents.append(child)
            if child.tail:
                contents.append(child.tail)
        if len(contents) != 1:
            return None
        only = contents[0]
        if isinstance(only, str):
            return only if _context(el)[1] or el.tag in _PRESERVE else _collapsed(only)
        if not isinstance(only.tag, str):
            raise _Unusual("a lone comment or instruction as a tag's only child")
        el = only


def _first(root, tag: str, **attrs):
    """The first element named `tag` whose attributes equal `attrs` (True: present), in document order."""
    for el in root.iter(tag):
        if all((el.get(k) is not None) if v is True else el.get(k) == v for k, v in attrs.items()):
            return el
    return None


def _decompose(el) -> None:
    """Take `el` out of the tree like bs4's decompose: the strings before and after it stay two strings."""
    placeholder = _Comment("")
    placeholder.tail = el.tail
    el.getparent().replace(el, placeholder)


def _attached(el, top) -> bool:
    """Whether `el` still hangs under `top` (nothing above it was decomposed)."""
    last = el
    for last in el.iterancestors():
        pass
    return last is top


def _lx_text(node) -> str:
    """`_text` on lxml's tree: the same walk (lxml's iterwalk, in C), strings being `text` and `tail`, comments and
    instructions skipped but not the text after them."""
    parts: list[str] = []
    add = parts.append
    ws = _WS.sub
    for event, el in etree.iterwalk(node, events=("start", "end", "comment", "pi")):
        if event == "start":
            tag = el.tag
            if tag == "br":
                add("\n")
                continue
            if tag in BLOCK_TAGS:
                add("\n\n")
            if el.text:
                add(ws(" ", el.text))
            continue
        if event == "end" and el.tag in BLOCK_TAGS:
            add("\n\n")
        if el.tail and el is not node:
            add(ws(" ", el.tail))
    return _paragraphs("".join(parts))


def _lx_title(top) -> str:
    meta = _first(top, "meta", property="og:title")
    if meta is None:  # never `or`: an lxml element without children is falsy
        meta = _first(top, "meta", name="og:title")
    if meta is not None and meta.get("content", "").strip():
        return meta.get("content").strip()
    h1 = _first(top, "h1")
    if h1 is not None and _get_text(h1, strip=True):
        return _get_text(h1, " ", strip=True)
    title = _first(top, "title")
    if title is not None:
        value = _string(title)
        if value:
            return value.strip()
    return ""


def _lx_published(top) -> datetime | None:
    candidates: list[str] = []
    for script in top.iter("script"):
        if script.get("type") != "application/ld+json":
            continue
        candidates.extend(_ld_dates(_string(script)))
    for prop in ("article:published_time", "og:published_time", "datePublished"):
        meta = _first(top, "meta", property=prop)
        if meta is None:
            meta = _first(top, "meta", itemprop=prop)
        if meta is not None and meta.get("content"):
            candidates.append(meta.get("content"))
    time_tag = _first(top, "time", datetime=True)
    if time_tag is not None:
        candidates.append(time_tag.get("datetime"))
    return _first_time(candidates)


def _classes(el) -> str:
    """bs4's class list, space-joined."""
    value = el.get("class")
    return " ".join(value.split()) if value else ""


def _lx_main(top):
    """`_main` on lxml's tree; None stands for the whole document (a page without <body>)."""
    for el in top.iter(etree.Element):
        if el.get("itemprop") == "articleBody":
            return el
    for el in top.iter("div", "section"):
        if el.get("class") is not None:
            names = _classes(el).lower()
            if any(h in names for h in CONTENT_HINTS):
                return el
    articles = top.xpath("descendant-or-self::article[not(ancestor::article)]")
    if articles:
        return max(articles, key=lambda a: len(_get_text(a)))
    found = _first(top, "main")
    if found is None:
        found = _first(top, "body")
    return found


def from_html(text: str) -> Extracted:
    """Main text of an article page; chrome blocks are dropped and recorded in `removed`."""
    if text[:1] == "\ufeff":  # as bs4 does with a str
        text = text[1:]
    try:
        parser = etree.HTMLParser(recover=True, huge_tree=True)  # no depth cap: bs4's event-built tree has none
        parser.feed(text)
        top = parser.close()
    except (etree.LxmlError, ValueError, TypeError):
        top = None
    if top is None or not isinstance(top.tag, str) or _TOO_DEEP(top):
        return from_soup(text)
    try:
        return _from_tree(top)
    except _Unusual:
        return from_soup(text)


def _from_tree(top) -> Extracted:
    html = top if top.tag == "html" else _first(top, "html")
    language = (html.get("lang") or "").strip() or None if html is not None else None
    title = _lx_title(top)
    published = _lx_published(top)
    removed: list[Removed] = []
    for tag in list(top.iter(*INVISIBLE)):
        if not _attached(tag, top):
            continue
        size = len(_get_text(tag))
        removed.append(Removed(text=f"<{tag.tag}: {size} characters>", rule=f"html:{INVISIBLE[tag.tag]}"))
        _decompose(tag)
    head = _first(top, "head")
    if head is not None:
        if head is top:
            raise _Unusual("<head> at the top")
        _decompose(head)
    root = _lx_main(top)
    around = set(root.iterancestors()) if root is not None else set()
    stack = [top]
    while stack:  # every element in document order, without the subtrees already dropped
        el = stack.pop()
        if el is not root and el not in around:
            kind = _chrome_kind(el.tag, el.get("role"), _classes(el) + " " + (el.get("id") or ""))
            if kind:
                chrome = _lx_text(el)
                if chrome:
                    removed.append(Removed(text=chrome, rule=f"html:{kind}"))
                if el is top:
                    return Extracted(title=title, text="", published_at=published, language=language,
                                     removed=removed)
                _decompose(el)
                continue
        stack.extend(reversed([child for child in el if isinstance(child.tag, str)]))
    if root is None:
        root = top
    for h1 in list(islice(root.iterdescendants("h1"), MAX_H1)):  # the headline already is the title
        if not _attached(h1, top):
            continue
        if _get_text(h1, " ", strip=True) == title or not title:
            title = title or _get_text(h1, " ", strip=True)
            _decompose(h1)
    return Extracted(title=title, text=_lx_text(root), published_at=published, language=language, removed=removed)
