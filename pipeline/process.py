"""One raw item → one Article with statements: extract, clean, segment, attribute. The CLI and DAGs share it."""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping

from pipeline import PROCESSOR_VERSION, sources
from pipeline.attribute import attribute
from pipeline.interview import answer_turns
from pipeline.clean import clean
from pipeline.extract import extract
from pipeline.normalize import norm_text
from pipeline.records import Article, RawItem, Rejected
from pipeline.segment import segment
from pipeline.urls import canonical_url


def canonical_key(article: Article) -> str:
    """The article's identity within its source: canonical URL, else external id."""
    if article.url:
        return canonical_url(article.url)
    return article.external_id or ""


def assign_uids(article: Article) -> None:
    """uid = hash(source, canonical key, normalised text, occurrence): stable while the text is."""
    seen: Counter[str] = Counter()
    identity = f"{article.source}\x1f{canonical_key(article)}"
    for st in article.statements:
        text = norm_text(st.text)
        seen[text] += 1
        st.uid = hashlib.sha256(f"{identity}\x1f{text}\x1f{seen[text]}".encode()).hexdigest()[:32]


def process(raw: RawItem, learned: Mapping[str, frozenset[str]] | None = None) -> Article:
    """Run every stage on one raw item; raises Rejected with the failing stage for unusable input.

    `learned` holds the accepted corpus-learned boilerplate line keys per source (see pipeline.learn).
    """
    doc = extract(raw)
    source = sources.resolve(doc.source or raw.source, default=raw.source)
    article = clean(doc, source, learned=(learned or {}).get(source, frozenset()))
    article.source = source
    article.url = article.url or raw.url
    article.external_id = raw.external_id
    article.raw_item_id = raw.id
    article.processor_version = PROCESSOR_VERSION
    if not article.body.strip():
        raise Rejected("clean", "empty_body", "nothing left after cleaning")
    try:
        statements = segment(article.body, article.blocks)
    except Exception as exc:  # a bug on one article must not stop the batch
        raise Rejected("segment", "error", repr(exc)) from exc
    try:
        # interviews: the answers carry no cue, so they are read after the sentences
        article.statements = answer_turns(attribute(article, statements), article.body)
    except Exception as exc:
        raise Rejected("attribute", "error", repr(exc)) from exc
    assign_uids(article)
    return article
