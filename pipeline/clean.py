"""Extracted text → cleaned Article: normalised, hard wraps joined, dateline split off, boilerplate out (each piece
recorded with its rule), paragraphs and headings as offsets into the body."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pipeline import PROCESSOR_VERSION
from pipeline._mypyc import mypyc_attr
from pipeline.boilerplate import Profile, Rule, learned_rule_id, line_key, profile_for, ruleset
from pipeline.dateline import find_dateline
from pipeline.records import Article, Block, Extracted, Removed

# Storage normalisation (letters never change): odd spaces become spaces, invisible controls and tatweel go.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
_INVISIBLE = ("\u0640\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
              "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
_TABLE = str.maketrans({**{c: " " for c in _SPACES}, **{c: None for c in _INVISIBLE},
                        "\r": "\n", "\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})
_REPLACE = {chr(code): value or "" for code, value in _TABLE.items()}
_ODD = re.compile("[" + "".join(re.escape(c) for c in sorted(_REPLACE)) + "]")
_RUN_OF_SPACES = re.compile(r" {2,}")
# A non-breaking space standing alone between sentences is an empty HTML paragraph, flattened: a paragraph break.
_NBSP_PARAGRAPH = re.compile(r"(?<=[.!?؟:»\"”]) +\u00a0[ \u00a0]*(?=\S)")

# Sentence-final (or list-opening) punctuation: a line ending in one is not a hard wrap.
_TERMINAL = frozenset(".!?؟:؛;…»\"”'’)]}>|")
_BULLET = re.compile(r"^(?:[-–—*•·▪◦●■]\s|\d{1,2}\s*[-.)]\s)")
_STANDALONE = re.compile(r"^\(?(?:https?://|www\.)\S+$|//\s*(?:انتهى|يتبع)|^\d{1,2}:\d{2}\s*ت\s*[مغ]")
MIN_WRAPPED_LINE = 40

MAX_HEADING_WORDS = 20
MAX_SHORT_HEADING_WORDS = 12
_HEADING_STOP = frozenset(".!?؟:؛;…،,")
# Prose openers: a short line starting with "and he said/added/…" is a sentence that lost its full stop.
_PROSE_OPENER = re.compile(r"^[وف](?:قال|أكد|اكد|أضاف|اضاف|أوضح|اوضح|أشار|اشار|بين|بيّن|ذكر|كان|تابع|لفت|شدد|أعلن|"
                           r"اعلن|هنأ|نوه|أفاد|افاد|اعتبر|دعا|يذكر|يشار|جاء|أشاد|اشاد|تم|قد|لكن|في|من)\b")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


def normalize(text: str) -> str:
    """NFC, odd spaces to spaces, zero-width/bidi controls and tatweel removed, line ends unified, space runs collapsed.

    Each step runs only when a cheap test finds something for it; the characters the table changes are replaced one
    by one (str.translate costs a dict look-up per character of the whole text, and no replacement makes another).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if "\u00a0" in text:
        text = _NBSP_PARAGRAPH.sub("\n\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for char in set(_ODD.findall(text)):
        text = text.replace(char, _REPLACE[char])
    if "  " in text:
        text = _RUN_OF_SPACES.sub(" ", text)  # runs of spaces never cross a line end: the same as per line
    return "\n".join(line.strip() for line in text.split("\n"))


def _hard_wrapped(lines: list[str]) -> bool:
    """A text whose single-newline lines mostly fill a fixed column was wrapped by a machine."""
    long = [len(line) for line in lines if line]
    if len(long) < 3:
        return False
    width = max(long)
    return width <= 120 and sum(n >= 0.6 * width for n in long[:-1]) >= 0.6 * (len(long) - 1)


def _joins(a: str, b: str) -> bool:
    """Whether line `b` continues line `a` broken in mid-sentence."""
    return (len(a) >= MIN_WRAPPED_LINE and a[-1] not in _TERMINAL and not _BULLET.match(b)
            and not _STANDALONE.search(a) and not _STANDALONE.search(b))


def paragraphs(text: str) -> list[str]:
    """Lines with hard wraps repaired: inside a blank-line-separated paragraph (or a machine-wrapped text) a
    line broken in mid-sentence is joined to the next; every other line break stays a paragraph break."""
    lines = text.strip("\n").split("\n")
    blank_separated = any(not line for line in lines)  # a blank line between two non-empty ones
    wrapped = blank_separated or _hard_wrapped(lines)
    out: list[str] = []
    previous_blank = True
    for line in lines:
        if not line:
            previous_blank = True
            continue
        if wrapped and out and not previous_blank and _joins(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


@dataclass(slots=True)
class _Para:
    text: str
    index: int
    kept: bool = True


@mypyc_attr(native_class=False)  # a subclass of a slotted class that mypyc does not compile
@dataclass(slots=True)
class DuplicateBlock(Block):
    """A paragraph repeated word for word inside one article: kept in the body, flagged with its first copy."""

    duplicate_of: int = 0  # index in `blocks` of the first occurrence


class _Cleaner:
    """One article's cleaning: removal bookkeeping in reading order."""

    def __init__(self, profile: Profile, learned: frozenset[str]) -> None:
        self.profile = profile
        self.learned = learned
        self.removed: list[tuple[int, int, Removed]] = []  # (paragraph index, order, removed)

    def drop(self, index: int, text: str, rule: str, order: int = 0) -> None:
        text = text.strip()
        if text:
            self.removed.append((index, order, Removed(text=text, rule=rule)))

    def title(self, title: str) -> str:
        for rule in self.profile.title_rules:
            match = rule.regex.match(title)
            if match and match.end() < len(title):
                self.drop(-1, match.group(0), rule.id)
                title = title[match.end():]
        return title.strip()

    def line_rule(self, para: _Para, count: int) -> str | None:
        """The id of the rule removing this whole paragraph, if any: learned, then profile, then generic."""
        text = para.text
        if self.learned and line_key(text) in self.learned:
            return learned_rule_id(line_key(text))
        edge = para.index < 2 or para.index >= count - 4
        combined = self.profile.line_edge if edge else self.profile.line_inner
        if combined is not None:
            return combined.rule_id(text)
        words = None
        for rule in self.profile.line_rules:
            if rule.where == "edge" and not edge:
                continue
            if rule.max_words is not None:
                words = len(text.split()) if words is None else words
                if words > rule.max_words:
                    continue
            if rule.regex.fullmatch(text):
                return rule.id
        return None

    def promo(self, text: str) -> str | None:
        """`promo:<platform>` for a short line naming a platform and calling the reader to act."""
        profile = self.profile
        if profile.platform_url.fullmatch(text):
            for name, regex in profile.platforms:
                if regex.search(text):
                    return f"promo:{name}"
            return "promo:link"
        if len(text.split()) > profile.promo_max_words:
            return None
        caseless = profile.call_to_action_uncased is not None and text.lower() == text.upper()  # no cased letter
        if not (profile.call_to_action_uncased if caseless else profile.call_to_action).search(text):  # type: ignore[union-attr]
            return None
        for name, regex in profile.platforms:
            if regex.search(text):
                return f"promo:{name}"
        return None

    def head(self, para: _Para) -> None:
        for rule in self.profile.head_rules:
            match = rule.regex.match(para.text)
            if match and (match.end() == len(para.text) or para.text[match.end() - 1].isspace()
                          or para.text[match.end()].isspace()):
                self.drop(para.index, match.group(0), rule.id, order=-1)
                para.text = para.text[match.end():].strip()
                para.kept = bool(para.text)
                if not para.kept:
                    return

    def spans(self, para: _Para) -> None:
        for rule in self.profile.span_rules:
            if not rule.regex.search(para.text):
                continue
            pieces = []
            for match in rule.regex.finditer(para.text):
                self.drop(para.index, match.group(0), rule.id, order=match.start())
                pieces.append(match.span())
            text, last = [], 0
            for start, end in pieces:
                text.append(para.text[last:start])
                last = end
            text.append(para.text[last:])
            para.text = _RUN_OF_SPACES.sub(" ", "".join(text)).strip()
            para.kept = bool(para.text)

    def tail(self, paras: list[_Para]) -> None:
        """Cut tail rules off the end of the article, walking back over paragraphs they empty."""
        rules = self.profile.tail_rules
        for para in reversed(paras):
            if not para.kept:
                continue
            changed = True
            while changed and para.kept:
                changed = False
                for rule in rules:
                    match = _tail_match(rule, para.text)
                    if match is not None:
                        self.drop(para.index, para.text[match:], rule.id, order=10**6 - len(para.text) + match)
                        para.text = para.text[:match].rstrip()
                        para.kept = bool(para.text)
                        changed = True
                        break
            if para.kept:
                return


def _tail_match(rule: Rule, text: str) -> int | None:
    """Start of a tail rule's match if it ends the text and starts on a word boundary."""
    match = rule.regex.search(text)
    if not match:
        return None
    start = match.start()
    if start and not (text[start - 1].isspace() or text[start - 1] in _TERMINAL or text[start - 1] in "،,"):
        return None
    return start


def is_heading(text: str, following: str | None) -> bool:
    """A short line without final punctuation, before a longer paragraph: a subheading."""
    if following is None or not text or text[-1] in _HEADING_STOP or _BULLET.match(text):
        return False
    words = text.split()
    if not _ANY_LETTER.search(text) or len(words) > MAX_HEADING_WORDS or len(following.split()) <= len(words) or _PROSE_OPENER.match(text):
        return False
    return len(words) <= MAX_SHORT_HEADING_WORDS or ":" in " ".join(words[:4])


def _language(text: str) -> str | None:
    """`ar` when Arabic letters are most of the letters at the start of the body."""
    sample = text[:400]
    letters = len(_ANY_LETTER.findall(sample))
    return "ar" if letters and len(_ARABIC_LETTER.findall(sample)) / letters > 0.5 else None


def _published(doc: Extracted, dateline_date: str | None, zone: str) -> datetime | None:
    if doc.published_at or not dateline_date:
        return doc.published_at
    day = date.fromisoformat(dateline_date)
    try:
        return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone))
    except (KeyError, ValueError):
        return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo("UTC"))


def clean(doc: Extracted, source: str, learned: frozenset[str] = frozenset()) -> Article:
    """Drop boilerplate (every piece recorded with its rule), split off the dateline, mark paragraphs and headings."""
    profile = profile_for(source)
    cleaner = _Cleaner(profile, learned)
    title = cleaner.title(normalize(doc.title).replace("\n", " ").strip())
    paras = [_Para(text, i) for i, text in enumerate(paragraphs(normalize(doc.text)))]

    if paras and profile.head_rules:
        cleaner.head(paras[0])
    # Whole-paragraph rules, with promotion blocks: URL/number lines after a promotion line go with it.
    block_rule: str | None = None
    for para in paras:
        if not para.kept:
            continue
        rule = cleaner.line_rule(para, len(paras)) or cleaner.promo(para.text)
        if rule is None and block_rule and profile.promo_continuation.fullmatch(para.text):
            rule = block_rule
        if rule:
            cleaner.drop(para.index, para.text, rule)
            para.kept = False
            block_rule = rule if rule.startswith(("promo:", "sana:", "learned:")) else None
        else:
            block_rule = None

    dateline = None
    kept = [p for p in paras if p.kept]
    found = find_dateline([p.text for p in kept[:2]], profile)
    if found:
        dateline, index, rest = found
        kept[index].text = rest
        kept[index].kept = bool(rest)
        if index == 0 and rest and profile.head_rules:
            cleaner.head(kept[0])

    for para in paras:
        if para.kept and profile.span_rules:
            cleaner.spans(para)
    cleaner.tail(paras)

    body_parts: list[str] = []
    blocks: list[Block] = []
    first_seen: dict[str, int] = {}
    texts = [p.text for p in paras if p.kept]
    offset = 0
    for i, text in enumerate(texts):
        if body_parts:
            offset += 2
        kind = "heading" if is_heading(text, texts[i + 1] if i + 1 < len(texts) else None) else "paragraph"
        if text in first_seen:
            blocks.append(DuplicateBlock(start=offset, end=offset + len(text), kind=kind, duplicate_of=first_seen[text]))  # type: ignore[arg-type]
        else:
            first_seen[text] = len(blocks)
            blocks.append(Block(start=offset, end=offset + len(text), kind=kind))  # type: ignore[arg-type]
        body_parts.append(text)
        offset += len(text)
    body = "\n\n".join(body_parts)

    cleaner.removed.sort(key=lambda item: (item[0], item[1]))
    return Article(
        title=title, body=body, dateline=dateline,
        published_at=_published(doc, dateline.date if dateline else None, profile.time_zone),
        language=doc.language or (ruleset().sources.get(source) or {}).get("language") or _language(body),
        blocks=blocks, removed=[*doc.removed, *(r for _, _, r in cleaner.removed)],
        processor_version=PROCESSOR_VERSION, source=source, url=doc.url, external_id=doc.external_id,
    )
