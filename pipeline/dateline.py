"""Datelines (`موسكو – سانا`, `الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`): find, split off and parse."""
from __future__ import annotations

import math
from datetime import date

from pipeline.boilerplate import DatelineRule, Profile
from pipeline.records import Dateline

MAX_DATELINE_WORDS = 16
WEEKDAYS = frozenset({"السبت", "الأحد", "الاحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الاربعاء",
                      "الخميس", "الجمعة", "يوم السبت", "يوم الأحد", "يوم الاثنين", "يوم الإثنين", "يوم الثلاثاء",
                      "يوم الأربعاء", "يوم الخميس", "يوم الجمعة"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Tabular (arithmetical) Islamic calendar to Gregorian; within a day or two of Umm al-Qura."""
    jdn = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(jdn - 1721425)


def _int(text: str | None) -> int | None:
    return int(text.translate(_DIGITS)) if text else None


def _date(groups: dict[str, str | None], profile: Profile) -> str | None:
    """ISO date of the dateline: the Gregorian date when given (it wins), else the converted Hijri one."""
    try:
        if groups.get("gd") and groups.get("gm") and groups.get("gy"):
            return date(_int(groups["gy"]), profile.gregorian_months[groups["gm"]], _int(groups["gd"])).isoformat()  # type: ignore[arg-type, index]
        if groups.get("hd") and groups.get("hm") and groups.get("hy"):
            return hijri_to_gregorian(_int(groups["hy"]), profile.hijri_months[groups["hm"]], _int(groups["hd"])).isoformat()  # type: ignore[arg-type, index]
    except (KeyError, ValueError):
        return None
    return None


def _parse(rule: DatelineRule, match, profile: Profile) -> Dateline | None:
    groups = match.groupdict()
    when = _date(groups, profile)
    if rule.require_date and not when:
        return None
    place: str | None
    place = (groups.get("place") or "").strip(" -–—:")
    if place.count("(") != place.count(")"):
        place = place.strip("()")
    place = place or None
    agency = (groups.get("agency") or "").strip(" ()") or rule.agency
    if place in WEEKDAYS:  # `الإثنين 25 شوال …`: a date without a place
        place = None
    if place and place in profile.agencies:  # `عين اليوم – واس`: two names of agencies, no place
        agency, place = place, None
    return Dateline(text=match.group(0).strip(), place=place, agency=agency or None, date=when)


def find_dateline(paragraphs: list[str], profile: Profile) -> tuple[Dateline, int, str] | None:
    """The dateline among the first two paragraphs: (dateline, paragraph index, the rest of that paragraph)."""
    for index, para in enumerate(paragraphs[:2]):
        if len(para.split()) > 200:
            continue
        for rule in profile.datelines:
            if rule.where == "head":
                if index:
                    continue
                match = rule.regex.match(para)
                if match and (match.end() == len(para) or para[match.end()].isspace()):
                    found = _parse(rule, match, profile)
                    if found and len(found.text.split()) <= MAX_DATELINE_WORDS:
                        return found, index, para[match.end():].strip()
            elif rule.where in ("line", "first") and (index == 0 or rule.where == "line"):
                if len(para.split()) > MAX_DATELINE_WORDS:
                    continue
                match = rule.regex.fullmatch(para)
                if match:
                    found = _parse(rule, match, profile)
                    if found:
                        return found, index, ""
    return None
