"""Statements → who said them: speaker (as written and canonical), co-speakers, role, via, cue, mode.

Cues come from pipeline/rules/cues/ (speech verbs with their forms, participles, source phrases, English);
who counts as a speaker from pipeline/rules/speakers/. Precision first: when the subject is unclear the
statement gets no speaker rather than a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from operator import itemgetter

from pipeline import lexicons
from pipeline.english import ArticleState
from pipeline.english import read as read_english
from pipeline.normalize import fold
from pipeline.records import Article, Statement
from pipeline.segment import quote_spans
from pipeline.speakers import (Inventory, Parser, SpeakerRules, Token, Who, curate, from_pairs, has_tanween, key, name_key,
                               rules, split, suffixed, token)
from pipeline.speakers import _MARKS, _THANKS  # harakat and tatweel; the thanks that open a verb's object

_SHADDA = "\u0651"
_SAME = frozenset(key(w) for w in ("نفس", "ذات", "عين"))
_STRICT_MARK = "\ue000"
_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064a]")
_INVITE = frozenset(key(w) for w in ("ودعا", "ودعت", "فدعا", "فدعت"))  # a joined verb: the clause may continue a speaker
_ILA = key("إلى")
_COMPLEMENTIZERS = frozenset(key(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها",
                                               "إننا", "أننا", "إنني", "أنني", "بأننا", "بأنهم"))  # `وقال إننا`: he said we
_STANCE = frozenset(key(w) for w in ("للأسف", "بصراحة", "باختصار", "ببساطة"))  # what was said begins with them
_AFTER_SUBJECTLESS = frozenset(key(w) for w in ("إلى", "على", "من", "عن", "ب", "بأن", "قائلا", "في", "خلال", "فيه", "فيها",
                                                "بقوله", "بقولها", "بالقول")) | _STANCE  # `واستطرد بقوله:`, `قال للأسف …`
_SVO_OPENERS = frozenset(key(w) for w in ("أن", "إن", "بأن", "كان", "وكان", "كانت", "وكانت", "كما", "فيما", "بينما", "حيث", "قد", "وقد", "لكن", "لكنّ", "ولكن",
                                          "أما", "وأما"))
_AMMA = frozenset(key(w) for w in ("أما", "وأما"))
_WAS = frozenset(key(w) for w in ("كان", "وكان", "كانت", "وكانت"))  # `وكانت «موبايلي» قد أعلنت`: the pluperfect
_QAD = key("قد")
_SUBJECT_CLOSE = frozenset(("؛", "،", ","))  # `وكان السيسي؛ قد أوضح`: punctuation between the subject and قد
_SO_HAS = key("فقد")  # `أما فلان فقد قال`
_RELATIVES = frozenset(key(w) for w in ("الذي", "التي", "والذي", "والتي"))
_STATEMENT_DOCS = frozenset(key(w) for w in ("البيان", "بيان"))
_RESUMPTIVE = frozenset(key(w) for w in ("به", "بها"))  # `ما صرح به وزير الخارجية`: "what X declared"
_WHAT = frozenset(key(w) for w in ("ما", "حسبما", "لما", "بما"))
_DESCRIBE = frozenset(key(w) for w in ("وصف", "وصفت"))  # `وصف فلان الشاطئ بأنه`: the subject, the object, بأنه
_AS_BEING = frozenset(key(w) for w in ("بأنه", "بأنها", "بأنهم", "بأنهما"))
_PRESS = frozenset((key("الصحف"),))  # a press review opens `<verb> الصحف السودانية الصادرة اليوم`
_ISSUED_TODAY = frozenset((key("الصادرة"),))
_REPORTS = frozenset((key("التقرير"),))  # `وأشار التقرير إلى أن`: the report a body spoke in, or a document
_ITS_REPORT = frozenset(key(w) for w in ("تقريره", "تقريرها"))  # `في تقريره`: the subject speaks in its own report
_A_STATEMENT = key("بيان")  # indefinite: a definite word after it is its issuer (`بيان الرئاسة`)
_STATEMENT_OBJECTS = frozenset(key(w) for w in ("بيانا", "بيانًا", "بيان"))
_ISSUED = frozenset(key(w) for w in ("صادر", "الصادر", "صدر"))
_ISSUE = frozenset(key(w) for w in ("أصدر", "أصدرت", "وأصدر", "وأصدرت", "أصدرا", "وأصدرا"))
_ISSUER_NEXT = frozenset(key(w) for w in ("في", "إلى"))  # `وقال البيان في …`, `وأشار البيان إلى أن`
_HIM = frozenset(key(w) for w in ("أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها"))  # a pronoun subject of a nested report
_LI_WHAT = key("لما")  # `وفقا لما ذكره …`
_WHAT_SAID = frozenset(key(w) for w in ("ذكره", "ذكرته", "قاله", "قالته", "أعلنه", "أعلنته", "أكده", "أكدته", "أورده",
                                        "أوردته", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "أوضحه", "أوضحته"))
_GOD_NAME = "الله"  # the speaker a praise formula after a speech verb names (`قال الله تعالى`, `وقال تعالى`)
_VERSE_OPENERS = "(﴿«\"“{"  # a verse is set off in parentheses, ornate brackets or quotation marks
_NOUN_CUE_OPENERS = frozenset(key(w) for w in ("جاء", "وجاء", "كان", "وكان"))
_NOUN_CUES = frozenset(key(w) for w in ("تأكيد", "تشديد", "تحذير", "تنويه", "إشارة"))  # `وجاء تأكيد الأمانة … على`
_NOUN_CUE_NEXT = frozenset(key(w) for w in ("على", "إلى", "أن", "بأن"))
_FROM = key("عن")
_WAY = key("طريق")  # `عن طريق`: "by way of", never what `عبر … عن` expresses
_FROM_HIM = frozenset(key(w) for w in ("عنه", "عنها"))
_SAYING = frozenset(key(w) for w in ("قوله", "قولها", "القول"))
_THAT_OBJECT = key("ذلك")  # `أوضح ذلك فلان`: the object before the subject
_DEMONSTRATIVES = frozenset(key(w) for w in ("تلك", "هذه", "هذا", "ذلك", "هؤلاء"))
_FRONTED = frozenset(key(w) for w in ("وعن", "وحول", "وفي", "وبشأن", "وردا", "وردًا", "وبخصوص", "وفيما", "وعلى"))
_REVERSED = re.compile(r"(?<=\w)»(\w+)\s?«")  # `ل»الجزيرة «`: one word in reversed guillemets glued to ل, no quotation
_COLON_REVERSED = re.compile(r":\s*»")  # `وأضاف:»تتضمن التعديلات …`: a reversed guillemet opens the quotation


def _quote_spans(text: str) -> list:
    """Quotation spans of a statement; a short name in reversed guillemets (`»الجزيرة«`) opens none, and a
    reversed guillemet after a colon right after the verb (`وأضاف:»…«`) opens one that runs to the end."""
    if "»" not in text:
        return quote_spans(text)
    if "«" in text:
        text = _REVERSED.sub(lambda m: " " + m.group(1) + " " * (len(m.group()) - len(m.group(1)) - 1), text)
    m = _COLON_REVERSED.search(text, 0, 40)
    if m is None or "«" in text[:m.start()] or text[:m.start()].count(" ") > 3:
        return quote_spans(text)
    return [(m.end() - 1, len(text))]  # the verb's content is quoted to the end of the statement


_NEGATIONS = frozenset(key(w) for w in ("لم", "ولم", "لن", "ولن"))
_IN_IT = frozenset(key(w) for w in ("فيه", "فيها", "فيهما"))
_SPEECH_NOUNS = frozenset(key(w) for w in ("بيان", "إعلان", "كلمة", "تصريح", "رسالة", "خطاب", "تغريدة", "مقابلة", "حديث", "مداخلة",
                                           "محاضرة", "تقرير", "منشور", "مقال", "افتتاحية", "برقية", "تصريحات"))
_AUXILIARIES = frozenset(key(w) for w in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "ظل", "ظلت", "ظلوا",
                                          "راح", "راحت", "بات", "باتت", "مازال", "لازال", "يزال", "تزال"))
_FRONTED_PLACE = frozenset(key(w) for w in ("وفي", "في", "وخلال", "خلال", "وعقب", "عقب", "وبعد", "بعد"))
_SETTING_OPENERS = frozenset(key(w) for w in ("أثناء", "خلال", "لدى", "عقب", "إثر", "اثر", "قبيل", "بعيد"))
_DATIVES = frozenset(key(w) for w in ("له", "لها", "لهم", "لهن", "لي", "لنا", "لك", "لكم"))
_SON_OF = frozenset(key(w) for w in ("ابن", "بن", "أبو", "ابو", "أم"))
_OBJECT_PREPOSITIONS = frozenset(key(w) for w in ("على", "عن", "إلى", "الى"))
_CLAUSE_OPENERS = frozenset(key(w) for w in ("بعدها", "ثم", "كما", "وقد", "قد", "بعد", "ذلك", "فيما", "حيث", "من", "جانبه",
                                             "جانبها", "جهته", "جهتها", "بدوره", "بدورها", "أما", "وأما", "فيما"))


@dataclass(frozen=True, slots=True)
class CueRules:
    finite: dict[str, str]  # folded form → number: "one", "dual", "plural"
    strict: dict[str, str]  # forms written with a shadda, folded with the shadda kept
    unmarked: frozenset[str]  # وبين: a cue only at a clause start with a subject and أن after it
    quoting: frozenset[str]  # participles that introduce a quotation (قائلا)
    participles: frozenset[str]
    sources: tuple[tuple[str, ...], ...]
    source_starts: frozenset[str]
    constrained: dict[str, frozenset[str]] = field(default_factory=dict)  # form → words one must follow the subject
    attitude: frozenset[str] = frozenset()  # constrained forms taking a noun of attitude (`أبدى … تفاؤلا`)
    adjuncts: frozenset[str] = frozenset()  # `على`, `في`: a phrase between coordinated subjects and their verb
    agent_links: frozenset[str] = frozenset()  # `حيث`: its clause goes on with the genitive person before it
    returns_to: tuple[tuple[str, ...], ...] = ()  # `وبالعودة إلى`: its object is the subject of the ف-clause
    stance_openers: frozenset[str] = frozenset()  # `استنكر`: no speech, but its titled subject speaks next
    quantifiers: frozenset[str] = frozenset()  # `جميع`: before the noun of those a verb calls on
    met_openers: frozenset[str] = frozenset()  # `والتقينا ب`: the reporter met the person who speaks next
    presenters: frozenset[str] = frozenset()  # `قدمها`: the lecture's presenter, named after it, speaks in it
    deliverers: frozenset[str] = frozenset()  # `ألقى`: its subject authors the speech noun it delivers
    fronted_links: frozenset[str] = frozenset()  # `إذ`: after a fronted body, whose ل-verb of purpose then speaks
    modals: frozenset[str] = frozenset()  # `يجب`: opens what is said after a cue, never its subject
    divine: tuple[tuple[str, ...], ...] = ()  # `الله تعالى`, `تعالى`: God speaks the verse after the verb
    expecting: frozenset[str] = frozenset()  # `يتوقع`: a cue only with a body, role or group read right after it
    renewals: frozenset[str] = frozenset()  # `وجدد`: before `التأكيد`, the clause goes on with the last speaker
    renewed_nouns: frozenset[str] = frozenset()  # `التأكيد`


def _strict_key(raw: str) -> str:
    return fold(raw.replace(_SHADDA, _STRICT_MARK))


def _noun_forms(nouns: list) -> frozenset[str]:
    """`تفاؤل` → تفاؤل, تفاؤلا, تفاؤله, تفاؤلها, تفاؤلهم; `دهشة` → دهشة, دهشته, دهشتها …: a noun as the object
    of a verb, bare, accusative or with a possessive suffix."""
    out: set[str] = set()
    for noun in map(str, nouns):
        stem = noun[:-1] + "ت" if noun.endswith("ة") else noun
        out.update(key(w) for w in (noun, noun + "ا" if stem == noun else noun, stem + "ه", stem + "ها", stem + "هم",
                                    stem + "هما"))
    return frozenset(out)


def _build(data: dict[str, list]) -> CueRules:
    finite: dict[str, str] = {}
    strict: dict[str, str] = {}
    for verb in data.get("verbs", []):
        for number, forms in (("one", verb.get("forms")), ("dual", verb.get("dual")), ("plural", verb.get("plural"))):
            for form in forms or []:
                (strict if _SHADDA in form else finite)[_strict_key(form) if _SHADDA in form else key(form)] = number
    participles: dict[str, list] = {}
    for entry in data.get("participles", []):
        for kind, forms in (entry or {}).items():
            participles.setdefault(kind, []).extend(forms or [])
    quoting = frozenset(key(f) for f in participles.get("introduces_quote", []))
    sources = tuple(tuple(key(w) for w in str(s).split()) for s in data.get("sources", []))
    constrained: dict[str, frozenset[str]] = {}
    attitude: set[str] = set()
    for entry in data.get("constrained", []):
        if (entry or {}).get("after_nouns"):
            attitude.update(key(str(form)) for form in entry.get("forms", []))
        after = frozenset(key(str(w)) for w in (entry or {}).get("after", [])) | _noun_forms(
            (entry or {}).get("after_nouns", []))
        for form in (entry or {}).get("forms", []):
            constrained[key(str(form))] = after
    return CueRules(
        finite=finite, strict=strict, quoting=quoting, unmarked=frozenset(key(f) for f in data.get("unmarked", [])),
        participles=quoting | frozenset(key(f) for f in participles.get("other", [])),
        sources=sources, source_starts=frozenset(p[0] for p in sources),
        constrained=constrained, attitude=frozenset(attitude),
        adjuncts=frozenset(key(str(w)) for w in data.get("adjuncts", [])),
        agent_links=frozenset(key(str(w)) for w in data.get("agent_links", [])),
        returns_to=tuple(tuple(key(w) for w in str(s).split()) for s in data.get("returns_to", [])),
        stance_openers=frozenset(key(str(w)) for w in data.get("stance_openers", [])),
        quantifiers=frozenset(key(str(w)) for w in data.get("quantifiers", [])),
        met_openers=frozenset(key(str(w)) for w in data.get("met_openers", [])),
        presenters=frozenset(key(str(w)) for w in data.get("presenters", [])),
        deliverers=frozenset(key(str(w)) for w in data.get("deliverers", [])),
        fronted_links=frozenset(key(str(w)) for w in data.get("fronted_links", [])),
        modals=frozenset(key(str(w)) for w in data.get("modals", [])),
        expecting=frozenset(key(str(w)) for w in data.get("expecting", [])),
        renewals=frozenset(key(str(w)) for w in data.get("renewals", [])),
        renewed_nouns=frozenset(key(str(w)) for w in data.get("renewed_nouns", [])),
        divine=tuple(sorted((tuple(key(w) for w in str(s).split()) for s in data.get("divine", [])), key=len,
                            reverse=True)),
    )


def cue_rules() -> CueRules:
    return lexicons.cached("cues", _build)


def _cue_keys(cr: CueRules) -> frozenset[str]:
    return frozenset(cr.finite) | frozenset(p + k for k in cr.finite for p in "وف") | cr.participles


_CUE_KEYS: dict[int, tuple[CueRules, frozenset[str]]] = {}  # id(rules) → (rules, cue keys)


def cue_keys() -> frozenset[str]:
    """Every form `is_cue` accepts (`قال`, `وقال`, `فقال`, `قائلا`) under the cue rules in force, computed once."""
    cr = cue_rules()
    cached = _CUE_KEYS.get(id(cr))
    if cached is None or cached[0] is not cr:
        cached = _CUE_KEYS[id(cr)] = (cr, _cue_keys(cr))
    return cached[1]


@dataclass(slots=True)
class _Event:
    speaker: str
    name: str | None
    role: str | None
    cue: str
    mode: str
    co: list[str] = field(default_factory=list)
    via: str | None = None
    explicit: bool = True
    end: int = 0  # token after the subject
    canonical: str | None = None  # the earlier full mention a bare definite head refers to
    antecedent: bool = True  # a later cue without a subject may continue this speaker
    anchored: bool = False  # the subject parse was anchored (role, institution, or all name words known)
    clean: bool = False  # the subject parse ended at punctuation or a stop word
    exact_role: bool = False  # a role left when a misread name was dropped: resolve it only as written
    lone: bool = False  # one unlisted word read only because a hard end closed it: no later cue goes on with it


class _Attributor:
    issuer: Who | None
    reporter: Who | None  # `وأعلن البنك في تقريره أن`: the body whose report a later `وأشار التقرير` quotes

    def __init__(self, cr: CueRules, sr: SpeakerRules) -> None:
        self.cr, self.sr = cr, sr
        cached = _GATES.get((id(cr), id(sr)))
        if cached is None or cached[0] is not cr or cached[1] is not sr:
            triggers = _triggers(cr)
            cue_keys = _cue_keys(cr)
            cached = _GATES[(id(cr), id(sr))] = (cr, sr, triggers, _Gate(triggers, sr.role_heads | sr.honorifics | _duals(sr)),
                                                 _source_anchors(cr), cue_keys)
        self.triggers, self.gate, self.source_anchors, cue_keys = cached[2], cached[3], cached[4], cached[5]
        self.cue_keys: frozenset[str] = cue_keys  # `قال`, `وقال`, `فقال`, `قائلا`: the keys is_cue accepts
        self.parser = Parser(sr, self.is_cue, cue_keys=cue_keys)
        self.english_state = ArticleState()  # one attributor per article, so this is the article's
        self.plural_own = False

    def number(self, t: Token) -> str | None:
        """"one"/"dual"/"plural" when the token is a finite speech verb (with or without و/ف), else None."""
        k = t.key
        found = self.cr.finite.get(k) or (self.cr.finite.get(k[1:]) if k[:1] in "وف" and len(k) > 3 else None)
        if found is None and _SHADDA in t.raw:
            sk = _strict_key(t.raw)
            found = self.cr.strict.get(sk) or (self.cr.strict.get(sk[1:]) if sk[:1] in "وف" else None)
        return found

    def present(self, k: str) -> bool:
        """`يقول`, `تؤكد`, `ويقولون`: a present-tense cue (ت only where the same form with ي is a cue too, so the past
        `تابع` is not one)."""
        k = k[1:] if k[:1] in ("و", "ف") and len(k) > 3 else k
        return k[:1] == "ي" or k[:1] == "ت" and "ي" + k[1:] in self.cue_keys

    def is_cue(self, k: str) -> bool:
        """A finite speech verb (with or without و/ف) or a participle."""
        return k in self.cue_keys

    def participle(self, t: Token) -> bool:
        return t.key in self.cr.participles

    # -- one statement -------------------------------------------------------------------------------------
    def statement(self, st: Statement, toks: list[Token], inv: Inventory, last: _Event | None) -> _Event | None:
        text = self._text = st.text
        self._last = last
        self.unread = False  # set when a speech verb's own subject is there but could not be read
        self.plural_own = False  # set when a plural cue's subject is the unread plural after the sentence's verb
        if not toks:
            return None
        if _LATIN.search(text) and not _ARABIC.search(text):
            return self.english(text, last)
        triggers = self.triggers
        if _SHADDA in text:
            hits = [i for i, t in enumerate(toks) if t.key in triggers or _SHADDA in t.raw]
        else:
            hits = [i for i, t in enumerate(toks) if t.key in triggers]
        if not hits and ":" not in text:
            return None  # no speech verb, participle or source phrase, and no `NAME:` headline
        spans = self._spans = _quote_spans(text)
        headline = self.headline(st, toks, inv, spans)
        if headline or not hits:
            return headline
        fronted = self.fronted(text, toks, spans)
        if fronted is not None:
            return fronted
        if hits[0] == 1 and toks[0].key in _NOUN_CUE_OPENERS:
            noun = self.noun_cue(text, toks, spans)
            if noun is not None:
                return noun
        fallback: _Event | None = None
        source: _Event | None = None
        failed = False  # a speech verb whose subject is there but could not be read
        for i in hits:
            t = toks[i]
            if spans and any(a < t.start < b for a, b in spans):
                continue  # inside a quotation
            before = toks[i - 1].key if i else ""
            if before and (before in self.sr.blockers or before[:1] == "و" and before[1:] in self.sr.blockers) \
                    and not t.barrier:
                if before in _RELATIVES and self.number(t) is not None:
                    event = self.relative(text, toks, i, spans)
                    if event is not None:
                        return event
                continue
            if t.key in self.cr.expecting or t.key[:1] in "وف" and t.key[1:] in self.cr.expecting:
                expected = self.expected(text, toks, i, spans)
                if expected is not None:
                    return expected
                continue  # `ويتوقع هطول امطار`, `يتوقع أن`: it is expected, nobody's speech
            if t.key in self.cr.renewals or t.key[:1] in "وف" and t.key[1:] in self.cr.renewals:
                if fallback is None and i + 1 < len(toks) and toks[i + 1].key in self.cr.renewed_nouns \
                        and not toks[i + 1].barrier and self.opens_clause(toks, i):
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 2, spans, t))  # `وجدد التأكيد على أن`
                continue
            number = self.number(t)
            after = self.constrained(t) if number is None else None
            if after is not None:
                if i and not t.barrier and toks[i - 1].key[:1] in "بل" and len(toks[i - 1].key) > 3 \
                        and not self.opens_clause(toks, i):
                    continue  # `بهدف حث المواطنين على`: a verbal noun inside a clause, not its verb
                event = self.finite(text, toks, i, "one", inv, spans)
                nxt = self.told_to(text, toks, _past_setting(toks, _past_aside(text, toks, event.end)), spans) \
                    if event is not None \
                    else len(toks)  # (`عبّر مواطنون … ل"الرياض"، عن`: the outlet told, then the word the verb needs)
                if event is not None and not event.via and nxt + 1 < len(toks) and toks[nxt].key == _FROM \
                        and toks[nxt + 1].key == _WAY:
                    event = None  # `التسجيل عبر موقع الوزارة، عن طريق الجوال`: "via … by way of", nothing expressed
                if event is not None and (event.via or nxt < len(toks) and toks[nxt].key in after):
                    if t.key in self.cr.attitude or t.key[1:] in self.cr.attitude:
                        self.reported_by(text, toks, event, hits, spans)
                    return event  # `نقل التلفزيون عن المعلم`, `واختتم الوزير تصريحه`
                if event is None and fallback is None and i + 1 < len(toks) and not toks[i + 1].barrier \
                        and toks[i + 1].key in after and self.opens_clause(toks, i):
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 1, spans, t))  # `ولفت إلى أن`
                continue
            if number is None and t.key in self.cr.unmarked and (i == 0 or t.barrier):
                event = self.finite(text, toks, i, "one", inv, spans)
                if event is not None and event.explicit and event.end < len(toks) and toks[event.end].key in _COMPLEMENTIZERS:
                    return event
                if fallback is None and i + 2 < len(toks) and toks[i + 1].key in self.sr.pronoun_subjects \
                        and toks[i + 2].key in _COMPLEMENTIZERS:  # `وبين سموه أن`: the last speaker
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 2, spans, t))
                if fallback is None and i == 0 and t.key[:1] in "وف" and i + 1 < len(toks) \
                        and toks[i + 1].key in _COMPLEMENTIZERS and not toks[i + 1].barrier:
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 1, spans, t))  # `وبين أن`
                continue
            if number is None:
                if fallback is None and self.participle(t) and not self.adjectival(toks, i):
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 1, spans, t),
                                              "plural" if t.key.endswith("ين") else "one")
                if source is None:
                    back = self.source_anchors.get(t.key, self.source_anchors.get(t.key[1:]))
                    if back is not None and i >= back:
                        source = self.source(text, toks, i - back)
                continue
            if i and not t.barrier and toks[i - 1].key in self.sr.documents:
                crowd = self.chanted_by(text, toks, i)
                if crowd is not None:
                    return self._event(crowd, t.raw, self.mode(text, toks, i + 1, spans, t))
                continue  # `هتافات تقول "…"`, `تقرير يقول`: the document or chant before the verb is its subject
            if number == "one":
                verse = self.verse(text, toks, i)
                if verse is not None:
                    return verse
            if i + 2 < len(toks) and toks[i + 1].key == _FROM and not toks[i + 1].barrier and not toks[i + 2].barrier \
                    and t.key[-3:] in ("نقل", "قلت") and last is not None and not last.name and not last.role:
                quoted = self.parser.subject(toks, i + 2, min(len(toks), i + 22), text)  # `ونقلت عن الشرعية اليمنية`
                if quoted is None or not (quoted.anchored or quoted.clean) or quoted.co:
                    continue  # a body quoting someone unread: nobody, not the body itself
                inner = self._event(quoted, t.raw, self.mode(text, toks, quoted.end, spans, t))
                inner.via = last.speaker  # the press review or outlet that quotes
                return inner
            self.parser.object_cut = False
            event = self.finite(text, toks, i, number, inv, spans)
            if event is not None:
                return event
            if not self.parser.object_cut and number == "one" and (
                    self.subjectless_ok(toks, i) or not self.subject_like(toks, i + 1)):  # (`وقال يجب أن`: a modal)
                lecturer = self.presenter(toks, i)
                if lecturer is not None:
                    return self._event(lecturer, t.raw, self.mode(text, toks, i + 1, spans, t))
            if self.parser.object_cut or self.subjectless_ok(toks, i):
                if fallback is None and (self.parser.object_cut or self.opens_clause(toks, i)):  # `وطالب المحكمة بالتحقيق`: the object; the subject is the last speaker
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 1, spans, t), number)
                    if fallback is not None and i < 3:
                        return fallback  # the main clause's verb wins over verbs in what it reports
            elif self.invites(toks, i):  # `ودعا الشعب اليمني … إلى الوقوف`: the people invited, not a subject
                if fallback is None and self.opens_clause(toks, i):
                    fallback = self.continued(toks, i, inv, last, self.mode(text, toks, i + 1, spans, t), number)
            elif self.subject_like(toks, i + 1):
                if last is not None and toks[i + 1].key in _name_keys(last) and not (
                        toks[i + 1].key in self.sr.role_heads and not last.name
                        and not self.parser.ends_after(toks, i + 2, len(toks))
                        and toks[i + 2].key not in _name_keys(last)):  # `مدير الحجوزات` is not `مدير شركة إيلاف`
                    return _Event(last.speaker, last.name, last.role, t.raw,
                                  self.mode(text, toks, i + 2, spans, t), via=last.via, exact_role=last.exact_role)  # `وأضاف البراك أن`
                failed = True
            elif t.raw[:1] in "وف" and i + 1 < len(toks) and not toks[i + 1].barrier:
                failed = True  # `… وأعرب والد الطفلة … عن شكره، وأضاف`: an unread subject of its own comes first
        if failed and fallback is not None and not fallback.explicit:
            fallback = None  # the sentence has a subject of its own, unread: no speaker beats a wrong one
        self.unread = (failed or self.plural_own) and source is None and fallback is None
        return source or fallback

    def fronted(self, text: str, toks: list[Token], spans) -> _Event | None:
        """`ووزارة الداخلية إذ تعلن ذلك لتؤكد للجميع …`: a body fronted as the sentence's topic, a circumstantial `إذ`
        clause, then a ل-verb of purpose that is a speech verb: the body says it (cue: that verb)."""
        if len(toks) < 5 or toks[0].key[:1] != "و" or toks[0].key[1:] not in self.sr.institutions:
            return None
        e = next((n for n in range(2, min(len(toks), 8)) if toks[n].key in self.cr.fronted_links), 0)
        if not e or any(t.barrier for t in toks[1:e + 1]):
            return None
        for n in range(e + 2, min(len(toks), e + 6)):
            k = toks[n].key
            if toks[n].barrier:
                return None
            if k[:1] == "ل" and self.cr.finite.get(k[1:]) == "one":
                who = Who(speaker=text[toks[0].start + 1:toks[e - 1].end], role=None, name=None, end=e,
                          clean=True, anchored=True)
                return self._event(who, toks[n].raw, self.mode(text, toks, n + 1, spans, toks[n]))
        return None

    def verse(self, text: str, toks: list[Token], i: int) -> _Event | None:
        """`قال الله تعالى ( … )`, `وقال تعالى ( … )`: a praise formula after the verb names God, and the verse in
        parentheses or quotation marks right after it is His speech, quoted; it is nobody a later cue continues."""
        for phrase in self.cr.divine:
            j = i + 1 + len(phrase)
            if j > len(toks) or any(toks[i + 1 + n].key != w or (n and toks[i + 1 + n].barrier)
                                    for n, w in enumerate(phrase)):
                continue
            rest = text[toks[j - 1].end:].lstrip(" :")
            if not rest or rest[0] not in _VERSE_OPENERS:
                return None
            return _Event(_GOD_NAME, None, None, toks[i].raw, "direct", end=j, antecedent=False, anchored=True,
                          clean=True)
        return None

    def noun_cue(self, text: str, toks: list[Token], spans) -> _Event | None:
        """`وجاء تأكيد الأمانة العامة … على`, `وكان تشديد الوزارة على أنه`: the author of a speech noun that opens
        the statement after `جاء`/`كان` speaks, when a role, body or title anchors it and على/إلى/أن follows it."""
        n = len(toks)
        if n < 4 or toks[1].key not in _NOUN_CUES or toks[1].barrier or toks[2].barrier:
            return None
        who = self.parser.subject(toks, 2, min(n, 22), text)
        if who is None or not who.anchored or who.end >= n or toks[who.end].barrier \
                or toks[who.end].key not in _NOUN_CUE_NEXT:
            return None
        return self._event(who, toks[1].raw, self.mode(text, toks, who.end + 1, spans, toks[1]))

    def reported_by(self, text: str, toks: list[Token], event: _Event, hits: list[int], spans) -> None:
        """`أبدى ريس تفاؤلا …، وقال: «…»`: an attitude verb gives the speaker; a later speech verb of the same
        sentence with no subject of its own (outside quotations) introduces what is reported, so its cue and mode."""
        for j in hits:
            if j <= event.end:
                continue
            t = toks[j]
            if spans and any(a < t.start < b for a, b in spans):
                continue
            if self.number(t) is None or (toks[j - 1].key in self.sr.blockers and not t.barrier):
                continue
            if j + 1 < len(toks) and not toks[j + 1].barrier and self.subject_like(toks, j + 1) \
                    and toks[j + 1].key not in _COMPLEMENTIZERS:
                return  # a verb with a subject of its own: another report
            event.cue, event.mode = t.raw, self.mode(text, toks, j + 1, spans, t)
            return

    def expected(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`ويتوقع الخبراء، أن`, `حيث يتوقع المعهد الألماني لأبحاث الاقتصاد أن`, `ويتوقع البنك المركزي في تقريره نموا`:
        the present `يتوقع` is often impersonal (`ويتوقع هطول امطار`, `يتوقع أن`), so it speaks only for a definite body,
        role or group read right after it, closed cleanly, and never continues the last speaker."""
        j = i + 1
        if j >= len(toks) or toks[j].barrier or not toks[j].al or not (
                toks[j].key in self.sr.institutions or toks[j].key in self.sr.groups or toks[j].key in self.sr.role_heads):
            return None
        who = self.parser.subject(toks, j, min(len(toks), j + 20), text)
        if who is None or not who.anchored or not who.clean or who.co or who.end >= len(toks):
            return None
        nxt = toks[who.end]
        if nxt.key not in _COMPLEMENTIZERS and nxt.key not in self.sr.settings and nxt.key != key("في"):
            return None
        return self._event(who, toks[i].raw, self.mode(text, toks, who.end, spans, toks[i]))

    def described(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`من جهته وصف إبراهيم الصاعدي شاطئ " شرم أبحر " بأنه`: when the subject read runs on into the object of
        `وصف` and `بأنه` closes that object within a few words, the shortest name of two words or more closed by a
        family name with ال speaks, if its first word is a listed given name or every word is known in the article."""
        end = next((k for k in range(i + 2, min(len(toks), i + 14)) if toks[k].key in _AS_BEING), -1)
        if end < 0 or any(self.is_cue(t.key) or t.key in _COMPLEMENTIZERS for t in toks[i + 1:end]):
            return None
        for lim in range(i + 3, min(end, i + 6)):
            if toks[lim].barrier and not toks[lim - 1].al:
                return None
            who = self.parser.subject(toks, i + 1, lim, text)
            if who is None or who.end != lim or not who.name or who.co or who.role or not toks[lim - 1].al \
                    or len(who.name.split()) < 2 or end - lim > 6:
                continue
            words = who.name.split()
            if key(words[0]) in self.sr.given_names or all(key(w) in self.parser.known for w in words):
                return self._event(who, toks[i].raw, self.mode(text, toks, end, spans, toks[i]))
            return None
        return None

    def plural_like(self, speaker: str) -> bool:
        """`مصادر …`, `أهالي …`, `مسؤولون`, `الحكومة`: a speaker a plural verb can continue (a group, a plural, a
        body), not `مندوب بالمنظمة`."""
        k = key(speaker.split()[0]) if speaker.split() else ""
        bare = k[2:] if k.startswith("ال") else k
        return (k in self.sr.groups or k in self.sr.institutions or k in self.sr.outlets or bare in ("مصادر", "قيادات")
                or (len(bare) > 4 and bare.endswith(("ون", "ين", "ات"))))

    def invites(self, toks: list[Token], i: int) -> bool:
        """`دعا` + a definite common noun + `إلى` within a few words: the noun is who is called on (`ودعا الشعب
        اليمني بمختلف مكوناته إلى`), not the verb's subject; no role, body, group or name opens it."""
        t = toks[i]
        if t.key not in _INVITE or i + 2 >= len(toks):
            return False
        j = i + 1
        if toks[j].key in self.cr.quantifiers and not toks[j].barrier and t.key.endswith("ا"):
            j += 1  # `ودعا جميع المستفيدين إلى`: all of those called on (not `ودعت جميع الفصائل`: they may be its subject)
        nxt = toks[j]
        sr = self.sr
        if nxt.barrier or not nxt.al or nxt.key in sr.role_heads or nxt.key in sr.institutions or nxt.key in sr.groups \
                or nxt.key in sr.given_names or nxt.key in sr.honorifics or nxt.key in sr.outlets:
            return False
        for x in toks[j + 1:j + 7]:
            if x.key == _ILA:
                return True
            if x.barrier:
                return False
        return False

    def opens_clause(self, toks: list[Token], i: int) -> bool:
        """The verb can continue the last speaker: first in the statement, joined by و/ف, after `كما`, `من جانبه`,
        or with a pronoun subject (`أكد معاليه`). A bare verb inside a clause is passive (`، أُعلن عن مقتل`) or
        heads a relative clause (`بعد تقارير غربية أشارت إلى`)."""
        t = toks[i]
        return (i == 0 or t.raw[:1] in "وف" or all(x.key in _CLAUSE_OPENERS for x in toks[:i])
                or (toks[i - 1].raw in ("و", "ف") and not t.barrier and (i == 1 or toks[i - 1].barrier))  # `، و أوضح أن`
                or (toks[0].key in _FRONTED and i < 24 and not any(self.number(x) for x in toks[1:i])
                    and self.content_follows(toks, i))
                or (i + 1 < len(toks) and toks[i + 1].key in self.sr.pronoun_subjects))

    def content_follows(self, toks: list[Token], i: int) -> bool:
        """What was said follows the verb at once: a colon or quotation (`أجاب «…»`), أن/إن, or a modal or first-person
        opening (`وعن الأسعار قال أعتقد أنها مناسبة`)."""
        if i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        if nxt.key in _COMPLEMENTIZERS or (not nxt.barrier and (nxt.key in _STANCE or nxt.key in self.cr.modals)):
            return True
        gap = self._text[toks[i].end:nxt.start]
        return nxt.barrier and any(c in gap for c in ':"«“')

    def adjectival(self, toks: list[Token], i: int) -> bool:
        """A feminine participle right after an indefinite feminine noun is its adjective (`رقابة مشددة`), not a cue."""
        if i == 0 or toks[i].barrier or not toks[i].key.endswith("ه"):
            return False
        prev = toks[i - 1]
        return prev.raw.endswith("ة") and not prev.al and prev.key not in _COMPLEMENTIZERS

    def constrained(self, t: Token) -> frozenset[str] | None:
        k = t.key
        found = self.cr.constrained.get(k)
        if found is None and k[:1] in "وف" and len(k) > 3:
            found = self.cr.constrained.get(k[1:])
        return found

    def subject_like(self, toks: list[Token], j: int) -> bool:
        """Something that starts a subject follows the verb (a name, a role, a title, an institution)."""
        if j >= len(toks) or toks[j].barrier:
            return False
        t, r = toks[j], self.sr
        return (t.key not in _COMPLEMENTIZERS and t.key not in _AFTER_SUBJECTLESS and not self.parser.objectish(t)) and (
            self.parser.name_like(t) or t.key in r.role_heads or t.key in r.honorifics or t.key in r.institutions)

    def relative(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`… مع طارق رفاعي المتحدث الرسمي، والذي أفاد بأن`: the person named right before الذي;
        `الذي أكدت فيه مصادر مطلعة أن`: the subject after فيه."""
        n = len(toks)
        if i + 2 < n and toks[i + 1].key in _IN_IT and not toks[i + 2].barrier \
                and toks[i + 2].key not in _COMPLEMENTIZERS:
            who = self.parser.subject(toks, i + 2, min(n, i + 22), text)
            if who is not None and (who.anchored or who.clean):
                return self._event(who, toks[i].raw, self.mode(text, toks, who.end, spans, toks[i]))
            return None
        rel = i - 1
        for j in range(max(0, rel - 12), rel):
            t = toks[j]
            if not (self.parser.name_like(t) or t.key in self.sr.honorifics or t.key in self.sr.role_heads):
                continue
            who = self.parser.subject(toks, j, rel, text)
            if who is not None and who.name and who.end == rel and (
                    who.anchored or key(who.name.split()[0]) in self.sr.given_names):
                return self._event(who, toks[i].raw, self.mode(text, toks, i + 1, spans, toks[i]))
        return None

    def in_it(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`وأصدرت اللجنة بيانا أكدت فيه أن`: the subject of the clause that holds the speech noun."""
        n = i - 1
        noun = toks[n].key.rstrip("ا") if n >= 1 else ""
        glued = noun[:1] == "ب" and noun[1:] in _SPEECH_NOUNS  # `واستهل الحمزي الاجتماع بكلمة أكد فيها`
        if n < 1 or (noun not in _SPEECH_NOUNS and not glued) or (toks[n].barrier and (
                glued or text[toks[n - 1].end:toks[n].start].strip() not in ("،", ","))):
            return self.authored(text, toks, i, spans)  # (`… محمد حمد العمري، كلمة أشار فيها`: a comma may come)
        delivered = self.delivered(text, toks, i, spans)
        if delivered is not None:
            return delivered  # (before a group or aside between them: `بحضور عدد من القيادات، كلمة`)
        c = max((k for k in range(n) if toks[k].barrier), default=0)
        for v in (c, c + 1):
            if v + 1 >= n or (v > c and toks[c].key not in _CLAUSE_OPENERS):
                break
            who = self.parser.subject(toks, v + 1, n, text)
            if who is not None and who.end < n and glued and who.name and n - who.end <= 2 and all(
                    x.al and not x.barrier and x.key not in self.sr.role_heads and x.key not in self.sr.institutions
                    for x in toks[who.end:n]):
                who.end = n  # `الحمزي الاجتماع بكلمة`: the verb's object before the speech noun
            if who is not None and who.end == n and (who.anchored or (who.name and len(who.name.split()) >= 2)):
                return self._event(who, toks[i].raw, self.mode(text, toks, i + 2, spans, toks[i]))
        return None

    def delivered(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`وألقى قائد عام المخيم محمد فايل رعدان خلال حفل الافتتاح … بحضور …، كلمة أوضح فيها أن`: the speech noun is
        the object of the delivering verb that opens the sentence, so its role-introduced subject, named right after
        the verb, speaks; no other speech verb may come between (it could have a subject of its own)."""
        n = i - 1
        if n < 3 or toks[n].key.rstrip("ا") not in _SPEECH_NOUNS:
            return None
        v = 0 if toks[0].key not in _CLAUSE_OPENERS else 1
        head = toks[v].key
        if head not in self.cr.deliverers and not (head[:1] in "وف" and head[1:] in self.cr.deliverers):
            return None
        who = self.parser.subject(toks, v + 1, n, text)
        if who is None or not who.name or not who.role or not who.anchored or who.end > n:
            return None
        if any(self.number(t) is not None or self.participle(t) for t in toks[who.end:n]):
            return None
        return self._event(who, toks[i].raw, self.mode(text, toks, i + 2, spans, toks[i]))

    def authored(self, text: str, toks: list[Token], i: int, spans) -> _Event | None:
        """`تغريدة كتبها د.ريان كركدان في تويتر قال فيها:`: the author of the speech noun that `فيها` points back
        to, named right after the verb that made it (`كتبها`, `نشرها`), with no other verb or role before the cue."""
        for n in range(i - 2, max(-1, i - 12), -1):
            t = toks[n]
            if t.barrier and n < i - 1 or self.number(t) is not None:
                return None
            if t.key.rstrip("ا") not in _SPEECH_NOUNS or n + 2 >= i:
                continue
            verb = toks[n + 1]
            if verb.barrier or not verb.key.endswith(("ها", "ه")) or len(verb.key) < 4 or verb.al:
                return None
            who = self.parser.subject(toks, n + 2, i, text)
            if who is None or not who.name or not (who.anchored or len(who.name.split()) >= 2):
                return None
            rest = toks[who.end:i]
            if rest and (rest[0].key != "في" or any(x.key in self.sr.role_heads or x.barrier for x in rest)):
                return None  # only a setting (`في تويتر`) may come between the author and the cue
            return self._event(who, toks[i].raw, self.mode(text, toks, i + 2, spans, toks[i]))
        return None

    def continued(self, toks: list[Token], i: int, inv: Inventory, last: _Event | None, mode: str,
                  number: str = "one") -> _Event | None:
        """A cue without a subject: a person introduced earlier in the sentence by a role or title
        (`وعبّر والد الشهيد الشيخ علي بن ياسين العمري … مبيناً`), else the last speaker."""
        r = self.sr
        if i >= 2 and self.meeting(toks):
            met = self.met(toks, i)  # the person met speaks, never the last speaker (`والتقينا بمحمد في السوق وقال`)
            return self._event(met, toks[i].raw, mode) if met is not None else None
        for j in range(1, min(i, 7)):
            verb = j - 1  # the clause's verb: first in the sentence, after a comma, or after `من جانبه،`, `كما`
            vos = j == 2 and (toks[0].key in r.non_speech or toks[0].key[:1] in "وف" and toks[0].key[1:] in r.non_speech) \
                and toks[1].al and toks[1].raw.endswith("ة") and not toks[0].raw.endswith("ت") \
                and not toks[1].barrier and not toks[2].barrier  # `والتقى اللجنة رئيس الهيئة فلان …، مؤكدا`: a masculine
            # verb, so the feminine noun after it is its object and the role after that its subject (not `والتقى الوزير رئيس`)
            if not (vos or verb == 0 or toks[verb].barrier or all(x.key in _CLAUSE_OPENERS or x.key in _NEGATIONS
                                                                  for x in toks[:verb])):  # (`لم يخف عضو الشرف فلان امتعاضه`)
                continue
            if toks[j].key in r.role_heads or toks[j].key in r.honorifics or (
                    toks[j].key in r.given_names and not toks[j].barrier
                    and all(x.key in _CLAUSE_OPENERS for x in toks[:verb])):
                who = self.parser.subject(toks, j, i, self._text)
                object_cut = False
                if (toks[i].barrier or toks[i].key in self.cr.quoting) and toks[j].key not in r.given_names \
                        and (who is None or who.end >= i or not who.clean):
                    cut = self.before_object(toks, j, i)  # `واجتمع مدير الكرة فلان بأعضاء الفريق، مبيناً`
                    if cut is not None:
                        who, object_cut = cut, True
                if who is not None and not who.anchored and toks[j].key in r.given_names and who.name and not who.co \
                        and who.clean and len(who.name.split()) >= 2 and who.end < i \
                        and (toks[who.end].barrier or toks[who.end].key in _AFTER_SUBJECTLESS):
                    who = replace(who, anchored=True)  # `رد حاتم العريبي على …، قائلا`: a given name and a family name,
                    # then a comma or the verb's preposition: the participle's subject is the sentence's
                if who is not None and who.end < i and toks[who.end].key in _THANKS and not toks[who.end].barrier:
                    object_cut = True  # `ورفع رئيس المدينة الشكر والتقدير لخادم الحرمين …، معلناً`: the thanks open the object
                if who is not None and who.anchored and who.end < i and (
                        (who.name and (who.clean or key(who.name.split()[-1]).startswith("ال")))  # `سعيد الحارثي`
                        or (not who.name and (object_cut or self.parser.ends_after(toks, who.end, i)))):
                    a = self.apposed(toks, who, i)
                    object_cut = object_cut or a == who.end and a < i and not toks[a].barrier \
                        and toks[a].key in _OBJECT_PREPOSITIONS  # `وتحدث قائد الفريق فلان عن معسكر الفريق، قائلاً`
                    if any((x.key in r.role_heads or x.key in r.honorifics)
                           and (m == a or x.barrier or toks[m - 1].key[:1] == "و" or not object_cut)
                           for m, x in enumerate(toks[a:i], a)):  # (`رعاية سمو أمير …`: a genitive in the object)
                        if toks[j].key not in r.role_heads and toks[j].key not in r.honorifics:
                            continue
                        return None  # `احتفى رئيس البعثة فلان … وعبر مدير المنتخب فلان … وقال`: two subjects, unsure
                    return self._event(who, toks[i].raw, mode)
                if toks[j].key not in r.role_heads and toks[j].key not in r.honorifics:
                    continue  # a given name not read whole says nothing here (the role-headed subjects above do)
                if last is None or not (_same_person(who, last) if who is not None else
                                        bool(last.role) and name_key(last.role).startswith(name_key(_words(toks, j, 2)))):  # type: ignore[arg-type]
                    return None  # `من جهته ثمّن مدير … اللواء صالح آل طالب الجهود، منوهًا`: its own subject, unread
                break  # `وتقدم مفتي مصر بخالص العزاء …، داعيًا`: the last speaker, named again
        if toks[i].key[:1] == "و" and not toks[i].barrier:
            for g in range(1, i - 1):
                k = toks[g].key
                if k[:1] != "ل" or k[1:] not in r.role_heads:
                    continue
                held = [token(toks[g].start + 1, toks[g].end, toks[g].raw[1:], toks[g].barrier)] + toks[g + 1:i]
                who = self.parser.subject(held, 0, len(held), self._text)
                if who is None or not who.name or not who.anchored or last is not None and _same_person(who, last):
                    continue
                if any(t.key in self.cr.agent_links for t in toks[g + who.end:min(i, g + who.end + 4)]):
                    return self._event(who, toks[i].raw, mode)  # `زيارة لوزير الدفاع آشتون كارتر إلى بغداد حيث
                    # التقى … وأكد`: the person in the genitive is the subject the joined verbs go on with
                return None  # a person named in a genitive may be the subject: unsure, so not the last speaker
        if number == "plural" and i > 2 and toks[i].barrier and not toks[0].al and self.number(toks[0]) is None \
                and not self.participle(toks[0]) and (toks[1].key in r.quantifiers or toks[1].key in r.groups
                                                      or self.own_plural_subject(toks, i)):
            who = self.before_object(toks, 1, i, True)  # `أثنى عدد من قادة القطاعات … على …، مؤكدين`, `واستنكر يمنيون هذه
            if who is not None:  # الخطوة، مشيرين`: the people after the opening verb, read up to its object
                return self._event(who, toks[i].raw, mode)
        if last is None or (number == "plural" and not last.co and (last.name or not self.plural_like(last.speaker))):
            return None  # `لكن محللين حذروا`: a plural verb does not continue one named person or one official
        if number == "plural" and self.own_plural_subject(toks, i):
            self.plural_own = True  # `واستنكر يمنيون هذه الخطوة، مشيرين`: the people after the verb, unread; the
            return None  # turn ends
        if toks[0].key not in _FRONTED and any(t.key in _RELATIVES for t in toks[:i]):
            return None  # `… من طهران التي تحدثت عن …، وقالت`: the subject is what the clause named
            # (not `وحول الشكاوي التي على النادي … قال «…»`: the relative qualifies the fronted topic)
        if last.name and not last.via and self.feminine_verb(toks[i].key) != self.feminine_verb(key(last.cue)) \
                and self.number(toks[i]) == "one" and self.number(token(0, 0, last.cue)) == "one":
            return None  # `فقال لوبين: …` then `وقالت إن`: a woman's verb does not go on with a man named before
        return _Event(last.speaker, last.name, last.role, toks[i].raw, mode, via=last.via, exact_role=last.exact_role, explicit=False)

    def before_object(self, toks: list[Token], j: int, i: int, people: bool = False) -> Who | None:
        """The sentence opens on a verb that is no speech and a role-headed subject whose parse runs into the verb's
        object (`وثمن مدير عام الزراعة بالمنطقة رعاية سمو …`, `واجتمع مدير الكرة صالح آل سالم بأعضاء الفريق`):
        the subject read up to the object's first word, when it ends exactly there."""
        r = self.sr
        for k in range(j + 1, i):
            t = toks[k]
            if t.barrier:
                return None  # a comma before the object: the plain parse had its chance
            head = t.key[1:] if t.key[:1] in "بل" and len(t.key) > 4 else ""
            definite = (head.startswith("ال") or k + 1 < i and toks[k + 1].al) and not any(
                (toks[m].key in r.honorifics or toks[m].key in r.role_heads or toks[m].key in r.given_names)
                and m + 1 < i and not toks[m + 1].barrier and self.parser.name_like(toks[m + 1])
                for m in range(k + 1, min(k + 4, i)))
            # (`مدير العلاقات العامة بالقوات المسلحة اللواء فلان`: the role's own place, a title after it)
            if not (t.key in r.objects or t.key in _OBJECT_PREPOSITIONS or t.key in _DEMONSTRATIVES
                    or head and definite and t.key not in r.role_words and t.key not in r.given_names
                    and head[2:] not in r.role_heads and head not in r.role_heads and head not in r.institutions
                    and head not in r.place_nouns):
                continue
            who = self.parser.subject(toks, j, k, self._text)
            if who is not None and who.end == k and (who.anchored or people) and not who.co:
                return replace(who, clean=True)
            return None
        return None

    def apposed(self, toks: list[Token], who: Who, i: int) -> int:
        """After a named subject, a role set off by commas and then the verb's preposition is the subject's own
        (`رد حاتم العريبي، الناطق باسم الوزارة، على …`): the index past it, else the subject's end."""
        e = who.end
        if not who.name or e >= i or not toks[e].barrier or toks[e].key not in self.sr.role_heads:
            return e
        k = next((k for k in range(e + 1, i) if toks[k].barrier), i)
        return k if k < i and toks[k].key in _AFTER_SUBJECTLESS and toks[k].key not in self.cr.participles else e

    def own_plural_subject(self, toks: list[Token], i: int) -> bool:
        """The sentence opens with a verb that is no speech (`واستنكر`, `وتظاهر`) and an indefinite plural of people
        right after it: the plural participle or verb later in the sentence has that subject."""
        if i < 3 or toks[1].barrier or toks[1].al:
            return False
        k0 = toks[0].key[1:] if toks[0].key[:1] in "وف" else toks[0].key
        k1 = toks[1].key
        return (k0 in self.cr.stance_openers or k0 in self.sr.non_speech) and len(k1) > 4 \
            and k1.endswith(("ون", "ين")) and k1 not in self.sr.given_names

    def feminine_verb(self, k: str) -> bool:
        """A finite verb in its feminine singular (`وقالت`, `أكدت`): the masculine without ت is a speech verb too, so
        `ولفت` stays masculine; a verb in ى drops it (`نفى` → `نفت`)."""
        k = k[1:] if k[:1] in "وف" and len(k) > 3 else k
        return k.endswith("ت") and (k[:-1] in self.cr.finite or k[:-1] + "ي" in self.cr.finite
                                    or k[:-1] + "ى" in self.cr.finite)

    def presenter(self, toks: list[Token], i: int) -> Who | None:
        """`ورشة عمل … قدمها الدكتور أسامة عبدالسلام … حيث ناقش … وقال`: the titled person who presented the lecture
        is the subject of a later subjectless cue in its sentence, when no other titled or role-introduced person
        comes between (a role that names him again, `وختم الباحث الصالح`, may)."""
        r = self.sr
        for g in range(i - 1, 0, -1):
            if toks[g].key not in self.cr.presenters:
                continue
            if g + 1 >= i or toks[g + 1].barrier or toks[g + 1].key not in r.honorifics:
                return None
            who = self.parser.subject(toks, g + 1, i, self._text)
            if who is None or not who.name or not who.anchored or len(who.name.split()) < 2 or who.end >= i:
                return None
            names = frozenset(key(w) for w in who.name.split())
            for n in range(who.end, i):
                x = toks[n]
                if (x.key in r.role_heads or x.key in r.honorifics) and not (
                        n + 1 < i and toks[n + 1].key in names) and not (
                        not x.barrier and not toks[n - 1].al and toks[n - 1].key.endswith("ات")):
                    return None  # (`صفات الباحث الناجح`: a genitive after a plural noun introduces nobody)
            return who
        return None

    def meeting(self, toks: list[Token]) -> bool:
        k = toks[0].key
        return k in self.cr.met_openers or k[:1] == "و" and k[1:] in self.cr.met_openers

    def met(self, toks: list[Token], i: int) -> Who | None:
        """`والتقينا بأحد مرتادي العين صالح بن أحمد …، وقال`: a sentence opened by the reporter's meeting verb goes on
        with the person met; only a name led by a listed given name and run to two words or more, closed by the
        comma before the cue, is taken."""
        if i < 3 or not toks[i].barrier or toks[1].key[:1] != "ب":
            return None
        for j in range(1, min(i, 10)):
            if toks[j].key not in self.sr.given_names or toks[j].barrier and j > 1:
                continue
            who = self.parser.subject(toks, j, i, self._text)
            if who is not None and who.name and len(who.name.split()) >= 2 and who.clean \
                    and not any(x.barrier for x in toks[j + 1:who.end]):
                return who
            return None
        return None

    def finite(self, text: str, toks: list[Token], i: int, number: str, inv: Inventory, spans) -> _Event | None:
        cue = toks[i].raw
        nxt = i + 1
        who = None
        if nxt < len(toks) and toks[nxt].key in self.sr.pronoun_subjects:
            return None  # `كما أكد معاليه`: continues the last speaker
        if i > 1 and (toks[i - 1].key == _SO_HAS or cue[:1] == "ف" and toks[i].key[1:] in self.cr.finite) \
                and any(t.key in _AMMA for t in toks[max(0, i - 12):i - 1]):
            who = self.svo(text, toks, i)  # `أما أمين العلي فقد أكد حرصه`: the topic is the subject, not `حرصه`
            if who is not None and (who.name or who.role):  # (not `أما المشروع فقد أكد أهميته`: a topic, no speaker)
                return self._event(who, cue, self.mode(text, toks, i + 1, spans, toks[i]))
        if i > 2 and (toks[i - 1].key == _SO_HAS or cue[:1] == "ف" and toks[i].key[1:] in self.cr.finite):
            who = self.returned_to(text, toks, i)
            if who is not None:
                return self._event(who, cue, self.mode(text, toks, i + 1, spans, toks[i]))
        if i and toks[i - 1].key in _AUXILIARIES and not toks[i].barrier:
            who = self.svo(text, toks, i)  # `فرسولنا الكريم كان يقول بورك لأمتي`: after an auxiliary the subject
            if who is not None and (who.name or who.role):  # stands before it; what follows is what is said
                return self._event(who, cue, self.mode(text, toks, i + 1, spans, toks[i]))
            if self.present(toks[i].key):
                return None
            # a past verb after `كان` is a pluperfect whose subject follows it (`وكانت أعلنت وزارة الصحة أن`)
        if nxt < len(toks) and toks[nxt].key in self.cr.modals:
            return None  # `وقال يجب أن`, `وأضاف تمت مناقشة`: what is said begins at once, no subject to read
        if nxt < len(toks) and toks[nxt].key in _IN_IT:
            if nxt + 1 < len(toks) and not toks[nxt + 1].barrier and toks[nxt + 1].key not in _COMPLEMENTIZERS \
                    and toks[nxt + 1].key not in _AFTER_SUBJECTLESS:
                who = self.parser.subject(toks, nxt + 1, min(len(toks), nxt + 21), text)  # `أكدت فيه مصادر`
                if who is not None and (who.anchored or who.clean):
                    return self._event(who, cue, self.mode(text, toks, who.end, spans, toks[i]))
                return None
            return self.in_it(text, toks, i, spans)
        if nxt < len(toks) and toks[nxt].key in _STATEMENT_DOCS and not toks[nxt].barrier:
            return self.issued(text, toks, i, nxt, spans)  # `وقال البيان إن`: the body that issued it, or nobody
        if nxt + 1 < len(toks) and toks[nxt].key in _REPORTS and not toks[nxt].barrier and self.reporter is not None:
            return self.report_of(text, toks, i, nxt, spans)
        if i and nxt + 1 < len(toks) and toks[i - 1].key in _WHAT and toks[nxt].key in _RESUMPTIVE \
                and not toks[nxt].barrier and not toks[nxt + 1].barrier:
            said = self.parser.subject(toks, nxt + 1, min(len(toks), nxt + 21), text)  # `ما صرح به قائد الثورة علي خامنئي`
            if said is None or not said.anchored or not said.clean or said.co:
                return None
            return self._event(said, cue, self.mode(text, toks, said.end, spans, toks[i]))
        skip = self.told_to(text, toks, nxt, spans)
        if skip > nxt:  # `وأكد لـ"الاقتصادية" مصدر خاص أن`: the outlet told comes before the subject
            who = self.parser.subject(toks, skip, min(len(toks), skip + 20), text)
            if who is not None and not (who.anchored or who.clean):
                who = None
            if who is None:
                who = self.named_then_role(text, toks, skip)
        elif nxt + 2 < len(toks) and toks[nxt].key in _DATIVES and not toks[nxt].barrier and not toks[nxt + 1].barrier \
                and (toks[nxt + 1].al or toks[nxt + 1].key in self.sr.role_heads or toks[nxt + 1].key in self.sr.honorifics
                     or toks[nxt + 1].key in self.sr.given_names or toks[nxt + 1].key in _SON_OF):
            who = self.parser.subject(toks, nxt + 1, min(len(toks), nxt + 21), text)  # `فقال له ابن العباس..`,
            if who is not None and not (  # `فقالت لي الصديقة «…»`: the one told comes first; the subject must end at
                    (who.end >= len(toks) or toks[who.end].barrier or toks[who.end].key in _COMPLEMENTIZERS)
                    and not who.co  # punctuation or أن/إن, each word known
                    and all(key(w) in self.sr.given_names or key(w) in _SON_OF or key(w) in self.parser.known
                            or key(w) in self.sr.role_heads or key(w) in self.sr.honorifics
                            or key(w).startswith("ال") for w in who.speaker.split())):  # (not `ابن العباس أنشدنا فأنشد`)
                who = None
        elif nxt + 1 < len(toks) and toks[nxt].key in _DEMONSTRATIVES and toks[nxt + 1].al and not toks[nxt + 1].barrier:
            who = self.parser.subject(toks, nxt + 1, min(len(toks), nxt + 21), text)  # `وأكدت تلك المصادر أن`
        elif nxt + 1 < len(toks) and toks[nxt].key == _THAT_OBJECT and not toks[nxt + 1].barrier \
                and (toks[nxt + 1].key in self.sr.given_names or toks[nxt + 1].key in self.sr.honorifics
                     or toks[nxt + 1].key in self.sr.role_heads):
            who = self.parser.subject(toks, nxt + 1, min(len(toks), nxt + 21), text)  # `أوضح ذلك ابراهيم العنزي`
        elif nxt < len(toks) and not toks[nxt].barrier:
            who = self.parser.subject(toks, nxt, min(len(toks), nxt + 20), text)
        elif nxt < len(toks):
            who = self.quoted_subject(text, toks, i, spans)
        if who is not None:
            nested = self.nested(text, toks, who, cue, spans)
            if nested:
                return nested
            return self._event(who, cue, self.mode(text, toks, who.end, spans, toks[i]))
        who = self.svo(text, toks, i) or self.topic(text, toks, i)
        if who is None:
            earlier = self.pluperfect(text, toks, i, spans)
            if earlier is not None:
                event = self._event(earlier, cue, self.mode(text, toks, i + 1, spans, toks[i]))
                event.antecedent = not toks[1].barrier  # a quoted body's earlier report is nobody a later cue goes on with
                return event
        if who is not None:
            nested = self.nested(text, toks, Who(who.speaker, who.role, who.name, end=i + 1), cue, spans)
            if nested:
                return nested  # `وكانت الوكالة قد نقلت عن الوزير قوله`: the minister, via the agency
            return self._event(who, cue, self.mode(text, toks, i + 1, spans, toks[i]))
        if (toks[i].key in _DESCRIBE or toks[i].key[1:] in _DESCRIBE and toks[i].key[:1] in "وف") and nxt < len(toks) \
                and not toks[nxt].barrier:
            return self.described(text, toks, i, spans)
        if number in ("dual", "plural"):
            people = inv.mentions(toks, i)
            if len(people) >= 2:
                return _Event(people[0], people[0], None, cue, self.mode(text, toks, i + 1, spans, toks[i]), co=people[1:])
        return None

    def quoted_body(self, inner: list[Token], toks: list[Token]) -> bool:
        """`بينما قالت «جبهة الوطنيين المتحدة» على موقعها إنها`: a quoted body (an institution word, then adjectives),
        with the sentence going on after it."""
        sr = self.sr
        if not 2 <= len(inner) <= 4 or inner[0].key not in sr.institutions or inner[0].al:
            return False
        last = toks.index(inner[-1])
        return last + 1 < len(toks) and all(
            t.al and t.key not in sr.documents and not self.parser.stops_here(t.key) for t in inner[1:])

    def issued(self, text: str, toks: list[Token], i: int, j: int, spans) -> _Event | None:
        """`وقال بيان صادر عن الجيش إن` → الجيش; `وقال البيان إن` → who issued the article's statement
        (`أصدرت وزارة الداخلية بيانا`), else no speaker: a document does not speak."""
        n = len(toks)
        k = j + 1
        if k < n and toks[k].key in _ISSUED and not toks[k].barrier:
            k += 1
            if k < n and toks[k].key == "عن":
                who = self.parser.subject(toks, k + 1, min(n, k + 15), text)
                if who is not None and who.anchored and who.clean:
                    return self._event(who, toks[i].raw, self.mode(text, toks, who.end, spans, toks[i]))
                return None
        elif k < n and toks[j].key == _A_STATEMENT and toks[k].al and not toks[k].barrier \
                and toks[k].key not in self.sr.documents:
            who = self.parser.subject(toks, k, min(n, k + 12), text)  # `قال بيان الرئاسة "…"`: the genitive issues it
            if who is not None and who.anchored and who.clean and not who.co:
                self.issuer = who
                return self._event(who, toks[i].raw, self.mode(text, toks, who.end, spans, toks[i]))
            return None
        if self.issuer is None or (k < n and toks[k].key not in _COMPLEMENTIZERS and toks[k].key not in _ISSUER_NEXT):
            return None
        if k + 2 < n and toks[k].key in _COMPLEMENTIZERS and (
                toks[k + 1].key in self.sr.pronoun_subjects or self.number(toks[k + 1]) is not None
                or self.number(toks[k + 2]) is not None):
            return None  # `وأفاد البيان أن سموه قال`: the statement reports someone else's words
        who = self.issuer
        return _Event(who.speaker, who.name, who.role, toks[i].raw, self.mode(text, toks, j + 1, spans, toks[i]))

    def report_of(self, text: str, toks: list[Token], i: int, j: int, spans) -> _Event | None:
        """`وأعلن البنك في تقريره الشهري أن …`, then `وأشار التقرير إلى أن`: the report the body spoke in speaks for it
        when the verb's complement follows at once; a report nobody was said to speak in stays a document."""
        k = j + 1
        if toks[k].barrier or toks[k].key not in _COMPLEMENTIZERS and toks[k].key not in _ISSUER_NEXT:
            return None
        if k + 2 < len(toks) and toks[k].key in _COMPLEMENTIZERS and (
                toks[k + 1].key in self.sr.pronoun_subjects or self.number(toks[k + 1]) is not None
                or self.number(toks[k + 2]) is not None):
            return None  # the report quotes someone else
        who = self.reporter
        if who is None:
            return None
        return _Event(who.speaker, who.name, who.role, toks[i].raw, self.mode(text, toks, k, spans, toks[i]))

    def note_speaking_issuer(self, event: _Event, toks: list[Token]) -> None:
        """`وأوضحت الوزارة في بيان لها أن`: a body that speaks in a statement issues it, for a later `وأضاف البيان`;
        one that speaks `في تقريره` is the author of the report a later `وأشار التقرير` quotes."""
        j = event.end
        if event.explicit and not event.via and 0 < j < len(toks) - 1 and toks[j].key == "في" \
                and toks[j + 1].key in _ITS_REPORT and not toks[j + 1].barrier and not event.name:
            self.reporter = Who(speaker=event.speaker, role=event.role, name=event.name)
        if event.explicit and not event.via and 0 < j < len(toks) - 1 and toks[j].key == "في" \
                and toks[j + 1].key in _STATEMENT_OBJECTS and not toks[j + 1].barrier:
            self.issuer = Who(speaker=event.speaker, role=event.role, name=event.name)

    def note_issuer(self, text: str, toks: list[Token]) -> None:
        """Remember who issued a statement (`أصدرت وزارة الداخلية بيانا`) for a later `وقال البيان`."""
        for i, t in enumerate(toks):
            if t.key not in _ISSUE:
                continue
            for k in range(i + 2, min(len(toks), i + 14)):
                if toks[k].barrier:
                    break
                if toks[k].key in _STATEMENT_OBJECTS:
                    who = self.parser.subject(toks, i + 1, k, text)
                    if who is not None and who.end == k and who.anchored:
                        self.issuer = who
                    break

    def named_then_role(self, text: str, toks: list[Token], j: int) -> Who | None:
        """After the outlet told (`يوضح ل "الاقتصادية"، ريتشار مار المختص النفطي أن`): two name-like words the lists
        lack, then a role that ends at a comma or أن/إن, are the person who speaks (the told-to phrase says a subject
        follows; the role vouches for the name)."""
        c = j + 2
        if c >= len(toks) or toks[j + 1].barrier or toks[c].barrier or toks[c].key not in self.sr.role_heads \
                or not (self.parser.name_like(toks[j]) and self.parser.name_like(toks[j + 1])):
            return None
        e = c + 1
        while e < len(toks) and e < c + 4 and not toks[e].barrier and toks[e].al and not self.parser.stops_here(toks[e].key):
            e += 1
        if e >= len(toks) or not (toks[e].barrier or toks[e].key in _COMPLEMENTIZERS):
            return None
        k = e + 1 if toks[e].barrier and toks[e].key not in _COMPLEMENTIZERS else e
        if k >= len(toks) or toks[k].key not in _COMPLEMENTIZERS:
            return None
        name = text[toks[j].start:toks[j + 1].end]
        return Who(speaker=name, role=text[toks[c].start:toks[e - 1].end], name=name, end=e, clean=True, anchored=True)

    @staticmethod
    def told_to(text: str, toks: list[Token], j: int, spans) -> int:
        """After `لـ«عكاظ»`, `ل "الاقتصادية"` at token j: the index of the token after the closing quote, else j."""
        if j + 1 >= len(toks) or toks[j].key != "ل" or not toks[j + 1].barrier:
            return j
        for a, b in spans:
            if toks[j].end <= a < toks[j + 1].start:
                k = j + 1
                while k < len(toks) and toks[k].start < b:
                    k += 1
                if k - j - 1 <= 3 and k < len(toks) and not text[b:toks[k].start].strip(" \"”»'،,"):
                    return k
                return j
        return j

    def quoted_subject(self, text: str, toks: list[Token], i: int, spans) -> Who | None:
        """`وقالت "فارو"`, `وأعلنت « ولاية سيناء»`: a short quoted name right after the verb."""
        for a, b in spans:
            if a >= toks[i].end and not text[toks[i].end:a].strip():
                inner = [t for t in toks if a < t.start and t.end < b]
                if inner and inner[-1] is toks[-1]:
                    return None  # `أجاب «قدمنا عروضنا»`: a quotation that ends the sentence is what was said
                if 0 < len(inner) <= 3 and all(self.parser.name_like(t) or t.key in self.sr.institutions for t in inner) \
                        or self.quoted_body(inner, toks):
                    end = toks.index(inner[-1]) + 1
                    return Who(speaker=text[inner[0].start:inner[-1].end], role=None,
                               name=text[inner[0].start:inner[-1].end], end=end, clean=True, anchored=True)
            if a >= toks[i].end:
                break
        return None

    def nested(self, text: str, toks: list[Token], outer: Who, cue: str, spans) -> _Event | None:
        """`ذكرت وكالة … أن روحاني أكد …` → روحاني via the agency; `نقلت الوكالة عن الوزير` likewise."""
        first = key(outer.speaker.split()[0])
        if outer.end >= len(toks):
            return None
        j = outer.end
        quoting = toks[j].key == _FROM and key(cue)[-3:] in ("نقل", "قلت")  # `ونقل التلفزيون عن المعلم`
        if first not in self.sr.outlets and not quoting:
            return None
        last = self._last
        if last is not None and last.name and j + 1 < len(toks) and not toks[j + 1].barrier and (
                toks[j].key in _HIM and self.number(toks[j + 1]) is not None  # `ذكرت الوكالة أنه أكد أن`
                or toks[j].key in _FROM_HIM and key(cue)[-3:] in ("نقل", "قلت")):  # `نقلت الوكالة عنه قوله`
            return _Event(last.speaker, last.name, last.role, cue if toks[j].key in _FROM_HIM else toks[j + 1].raw,
                          self.mode(text, toks, j + 2, spans, toks[j + 1]), via=outer.speaker)
        if quoting:
            inner = self.parser.subject(toks, j + 1, min(len(toks), j + 12), text)
            if inner is None and j + 2 < len(toks) and toks[j + 1].al and toks[j + 1].key in self.parser.known \
                    and not toks[j + 2].barrier and toks[j + 2].key in _SAYING:
                inner = Who(toks[j + 1].raw, None, toks[j + 1].raw, end=j + 2, clean=True, anchored=True)
                # `ونقل التلفزيون السوري عن المعلم قوله`: the family name of someone the article named
            if inner is not None:
                event = self._event(inner, cue, self.mode(text, toks, inner.end, spans, toks[j]))
                event.via = outer.speaker
                return event
            return None
        if toks[j].key not in _COMPLEMENTIZERS:
            return None
        for c in range(j + 2, min(len(toks), j + 9)):
            if toks[c].barrier:
                break
            if self.number(toks[c]) is not None:
                end = c - 1 if toks[c - 1].key in (key("قد"),) else c
                inner = self.parser.subject(toks, j + 1, end, text)
                if inner is not None and inner.end == end:
                    event = self._event(inner, toks[c].raw, self.mode(text, toks, c + 1, spans, toks[c]))
                    event.via = outer.speaker
                    return event
                break
        return None

    def svo(self, text: str, toks: list[Token], i: int) -> Who | None:
        """A subject before the verb: `يشار إلى أن الرئيس الروسي أعلن`, `وكان الوزير قد أكد`; after `أما` the
        subject is the topic the ف-clause comments on (`أما أمين العلي فقد أكد`, `أما سعيد الغامدي فيقول`)."""
        so = i > 0 and (toks[i - 1].key == _SO_HAS or toks[i].key[:1] == "ف" and toks[i].key[1:] in self.cr.finite)
        end = i - 1 if i and (toks[i - 1].key in (key("قد"), key("وقد"), _SO_HAS) or toks[i - 1].key in _AUXILIARIES) \
            else i  # (`الرئيس كان يقول`)
        start = end
        reach = 14 if so and any(t.key in _AMMA for t in toks[max(0, end - 15):end]) else 10  # (`أما شيخ شمل قبائل
        # ربيعة ورفيدة وبني ثوعة الشيخ تركي بن عبدالوهاب المتحمي فقال`: a long topic)
        while start > 0 and end - start < reach and not toks[start].barrier:
            if toks[start - 1].key in _SVO_OPENERS:
                break
            start -= 1
        if start == end or (start > 0 and not toks[start].barrier and toks[start - 1].key not in _SVO_OPENERS):
            return None
        who = self.parser.subject(toks, start, end, text)
        if who is not None and who.co and who.anchored and who.end < end and self.number(toks[i]) in ("dual", "plural") \
                and toks[who.end].key in self.cr.adjuncts and not any(t.barrier or self.is_cue(t.key) for t in toks[who.end:end]):
            return who  # `المرصد السوري … وانصار الأسد على وسائل التواصل الاجتماعي ذكروا`: where the second subject
            # speaks qualifies it; the plural verb has both
        if who is None or who.end != end:
            return None
        if who.anchored:
            return who
        if so and start > 0 and toks[start - 1].key in _AMMA and who.name and not who.co and not who.role and (
                key(who.name.split()[0]) in self.sr.given_names
                or all(key(w) in self.parser.known for w in who.name.split())):
            return who  # (a name the list or the article vouches for: `أما لوبين فقد قال` after `… لوبين`)
        return None

    def pluperfect(self, text: str, toks: list[Token], i: int, spans) -> Who | None:
        """`وكانت «الشرق الأوسط» قد أشارت`, `وكان السيسي؛ قد أوضح`: the subject between `كان` and `قد` opens the
        statement. A short name set off in quotation marks there is a body or an outlet (the quotes say it is a name);
        an unquoted one speaks when a punctuation mark closes it before قد (svo reads the others) and the parser reads
        it whole, anchored or named in full elsewhere in the article."""
        if i < 3 or i > 8 or toks[i - 1].key != _QAD or toks[0].key not in _WAS or toks[1].key in _SVO_OPENERS:
            return None
        inner = toks[1:i - 1]
        if any(self.is_cue(t.key) or t.key in self.sr.blockers for t in inner):
            return None
        for a, b in spans:
            if a < toks[0].end or a >= inner[0].start:
                continue
            if len(inner) <= 4 and inner[-1].end <= b and not text[toks[0].end:a].strip() \
                    and not text[b + 1:toks[i - 1].start].strip(" ،,؛") \
                    and all(self.parser.name_like(t) or t.key in self.sr.institutions or t.al for t in inner):
                return Who(speaker=text[inner[0].start:inner[-1].end], role=None,
                           name=text[inner[0].start:inner[-1].end], end=i - 1, clean=True, anchored=True)
            return None
        if not toks[i - 1].barrier or text[inner[-1].end:toks[i - 1].start].strip() not in _SUBJECT_CLOSE \
                or any(t.barrier for t in inner[1:]):
            return None
        who = self.parser.subject(toks, 1, i - 1, text)
        if who is None or who.end != i - 1 or who.co:
            return None
        if who.anchored or who.name and not who.role and all(key(w) in self.parser.known for w in who.name.split()):
            return who
        return None

    def chanted_by(self, text: str, toks: list[Token], i: int) -> Who | None:
        """`ردد المحتجون في مظاهرة السبت هتافات تقول "…"`: a group just before what it chants, with only a setting
        between, is who speaks; the chant itself is no speaker."""
        for g in range(i - 2, max(-1, i - 8), -1):
            if toks[g + 1].barrier:
                return None
            if toks[g].key in self.sr.groups and toks[g].al:
                end = g + 1  # the group and its adjectives (`المحتجون الغاضبون`), not the setting after them
                while end < i - 1 and toks[end].al and not toks[end].barrier and not self.parser.stops_here(toks[end].key):
                    end += 1
                who = self.parser.subject(toks, g, end, text)
                return who if who is not None and not who.name and not who.co else None
        return None

    def returned_to(self, text: str, toks: list[Token], i: int) -> Who | None:
        """`وبالعودة إلى هينشكليف فقد أكد`: the person the copy returns to is the ف-clause's subject; without this
        the verb continued whoever was quoted last. Only a person the article already names, as after أما."""
        end = i - 1 if toks[i - 1].key == _SO_HAS else i
        for phrase in self.cr.returns_to:
            n = len(phrase)
            if end <= n or any(toks[k].key != w for k, w in enumerate(phrase)) or any(t.barrier for t in toks[1:end]):
                continue
            who = self.parser.subject(toks, n, end, text)
            if who is None or who.end != end or who.co:
                return None
            if who.name and (who.anchored or not who.role and all(key(w) in self.parser.known for w in who.name.split())):
                return who  # (not `وبالعودة إلى المشروع فقد أكد`: a topic, no speaker)
            return None
        return None

    def topic(self, text: str, toks: list[Token], i: int) -> Who | None:
        """`غادة عبدالرازق، قالت في حوار`: a known name, then a comma, opens the statement before its verb."""
        if not 0 < i <= 5 or not toks[i].barrier or text[toks[i - 1].end:toks[i].start].strip() not in ("،", ","):
            return None
        if any(t.barrier for t in toks[1:i]):
            return None
        who = self.parser.subject(toks, 0, i, text)
        if who is None or who.end != i or not who.name or who.co:
            return None
        known = self.parser.known
        return who if all(key(w) in known for w in who.name.split()) else None

    def subjectless_ok(self, toks: list[Token], i: int) -> bool:
        """`وأضاف..`, `وأضاف أن`, `وأشار إلى`, `كما أكد معاليه`: the verb continues the last speaker."""
        if i + 1 >= len(toks):
            return True
        nxt = toks[i + 1]
        if nxt.key == "ل" and not nxt.barrier:
            skip = self.told_to(self._text, toks, i + 1, self._spans)
            if i + 1 < skip < len(toks) and toks[skip].key in _COMPLEMENTIZERS:
                return True  # `وأضاف لـ«الحياة»، أن`: the outlet told, then what was said; no subject of its own
        return (nxt.barrier or nxt.key in _COMPLEMENTIZERS or nxt.key in _AFTER_SUBJECTLESS
                or nxt.key in self.sr.pronoun_subjects or nxt.key in self.cr.participles  # `وأضاف مؤكدا`
                or nxt.key in self.cr.modals)  # `وأضاف تمت مناقشة`: what is said begins at once

    def source(self, text: str, toks: list[Token], i: int) -> _Event | None:
        """`بحسب منظمة الصحة العالمية`, `وفقا لـ…`, `نقلا عن …`: the speaker follows the phrase."""
        k = toks[i].key
        if k not in self.cr.source_starts and k[1:] not in self.cr.source_starts:
            return None
        for phrase in self.cr.sources:
            n = len(phrase)
            words = [t.key for t in toks[i:i + n]]
            if len(words) < n:
                continue
            if words[-1] != phrase[-1] and phrase[-1] == "ل" and words[-1].startswith("ل") and words[:-1] == list(phrase[:-1]):
                last = toks[i + n - 1]
                if last.key == _LI_WHAT and i + n + 1 < len(toks) and toks[i + n].key in _WHAT_SAID \
                        and not toks[i + n].barrier and not toks[i + n + 1].barrier:
                    rest = toks[i + n + 1:]  # `وفقا لما ذكره البيت الأبيض`: the subject of the relative clause
                    cue = text[toks[i].start:toks[i + n].end]
                else:
                    rest = [token(last.start + 1, last.end, last.raw[1:])] + toks[i + n:]
                    cue = text[toks[i].start:last.start + 1]
                s = _issuer_at(rest, 0)
                who = self.parser.subject(rest, s, min(len(rest), s + 10), text) if s < len(rest) else None
                issued = s > 0 and rest[0].key in _STATEMENT_DOCS
            elif words == list(phrase) or (words[0][:1] in "وف" and [words[0][1:]] + words[1:] == list(phrase)):
                j = _issuer_at(toks, i + n)  # `بحسب إعلان الجهاز المركزي للإحصاء`: the author of the statement
                who = self.parser.subject(toks, j, min(len(toks), j + 10), text) if j < len(toks) else None
                cue = text[toks[i].start:toks[i + n - 1].end]
                issued = j > i + n and toks[i + n].key in _STATEMENT_DOCS
            else:
                continue
            if who is not None and who.clean and not who.anchored and not issued and self._lone_source(who, text):
                who = replace(who, anchored=True)  # `ووفقا ل "رويترز"، فقد`, `وبحسب رويترز،`: one unlisted name, set off
            if who is not None and who.clean and who.anchored and who.speaker.count("(") == who.speaker.count(")"):
                if issued:
                    self.issuer = who  # `وفقا لبيان صادر عن رئاسة الجمهورية`: a later `وأشار البيان` is theirs
                event = self._event(who, cue, "indirect")  # (not `هيئة (آي`: cut inside its parentheses)
                event.antecedent = False  # `…، بحسب الجهاز المركزي`: a later `وقالت` is not its subject
                return event
        return None

    def _lone_source(self, who: Who, text: str) -> bool:
        """One unlisted name-like word after a source phrase, closed by a comma: the source quoted (an outlet, a
        person); not a plural, a feminine or a suffixed noun (`بحسب تقديرات،`, `بحسب قوله،`)."""
        if not who.name or who.name != who.speaker or " " in who.name.strip() or who.co or who.role:
            return False
        t = token(0, len(who.name), who.name.strip())
        raw = t.raw.rstrip(_MARKS)
        if t.al or not self.parser.name_like(t) or self.parser.objectish(t) or len(raw) < 4 \
                or raw.endswith(("ة", "ات", "ون", "ين", "ا", "تي")) or has_tanween(t.raw) or t.key in self.sr.not_subjects \
                or t.key in _SAME:  # (`وفق رؤيتي،`: my view; `لنفس المصدر`: the same source)
            return False
        after = text[text.find(who.name) + len(who.name):].lstrip(' "»”')
        return after[:1] in ("،", ",")

    def headline(self, st: Statement, toks: list[Token], inv: Inventory, spans) -> _Event | None:
        """`بيسكوف: …` — a known person's name before a colon."""
        colon = st.text.find(":")
        if colon < 0 or colon > _HEADLINE_COLON:
            return None
        n = sum(1 for t in toks if t.end <= colon)
        if not 0 < n <= 4 or (n < len(toks) and not toks[n].barrier):
            return None
        who = self.parser.subject(toks, 0, n, st.text)
        if who is None or who.end != n or not who.name or inv.fullest(who.name) == who.name and name_key(who.name) not in inv.people:
            return None
        return self._event(who, ":", self.mode(st.text, toks, n, spans, None))

    def mode(self, text: str, toks: list[Token], after: int, spans, cue: Token | None) -> str:
        """Direct when a quotation opens right after the subject (or after إن/قائلا) and carries the content."""
        start = toks[after - 1].end if 0 < after <= len(toks) else 0
        for a, b in spans:
            if a < start or len(text[a:b].split()) < 3:
                continue
            between = [t for t in toks[after:] if t.end <= a]
            if between and between[0].key[:1] == "ل" and between[0].key[1:] in self.sr.outlets:
                told = 1  # `وقال المتحدث لوكالة الصحافة الفرنسية … "…"`: the outlet told is no part of the report
                while told < len(between) and between[told].al and not between[told].barrier:
                    told += 1
                between = between[told:]
            for q, t in enumerate(between):
                if (t.key in self.cr.quoting or t.key in _SAYING) and all(x.key in _COMPLEMENTIZERS for x in between[q + 1:]):
                    return "direct"  # `قائلا إنه “…”`, `عن المعلم قوله إن «…»`
            if len(between) > 8:
                return "indirect"
            if not any(t.key in _COMPLEMENTIZERS for t in between) and not any(
                    t.key in self.cr.participles and t.key not in self.cr.quoting for t in between):
                return "direct"  # (`وأضاف مؤكدا نية «…»`: a quoted fragment inside reported content is indirect)
            if between and between[-1].key in _COMPLEMENTIZERS and (
                    not text[b:].strip(" .،,”\"»") or text[a:b].rstrip(" \"”»").endswith((".", "!", "?", "؟"))):
                return "direct"  # `قالت الحركة في بيان ان “…”.`, `وقال فلان أن "… استشهد."، وأضاف`: a whole sentence
            return "indirect"
        if 0 < after < len(toks) and toks[after].barrier and toks[after].key not in _COMPLEMENTIZERS \
                and text[toks[after - 1].end:toks[after].start].strip() in ("..", "…"):
            return "direct"  # `فقال له ابن العباس.. ما رأيت`: the words themselves, unquoted (not after a colon: mixed)
        return "indirect"

    def english(self, text: str, last: _Event | None) -> _Event | None:
        """English wire copy: see pipeline/english.py (the subject shapes, look-alikes, pronouns, documents)."""
        found = read_english(text, last.speaker if last is not None else None, self.english_state)
        if found is None:
            return None
        return _Event(found.speaker, found.name, found.role, found.cue, found.mode, explicit=found.explicit,
                      canonical=found.canonical, anchored=True, clean=True)

    def opener(self, text: str, toks: list[Token]) -> _Event | None:
        """`استنكر معالي مدير الجامعة الدكتور فلان، الحادث`: an article that opens on a stance verb with no content
        (not a cue) and a titled, role-introduced person as its subject goes on with `وقال`/`وأضاف` by that person.
        The verbs take a thing, never a person, as object, so the person after them is the subject."""
        if len(toks) < 4 or toks[1].barrier:
            return None
        if toks[1].key in _PRESS:  # `ركزت الصحف السودانية الصادرة اليوم على …`: a press review; the papers go on
            end = next((j for j in range(2, min(len(toks), 6)) if toks[j].key in _ISSUED_TODAY), -1)
            if end < 3 or any(toks[j].barrier or not toks[j].al for j in range(2, end + 1)):
                return None
            press = Who(speaker=text[toks[1].start:toks[end - 1].end], role=None, name=None, end=end, clean=True,
                        anchored=True)
            return self._event(press, toks[0].raw, "indirect")
        k = toks[0].key
        if k not in self.cr.stance_openers and not (k[:1] == "و" and k[1:] in self.cr.stance_openers):
            return None
        if toks[1].key not in self.sr.role_heads and toks[1].key not in self.sr.honorifics:
            return None
        who = self.parser.subject(toks, 1, min(len(toks), 30), text)
        if who is None or not who.name or not who.anchored or not who.clean or who.end >= len(toks) \
                or not toks[who.end].barrier:
            return None  # only a subject closed by its comma: a name run on is not safe to continue
        return self._event(who, toks[0].raw, "indirect")

    def introduced(self, text: str, toks: list[Token]) -> _Event | None:
        """A statement with no cue whose clause opens on a stance verb (`ثمن`, `أشاد`, `قدم`, `استنكر`) and a titled or
        role-headed person named in full (`وفي بداية الحفل قدم الدكتور نصيف الشكر …`): a later subjectless cue
        (`وقال: إن`) goes on with that person, not with the speaker quoted before."""
        self._text = text  # (before_object reads the statement's text)
        v = next((v for v in range(min(len(toks) - 2, 5))
                  if toks[v].key in self.cr.stance_openers
                  or toks[v].key[:1] in "وف" and toks[v].key[1:] in self.cr.stance_openers), None)
        if v is None or toks[v + 1].barrier:
            return None
        if v and not (toks[v].barrier or all(x.key in _CLAUSE_OPENERS for x in toks[:v])
                      or toks[0].key in _FRONTED_PLACE and not any(x.barrier for x in toks[1:v])):
            return None
        j = v + 1
        if toks[j].key not in self.sr.role_heads and toks[j].key not in self.sr.honorifics:
            return None
        limit = min(len(toks), j + 16)
        cut = next((m for m in range(j + 1, limit) if toks[m].key in self.sr.objects
                    or toks[m].al and toks[m].key[2:] in self.sr.objects), limit)  # `الشكر`: the object's noun
        who = self.parser.subject(toks, j, cut, text)
        if who is None or who.end >= limit or not who.clean:
            who = self.before_object(toks, j, cut)
        if who is None or not who.name or not who.anchored or who.co or len(who.name.split()) < 2 \
                and key(who.name) not in self.parser.known:
            return None
        words = [key(w) for w in who.name.split()]
        if words[0] not in self.sr.given_names and not all(w in self.parser.known for w in words):
            return None  # (`وقدم الفريق عرضا قويا`: a rank's look-alike and an object, no name)
        return self._event(who, toks[v].raw, "indirect")

    @staticmethod
    def _event(who: Who, cue: str, mode: str) -> _Event:
        return _Event(who.speaker, who.name, who.role, cue, mode, co=list(who.co), end=who.end,
                      anchored=who.anchored, clean=who.clean)


_GATES: dict[tuple[int, int], tuple] = {}  # (id(cue rules), id(speaker rules)) → (rules kept alive, triggers, gate)


_COLD, _ROLE, _CUE = 0, 1, 2
_HEADLINE_COLON = 60  # a headline's colon comes within its first 60 characters
_WORD = itemgetter(1)


class _Gate:
    """Whether a statement is worth tokenising: a cue, a colon or Latin text (it may report speech), a role or a
    title word (it may name someone for the article's inventory), or neither.

    Words are classified once (by their folded key) and remembered, so a statement costs a few set operations.
    """

    def __init__(self, triggers: frozenset[str], keys: frozenset[str]) -> None:
        self.triggers, self.keys = triggers, keys
        self.cue: set[str] = set()
        self.role: set[str] = set()
        self.cold: set[str] = set()

    def kind(self, text: str, pairs: list[tuple[str, str]]) -> int:
        if -1 < text.find(":") <= _HEADLINE_COLON or (_LATIN.search(text) and not _ARABIC.search(text)):
            return _CUE  # a `NAME:` headline may follow (see headline), or English text (see english)
        words = set(map(_WORD, pairs))
        if not self.cue.isdisjoint(words):
            return _CUE
        new = words - self.cold
        found = _COLD if self.role.isdisjoint(new) else _ROLE
        new -= self.role
        if not new:
            return found
        if len(self.cold) > 500_000:
            self.cue.clear()
            self.role.clear()
            self.cold.clear()
        for w in new:
            k = key(w)
            if k in self.triggers:
                self.cue.add(w)
                found = _CUE
            elif k in self.keys:
                self.role.add(w)
                found = max(found, _ROLE)
            else:
                self.cold.add(w)
        return found


def _triggers(cr: CueRules) -> frozenset[str]:
    """Token keys that can start anything in `_Attributor.statement` (with their و/ف forms); others are skipped."""
    base = set(cr.finite) | set(cr.participles) | set(cr.unmarked) | set(cr.constrained) | set(cr.expecting) \
        | set(cr.renewals)
    return frozenset(base | {p + k for k in base for p in "وف"} | set(_source_anchors(cr)) | _NOUN_CUES)


def _source_anchors(cr: CueRules) -> dict[str, int]:
    """The word that reveals each source phrase, and how far back its first word is: the phrase's longest word,
    so `على لسان` is looked for at لسان, not at every على."""
    out: dict[str, int] = {}
    for phrase in cr.sources:
        back = max(range(len(phrase)), key=lambda n: (len(phrase[n]), -n))
        for form in (phrase[back], "و" + phrase[back], "ف" + phrase[back]) if back == 0 else (phrase[back],):
            out.setdefault(form, back)
    return out


def _issuer_at(toks: list[Token], j: int) -> int:
    """After a source phrase at token j: where the author of a speech noun starts (`إعلان الجهاز المركزي`,
    `بيان صادر عن رئاسة الجمهورية`), else j. A statement noun says who issued it, or it is a document."""
    n = len(toks)
    if j + 1 >= n or toks[j].key not in _SPEECH_NOUNS or toks[j + 1].barrier:
        return j
    if toks[j + 1].key in _ISSUED and j + 3 < n and toks[j + 2].key == _FROM and not toks[j + 2].barrier \
            and not toks[j + 3].barrier:
        return j + 3
    return j + 1


def _past_aside(text: str, toks: list[Token], j: int) -> int:
    """The token after a short parenthesis that opens at token j (`لشركة سلامة للتأمين (سلامة)، عن شكره`: a body's
    short name between the subject and the word its verb needs), else j."""
    if j >= len(toks) or not toks[j].barrier or "(" not in text[toks[j - 1].end:toks[j].start]:
        return j
    for k in range(j + 1, min(j + 4, len(toks))):
        gap = text[toks[k - 1].end:toks[k].start]
        if ")" in gap:
            return k if "(" not in gap else j
    return j


def _past_setting(toks: list[Token], j: int) -> int:
    """The token after a time phrase closed by a comma that opens at token j (`وعبر الفلقي أثناء زيارته لأسرتي
    الشهيدين، عن فخر …`: the occasion between the subject and the word its verb needs), else j."""
    if j >= len(toks) or toks[j].barrier or toks[j].key not in _SETTING_OPENERS:
        return j
    for k in range(j + 1, min(j + 8, len(toks))):
        if toks[k].barrier:
            return k
    return j


def _words(toks: list[Token], j: int, n: int) -> str:
    return " ".join(t.raw for t in toks[j:j + n])


def _same_person(who: Who, last: _Event) -> bool:
    """Whether a subject read again names the last speaker: the same role, or a word of the same name."""
    if last.role and who.role and name_key(who.role) == name_key(last.role):
        return True
    return bool(who.name) and not _name_keys(last).isdisjoint(key(w) for w in who.name.split() if len(w) > 2)  # type: ignore[union-attr]


def _name_keys(event: _Event) -> frozenset[str]:
    return frozenset(key(w) for w in (event.name or event.speaker).split() if len(w) > 2)


def attribute(article: Article, statements: list[Statement]) -> list[Statement]:
    """Fill speaker, speaker_canonical, co_speakers, role, via, cue and mode on statements that report speech."""
    sr = rules()
    att = _Attributor(cue_rules(), sr)
    kind = att.gate.kind
    pairs = [split(st.text) for st in statements]
    kinds = [kind(st.text, p) for st, p in zip(statements, pairs)]
    if _CUE not in kinds:
        return statements  # no cue, source phrase, colon or Latin anywhere: no statement can get a speaker
    toks = [from_pairs(p) if k else [] for p, k in zip(pairs, kinds)]
    inv = _inventory(att.parser, statements, toks, article.body)
    for full in _nasab_names(article.body, sr):
        inv.add(full)  # `المهندس محمد بن مبارك المجلي` in a sentence that is no speech, then `أعرب المهندس المجلي`
    att.parser.known = inv.known_tokens()  # grows as speakers are added below
    events: list[_Event | None] = []
    last: _Event | None = None
    last_at = 0  # statements read up to and including the last speaker's
    heads: dict[str, str] = {}  # bare head of an unnamed speaker (`مصادر`) → its last full mention
    unnamed: dict[str, str] = {}  # bare role head → the one unnamed role quoted with it since the last named speaker
    # ("" when two were)
    att.issuer = None
    att.reporter = None
    silent = True  # no statement so far had a speaker or an unread subject of its own
    for n_st, (st, tk, k) in enumerate(zip(statements, toks, kinds)):
        event = att.statement(st, tk, inv, last) if k == _CUE else None  # a role word alone reports nothing
        if event is None and k == _CUE and silent and not att.unread and tk:
            event = _honoured(att, st.text, tk, statements[:n_st], toks[:n_st])
        silent = silent and event is None and not (k == _CUE and att.unread)
        if event is not None and event.explicit and (not _vouched(event, inv, sr, article.body, tk, st.text, att.parser)
                                                     or _cut_bare_head(event, tk, inv, sr, heads, att.parser)):
            event, last = None, None  # a doubtful subject: no speaker, and nothing for a later cue to continue
        elif event is None and k == _CUE and att.unread:
            last = None  # `وقال مديرعام … الصفيان، إن`: a later `وأضاف` continues that unread speaker, not the last
        events.append(event)
        opened = False
        if event is None and last is None and tk and not any(e is not None for e in events):
            opening = att.opener(st.text, tk)  # the article's first subject, silent in its own statement
            if opening is not None and (opening.name and _vouched(opening, inv, sr, article.body)
                                        or not opening.name and not opening.role):  # (the press of a review)
                if opening.name:
                    inv.add(opening.name, opening.role)
                last, opened = opening, True
                last_at = len(events)
        if not opened and event is None and not (k == _CUE and att.unread):
            opening = att.introduced(st.text, tk or from_pairs(pairs[n_st]))
            if opening is not None and _vouched(opening, inv, sr, article.body):
                inv.add(opening.name, opening.role)  # type: ignore[arg-type]
                last = opening
                last_at = len(events)
        if event is not None and tk:
            att.note_speaking_issuer(event, tk)
        if "صدر" in st.text:  # `أصدرت الوزارة بيانا` (tokenised here: an institution alone does not pass the gate)
            att.note_issuer(st.text, tk or from_pairs(pairs[len(events) - 1]))
        if event is None:
            continue
        if not event.explicit:
            if last is not None and event.speaker == last.speaker:
                event.canonical = last.canonical
            continue
        if event.name:
            if last is not None and last.name and len(events) - last_at <= 1 and " " not in event.name.strip() \
                    and key(event.name) in _name_keys(last):
                event.canonical = inv.fullest(last.name)  # `وأعرب الحازمي` right after `… أحمد بن عيسى الحازمي`
            inv.add(event.name, event.role)
            unnamed.clear()  # `أعلن ضابط كبير … وقال البريغادير جنرال روي الكابيتس … وأكد الضابط`: named since
        else:
            words = event.speaker.split()
            head = key(words[0])
            if head in sr.groups:
                inv.add_group(event.speaker)
            bare = head[2:] if head.startswith("ال") else head
            if bare not in sr.source_heads and bare not in sr.institutions:
                # `الضابط` may be a person named since: the inventory resolves roles first. An unnamed role quoted
                # in full (`أعلن محافظ ريف دمشق`) is what its bare head says later (`وأكد المحافظ`), if it is the
                # only such role the article quoted and nobody named has spoken since.
                if len(words) >= 2 and bare in sr.role_heads:
                    unnamed[bare] = event.speaker if unnamed.get(bare, event.speaker) == event.speaker else ""
                elif len(words) == 1 and bare != head and unnamed.get(bare):
                    event.canonical = unnamed[bare]
            elif len(words) >= 2 and (not event.via or head in sr.outlets):
                heads[bare] = event.speaker  # (`ونقلت يونهاب عن صحيفة "جينهوا" الصينية`: the inner outlet too)
            elif len(words) == 1 and bare != head:
                event.canonical = heads.get(bare)  # `وأضاف المصدر` → `مصدر مسؤول بشرطة عمان`
        if event.antecedent:
            last = event
            last_at = len(events)
        elif event.lone:
            last = None  # (`فقالت كاري:` then `عرفتهم … قائلًا`: the narrator, not كاري)
    for n, st in enumerate(statements):
        if events[n] is None and kinds[n] == _CUE and toks[n]:
            events[n] = _subheadline(att, st, toks[n], events)
    for st, event in zip(statements, events):
        if event is not None:
            _fill(st, event, inv, sr)
            if event.name is None and event.role is None and not event.co and key(event.speaker) == _CUSTODIAN_KEY:
                st.speaker_canonical = _custodian(article.body) or st.speaker_canonical
    return statements


_TITLE_OF: dict[str, frozenset[str]] = {
    key("سموه"): frozenset(key(w) for w in ("سمو", "السمو", "الأمير")),
    key("سموها"): frozenset(key(w) for w in ("سمو", "السمو", "الأميرة")),
    key("معاليه"): frozenset((key("معالي"),)),
    key("معاليها"): frozenset((key("معالي"),)),
    key("فضيلته"): frozenset((key("فضيلة"),)),
    key("سماحته"): frozenset((key("سماحة"),)),
    key("سعادته"): frozenset((key("سعادة"),)),
    key("فخامته"): frozenset((key("فخامة"),)),
}
_OWNER = key("صاحب")  # `صاحب السمو الملكي الأمير …`


def _honoured(att: _Attributor, text: str, toks: list[Token], before: list[Statement],
              before_toks: list[list[Token]]) -> _Event | None:
    """`رأس … صاحب السمو الملكي الأمير محمد بن نايف … الجلسة`, then `وقال سموه «…»`: an honorific pronoun after a
    speech verb, with nobody quoted before it, is the one person the article introduced earlier by that honorific
    (`سمو`/`الأمير` for سموه, `معالي` for معاليه …), named from a listed given name. Two such people: nobody."""
    for p in range(1, min(len(toks), 5)):
        titles = _TITLE_OF.get(toks[p].key)
        if titles is not None and not toks[p].barrier:
            break
    else:
        return None  # the honorific pronoun is the subject of the statement's first verb (`ورحب سموه`, `وقد عبر معاليه`)
    cues = [c for c in range(p - 1, len(toks)) if att.is_cue(toks[c].key) or _constrained_here(att, toks, c, p)]
    if not cues or any(t.key in att.sr.role_heads or t.key in att.sr.honorifics for t in toks[p + 1:cues[0]]):
        return None
    i = cues[0]
    found: list[Who] = []
    for prev, tk in [(b.text, bt) for b, bt in zip(before, before_toks)] + [(text, toks[:p])]:
        for j, t in enumerate(tk):
            if t.key not in titles:
                continue
            start = j - 1 if j and tk[j - 1].key == _OWNER and not t.barrier else j
            who = att.parser.subject(tk, start, min(len(tk), start + 25), prev)
            if who is None or not who.name or who.co or not who.clean or key(who.name.split()[0]) not in att.sr.given_names:
                continue  # (not `معالي الدكتور عبدالعزيز بن سعود العنزي مديراً`: a name cut short)
            nk = name_key(who.name)
            same = [w for w in found if name_key(w.name or "").startswith(nk) or nk.startswith(name_key(w.name or ""))]
            if not same:
                found.append(who)
            elif len(nk) > len(name_key(same[0].name or "")):
                found[found.index(same[0])] = who
    if len(found) != 1:
        return None
    spans = _quote_spans(text)
    return att._event(found[0], toks[i].raw, att.mode(text, toks, i + 1, spans, toks[i]))


def _constrained_here(att: _Attributor, toks: list[Token], c: int, p: int) -> bool:
    """A verb that reports speech only before its preposition (`عبر معاليه عن`), with it there."""
    after = att.constrained(toks[c])
    nxt = c + 2 if c + 1 == p else c + 1
    return after is not None and nxt < len(toks) and toks[nxt].key in after


def _subheadline(att: _Attributor, st: Statement, toks: list[Token], events: list[_Event | None]) -> _Event | None:
    """`الأحمدي: طول القامة مشكلة الأخضر`: a short line opened by one or two words and a colon, the last words of
    exactly one person the article reports speaking (named in full, possibly further down), is that person's."""
    text = st.text
    colon = text.find(":")
    if colon < 0 or colon > _HEADLINE_COLON or len(toks) > 14:
        return None
    n = sum(1 for t in toks if t.end <= colon)
    if not 0 < n <= 2 or n >= len(toks) or not toks[n].barrier or any(t.barrier for t in toks[1:n]):
        return None
    words = [t.key for t in toks[:n]]
    found: _Event | None = None
    for event in events:
        if event is None or not event.explicit or not event.name:
            continue
        parts = [key(w) for w in event.name.split()]
        if len(parts) > n and parts[-n:] == words:
            if found is not None and found.name != event.name:
                return None  # two people end so: unsure
            found = event
    if found is None:
        return None
    return _Event(found.speaker, found.name, found.role, ":", att.mode(text, toks, n, _quote_spans(text), None),
                  explicit=False)


def _vouched(event: _Event, inv: Inventory, sr: SpeakerRules, body: str, toks: list[Token] | None = None,
             text: str = "", parser: Parser | None = None) -> bool:
    """Whether the subject read has a shape the system can vouch for; may trim a place glued to a role's name.

    Refused: a subject opened by a preposition, adverb or pronoun (`قبيل شهر رمضان مقالا`, `إننا`), and a lone
    word with no role that the article never names in full (`باتيس` when `صلاح باتيس` went unread, `مختلف`).
    A lone word the body writes after a given name (`صلاح باتيس`) is vouched for by that fuller mention.
    """
    words = event.speaker.split()
    if not words or any(key(w) in sr.not_subjects for w in words) or has_tanween(event.speaker) \
            or key(words[0]) in sr.documents:
        return False  # `إننا`, `قبيل شهر رمضان مقالا`, `لي وهو يبتسم`, `أبًا ثانيًا`, `تقارير إخبارية`
    placed = _placed_first(event.name, body, sr) if event.name and event.role else None
    if placed is not None:
        event.speaker = event.name = placed  # `رئيسة النادي السعودي بيوجين ملاك المنيف`: the place was read as a name
    if event.name and _misread_name(event.name, inv, sr, bool(event.role)):
        ws = event.name.split()
        cut = _bi_phrase([key(w) for w in ws], inv, sr)
        if cut and not event.role and all(key(w) in inv.known for w in ws[:cut]):
            event.speaker = event.name = " ".join(ws[:cut])  # `يطالب ظريف ببناء الثقة`: the known name before it
            return True
        if not event.role:
            return False  # `مجدي بضرورة`, `ضرورة ابتكار ألعاب جديدة`, `عبارته الشهيرة`
        event.speaker, event.name, event.exact_role = event.role, None, True  # `رئيس فرع الإفتاء بعسير`
        return True
    if event.name and event.role:
        return True
    if event.anchored or event.via or event.role or not event.name or " " in event.name.strip():
        return True
    k = key(event.name)
    if k in sr.given_names or k in inv.known or k in sr.institutions or k in sr.outlets or k in sr.source_heads \
            or k in sr.groups or k in sr.states or (k.endswith(("ون", "ين")) and len(k) > 4) \
            or name_key(event.name) in sr.merge:
        return True  # a given name, a known or curated name, a body, an outlet, a group or a plural of people
    if re.search(r"\(\s*" + re.escape(event.name.strip()) + r"\s*\)", body):
        return True  # `هيئة تنظيم الاتصالات البريطانية (اوفكوم)`: a short form the article introduced
    fuller = _given_before(event.name, body, sr, parser.is_cue if parser is not None else None)
    if fuller is None:
        if toks is None or parser is None or not _lone_closed(event, toks, text, parser) \
                or len(re.findall(r"(?<![\w\u064b-\u065f])" + re.escape(event.name.strip()) + r"(?![\w\u064b-\u065f])", body)) < 2:
            # (the word recurs in the article: a character's name does, `وقال شاهد إن` once is a witness)
            return False
        if _surname_elsewhere(event.name.strip(), body, parser):
            return False
        event.lone = True
        event.antecedent = False
        return True

    inv.add(fuller)
    return True


def _lone_closed(event: _Event, toks: list[Token], text: str, parser: Parser) -> bool:
    """`قال كومينجز إن`, `فقالت كاري:`: one unlisted word right after the opening cue and right before إن/أن, a colon or an
    opening quotation mark is a name the lexicons lack, when it looks like one (no article, no suffix, no
    feminine or plural ending, no adverb)."""
    e = event.end
    if e != 2 or e > len(toks) or toks[e - 1].barrier or toks[e - 2].raw != event.cue:
        return False  # (only a statement's opening cue: `ونفت روسيا …، واعتبرت موسكو أن` is the state named first)
    t = toks[e - 1]
    raw = t.raw.rstrip(_MARKS)
    if event.name is None or t.raw != event.name.strip() or t.al or not parser.name_like(t) \
            or raw.endswith(("ة", "ات", "ون", "ين", "ا")) \
            or raw[:1] in "بل" or len(raw) < 3 or t.key in parser.r.objects or has_tanween(t.raw):
        return False
    if parser.objectish(t) and not parser._bare_h_name(t, toks, e - 1, len(toks), text):
        return False
    return parser.hard_end(toks, e, len(toks), text)


def _surname_elsewhere(word: str, body: str, parser: Parser) -> bool:
    """`… وجيورجيوس ستاثاكيس …` then `وقال ستاثاكيس إن`: the word follows an unlisted name-like word somewhere in the
    article, so it may be a surname whose full name went unread; a lone reading would cut it short."""
    for m in re.finditer(r"([\w\u064b-\u065f]+)[ \u00a0]+" + re.escape(word) + r"(?![\w\u064b-\u065f])", body):
        before = token(0, len(m.group(1)), m.group(1))
        k = before.key
        if before.al or parser.is_cue(k) or parser.stops_here(k) or k in parser.r.not_subjects:
            continue
        if k in parser.r.given_names:
            return True
        if k in parser.r.particles or k[:1] in "لب" or k.endswith(("ت", "ني", "نا", "ة")) or len(k) < 4:
            continue  # (`آل كومينجز`, `لقريبة كاري`, `سألت كاري`: a family, a preposition, a verb)
        if parser.name_like(before) and not parser.objectish(before) and sum(c in "اوي" for c in k) * 5 > 2 * len(k):
            return True  # a transliterated first name, long vowels throughout (`جيورجيوس`), not `رأس`, `منزل`
    return False


def _misread_name(name: str, inv: Inventory, sr: SpeakerRules, after_role: bool = False) -> bool:
    """A "name" that is a place or object glued to a role, or cut short: opened by ب (`بعسير`, `بإمارة`, `بها`)
    or by an object noun (`ضرورة`) or a word with a possessive suffix (`عبارته`); a later word glued to ب/ل
    (`مجدي بضرورة`, `كارتر لقوات أميركية`); ending in a particle (`سعيد بن`); after a role, one word opened by
    ب (`رئيس فرع الإفتاء بعسير,`), a place. Given and known names pass."""
    ws = name.split()
    ks = [key(w) for w in ws]
    if not ks:
        return False
    if ks[-1] in sr.particles and len(ks) > 1:
        return True
    first = ks[0]
    if first not in sr.given_names and first not in inv.known:
        if first in sr.objects or (first[:1] == "ب" and (_glued_body(first[1:], sr) or (
                after_role and (len(ks) == 1 or ks[1].startswith("ال"))))):  # `بعسير`, `بمكة المكرمة` after a role
            return True
        if first[:1] == "ب" and ws[0].endswith("ة") and len(first) > 3:
            return True  # `وطالبوا بخطة مستدامة،`: ب and a feminine noun, what is asked for
        if suffixed(ws[0]) and ws[0].endswith(("ته", "ها", "هم", "كم")) and len(ks) > 1:
            return True  # `عبارته الشهيرة` (a bare final ه is too often a name: `عبدربه`)
    if _bi_phrase(ks, inv, sr):
        return True
    return any(k[:1] in "بل" and k not in sr.given_names and k not in inv.known
               and (k[:2] == "لل" or _glued_body(k[1:], sr)) for k in ks[1:])  # `للعلوم`: ل and ال


def _bi_phrase(ks: list[str], inv: Inventory, sr: SpeakerRules) -> int:
    """Index of a later name word that is ب, a noun and its definite genitive (`ظريف ببناء الثقة`): what is asked
    for, run into the name (not `باوزير`, `بن`, nor a given or known name); else 0."""
    for n in range(1, len(ks) - 1):
        k = ks[n]
        if k[:1] == "ب" and k[1:2] not in ("ا", "ن") and len(k) > 3 and ks[n + 1].startswith("ال") \
                and k not in sr.given_names and k not in inv.known:
            return n
    return 0


def _placed_first(name: str, body: str, sr: SpeakerRules) -> str | None:
    """The name without its first word when that word is a place glued to ب that the body also writes alone
    (`بيوجين ملاك المنيف` after a role, where the article has `مدينة يوجين`): at least two name words remain."""
    ws = name.split()
    if len(ws) < 3 or not body:
        return None
    k = key(ws[0])
    if k[:1] != "ب" or len(k) < 5 or k in sr.given_names or k[1:2] == "ا":
        return None
    if re.search(r"(?<!\w)" + re.escape(ws[0][1:]) + r"(?!\w)", body) is None:
        return None
    return " ".join(ws[1:])


def _glued_body(rest: str, sr: SpeakerRules) -> bool:
    """What follows a ب/ل glued to a word (`بإمارة`, `بعسير`, `بضرورة`, `لقوات`) is a body, place or object,
    not part of a name: a definite word, an institution, a place noun, a role head or an object noun."""
    return (rest.startswith("ال") or rest in sr.institutions or rest in sr.place_nouns or rest in sr.role_heads
            or rest in sr.objects)


_BEFORE = re.compile(r"(?<!\w)(?:(\w+)\s+)?(\w+)\s+$")  # the one or two words right before a position
_NASAB = re.compile(r"(?<!\w)(\w+) (?:بن|بنت) \w+(?: (?:بن|بنت) \w+)? (ال\w+)(?!\w)")


def _nasab_names(body: str, sr: SpeakerRules) -> list[str]:
    """Full names written with a nasab and a family name (`محمد بن مبارك المجلي`) whose family name the body writes
    again on its own: the article refers to that person by it (`وأعرب المهندس المجلي`). The subject reader cuts such
    a name short where an object follows it in a sentence that reports no speech. Not a place named after a person
    (`مطار الأمير محمد بن عبدالعزيز الدولي`)."""
    out: list[str] = []
    for m in _NASAB.finditer(body):
        given, family = key(m.group(1)), key(m.group(2))
        if given not in sr.given_names or family in sr.role_heads or family in sr.institutions \
                or family in sr.role_words or family in sr.nationalities or family in sr.place_nouns:
            continue
        if len(re.findall(r"(?<!\w)" + re.escape(m.group(2)) + r"(?!\w)", body)) < 2:
            continue
        before = [key(w) for w in body[max(0, m.start() - 40):m.start()].split()[-2:]]
        if before and (before[-1] in sr.named_after or len(before) == 2 and before[-1] in sr.royal_titles and (
                before[0] in sr.named_after or before[0] in sr.institutions)):
            continue  # (`رئيس بلدية القنفذة المهندس علي بن محمد القرني` is a person)
        out.append(m.group(0))
    return out


def _given_before(word: str, body: str, sr: SpeakerRules, is_cue=None) -> str | None:
    """`صلاح باتيس` when the body writes the lone word `باتيس` right after a given name somewhere, or after a
    first name that a title, role or nationality introduces (`اليوناني جورجيوس دونيس`)."""
    at = body.find(word)
    while at >= 0:
        end = at + len(word)
        m = None if end < len(body) and (body[end].isalnum() or body[end] == "_") else _BEFORE.search(body, max(0, at - 80), at)
        at = body.find(word, end)
        if m is None:
            continue
        first = key(m.group(2))
        if is_cue is not None and (is_cue(first) or first[:1] in "وف" and is_cue(first[1:])):
            continue  # `الوزير أكد دعمه`: the cue after a role, not a first name (main read `أكد دعمه`)
        if first in sr.given_names:
            return f"{m.group(2)} {word}"
        if m.group(1) and not first.startswith("ال") and first not in sr.stops and first not in sr.role_heads \
                and first not in sr.role_words and first not in sr.institutions and len(first) > 2:
            intro = key(m.group(1))
            if intro in sr.honorifics or intro in sr.role_heads or intro in sr.nationalities:
                return f"{m.group(2)} {word}"
    return None


def _inventory(parser: Parser, statements: list[Statement], toks: list[list[Token]], body: str = "") -> Inventory:
    """People named with a role anywhere in the article (`الرئيس الروسي فلاديمير بوتين`)."""
    inv = Inventory()
    r = parser.r
    cached = _HEADS.get(id(r))
    if cached is None or cached[0] is not r:
        cached = _HEADS[id(r)] = (r, (r.role_heads - r.groups) | r.honorifics)
    heads: frozenset[str] = cached[1]
    for st, tk in zip(statements, toks):
        if not tk:
            continue
        done = -1  # tokens before this index belong to a phrase already read
        for i in [i for i, t in enumerate(tk) if t.key in heads]:
            if i < done:
                continue
            if i and not tk[i].barrier and tk[i - 1].key[:1] == "و" and tk[i - 1].key[1:] in r.role_heads:
                continue  # `ونائب رئيس المدينة لدعم البحث العلمي الدكتور فلان`: a deputy, not the head of the role
            who = parser.subject(tk, i, min(len(tk), i + 24), st.text)  # (`صاحب السمو الملكي الأمير خالد الفيصل مستشار …`)
            if who is not None and who.name and who.role and len(who.role.split()) <= 14 and not _misread_name(who.name, inv, r, True) and (
                    who.clean or len(who.name.split()) >= 2):
                inv.add(_placed_first(who.name, body, r) or _object_off(who.name, r), who.role)
                done = _name_end(tk, i, who.end, who.name)
            elif i + 1 < len(tk) and tk[i + 1].key in heads:
                done = i + 2  # `صاحب السمو الملكي …`: the title run was read from its first word
        for i, t in enumerate(tk):
            if t.al and t.key[-1:] == "ي" and i >= done and parser.nationality_before_name(tk, i, len(tk)):
                _origin_named(parser, st.text, tk, i, inv)
            elif t.key[-1:] == "ا" and t.key[:-1] in r.role_heads and not t.al:
                _dual_named(parser, st.text, tk, i, inv)
    return inv


def _object_off(name: str, r: SpeakerRules) -> str:
    """A name read on into the verb's object (`صالح آل سالم بأعضاء الفريق`): from its third word, a ب-word
    that is no given name followed by a definite word begins the object."""
    words = name.split()
    for n in range(2, len(words) - 1):
        k = key(words[n])
        if k[:1] == "ب" and len(k) > 4 and k not in r.given_names and k[1:] not in r.given_names \
                and key(words[n + 1]).startswith("ال"):
            return " ".join(words[:n])
    return name


def _name_end(tk: list[Token], start: int, end: int, name: str) -> int:
    """Where the name read from `start` ends: the reader may have looked past it at a role that is not this person's
    (`الرئيس بشار الأسد وزير خارجية روسيا سيرغي لافروف`), and that role's head must still be read on its own."""
    last = name.split()[-1]
    for j in range(min(end, len(tk)) - 1, start - 1, -1):
        if tk[j].raw == last:
            return j + 1
    return end


def _duals(sr: SpeakerRules) -> frozenset[str]:
    """`وزيرا`, `رئيسا`: dual role heads in construct, so a statement naming two people by one role is read."""
    return frozenset(h + "ا" for h in sr.role_heads if not h.startswith("ال"))


def _dual_named(parser: Parser, text: str, tk: list[Token], i: int, inv: Inventory) -> None:
    """`وزيرا المالية والاقتصاد اليونانيان اقليدس تساكالوتوس وجيورجيوس ستاثاكيس اجتماعهما`: a dual role, its dual
    adjective, then two names of the same length joined by و and closed by a dual suffix or punctuation, names two
    people the article may later cite by surname (`وقال ستاثاكيس`)."""
    j = i + 1
    while j < len(tk) and j < i + 6 and not tk[j].barrier and not (tk[j].al and tk[j].key.endswith("يان")):
        j += 1
    if j >= len(tk) or j >= i + 6 or tk[j].barrier or not tk[j].key.endswith("يان"):
        return
    first = j + 1
    w = first
    while w < len(tk) and w < first + 4 and not tk[w].barrier and tk[w].key[:1] != "و" and parser.name_like(tk[w]):
        w += 1
    size = w - first
    if size < 2 or w + size > len(tk) or tk[w].barrier or tk[w].key[:1] != "و" or len(tk[w].key) < 4:
        return
    end = w + size
    if any(x.barrier or x.al or not parser.name_like(x) for x in tk[w + 1:end]) or end < len(tk) and not (
            tk[end].barrier or tk[end].raw.endswith("هما")):
        return
    role = text[tk[i].start:tk[j].end]
    inv.add(text[tk[first].start:tk[w - 1].end], role)
    inv.add(text[tk[w].start + 1:tk[end - 1].end], role)


def _origin_named(parser: Parser, text: str, tk: list[Token], i: int, inv: Inventory) -> None:
    """`بين البرتغالي جوزيه مورينيو، المدير الفني لفريق تشيلسي`: a name after an adjective of origin, set off by a
    comma before a definite role head, names a person the article may later cite by surname (`مورينيو قال:`)."""
    r = parser.r
    j = i + 1
    while j < len(tk) and j < i + 5 and not tk[j].barrier and (parser.name_like(tk[j]) or tk[j].key in r.particles):
        j += 1
    if j - i < 3 or j >= len(tk) or j >= i + 5 or not tk[j].barrier or not tk[j].al or tk[j].key not in r.role_heads \
            or text[tk[j - 1].end:tk[j].start].strip() not in ("،", ","):
        return
    end = j + 1
    while end < len(tk) and end < j + 8 and not tk[end].barrier:
        end += 1
    inv.add(text[tk[i + 1].start:tk[j - 1].end], text[tk[j].start:tk[end - 1].end])


_HEADS: dict[int, tuple[SpeakerRules, frozenset[str]]] = {}  # id(rules) → (rules, role heads and honorifics)


_CUSTODIAN_KEY = key("خادم الحرمين الشريفين")
_CUSTODIAN_NAME = re.compile(r"خادم الحرمين الشريفين\s+(?:ال|أ|ا)?ملك\s+((?:[\u0621-\u064a]+\s+){1,4}?[\u0621-\u064a]+)"
                             r"(?=\s*[-–،,.:(«\"]|\s+(?:حفظه|أيده|يحفظه|رعاه|على|في|إلى|الذي|من|و))")


def _custodian(body: str) -> str | None:
    """`خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود -حفظه الله-`: the name the article gives the King's
    title, the same one wherever it is written out; None when it never is, or two names are."""
    found = {m.group(1).strip() for m in _CUSTODIAN_NAME.finditer(body)}
    # a nasab (`بن`, `آل`) marks a name; without one the verb's object may have been read on (`الملك سلمان الرئيس
    # الأمريكي` after `استقبل`)
    found = {f for f in found if {"بن", "آل"} & set(f.split()[1:])}
    if not found:
        return None
    longest = max(found, key=len)
    if any(not longest.startswith(f) for f in found):
        return None
    return longest


def _fill(st: Statement, event: _Event, inv: Inventory, sr: SpeakerRules) -> None:
    st.speaker = event.speaker
    st.cue = event.cue
    st.mode = event.mode  # type: ignore[assignment]
    st.via = event.via
    st.speaker_canonical = _canonical(event.name, event.speaker, inv, sr, event.canonical, not event.exact_role)
    st.co_speakers = [_canonical(c, c, inv, sr) for c in event.co]
    role = event.role
    if role is None:
        person = inv.people.get(name_key(st.speaker_canonical))
        roles = [r for r in (person.roles if person else ()) if not r.startswith("نظير")]
        role = next((_role_as_written(r, inv) for r in roles), None)
    st.role = role


def _cut_bare_head(event: _Event, toks: list[Token], inv: Inventory, sr: SpeakerRules, heads: dict[str, str],
                   parser: Parser) -> bool:
    """`كما قال زعيم هذه العصابة`, `بحسب مسؤول وسيط في باكستان`: a subject read as one role word while its
    phrase runs on unread (no punctuation, أن/إن, `ل`, setting, object or group after it), and the role
    resolves to nobody the article names so far: the reading stopped short, so no speaker. A bare role that
    ends cleanly (`وقال الكاتب إن`, `وأكد الضابط أن`, `وحسب المسؤول،`) keeps its speaker."""
    if event.name or event.via or event.co or not _bare_head(event.speaker, sr):
        return False
    k = key(event.speaker.strip())
    if (k[2:] if k.startswith("ال") else k) in heads:
        return False  # `واكد المصدر المقرب من …` after `مصدر مقرب من …`: the source named before
    j = event.end
    if j <= 0 or j >= len(toks):
        return False
    nxt = toks[j]
    if nxt.barrier or nxt.key in _COMPLEMENTIZERS or nxt.key in _AFTER_SUBJECTLESS or nxt.key == "ل" \
            or nxt.key in sr.settings or nxt.key in sr.pronoun_subjects or parser.objectish(nxt) \
            or (nxt.key[:1] == "ل" and (nxt.key[1:] in sr.outlets or "ا" + nxt.key[1:] in sr.outlets)) \
            or nxt.key in sr.groups:
        return False  # (`وأكد الجانبان أهمية التعاون`, `ودعا الوزير الأهالي`: the object follows; `للصحيفة`)
    canonical = _canonical(None, event.speaker, inv, sr, event.canonical, not event.exact_role)
    return _bare_head(canonical, sr)


def _bare_head(speaker: str, sr: SpeakerRules) -> bool:
    """A speaker that is one role word and nothing else (`المتحدث`, `الناطق`, `الأستاذ`, `الضابط`, `المسؤول`):
    a role the article never tied to a person or body, so it names nobody."""
    if " " in speaker.strip():
        return False
    k = key(speaker.strip())
    bare = k[2:] if k.startswith("ال") else k
    return (k in sr.role_heads or k in sr.honorifics or bare in sr.source_heads) and k not in sr.groups \
        and k not in sr.institutions and k not in sr.outlets


def _role_head(rk: str, sr: SpeakerRules) -> str:
    """The head of a role key, article dropped: `الامين العام لهيئه …` → `امين عام`, `مفتي مصر` → `مفتي`."""
    out: list[str] = []
    for w in rk.split():
        bare = w[2:] if w.startswith("ال") and len(w) > 3 else w
        if not out and (w in sr.role_heads or bare in sr.role_heads):
            out.append(bare)
        elif out and w[:1] != "ل" and (w in sr.role_words or bare in sr.role_words or "ال" + bare in sr.role_words):
            out.append(bare)  # (a body after ل, `لهيئة`/`للهيئة`, is no part of the head: written either way)
        else:
            break
    return " ".join(out)


def _role_as_written(rk: str, inv: Inventory) -> str:
    return inv.role_text.get(rk, rk)


def _canonical(name: str | None, speaker: str, inv: Inventory, sr: SpeakerRules, antecedent: str | None = None,
               by_head: bool = True) -> str:
    written = name or speaker
    if name_key(written) in sr.split:
        return curate(written, sr)
    if name:
        auto = inv.fullest(name)
        if auto == name and antecedent:
            auto = antecedent  # a family name two people share: the last speaker who bears it
    elif antecedent and key(speaker.split()[0]).removeprefix("ال") in sr.source_heads:
        auto = antecedent  # `واضاف هذا المسؤول` after `مسؤول تركي`: the unnamed source, not a named official
    elif key(speaker.split()[0]) in sr.groups:
        auto = inv.for_group(speaker) or antecedent or speaker  # a group is no one person's role (`ردد المحتجون`
        # read once as the name `ردد` with the role المحتجون)
    else:
        head = (lambda rk: _role_head(rk, sr)) if by_head else None
        auto = (inv.for_role(speaker, head, sr.nationalities, sr.source_heads) or inv.for_group(speaker) or antecedent
                or speaker)
    curated = curate(auto, sr)
    return curated if curated != auto else curate(written, sr) if curate(written, sr) != written else auto
