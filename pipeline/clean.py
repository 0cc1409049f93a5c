"""Extracted text → cleaned Article: boilerplate out (recorded with its rule), paragraphs as blocks."""
from __future__ import annotations

import re

from pipeline import PROCESSOR_VERSION
from pipeline.records import Article, Block, Extracted, Removed

_PROMO = re.compile(r"تابعوا|تابعونا|telegram|vk\.com|واتس|https?://|//\s*انتهى\s*//|^\s*\d{1,2}:\d{2}\s*ت\s*م\s*$")


def clean(doc: Extracted, source: str, learned: frozenset[str] = frozenset()) -> Article:
    """Drop promotion and marker lines; every kept line is a paragraph block of the body."""
    removed = list(doc.removed)
    paragraphs: list[str] = []
    for line in doc.text.splitlines():
        line = line.replace("\u0640", "").strip()
        if not line:
            continue
        if _PROMO.search(line):
            removed.append(Removed(text=line, rule="generic:promo"))
        else:
            paragraphs.append(line)
    body = ""
    blocks: list[Block] = []
    for p in paragraphs:
        if body:
            body += "\n\n"
        blocks.append(Block(start=len(body), end=len(body) + len(p)))
        body += p
    return Article(
        title=doc.title.strip(), body=body, published_at=doc.published_at, language=doc.language,
        blocks=blocks, removed=removed, processor_version=PROCESSOR_VERSION,
        source=source, url=doc.url, external_id=doc.external_id,
    )
