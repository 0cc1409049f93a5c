"""The benchmark corpus: distinct bodies, the stated HTML share, realistic page sizes, items rebuilt by index."""
from __future__ import annotations

import hashlib
import json

import pytest

from pipeline.bench.corpus import HTML_MAX_BYTES, HTML_MIN_BYTES, Corpus, generate, is_html


@pytest.fixture(scope="module")
def items():
    return list(Corpus(seed=3, html_share=0.25).items(80))


def test_no_body_repeats(items):
    assert len({hashlib.sha256(raw.body).digest() for raw in items}) == len(items)


def test_no_article_text_repeats(items):
    from pipeline.process import process

    bodies = [process(raw).body for raw in items[:24]]
    assert len(set(bodies)) == len(bodies)


def test_html_share_is_the_stated_one(items):
    assert sum(is_html(raw) for raw in items) == 20


def test_html_pages_are_30_to_150_kB_with_chrome(items):
    pages = [raw for raw in items if is_html(raw)]
    assert all(HTML_MIN_BYTES <= len(raw.body) <= HTML_MAX_BYTES for raw in pages)
    page = pages[0].body.decode("utf-8", "replace")
    for chrome in ("<nav", "<footer", "<style>", "<script", "related"):
        assert chrome in page


def test_text_items_come_in_the_sample_shapes(items):
    text = [raw for raw in items if not is_html(raw)]
    assert {raw.source for raw in text} == {"sana", "reuters_ar", "spa"}
    spa = next(raw for raw in text if raw.source == "spa")
    assert set(json.loads(spa.body)) >= {"title", "content", "url"}


def test_item_depends_only_on_seed_and_index(items):
    assert generate(7, seed=3, html_share=0.25).body == items[7].body
    assert next(Corpus(seed=3, html_share=0.25).items(1, start=7)).body == items[7].body
    assert generate(7, seed=4, html_share=0.25).body != items[7].body


def test_kind_filters(items):
    corpus = Corpus(seed=3, html_share=0.25)
    assert all(is_html(raw) for raw in corpus.items(3, "html"))
    assert not any(is_html(raw) for raw in corpus.items(5, "text"))
    assert list(Corpus(html_share=0.0).items(3, "html")) == []


def test_a_jsonl_corpus_is_read_like_the_inbox_and_cycled(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"source": "was", "url": "u1", "title": "t", "content": "نص الخبر."},
        {"source": "sabq", "url": "u2", "html": "<html><body><p>نص</p></body></html>"},
    ]) + "\n", encoding="utf-8")
    corpus = Corpus(path=path)
    assert [raw.source for raw in corpus.items(2)] == ["spa", "sabq"]
    assert [is_html(raw) for raw in corpus.items(2)] == [False, True]
    assert [raw.external_id for raw in corpus.items(3, "text")] == ["u1", "u1~1", "u1~2"]
