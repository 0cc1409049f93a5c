"""Which attributed speakers are identities across articles, and which only within their article.

The `speakers` table keys on the normalised canonical name, so every article's `الوزارة` (the ministry that
article is about), `الجانبان` (the two parties of that meeting) or `مصدر عسكري` would otherwise be one speaker
with statements from unrelated stories, and the top-speaker reports would rank it first. Such a speaker stays
on its statement (`speaker_text`, `role`) and is not linked (`speaker_id` NULL). Lists in
`rules/speakers/unnamed.yaml`, with the common nouns of `titles.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pipeline import lexicons
from pipeline.normalize import fold


@dataclass(frozen=True)
class IdentityRules:
    referents: frozenset[str]  # one definite word that names no one: `الوزارة`, `الجانبان`, `المدرب`
    anonymous: frozenset[str]  # the first word of an unnamed source or group: `مصدر`, `مسؤولون`, `العديد`
    anonymous_en: frozenset[str]


def _fold(values: list) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values)


def _definite(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w.startswith("ال"))


def _build(data: dict[str, list]) -> IdentityRules:
    common = _fold(data.get("role_heads", []) + data.get("institutions", []) + data.get("groups", [])
                   + data.get("outlets", []) + data.get("honorifics", []) + data.get("common_referents", []))
    sources = frozenset("ال" + w for w in _fold(data.get("source_heads", [])))
    return IdentityRules(
        referents=(_definite(common) | sources) - _fold(data.get("named_bodies", [])),
        anonymous=_fold(data.get("anonymous_heads", []) + data.get("source_heads", []) + data.get("groups", [])
                        + data.get("quantifiers", [])),
        anonymous_en=frozenset(str(v).lower() for v in data.get("anonymous_heads_en", [])),
    )


def rules() -> IdentityRules:
    return lexicons.cached("speakers", _build)


def unnamed(name: str) -> bool:
    """True when `name` (a canonical speaker) names nobody outside its article: one definite common noun, or an
    indefinite unnamed source or group. Names, named bodies and roles with a complement (`محافظ الخرج`) are
    identities."""
    return _unnamed(name, rules())


@lru_cache(maxsize=8192)  # a batch names the same few speakers thousands of times; keyed on the rules in force
def _unnamed(name: str, r: IdentityRules) -> bool:
    words = name.split()
    if not words:
        return True
    if name.isascii():
        lead = words[0].lower()
        if lead in ("a", "an") or lead in r.anonymous_en or words[0] == "the":
            return True
        # a name capitalises its words but for particles (`Sarah Collins`, `The White House`, `Bashar al-Assad`,
        # `Ursula von der Leyen`); `The company`, `U.S. officials` capitalise none after the first
        return len(words) > 1 and not any(w.split("-")[-1][:1].isupper() for w in words[1:])
    first = fold(words[0])
    if len(words) == 1 and first in r.referents:
        return True
    return first in r.anonymous
