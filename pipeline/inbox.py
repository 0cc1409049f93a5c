"""The inbox folder: claim dropped files, store them in raw_items as received, move them to done/ or failed/."""
from __future__ import annotations

import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb

from pipeline import sources
from pipeline.records import RawItem

log = logging.getLogger(__name__)

PATTERNS = (".txt", ".html", ".htm", ".json", ".jsonl")
STATE_DIRS = ("processing", "done", "failed")
MAX_FILE_BYTES = 64 * 1024 * 1024
CONTENT_TYPES = {
    ".txt": "text/plain", ".html": "text/html", ".htm": "text/html",
    ".json": "application/json", ".jsonl": "application/x-ndjson",
}


@dataclass
class IngestCounts:
    files: int = 0
    items_seen: int = 0
    items_new: int = 0
    items_unchanged: int = 0
    files_failed: int = 0
    new_ids: list[int] = field(default_factory=list)


def _candidates(inbox: Path) -> list[Path]:
    """New files in the inbox root and in one level of source folders (inbox/<source>/file)."""
    found: list[Path] = []
    for entry in sorted(inbox.iterdir()) if inbox.is_dir() else []:
        if entry.is_file() and entry.suffix.lower() in PATTERNS:
            found.append(entry)
        elif entry.is_dir() and entry.name not in STATE_DIRS and not entry.name.startswith("."):
            found.extend(p for p in sorted(entry.iterdir()) if p.is_file() and p.suffix.lower() in PATTERNS)
    return found


def _move(path: Path, inbox: Path, state: str, base: Path) -> Path:
    """Move a file under inbox/<state>/ keeping its source folder; never overwrite a different earlier file."""
    target = inbox / state / path.relative_to(base)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        if state == "done" and target.read_bytes() == path.read_bytes():
            path.unlink()  # the identical file is already in done/: keep one copy
            return target
        target = target.with_name(f"{target.stem}.{time.time_ns()}{target.suffix}")
    os.replace(path, target)
    return target


def claim(path: Path, inbox: Path) -> Path | None:
    """Atomically rename one new file into processing/; None if another claimer got it first."""
    try:
        return _move(path, inbox, "processing", inbox)
    except FileNotFoundError:
        return None


def claim_new(inbox: Path) -> list[Path]:
    """Claim every new file in the inbox."""
    return [p for p in (claim(c, inbox) for c in _candidates(inbox)) if p]


def _source_of(rel: Path) -> str:
    return sources.resolve(rel.parts[0]) if len(rel.parts) > 1 else "inbox"


def items_from_file(path: Path, rel: Path) -> list[RawItem]:
    """Raw items of one file: the whole file, or one per line of a JSON Lines file (bytes untouched)."""
    data = path.read_bytes()
    source = _source_of(rel)
    ctype = CONTENT_TYPES.get(path.suffix.lower())
    meta = {"inbox_path": str(rel), "size": str(len(data))}
    if path.suffix.lower() != ".jsonl":
        return [RawItem(source=source, body=data, external_id=str(rel), path=str(rel), content_type=ctype, headers=meta)]
    items: list[RawItem] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        item_source, external_id = source, f"{rel}#{number}"
        try:
            record = json.loads(line)
            if isinstance(record, dict):
                item_source = sources.resolve(record.get("source"), default=source)
                external_id = record.get("url") or record.get("id") or external_id
        except (ValueError, UnicodeDecodeError):
            pass  # stored anyway; extraction rejects it with the reason
        items.append(RawItem(
            source=item_source, body=line, external_id=str(external_id), path=str(rel), record=number,
            content_type=ctype, headers=meta,
        ))
    return items


_INSERT = """
INSERT INTO raw_items (source, external_id, url, path, record, content_type, headers, body, sha256, size_bytes)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (source, external_id, sha256) DO NOTHING
RETURNING id
"""


def store(conn: psycopg.Connection, items: list[RawItem]) -> list[int]:
    """Insert raw items once each; returns ids of the new ones (a repeat of the same bytes is not new)."""
    new_ids: list[int] = []
    for name in {i.source for i in items}:
        sources.ensure_source(conn, name)
    with conn.cursor() as cur:
        for item in items:
            cur.execute(_INSERT, (
                item.source, item.external_id, item.url, item.path, item.record, item.content_type,
                Jsonb(item.headers), item.body, item.sha256, len(item.body),
            ))
            row = cur.fetchone()
            if row:
                new_ids.append(row[0])
    return new_ids


def store_claimed(conn: psycopg.Connection, inbox: Path) -> IngestCounts:
    """Store every file in processing/ and move it to done/, or to failed/ with a .reason file."""
    counts = IngestCounts()
    processing = inbox / "processing"
    files = sorted(p for p in processing.rglob("*") if p.is_file()) if processing.is_dir() else []
    for path in files:
        rel = path.relative_to(processing)
        counts.files += 1
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ValueError(f"file is {path.stat().st_size} bytes, over the {MAX_FILE_BYTES} byte cap")
            items = items_from_file(path, rel)
            with conn.transaction():
                new_ids = store(conn, items)
        except (OSError, ValueError, psycopg.DataError) as exc:
            _fail(conn, path, rel, processing, inbox, exc)
            counts.files_failed += 1
            continue
        counts.items_seen += len(items)
        counts.items_new += len(new_ids)
        counts.items_unchanged += len(items) - len(new_ids)
        counts.new_ids.extend(new_ids)
        _move(path, inbox, "done", processing)
    return counts


def _fail(conn: psycopg.Connection, path: Path, rel: Path, processing: Path, inbox: Path, exc: Exception) -> None:
    reason = type(exc).__name__
    log.warning("inbox file %s failed: %s", rel, exc)
    with conn.transaction():
        conn.execute(
            "INSERT INTO rejects (source, stage, reason, detail, location) VALUES (%s, 'ingest', %s, %s, %s)",
            (_source_of(rel), "file_unreadable" if isinstance(exc, OSError) else "file_rejected", str(exc), str(rel)),
        )
    try:
        target = _move(path, inbox, "failed", processing)
        target.with_name(target.name + ".reason").write_text(f"{reason}: {exc}\n", encoding="utf-8")
    except OSError as move_error:  # leave it where it is, reported, never deleted
        log.error("could not move %s to failed/: %s", rel, move_error)


def ingest(conn: psycopg.Connection, inbox: Path) -> IngestCounts:
    """Claim new files and store everything claimed (also files a crashed run left in processing/)."""
    inbox.mkdir(parents=True, exist_ok=True)
    claim_new(inbox)
    return store_claimed(conn, inbox)
