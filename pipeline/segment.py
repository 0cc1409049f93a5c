"""Body → statements: sentence boundaries with offsets into the body."""
from __future__ import annotations

import re

from pipeline.normalize import norm_hash
from pipeline.records import Block, Statement

_END = re.compile(r"[.!?؟]+")


def segment(body: str, blocks: list[Block]) -> list[Statement]:
    """Split each block at sentence-final punctuation; offsets index into body."""
    out: list[Statement] = []
    for block in blocks:
        pos = block.start
        for match in list(_END.finditer(body, block.start, block.end)) + [None]:
            end = match.end() if match else block.end
            start = pos
            while start < end and body[start].isspace():
                start += 1
            stop = end
            while stop > start and body[stop - 1].isspace():
                stop -= 1
            if stop > start:
                text = body[start:stop]
                kind = "heading" if block.kind == "heading" else "sentence"
                out.append(Statement(seq=len(out), start=start, end=stop, text=text, kind=kind, norm_hash=norm_hash(text)))
            pos = end
    return out
