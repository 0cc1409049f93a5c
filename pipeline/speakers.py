"""Who a speaker is: tokens, the subject after a speech verb (role and name apart), and canonical names.

Rule data comes from pipeline/rules/speakers/ (titles.yaml, non_speech.yaml, curation.yaml) and is read
once per rules search path. Matching uses pipeline.normalize folding, so روحاني and روحانى are one name.
"""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline import lexicons
from pipeline.normalize import fold, match_key

_TOKEN = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+")
_GAP_AND_TOKEN = re.compile(r"([^\w\u0640\u064b-\u065f\u0670]*)([\w\u0640\u064b-\u065f\u0670]+)")
_INFO: dict[str, tuple[str, bool]] = {}  # raw token → (key, carries the article)
_BARRIER = re.compile("[،,:؛;.!?؟()«»“”„\"…\\[\\]]")
_ARABIC = re.compile("[\u0621-\u064a]")
_FOLDED: dict[str, str] = {}
_PARTICLE_KEYS = frozenset(("بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ام"))
_ONE_OF = frozenset(("احد", "احدي"))  # folded `أحد`, `إحدى`
_WEAK_STOPS = frozenset(("من", "ما", "هذا", "هذه", "كل", "جميع", "غير"))
_THAT = frozenset(("ان", "انه", "بان", "بانه", "انها"))
_HAMZA_ALEF = frozenset("أإآ")
_NISBA_ENDS = ("ي", "يه", "يين", "يون", "يان", "يتين")
_GOD = "الله"
_ALONGSIDE = frozenset(fold(w) for w in ("بالتنسيق", "بالتعاون", "بالشراكة", "بالاشتراك", "بالتزامن"))
_SIZES = frozenset(("كبير", "قليل", "محدود"))  # `عدد كبير من …`
_SOURCES = "مصادر"
_GREATEST = "كبار"  # `محللون من كبار المصارف`
_PLURAL_ORIGINS = frozenset(("المان", "روس", "اتراك", "اكراد", "افغان", "انجليز", "هنود", "عرب"))  # folded `ألمان`, `أتراك` …
_CUSTODIAN = tuple(fold(w) for w in ("خادم", "الحرمين", "الشريفين"))  # the King's title
_DUAL_BODIES = frozenset(fold(w) for w in ("وكالتا", "شبكتا", "صحيفتا", "قناتا", "مجلتا", "وزارتا", "حكومتا", "منظمتا",
                                              "هيئتا"))  # a dual in construct: two outlets or bodies
_THANKS = frozenset(fold(w) for w in ("الشكر", "التهنئة", "التهاني", "التعازي", "العزاء", "التحية", "التقدير", "الامتنان"))
_SHEIKH = fold("شيخ")  # `شيخ شمل قبائل …`: a tribal role, not listed as a role head (its genitives run on)
_MEANS = "وسايل"  # folded `وسائل`: `وسائل الإعلام التركية`, the media, speak as one
_MEDIA = frozenset(("الاعلام",))  # folded `الإعلام`
_NASAB = frozenset(("بن", "بنت", "ابن"))  # `عبدالله بن محمد`: a chain of descent, closed by a family name
_ABD = frozenset(("عبد", "العبد", "وعبد", "ابو", "ابي"))
_TANWEEN = re.compile("[\u064b-\u064d]")  # `تفاؤلاً`, `قادمًا`: an accusative, never part of a name
_ABBREVIATIONS = frozenset(("د", "م", "أ", "ا", "ق", "ل", "ع"))  # `د.` doctor, `م.` engineer, `أ.` professor, `ل.` lieutenant
_COMMON_AFTER_ON_BEHALF = frozenset(fold(w) for w in (
    "الشعب", "الجميع", "الدين", "الوطن", "الشباب", "الاسلام", "الإسلام", "المسلمين", "الشعوب", "العرب", "الحق",
    "القانون", "الرب", "الحرية", "السلام", "الأسرة", "العائلة", "الفريق", "النادي", "المجلس", "الشركة"))  # `باسم الشعب`
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


_NAME_KEYS: dict[str, str] = {}


def name_key(text: str) -> str:
    """match_key of a name or role, memoised (the same names recur through an article and a corpus)."""
    k = _NAME_KEYS.get(text)
    if k is None:
        if len(_NAME_KEYS) > 100_000:
            _NAME_KEYS.clear()
        k = _NAME_KEYS[text] = match_key(text)
    return k


_DAY = "يوم"
_WHEN = frozenset(fold(w) for w in ("أمس", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))


def key(raw: str) -> str:
    """Folded form of one token, memoised (tokens repeat across a corpus)."""
    k = _FOLDED.get(raw)
    if k is None:
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        k = _FOLDED[raw] = fold(raw)
    return k


class Token(NamedTuple):
    """One word of a statement (a tuple: built at C speed, since every statement worth reading is tokenised)."""

    start: int
    end: int
    raw: str
    key: str
    barrier: bool  # punctuation between the previous token and this one
    al: bool = False  # carries the article ال (or لل/بال/وال); أليكسي, written with a hamza, does not


_new_token = tuple.__new__


def _hamza_head(t: Token, r: SpeakerRules) -> bool:
    """`إمام` (imam), folded like `أمام` (in front of, a stop): a role head when written with its hamza below."""
    raw = t.raw[1:] if t.raw[:1] in "وف" and t.raw[1:2] == "إ" else t.raw
    return raw[:1] == "إ" and t.key.lstrip("وف") in r.role_heads


def token(start: int, end: int, raw: str, barrier: bool = False) -> Token:
    k = key(raw)
    return Token(start, end, raw, k, barrier, is_al(k) and raw[:1] not in _HAMZA_ALEF)


def tokens(text: str, worth=None) -> list[Token]:
    """Word tokens of a statement with folded keys; `barrier` marks punctuation before a token.

    `worth(text, words)`, if given, may decline the statement after one look at its words: then [].
    """
    pairs = _GAP_AND_TOKEN.findall(text)
    if worth is not None and not worth(text, [raw for _, raw in pairs]):
        return []
    return from_pairs(pairs)


split = _GAP_AND_TOKEN.findall  # text → [(gap, word)], the input of from_pairs


def from_pairs(pairs: list[tuple[str, str]]) -> list[Token]:
    """Tokens from a statement's (gap before, word) pairs, as `split` gives them."""
    out: list[Token] = []
    append = out.append
    pos = 0
    info = _INFO
    gaps = _GAPS
    new = _new_token
    for gap, raw in pairs:
        try:
            k, al = info[raw]
        except KeyError:
            k, al = _learn(raw)
        if gap == " ":
            start = pos + 1
            pos = start + len(raw)
            append(new(Token, (start, pos, raw, k, False, al)))
            continue
        start = pos + len(gap)
        pos = start + len(raw)
        try:
            barrier = gaps[gap]
        except KeyError:
            barrier = _learn_gap(gap)
        if barrier and gap[0] == "." and out and out[-1].raw in _ABBREVIATIONS and not gap.strip(" ."):
            barrier = False  # `د. عبد الله البرقان`: the period of a title's abbreviation
        append(new(Token, (start, pos, raw, k, barrier, al)))
    return out


_GAPS: dict[str, bool] = {"": False}  # text between two tokens → holds punctuation (gaps repeat: "، ", ". ", " «")


def _learn(raw: str) -> tuple[str, bool]:
    if len(_INFO) > 200_000:
        _INFO.clear()
    k = key(raw)
    found = _INFO[raw] = (k, is_al(k) and raw[:1] not in _HAMZA_ALEF)
    return found


def _learn_gap(gap: str) -> bool:
    if len(_GAPS) > 50_000:
        _GAPS.clear()
        _GAPS[""] = False
    found = _GAPS[gap] = _BARRIER.search(gap) is not None
    return found


@dataclass(frozen=True, slots=True)
class SpeakerRules:
    honorifics: frozenset[str]
    role_heads: frozenset[str]
    institutions: frozenset[str]
    outlets: frozenset[str]
    role_words: frozenset[str]
    settings: frozenset[str]
    stops: frozenset[str]
    waw_words: frozenset[str]
    blockers: frozenset[str]
    particles: frozenset[str]
    non_speech: frozenset[str]
    pronoun_subjects: frozenset[str]
    merge: dict[str, str]  # match_key of a form → canonical name
    split: frozenset[str]
    given_names: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    source_heads: frozenset[str] = frozenset()
    source_adjectives: frozenset[str] = frozenset()
    source_complements: frozenset[str] = frozenset()
    not_subjects: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    named_after: frozenset[str] = frozenset()
    royal_titles: frozenset[str] = frozenset()
    theophoric: frozenset[str] = frozenset()
    nationalities: frozenset[str] = frozenset()
    among: tuple[tuple[str, ...], ...] = ()
    body_qualifiers: frozenset[str] = frozenset()  # `المقربة` (من الحكومة): a qualifier after a body's name
    states: frozenset[str] = frozenset()  # `روسيا`: a state speaking for its government (no capitals)
    quantifiers: frozenset[str] = frozenset()  # `عدد`, `العديد` (من …): some of a group
    rank_arms: frozenset[str] = frozenset()  # `طيار`, `بحري` after a rank: part of the title


def _keys(values: list) -> frozenset[str]:
    return frozenset(key(str(v)) for v in values)


def _feminine(heads: list, exceptions: list, given: list) -> list[str]:
    """`مقرر` → `مقررة`, `المتحدث` → `المتحدثة`: the feminine of every singular role head, unless the feminine is
    another word (`محافظة` a governorate, `مساعدة` aid, `المؤرخة` dated, a given name such as `أمينة`) or the head
    is a dual, plural or suffixed form."""
    skip = {key(str(w)) for w in exceptions}
    names = {key(str(w)) for w in given}
    out = []
    for w in map(str, heads):
        k = key(w)
        if k in skip or k.endswith(("ه", "ا", "ى", "ان", "ين", "ون", "اء")) or (k.startswith("ال") and len(k) < 5):
            continue
        if key(w + "ة") not in names:
            out.append(w + "ة")
    return out


def _build(data: dict[str, list]) -> SpeakerRules:
    merge: dict[str, str] = {}
    for group in data.get("merge", []):
        for name in group or []:
            merge[match_key(str(name))] = str(group[0])
    for entry in data.get("alias", []):
        for form, canonical in (entry or {}).items():
            merge[match_key(str(form))] = str(canonical)
    return SpeakerRules(
        honorifics=_keys(data.get("honorifics", [])),
        role_heads=_keys(data.get("role_heads", []) + data.get("groups", [])
                         + _feminine(data.get("role_heads", []), data.get("feminine_exceptions", []),
                                   data.get("given_names", []))),
        groups=_keys(data.get("groups", [])),
        quantifiers=_keys(data.get("quantifiers", [])),
        rank_arms=_keys(data.get("rank_arms", [])),
        institutions=_keys(data.get("institutions", [])),
        outlets=_keys(data.get("outlets", [])),
        role_words=_keys(data.get("role_words", [])),
        settings=_keys(data.get("settings", [])),
        stops=_keys(data.get("stops", [])),
        waw_words=_keys(data.get("waw_words", [])),
        blockers=_keys(data.get("cue_blockers", [])),
        particles=_keys(data.get("name_particles", [])),
        non_speech=_keys(data.get("non_speech", [])),
        pronoun_subjects=_keys(data.get("pronoun_subjects", [])),
        merge=merge,
        split=frozenset(match_key(str(v)) for v in data.get("split", [])),
        given_names=_keys(data.get("given_names", [])),
        objects=_keys(data.get("objects", [])),
        documents=_keys(data.get("documents", [])),
        source_heads=_keys(data.get("source_heads", [])),
        source_adjectives=_keys(data.get("source_adjectives", [])),
        source_complements=_keys(data.get("source_complements", [])),
        not_subjects=_keys(data.get("not_subjects", [])),
        place_nouns=_keys(data.get("place_nouns", [])),
        named_after=_keys(data.get("named_after", [])),
        royal_titles=_keys(data.get("royal_titles", [])),
        theophoric=_keys(data.get("theophoric", [])),
        nationalities=_keys(data.get("nationalities", [])),
        among=tuple(tuple(key(w) for w in str(v).split()) for v in data.get("among", [])),
        body_qualifiers=_keys(data.get("body_qualifiers", [])),
        states=_keys(data.get("states", [])),
    )


def rules() -> SpeakerRules:
    return lexicons.cached("speakers", _build)


def is_al(k: str) -> bool:
    return k.startswith(("ال", "لل", "بال", "وال")) and len(k) > 3


@dataclass(slots=True)
class Who:
    """A parsed subject: the speaker as written, its role and name apart, co-speakers, tokens consumed."""

    speaker: str
    role: str | None
    name: str | None
    co: list[str] = field(default_factory=list)
    end: int = 0  # index of the first token after the subject
    clean: bool = False  # the subject ended at punctuation or a stop word
    anchored: bool = False  # a role or institution heads it, or every name word is known in the article


_NOT_PLURAL = frozenset(key(w) for w in ("الدين", "الأمين", "اليمين", "الحسين", "البحرين", "الصين", "الحرمين", "الشريفين",
                                        "البلدين", "الجانبين", "الطرفين", "الرافدين", "النهرين", "الثلاثين", "العشرين",
                                        "الأربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين"))
# words in -ين/-ون that are no masculine plural (a name, a place, a dual, a tens number)
_STOPS: dict[tuple[int, int], tuple] = {}  # (id(rules), id(cue keys)) → (rules, cue keys, stop keys, name_like memo)


class Parser:
    """Subject parsing against the rules, the cue test and the names already known in the article."""

    known: AbstractSet[str]

    def __init__(self, r: SpeakerRules, is_cue, known: frozenset[str] = frozenset(),
                 cue_keys: frozenset[str] | None = None) -> None:
        self.r, self.is_cue, self.known = r, is_cue, known
        self.object_cut = False  # set when a subject was read as the verb's object (`وطالب المحكمة بالتحقيق`)
        if cue_keys is not None:  # every key is_cue accepts: stops_here and name_like become set look-ups
            found = _STOPS.get((id(r), id(cue_keys)))
            if found is None or found[0] is not r or found[1] is not cue_keys:
                stops = r.stops | r.non_speech | r.blockers | cue_keys | frozenset(
                    p + k for k in r.non_speech | r.blockers for p in "وف")
                found = _STOPS[(id(r), id(cue_keys))] = (r, cue_keys, stops, {})
            self._stops = found[2]
            self._name_like = found[3]

    _stops: frozenset[str] | None = None  # every key stops_here accepts, when the cue keys are known

    def stops_here(self, k: str) -> bool:
        if self._stops is not None:
            return k in self._stops
        r = self.r
        return k in r.stops or k in r.non_speech or self.is_cue(k) or k in r.blockers or (
            k[:1] in "وف" and (k[1:] in r.non_speech or k[1:] in r.blockers))

    _name_like: dict[str, bool] | None = None

    def name_like(self, t: Token) -> bool:
        """A word that can be part of a name (no article, no title, stop or cue word), memoised by its spelling."""
        memo = self._name_like
        if memo is not None:
            found = memo.get(t.raw)
            if found is None:
                if len(memo) > 200_000:
                    memo.clear()
                found = memo[t.raw] = self._name_like_now(t)
            return found
        return self._name_like_now(t)

    def _name_like_now(self, t: Token) -> bool:
        k, r = t.key, self.r
        return (len(k) > 1 and not k.isdigit() and not t.al and k not in r.role_heads and k not in r.institutions
                and k not in r.role_words and k not in r.honorifics and not self.stops_here(k)
                and k not in r.settings and bool(_ARABIC.match(k)) and not _TANWEEN.search(t.raw))

    def objectish(self, t: Token) -> bool:
        """A noun that opens the verb's object (`أهمية`, `استعداد`) or carries a possessive suffix (`رغبته`)."""
        k, r = t.key, self.r
        if k in r.objects or (k[-1:] == "ا" and k[:-1] in r.objects):  # `تفاؤلا`: a listed noun, accusative
            return True
        if k.endswith("ه") or k.endswith("ها") or k.endswith("هم") or k.endswith("هما"):
            for x in ("هما", "هم", "ها", "ه"):  # `التزامهم`, `ثقته`: a listed noun with its suffix
                if k.endswith(x) and len(k) > len(x) + 2:
                    stem = k[:-len(x)]
                    if stem in r.objects or stem + "ه" in r.objects:
                        return True
        if t.al or k in self.known or k in r.given_names or k in r.role_heads or k in r.pronoun_subjects:
            return False
        return _suffixed(t)

    def hard_end(self, toks: list[Token], pos: int, limit: int, text: str) -> bool:
        """The subject surely ends before token pos: إن/أن, a colon or an opening quotation mark."""
        if pos >= limit:
            return False
        t = toks[pos]
        if not t.barrier:
            return t.key in _THAT or t.key == "ان"
        gap = text[toks[pos - 1].end:t.start].strip() if pos > 0 else ""
        return gap[:1] in (":", "«", "\"", "“") or gap in ("،", ",") and t.key in _THAT

    def _bare_h_name(self, t: Token, toks: list[Token], pos: int, limit: int, text: str) -> bool:
        """`ديبراتييه`: a word read as suffixed only by its bare final ه (not ته/ها/هم), unlisted as an object noun,
        not opened by a preposition, right before a hard end: a foreign name word, not a noun and its possessive."""
        k, r = t.key, self.r
        raw = t.raw.rstrip(_MARKS)
        if t.al or t.barrier or not raw.endswith("ه") or raw.endswith(("ته", "ها", "هم", "كم")) or len(raw) < 5:
            return False
        if raw[:1] in "بلفك" or k in r.objects or k[:-1] in r.objects or k in r.not_subjects or self.stops_here(k) \
                or k in r.documents or k[:-1] in r.documents or not self.name_like(t):
            return False
        if pos + 2 < limit and toks[pos + 1].key == "من" and not toks[pos + 1].barrier and not toks[pos + 2].barrier \
                and (toks[pos + 2].key in r.institutions or toks[pos + 2].key in r.outlets):
            return True  # `غي ديبراتييه من رابطة الجمعيات الزراعية`: from a body
        return self.hard_end(toks, pos + 1, limit, text)

    def setting(self, k: str, prep: str = "في") -> bool:
        """`تصريح`, `البيان المشترك`: what follows في when في ends the speaker (`قال … في تصريح`)."""
        return k in self.r.settings or (prep == "في" and k.startswith("ال") and k[2:] in self.r.settings)

    def conjunct(self, t: Token) -> bool:
        """`وروحانى`, `والأمريكي`: the conjunction و glued to the next subject."""
        k = t.key
        return k.startswith("و") and len(k) > 3 and k not in self.r.waw_words and not self.stops_here(k[1:])

    def _ali(self, toks: list[Token], pos: int, limit: int) -> bool:
        """`علي` (the name, written with ي) before a name word, not `على` (on) folded to the same key."""
        if pos >= limit or toks[pos].barrier:
            return True
        nxt = toks[pos]
        return self.name_like(nxt) or nxt.key in self.r.particles or (nxt.al and nxt.key.endswith("ي"))

    def subject(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """The subject starting at token i (before `limit`): [honorifics] [role phrase] [name] [role] [و co-speakers]."""
        if 0 < i < limit - 1 and toks[i].key in self.r.role_words and toks[i].key in self.r.given_names \
                and not toks[i].barrier and self.is_cue(toks[i - 1].key):
            named = self._given_role_word(toks, i, limit, text)
            if named is not None:
                return named  # `وقال باسم الضامن`: the given name باسم, not `المتحدث باسم`
        if toks[i].key in self.r.quantifiers:
            f = i + 2 if i + 1 < limit and toks[i + 1].key in _SIZES and not toks[i + 1].barrier else i + 1
            if f + 1 < limit and toks[f].key == "من" and not toks[f].barrier \
                    and not toks[f + 1].barrier and (toks[f + 1].al or self.name_like(toks[f + 1])):
                j = f + 2  # `وكان عدد من خطباء السنة قد أعلنوا`, `وقال عدد من مؤيدي الأسد،`: a group that speaks
                while j < limit and j < f + 4 and not toks[j].barrier and toks[j].al and not self.stops_here(toks[j].key):
                    j += 1
                if j >= limit or toks[j].barrier or toks[j].key in _THAT or self.stops_here(toks[j].key):
                    return Who(speaker=_span(text, toks[i:j]), role=None, name=None, end=j, clean=True, anchored=True)
            return None  # `وأكد عدد كبير من أعضاء المجلس الحاضرين …` run on: a number is nobody
        if i + 3 <= limit and tuple(x.key for x in toks[i:i + 3]) == _CUSTODIAN and not any(x.barrier for x in toks[i + 1:i + 3]) \
                and 0 < i and self.is_cue(toks[i - 1].key) and (i + 3 == limit or self.hard_end(toks, i + 3, limit, text)):
            return Who(speaker=_span(text, toks[i:i + 3]), role=None, name=None, end=i + 3, clean=True, anchored=True)
            # `وقال خادم الحرمين الشريفين إن`: the King's title, alone before a hard end (the article's full name
            # for it is found when the statement is filled)
        if toks[i].key == "ل" + _MEANS:
            return None  # `وأكد لوسائل الإعلام أن`: those told, not a subject
        if i + 1 < limit and toks[i].key == _MEANS and toks[i + 1].key in _MEDIA and not toks[i + 1].barrier:
            j = i + 2  # `وذكرت وسائل الاعلام التركية ان`: the media, with their adjectives, speak
            while j < limit and j < i + 4 and not toks[j].barrier and toks[j].al and not self.stops_here(toks[j].key):
                j += 1
            if j >= limit or toks[j].barrier or toks[j].key in _THAT:
                return Who(speaker=_span(text, toks[i:j]), role=None, name=None, end=j, clean=True, anchored=True)
        if i + 1 < limit and toks[i].key in _ONE_OF and toks[i + 1].al and not toks[i + 1].barrier \
                and toks[i + 1].key not in self.r.documents and not self.stops_here(toks[i + 1].key):
            j = i + 2  # `وقال أحد السكان`, `وقالت إحدى المشاركات`: one of a group speaks, unnamed
            while j < limit and j < i + 4 and not toks[j].barrier and toks[j].al and not self.stops_here(toks[j].key):
                j += 1
            if j >= limit or toks[j].barrier or toks[j].key in _THAT or self.stops_here(toks[j].key):
                return Who(speaker=_span(text, toks[i:j]), role=None, name=None, end=j, clean=True, anchored=True)
        if toks[i].key in _DUAL_BODIES:
            pair = self._dual_bodies(toks, i, limit, text)
            if pair is not None:
                return pair
        titled = self._role_then_titled(toks, i, limit, text)
        if titled is not None:
            return titled
        who = self._subject(toks, i, limit, text)
        if who is not None and not who.name and not who.clean and who.end < limit and (
                toks[i].key in self.r.source_heads or toks[i].key in self.r.groups):
            members = self._members(toks, who, limit, text)
            if members is not None:
                return members
        if who is not None and who.name and who.role and not who.clean and who.end < limit:
            titled = self._titled_after_body(toks, i, who, limit, text)
            if titled is not None:
                return titled
        if i < limit and toks[i].key in self.r.role_heads and toks[i].key not in self.r.groups and (
                who is None or not who.name or key(who.name.split()[0]) not in self.r.given_names):
            chained = self._placed_chain(toks, i, limit, text)
            if chained is not None:
                return chained
        if who is None and 0 < i and self.is_cue(toks[i - 1].key):
            return self._titled_after(toks, i, limit, text)
        return who

    def _dual_bodies(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """`وكالتا الانباء دوغان والاناضول ان`, `شبكتا "سي ان ان تورك" و"ان تي في" الاخباريتان … أكدتا`: a dual outlet
        or body and the two names it joins speak together, read whole up to إن/أن, a cue or the end (quoted names kept
        whole, their words unread); one name only is left to the ordinary reading."""
        j, quoted, joined = i + 1, False, False
        while j < limit and j < i + 14:
            t = toks[j]
            if t.barrier:
                gap = text[toks[j - 1].end:t.start]
                for c in gap:
                    if c in "«“":
                        quoted = True
                    elif c in "»”":
                        quoted = False
                    elif c == '"':
                        quoted = not quoted
                    elif c in "،,.:؛;!?؟()":
                        return None if quoted or j == i + 1 else self._pair_end(toks, i, j, text, joined)
                if gap.strip(' "«»“”').strip() == "و":
                    joined = True
            if not quoted:
                k = t.key
                if k in _THAT or self.stops_here(k):
                    break
                if k[:1] == "و" and j > i + 1 and len(k) > 2 and k not in self.r.waw_words:
                    joined = True
            j += 1
        else:
            if j < limit:
                return None
        if quoted:
            return None
        return self._pair_end(toks, i, j, text, joined)

    def _pair_end(self, toks: list[Token], i: int, j: int, text: str, joined: bool) -> Who | None:
        if not joined or j < i + 3:
            return None
        end = toks[j - 1].end
        while end < len(text) and text[end] in '"»”':
            end += 1
        return Who(speaker=text[toks[i].start:end], role=None, name=None, end=j, clean=True, anchored=True)

    def _role_then_titled(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """`شيخ شمل قبائل علكم عسير الشيخ عبدالله بن عائض آل حامد أن`: a role phrase (its words unlisted: tribes,
        places) runs unbroken to an honorific and a full name with a nasab (بن/آل), closed cleanly: that person
        speaks, never an earlier person who shares the role's head (main gave `شيخ شمل قبائل بني`, another sheikh)."""
        r = self.r
        if i >= limit or (toks[i].key not in r.role_heads and toks[i].key != _SHEIKH) or toks[i].al:
            return None
        h = i + 1
        while h < limit and h < i + 9 and not toks[h].barrier:
            k = toks[h].key
            if k in r.honorifics:
                break
            if self.is_cue(k) or k in _THAT or k in r.stops or k in r.not_subjects or k in r.given_names \
                    and not toks[h - 1].key in r.particles and toks[h - 1].key not in ("بني", "وبني"):
                return None  # (a given name after the role: the ordinary reading)
            h += 1
        else:
            return None
        if h >= limit or toks[h].barrier or toks[h].key not in r.honorifics or h < i + 2:
            return None
        j = h + 1
        while j < limit and toks[j].key in r.honorifics and not toks[j].barrier:
            j += 1
        start = j
        while j < limit and j < start + 7 and not toks[j].barrier:
            t = toks[j]
            if t.key in r.particles or (t.key == _GOD and j > start and toks[j - 1].key in _ABD) \
                    or (t.raw == "علي" and self._ali(toks, j + 1, limit)) \
                    or (self.name_like(t) and not self.objectish(t)) or (t.al and j > start and toks[j - 1].key in ("ال", "آل")):
                j += 1
                continue
            if t.al and j > start + 1 and _nisba(t.key) and any(x.key in _NASAB for x in toks[start:j]):
                j += 1  # `تركي بن عبدالوهاب المتحمي`: a definite family name closes a nasab
            break
        name = toks[start:j]
        while name and name[-1].key in r.particles:
            name, j = name[:-1], j - 1
        words = [x for x in name if x.key not in r.particles]
        if len(words) < 2 or not any(x.key in r.particles and x.key in ("بن", "بنت", "ابن", "ال") or x.raw == "آل"
                                     for x in name[1:-1]):
            return None
        if name[0].key not in r.given_names:
            return None
        if not (j >= limit or toks[j].barrier or toks[j].key in _THAT or self.stops_here(toks[j].key)
                or toks[j].key == "في"):
            return None
        return Who(speaker=_span(text, name), role=_span(text, toks[i:h]), name=_span(text, name), end=j, clean=True,
                   anchored=True)

    def _members(self, toks: list[Token], who: Who, limit: int, text: str) -> Who | None:
        """`يستبعد مسؤولون من بينهم الأمين العام للمنظمة عبدالله البدري احتمال`: the group speaks; the members it
        names belong to the subject, which ends where they do."""
        for phrase in self.r.among:
            n = len(phrase)
            j = who.end + n
            if j >= limit or any(toks[who.end + k].key != w or toks[who.end + k].barrier for k, w in enumerate(phrase)):
                continue
            inner = self._subject(toks, j, limit, text)
            if inner is None or toks[j].barrier:
                return None
            return Who(speaker=who.speaker, role=who.role, name=None, co=[], end=inner.end, clean=inner.clean,
                       anchored=True)
        return None

    def _titled_after_body(self, toks: list[Token], i: int, who: Who, limit: int, text: str) -> Who | None:
        """`المشرف على كرسي الأمير محمد بن ناصر لدراسات قضايا المجتمع الدكتور علي بن يحيى العريشي`: a royal name in a
        role, then a ل-genitive, names a body (a chair, a prize); the titled person after it is the one who speaks,
        where the reading stopped at the prince."""
        r = self.r
        if who.role is None or key(who.role.split()[-1]) not in r.royal_titles or toks[who.end].barrier \
                or toks[who.end].key[:1] != "ل" or len(toks[who.end].key) < 4:
            return None
        for j in range(who.end + 1, min(limit, who.end + 8)):
            t = toks[j]
            if t.barrier or self.is_cue(t.key):
                return None
            if t.key in r.honorifics and t.key not in r.royal_titles:
                inner = self._subject(toks, j, limit, text)
                if inner is None or not inner.name or key(inner.name.split()[0]) not in r.given_names:
                    return None
                return Who(speaker=inner.speaker, role=_span(text, toks[i:j]), name=inner.name, co=inner.co,
                           end=inner.end, clean=inner.clean, anchored=True)
        return None

    def _titled_after(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """`وأكد محرر الكتاب الدكتور ناصر بن عبدالله الغالي أن`: a role the lists lack (one to three words, no stop,
        document, object or particle), then a title and a listed given name: the titled person speaks, when the
        name ends cleanly."""
        r = self.r
        for h in range(i + 1, min(limit - 1, i + 4)):
            t = toks[h]
            if t.barrier:
                return None
            if t.key in r.honorifics and not toks[h + 1].barrier and toks[h + 1].key in r.given_names:
                break
        else:
            return None
        for x in toks[i:h]:
            k = x.key
            if self.stops_here(k) or k in r.documents or k in r.objects or self.objectish(x) or k in r.particles \
                    or k in r.given_names or k in r.not_subjects or k in r.pronoun_subjects or _TANWEEN.search(x.raw) \
                    or not _ARABIC.match(k) or self.is_cue(k):
                return None
        who = self._subject(toks, h, limit, text)
        if who is None or not who.name or not who.clean or who.co or not who.anchored:
            return None
        return Who(speaker=who.speaker, role=_span(text, toks[i:h]), name=who.name, end=who.end, clean=True, anchored=True)

    def _given_role_word(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """A word that is both a role word and a given name (`باسم`) opening the subject right after the verb:
        a name when a family name follows (`وقال باسم الضامن`), not a body it speaks for (`باسم الحكومة`,
        `باسم الله`, `باسم الشعب`) and the name ends cleanly or on a definite family name."""
        r = self.r
        name = [toks[i]]
        j = i + 1
        closed = False
        while j < limit and not toks[j].barrier and len(name) < 4:
            t = toks[j]
            k = t.key
            if k == _GOD and name[-1].key in _ABD | r.theophoric and len(name) > 1:
                name.append(t)  # `باسم عبد الله`
                j += 1
                continue
            if k == _GOD or k in r.institutions or k in r.role_heads or k in r.groups or k in r.documents \
                    or k in r.role_words or k in r.honorifics or k in r.settings or k in r.outlets \
                    or self.stops_here(k) or _TANWEEN.search(t.raw) or _suffixed(t) or k in _COMMON_AFTER_ON_BEHALF:
                break
            if t.al:
                if t.raw.endswith(("ة", "ات")) or k.endswith(("اء", "ون")) or len(name) > 2 or (
                        k.endswith("ين") and k[2:] not in r.given_names):
                    break  # `باسم الحكومة`, `باسم الأعضاء`, `باسم المشاركين`: a body or a plural, not a family name
                name.append(t)
                closed = True
                j += 1
                break
            if not self.name_like(t) or self.objectish(t) or k in r.objects or not (
                    k in r.given_names or k in self.known or k in r.particles or name[-1].key in r.particles):
                break  # `باسم شعب البحرين`: a father's name must be a given or known name
            name.append(t)
            j += 1
        if len(name) < 2:
            return None
        clean = j >= limit or toks[j].barrier or toks[j].key in _THAT or self.stops_here(toks[j].key)
        if not clean and not closed:
            return None
        return Who(speaker=_span(text, name), role=None, name=_span(text, name), end=j, clean=clean, anchored=True)

    def _given_ahead(self, t: Token, toks: list[Token], j: int, limit: int, short: bool = False) -> bool:
        """`الناطق الإعلامي بصحة عسير سعيد بن …`: a word glued to ب (no given name itself) with a place after it
        and then a listed given name, before any punctuation: the body the role belongs to, not the name. `short`
        lets a three-letter genitive (`رئيس قسم نشاط الطلاب خالد …`) through: it is no ب-glued word."""
        r = self.r
        if len(t.key) <= (2 if short else 3) or t.key in r.given_names or t.key[1:] in r.given_names:
            return False
        # a fourth word only after a place noun: `بإمارة منطقة مكة المكرمة سلطان …` (not `بسرعة إنجاز طريق الأمير
        # سلطان`, a street named after a prince)
        reach = 4 if j < limit and toks[j].key in r.place_nouns else 3
        for n in range(j, min(limit, j + reach)):
            x = toks[n]
            if x.barrier or self.stops_here(x.key) or x.key in _THAT:
                return False
            if not x.al and x.key in r.given_names and x.key not in r.role_heads \
                    and x.key not in r.institutions and x.key not in r.honorifics and (n > j or (
                        n + 1 < limit and not toks[n + 1].barrier and toks[n + 1].key not in r.particles
                        and (toks[n + 1].al or self.name_like(toks[n + 1])) and not self.objectish(toks[n + 1]))):
                return True  # (`رئيسة النادي السعودي بيوجين ملاك المنيف`: a place glued to ب right before the name)
        return False

    def _quoted_part(self, toks: list[Token], pos: int, limit: int, text: str) -> int | None:
        """At a body's opening quote (`وكالة أنباء «الأناضول» الحكومية`): the index after its quoted name (one to
        three name words) and any adjectives of origin that follow the closing quote, else None."""
        r = self.r
        if text[toks[pos - 1].end:toks[pos].start].strip() not in ("«", "\"", "“"):
            return None
        q = pos
        while q < limit and (q == pos or not toks[q].barrier):
            k = toks[q].key
            if q - pos >= 3 or k in _THAT or self.stops_here(k) or k in r.not_subjects or k in r.pronoun_subjects \
                    or not _ARABIC.match(k):
                return None
            q += 1
        if q < limit:
            if text[toks[q - 1].end:toks[q].start].strip()[:1] not in ("»", "\"", "”"):
                return None
        elif text[toks[q - 1].end:toks[q - 1].end + 2].strip()[:1] not in ("»", "\"", "”"):
            return None
        first = q
        while q < limit and (q == first or not toks[q].barrier) and toks[q].al and _nisba(toks[q].key) \
                and toks[q].key not in r.documents:
            q += 1  # `«الأناضول» الحكومية التركية`
        return q

    def _placed_chain(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """`القيادي الناشط السياسي والقيادي الميداني في مأرب محمد اليوسفي لـ«عكاظ»`, `القنصل السعودي في مدينة
        مشهد الإيرانية، عبدالله الحمراني`: a role chain that runs through في + a place (or a comma) to a person
        whose given name opens the name. Read only when the chain has في or the comma, the name's first word is
        a listed given name, and the name ends cleanly or with a definite family name."""
        r = self.r
        j, placed, comma = i + 1, False, False
        while j < limit and j < i + 16:
            t = toks[j]
            k = t.key
            if t.barrier:
                gap = text[toks[j - 1].end:t.start].strip()
                if gap not in ("،", ",") or comma or not placed:
                    return None
                comma = True  # `… في مدينة مشهد الإيرانية، عبدالله الحمراني`: the name set off by a comma
            if placed and not t.al and k in r.given_names and k not in r.role_heads and k not in r.institutions \
                    and k not in r.honorifics and (comma or not toks[j - 1].barrier):
                break
            if comma:
                return None  # after the comma only the name may come
            if k in ("في", "علي"):
                if j + 1 >= limit or toks[j + 1].barrier or self.setting(toks[j + 1].key, k) \
                        or self.stops_here(toks[j + 1].key) or _suffixed(toks[j + 1]):
                    return None  # `في تصريح`, `في ذلك`: a setting, not a place
                placed = True
            elif k in _THAT or self.stops_here(k) or _TANWEEN.search(t.raw) or _suffixed(t) \
                    or k in r.not_subjects or k.isdigit() or not _ARABIC.match(k) or k in r.pronoun_subjects:
                return None
            elif not placed and not t.al and k in r.given_names and k not in r.role_heads \
                    and k not in r.institutions and k not in r.role_words:
                return None  # a given name before any في: the ordinary reading applies
            j += 1
        else:
            return None
        if j >= limit or not placed:
            return None
        start = j
        name = [toks[j]]
        j += 1
        closed = False
        while j < limit and not toks[j].barrier and len(name) < 5:
            t = toks[j]
            k = t.key
            if k == _GOD and name[-1].key in _ABD | r.theophoric:
                name.append(t)
            elif k in r.particles or name[-1].key in r.particles:
                name.append(t)
            elif t.al and not self.stops_here(k) and k not in r.role_heads and k not in r.institutions \
                    and k not in r.honorifics and not k.endswith("ات") and (_nisba(k) or k in self.known):
                name.append(t)  # `اليوسفي`, `الحمراني`: a definite family name closes the name
                closed = True
                j += 1
                break
            elif self._nasab_closed(name, toks, j, limit):
                name.append(t)  # `…، عبدالله بن عبدالملك المرشد، أن`: the nasab's family name, a role head's spelling
                closed = True
                j += 1
                break
            elif self.name_like(t) and not _suffixed(t) and not self.objectish(t) and k not in r.objects:
                name.append(t)
            else:
                break
            j += 1
        while name and name[-1].key in r.particles:
            name.pop()
            j -= 1
        clean = j >= limit or toks[j].barrier or toks[j].key in _THAT or toks[j].key in ("ل",) \
            or self.stops_here(toks[j].key)
        if not closed and not clean:
            return None
        if len(name) < 2:
            return None
        role_end = start - 1
        return Who(speaker=_span(text, name), role=_span(text, toks[i:role_end + 1]).rstrip(" ،,"),
                   name=_span(text, name), end=j, clean=clean, anchored=True)

    def _subject(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        r = self.r
        role: list[Token] = []
        name: list[Token] = []
        post: list[Token] = []  # a role after the name: `شوقي علام مفتي مصر`
        co: list[str] = []
        pos, clean, closed, forced = i, False, False, False
        honored, prep_cut, royal, honored_after_role = False, None, False, False
        weak_end = False
        replaced = False  # words read as a name were handed back to the role as a place
        past_quote = -1  # the token after a quoted body the role runs through: its quote ends nothing
        anchored_head = toks[i].key in r.role_heads if i < limit else False
        source = i < limit and toks[i].key in r.source_heads and not toks[i].al
        while pos < limit:
            t = toks[pos]
            k = t.key
            if pos > i and t.barrier and pos != past_quote:
                if role and not name and (role[0].key in r.institutions or role[0].key in r.outlets):
                    quoted = self._quoted_part(toks, pos, limit, text)
                    if quoted is not None:  # `وكالة أنباء «الأناضول» الحكومية التركية`: the body's name in quotes
                        role.extend(toks[pos:quoted])
                        pos = quoted
                        clean = self.ends_after(toks, pos, limit) or toks[pos].key in r.stops \
                            or toks[pos].key in r.settings
                        break
                if not name and ((honored and not role) or (role and role[0].key in r.role_heads)):
                    quoted = self._quoted_part(toks, pos, limit, text)
                    if quoted is not None and quoted - pos >= 2 and all(self.name_like(x) for x in toks[pos:quoted]):
                        name.extend(toks[pos:quoted])  # `يقول الدكتور “موريس روسابي” أستاذ التاريخ`: a person's name
                        pos = quoted  # set off in quotes after a title or role (one word is a body's short name:
                        # `المتحدث الرسمي للهيئة الوطنية لمكافحة الفساد “نزاهة”`)
                        clean = pos >= limit or self.ends_after(toks, pos, limit) or toks[pos].barrier
                        break
                clean = True
                if role and not name:
                    name, pos = self._apposition(toks, pos, limit, text)
                break
            if name and k == _GOD and (toks[pos - 1].key in _ABD or toks[pos - 1].key in r.theophoric):
                name.append(t)  # `عبد الله`, `العبد الله`, `نصر الله`
                pos += 1
                continue
            if t.raw == "علي" and not closed and (name or honored or role) and self._ali(toks, pos + 1, limit):
                name.append(t)
                pos += 1
                continue
            if k == "في" and not name and role and role[0].key in r.role_heads and pos + 1 < limit \
                    and toks[pos + 1].barrier and not t.barrier:
                quoted = self._quoted_part(toks, pos + 1, limit, text)
                if quoted is not None and quoted < limit and toks[quoted].key in r.honorifics:
                    role.extend(toks[pos:quoted])  # `مدير العلاقات والإعلام في "سجون القصيم" الملازم أول تركي
                    pos = past_quote = quoted  # الحربي،`: the body the role serves, in quotes, then the titled person
                    continue
            if k in ("في", "علي") and not name and role and pos + 1 < limit and not toks[pos + 1].barrier \
                    and not self.setting(toks[pos + 1].key, k) and not self.stops_here(toks[pos + 1].key) \
                    and not _suffixed(toks[pos + 1]):  # `في افتتاحيتها`: a setting, not part of the role
                if k == "علي":
                    body = role[0].key in r.institutions and role[-1].key.startswith("لل") and not role[-1].barrier \
                        and not self.objectish(toks[pos + 1])  # `اللجنة السعودية للرقابة على المنشطات`
                    if (not anchored_head and not body) or prep_cut is not None:
                        clean = True
                        break
                    if not body:
                        prep_cut = len(role)  # `المشرف العام على البرنامج نايف الهاجري`, undone without a name
                role.append(t)  # `المكتب الصحفي في الكرملين`, `الخبير في الشؤون`
                pos += 1
                forced = True
                continue
            if pos > i and k[:2] == "لل" and "ال" + k[2:] in r.outlets and (role or name):
                clean = True  # `مسؤول في طالبان للوكالة`: told to the agency named before, not part of the subject
                break
            if pos > i and k[:1] == "ل" and k[1:] in r.outlets and not t.barrier and (
                    (name and not forced) or (len(role) == 1 and role[0].al and role[0].key in r.role_heads)):
                clean = True  # `وقال المتحدث لوكالة الصحافة الفرنسية`: told to an outlet, not the body it serves
                break
            if pos > i and name and not role and not forced and k[:1] == "ل" and not t.barrier and k not in r.given_names \
                    and k not in r.role_heads and k not in r.role_words and (  # (not `ريس لاعب اشبيلية`)
                    k[:2] == "لل" and len(k) > 4 or pos + 1 < limit and not toks[pos + 1].barrier
                    and not toks[pos + 1].al and _nisba(toks[pos + 1].key)):
                clean = True  # `وقال كارتر لقوات أميركية`, `للصحفيين`: the addressee, not the rest of the name
                # (after a role the words may name a body: `رئيس مدينة الملك عبدالعزيز للعلوم`, `شركة جبل عمر للتطوير`)
                break
            if k == "من" and pos > i + 1 and role and role[0].key in r.institutions and toks[pos - 1].al \
                    and toks[pos - 1].key in r.body_qualifiers and pos + 1 < limit and toks[pos + 1].al \
                    and not toks[pos + 1].barrier and not t.barrier and any(not x.al for x in toks[i + 1:pos - 1]):
                if name and name[-1] is toks[pos - 1]:  # `وذكرت صحيفة آفي المقربة من الحكومة امس ان`: the qualifier
                    name.pop()  # and its complement describe the outlet and are no part of its name; an unread
                elif role[-1] is toks[pos - 1]:  # `من` had left the whole subject unread
                    role.pop()
                pos += 2
                while pos < limit and toks[pos].al and not toks[pos].barrier and _nisba(toks[pos].key):
                    pos += 1  # (`المقربة من الحرس الثوري`)
                clean = True
                break
            if k == "من" and source and role and not name and not t.barrier and len(role) <= 3 \
                    and (role[0].key in r.groups or role[0].key.endswith(("ون", "ين")) or role[0].key == _SOURCES):
                came_from = self._from_body(toks, pos + 1, limit)
                if came_from is not None:  # `محللون من كبار المصارف الألمانية`, `مسؤولون من وزارة الخارجية`
                    role.extend(toks[pos:came_from])
                    pos, clean = came_from, True
                    break
            if (self.stops_here(k) and not _hamza_head(t, r)) or k == "في":
                clean = k not in _WEAK_STOPS or (  # `تفاؤلاً أكبر من`: an object can run into من
                    k == "من" and bool(name) and not role and pos + 1 < limit and not toks[pos + 1].barrier
                    and (toks[pos + 1].key in r.institutions or toks[pos + 1].key in r.outlets)
                    and (name[0].key in r.given_names or len(name) == 2 and not any(x.al for x in name))) or (
                    # `جون هاموند من جمعية …`, and two unlisted name words (`غي ديبراتييه من رابطة الجمعيات …`)
                    k == "من" and len(name) >= 3 and name[-1].al and name[-2].key not in r.particles
                    and any(x.key in _NASAB for x in name))  # `عبدالمحسن بن محمد القاسم من سفك`: a whole nasab
                weak_end = not clean
                break
            if source and role and not name and not (forced and len(role) > 1):  # `… بمحافظة مأرب`: a genitive goes on
                step = self._source_step(toks, pos, limit, role)
                if step is not None:
                    pos, clean = step
                    break
                if not t.al and (_nisba(k) or k in r.source_adjectives):
                    role.append(t)  # `مسؤول أمريكي`, `مصادر عسكرية`, `مصادر مسؤولة` before `بوزارة`
                    forced = False
                    pos += 1
                    continue
            if pos > i and (name or role) and t.al and k in _THANKS and toks[pos - 1].key[:1] != "ب":
                # (not `وتقدم مفتى مصر بخالص العزاء`: the reading there is settled elsewhere)
                clean = True  # `ورفع رئيس المدينة الشكر والتقدير لخادم الحرمين الشريفين الملك سلمان`: the thanks and the
                break  # one thanked are the object (main read the role through them and gave the King the participle)
            if pos > i and (name or role) and not forced and not t.al and not t.barrier and _bi_masdar(k) \
                    and k[1:] not in r.institutions and k[1:] not in self.known and k not in self.known \
                    and not k.endswith("ا") and not any(x.key in r.honorifics or x.key in r.given_names and not x.al
                                                        for x in toks[pos + 1:min(limit, pos + 5)]):
                # (not `بتعليم جدة أحمد الغامدي`, `بتركيا الدكتور محمد كورماز`: a body or place before the name)
                clean = True  # `وتعهدت تركيا بتوسيع`, `وتعهد الرئيس بتوسيع نطاق`: ب + a verbal noun (تفعيل) opens
                break  # the object (main read `بتوسيع نطاق` as the speaker)
            if name and not forced and not closed and self._bare_h_name(t, toks, pos, limit, text):
                name.append(t)  # `وقال جون ديبراتييه إن`: a foreign family name in ه right before إن, a colon or a
                pos += 1  # quotation mark, no noun with a possessive (main cut the name to `جون`)
                clean = True
                break
            if (name or role) and not forced and self.objectish(t):
                clean = True  # `رغبة بلاده`, `أهمية التعاون`: the object begins
                break
            if forced:  # the genitive after an indefinite head: `رئيس ميدان`, `لنادي اشبيلية`
                if (k in r.given_names or (replaced and k in self.known and pos + 1 < limit
                                           and toks[pos + 1].key in self.known)) \
                        and not t.al and k not in r.role_heads and k not in r.institutions and not royal:
                    forced = False  # `رئيس بلدية جدة صالح …`: a given name starts the person
                else:
                    role.append(t)
                    royal = k in r.royal_titles and len(role) > 1 and role[-2].key in r.institutions
                    forced = not t.al and (k in r.institutions or self._given_ahead(t, toks, pos + 1, limit, True)
                                           or k in _ONE_OF)  # `في إحدى شركات السفر`: one of runs on to its plural
                    pos += 1  # (`لشؤون مكافحة تمويل الإرهاب دانيال`: an indefinite genitive runs on to a given name)
                    continue
            if royal and not name and (self.name_like(t) or k in r.particles):
                role.append(t)  # `مستشفى الملك فهد`: the institution's name, not the speaker's
                pos += 1
                continue
            royal = False
            if not name and role and k.startswith("و") and is_al(k[1:]) and (_nisba(k[1:]) or len(role) > 1):
                role.append(t)  # `وزير الشؤون البلدية والقروية` (not `الوزير والمقرضون`: two subjects)
                pos += 1
                continue
            if (name or role) and (self.conjunct(t) or k == "و"):
                other = self._conjoined(toks, pos + 1 if k == "و" else pos, limit, text)
                if other is None:
                    break
                if role and not name and other.name and other.role:
                    # `الصحفي والناشط في محافظة الحديدة أيمن جرمش`: two roles of one person
                    cut: int | None  # an int here, None when read again below
                    cut = text.find(other.name, role[0].start)
                    return Who(speaker=other.speaker, role=text[role[0].start:cut].strip(" ،,") if cut > 0 else other.role,
                               name=other.name, co=other.co, end=other.end, clean=other.clean,
                               anchored=anchored_head or other.anchored)
                co.append(other.speaker)
                co.extend(other.co)
                pos, clean = other.end, other.clean
                break
            if pos == i and self.nationality_before_name(toks, pos, limit):
                honored = True  # `قال اليوناني جورجيوس دونيس`: a nationality introduces the name like a title
                pos += 1
                continue
            if k in r.rank_arms and not name and pos > i and toks[pos - 1].key in r.honorifics and not t.barrier:
                honored = True  # `المقدم ركن طيار سعود المعولي`: the arm belongs to the rank, not to the name
                pos += 1
                continue
            if k in r.honorifics and not name and not self._heads_body(toks, pos, limit):
                if t.al and k in self.known and self.ends_after(toks, pos + 1, limit):
                    name.append(t)  # `وأوضح السيد أن`: the family name السيد, known in the article
                    closed = True
                    pos += 1
                    continue
                honored = True
                honored_after_role = honored_after_role or bool(role)
                pos += 1
                continue
            if name:
                words = sum(1 for x in name if x.key not in r.particles)
                if k in _ONE_OF and pos + 1 < limit and not toks[pos + 1].barrier:
                    clean = True  # `بندر العطيش أحد شيوخ …`: one of a group, after the name; never a name word
                    break
                if not closed and (k in r.particles or toks[pos - 1].key in r.particles):
                    name.append(t)
                elif not closed and not t.al and k in r.role_heads and k in r.given_names and words < 3 \
                        and self.hard_end(toks, pos + 1, limit, text):
                    name.append(t)  # `قال مصطفى أمين «…»`: a role word that is also a name, right before a hard end,
                    closed = True  # is the family name, not a role with no complement (main cut it to `مصطفى`)
                elif (k in r.role_heads or (k[:1] == "و" and k[1:] in r.role_heads and k not in r.waw_words)) and not (
                        t.al and name[-1].key not in r.particles and any(x.key in _NASAB for x in name)
                        and self.ends_after(toks, pos + 1, limit)):  # `محمد بن عبدالرحمن المخرج أن`: the family name
                    post, pos = self._post_role(toks, pos, limit)  # `شوقي علام مفتي مصر`
                    clean = True
                    break
                elif closed:
                    break
                elif not t.al and k in r.place_nouns and k not in r.given_names and k not in self.known \
                        and name[0].key in r.given_names:
                    clean = True  # `خالد بن عبدالقادر وسط ترحيب`: a setting (amid, north of …), not a name word
                    break
                elif k in r.honorifics:
                    if t.al and self.ends_after(toks, pos + 1, limit):
                        name.append(t)  # `وائل السيد خلال`: a family name spelled like a title
                        closed = True
                    else:
                        break
                elif t.al and not name[0].al and (words == 1 or (
                        words == 2 and not k.endswith("ات") and (self._closes(toks, pos + 1, limit) or (
                            (_nisba(k) or k in self.known) and self._timed(toks, pos + 1, limit)))) or (
                        words <= 4 and (k.endswith("ي") or k in self.known or self.ends_after(toks, pos + 1, limit))
                        and k not in r.role_heads and k not in r.institutions
                        and any(x.key in _NASAB for x in name))):  # `عبدالله بن محمد الزهراني على`
                    # (`غادة عبدالرازق الشائعات`: a plural in -ات after a full name is the object)
                    name.append(t)  # `بشار الأسد`, `مفلح صبيان الفايدي`: a family name closes the name
                    closed = True
                elif role and len(k) > 4 and k[0] == "ب" and k[1:] in r.place_nouns and self._name_ahead(toks, pos + 2, limit):
                    role.extend(name)  # `رئيسة النادي بمدينة يوجين بولاية أوريقون ملاك المنيف`: the words read
                    role.append(t)  # as a name were a place, and the role goes on through the next one to a
                    name, forced, replaced = [], True, True  # name the article knows or a listed given name
                elif honored and not role and words == 1 and not closed and not t.al and len(k) > 4 and k[0] == "ب" \
                        and name[0].key in r.given_names and name[0].key in self.known and k not in r.given_names \
                        and k not in self.known and (k[1:] in r.objects or t.raw.endswith("ة")):
                    clean = True  # `وطالب الدكتور مجدي بضرورة`: a ب-glued object noun after a titled given name the
                    break  # article names in full (`مجدي أبو فريخة`); unknown, it stays a misreading
                elif self.name_like(t) and words < (4 if not role or role[-1].al else 6):
                    name.append(t)  # after an indefinite chain (`وزير داخلية إقليم بلوشستان أكبر حسين دوراني`)
                    # the chain's last words are read as a name first and handed back by _chain_name
                else:
                    break
            elif role and not forced and t.al and len(role) == 1 and role[0].al and role[0].key in r.role_heads \
                    and k not in r.given_names and ((k in r.role_heads and not _adjective_head(k, r)) or (
                        not _nisba(k) and k not in r.role_words and self.ends_after(toks, pos + 1, limit))):
                clean = True  # `ودعا الوزير الأهالي إلى`: the object, not a longer role
                break
            elif role and not forced and t.al and len(role) <= 3 and all(x.al and not x.barrier for x in role[1:]) \
                    and role[0].al and role[0].key in r.institutions and not role[0].key.endswith(("ين", "ون", "ات")) \
                    and len(k) > 5 and k[:2] == "ال" and k.endswith(("ين", "ون")) and k not in _NOT_PLURAL \
                    and k not in r.role_heads \
                    and k not in r.institutions and k not in r.given_names:
                clean = True  # `ودعت الوزارة المواطنين إلى`, `ودعت الجمعية المهتمين`: a masculine plural cannot describe
                break  # one body, so it begins the object
            elif role and not forced and not t.al and not t.barrier and k in r.institutions and k not in r.role_heads \
                    and len(role) <= 3 and all(x.al and not x.barrier for x in role) and pos + 1 < limit \
                    and not toks[pos + 1].barrier and not toks[pos + 1].al:
                clean = True  # `واتهم المسؤولون الاتراك تنظيم داعش`, `ودعا الوزير تنظيم داعش`: an indefinite body
                break  # after a whole definite subject opens the object (main gave the object as the speaker)
            elif k in r.role_heads or k in r.institutions or k in r.role_words:
                anchored_head = anchored_head or (not role and k in r.role_heads)
                role.append(t)
                forced = not t.al and not t.raw.endswith(("ه", "ها", "هم"))
            elif role and len(k) >= 3 and not t.al and k not in self.known and (
                    (k[0] == "ل" and (k[1] != "ا" or k[1:] in r.institutions)  # `لنادي`, not the name `لاري`
                     and k not in r.given_names)  # (nor `لويس`, `لطفي`)
                    or (k[0] == "ب" and (k[1:] in r.institutions or self._given_ahead(t, toks, pos + 1, limit)))):
                role.append(t)  # `لنادي`, `بحي`, `لرابطة`, `بصحة عسير سعيد …`
                forced = True
            elif t.al and k in r.given_names and not (role and role[0].key in r.institutions):
                name.append(t)  # `المدرب الكسندر بيتروف`
            elif t.al and (role or k not in self.known):
                role.append(t)
            elif self.name_like(t) or k in r.particles or k in self.known:
                name.append(t)
            else:
                break
            pos += 1
        else:
            clean = True
        if pos >= limit:
            clean = True
        if prep_cut is not None and not name:
            role, clean, co = role[:prep_cut], True, []
            pos = toks.index(role[-1], i) + 1
        if role and name and not role[-1].al and not honored_after_role and not post \
                and not _suffixed(role[-1]) and role[-1].key not in r.role_words:
            name, moved, given = self._chain_name(name)  # `مدير وحدة كهرباء فيفاء سليمان الفيفي`, `محافظ ريف دمشق`
            role = role + moved
            honored = honored or given  # a given name vouches for the name after a role, like a title
            if not name and not co and pos < limit and toks[pos].barrier \
                    and text[toks[pos - 1].end:toks[pos].start].strip() in ("،", ","):
                name, pos = self._apposition(toks, pos, limit, text)  # `رئيس وزراء مصر، إبراهيم محلب، قبل`
        anchored_role = bool(role) and role[0].key in r.role_heads
        kept = self._confirmed(name, clean or bool(co) or bool(post),
                               (anchored_role and role[-1].al) or honored)  # `… تبوك اللواء مستور الحارثي`
        if kept != name:
            name, clean, post = kept, False, []
            pos = toks.index(name[-1], i) + 1 if name else (toks.index(role[-1], i) + 1 if role else i)
        group = False
        if role and not name and not co:
            cut = next((n for n, x in enumerate(role) if n and x.key.startswith("بال")), None)
            if cut == 1 and not role[0].al and role[0].key not in r.institutions:
                cut = None  # `وقال مندوب بالمنظمة`: an indefinite role and the body it serves, a subject
            if cut is not None and clean and not role[0].al and role[0].key in r.source_heads:
                cut = None  # `وأشار مصدر بفرع المياه بالمحافظة إلى`: where an anonymous source works, never an object
            if cut is not None and clean and role[0].key in r.institutions and role[cut].key[1:] in r.institutions:
                cut = None  # `أعلنت لجنة الاحتراف بالاتحاد السعودي لكرة القدم اليوم`: a body within a body, whole
            if cut is not None and role[cut].key in _ALONGSIDE:
                role, clean, cut = role[:cut], True, None  # `أعلنت وزارة الخدمة المدنية بالتنسيق مع …`: the subject ends
                pos = toks.index(role[-1], i) + 1
            if cut is not None:  # `وطالب المحكمة الجنائية بالتحقيق`: an object, not a subject
                self.object_cut = True
                role, clean = role[:cut], False
                pos = toks.index(role[-1], i) + 1
            if not clean and not (weak_end and role[0].key in r.role_heads):
                return None  # (`يشكو أهالي القرية من …`: a role-headed subject may end at من)
            group = self._group(role) and self._strong_end(toks, pos, limit, text)
        institution = bool(role) and role[0].key in r.institutions
        descriptor = len(role) == 1 and bool(name) and pos < limit and (
            toks[pos].barrier or toks[pos].key in _THAT or toks[pos].key == "ل" or self._closes(toks, pos, limit)
            or self._timed(toks, pos, limit))
        if role and not (anchored_role or institution or group) and not descriptor:
            return None  # `ودعا التعميم الوزاري اللجان …`: not a speaker; `الموسيقار خالد برزنجي ل…` is
        known = bool(name) and all(x.key in self.known or x.key in r.particles for x in name)
        if descriptor and role[0].key.startswith("ال") and not role[0].raw.endswith(("ة", "ه")) and toks[pos].barrier \
                and self._feminine_cue(toks, i) and not any(x.key in r.given_names for x in name):
            # `أعلنت الأهلي كابيتال، المستشار …`: a feminine verb cannot take a masculine descriptor of a woman, so
            # the definite word opens a body's name (a company), and the body speaks, not its last word; only a
            # name closed by punctuation (`أكدت للعالم أجمع أن`: a ل-phrase and no subject at all)
            return Who(speaker=_span(text, role + name), role=None, name=None, co=co, end=pos, clean=clean,
                       anchored=False)
        if name and institution:
            speaker, name = _span(text, role + name), []  # `وكالة الأنباء الايرانية ارنا`: the name is the outlet's
        elif name:
            speaker = _span(text, name)
        elif role and (anchored_role or institution or group) and len(role) <= 12:
            speaker = _span(text, role)
        else:
            return None
        role_text = _span(text, role) if anchored_role else None
        if post and post[0].key.lstrip("و") in r.role_heads:
            role_text = _span(text, post).lstrip("و")
        for a, b in (("«", "»"), ("“", "”")):
            if speaker.count(a) > speaker.count(b):
                speaker += b  # `وكالة الأنباء «دوغان»`: the quoted name kept whole
        return Who(speaker=speaker, role=role_text, name=_span(text, name) if name else None, co=co, end=pos,
                   clean=clean, anchored=anchored_role or institution or known or (honored and bool(name)) or bool(post))

    def _feminine_cue(self, toks: list[Token], i: int) -> bool:
        """The word before the subject is a speech verb's feminine past (`أعلنت`, `وقالت`): its masculine is a cue too."""
        if i < 1:
            return False
        k = toks[i - 1].key
        return len(k) > 3 and k.endswith("ت") and self.is_cue(k) and self.is_cue(k[:-1])

    def _heads_body(self, toks: list[Token], pos: int, limit: int) -> bool:
        """A title that heads a body here (`كابتن الفريق الوحداوي`), or a rank spelled like a body after such a
        head (`الفريق` after `كابتن`): read as role and institution, not as titles before a name."""
        t, r = toks[pos], self.r
        if t.key in r.role_heads and pos + 1 < limit and not toks[pos + 1].barrier \
                and toks[pos + 1].key in r.institutions and toks[pos + 1].al:
            return True
        return t.key in r.institutions and pos > 0 and not t.barrier and toks[pos - 1].key in r.role_heads \
            and toks[pos - 1].key in r.honorifics

    def _name_ahead(self, toks: list[Token], pos: int, limit: int) -> bool:
        """A listed given name, or two words of a name the article knows, at pos or the word after, no punctuation."""
        for n in range(pos, min(limit, pos + 2)):
            t = toks[n]
            if t.barrier:
                return False
            if not t.al and (t.key in self.r.given_names or (t.key in self.known and n + 1 < limit
                                                              and toks[n + 1].key in self.known)):
                return True
        return False

    def nationality_before_name(self, toks: list[Token], pos: int, limit: int) -> bool:
        """`اليوناني جورجيوس دونيس`, `الأوروجوياني خورخي دا سيلفا`: a definite adjective of origin opening the
        subject, right before an indefinite name of two words or a listed given name."""
        t, r = toks[pos], self.r
        k = t.key
        if not t.al or not k.endswith(("ي", "يه")) or len(k) < 6 or k in r.role_heads or k in r.institutions \
                or k in r.honorifics or k in r.documents or k in r.groups or pos + 1 >= limit:
            return False
        nxt = toks[pos + 1]
        if nxt.barrier or not self.name_like(nxt) or self.objectish(nxt) or nxt.key in r.objects:
            return False
        if nxt.key in r.given_names:
            return True
        return pos + 2 < limit and not toks[pos + 2].barrier and (
            self.name_like(toks[pos + 2]) or toks[pos + 2].key in r.particles) and not self.objectish(toks[pos + 2])

    def _source_step(self, toks: list[Token], pos: int, limit: int, role: list[Token]) -> tuple[int, bool] | None:
        """After an anonymous source (`مسؤول`, `مصادر`): where it ends, or None to read on.

        `مصادر مطلعة أن` keeps the adjective; `مسؤول اسرائيلي مطّلع على …` ends before it; `مصادر قريبة من
        طهران` keeps the complement; a word that is no adjective ends the source.
        """
        r = self.r
        t = toks[pos]
        k = t.key
        if self._for_body(t):
            return None  # `مصدر مسؤول بشرطة عمان`, `مصدر لوزارة الداخلية`: the body it speaks for
        if k in r.source_complements and pos + 2 < limit and toks[pos + 1].key == "من" and not toks[pos + 2].barrier:
            role.extend(toks[pos:pos + 3])
            j = pos + 3
            while j < limit and not toks[j].barrier and toks[j].al and _nisba(toks[j].key):
                role.append(toks[j])
                j += 1
            return j, True
        if k in r.source_adjectives:
            if pos + 1 < limit and not toks[pos + 1].barrier and self._for_body(toks[pos + 1]):
                return None  # `مصادر مسؤولة بوزارة الطيران`: the adjective, then the body
            q = pos + 1
            while q < limit and q < pos + 3 and not toks[q].barrier and not toks[q].al and _nisba(toks[q].key) \
                    and toks[q].key not in r.given_names and not self.stops_here(toks[q].key):
                q += 1  # `مصادر رسمية تركية أن`: an adjective of origin after the source's adjective
            if q < limit and toks[q].key == "في" and q + 1 < limit and not toks[q + 1].barrier \
                    and not self.setting(toks[q + 1].key) and not self.stops_here(toks[q + 1].key):
                return None  # `مسؤول كبير في الحكومة الافغانية`: the adjective, then the body it belongs to
            if self.ends_after(toks, q, limit) and (q >= limit or toks[q].key != "علي") or (
                    k in _PLURAL_ORIGINS and q < limit and self.objectish(toks[q])):  # `محللون … ألمان استمرار`
                role.extend(toks[pos:q])
                return q, True
            return pos, True
        if not t.al and not _nisba(k) and self.name_like(t) and k not in r.given_names and k not in self.known:
            return pos, True
        return None

    def _for_body(self, t: Token) -> bool:
        """`بشرطة`, `لوزارة`: a body glued to ب/ل after an anonymous source, the body it speaks for."""
        k, r = t.key, self.r
        return len(k) > 3 and not t.al and (k[0] == "ب" and (k[1:] in r.institutions or k[1:] in r.role_heads)
                                            or k[0] == "ل" and k[1:] in r.institutions and k[1:] not in r.outlets)

    def _post_role(self, toks: list[Token], pos: int, limit: int) -> tuple[list[Token], int]:
        """The role set after a name (`مفتي مصر`, `المتحدث الرسمي لأمانة جازان`): its tokens and where it ends."""
        r = self.r
        out: list[Token] = []
        forced = False
        j = pos
        while j < limit and len(out) < 14:
            t = toks[j]
            k = t.key
            if j > pos and t.barrier:
                break
            if k in _THAT or (j > pos and self.is_cue(k)):
                break
            if k in ("في", "لدي") and j + 1 < limit and not toks[j + 1].barrier \
                    and not self.setting(toks[j + 1].key) and not self.stops_here(toks[j + 1].key) \
                    and not _suffixed(toks[j + 1]):
                out.append(t)
                forced = True
                j += 1
                continue
            if self.stops_here(k) or k == "في":
                break
            head = k in r.role_heads or k in r.institutions or k in r.role_words or (
                k[:1] == "و" and (k[1:] in r.role_heads or k[1:] in r.institutions))
            body = len(k) >= 4 and k[0] == "ب" and k[1:] in r.institutions  # `المدير الفني … بنادي النصر`
            if forced or head or t.al or (len(k) >= 4 and k[0] == "ل") or body:
                out.append(t)
                forced = not t.al and (head or k[0] == "ل" or body or forced and k in r.institutions)
                j += 1
                continue
            break
        return out, j

    def _chain_name(self, name: list[Token]) -> tuple[list[Token], list[Token], bool]:
        """Split a name read after an indefinite role chain: words before the first given name complete the role."""
        r = self.r
        g = next((n for n, x in enumerate(name[:-1]) if x.key in r.given_names and name[n + 1].key in _NASAB), None)
        if g is None:  # `محافظ خميس مشيط سعيد بن مشيط`: a given name followed by بن starts the person
            g = next((n for n, x in enumerate(name) if x.key in r.given_names or x.key in self.known
                      or x.key in r.particles), None)
        if g is None:
            g = 1 if len(name) >= 2 else len(name)
            return name[g:], name[:g], False
        return name[g:], name[:g], True

    def _group(self, role: list[Token]) -> bool:
        """`الفصائل`, `الوحدات الكردية`: a definite plural-like phrase that can speak, not a document."""
        return 0 < len(role) <= 3 and all(x.al for x in role) and not any(x.key in self.r.documents for x in role)

    def _strong_end(self, toks: list[Token], pos: int, limit: int, text: str) -> bool:
        """The subject surely ends here and speech follows: أن/إن, a colon or quotation, or `في بيان`."""
        if pos >= limit:
            return False
        t = toks[pos]
        if t.key in _THAT or t.key in ("انهم", "انها", "انه"):
            return True
        if not t.barrier:  # `وقالت الولايات المتحدة يوم أمس أن`: a time adverb between the subject and أن
            j = pos + 1 if t.key in _WHEN else pos + 2 if t.key == _DAY and pos + 1 < limit and toks[pos + 1].key in _WHEN else pos
            if pos < j < limit and not toks[j].barrier and toks[j].key in _THAT:
                return True
        if t.barrier:
            gap = text[toks[pos - 1].end:t.start]
            return any(c in gap for c in ':"«“”')
        return t.key == "في" and pos + 1 < limit and self.setting(toks[pos + 1].key)

    def _closes(self, toks: list[Token], pos: int, limit: int) -> bool:
        """A subject surely ends here: punctuation, أن/إن, or `في تصريح` (not `الوضع في المنطقة`)."""
        if pos >= limit or toks[pos].barrier or toks[pos].key in _THAT or toks[pos].key == "ل":
            return True  # `ل«عكاظ»`, `لـ"سبق"`: told to an outlet
        return toks[pos].key == "في" and pos + 1 < limit and toks[pos + 1].key in self.r.settings

    def _timed(self, toks: list[Token], pos: int, limit: int) -> bool:
        """A time phrase follows (`قبل مغادرته`, `أمس أن`): the subject ends here as before أن."""
        return pos + 1 < limit and toks[pos].key in self.r.not_subjects and not toks[pos].barrier \
            and not toks[pos + 1].barrier and (_suffixed(toks[pos + 1]) or toks[pos + 1].key in _THAT)

    def _from_body(self, toks: list[Token], j: int, limit: int) -> int | None:
        """After `من` that follows a plural anonymous source: the end of the body or group named there (a definite
        phrase, or an institution with its genitive, or `كبار` + a definite noun), when the subject ends right after it."""
        r = self.r
        if j >= limit or toks[j].barrier or any(
                len(phrase) > 1 and phrase[0] == "من" and all(j + n < limit and toks[j + n].key == w
                                                               for n, w in enumerate(phrase[1:])) for phrase in r.among):
            return None  # `مسؤولون من بينهم`: the members named, read by _members
        first = toks[j]
        if not (first.al or first.key in r.institutions or first.key == _GREATEST) or self.stops_here(first.key) \
                or first.key in r.documents or first.key in r.objects:
            return None
        q = j + 1
        while q < limit and q < j + 5 and not toks[q].barrier and toks[q].al and not self.stops_here(toks[q].key) \
                and toks[q].key not in r.settings:
            q += 1
        if q == j + 1 and not first.al:
            return None  # `من وزارة` with nothing after it
        return q if self.ends_after(toks, q, limit) else None

    def ends_after(self, toks: list[Token], pos: int, limit: int) -> bool:
        return pos >= limit or toks[pos].barrier or self.stops_here(toks[pos].key) or toks[pos].key == "في"

    def _apposition(self, toks: list[Token], pos: int, limit: int, text: str = "") -> tuple[list[Token], int]:
        """`رئيس اللجنة ، محمد الخميس، أن`: a name set off by commas after a role."""
        j = pos
        name: list[Token] = []
        gap = text[toks[pos - 1].end:toks[pos].start] if text and 0 < pos < limit else ""
        if any(c in gap for c in "«“\"") or ("(" in gap and toks[pos - 1].key not in self.r.institutions):
            return [], pos  # `هيئة الإذاعة الأسترالية، (إيه.بي.سي)`, `الوزارة «نحن …»`: an acronym or a quotation
        while j + 1 < limit and toks[j].key in self.r.honorifics and not toks[j + 1].barrier \
                and self.name_like(toks[j + 1]):
            j += 1  # `الأمين العام …، الدكتور عبد اللطيف الزياني، أن`: a title before the apposed name
        first = j
        while j < limit and (j == first or not toks[j].barrier) and len(name) < 5:
            t = toks[j]
            if not name and t.key[:1] == "و" and t.key not in self.r.waw_words:
                break  # `المسؤولين، وبينهم الرئيس …`: a new clause, not a name
            if not name and t.key[:1] == "ف" and t.key[1:] in _THAT:
                break  # `بحسب بيان صادر عن وزارة الداخلية، فإن المتهمين`: the main clause, not a name
            if self.name_like(t) or t.key in self.r.particles or self._dotted_given(toks, j, limit) or (
                    name and t.al and t.key not in self.r.role_heads and not (
                        t.key in self.r.honorifics and j + 1 < limit and not toks[j + 1].barrier
                        and self.name_like(toks[j + 1]))):  # (`وليد المعلم، رحاله`: a family name, then the comma)
                name.append(t)
                j += 1
            elif self._nasab_closed(name, toks, j, limit):
                name.append(t)  # `، عبدالله بن عبدالملك المرشد، أن`: a family name spelled like a role head
                j += 1
                break
            else:
                break
        if name and (j >= limit or toks[j].barrier or toks[j].key in _THAT):
            return name, j
        return [], pos

    def _dotted_given(self, toks: list[Token], j: int, limit: int) -> bool:
        """`، علي شايف الحريري،`: a given name written with a dotted ي that folds onto a stop word written with ى
        (على), opening an apposed name with a name word after it; as written it is the name."""
        t = toks[j]
        return t.raw.endswith("ي") and t.key in self.r.given_names and self.stops_here(t.key) and j + 1 < limit \
            and not toks[j + 1].barrier and (self.name_like(toks[j + 1]) or toks[j + 1].al)

    def _nasab_closed(self, name: list[Token], toks: list[Token], j: int, limit: int) -> bool:
        """A definite word after a chain of descent (`عبدالله بن عبدالملك المرشد`) right before punctuation or أن
        closes the name as its family name, even when it is spelled like a role head (`المرشد`, `المخرج`): a
        second person or a role after a nasab would not end the phrase there."""
        t = toks[j]
        return len(name) >= 3 and t.al and not t.barrier and name[-1].key not in self.r.particles \
            and any(x.key in _NASAB for x in name) and t.key not in self.r.institutions \
            and t.key not in self.r.honorifics and (j + 1 >= limit or toks[j + 1].barrier or toks[j + 1].key in _THAT)

    def _conjoined(self, toks: list[Token], pos: int, limit: int, text: str) -> Who | None:
        """The subject after a conjunction; its `end` indexes `toks`."""
        if pos >= limit:
            return None
        first = toks[pos]
        if first.key.startswith("و") and first.raw.startswith("و") and first.key not in self.r.waw_words:
            first = token(first.start + 1, first.end, first.raw[1:])
        if not (self.name_like(first) or first.key in self.r.role_heads or first.key in self.r.institutions
                or (first.al and first.key not in self.r.documents)):
            return None
        other = self.subject([first] + toks[pos + 1:limit], 0, limit - pos, text)
        if other is not None:
            other.end += pos
        return other

    def _confirmed(self, name: list[Token], clean: bool, anchored: bool = False) -> list[Token]:
        """Keep name words the text vouches for: a clean end after them, a name known in the article, or
        (after a role, `الرئيس الروسي فلاديمير بوتين`) the first two words."""
        while name and name[-1].key in self.r.particles:
            name, clean = name[:-1], False  # `محمد بن`: a name does not end on a particle
        if clean:
            return name if sum(1 for x in name if x.key not in self.r.particles) <= 4 else []
        while name and not (name[-1].key in self.known or (anchored and sum(1 for x in name if x.key not in self.r.particles) <= 2)):
            if len(name) == 1:
                return []
            name = name[:-1]
        while name and name[-1].key in self.r.particles:
            name = name[:-1]  # `حسين بن` cut from `حسين بن أحمد هامل`: never end on a particle
        return name


def _bi_masdar(k: str) -> bool:
    """`بتوسيع`, `بتقديم`, `بتعزيز`: ب glued to a verbal noun of the تفعيل pattern (never a place: `بتبوك`)."""
    return len(k) == 6 and k[0] == "ب" and k[1] == "ت" and k[4] == "ي"


def _suffixed(t: Token) -> bool:
    """A word with a possessive suffix (`رغبته`, `بلاده`, `افتتاحيتها`), by its written ending."""
    raw = t.raw.rstrip(_MARKS)
    return not t.al and ((len(raw) >= 4 and raw.endswith(("ها", "هم", "هما", "كم", "ته")))
                         or (len(raw) >= 5 and raw.endswith("ه")))


def suffixed(word: str) -> bool:
    """Whether a written word carries a possessive suffix (`عبارته`), for callers outside the parser."""
    return _suffixed(token(0, len(word), word))


def has_tanween(text: str) -> bool:
    """Whether the text has a tanween mark (`أبًا ثانيًا`): an accusative, never a name."""
    return _TANWEEN.search(text) is not None


def _adjective_head(k: str, r: SpeakerRules) -> bool:
    """A role head that is also a singular adjective of kind (`الإعلامي`, `الصحفي`, `القيادي`): after a definite
    head (`المتحدث الإعلامي بالإدارة …`) it qualifies the role, not a second person or the verb's object."""
    return k.endswith("ي") and k not in r.groups and _nisba(k)


def _nisba(k: str) -> bool:
    """An adjective of origin or kind (`الروسي`, `أمنية`, `الإسلامية`), by its ending."""
    return len(k) >= 4 and k.endswith(_NISBA_ENDS)


def _span(text: str, toks: list[Token]) -> str:
    return text[toks[0].start:toks[-1].end]


@dataclass
class Person:
    name: str
    tokens: tuple[str, ...]
    roles: list[str] = field(default_factory=list)


class Inventory:
    """The people an article names (`الرئيس الروسي فلاديمير بوتين`), for resolving short mentions and roles."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.by_token: dict[str, set[str]] = {}
        self.by_role: dict[str, set[str]] = {}
        self.role_text: dict[str, str] = {}  # role key → the role as first written
        self.groups: dict[str, str] = {}  # key of a group speaker (`أهالي جبال فيفاء`) → as written
        self.known: set[str] = set()  # folded tokens of every name, for the parser

    def add(self, name: str, role: str | None = None) -> None:
        words = name.split()
        while words and name_key(words[-1]) in _PARTICLE_KEYS:
            words.pop()
        name = " ".join(words)
        k = name_key(name)
        if not k:
            return
        person = self.people.get(k)
        if person is None:
            person = self.people[k] = Person(name, tuple(k.split()))
            for tok in person.tokens:
                self.by_token.setdefault(tok, set()).add(k)
            self.known.update(key(w) for w in words)
        elif _spelling_rank(name) > _spelling_rank(person.name):
            person.name = name
        if role:
            rk = name_key(role)
            if rk not in person.roles:
                person.roles.append(rk)
            self.role_text.setdefault(rk, role)
            self.by_role.setdefault(rk, set()).add(k)

    def known_tokens(self) -> set[str]:
        """Folded tokens of every name in the inventory; the set grows as people are added."""
        return self.known

    def add_group(self, speaker: str) -> None:
        k = name_key(speaker)
        if len(k.split()) >= 2:
            self.groups.setdefault(k, speaker)

    def for_group(self, speaker: str) -> str | None:
        """`الأهالي` → `أهالي جبال فيفاء` when the article named exactly one such group."""
        k = name_key(speaker)
        bare = k[2:] if k.startswith("ال") and " " not in k else None
        if not bare:
            return None
        found = [v for g, v in self.groups.items() if g.startswith(bare + " ")]
        return found[0] if len(found) == 1 else None

    def fullest(self, name: str) -> str:
        """The fullest mention in the article containing every word of `name`, if only one person fits."""
        words = name_key(name).split()
        if not words:
            return name
        candidates = set.intersection(*(self.by_token.get(w, set()) for w in words))
        best = [self.people[c] for c in candidates if len(self.people[c].tokens) >= len(words)]
        if not best:
            return name
        top = max(len(p.tokens) for p in best)
        widest = {p.tokens for p in best if len(p.tokens) == top}
        if len(widest) != 1:
            return name
        return next(p.name for p in best if len(p.tokens) == top)

    def for_role(self, role: str, head=None, nationalities: frozenset[str] = frozenset(),
                 generic: frozenset[str] = frozenset()) -> str | None:
        """The one person the article gives this role (`الرئيس الروسي` → فلاديمير بوتين), else None.

        `head` maps a role key to its head (`الامين العام لهيئه …` → `امين عام`); with it, a role written
        differently (`الأمين العام للهيئة`) still resolves when one person alone has that head.
        """
        rk = name_key(role)
        if rk.split()[:1] and rk.split()[0] in generic:
            return None  # `مسؤول تركي`, `مصدر مطلع`: an unnamed source is nobody the article names
        people = self.by_role.get(rk)
        if not people:
            people = set().union(*(v for r, v in self.by_role.items() if r.startswith(rk + " "))) if rk else set()
        if not people and head is not None and rk:
            h = head(rk)
            quals = [w for w in rk.split() if w in nationalities or (w[-1:] == "ه" and w[:-1] in nationalities)]
            # `الروسي` in `وزير الخارجية الروسي`, `الفرنسيه` in `الوزيرة الفرنسية`
            people = set().union(*(v for r, v in self.by_role.items()
                                   if head(r) == h and _same_nation(quals, r.split(), nationalities))) if h else set()
        if not people and rk.count(" ") >= 3:
            people = set().union(*(v for r, v in self.by_role.items() if (" " + rk) in (" " + r)))
            # `أمير منطقة مكة المكرمة رئيس اللجنة الإشرافية …` inside `مستشار خادم الحرمين الشريفين أمير منطقة …`
        if not people and rk.count(" ") >= 1:
            people = set().union(*(v for r, v in self.by_role.items() if rk in _compound_halves(r)))
            # `خطيب المسجد الحرام` for `إمام وخطيب المسجد الحرام`: one head of a compound role
        if not people and rk.startswith("ال") and generic:
            ws = rk.split()  # `المسؤول المالي الأمريكي`: a definite generic head and adjectives, one nationality
            quals = [w for w in ws[1:] if w in nationalities]
            if ws[0][2:] in generic and quals and all(w.startswith("ال") for w in ws[1:]):
                people = set().union(*(v for r, v in self.by_role.items()
                                       if all(any(x.startswith(q) for x in r.split()) for q in quals)))
        if len(people) != 1:
            return None
        return self.fullest(self.people[next(iter(people))].name)

    def mentions(self, toks: list[Token], stop: int) -> list[str]:
        """Canonical names of the known people mentioned in toks[:stop], in order of first mention."""
        seen: list[str] = []
        for t in toks[:stop]:
            k = name_key(t.raw)
            for person_key in sorted(self.by_token.get(k, ())):
                person = self.people[person_key]
                if k == person.tokens[-1] or len(person.tokens) == 1:
                    canonical = self.fullest(person.name)
                    if canonical not in seen:
                        seen.append(canonical)
        return seen


def _compound_halves(role: str) -> tuple[str, ...]:
    """`امام وخطيب المسجد الحرام` → (`امام المسجد الحرام`, `خطيب المسجد الحرام`); a role without a compound head: ()."""
    ws = role.split()
    if len(ws) < 3 or not ws[1].startswith("و") or len(ws[1]) < 4:
        return ()
    rest = " ".join(ws[2:])
    return (ws[0] + " " + rest, ws[1][1:] + " " + rest)


def _same_nation(quals: list[str], words: list[str], nationalities: frozenset[str]) -> bool:
    """Whether a role written with nationality adjectives `quals` can be the role `words` named earlier: each
    adjective is there (`الروسيه` for `الروسي`), or the earlier role has none and points back (`وزير داخليتها`)."""
    if not quals:
        return True
    if all(any(w.startswith(q) or _country_stem(w) == _nation_stem(q) for w in words) for q in quals):
        return True  # `الوزير الياباني` for `وزير خارجية اليابان`: the country stands for its adjective
    return not any(w in nationalities or w[:-1] in nationalities for w in words) \
        and any(w.endswith(("ها", "هم")) and len(w) > 4 for w in words)


def _nation_stem(q: str) -> str:
    """`الياباني` → `يابان`, `الروسيه` → `روس` (folded keys): the adjective of origin without ال, ة and its ي."""
    q = q[2:] if q.startswith("ال") else q
    q = q[:-1] if q.endswith("ه") else q
    return q[:-1] if q.endswith("ي") and len(q) > 3 else ""


def _country_stem(w: str) -> str:
    """`اليابان` → `يابان`, `روسيا` → `روس`, `سوريه` → `سور`, `فرنسا` → `فرنس`: a country's name as its adjective's stem."""
    w = w[2:] if w.startswith("ال") else w
    if w.endswith(("يا", "يه")):
        w = w[:-2]
    elif w.endswith("ا"):
        w = w[:-1]
    return w if len(w) >= 3 else "-"


def _spelling_rank(name: str) -> tuple[int, int]:
    """Prefer the spelling with hamza forms and dotted final ي (الأسد over الاسد, روحاني over روحانى)."""
    return sum(name.count(c) for c in "أإآ"), sum(1 for w in name.split() if w.endswith("ي"))


def curate(name: str, r: SpeakerRules) -> str:
    """The curation file's canonical for a name, else the name."""
    return r.merge.get(name_key(name), name)
