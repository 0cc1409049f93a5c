"""Boilerplate profiles as data: load generic and per-source rule files along the rules search path, compiled once."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.normalize import digits_folded, match_key
from pipeline.ruleset import load_sources, load_yaml, reload_sources, rule_files

GENERIC = "generic"
MATCH_KINDS = ("line", "head", "tail", "span", "title")


@dataclass(frozen=True, slots=True)
class Rule:
    """One removal rule: where it looks (`match`), what it matches, and the id recorded with what it removes."""

    id: str
    match: str
    regex: re.Pattern[str]
    where: str = "any"  # line rules: any paragraph, or `edge` = the first two and the trailing paragraphs
    max_words: int | None = None


@dataclass(frozen=True, slots=True)
class DatelineRule:
    id: str
    where: str  # line: a whole paragraph among the first two; first: the first paragraph only; head: its start
    regex: re.Pattern[str]
    agency: str | None = None
    require_date: bool = False


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything clean() needs for one source: its rules before the generic ones, datelines, months, zone."""

    name: str
    rules: tuple[Rule, ...]
    datelines: tuple[DatelineRule, ...]
    agencies: tuple[str, ...]
    hijri_months: dict[str, int]
    gregorian_months: dict[str, int]
    platforms: tuple[tuple[str, re.Pattern[str]], ...]
    call_to_action: re.Pattern[str]
    promo_max_words: int
    promo_continuation: re.Pattern[str]
    platform_url: re.Pattern[str]
    time_zone: str = "UTC"
    line_rules: tuple[Rule, ...] = field(default=(), compare=False)
    head_rules: tuple[Rule, ...] = field(default=(), compare=False)
    tail_rules: tuple[Rule, ...] = field(default=(), compare=False)
    span_rules: tuple[Rule, ...] = field(default=(), compare=False)
    title_rules: tuple[Rule, ...] = field(default=(), compare=False)
    # The line rules as one alternation each (first rule that matches wins, as in the loop); None: loop over them.
    line_edge: LineRules | None = field(default=None, compare=False)   # the first two and the trailing paragraphs
    line_inner: LineRules | None = field(default=None, compare=False)  # the others: rules without `where: edge`
    # call_to_action without IGNORECASE, for text without cased letters (Arabic, digits, punctuation): there the
    # flag cannot change what matches, and the case-sensitive search is about twice as fast.
    call_to_action_uncased: re.Pattern[str] | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class LineRules:
    """Several line rules compiled into one alternation `(?P<_r0>…)|(?P<_r1>…)`: one fullmatch call per paragraph.

    The alternatives are tried in rule order, so the first rule that matches the whole paragraph wins, exactly as
    looping over the rules; `ids` maps the matching alternative's group (the match's lastindex) to its rule id.
    """

    regex: re.Pattern[str]
    ids: dict[int, str]

    def rule_id(self, text: str) -> str | None:
        match = self.regex.fullmatch(text)
        return self.ids[match.lastindex] if match else None  # type: ignore[index]


# Numbered back-references and conditionals would point at other groups once patterns are combined (an even run
# of backslashes before them: `\\(?(` is a literal parenthesis, not a conditional).
_GROUP_REFERENCE = re.compile(r"(?<!\\)(?:\\\\)*(?:\\[1-9]|\(\?P=|\(\?\()")


def _line_rules(rules: list[Rule]) -> LineRules | None:
    """One alternation of `rules`, or None when they cannot be combined (max_words, references, clashing names)."""
    if not rules or any(r.max_words is not None or _GROUP_REFERENCE.search(r.regex.pattern) for r in rules):
        return None
    flags = {r.regex.flags for r in rules}
    if len(flags) != 1:
        return None
    try:
        regex = re.compile("|".join(f"(?P<_r{i}>{r.regex.pattern})" for i, r in enumerate(rules)), flags.pop())
    except re.error:
        return None
    return LineRules(regex, {regex.groupindex[f"_r{i}"]: r.id for i, r in enumerate(rules)})


def learned_rule_id(key: str) -> str:
    """`learned:<first 12 hex of sha1>` for a digits-folded line key."""
    return "learned:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def line_key(line: str) -> str:
    """The key under which a line is counted and learned (letters folded, digits as 0)."""
    return digits_folded(line)


def _alternation(names: list[str]) -> str:
    """A regex alternation of literal names, longest first so `أ ف ب` wins over `أ ب`."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) or "(?!)"


def _expand(pattern: str, fills: dict[str, str]) -> str:
    for name, value in fills.items():
        pattern = pattern.replace("{" + name + "}", f"(?:{value})")
    return pattern


def _read_profiles() -> dict[str, dict[str, Any]]:
    """Raw profile documents by name; a user file of the same name replaces the packaged one."""
    docs: dict[str, dict[str, Any]] = {}
    for path in rule_files("profiles"):
        doc = load_yaml(path) or {}
        docs[doc.get("name") or path.stem] = doc
    return docs


class Ruleset:
    """Parsed profiles plus the sources table, resolving a source name to its compiled Profile."""

    def __init__(self) -> None:
        self.docs = _read_profiles()
        self.generic = self.docs.get(GENERIC, {})
        self.sources = {entry["name"]: entry for entry in load_sources()}
        self._by_key: dict[str, str] = {}
        for name, doc in self.docs.items():
            for alias in [name, *(doc.get("aliases") or [])]:
                self._by_key.setdefault(match_key(str(alias)), name)
        self._compiled: dict[str, Profile] = {}

    def profile_name(self, source: str) -> str:
        """The profile for a source: the one sources.yaml names, else one whose name or alias matches."""
        entry = self.sources.get(source)
        if entry and entry.get("profile") in self.docs:
            return entry["profile"]
        names = [source, *((entry or {}).get("aliases") or [])]
        for name in names:
            found = self._by_key.get(match_key(str(name)))
            if found:
                return found
        return GENERIC

    def time_zone(self, source: str) -> str:
        return (self.sources.get(source) or {}).get("time_zone") or "UTC"

    def profile(self, source: str) -> Profile:
        if source not in self._compiled:
            self._compiled[source] = self._compile(self.profile_name(source), self.time_zone(source))
        return self._compiled[source]

    def _compile(self, name: str, zone: str) -> Profile:
        own = self.docs.get(name, {}) if name != GENERIC else {}
        generic = self.generic
        agencies = [str(a) for a in (*(generic.get("agencies") or []), *(own.get("agencies") or []))]
        hijri = {**(generic.get("hijri_months") or {}), **(own.get("hijri_months") or {})}
        greg = {**(generic.get("gregorian_months") or {}), **(own.get("gregorian_months") or {})}
        platforms = {**(generic.get("platforms") or {}), **(own.get("platforms") or {})}
        fills = {
            "agency": _alternation(agencies),
            "hijri_month": _alternation(list(hijri)),
            "gregorian_month": _alternation(list(greg)),
            "platform": "|".join(f"(?:{p})" for p in platforms.values()) or "(?!)",
        }
        rules = []
        for doc in (own, generic):
            for spec in doc.get("rules") or []:
                if spec.get("match") not in MATCH_KINDS:
                    raise ValueError(f"profile {doc.get('name')}: rule {spec.get('id')} has unknown match {spec.get('match')!r}")
                pattern = _expand(spec["pattern"], fills)
                flags = re.IGNORECASE
                if spec["match"] == "head" or spec["match"] == "title":
                    pattern = rf"^(?:{pattern})\s*"
                elif spec["match"] == "tail":
                    pattern = rf"(?:{pattern})\s*$"
                rules.append(Rule(
                    id=spec["id"], match=spec["match"], regex=re.compile(pattern, flags),
                    where=spec.get("where", "any"), max_words=spec.get("max_words"),
                ))
        datelines = []
        for doc in (own, generic):
            for spec in doc.get("datelines") or []:
                datelines.append(DatelineRule(
                    id=spec["id"], where=spec.get("where", "line"), regex=re.compile(_expand(spec["pattern"], fills)),
                    agency=spec.get("agency"), require_date=bool(spec.get("require_date")),
                ))
        merged = {**generic, **{k: v for k, v in own.items() if k in ("call_to_action", "promo_continuation",
                                                                         "platform_url", "promo_max_words")}}
        return Profile(
            name=name, rules=tuple(rules), datelines=tuple(datelines), agencies=tuple(agencies),
            hijri_months=hijri, gregorian_months=greg,
            platforms=tuple((k, re.compile(v, re.IGNORECASE)) for k, v in platforms.items()),
            call_to_action=re.compile(_expand(merged.get("call_to_action") or "(?!)", fills), re.IGNORECASE),
            call_to_action_uncased=re.compile(_expand(merged.get("call_to_action") or "(?!)", fills)),
            promo_max_words=int(merged.get("promo_max_words") or 30),
            promo_continuation=re.compile(rf"(?:{merged.get('promo_continuation') or '(?!)'})", re.IGNORECASE),
            platform_url=re.compile(rf"(?:{merged.get('platform_url') or '(?!)'})", re.IGNORECASE),
            time_zone=zone,
            line_rules=tuple(r for r in rules if r.match == "line"),
            line_edge=_line_rules([r for r in rules if r.match == "line"]),
            line_inner=_line_rules([r for r in rules if r.match == "line" and r.where != "edge"]),
            head_rules=tuple(r for r in rules if r.match == "head"),
            tail_rules=tuple(r for r in rules if r.match == "tail"),
            span_rules=tuple(r for r in rules if r.match == "span"),
            title_rules=tuple(r for r in rules if r.match == "title"),
        )


@lru_cache(maxsize=8)
def _ruleset(user_dir: str | None, cwd: str) -> Ruleset:
    return Ruleset()


def ruleset() -> Ruleset:
    """The parsed rules for the current rules folder; parsed once, not per article (see `reload`)."""
    return _ruleset(os.environ.get("NEWS_RULES_DIR"), os.getcwd())


def reload() -> None:
    """Forget parsed rules, e.g. after editing a rule file in a long-running process."""
    _ruleset.cache_clear()
    reload_sources()


def profile_for(source: str) -> Profile:
    return ruleset().profile(source)
