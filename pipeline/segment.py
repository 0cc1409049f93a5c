"""Body → statements: quote-aware Arabic (and English) sentence boundaries with offsets into the body.

A boundary is a paragraph break or a run of `. ! ? ؟ …` outside quotation marks, except `..` (a colon or a
pause in Arabic copy), abbreviations and initials (`د.`, `أ.د.`, `جيه . بي . اكس`, `ام.ايه.اكس`, `U.S.`),
and periods inside numbers, dates, URLs and e-mail addresses. A quotation that ends its sentence
(`…نهاية.”`) keeps its closing mark; a quotation left open closes at the paragraph break.

No statement is longer than `MAX_STATEMENT_CHARS`: a longer sentence (a paragraph without punctuation, a
pasted blob) is split at its last `؛`, else `،` `,` `:`, else space before the cap, outside quotations
that fit the cap; a single token longer than the cap is cut hard.
"""
from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass

from pipeline import lexicons
from pipeline.normalize import norm_hash
from pipeline.records import Block, Statement

_PARA_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
# Quote marks and sentence terminators are found with str.find, one scan per character: sre tries a
# character class at every position (about 25 ns a character of Arabic text), str.find scans in C (about 1 ns);
# the class regex only measures a run from a position already found.
_QUOTE_CHARS = "«»“”„‟\""
_TERM_CHARS = ".!?؟…"
_TERM = re.compile(f"[{_TERM_CHARS}]+")
_WORD = re.compile(r"\w")
_NEXT_TOKEN = re.compile(r"\s*([^\s.!?؟…،,:؛;]*)")
_BLOCK_ORDER = operator.attrgetter("start", "end")
_SPACE = " \t\n\r\f\v\u00a0\u200f\u200e"
# A quote mark after these opens; before these it closes.
_OPEN_AFTER = set(_SPACE) | set("([{:،,؛;-–—/ـ")
_CLOSE_BEFORE = set(_SPACE) | set(".,،؛;:!?؟)]}…-–—/")
_PROCLITICS = set("وفبلك")
_ENDS = set(_TERM_CHARS)
_CLOSERS = ")]}\"”»'"
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")

# Longest statement: real Arabic news sentences strung with `،` reach 600-1,000 characters; well past that is
# a paragraph without punctuation or pasted data, which one statement (and the loader's 20,000 cap) cannot hold.
MAX_STATEMENT_CHARS = 2_000
# Where an overlong sentence may be split, best first: after `؛`, after `،,:`, before a space. The greedy `.*`
# finds the last one before the cap; a space may stand just past it (the lookahead needs one more character).
_SPLIT_AT = ((re.compile(r".*[؛;]", re.S), 0), (re.compile(r".*[،,:]", re.S), 0),
             (re.compile(r".*\S(?=\s)", re.S), 1))


@dataclass(frozen=True, slots=True)
class _Abbrev:
    letter_names: frozenset[str]
    arabic: frozenset[str]
    english: frozenset[str]
    ellipsis_continues: frozenset[str]


def _build_abbrev(data: dict[str, list]) -> _Abbrev:
    return _Abbrev(
        letter_names=frozenset(str(x) for x in data.get("letter_names", [])),
        arabic=frozenset(str(x) for x in data.get("arabic", [])),
        english=frozenset(str(x).lower() for x in data.get("english", [])),
        ellipsis_continues=frozenset(str(x) for x in data.get("ellipsis_continues", [])),
    )


def _abbrev() -> _Abbrev:
    return lexicons.cached("segment", _build_abbrev)


def segment(body: str, blocks: list[Block], max_chars: int = MAX_STATEMENT_CHARS) -> list[Statement]:
    """Split each block into statements; headings stay whole (up to `max_chars`). Offsets index into `body`."""
    out: list[Statement] = []
    abbrev = _abbrev()
    # Every mark of the body found once; each paragraph takes its share by bisection (regions come in order).
    quote_marks = _positions(body, 0, len(body), _QUOTE_CHARS)
    term_marks = _positions(body, 0, len(body), _TERM_CHARS)
    for start, end, kind in _regions(body, blocks):
        if kind == "heading":
            _emit_piece(out, body, start, end, "heading", max_chars, None, -1)
            continue
        for lo, hi in _paragraphs(body, start, end):
            spans = _spans(body, lo, hi, _between(quote_marks, lo, hi)) if quote_marks else []
            prev = lo
            for cut in _boundaries(body, lo, hi, abbrev, spans, _between(term_marks, lo, hi)):
                _emit_piece(out, body, prev, cut, "sentence", max_chars, spans, lo)
                prev = cut
            _emit_piece(out, body, prev, hi, "sentence", max_chars, spans, lo)
    for statement in out:  # once the statements are final (a merge changes the text)
        statement.norm_hash = norm_hash(statement.text)
    return out


def _between(positions: list[int], lo: int, hi: int) -> list[int]:
    """The sorted `positions` in [lo, hi)."""
    return positions[bisect.bisect_left(positions, lo):bisect.bisect_left(positions, hi)] if positions else []


def _positions(text: str, lo: int, hi: int, chars: str) -> list[int]:
    """Sorted positions in text[lo:hi] of any of `chars`."""
    out: list[int] = []
    for ch in chars:
        i = text.find(ch, lo, hi)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, hi)
    out.sort()
    return out


def _emit_piece(out: list[Statement], body: str, start: int, end: int, kind: str, cap: int,
                spans: list[tuple[int, int]] | None, merge_floor: int) -> None:
    """Emit body[start:end] trimmed: whole when it fits the cap (nearly always), else through _emit_capped
    (`spans` None: the quotations of body[start:end], found only then)."""
    text = body[start:end]
    stripped = text.strip()  # str.strip and str.isspace agree on what is blank
    if not stripped:
        return
    if len(stripped) > cap:
        _emit_capped(out, body, start, end, kind, cap, quote_spans(body, start, end) if spans is None else spans,
                     merge_floor)
        return
    if text[0].isspace():
        start += len(text) - len(text.lstrip())
    if _WORD.search(stripped):  # a statement of its own (the merge below is for punctuation alone)
        out.append(Statement(len(out), start, start + len(stripped), stripped, kind))  # type: ignore[arg-type]
    else:
        _append(out, body, start, start + len(stripped), stripped, kind, merge_floor, cap)


def _emit_capped(out: list[Statement], body: str, start: int, end: int, kind: str, cap: int,
                 spans: list[tuple[int, int]], merge_floor: int) -> None:
    """_emit, first splitting body[start:end] into pieces of at most `cap` characters (trimmed)."""
    while end > start and body[end - 1].isspace():
        end -= 1
    while True:
        while start < end and body[start].isspace():
            start += 1
        if end - start <= cap:
            break
        cut = _split_point(body, start, start + cap, cap, spans)
        _emit(out, body, start, cut, kind, merge_floor, cap)
        start = cut
    _emit(out, body, start, end, kind, merge_floor, cap)


def _split_point(body: str, start: int, limit: int, cap: int, spans: list[tuple[int, int]]) -> int:
    """Where to end a piece that starts at `start` and may run to `limit`: the best split, else `limit`.

    A split in the second half of the window is taken by rank (`؛`, then `،,:`, then space); failing that the
    latest split of any rank; inside a quotation only when the quotation itself is longer than the cap. With no
    split at all the cut is hard, at `limit`, or just before a quotation that fits the cap and straddles it.
    """
    found = [_last_outside(pattern, body, start, limit, reach, cap, spans) for pattern, reach in _SPLIT_AT]
    half = start + cap // 2
    for cut in found:
        if cut is not None and cut >= half:
            return cut
    cut = max((c for c in found if c is not None), default=None)
    if cut is not None:
        return cut
    quote = _fitting_quote_around(limit, spans, cap)
    return quote[0] if quote and quote[0] > start else limit


def _fitting_quote_around(pos: int, spans: list[tuple[int, int]], cap: int) -> tuple[int, int] | None:
    """The quotation strictly around `pos` if it is no longer than the cap (so must not be split), else None."""
    k = bisect.bisect_right(spans, (pos, pos)) - 1
    if k >= 0 and spans[k][0] < pos < spans[k][1] and spans[k][1] - spans[k][0] <= cap:
        return spans[k]
    return None


def _last_outside(pattern: re.Pattern[str], body: str, start: int, limit: int, reach: int, cap: int,
                  spans: list[tuple[int, int]]) -> int | None:
    """End (at most `limit`) of the last match of `pattern` from `start`, not inside a quotation that fits the cap;
    `reach` more characters may be looked at past `limit`."""
    while limit > start:
        m = pattern.match(body, start, min(limit + reach, len(body)))
        if m is None:
            return None
        cut = m.end()
        quote = _fitting_quote_around(cut, spans, cap)
        if quote:
            limit = quote[0]  # the split would fall inside a whole quotation: look before it
            continue
        return cut if cut > start else None
    return None


def _regions(body: str, blocks: list[Block]) -> list[tuple[int, int, str]]:
    """Blocks in order, plus any uncovered non-blank stretch of the body as a paragraph."""
    regions: list[tuple[int, int, str]] = []
    pos = 0
    for block in sorted(blocks, key=_BLOCK_ORDER):
        start, end = max(block.start, pos, 0), min(block.end, len(body))
        if end <= start:
            continue
        if start > pos and not body[pos:start].isspace():
            regions.append((pos, start, "paragraph"))
        regions.append((start, end, block.kind))
        pos = end
    if pos < len(body) and not body[pos:].isspace():
        regions.append((pos, len(body), "paragraph"))
    return regions


def _paragraphs(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block split at blank lines (a block should not hold one, but the body is trusted less than that)."""
    if body.find("\n", start, end) < 0:
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    for m in _PARA_BREAK.finditer(body, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _emit(out: list[Statement], body: str, start: int, end: int, kind: str, merge_floor: int = -1,
          cap: int = MAX_STATEMENT_CHARS) -> None:
    """Append body[start:end] trimmed; punctuation alone joins the statement before it in the same paragraph
    (when the two together fit the cap)."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        _append(out, body, start, end, body[start:end], kind, merge_floor, cap)


def _append(out: list[Statement], body: str, start: int, end: int, text: str, kind: str, merge_floor: int,
            cap: int) -> None:
    """Append the trimmed statement text = body[start:end], or join punctuation alone to the one before."""
    if (not _WORD.search(text) and out and out[-1].kind == kind and out[-1].start >= merge_floor >= 0
            and end - out[-1].start <= cap):
        last = out[-1]
        last.end = end
        last.text = body[last.start:end]
        return
    out.append(Statement(len(out), start, end, text, kind))  # type: ignore[arg-type]


def quote_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Top-level quotations in text[lo:hi] as [open, close+1) spans; one left open runs to `hi`.

    Curly and straight marks are one family whose direction comes from context (real copy mixes
    “…”, ”…“ and "…"); guillemets nest. An opener seen while one is open, with the marks after it
    balanced, means the earlier one was stray: it is dropped.
    """
    hi = len(text) if hi is None else hi
    return _spans(text, lo, hi, _positions(text, lo, hi, _QUOTE_CHARS))


def _spans(text: str, lo: int, hi: int, marks: list[int]) -> list[tuple[int, int]]:
    """quote_spans given the sorted positions of the quote marks in text[lo:hi]."""
    if not marks:
        return []
    remaining = sum(1 for i in marks if text[i] not in "«»")
    spans: list[tuple[int, int]] = []
    curly: int | None = None
    guillemets: list[int] = []
    for i in marks:
        ch = text[i]
        if ch == "«":
            guillemets.append(i)
            continue
        if ch == "»":
            if guillemets:
                opened = guillemets.pop()
                if not guillemets:
                    spans.append((opened, i + 1))
            continue
        remaining -= 1
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        opening = ch == "„" or prev in _OPEN_AFTER or (
            prev in _PROCLITICS and (i - 1 == lo or text[i - 2] in _OPEN_AFTER))
        closing = nxt in _CLOSE_BEFORE
        if curly is None:
            if closing and not opening and remaining == 0:
                continue  # a stray closer at the end of the paragraph
            curly = i
        elif opening and not closing and remaining % 2 == 1:
            curly = i  # the earlier opener never closed
        else:
            spans.append((curly, i + 1))
            curly = None
    if curly is not None:
        spans.append((curly, hi))
    if guillemets:
        spans.append((guillemets[0], hi))
    return _union(spans)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _boundaries(body: str, lo: int, hi: int, abbrev: _Abbrev, spans: list[tuple[int, int]],
                terms: list[int]) -> list[int]:
    """Sorted cut positions inside the paragraph body[lo:hi], given its quotation spans and the sorted
    positions of its terminator characters."""
    cuts: list[int] = []
    k = 0
    e = lo  # end of the last terminator run
    for s in terms:
        if s < e:
            continue  # inside the run already measured
        e = _TERM.match(body, s, hi).end()  # type: ignore[union-attr]  # body[s] is a terminator
        if e >= hi:
            continue
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] < s < spans[k][1]:
            continue
        if _is_boundary(body, s, e, lo, hi, abbrev):
            cuts.append(e)
    if not spans:
        return cuts  # runs come in order and each cut ends a different one
    closing = {cut for a, b in spans if b < hi and (cut := _after_closing_quote(body, a, b, hi))}
    return sorted(closing.union(cuts)) if closing else cuts


def _after_closing_quote(body: str, a: int, b: int, hi: int) -> int | None:
    """Cut after a quotation whose last sentence ends inside it (`…انتهى.” وقال`), else None."""
    j = b - 2
    while j > a and body[j] in _SPACE:
        j -= 1
    if j <= a or body[j] not in _ENDS:
        return None
    run_start = j
    while run_start > a and body[run_start - 1] in _ENDS:
        run_start -= 1
    if body[run_start:j + 1] == "..":
        return None
    cut = b
    while cut < hi and body[cut] in ".!?؟)]":
        cut += 1
    nxt = _next_visible(body, cut, hi)
    if nxt is None or nxt in "،,:؛;" or nxt.islower():
        return None
    return cut


def _next_visible(body: str, pos: int, hi: int) -> str | None:
    while pos < hi and body[pos] in _SPACE:
        pos += 1
    return body[pos] if pos < hi else None


def _token_before(body: str, s: int, lo: int) -> tuple[str, int]:
    """The non-blank token ending at `s` (brackets, quotes and tatweel dropped) and where it starts."""
    while s > lo and body[s - 1] in _SPACE:  # `جيه .`: the period may stand apart
        s -= 1
    j = s
    while j > lo and body[j - 1] not in _SPACE:
        j -= 1
    return body[j:s].lstrip("([{«“”\"'").replace("ـ", ""), j


def _token_after(body: str, e: int, hi: int) -> tuple[str, int]:
    m = _NEXT_TOKEN.match(body, e, hi)
    return m.group(1), m.end()  # type: ignore[union-attr]  # the pattern matches the empty string


def _is_boundary(body: str, s: int, e: int, lo: int, hi: int, abbrev: _Abbrev) -> bool:
    run = body[s:e]
    if run == "..":
        return False
    nxt = body[e]
    ellipsis = "…" in run or run.count(".") >= 3
    if nxt not in _SPACE and nxt not in "«»“”„\"')]}":
        # Glued to what follows: numbers, URLs, initials; a real boundary only between two Arabic words, or
        # after a closing quote or bracket that ends Arabic text or a number (`المقبلة".والتقى`, `«داعش».إلى`,
        # `(أ.ف.ب).وأضافت`: copy without a space after the full stop; 7 in the 600 dev articles, each a boundary).
        if ellipsis or not _ARABIC_LETTER.match(nxt):
            return False
        closed = body[s - 1] in _CLOSERS if s > lo else False
        left = _closed_left(body, s, lo)
        if not (_ARABIC_LETTER.match(left) or (closed and left.isdigit())):
            return False
        if run != ".":
            return True
        after = _token_after(body, e, hi)[0]
        if after in abbrev.letter_names:
            return False
        if closed:
            return True  # a closed quotation or bracket is not a title's initial (`د.محمد`)
        glued_word = _token_before(body, s, lo)[0].rsplit(".", 1)[-1]
        return len(glued_word) > 1 and glued_word not in abbrev.letter_names
    after, after_end = _token_after(body, e, hi)
    if after[:1].islower():
        return False  # English: `Mr. smith`, `e.g. this`
    if ellipsis:
        return after not in abbrev.ellipsis_continues
    if run != ".":
        return True
    token, tok_start = _token_before(body, s, lo)
    if not token:
        return True
    last = token.rsplit(".", 1)[-1]
    if token.lower() in abbrev.english or token in abbrev.arabic:
        return False
    if len(last) == 1 and last.isalpha():
        if _ARABIC_LETTER.match(last):
            # `د.` `م.` are titles, but `عام 2015 م.` closes a sentence.
            before = _prev_char(body, tok_start, lo)
            return before is not None and before.isdigit()
        return False  # Latin initial
    if last in abbrev.letter_names:
        chain = "." in token or _prev_char(body, tok_start, lo) == "."
        follows = after in abbrev.letter_names and _next_visible(body, after_end, hi) == "."
        if chain or follows:
            return False
    return True


def _closed_left(body: str, s: int, lo: int) -> str:
    """The character before position `s`, past closing quotes and brackets ("" at the paragraph's start)."""
    j = s
    while j > lo and body[j - 1] in _CLOSERS:
        j -= 1
    return body[j - 1] if j > lo else ""


def _prev_char(body: str, pos: int, lo: int) -> str | None:
    while pos > lo and body[pos - 1] in _SPACE:
        pos -= 1
    return body[pos - 1] if pos > lo else None
