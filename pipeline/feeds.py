"""RSS/Atom feeds and sitemaps → entries (canonical URL, guid, title, published), through a hardened XML gate first."""
from __future__ import annotations

import io
import re
import xml.etree.ElementTree as StdET
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import defusedxml
import defusedxml.ElementTree as SafeET
import feedparser

from pipeline.records import Rejected
from pipeline.urls import canonical_url

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS_NS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One story a feed or sitemap points to."""

    url: str  # absolute link as published
    canonical: str  # pipeline.urls.canonical_url(url): the dedup key and raw_items.external_id
    guid: str | None = None
    title: str = ""
    published: datetime | None = None


def vet_xml(body: bytes) -> StdET.Element | None:
    """The parsed root when `body` is well-formed XML without entity declarations; None when it is not well-formed.

    Raises Rejected(`xml_forbidden`) for DTD entities (XXE, billion laughs) and external references.
    """
    try:
        return SafeET.fromstring(body)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        raise Rejected("fetch", "xml_forbidden", f"{type(exc).__name__}: {exc}") from None
    except (StdET.ParseError, ValueError, LookupError):
        # Not well-formed: expat stopped before any DTD could be judged, so look for declarations ourselves.
        if _ENTITY_DECL.search(body):
            raise Rejected("fetch", "xml_forbidden", "entity declaration in a document that is not well-formed") from None
        return None


def parse_feed(body: bytes, base_url: str, content_type: str | None = None) -> list[FeedEntry]:
    """Entries of an RSS/Atom feed or a sitemap `urlset`, each URL absolute and canonical, first occurrence kept."""
    root = vet_xml(body)
    if root is not None and root.tag == _SITEMAP_NS + "urlset":
        return _dedup(_sitemap_entries(root, base_url))
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    # A file object, never bytes or str: feedparser would treat those as a path or URL to open.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=False)
    if not parsed.entries and (root is None or parsed.get("bozo")) and not parsed.get("version"):
        problem = parsed.get("bozo_exception") or "no RSS, Atom or sitemap root"
        raise Rejected("fetch", "xml_invalid", f"not a feed: {problem}")
    entries = []
    for e in parsed.entries:
        guid = e.get("id") or None
        link = e.get("link") or (guid if guid and guid.startswith(("http://", "https://")) else None)
        entry = _entry(link, base_url, guid=guid, title=e.get("title", ""),
                       published=_when(e.get("published_parsed") or e.get("updated_parsed")))
        if entry:
            entries.append(entry)
    return _dedup(entries)


def _entry(link: str | None, base_url: str, **fields) -> FeedEntry | None:
    if not link:
        return None
    try:
        url = urljoin(base_url, link.strip())
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            return None
        return FeedEntry(url=url, canonical=canonical_url(url), **fields)
    except ValueError:  # e.g. "http://[::1" : an unusable link is skipped, the rest of the feed still counts
        return None


def _sitemap_entries(root: StdET.Element, base_url: str) -> list[FeedEntry]:
    found = []
    for node in root.iter(_SITEMAP_NS + "url"):
        published = node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}publication_date") or node.findtext(_SITEMAP_NS + "lastmod")
        entry = _entry(node.findtext(_SITEMAP_NS + "loc"), base_url,
                       title=(node.findtext(f"{_NEWS_NS}news/{_NEWS_NS}title") or "").strip(),
                       published=_iso(published))
        if entry:
            found.append(entry)
    return found


def _dedup(entries: list[FeedEntry]) -> list[FeedEntry]:
    seen: dict[str, FeedEntry] = {}
    for entry in entries:
        seen.setdefault(entry.canonical, entry)
    return list(seen.values())


def _when(parsed) -> datetime | None:
    return datetime(*parsed[:6], tzinfo=timezone.utc) if parsed else None


def _iso(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
