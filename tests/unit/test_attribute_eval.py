"""The attribution scorer (`eval-attribute`) and its agreement mode on a small corpus the project owns.

Gold anchors point into the raw `content` (here with a dateline, tatweel and an end marker that cleaning removes),
so these tests also pin that anchors survive cleaning.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.attribute_eval import evaluate

CORPUS = Path(__file__).parent.parent / "data" / "eval" / "corpus.jsonl"
RECORDS = {r["url"]: r for r in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())}
HEALTH, MILK = "https://example.org/news/1", "https://example.org/news/2"


def event(url: str, cue: str, speaker: str | None, mode: str | None = "indirect", aliases=(), nth: int = 0) -> dict:
    content = RECORDS[url]["content"]
    start = -1
    for _ in range(nth + 1):
        start = content.index(cue, start + 1)
    out = {"at": [start, start + len(cue)], "speaker": speaker, "cue": cue if speaker else None, "mode": mode}
    if speaker is None:
        out["speech"] = False
    if aliases:
        out["aliases"] = list(aliases)
    return out


def gold() -> list[dict]:
    return [
        {"url": HEALTH, "source": "was", "events": [
            event(HEALTH, "بحث", None),
            event(HEALTH, "وقال", "خالد الفالح", aliases=["الفالح", "وزير الصحة"]),
            event(HEALTH, "وأضـــاف", "خالد الفالح", aliases=["الفالح"]),  # tatweel in the raw copy
            event(HEALTH, "أكد", "أيمن الجندي", aliases=["ممثل المنظمة"]),
        ]},
        {"url": MILK, "source": "alriyadh", "events": [
            event(MILK, "وأوضح", "سليمان العتيبي", aliases=["العتيبي"]),
            event(MILK, "وكشفت", None),  # a study is a document, not a speaker
            event(MILK, "وطالب", "سليمان العتيبي", aliases=["العتيبي"]),
        ]},
    ]


def test_the_system_on_its_gold_with_look_alikes_and_tatweel_anchors() -> None:
    tally = evaluate(gold(), CORPUS)
    assert (tally.gold, tally.predicted, tally.unmapped) == (5, 5, 0)
    assert tally.ratios()["speaker_precision"] == 1.0 and tally.ratios()["speaker_recall"] == 1.0


def test_a_wrong_gold_speaker_costs_precision_and_recall_and_is_listed() -> None:
    wrong = gold()
    wrong[1]["events"][2] = event(MILK, "وطالب", "وزارة التجارة")
    tally = evaluate(wrong, CORPUS)
    assert tally.speaker_ok == 4 and tally.ratios()["speaker_precision"] == pytest.approx(0.8)
    assert any("wrong speaker 'سليمان العتيبي' for 'وزارة التجارة'" in e for e in tally.errors)


def test_an_annotation_scored_against_itself_agrees_fully() -> None:
    tally = evaluate(gold(), CORPUS, annotation=gold())
    assert (tally.gold, tally.predicted, tally.speaker_ok, tally.cue_ok) == (5, 5, 5, 5)


def test_a_second_annotation_is_judged_like_the_system() -> None:
    second = copy.deepcopy(gold())
    second[0]["events"][1]["speaker"] = "الفالح"  # a short form the first lists as an alias: agrees
    second[0]["events"][1]["aliases"] = []
    second[0]["events"][3]["speaker"], second[0]["events"][3]["aliases"] = "منظمة الصحة العالمية", []  # disagrees
    del second[1]["events"][2]  # a missed event
    second[1]["events"][1] = event(MILK, "وكشفت", "الجمعية")  # the study's look-alike taken for speech
    second[0]["events"][2]["cue"] = None  # an open cue where the first wrote one
    tally = evaluate(gold(), CORPUS, annotation=second)
    assert (tally.gold, tally.predicted, tally.speaker_ok) == (5, 5, 3)
    assert tally.cue_ok == 3  # the open cue and the look-alike's cue do not count
    assert sorted(e.split(": ", 1)[1] for e in tally.errors) == sorted([
        "false speaker 'الجمعية' (وكشفت)", "missed 'سليمان العتيبي' (وطالب)",
        "wrong cue None for 'وأضـــاف'", "wrong speaker 'منظمة الصحة العالمية' for 'أيمن الجندي'"])


def test_the_command_prints_the_agreement(tmp_path, capsys) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    for path, rows in ((first, gold()), (second, gold()[:1])):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert cli.main(["eval-attribute", str(first), "--corpus", str(CORPUS), "--annotation", str(second)]) == 0
    out = capsys.readouterr().out
    assert "2 articles from 2 outlets, 5 speech events, 3 in the second annotation" in out
    assert "speaker  precision 1.000  recall 0.600" in out
