"""The records that flow through the pipeline: raw items in, articles and statements out."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

BlockKind = Literal["paragraph", "heading"]
StatementKind = Literal["sentence", "heading"]
Mode = Literal["direct", "indirect"]


@dataclass(slots=True)
class RawItem:
    """One item exactly as received: bytes plus where and how they came."""

    source: str
    body: bytes
    external_id: str
    url: str | None = None
    path: str | None = None
    record: int | None = None  # line number inside a JSON Lines file, 1-based
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: datetime | None = None
    id: int | None = None  # raw_items.id once stored

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(slots=True)
class Dateline:
    """The line that says where and from which agency a story was filed, e.g. `موسكو – سانا`."""

    text: str
    place: str | None = None
    agency: str | None = None
    date: str | None = None  # ISO date (Gregorian) when the dateline carries one


@dataclass(slots=True)
class Block:
    """A paragraph or heading of the body, as offsets into it."""

    start: int
    end: int
    kind: BlockKind = "paragraph"


@dataclass(slots=True)
class Removed:
    """Text taken out of the article and the rule that took it."""

    text: str
    rule: str


@dataclass(slots=True)
class Extracted:
    """What extraction yields from one raw item, before cleaning: title, text lines, metadata."""

    title: str
    text: str
    published_at: datetime | None = None
    language: str | None = None
    url: str | None = None
    source: str | None = None
    external_id: str | None = None
    removed: list[Removed] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """One sentence or heading of a body, by offsets, with who said it when it reports speech."""

    seq: int
    start: int
    end: int
    text: str
    kind: StatementKind = "sentence"
    speaker: str | None = None
    speaker_canonical: str | None = None
    co_speakers: list[str] = field(default_factory=list)
    role: str | None = None
    via: str | None = None
    cue: str | None = None
    mode: Mode | None = None
    norm_hash: str | None = None
    uid: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article: the stored body, its structure, what was removed and its statements."""

    title: str
    body: str
    dateline: Dateline | None = None
    published_at: datetime | None = None
    language: str | None = None
    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    processor_version: str = ""
    statements: list[Statement] = field(default_factory=list)
    # Identity and provenance; not part of the extract output contract.
    source: str | None = None
    url: str | None = None
    external_id: str | None = None
    raw_item_id: int | None = None

    CONTRACT_FIELDS = (
        "title", "dateline", "published_at", "language", "body", "blocks", "removed", "processor_version",
    )

    def to_contract(self) -> dict[str, Any]:
        """The `extract` command's JSON shape: the contract fields plus statements."""
        out: dict[str, Any] = {}
        for name in self.CONTRACT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, datetime):
                value = value.isoformat()
            elif isinstance(value, list):
                value = [asdict(v) for v in value]
            elif value is not None and hasattr(value, "__dataclass_fields__"):
                value = asdict(value)
            out[name] = value
        out["statements"] = [asdict(s) for s in self.statements]
        return out


class Rejected(Exception):
    """An item that a stage refuses, with a short machine-readable reason and a human detail."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(f"{stage}: {reason}: {detail}" if detail else f"{stage}: {reason}")
        self.stage = stage
        self.reason = reason
        self.detail = detail
