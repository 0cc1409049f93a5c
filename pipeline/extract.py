"""Raw bytes → title, text and metadata: decode, then read plain text, HTML pages or JSON records."""
from __future__ import annotations

import json
from datetime import datetime

from bs4 import BeautifulSoup

from pipeline.records import Extracted, Rejected, RawItem


def decode(data: bytes) -> str:
    """Bytes to text; UTF-8 with or without BOM."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Rejected("extract", "encoding_unknown", str(exc)) from exc


def _from_text(text: str) -> Extracted:
    lines = text.strip().splitlines()
    if not lines:
        raise Rejected("extract", "empty_body", "no text")
    return Extracted(title=lines[0].strip(), text="\n".join(lines[1:]))


def _from_html(text: str) -> Extracted:
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form"]):
        tag.decompose()
    title = soup.h1.get_text(" ", strip=True) if soup.h1 else (soup.title.string or "" if soup.title else "")
    if soup.h1:
        soup.h1.decompose()
    root = soup.find("article") or soup.body or soup
    paragraphs = [p.get_text(" ", strip=True) for p in root.find_all("p")] or [root.get_text("\n", strip=True)]
    return Extracted(title=title, text="\n".join(p for p in paragraphs if p))


def extract(raw: RawItem) -> Extracted:
    """Read one raw item into an Extracted document; raises Rejected for input that is not an article."""
    text = decode(raw.body)
    kind = (raw.path or raw.url or "").rsplit(".", 1)[-1].lower()
    if raw.record is not None or kind in ("json", "jsonl"):
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise Rejected("extract", "invalid_json", str(exc)) from exc
        if "html" in record:
            doc = _from_html(record["html"])
        else:
            doc = Extracted(title=record.get("title", ""), text=record.get("content", ""))
        doc.title = record.get("title") or doc.title
        doc.url = record.get("url")
        doc.source = record.get("source")
        if record.get("published_at"):
            doc.published_at = datetime.fromisoformat(record["published_at"])
    elif kind in ("html", "htm") or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        doc = _from_html(text)
    else:
        doc = _from_text(text)
    if not doc.text.strip():
        raise Rejected("extract", "empty_body", "no article text")
    return doc
