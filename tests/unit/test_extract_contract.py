"""The `extract` command's output: one object per record, in input order, matching the JSON Schema."""
from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from tests.conftest import SAMPLES, TEST_DATA

SCHEMA = json.loads((TEST_DATA / "extract_output.schema.json").read_text(encoding="utf-8"))


def run_extract(*args: str) -> list[dict]:
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *args], capture_output=True, text=True, check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_sample_record_matches_the_schema():
    paths = sorted(str(p) for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".html", ".jsonl"))
    records = run_extract(*paths)
    assert len(records) >= 20
    for record in records:
        if "rejected" in record:
            continue
        jsonschema.validate(record, SCHEMA)
        body = record["body"]
        for st in record["statements"]:
            assert body[st["start"]:st["end"]] == st["text"]
        for block in record["blocks"]:
            assert 0 <= block["start"] < block["end"] <= len(body)


def test_jsonl_gives_one_object_per_line_in_input_order(tmp_path):
    lines = [
        {"title": "الأول", "content": "قال الوزير إن الاجتماع كان مثمرا.", "url": "https://example.org/1"},
        {"title": "الثاني", "content": "أكد المتحدث أن الموعد ثابت.", "url": "https://example.org/2"},
        {"title": "الثالث", "content": "ذكرت الوكالة أن الوفد وصل اليوم.", "url": "https://example.org/3"},
    ]
    path = tmp_path / "three.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    records = run_extract(str(path), "--source", "spa")
    assert [r["record"] for r in records] == [1, 2, 3]
    assert [r["title"] for r in records] == ["الأول", "الثاني", "الثالث"]
    for record in records:
        jsonschema.validate(record, SCHEMA)


@pytest.mark.parametrize("content", ["", "   \n  "])
def test_empty_input_is_reported_not_crashed(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    [record] = run_extract(str(path))
    assert record["rejected"]["reason"] == "empty_body"
