"""Document-level sentence-boundary evaluation on CoNLL-U(-like) gold files, ours against a regex baseline."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.records import Block, Statement

WRAP = "⏎"  # in a gold `# text` line: a hard line wrap inside the sentence
_BASELINE = re.compile(r"[.!?؟]+")


@dataclass
class GoldDoc:
    """One `# newdoc`: the body built from its gold sentences, its blocks and the gold sentence ends."""

    id: str
    body: str = ""
    blocks: list[Block] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)


def read_gold(path: Path, arabic_comma: bool = False) -> list[GoldDoc]:
    """Docs of a CoNLL-U file (consecutive equal `# newdoc id`s are one doc): sentences joined by one space; `# newpar` starts a paragraph, `# newpar heading` a heading."""
    docs: list[GoldDoc] = []
    pending_par: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            doc_id = line.partition("=")[2].strip()
            if not docs or docs[-1].id != doc_id:  # UD repeats the line on every sentence of a document
                docs.append(GoldDoc(id=doc_id))
                pending_par = None
        elif line.startswith("# newpar"):
            pending_par = "heading" if "heading" in line else "paragraph"
        elif line.startswith("# text ="):
            if not docs:
                docs.append(GoldDoc(id=path.stem))
            text = line.partition("=")[2].strip().replace(WRAP, "\n")
            if arabic_comma:
                text = text.replace(", ", "، ")
            _add(docs[-1], text, pending_par)
            pending_par = None
    return [d for d in docs if d.ends]


def _add(doc: GoldDoc, text: str, par: str | None) -> None:
    if doc.body and (par or doc.blocks[-1].kind == "heading"):
        doc.body += "\n\n"
    elif doc.body:
        doc.body += " "
    start = len(doc.body)
    doc.body += text
    if not doc.blocks or par or doc.blocks[-1].kind == "heading" or doc.body[doc.blocks[-1].end:start].count("\n") > 1:
        doc.blocks.append(Block(start=start, end=len(doc.body), kind=par or "paragraph"))
    else:
        doc.blocks[-1].end = len(doc.body)
    doc.ends.append(len(doc.body))


def regex_baseline(body: str, blocks: list[Block]) -> list[Statement]:
    """The plain `[.!?؟]` splitter inside each block: what a first attempt does."""
    out: list[Statement] = []
    for block in blocks:
        pos = block.start
        for m in list(_BASELINE.finditer(body, block.start, block.end)) + [None]:
            end = m.end() if m else block.end
            text = body[pos:end]
            if text.strip():
                start = pos + len(text) - len(text.lstrip())
                stop = end - len(text) + len(text.rstrip())
                out.append(Statement(seq=len(out), start=start, end=stop, text=body[start:stop]))
            pos = end
    return out


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    sentences_per_s: float


def evaluate(docs: list[GoldDoc], splitter: Callable[[str, list[Block]], list[Statement]]) -> Score:
    """Boundary P/R/F1 over all docs (the end of a document is not counted), and gold sentences per second of
    this process's CPU time (wall time on a shared machine measures the neighbours)."""
    tp = fp = fn = 0
    elapsed = 0.0
    for doc in docs:
        t0 = time.process_time()
        statements = splitter(doc.body, doc.blocks)
        elapsed += time.process_time() - t0
        predicted = {s.end for s in statements} - {len(doc.body)}
        gold = set(doc.ends) - {len(doc.body)}
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    sentences = sum(len(d.ends) for d in docs)
    return Score(p, r, f1, sentences / elapsed if elapsed else float("inf"))


def errors(doc: GoldDoc, splitter: Callable[[str, list[Block]], list[Statement]]) -> tuple[list[int], list[int]]:
    """False and missed boundary offsets of one doc (for debugging a gold file)."""
    predicted = {s.end for s in splitter(doc.body, doc.blocks)} - {len(doc.body)}
    gold = set(doc.ends) - {len(doc.body)}
    return sorted(predicted - gold), sorted(gold - predicted)


def compose(paragraphs: list[str | tuple[str, str]]) -> tuple[str, list[Block]]:
    """A cleaned body and its blocks from paragraphs (`("heading", text)` for a heading), as the cleaner joins them."""
    body, blocks = "", []
    for item in paragraphs:
        kind, text = item if isinstance(item, tuple) else ("paragraph", item)
        if body:
            body += "\n\n"
        blocks.append(Block(start=len(body), end=len(body) + len(text), kind=kind))
        body += text
    return body, blocks
