"""Feed parsing: RSS, Atom and sitemaps to canonical entries; hostile XML refused before feedparser sees it."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from pipeline.feeds import parse_feed, vet_xml
from pipeline.records import Rejected
from tests.http_fixture_server import HTTP_DATA

pytestmark = pytest.mark.fetch

BASE = "http://news.example"


def fixture(name: str) -> bytes:
    return (HTTP_DATA / "feeds" / name).read_bytes().replace(b"{{BASE}}", BASE.encode())


def test_rss_entries_are_canonical_deduplicated_and_arabic():
    entries = parse_feed(fixture("rss.xml"), BASE + "/feeds/rss.xml", "application/rss+xml")
    canon = [e.canonical for e in entries]
    assert canon[:3] == ["news.example/articles/a1.html", "news.example/articles/a2.html", "news.example/articles/cp1256.html"]
    assert len(canon) == len(set(canon)) == 10  # a1 with fbclid folds into a1 with utm_*
    first = entries[0]
    assert first.title == "وزير الخارجية: المحادثات مستمرة"
    assert first.guid == "a1"
    assert first.url.startswith(BASE + "/articles/a1.html?utm_source=rss")  # as published; canonical drops it
    assert first.published == datetime(2024, 1, 1, 8, 0, tzinfo=timezone.utc)
    assert entries[2].published is None


def test_atom_relative_links_resolve_against_the_feed_url():
    entries = parse_feed(fixture("atom.xml"), BASE + "/feeds/atom.xml")
    assert [e.url for e in entries] == [BASE + "/articles/a6.html", BASE + "/articles/a7.html?utm_campaign=x"]
    assert [e.canonical for e in entries] == ["news.example/articles/a6.html", "news.example/articles/a7.html"]
    assert entries[0].guid == "urn:fixture:a6"
    assert entries[1].published == datetime(2024, 1, 2, 8, 30, tzinfo=timezone.utc)  # updated, +03:00 to UTC


def test_news_sitemap():
    entries = parse_feed(fixture("sitemap.xml"), BASE + "/sitemap.xml")
    assert [e.canonical for e in entries] == ["news.example/articles/a6.html", "news.example/articles/a7.html"]
    assert entries[0].title == "المتحدث باسم الرئاسة: لا تغيير في الموقف"
    assert entries[0].published == datetime(2024, 1, 2, 10, 0, tzinfo=timezone.utc)
    assert entries[1].published == datetime(2024, 1, 2, tzinfo=timezone.utc)


@pytest.mark.parametrize("name", ["xxe.xml", "billion-laughs.xml"])
def test_entity_attacks_are_refused(name):
    with pytest.raises(Rejected) as caught:
        parse_feed(fixture(name), BASE + "/feed")
    assert (caught.value.stage, caught.value.reason) == ("fetch", "xml_forbidden")


@pytest.mark.parametrize("body", [
    # not well-formed, so expat stops early, but the entity declaration is still seen and refused
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>&x;</rss>',
    b'<!DOCTYPE r [<!entity a "aaaa">]><rss version="2.0"><channel>&a;<item></channel>',
    # external parameter entity (out-of-band XXE)
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://169.254.169.254/x"> %p;]><rss/>',
])
def test_entity_declarations_are_refused_even_in_broken_xml(body):
    with pytest.raises(Rejected) as caught:
        parse_feed(body, BASE)
    assert caught.value.reason == "xml_forbidden"


def test_a_plain_doctype_without_entities_is_fine():
    body = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel><title>t</title>'
            b'<item><title>x</title><link>http://news.example/x</link></item></channel></rss>')
    assert [e.canonical for e in parse_feed(body, BASE)] == ["news.example/x"]


def test_malformed_feed_without_entities_is_read_leniently():
    entries = parse_feed(fixture("malformed.xml"), BASE + "/feeds/malformed.xml")
    assert [e.canonical for e in entries] == ["news.example/articles/a2.html"]
    assert vet_xml(fixture("malformed.xml")) is None


@pytest.mark.parametrize("body", [
    (HTTP_DATA / "feeds" / "not-a-feed.html").read_bytes(), b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"just text",
    str(Path("/etc/passwd")).encode(),  # feedparser would open a path given as bytes; we hand it a stream
])
def test_not_a_feed_is_xml_invalid(body):
    with pytest.raises(Rejected) as caught:
        parse_feed(body, BASE)
    assert caught.value.reason == "xml_invalid"


def test_empty_but_valid_feed_has_no_entries():
    assert parse_feed(b'<rss version="2.0"><channel><title>t</title></channel></rss>', BASE) == []


def test_windows_1256_feed_declared_in_the_xml_prolog():
    body = ('<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>سانا</title>'
            '<item><title>قال الوزير</title><link>http://news.example/ar/1</link></item></channel></rss>').encode("cp1256")
    [entry] = parse_feed(body, BASE)
    assert entry.title == "قال الوزير"


def test_non_http_links_are_dropped():
    body = (b'<rss version="2.0"><channel><item><title>a</title><link>javascript:alert(1)</link></item>'
            b'<item><title>b</title><link>mailto:x@example.org</link></item>'
            b'<item><title>c</title><link>http://news.example/c</link></item></channel></rss>')
    assert [e.title for e in parse_feed(body, BASE)] == ["c"]
