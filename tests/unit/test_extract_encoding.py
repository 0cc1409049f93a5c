"""Decoding: BOMs, declared charsets (HTTP, content type, meta), detection, and refusing mojibake."""
from __future__ import annotations

import os
import random

import pytest

from pipeline.extract import extract
from pipeline.records import RawItem, Rejected

TITLE = "وزير الخارجية يبحث مع نظيره الروسي تطورات الأوضاع في المنطقة"
BODY = ("بحث وزير الخارجية خلال اتصال هاتفي اليوم مع نظيره الروسي تطورات الأوضاع في المنطقة والجهود المبذولة "
        "لتسوية الأزمة بالطرق السلمية، وأكد الجانبان أهمية استمرار التنسيق والتشاور بين البلدين.")
TEXT = f"{TITLE}\n\n{BODY}\n"


def raw(data: bytes, path: str = "inbox/a.txt", **kw) -> RawItem:
    return RawItem(source="inbox", body=data, external_id="a", path=path, **kw)


ENCODED = [
    # (bytes, headers, content type)
    (TEXT.encode("utf-8"), {}, None),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), {}, None),
    (TEXT.encode("utf-16"), {}, None),                                    # UTF-16 with BOM (LE)
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), {}, None),                   # UTF-16 with BOM (BE)
    (TEXT.encode("cp1256"), {"Content-Type": "text/plain; charset=windows-1256"}, None),
    (TEXT.encode("cp1256"), {"content-type": "text/plain; charset=\"Windows-1256\""}, None),
    (TEXT.encode("cp1256"), {}, "text/plain; charset=windows-1256"),
    (TEXT.encode("cp1256"), {}, None),                                    # undeclared: detected
    (TEXT.encode("iso8859_6"), {"Content-Type": "text/plain; charset=ISO-8859-6"}, None),
    (TEXT.encode("utf-8"), {"Content-Type": "text/plain; charset=windows-1256"}, None),  # mislabelled UTF-8
]


@pytest.mark.parametrize(("data", "headers", "ctype"), ENCODED)
def test_decoded_text(data, headers, ctype):
    doc = extract(raw(data, headers=headers, content_type=ctype))
    assert doc.title == TITLE
    assert doc.text.strip() == BODY


def test_cp1256_declared_in_html_meta():
    page = f"<html><head><meta charset='windows-1256'><title>{TITLE}</title></head><body><p>{BODY}</p></body></html>"
    doc = extract(raw(page.encode("cp1256"), path="inbox/a.html"))
    assert doc.title == TITLE and doc.text == BODY


def test_iso_8859_6_declared_by_http_equiv():
    page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-6'>"
            f"<title>{TITLE}</title></head><body><p>{BODY}</p></body></html>")
    doc = extract(raw(page.encode("iso8859_6"), path="inbox/a.html"))
    assert doc.text == BODY


GARBAGE = [
    bytes(random.Random(1).randbytes(2000)),
    os.urandom(3000),
    bytes(range(128, 256)) * 10,
    "¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾ 123".encode("latin-1") * 40,
]


@pytest.mark.parametrize("data", GARBAGE)
def test_garbage_rejected_as_encoding_unknown(data):
    with pytest.raises(Rejected) as err:
        extract(raw(b"title line\n" + data))
    assert (err.value.stage, err.value.reason) == ("extract", "encoding_unknown")


def test_utf8_declared_as_cp1256_and_invalid_as_utf8_is_not_stored_as_mojibake():
    # UTF-8 Arabic with one broken byte, declared windows-1256: decoding "succeeds" into ط/ظ soup.
    data = TEXT.encode("utf-8")[:-3] + b"\xff\n"
    with pytest.raises(Rejected) as err:
        extract(raw(data, headers={"Content-Type": "text/plain; charset=windows-1256"}))
    assert err.value.reason == "encoding_unknown"


def test_valid_utf8_without_letters_is_no_article():
    with pytest.raises(Rejected) as err:
        extract(raw("عنوان\n".encode() + b"~~~ ### 123 456 !!! " * 40))
    assert err.value.reason == "not_an_article"


def test_invalid_after_bom_rejected():
    with pytest.raises(Rejected) as err:
        extract(raw(b"\xef\xbb\xbf" + b"\xff\xfe\xfa" * 50))
    assert err.value.reason == "encoding_unknown"


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty_body"), (b"   \n\n ", "empty_body"),
                                              ("عنوان فقط\n".encode(), "empty_body")])
def test_empty_rejected(data, reason):
    with pytest.raises(Rejected) as err:
        extract(raw(data))
    assert err.value.reason == reason
