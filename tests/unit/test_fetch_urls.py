"""URL canonicalisation for dedup before fetching: tracking, host case, www., fragments, Arabic slugs."""
from __future__ import annotations

import pytest

from pipeline.urls import canonical_url

CASES = [
    ("https://www.sana.sy/?p=12345&utm_campaign=a&utm_term=b", "sana.sy/?p=12345"),
    ("HTTPS://WWW.SANA.SY/?p=12345", "sana.sy/?p=12345"),
    ("http://sana.sy/?p=12345#respond", "sana.sy/?p=12345"),
    ("https://sabq.org/news/1?gclid=x&ocid=y&mc_eid=z&__twitter_impression=true", "sabq.org/news/1"),
    ("https://sabq.org/news/1?b=2&a=1", "sabq.org/news/1?a=1&b=2"),
    ("https://sabq.org/news/1?page=", "sabq.org/news/1?page="),
    ("https://sabq.org:443/news/1", "sabq.org/news/1"),
    ("http://127.0.0.1:8080/articles/a1.html", "127.0.0.1:8080/articles/a1.html"),
    ("https://sabq.org/", "sabq.org/"),
    ("https://sabq.org", "sabq.org/"),
    ("https://sabq.org./news/1", "sabq.org/news/1"),
]
# One Arabic slug written three ways: raw, lower-case escapes, upper-case escapes.
ARABIC_SLUG = [
    "https://sabq.org/saudia/وزير-الخارجية",
    "https://sabq.org/saudia/%d9%88%d8%b2%d9%8a%d8%b1-%d8%a7%d9%84%d8%ae%d8%a7%d8%b1%d8%ac%d9%8a%d8%a9",
    "https://www.sabq.org/saudia/%D9%88%D8%B2%D9%8A%D8%B1-%D8%A7%D9%84%D8%AE%D8%A7%D8%B1%D8%AC%D9%8A%D8%A9/?utm_source=x",
]


@pytest.mark.parametrize(("url", "expected"), CASES)
def test_canonical(url, expected):
    assert canonical_url(url) == expected


def test_arabic_slug_spellings_are_one_url():
    assert len({canonical_url(u) for u in ARABIC_SLUG}) == 1


def test_internationalised_host_and_its_punycode_are_one_host():
    assert canonical_url("https://مثال.إختبار/خبر") == canonical_url("https://xn--mgbh0fb.xn--kgbechtv/خبر")


def test_canonical_is_idempotent_on_its_own_output():
    for url, _ in CASES:
        once = canonical_url(url)
        assert canonical_url("http://" + once) == once
