"""Attribution evaluation: gold speech events anchored by offsets into a corpus record's raw `content`.

The gold holds references, not article text: record URL, the character span of each event's cue in the
record's `content` field, the canonical speaker, cue and mode. An anchor is mapped to the cleaned body by
the text from the cue to the end of its line (tatweel dropped, occurrence counted), so the gold survives
changes to cleaning. Events marked `"speech": false` only look like speech: any speaker there is wrong.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.normalize import match_key
from pipeline.records import Article, RawItem

SNIPPET = 40


@dataclass
class GoldEvent:
    start: int
    end: int
    speaker: str | None
    cue: str | None = None
    mode: str | None = None
    aliases: list[str] = field(default_factory=list)


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_records(path: Path) -> dict[str, tuple[int, bytes, dict]]:
    """url → (line number, raw line bytes, parsed record) for every record of a JSON Lines corpus."""
    out: dict[str, tuple[int, bytes, dict]] = {}
    for number, line in enumerate(path.read_bytes().splitlines(), start=1):
        if line.strip():
            record = json.loads(line)
            out.setdefault(record.get("url", f"#{number}"), (number, line, record))
    return out


def anchor_in_body(content: str, start: int, body: str) -> int | None:
    """Body offset of the raw-content position `start`: same snippet to line end, same occurrence."""
    line_end = content.find("\n", start)
    snippet = content[start:line_end if line_end >= 0 else len(content)][:SNIPPET].replace("\u0640", "").strip()
    if not snippet:
        return None
    occurrence = content.replace("\u0640", "")[:len(content[:start].replace("\u0640", ""))].count(snippet)
    pos = -1
    for _ in range(occurrence + 1):
        pos = body.find(snippet, pos + 1)
        if pos < 0:
            return None
    return pos


def statement_at(article: Article, offset: int) -> int | None:
    for n, st in enumerate(article.statements):
        if st.start <= offset < st.end:
            return n
    return None


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    speaker_ok: int = 0
    cue_predicted: int = 0
    cue_ok: int = 0
    mode_ok: int = 0
    unmapped: int = 0
    errors: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def div(a: int, b: int) -> float:
            return a / b if b else 1.0
        return {
            "speaker_precision": div(self.speaker_ok, self.predicted), "speaker_recall": div(self.speaker_ok, self.gold),
            "cue_precision": div(self.cue_ok, self.cue_predicted), "cue_recall": div(self.cue_ok, self.gold),
            "mode_accuracy": div(self.mode_ok, self.speaker_ok),
        }


def same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and match_key(a) == match_key(b)


def _statement_of(raw_event: dict, article: Article, content: str) -> int | None:
    pos = anchor_in_body(content, raw_event["at"][0], article.body)
    return statement_at(article, pos) if pos is not None else None


def score_article(entry: dict, article: Article, content: str, tally: Tally) -> None:
    """Add one article's events to the tally; every predicted speaker in it is judged."""
    gold_at: dict[int, GoldEvent] = {}
    for raw in entry.get("events", []):
        event = GoldEvent(raw["at"][0], raw["at"][1], raw.get("speaker"), raw.get("cue"), raw.get("mode"), raw.get("aliases", []))
        n = _statement_of(raw, article, content)
        if event.speaker is not None:
            tally.gold += 1
        if n is None:
            tally.unmapped += 1
            tally.errors.append(f"{entry['url']}: unmapped anchor at {event.start}")
            continue
        gold_at.setdefault(n, event)
    for n, st in enumerate(article.statements):
        found = gold_at.get(n)
        if st.speaker is not None:
            tally.predicted += 1
            tally.cue_predicted += 1
        if found is None or found.speaker is None:
            if st.speaker is not None:
                tally.errors.append(f"{entry['url']} #{n}: false speaker {st.speaker_canonical!r} ({st.cue})")
            continue
        if st.speaker is None:
            tally.errors.append(f"{entry['url']} #{n}: missed {found.speaker!r} ({found.cue})")
            continue
        if any(same(st.speaker_canonical, g) for g in [found.speaker, *found.aliases]):
            tally.speaker_ok += 1
            tally.mode_ok += found.mode is None or st.mode == found.mode
        else:
            tally.errors.append(f"{entry['url']} #{n}: wrong speaker {st.speaker_canonical!r} for {found.speaker!r}")
        if found.cue is None or same(st.cue, found.cue):
            tally.cue_ok += 1
        else:
            tally.errors.append(f"{entry['url']} #{n}: wrong cue {st.cue!r} for {found.cue!r}")


def as_output(article: Article, content: str, annotation: dict, reference: dict) -> None:
    """Put a second annotation's speech events on the article's statements in place of the system's output, so the
    scorer judges one annotation against another. A name of the second that the reference lists as speaker or alias
    counts, and so does an alias of the second that the reference uses."""
    names: dict[int, list[str]] = {}
    for raw in reference.get("events", []):
        n = _statement_of(raw, article, content) if raw.get("speaker") is not None else None
        if n is not None:
            names.setdefault(n, [raw["speaker"], *raw.get("aliases", [])])
    for st in article.statements:
        st.speaker = st.speaker_canonical = st.cue = st.mode = None
        st.co_speakers = []
    for raw in annotation.get("events", []):
        n = _statement_of(raw, article, content) if raw.get("speaker") is not None else None
        if n is None or article.statements[n].speaker is not None:
            continue
        st = article.statements[n]
        forms = [raw["speaker"], *raw.get("aliases", [])]
        st.speaker = raw["speaker"]
        st.speaker_canonical = next((f for f in forms if any(same(f, r) for r in names.get(n, []))), raw["speaker"])
        st.cue, st.mode = raw.get("cue"), raw.get("mode")


def evaluate(gold: list[dict], corpus: Path, annotation: list[dict] | None = None) -> Tally:
    """Score the system on the gold's articles, or, given `annotation` (another annotation of the same articles),
    score that annotation instead: the agreement between two annotators, measured like the system."""
    from pipeline.process import process

    records = corpus_records(corpus)
    other = {e["url"]: e for e in annotation or []}
    tally = Tally()
    for entry in gold:
        number, line, record = records[entry["url"]]
        raw = RawItem(source=record.get("source") or "corpus", body=line, external_id=entry["url"], url=entry["url"],
                      path=corpus.name, record=number, content_type="application/x-ndjson")
        article, content = process(raw), record.get("content", "")
        if annotation is not None:
            as_output(article, content, other.get(entry["url"], {}), entry)
        score_article(entry, article, content, tally)
    return tally
