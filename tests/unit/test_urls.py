from __future__ import annotations

import pytest

from pipeline.urls import canonical_url

SAME_STORY = [
    "https://www.sabq.org/news/123?utm_source=tw&utm_medium=social",
    "http://sabq.org/news/123",
    "https://SABQ.org/news/123/#comments",
    "https://sabq.org/news/123?fbclid=abc",
]


@pytest.mark.parametrize("url", SAME_STORY)
def test_tracking_scheme_host_and_fragment_fold(url):
    assert canonical_url(url) == "sabq.org/news/123"


def test_meaningful_query_is_kept_and_sorted():
    assert canonical_url("https://www.spa.gov.sa/details.php?lang=ar&id=1386745") == "spa.gov.sa/details.php?id=1386745&lang=ar"
