"""Who a speaker is: tokens, the subject after a speech verb (role and name apart), and canonical names.

Rule data comes from pipeline/rules/speakers/ (titles.yaml, non_speech.yaml, curation.yaml) and is read
once per rules search path. Matching uses pipeline.normalize folding, so روحاني and روحانى are one name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline import lexicons
from pipeline.normalize import fold, match_key

_TOKEN = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+")
_BARRIER = re.compile("[،,:؛;.!?؟()«»“”„\"…\\[\\]]")
_ARABIC = re.compile("[\u0621-\u064a]")
_FOLDED: dict[str, str] = {}
_PARTICLE_KEYS = frozenset(("بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ام"))
_WEAK_STOPS = frozenset(("من", "ما", "هذا", "هذه", "كل", "جميع", "غير"))
_THAT = frozenset(("ان", "انه", "بان", "بانه", "انها"))


def key(raw: str) -> str:
    """Folded form of one token, memoised (tokens repeat across a corpus)."""
    k = _FOLDED.get(raw)
    if k is None:
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        k = _FOLDED[raw] = fold(raw)
    return k


@dataclass(slots=True)
class Token:
    start: int
    end: int
    raw: str
    key: str
    barrier: bool  # punctuation between the previous token and this one


def tokens(text: str) -> list[Token]:
    """Word tokens of a statement with folded keys; `barrier` marks punctuation before a token."""
    out: list[Token] = []
    prev_end = 0
    for m in _TOKEN.finditer(text):
        raw = m.group()
        start = m.start()
        barrier = start - prev_end > 1 or (start > prev_end and text[prev_end] != " ")
        out.append(Token(start, m.end(), raw, key(raw), barrier and bool(_BARRIER.search(text, prev_end, start))))
        prev_end = m.end()
    return out


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


def _keys(values: list) -> frozenset[str]:
    return frozenset(key(str(v)) for v in values)


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
        role_heads=_keys(data.get("role_heads", [])),
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


class Parser:
    """Subject parsing against the rules, the cue test and the names already known in the article."""

    def __init__(self, r: SpeakerRules, is_cue, known: frozenset[str] = frozenset()) -> None:
        self.r, self.is_cue, self.known = r, is_cue, known

    def stops_here(self, k: str) -> bool:
        r = self.r
        return k in r.stops or k in r.non_speech or self.is_cue(k) or k in r.blockers or (
            k[:1] in "وف" and (k[1:] in r.non_speech or k[1:] in r.blockers))

    def name_like(self, t: Token) -> bool:
        k, r = t.key, self.r
        return (len(k) > 1 and not k.isdigit() and not is_al(k) and k not in r.role_heads and k not in r.institutions
                and k not in r.role_words and k not in r.honorifics and not self.stops_here(k)
                and k not in r.settings and bool(_ARABIC.match(k)))

    def conjunct(self, t: Token) -> bool:
        """`وروحانى`, `والأمريكي`: the conjunction و glued to the next subject."""
        k = t.key
        return k.startswith("و") and len(k) > 3 and k not in self.r.waw_words and not self.stops_here(k[1:])

    def subject(self, toks: list[Token], i: int, limit: int, text: str) -> Who | None:
        """The subject starting at token i (before `limit`): [honorifics] [role phrase] [name] [و co-speakers]."""
        r = self.r
        role: list[Token] = []
        name: list[Token] = []
        co: list[str] = []
        pos, clean, closed, forced = i, False, False, False
        honored, prep_cut = False, None
        anchored_head = toks[i].key in r.role_heads if i < limit else False
        while pos < limit:
            t = toks[pos]
            k = t.key
            if pos > i and t.barrier:
                clean = True
                if role and not name:
                    name, pos = self._apposition(toks, pos, limit)
                break
            if k in ("في", "علي") and not name and role and pos + 1 < limit and not toks[pos + 1].barrier \
                    and toks[pos + 1].key not in r.settings and not self.stops_here(toks[pos + 1].key):
                if k == "علي":
                    if not anchored_head or prep_cut is not None:
                        clean = True
                        break
                    prep_cut = len(role)  # `المشرف العام على البرنامج نايف الهاجري`, undone without a name
                role.append(t)  # `المكتب الصحفي في الكرملين`, `الخبير في الشؤون`
                pos += 1
                forced = True
                continue
            if self.stops_here(k) or k == "في":
                clean = k not in _WEAK_STOPS  # `تفاؤلاً أكبر من`: an object can run into من
                break
            if forced:  # the genitive after an indefinite head: `رئيس ميدان`, `لنادي اشبيلية`
                role.append(t)
                forced = not is_al(k) and k in r.institutions
                pos += 1
                continue
            if not name and role and k.startswith("و") and is_al(k[1:]):
                role.append(t)  # `وزير الشؤون البلدية والقروية`
                pos += 1
                continue
            if (name or role) and (self.conjunct(t) or k == "و"):
                other = self._conjoined(toks, pos + 1 if k == "و" else pos, limit, text)
                if other is None:
                    break
                co.append(other.speaker)
                co.extend(other.co)
                pos, clean = other.end, other.clean
                break
            if k in r.honorifics and not name:
                honored = True
                pos += 1
                continue
            if name:
                if closed:
                    break
                words = sum(1 for x in name if x.key not in r.particles)
                if k in r.particles or toks[pos - 1].key in r.particles:
                    name.append(t)
                elif k in r.honorifics or k in r.role_heads:
                    break
                elif is_al(k) and not is_al(name[0].key) and (
                        words == 1 or (words == 2 and self._closes(toks, pos + 1, limit))):
                    name.append(t)  # `بشار الأسد`, `مفلح صبيان الفايدي`: a family name closes the name
                    closed = True
                elif self.name_like(t) and words < 4:
                    name.append(t)
                else:
                    break
            elif k in r.role_heads or k in r.institutions or k in r.role_words:
                anchored_head = anchored_head or (not role and k in r.role_heads)
                role.append(t)
                forced = not is_al(k) and not t.raw.endswith(("ه", "ها", "هم"))
            elif role and len(k) >= 3 and not is_al(k) and k not in self.known and (
                    k[0] == "ل" or (k[0] == "ب" and k[1:] in r.institutions)):
                role.append(t)  # `لنادي`, `بحي`, `لرابطة`
                forced = True
            elif is_al(k) and (role or k not in self.known):
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
        anchored_role = bool(role) and role[0].key in r.role_heads
        kept = self._confirmed(name, clean or bool(co), (anchored_role and is_al(role[-1].key)) or (honored and not role))
        if kept != name:
            name, clean = kept, False
            pos = toks.index(name[-1], i) + 1 if name else (toks.index(role[-1], i) + 1 if role else i)
        if role and not name and not co:
            cut = next((n for n, x in enumerate(role) if n and x.key.startswith("بال")), None)
            if cut is not None:  # `وطالب المحكمة الجنائية بالتحقيق`: an object, not a subject
                role, clean = role[:cut], False
                pos = toks.index(role[-1], i) + 1
            if not clean:
                return None
        institution = bool(role) and role[0].key in r.institutions
        descriptor = len(role) == 1 and bool(name) and pos < limit and (
            toks[pos].barrier or toks[pos].key in _THAT or toks[pos].key == "ل")
        if role and not (anchored_role or institution) and not descriptor:
            return None  # `ودعا التعميم الوزاري اللجان …`: not a speaker; `الموسيقار خالد برزنجي ل…` is
        known = bool(name) and all(x.key in self.known or x.key in r.particles for x in name)
        if name and institution:
            speaker, name = _span(text, role + name), []  # `وكالة الأنباء الايرانية ارنا`: the name is the outlet's
        elif name:
            speaker = _span(text, name)
        elif role and (anchored_role or institution) and len(role) <= 12:
            speaker = _span(text, role)
        else:
            return None
        role_text = _span(text, role) if anchored_role else None
        return Who(speaker=speaker, role=role_text, name=_span(text, name) if name else None, co=co, end=pos,
                   clean=clean, anchored=anchored_role or institution or known or (honored and bool(name)))

    def _closes(self, toks: list[Token], pos: int, limit: int) -> bool:
        """A subject surely ends here: punctuation, أن/إن, or `في تصريح` (not `الوضع في المنطقة`)."""
        if pos >= limit or toks[pos].barrier or toks[pos].key in _THAT:
            return True
        return toks[pos].key == "في" and pos + 1 < limit and toks[pos + 1].key in self.r.settings

    def _ends_after(self, toks: list[Token], pos: int, limit: int) -> bool:
        return pos >= limit or toks[pos].barrier or self.stops_here(toks[pos].key) or toks[pos].key == "في"

    def _apposition(self, toks: list[Token], pos: int, limit: int) -> tuple[list[Token], int]:
        """`رئيس اللجنة ، محمد الخميس، أن`: a name set off by commas after a role."""
        j = pos
        name: list[Token] = []
        while j < limit and (j == pos or not toks[j].barrier) and len(name) < 5:
            t = toks[j]
            if self.name_like(t) or t.key in self.r.particles or (name and is_al(t.key)):
                name.append(t)
                j += 1
            else:
                break
        if name and (j >= limit or toks[j].barrier or toks[j].key in _THAT):
            return name, j
        return [], pos

    def _conjoined(self, toks: list[Token], pos: int, limit: int, text: str) -> Who | None:
        """The subject after a conjunction; its `end` indexes `toks`."""
        if pos >= limit:
            return None
        first = toks[pos]
        if first.key.startswith("و") and first.raw.startswith("و") and first.key not in self.r.waw_words:
            first = Token(first.start + 1, first.end, first.raw[1:], first.key[1:], False)
        if not (self.name_like(first) or first.key in self.r.role_heads or first.key in self.r.institutions):
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
        while name and not (name[-1].key in self.known or (anchored and len(name) <= 2)):
            if len(name) == 1:
                return []
            name = name[:-1]
        return name


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

    def add(self, name: str, role: str | None = None) -> None:
        words = name.split()
        while words and match_key(words[-1]) in _PARTICLE_KEYS:
            words.pop()
        name = " ".join(words)
        k = match_key(name)
        if not k:
            return
        person = self.people.get(k)
        if person is None:
            person = self.people[k] = Person(name, tuple(k.split()))
            for tok in person.tokens:
                self.by_token.setdefault(tok, set()).add(k)
        elif _spelling_rank(name) > _spelling_rank(person.name):
            person.name = name
        if role:
            rk = match_key(role)
            if rk not in person.roles:
                person.roles.append(rk)
            self.role_text.setdefault(rk, role)
            self.by_role.setdefault(rk, set()).add(k)

    def known_tokens(self) -> frozenset[str]:
        return frozenset(key(t) for p in self.people.values() for t in p.name.split())

    def fullest(self, name: str) -> str:
        """The fullest mention in the article containing every word of `name`, if only one person fits."""
        words = match_key(name).split()
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

    def for_role(self, role: str) -> str | None:
        """The one person the article gives this role (`الرئيس الروسي` → فلاديمير بوتين), else None."""
        rk = match_key(role)
        people = self.by_role.get(rk)
        if not people:
            people = set().union(*(v for r, v in self.by_role.items() if r.startswith(rk + " "))) if rk else set()
        if len(people) != 1:
            return None
        return self.fullest(self.people[next(iter(people))].name)

    def mentions(self, toks: list[Token], stop: int) -> list[str]:
        """Canonical names of the known people mentioned in toks[:stop], in order of first mention."""
        seen: list[str] = []
        for t in toks[:stop]:
            k = match_key(t.raw)
            for person_key in sorted(self.by_token.get(k, ())):
                person = self.people[person_key]
                if k == person.tokens[-1] or len(person.tokens) == 1:
                    canonical = self.fullest(person.name)
                    if canonical not in seen:
                        seen.append(canonical)
        return seen


def _spelling_rank(name: str) -> tuple[int, int]:
    """Prefer the spelling with hamza forms and dotted final ي (الأسد over الاسد, روحاني over روحانى)."""
    return sum(name.count(c) for c in "أإآ"), sum(1 for w in name.split() if w.endswith("ي"))


def curate(name: str, r: SpeakerRules) -> str:
    """The curation file's canonical for a name, else the name."""
    return r.merge.get(match_key(name), name)
