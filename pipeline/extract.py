"""Raw bytes → title, text and metadata: decode, then read plain text, HTML pages or JSON records."""
from __future__ import annotations

import json
import re

from pipeline.decode import check_plausible, declared_charset, decode
from pipeline.html import from_html, parse_datetime
from pipeline.records import Extracted, Rejected, RawItem

# Never text: C0 controls but tab/newlines/form feeds, DEL, C1 controls, lone surrogates (a JSON `\\ud800` decodes
# to one; PostgreSQL and UTF-8 refuse them) and the non-characters U+FFFE/U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# An item is one article: beyond these it is something else (a dump, an archive, an attack) and is refused before
# the expensive stages. 1,000,000 characters is also the loader's body cap (PostgreSQL tsvector limit).
MAX_ITEM_BYTES = 10_000_000
MAX_TEXT_CHARS = 1_000_000
MAX_TITLE_CHARS = 1_000
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S)
_JSON_TYPES = ("json", "ndjson", "jsonl")


def _kind(raw: RawItem, data: bytes) -> str:
    """json, html or text, from the record number, the file extension, the content type, then the bytes."""
    ctype = (raw.content_type or "").lower()
    for key, value in raw.headers.items():
        if key.lower() == "content-type":
            ctype = value.lower() or ctype
    ext = (raw.path or raw.url or "").rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower()
    if raw.record is not None or ext in ("json", "jsonl") or any(t in ctype for t in _JSON_TYPES):
        return "json"
    if ext in ("html", "htm") or "html" in ctype or _HTML_START.match(data[:1024].lstrip(b"\xef\xbb\xbf")):
        return "html"
    return "text"


def text_only(value: str) -> str:
    """`value` without the characters that are never text (NUL, controls, lone surrogates)."""
    return _NOT_TEXT.sub("", value)


def _field(record: dict, name: str) -> str | None:
    """A JSON record's string field, cleaned of non-text characters; other types count as absent."""
    value = record.get(name)
    return text_only(value) if isinstance(value, str) else None


def _from_text(text: str) -> Extracted:
    """Plain text: the first non-empty line is the title, the rest the article (CR-only line ends read as lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head, _, rest = text.lstrip("\ufeff \t\r\n\xa0").partition("\n")
    if len(head) > MAX_TITLE_CHARS:  # a file without a title line: its first line is text, not a headline
        return Extracted(title="", text=text)
    return Extracted(title=head.strip(), text=rest)


def _from_json(text: str) -> Extracted:
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: hostile nesting ([[[[…)
        raise Rejected("extract", "invalid_json", f"{type(exc).__name__}: {exc}") from None
    if not isinstance(record, dict) or not ({"content", "html", "text"} & record.keys()):
        raise Rejected("extract", "not_an_article", "a JSON record needs `content` or `html`")
    if isinstance(record.get("html"), str) and record["html"].strip():
        doc = from_html(record["html"])
    else:
        body = record.get("content") if record.get("content") is not None else record.get("text")
        if not isinstance(body, str):
            raise Rejected("extract", "not_an_article", "`content` is not a string")
        doc = Extracted(title="", text=body)
    # Metadata of the wrong type (a number for a URL, a list for a source) is ignored, never a crash downstream.
    title = _field(record, "title")
    if title and title.strip():
        doc.title = title
    doc.url = _field(record, "url") or doc.url
    doc.source = _field(record, "source") or doc.source
    doc.language = _field(record, "language") or doc.language
    published = _field(record, "published_at")
    if published:
        doc.published_at = parse_datetime(published) or doc.published_at
    return doc


def extract(raw: RawItem) -> Extracted:
    """Read one raw item into an Extracted document; raises Rejected for input that is not an article."""
    data = raw.body if isinstance(raw.body, bytes) else bytes(raw.body)
    if not data.strip():
        raise Rejected("extract", "empty_body", "no bytes")
    if len(data) > MAX_ITEM_BYTES:
        raise Rejected("extract", "too_large", f"{len(data)} bytes, over the {MAX_ITEM_BYTES} byte cap for one item")
    kind = _kind(raw, data)
    text, codec = decode(data, declared_charset(raw.headers, raw.content_type), html=kind == "html")
    if kind == "json":
        doc = _from_json(text)
    elif kind == "html":
        doc = from_html(text)
    else:
        doc = _from_text(text)
    doc.title, doc.text = text_only(doc.title), text_only(doc.text)
    for removed in doc.removed:
        removed.text = text_only(removed.text)
    if len(doc.text) > MAX_TEXT_CHARS:
        raise Rejected("extract", "too_large", f"{len(doc.text)} characters of text, over the {MAX_TEXT_CHARS} cap")
    if not doc.text.strip():
        raise Rejected("extract", "empty_body", "no article text")
    check_plausible(doc.title + "\n" + doc.text, codec)
    doc.external_id = doc.external_id or raw.external_id
    doc.url = doc.url or raw.url
    return doc
