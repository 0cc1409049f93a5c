"""The fixed list of boilerplate patterns that must not survive cleaning, independent of the cleaner's rules.

Shared by `eval-clean` (Python regexes over a corpus) and `news_quality` (PostgreSQL regexes over bodies).
Stored text has no tatweel, so `هـ` also matches a bare `ه`: otherwise a check would pass merely because
tatweel was removed.
"""
from __future__ import annotations

# (name, pattern, severity in news_quality). Platform names may legitimately occur in article text
# ("the ministry's WhatsApp service"), so a hit there is a warning; markers and tails are errors.
RESIDUAL_CHECKS = (
    ("end_marker", r"//\s*(انتهى|يتبع)\s*//", "error"),
    ("time_stamp", r"^\s*\d{1,2}:\d{2}\s*ت\s*[مغ]\s*$", "error"),
    ("spa_dateline", r"هـ\s*الموافق.*م\s*واس", "error"),
    ("email_protection", r"\[email\s*protected\]", "error"),
    ("story_link_tail", r"رابط الخبر بصحيفة", "error"),
    ("promo_platform", r"تيلغرام|تلغرام|واتس ?أب|واتساب|\(VK\)|t\.me/|telegram\.me|vk\.com|wa\.me", "warning"),
)
RESIDUALS = tuple(pattern for _, pattern, _ in RESIDUAL_CHECKS)


def python_pattern(pattern: str) -> str:
    return pattern.replace("هـ", "هـ?")


def postgres_pattern(pattern: str) -> str:
    """The same pattern for PostgreSQL's `~`: newline-sensitive so ^ and $ match at line ends, like re.M."""
    return "(?n)" + python_pattern(pattern)
