"""Arabic-aware normalisation for matching and dedup keys; never applied to stored text."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

TATWEEL = "\u0640"
# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_LETTER_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه",
    "ک": "ك", "ی": "ي", "ھ": "ه",
    TATWEEL: "",
}
_DIGITS = dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))
# str.translate with a mapping costs a dict lookup per character of Arabic text; the few characters that
# change are replaced one by one instead (no replacement produces a character another one replaces).
_REPLACEMENTS = tuple({**_LETTER_FOLD, **_DIGITS}.items())
_WORDS = re.compile(r"\w+")
# Characters outside these ranges may change under casefold; Arabic text without them skips the call.
CASELESS = "\u0000-\u0040\u005b-\u00b4\u00b6-\u00bf\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\u2000-\u206f"
_MAY_FOLD_CASE = re.compile(f"[^{CASELESS}]")
_DIGIT_RUNS = re.compile(r"\d+")


def fold(text: str) -> str:
    """Fold letter variants, diacritics, tatweel and digits so spellings like روحاني/روحانى compare equal."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    for a, b in _REPLACEMENTS:
        if a in text:
            text = text.replace(a, b)
    return text.casefold() if _MAY_FOLD_CASE.search(text) else text


def match_key(text: str) -> str:
    """Key for matching names: folded, punctuation dropped, single spaces."""
    return " ".join(_WORDS.findall(fold(text)))


@lru_cache(maxsize=256)
def norm_text(text: str) -> str:
    """Key for statement dedup: folded letters, digits, punctuation and spaces.

    Memoised for one article at a time: segmenting hashes each statement's key and assigning uids needs it again
    (small on purpose: a corpus pass must not be served from the cache).
    """
    return match_key(text).replace("_", " ")


def norm_hash(text: str) -> str:
    """Stable hex hash of a statement's normalised text (dedup across copies of a story)."""
    return hashlib.sha256(norm_text(text).encode("utf-8")).hexdigest()[:32]


def digits_folded(line: str) -> str:
    """A line with every digit run replaced by 0, for counting repeated boilerplate lines."""
    return _DIGIT_RUNS.sub("0", fold(line)).strip()
