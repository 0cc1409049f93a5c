"""Raw bytes → title, text and metadata: decode, then read plain text, HTML pages or JSON records."""
from __future__ import annotations

import json
import re

from pipeline.decode import check_plausible, declared_charset, decode
from pipeline.html import from_html, parse_datetime
from pipeline.records import Extracted, Rejected, RawItem

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


def _from_text(text: str) -> Extracted:
    """Plain text: the first non-empty line is the title, the rest the article."""
    head, _, rest = text.lstrip("\ufeff \t\r\n\xa0").partition("\n")
    return Extracted(title=head.strip(), text=rest)


def _from_json(text: str) -> Extracted:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected("extract", "invalid_json", str(exc)) from exc
    if not isinstance(record, dict) or not ({"content", "html", "text"} & record.keys()):
        raise Rejected("extract", "not_an_article", "a JSON record needs `content` or `html`")
    if isinstance(record.get("html"), str) and record["html"].strip():
        doc = from_html(record["html"])
    else:
        body = record.get("content") if record.get("content") is not None else record.get("text")
        if not isinstance(body, str):
            raise Rejected("extract", "not_an_article", "`content` is not a string")
        doc = Extracted(title="", text=body)
    if isinstance(record.get("title"), str) and record["title"].strip():
        doc.title = record["title"]
    doc.url = record.get("url") or doc.url
    doc.source = record.get("source") or doc.source
    doc.language = record.get("language") or doc.language
    if record.get("published_at"):
        doc.published_at = parse_datetime(str(record["published_at"])) or doc.published_at
    return doc


def extract(raw: RawItem) -> Extracted:
    """Read one raw item into an Extracted document; raises Rejected for input that is not an article."""
    data = raw.body if isinstance(raw.body, bytes) else bytes(raw.body)
    if not data.strip():
        raise Rejected("extract", "empty_body", "no bytes")
    kind = _kind(raw, data)
    text, codec = decode(data, declared_charset(raw.headers, raw.content_type), html=kind == "html")
    if kind == "json":
        doc = _from_json(text)
    elif kind == "html":
        doc = from_html(text)
    else:
        doc = _from_text(text)
    if not doc.text.strip():
        raise Rejected("extract", "empty_body", "no article text")
    check_plausible(doc.title + "\n" + doc.text, codec)
    doc.external_id = doc.external_id or raw.external_id
    doc.url = doc.url or raw.url
    return doc
