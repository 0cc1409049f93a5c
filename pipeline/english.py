"""Attribution of reported speech in English wire copy (one statement at a time, in article order).

`attribute._Attributor.english()` delegates here for a statement with Latin letters and no Arabic. Precision
first: a subject is read only when it has one of the shapes below, else the statement gets no speaker.

* Preposed: `SUBJECT [adjunct] VERB` (`Haddad said`, `the company on Wednesday said`, `X has said`), the subject
  being a name (with titles: `Finance Minister Karim Haddad`, `Mr Haddad`), a role or body led by a determiner or
  a possessive (`a spokesman for the ministry`, `the airline's chief executive`), a bare plural of people
  (`Industry analysts`), or a pronoun (`he`, `she`, `they`, `it`: an earlier speaker, see below).
* Appositions before the verb: `ROLE, NAME, VERB` (`the airline's chief executive, Karim Haddad, told`) and
  `NAME, APPOSITION, VERB` (`Sarah Collins, an aviation analyst at …, said`; `Haddad, who …, said`; `Haddad, 54,
  said`): the name speaks and the role is kept.
* Inverted, right after a quotation or a comma: `"…," said Sarah Collins, an aviation analyst at …`.
* A source phrase: `according to X`. X a person or body speaks; a document, statistic or report (figures,
  data, a report, a survey …) is no speaker, as documents are on the Arabic side; `a statement from/by X`: X.
* A participle after a comma (`Egypt's central bank left rates unchanged, saying …`, `…, adding that …`) when
  the statement has no finite cue: the opening clause's subject, if a role, body, people or a name of two words
  or more (a one-word capitalised "name" may be any noun: `Shares rose …, saying` is refused).
* Not speech: `the said agreement` (a determiner before the verb), `all told`, passives (`was told`, `were told`,
  `is said to`): the subject of a passive is the hearer, so no speaker unless `by X` follows; `said to be`;
  verbs inside quotation marks; `to say`, `did not say`.

The statement's first cue (by position, outside quotations) decides the speaker; a later one is not read (with
`Industry analysts said …; "…," said Sarah Collins` in one statement the analysts speak). An indefinite body in a
lead (`A Gulf-based carrier said on Wednesday …`) is a speaker like `the company`.

Pronouns: `he`/`she` go to the latest person speaker of the article whose gender agrees. Gender is known from a
title (`Mr`, `Ms`, `Mrs`), a gendered role word (`spokeswoman`) or an earlier he/she that was resolved to that
person. The latest person is taken when its gender is unknown only if the person who spoke before it (the one
other candidate a writer might mean) is not known to bear the pronoun's gender (else it is ambiguous: no
speaker); a speaker further back is no rival, since wire copy names a speaker again to return to them. `they`
needs a plural speaker (`analysts`), `it` a body (`the company`); `we` and `I` get none. The antecedent must be
the attributor's `last` event or earlier (attribute() clears `last` after a doubtful subject).

Canonical names: a short mention (`Haddad`, `Mr Haddad`) resolves to the fullest earlier mention through the
article's inventory (attribute._canonical → Inventory.fullest, which matches Latin words), to which every named
English speaker is added. Names written after a title or role word in any English statement, speech or not
(`spokesman Nasser Kanaani called …`), are noted here, and a shorter name resolves to the one noted name ending
with it. A bare definite role (`the chief executive said`) resolves to the one earlier named speaker whose role
has that head noun, unless another speaker has that head (`the chief executive of Boeing`).

State: the module keeps, per attributor (attribute() makes one per article), the speakers and names seen so far;
the attributor is held with its state so its id is not reused while the entry lives (16 entries at most).

Mode: direct when a quotation of three words or more belongs to the chosen cue (the cue nearest to it), else
indirect; a scare-quoted word or two is no quotation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import lexicons
from pipeline.segment import quote_spans


@dataclass(frozen=True, slots=True)
class EnglishRules:
    verbs: frozenset[str]
    inverted: frozenset[str]
    sources: tuple[str, ...]
    person_heads: frozenset[str]
    body_heads: frozenset[str]
    documents: frozenset[str]
    honorifics: dict[str, str]  # lower-case title → "male"/"female"/"" (unknown)
    gendered: dict[str, str]
    # `…, saying …`, `…, adding that …`: a participle after a comma reports the opening clause's subject (when the
    # statement has no finite cue and no `according to`); those listed under `that` need `that` after them.
    participle: re.Pattern


def _build(data: dict[str, list]) -> EnglishRules:
    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name, []) or [])

    def genders(name: str) -> dict[str, str]:
        out: dict[str, str] = {}
        for raw in data.get(name, []) or []:  # lexicons.merged wraps a mapping in a list
            if isinstance(raw, dict):
                for k, v in raw.items():
                    out[str(k).lower()] = str(v) if v else ""
        return out

    return EnglishRules(verbs=words("english_verbs"), inverted=words("english_inverted"),
                        sources=tuple(str(s).lower() for s in data.get("english_sources", []) or []),
                        person_heads=words("english_person_heads"), body_heads=words("english_body_heads"),
                        documents=words("english_documents"), honorifics=genders("english_honorifics"),
                        gendered=genders("english_gendered"), participle=_participles(data))


def _participles(data: dict[str, list]) -> re.Pattern:
    forms: list[str] = []
    for entry in data.get("english_participles", []) or []:
        for kind, words in (entry or {}).items():
            tail = "(?= that)" if kind == "that" else ""
            forms.extend(re.escape(str(w).lower()) + tail for w in words or [])
    return re.compile(r",\s+(" + ("|".join(forms) or "(?!)") + r")\b")


def english_rules() -> EnglishRules:
    return lexicons.cached("cues", _build)


@dataclass(slots=True)
class EnglishEvent:
    speaker: str
    name: str | None
    role: str | None
    cue: str
    mode: str
    explicit: bool = True
    canonical: str | None = None


@dataclass(slots=True)
class _Seen:
    """A speaker the article has had: what a pronoun or a bare role may refer back to."""
    speaker: str
    name: str | None
    role: str | None
    kind: str  # "person", "people" (plural), "body"
    gender: str  # "male", "female", "" (unknown)


@dataclass(slots=True)
class ArticleState:
    """What one article's English statements have told so far; the caller makes one per article."""
    seen: list[_Seen] = field(default_factory=list)
    named: list[str] = field(default_factory=list)  # full names after a title so far (`spokesman Nasser Kanaani`)


_DETERMINERS = frozenset("the a an this that these those its his her their our your another said such".split())
_SUBJECT_DETERMINERS = frozenset("the a an its his her their one two three several some many other another "
                                 "both senior top".split())
_PLURAL_VERBS = frozenset("say tell warn argue insist".split())  # `officials say`, but `declined to say`
_PASSIVE = frozenset("was were is are be been being am get gets got getting".split())
_ADVERBS = frozenset("also later earlier previously then separately further again once recently repeatedly publicly "
                     "privately however has have had reportedly still already first initially subsequently "
                     "meanwhile now today yesterday tonight".split())
_NOT_SAY = frozenset("to not would could will did does do can might may should never n't cannot".split())
_SUBORDINATORS = frozenset("that and but while as after when because although though since before where so until "
                           "whereas".split())
_CONDITIONALS = frozenset("if whether unless what whatever".split())
# Capitalised words that open a sentence and are no name (`Having said that`, `Asked …`); a suffix test would also
# drop Ahmed, Kelly, Manning.
_OPENER_WORDS = frozenset("having asked speaking according told noting adding saying writing pressed questioned "
                          "contacted reached interviewed following despite meanwhile however separately reportedly "
                          "notably instead indeed overall earlier later already elsewhere nevertheless nonetheless "
                          "moreover furthermore additionally again once now then today yesterday".split())
_OPENERS = frozenset("but and however meanwhile still separately also yet so instead indeed earlier later".split())
_PARTICLES = frozenset("bin bint ibn abu al el de da del der van von le la du di dos".split())
_NON_NAMES = frozenset("the a an it he she they we i this that these those there here his her their its our reuters "
                       "nobody no-one none anyone anybody everyone everybody someone somebody something nothing "
                       "everything all both each either neither many most few some one "
                       "monday tuesday wednesday thursday friday saturday sunday".split())  # (months: `Theresa May`)
# Title words a name's walk stops at (`Finance Minister Karim Haddad`: the name starts after `Minister`); modifiers
# such as `Finance`, `Central`, `Bank` are no titles, so `Deutsche Bank` stays a name.
_TITLES = frozenset(w.rstrip(".") for w in "minister president governor secretary chief executive officer director "
                    "chairman chairwoman spokesman spokeswoman spokesperson senator rep. representative general gen. "
                    "col. lt. maj. capt. king queen prince princess emir commander ambassador mayor judge chancellor "
                    "premier pope cardinal archbishop bishop imam ayatollah attorney speaker leader head founder ceo "
                    "cfo coo chair gov sen sgt adm supt insp det amb economist analyst strategist".split())
_VERBISH = frozenset("is was were are has had have will would could can should may might be been did does do rose fell "
                     "showed shows said says told".split())
_NAME_PREFIX = re.compile(r"(?:al|el|bin|ibn|abu)-[A-Z]")
_PARTY = re.compile(r"[DRI]-[A-Z][A-Za-z.]{1,6}")  # `Sen. Elizabeth Warren, D-Mass., said`
_ACRONYM = re.compile(r"\s\([A-Z][A-Za-z.&]{1,9}\)")  # `The Rapid Support Forces (RSF) said`: no boundary
_LEADING_TIME = re.compile(r"^(?:(?:late|early)\s+)?(?:on|last|this|earlier|later)\s+"
                           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|"
                           r"morning|evening)\s+", re.I)
_RELATIVES = frozenset("who whose which".split())
_POSTMODIFIERS = frozenset("for of at with from in on to familiar close briefed involved who whose which based "
                           "speaking".split())
_TIME = re.compile(r"(?:\s+(?:on|late on|early on|late|early|last|this|earlier this|later|earlier|in a statement|"
                   r"in an interview|in a speech|in a post|in remarks|on Twitter|on X|in an emailed statement)"
                   r"(?:\s+[A-Za-z0-9.]+)?)$", re.I)


@dataclass(frozen=True, slots=True)
class _Stops:
    """Patterns built from the segmenter's English abbreviations (rules/segment/abbreviations.yaml), so that `Mr.`,
    `Gen.`, `U.S.` are no full stop here either."""
    boundary: re.Pattern  # where a clause ends before a verb: `;`, `:`, brackets, a dash, a full stop
    abbreviation: re.Pattern  # an initial or abbreviation with its full stop (`said Dr. Smith`)


def _build_stops(data: dict[str, list]) -> _Stops:
    forms = sorted({str(x).lower() for x in data.get("english", [])}, key=len, reverse=True)
    behind = "".join(rf"(?<!\b(?i:{re.escape(f)}))" for f in forms)  # lookbehinds must be fixed-width: one each
    return _Stops(boundary=re.compile(r"[;:()\[\]]|\s[-–—]{1,2}\s|(?<!\b[A-Z])" + behind + r"\.\s"),
                  abbreviation=re.compile(r"\b([A-Z]|(?i:" + "|".join(map(re.escape, forms)) + r"))\.(?=\s|[A-Z])"))


def _stops() -> _Stops:
    return lexicons.cached("segment", _build_stops)


_BY = re.compile(r"\s*by\s+([^,;.:“”\"]{2,80})")


def _words(text: str) -> list[str]:
    return text.split()


def _bare(w: str) -> str:
    return w.strip(".,;:'’\"“”()").lower()


def _head_of(words: list[str]) -> int:
    """Index of the head noun: the last word before a postmodifier (`a spokesman for the ministry`)."""
    for i, w in enumerate(words):
        if i > 0 and _bare(w) in _POSTMODIFIERS and w[:1].islower():  # (`the WHO`: no relative pronoun)
            return i - 1
    return len(words) - 1


def _noun(w: str) -> str:
    b = _bare(w)
    if b.endswith("’s") or b.endswith("'s"):
        b = b[:-2]
    return b


def _head_kind(head: str, r: EnglishRules) -> str | None:
    """"person", "people", "body", "document" or None for a head noun."""
    h = _noun(head)
    if h in r.documents:
        return "document"
    if h in ("people", "police", "authorities", "spokesmen", "men", "women", "staff"):
        return "people"
    if h in r.person_heads:
        return "person"
    if h in r.body_heads:
        return "body"
    sing = h[:-3] + "y" if h.endswith("ies") else h[:-1] if h.endswith("s") else ""
    if sing and (sing in r.person_heads):
        return "people"
    if sing and sing in r.body_heads:
        return "body"
    if h.endswith("men") and h[:-3] + "man" in r.person_heads:
        return "people"
    return None


def _capitalised(w: str) -> bool:
    """A word a name may hold: capitalised, or a lower-case Arabic article glued to one (`al-Falih`)."""
    return bool(w) and (w[0].isupper() or bool(_NAME_PREFIX.match(w)))


def _name_span(words: list[str], r: EnglishRules) -> tuple[int, str] | None:
    """The name that ends `words` (`Finance Minister Karim Haddad` → (2, "Karim Haddad")): the start index and
    the name without titles, or None when the words do not end in a name."""
    if not words:
        return None
    i = len(words)
    while i > 0:
        w = words[i - 1]
        b = _bare(w)
        if b in r.honorifics or b in _NON_NAMES or (b in _TITLES or b in r.person_heads) and i < len(words):
            break  # (a title word that ends the words is a name: `Stephen King`)
        if _capitalised(w) or (b in _PARTICLES and i < len(words)) or re.fullmatch(r"[A-Z]\.", w):
            i -= 1
            continue
        break
    name = words[i:]
    while name and _bare(name[0]) in _PARTICLES:
        name = name[1:]
        i += 1
    while len(name) > 2 and i > 1 and words[i - 1] in ("of", "for") and _bare(words[i - 2]) in _TITLES:
        name = name[1:]  # `Secretary of State Antony Blinken`, `Minister of Finance Karim Haddad`
        i += 1
    if not name or len(name) > 5 or any(_bare(w) in _NON_NAMES for w in name):
        return None
    if any(not re.fullmatch(r"[A-Za-z][A-Za-z'’.\-]*", w) for w in name):
        return None
    if len(name) == 1 and (_head_kind(name[-1], r) is not None or _bare(name[0]) in _OPENER_WORDS):
        return None  # `Officials`, `Police`: a plural of people; `Having said that`, `Asked`: no name
    return i, " ".join(name)


def _gender_of(words: list[str], r: EnglishRules) -> str:
    for w in words:
        b = _bare(w)
        g = r.honorifics.get(b) or r.gendered.get(b) or ""
        if g:
            return g
    return ""


@dataclass(slots=True)
class _Subject:
    speaker: str
    name: str | None
    role: str | None
    kind: str  # "person", "people", "body", "pronoun"
    gender: str = ""


def _np(text: str, r: EnglishRules) -> _Subject | None:
    """A subject noun phrase that is all of `text`: a name (titles and a role before it allowed), a determiner-led
    role or body, a bare plural of people, or a pronoun; None for anything else."""
    s = _LEADING_TIME.sub("", text.strip().strip(",").strip())
    ws = _words(s)
    while ws and _bare(ws[0]) in _OPENERS and len(ws) > 1:
        ws = ws[1:]
    if not ws or len(ws) > 12 or ws[-1].islower() and (_bare(ws[-1]) in _RELATIVES or _bare(ws[-1]) in _SUBORDINATORS):
        return None  # `Analysts who said …`: the verb is the relative clause's
    if len(ws) == 1 and _bare(ws[0]) in ("he", "she", "they", "it", "we", "i"):
        return _Subject(ws[0], None, None, "pronoun", _bare(ws[0]))
    if any(c in " ".join(ws) for c in "“”\"?!"):
        return None
    first = _bare(ws[0])
    written = " ".join(ws)
    if first == "the" and len(ws) > 1 and all(_capitalised(w) or _bare(w) in ("of", "for", "and") for w in ws[1:]) \
            and _capitalised(ws[-1]) and _head_kind(ws[-1], r) != "document" \
            and not any(_bare(w) in r.honorifics or _bare(w) in _TITLES for w in ws[1:]):
        return _Subject(written, None, None, "body", "")  # `the State Department`, `the European Commission`
    # a name, possibly after titles or a role (`Finance Minister Karim Haddad`, `the bank's governor Tarek Amer`)
    span = _name_span(ws, r)
    if span is not None:
        i, name = span
        before = ws[:i]
        if len(before) >= 2 and _bare(before[0]) == "the" and all(_bare(w) in r.honorifics for w in before[1:]):
            before = before[1:]  # `the Rev. Francisco Gallardo`
        ends_in_role = bool(before) and (_bare(before[-1]) in _TITLES
                                         or _head_kind(before[-1], r) in ("person", "body"))
        if not before or all(_bare(w) in _TITLES or _bare(w) in r.honorifics or _capitalised(w)
                             or w in ("of", "for", "and") for w in before) and not before[-1].islower() \
                or len(before) <= 6 and ends_in_role and _bare(before[0]) not in _SUBORDINATORS \
                and all(re.fullmatch(r"[A-Za-z][A-Za-z'’.\-]*", w) and _bare(w) not in _VERBISH for w in before):
            titles = [w for w in before if _bare(w) not in r.honorifics]
            role = " ".join(titles) if titles else None
            if i > 0 and role is None and not any(_bare(w) in r.honorifics for w in before):
                return None
            named = "body" if before and _head_kind(before[-1], r) == "body" else "person"
            return _Subject(written, name, role, named, _gender_of(before, r))
    # a role or body led by a determiner or a possessive, or a bare plural of people
    h = _head_of(ws)
    kind = _head_kind(ws[h], r)
    if kind is None or kind == "document":
        return None
    if h > 5 or len(ws) - h > 7:
        return None
    lead_ok = first in _SUBJECT_DETERMINERS or any(w.endswith(("'s", "’s")) for w in ws[:min(h, 3)]) or \
        (kind == "people" and all(_bare(w) not in _DETERMINERS for w in ws[:h]))
    if not lead_ok:
        return None
    body_tail = ws[h + 1:]
    if any(_bare(w) in _SUBORDINATORS - {"as"} or _bare(w) in ("is", "was", "were", "are", "has", "had", "will",
                                                                "would") for w in body_tail):
        return None
    return _Subject(written, None, None, kind, _gender_of(ws[:h + 1], r))


def _strip_adjuncts(s: str) -> str:
    """`the company on Wednesday` → `the company`; `Haddad also` → `Haddad`; `X has` → `X`."""
    prev = None
    s = s.rstrip()
    while prev != s:
        prev = s
        m = _TIME.search(s)
        if m and m.start() > 0:
            s = s[:m.start()].rstrip()
        ws = s.split()
        if len(ws) > 1 and _bare(ws[-1]) in _ADVERBS:
            s = " ".join(ws[:-1])
    return s


def _appositive(chunk: str, r: EnglishRules) -> bool:
    ws = _words(chunk.strip())
    if not ws:
        return False
    b = _bare(ws[0])
    if b in _RELATIVES or re.fullmatch(r"\d{1,3}", b) or _PARTY.fullmatch(chunk.strip()) or _clausal(chunk):
        return True  # `who …`, an age, `D-Mass.`, `speaking at the White House`
    if b in _SUBJECT_DETERMINERS or ws[0].endswith(("'s", "’s")) or ws[0][0].islower():
        return any(_head_kind(w, r) in ("person", "body") for w in ws[:8]) or b in _RELATIVES
    return False


def _clausal(chunk: str) -> bool:
    """An apposition that is a clause, not a role: `who …`, `speaking at …`, an age, a party tag."""
    ws = _words(chunk.strip())
    if not ws:
        return False
    b = _bare(ws[0])
    return b in _RELATIVES or (ws[0].islower() and b.endswith("ing") and len(b) > 5 and b != "according") \
        or bool(re.fullmatch(r"\d{1,3}", b)) or bool(_PARTY.fullmatch(chunk.strip()))


def _role_chunk(chunk: str, r: EnglishRules) -> str | None:
    ws = _words(chunk.strip())
    if not ws or len(ws) > 9:
        return None
    sub = _np(chunk, r)
    if sub is None or sub.name is not None or sub.kind not in ("person",):
        return None
    return sub.speaker


def _preposed(region: str, r: EnglishRules) -> _Subject | None:
    """The subject of a verb written after `region` (the text from the clause's start up to the verb)."""
    stripped = region.rstrip()
    tail = re.search(r",(?:\s+[A-Za-z]+){1,2}$", stripped)
    if tail and all(_bare(w) in _ADVERBS for w in tail.group().strip(", ").split()):
        stripped = stripped[:tail.start() + 1]  # `Erdogan, who …, has said`: the auxiliary after the clause
    if stripped.endswith(","):
        parts = [p.strip() for p in stripped[:-1].split(",")]
        if len(parts) < 2:
            return None
        last = parts[-1]
        # `X, who …, said` with commas inside the relative clause: the chunk before the relative pronoun
        for j in range(len(parts) - 1, 0, -1):
            if _words(parts[j]) and _bare(_words(parts[j])[0]) in _RELATIVES:
                k = j - 1
                while k > 0 and (re.fullmatch(r"\d{1,3}", parts[k]) or _appositive(parts[k], r)):
                    k -= 1  # `Lars Nilsson, 54, who …, said`, `X, the bank's governor, who …, said`
                sub = _np(_strip_adjuncts(parts[k]), r)
                if sub is not None and sub.kind in ("person", "people", "body"):
                    return sub
                return None
        head = _strip_adjuncts(parts[-2])
        name = _name_span(_words(last), r)
        if name is not None and name[0] == 0:
            role = _role_chunk(head, r)
            if role is not None:  # `the airline's chief executive, Karim Haddad, told`
                return _Subject(last, name[1], role, "person", _gender_of(_words(role), r))
        if _appositive(last, r):
            sub = _np(head, r)
            if sub is not None and sub.kind in ("person", "body", "people"):
                if sub.name is not None and sub.role is None and not _clausal(last):
                    sub.role = last  # `Sarah Collins, an aviation analyst at …, said`
                    sub.gender = sub.gender or _gender_of(_words(last)[:3], r)
                return sub
        return None
    chunk = stripped.split(",")[-1]
    chunk = _strip_adjuncts(chunk)
    sub = _np(chunk, r)
    if sub is not None:
        return sub
    ws = _words(chunk)
    for j in range(len(ws) - 1, 0, -1):  # `prices rose after the bank said`: the phrase after a subordinator
        if _bare(ws[j - 1]) in _CONDITIONALS:
            return None  # `asked if he had said so`, `whether the bank said`: no speech reported
        if _bare(ws[j - 1]) in _SUBORDINATORS:
            return _np(" ".join(ws[j:]), r)
    return None


def _inverted(after: str, r: EnglishRules) -> _Subject | None:
    """`said Sarah Collins, an aviation analyst at a London-based consultancy.`: the subject after the verb."""
    dotted = _stops().abbreviation.sub(lambda d: d.group(1) + "\u2024", after)  # `said Dr. Smith`: no full stop
    m = re.match(r"\s*([^,;.:“”\"]{2,90}?)\s*(?:,\s*([^;:“”\"]{2,120}?))?\s*(?:[.;:]\s|[.;:]?$|,?\s*[“\"])",
                 dotted)
    if m is None:
        m = re.match(r"\s*([^,;.:“”\"]{2,90}?)\s*(?:,\s*([^;:“”\"]{2,120}?))?\s*\.?$", dotted)
    if m is None:
        return None
    subj = _strip_adjuncts(after[m.start(1):m.end(1)])
    sub = _np(subj, r)
    if sub is None or sub.kind == "pronoun":
        return None
    app = after[m.start(2):m.end(2)] if m.group(2) else None
    if app and sub.name is not None and sub.role is None:
        app = app.rstrip(". ")
        if _appositive(app, r) and not _clausal(app):
            sub.role = app
            sub.gender = sub.gender or _gender_of(_words(app)[:3], r)
    return sub


def _mode(text: str, spans: list[tuple[int, int]], cues: list[int], chosen: int) -> str:
    """Direct when a quotation of three words or more belongs to the chosen cue: the cue nearest to it (`"…," said
    X` and `X said: "…"`; in `Analysts said …; "…," said Collins` the quotation is Collins's, not the
    analysts')."""
    for a, b in spans:
        if len(text[a:b].split()) < 3:
            continue  # a scare-quoted word or two reports no words
        nearest = min(cues, key=lambda c: a - c if c < a else c - b) if cues else chosen
        if nearest == chosen:
            return "direct"
    return "indirect"


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with quoted material blanked (same length)."""
    chars = list(text)
    for a, b in spans:
        for i in range(a + 1, min(b, len(text)) - 1):
            chars[i] = " "
    return "".join(chars)


def _clause_start(masked: str, at: int) -> int:
    start = 0
    for m in _stops().boundary.finditer(masked, 0, at):
        start = m.end()
    for q in ("\"", "“", "”"):
        p = masked.rfind(q, 0, at)
        if p + 1 > start:
            start = p + 1
    return start


def _according(masked: str, text: str, r: EnglishRules) -> tuple[int, EnglishEvent | None] | None:
    for src in r.sources:
        m = re.search(r"\b(" + re.escape(src) + r")\s+([^,;.:“”\"()]{2,80})", masked, re.I)
        if m is None:
            continue
        phrase = _strip_adjuncts(text[m.start(2):m.end(2)].strip())
        ws = _words(phrase)
        if not ws:
            return m.start(), None
        h = _head_of(ws)
        kind = _head_kind(ws[h], r)
        cue = text[m.start(1):m.end(1)]
        if kind == "document":
            tail = ws[h + 1:]
            if tail and _bare(tail[0]) in ("from", "by") and _noun(ws[h]) in ("statement", "statements"):
                inner = _np(" ".join(tail[1:]), r)
                if inner is not None and inner.kind != "pronoun":
                    return m.start(), EnglishEvent(inner.speaker, inner.name, inner.role, cue, "indirect")
            return m.start(), None  # `according to industry figures`: a document is no speaker
        sub = _np(phrase, r)
        if sub is None:
            base = " ".join(ws[:h + 1])
            sub = _np(base, r) if kind in ("person", "people", "body") else None
            if sub is None or h + 1 < len(ws) and _bare(ws[h + 1]) not in _POSTMODIFIERS:
                return m.start(), None
            sub = _Subject(phrase, sub.name, sub.role, sub.kind, sub.gender)
        if sub.kind == "pronoun":
            return m.start(), None
        return m.start(), EnglishEvent(sub.speaker, sub.name, sub.role, cue, "indirect")
    return None


def _looks_like_speech(masked: str, start: int, end: int, verb: str) -> bool:
    before = masked[:start].split()
    after = masked[end:].split()
    prev = _bare(before[-1]) if before else ""
    nxt = _bare(after[0]) if after else ""
    if prev in _DETERMINERS:
        return False  # `the said agreement`, `a noted author`
    if verb == "told" and prev == "all":
        return False  # `all told`
    if verb in _PLURAL_VERBS and (prev in _NOT_SAY or not before):
        return False  # `declined to say`, `did not say`
    if verb == "said" and nxt == "to" and len(after) > 1 and _bare(after[1]) not in (
            "reporters", "journalists", "the", "a", "him", "her", "them", "me", "us", "reuters", "parliament") \
            and not after[1][:1].isupper():
        return False  # `said to be`, `said to have`
    return True


def _passive(masked: str, start: int) -> bool:
    before = masked[:start].split()
    while before and _bare(before[-1]) in ("also", "reportedly", "widely", "often", "never", "not", "previously",
                                            "later", "then", "being"):
        if _bare(before[-1]) == "being":
            return True
        before = before[:-1]
    return bool(before) and _bare(before[-1]) in _PASSIVE


def read(text: str, last_speaker: str | None, state: ArticleState) -> EnglishEvent | None:
    """The speech event of one English statement, or None. `last_speaker` is the speaker of the attributor's
    last explicit event (the antecedent a pronoun may take), None when there is none to continue."""
    r = english_rules()
    text = _ACRONYM.sub(lambda m: " " * len(m.group()), text)
    spans = [(a, b) for a, b in quote_spans(text)]
    masked = _outside(text, spans)
    cues = [m.start() for m in re.finditer(r"[A-Za-z]+", masked) if m.group().lower() in r.verbs
            and _looks_like_speech(masked, m.start(), m.end(), m.group().lower())]
    found: EnglishEvent | None = None
    chosen = -1
    _note_names(masked, state, r)
    at = len(text) + 1
    acc = _according(masked, text, r)
    if acc is not None and acc[1] is not None:
        at, found = acc  # a verb before `according to` comes first; a document after it leaves the verbs to read
        chosen = at
    for m in re.finditer(r"[A-Za-z]+", masked):
        if m.start() >= at:
            break
        verb = m.group().lower()
        if verb not in r.verbs:
            continue
        if not _looks_like_speech(masked, m.start(), m.end(), verb):
            continue
        cue = m.group()
        if _passive(masked, m.start()):
            by = _BY.match(text, m.end())
            agent = by.group(1).split() if by else []
            cut = next((n for n, w in enumerate(agent) if _bare(w) in _SUBORDINATORS or _bare(w) == "to"), len(agent))
            sub = _np(_strip_adjuncts(" ".join(agent[:cut])), r) if agent else None
            if sub is None or sub.kind == "pronoun":
                continue  # `reporters were told`: the hearer, not the speaker
            found, chosen = _event(sub, cue, state, last_speaker, r), m.start()
            break
        start = _clause_start(masked, m.start())
        region = masked[start:m.start()]
        subject: _Subject | None = None
        if region.strip() and region.strip() != ",":
            subject = _preposed(text[start:m.start()], r)
        if subject is None and verb in r.inverted:
            prior = masked[:m.start()].rstrip()
            if not region.strip().strip(","):
                subject = _inverted(text[m.end():], r)
            elif prior.endswith(","):
                subject = _inverted(text[m.end():], r)
        if subject is None:
            continue
        found, chosen = _event(subject, cue, state, last_speaker, r), m.start()
        break
    if found is None and acc is None:
        part = r.participle.search(masked)
        sub = _lead_subject(masked, part.start(), r) if part else None
        if part is not None and sub is not None:
            found, chosen = _event(sub, text[part.start(1):part.end(1)], state, last_speaker, r), part.start(1)
    if found is None:
        return None
    found.mode = _mode(text, spans, sorted(set(cues + ([chosen] if chosen not in cues else []))), chosen)
    if found.explicit:
        _remember(found, state, r)
    return found


def _note_names(text: str, state: ArticleState, r: EnglishRules) -> None:
    """Names of two words or more written right after a title or a role word, in any statement (`Iran's foreign
    ministry spokesman Nasser Kanaani called …`): a later `Kanaani said` is that person, as the Arabic side's
    inventory reads people named with a role anywhere in the article."""
    ws = text.split()
    for n, w in enumerate(ws[:-1]):
        b = _bare(w)
        if b not in _TITLES and b not in r.person_heads or w.endswith(","):
            continue
        run: list[str] = []
        for x in ws[n + 1:n + 6]:
            clean = re.sub(r"['’]s$", "", x.rstrip(",.;:"))  # (`minister Karim Haddad's office`)
            if not (_capitalised(clean) or _bare(clean) in _PARTICLES) or _bare(clean) in _NON_NAMES \
                    or _bare(clean) in _TITLES or not re.fullmatch(r"[A-Za-z][A-Za-z'’.\-]*", clean):
                break
            run.append(clean)
            if clean != x:
                break
        while run and _bare(run[-1]) in _PARTICLES:
            run.pop()
        if len(run) >= 2 and " ".join(run) not in state.named:
            state.named.append(" ".join(run))


def _fuller(name: str, state: ArticleState) -> str | None:
    """The one full name noted so far that ends with `name` (`Kanaani` → `Nasser Kanaani`), else None."""
    found = {full for full in state.named if full != name and full.lower().endswith(" " + name.lower())}
    return found.pop() if len(found) == 1 else None


def _lead_subject(masked: str, end: int, r: EnglishRules) -> _Subject | None:
    """The subject of the clause that opens the statement (`Egypt's central bank left rates unchanged …, saying`):
    the shortest opening phrase that reads as a subject and is followed by a lower-case word (its verb)."""
    start = 0
    for m in _stops().boundary.finditer(masked, 0, end):
        if m.group().strip() in ("-", "–", "—", "--", ")"):
            start = m.end()  # a dateline: `DUBAI, Aug 12 (Reuters) - `
    clause = masked[start:end]
    if "," in clause.split(" ")[0] or any(q in clause for q in "\"“”"):
        return None
    ws = clause.split()
    for n in range(1, min(len(ws) - 1, 8) + 1):
        nxt = ws[n]
        if not nxt[:1].islower() or _bare(nxt) in _POSTMODIFIERS or _bare(nxt) in _SUBORDINATORS:
            continue
        phrase = " ".join(ws[:n])
        if "," in phrase or phrase.endswith(("'s", "’s")):
            continue
        sub = _np(_strip_adjuncts(phrase), r)
        if sub is None or sub.kind == "pronoun" or sub.name is not None and " " not in sub.name:
            continue  # (`Shares rose …, saying`: a one-word "name" may be any capitalised noun)
        return sub
    return None


def _event(sub: _Subject, cue: str, state: ArticleState, last_speaker: str | None,
           r: EnglishRules) -> EnglishEvent | None:
    if sub.kind == "pronoun":
        return _pronoun(sub.gender, cue, state, last_speaker)
    event = EnglishEvent(sub.speaker, sub.name, sub.role, cue, "indirect")
    if sub.name is not None:
        event.canonical = _fuller(sub.name, state)  # used when the article's inventory knows no fuller mention
    ws = _words(sub.speaker)
    if sub.name is None and sub.kind == "person" and len(ws) <= 4 and _bare(ws[0]) == "the" \
            and _head_of(ws) == len(ws) - 1 and not any(w.endswith(("'s", "’s")) for w in ws):
        head = _noun(ws[-1])  # `the chief executive`, not `the chief executive of Boeing`
        owners = {s.name for s in state.seen if s.name and s.role
                  and _noun(_words(s.role)[_head_of(_words(s.role))]) == head}
        owners |= {s.speaker.lower() for s in state.seen if s.name is None and s.speaker.lower() != sub.speaker.lower()
                   and _noun(_words(s.speaker)[_head_of(_words(s.speaker))]) == head}  # `the chief executive of Boeing`
        if len(owners) == 1:
            event.canonical = owners.pop()  # `the chief executive said` → Karim Haddad
    return event


def _remember(event: EnglishEvent, state: ArticleState, r: EnglishRules) -> None:
    ws = _words(event.speaker)
    kind = "person" if event.name else (_head_kind(ws[_head_of(ws)], r) or "body") if ws else "body"
    if event.canonical:
        kind = "person"
    gender = _gender_of(ws, r) or (_gender_of(_words(event.role)[:3], r) if event.role else "")
    key = event.canonical or event.name or event.speaker
    for s in state.seen:
        if (s.name or s.speaker) == key or s.speaker == event.speaker:
            gender = gender or s.gender
    state.seen.append(_Seen(event.speaker, event.canonical or event.name, event.role, kind, gender))


def _pronoun(pronoun: str, cue: str, state: ArticleState, last_speaker: str | None) -> EnglishEvent | None:
    if last_speaker is None or not state.seen:
        return None
    idx = max((i for i, s in enumerate(state.seen) if s.speaker == last_speaker), default=-1)
    if idx < 0:
        return None  # the last event is not one read here: nothing to agree with
    window = state.seen[:idx + 1]
    chosen: _Seen | None = None
    if pronoun in ("he", "she"):
        people = [s for s in window if s.kind == "person"]
        distinct: list[_Seen] = []
        for s in reversed(people):
            if all((s.name or s.speaker) != (d.name or d.speaker) for d in distinct):
                distinct.append(s)
        genders: dict[str, str] = {}
        for s in people:
            k = s.name or s.speaker
            if s.gender:
                genders[k] = s.gender
        for n, s in enumerate(distinct[:3]):
            g = genders.get(s.name or s.speaker, "")
            if g == pronoun_gender(pronoun):
                chosen = s
                break
            if g == "":
                others = [d for d in distinct[:2] if (d.name or d.speaker) != (s.name or s.speaker)
                          and genders.get(d.name or d.speaker, "") == pronoun_gender(pronoun)]
                if n == 0 and not others:
                    chosen = s
                break  # an unknown gender is taken only as the latest person, with no rival just before
        if chosen is not None:
            k = chosen.name or chosen.speaker
            for s in state.seen:
                if (s.name or s.speaker) == k and not s.gender:
                    s.gender = pronoun_gender(pronoun)  # `She added …`: Sarah Collins is a woman from now on
    elif pronoun == "they":
        last = window[-1]
        chosen = last if last.kind == "people" else None
    elif pronoun == "it":
        last = window[-1]
        chosen = last if last.kind == "body" else None
    if chosen is None:
        return None
    return EnglishEvent(chosen.speaker, chosen.name, chosen.role, cue, "indirect", explicit=False)


def pronoun_gender(pronoun: str) -> str:
    return "male" if pronoun == "he" else "female" if pronoun == "she" else ""
