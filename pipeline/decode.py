"""Bytes → text in the encodings news sites really use; refuse anything that would be stored as mojibake."""
from __future__ import annotations

import codecs
import re

from pipeline.records import Rejected

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00 starts both
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">, in the first 4 KB.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# Arabic letters proper (hamza..yeh, without tatweel) and ASCII letters: what a real article is mostly made of.
_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064aA-Za-z]")
# Tashkeel (harakat, shadda, sukun, dagger alef) and tatweel sit on letters: fully vocalised or elongated Arabic must
# not look letter-poor, so they count neither way.
_SPACE = re.compile(r"[\s\u0640\u064b-\u065f\u0670]+")
# UTF-8 Arabic read as windows-1256 turns every letter into ط or ظ plus a symbol; real Arabic has ~2 % of them.
_TA_ZA = re.compile(r"[طظ]")
_ARABIC = re.compile(r"[\u0621-\u064a]")

MIN_LETTER_SHARE = 0.6
ALIASES = {"iso-8859-6": "iso8859_6", "arabic": "iso8859_6", "windows-1256": "cp1256", "x-user-defined": "cp1256"}
SINGLE_BYTE_ARABIC = {"cp1256", "iso8859_6"}


def _codec(name: str | None) -> str | None:
    """A Python codec name for a declared charset, or None when unknown."""
    if not name:
        return None
    name = ALIASES.get(name.strip().lower(), name.strip().lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(headers: dict[str, str] | None, content_type: str | None) -> str | None:
    """The charset of an HTTP `Content-Type` header (any letter case) or of the item's content type."""
    for key, value in (headers or {}).items():
        if key.lower() == "content-type" and value:
            match = _HEADER_CHARSET.search(value)
            if match:
                return match.group(1)
    if content_type:
        match = _HEADER_CHARSET.search(content_type)
        if match:
            return match.group(1)
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag near its start."""
    match = _META_CHARSET.search(data, 0, 4096)
    return match.group(1).decode("ascii", "replace") if match else None


SAMPLE = 6000  # characters checked: a wrong decoding garbles the whole text alike


def _byte_class(pattern: re.Pattern[str]) -> bytes:
    """The windows-1256 bytes whose character `pattern` matches (the code page maps 256 characters one to one)."""
    return bytes(b for b in range(256) if pattern.match(bytes([b]).decode("cp1256")))


_NOT_LETTER_BYTES = bytes(set(range(256)) - set(_byte_class(_LETTER)))
_SPACE_BYTES = _byte_class(_SPACE)


def letter_share(text: str) -> float:
    """Share of Arabic or ASCII letters among the non-space characters (of the first SAMPLE characters).

    Counted on the sample encoded as windows-1256 (every Arabic letter has one byte there) with bytes.translate,
    at C speed; a sample with characters outside that code page is counted with the regular expressions.
    """
    sample = text[:SAMPLE]
    try:
        data = sample.encode("cp1256")
    except UnicodeEncodeError:
        dense = _SPACE.sub("", sample)
        return len(_LETTER.findall(dense)) / len(dense) if dense else 1.0
    dense_n = len(data.translate(None, _SPACE_BYTES))
    return len(data.translate(None, _NOT_LETTER_BYTES)) / dense_n if dense_n else 1.0


PROVEN = {"utf-8", "utf-8-sig", "utf-16", "utf-32"}  # strict decodes that validate every byte


def check_plausible(text: str, encoding: str) -> None:
    """Reject decoded text that is not language: too few letters, or the ط/ظ pattern of mis-decoded UTF-8.

    After a strict UTF-8/16/32 decode the bytes are proven, so too few letters means the item is no article;
    after a single-byte or detected code page it means the guess was wrong.
    """
    share = letter_share(text)
    if share < MIN_LETTER_SHARE:
        reason = "not_an_article" if encoding in PROVEN else "encoding_unknown"
        raise Rejected("extract", reason, f"only {share:.0%} letters after decoding as {encoding}")
    if encoding == "cp1256":
        arabic = len(_ARABIC.findall(text))
        if arabic >= 20 and len(_TA_ZA.findall(text)) / arabic > 0.25:
            raise Rejected("extract", "encoding_unknown", "text decoded as windows-1256 looks like mis-decoded UTF-8")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported only when nothing is declared and UTF-8 fails

    best = from_bytes(data).best()
    return best.encoding if best else None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text of UTF-16 that carries no BOM, told by its NUL bytes: every space and ASCII sign has one.

    Valid UTF-8 never holds NULs in real text, yet UTF-16 Arabic decodes "successfully" as UTF-8 into control
    characters and stray ASCII; so when a tenth of the bytes are NUL, try both byte orders and keep the one that reads
    as language (2 % NUL bytes is already far beyond any text that merely carries a stray NUL).
    """
    if len(data) < 8 or len(data) % 2 or data.count(0) * 50 < len(data):
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = letter_share(text)
        if "\x00" not in text and share >= MIN_LETTER_SHARE and (best is None or share > best[0]):
            best = (share, text, codec)
    return (best[1], best[2]) if best else None


def decode(data: bytes, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Text and the codec used: BOM, then the declared or meta charset, then UTF-16 by its NULs, UTF-8, detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise Rejected("extract", "encoding_unknown", f"invalid {codec} after its BOM: {exc}") from exc
    if b"\x00" in data and not (_codec(declared) or "").startswith("utf-16"):
        found = _utf16_without_bom(data)
        if found:
            return found
    codec = _codec(declared) or (_codec(meta_charset(data)) if html else None)
    if codec and codec not in SINGLE_BYTE_ARABIC:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            codec = None  # a wrong declaration: fall through to UTF-8 and detection
    try:
        # Valid UTF-8 with non-ASCII bytes is practically never windows-1256 text: pages mislabelled as
        # windows-1256 are common, the reverse accident is not.
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if codec:  # a declared single-byte Arabic code page decodes any bytes
        return data.decode(codec, errors="replace"), codec
    detected = _codec(_detect(data))
    if not detected:
        raise Rejected("extract", "encoding_unknown", "no declared charset and detection failed")
    try:
        return data.decode(detected), detected
    except UnicodeDecodeError as exc:
        raise Rejected("extract", "encoding_unknown", f"detected {detected} but decoding failed: {exc}") from exc
