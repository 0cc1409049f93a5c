"""The inbox folder: claim dropped files, store them in raw_items as received, move them to done/ or failed/."""
from __future__ import annotations

import json
import logging
import os
import stat
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


# Names of files still being written (dotfiles, browser and rsync partials, editor backups): left alone until done.
IN_PROGRESS = (".part", ".partial", ".tmp", ".crdownload", ".filepart", ".swp", "~")
MAX_SOURCE_CHARS = 100
MAX_EXTERNAL_ID_CHARS = 2000


@dataclass
class IngestCounts:
    files: int = 0
    items_seen: int = 0
    items_new: int = 0
    items_unchanged: int = 0
    files_failed: int = 0
    files_stuck: int = 0  # could not be moved (permissions, immutable): left where they are and reported
    new_ids: list[int] = field(default_factory=list)


def shown(path: Path | str) -> str:
    """A path (or any text) as text the database accepts: undecodable bytes and lone surrogates as escapes."""
    text = str(path)
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped file-name byte, e.g. from a JSON "\\ud800"
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _in_progress(name: str) -> bool:
    return name.startswith(".") or name.endswith(IN_PROGRESS)


def _candidates(inbox: Path) -> list[Path]:
    """Everything dropped in the inbox root and in one level of source folders (inbox/<source>/file), any type.

    Files of a type we do not read, symlinks and other non-regular files are claimed too, so they end in failed/
    with a reason instead of lying in the inbox for ever; only names of files still being written are skipped.
    """
    found: list[Path] = []
    for entry in sorted(inbox.iterdir()) if inbox.is_dir() else []:
        if _in_progress(entry.name):
            continue
        if entry.is_dir() and not entry.is_symlink():
            if entry.name not in STATE_DIRS:
                found.extend(p for p in sorted(entry.iterdir())
                             if not _in_progress(p.name) and (p.is_symlink() or not p.is_dir()))
        else:
            found.append(entry)
    return found


def _move(path: Path, inbox: Path, state: str, base: Path) -> Path:
    """Move a file under inbox/<state>/ keeping its source folder; never overwrite a different earlier file."""
    target = inbox / state / path.relative_to(base)
    target.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(target):
        if state == "done" and not target.is_symlink() and target.read_bytes() == path.read_bytes():
            path.unlink()  # the identical file is already in done/: keep one copy
            return target
        target = target.with_name(f"{target.stem}.{time.time_ns()}{target.suffix}")
    os.replace(path, target)
    return target


def claim(path: Path, inbox: Path) -> Path | None:
    """Atomically rename one new file into processing/; None if another claimer got it first or it cannot move."""
    try:
        return _move(path, inbox, "processing", inbox)
    except FileNotFoundError:
        return None
    except OSError as exc:  # permissions, an immutable file: it stays where it is; ingest() reports it
        log.error("cannot claim inbox file %s: %s", shown(path), exc)
        return None


def claim_new(inbox: Path) -> list[Path]:
    """Claim every new file in the inbox."""
    return [p for p in (claim(c, inbox) for c in _candidates(inbox)) if p]


def _claim_reporting(inbox: Path) -> list[tuple[Path, OSError]]:
    """Claim every new file; the files that could not be moved, with the error (another claimer's win is none)."""
    stuck: list[tuple[Path, OSError]] = []
    for candidate in _candidates(inbox):
        try:
            _move(candidate, inbox, "processing", inbox)
        except FileNotFoundError:
            continue
        except OSError as exc:
            log.error("cannot claim inbox file %s: %s", shown(candidate), exc)
            stuck.append((candidate, exc))
    return stuck


def _source_of(rel: Path) -> str:
    return sources.resolve(shown(rel.parts[0])) if len(rel.parts) > 1 else "inbox"


def _record_source(record: dict, default: str) -> str:
    """The `source` a JSON record names, when it is a usable name; anything else keeps the folder's source."""
    value = record.get("source")
    if not isinstance(value, str) or "\x00" in value or len(value) > MAX_SOURCE_CHARS:
        return default
    try:
        return sources.resolve(value, default=default)
    except (TypeError, ValueError):
        return default


def _record_id(record: dict) -> str | None:
    """The record's `url` or `id` as its external id, when it is a short string or number without NULs."""
    for name in ("url", "id"):
        value = record.get(name)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            continue
        text = str(value)
        if text and "\x00" not in text and len(text) <= MAX_EXTERNAL_ID_CHARS:
            return shown(text)  # lone surrogates (a JSON "\\ud800") escaped
    return None


def items_from_file(path: Path, rel: Path) -> list[RawItem]:
    """Raw items of one file: the whole file, or one per line of a JSON Lines file (bytes untouched)."""
    data = path.read_bytes()
    source = _source_of(rel)
    name = shown(rel)
    ctype = CONTENT_TYPES.get(path.suffix.lower())
    meta = {"inbox_path": name, "size": str(len(data))}
    if path.suffix.lower() != ".jsonl":
        return [RawItem(source=source, body=data, external_id=name, path=name, content_type=ctype, headers=meta)]
    items: list[RawItem] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        item_source, external_id = source, f"{name}#{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None  # stored anyway; extraction rejects it with the reason
        if isinstance(record, dict):
            item_source = _record_source(record, source)
            external_id = _record_id(record) or external_id
        items.append(RawItem(
            source=item_source, body=line, external_id=external_id, path=name, record=number,
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


def _claimed_files(processing: Path) -> list[Path]:
    """Every non-directory entry under processing/ (symlinks and FIFOs included, never followed), sorted."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(processing):
        found.extend(Path(folder) / f for f in files)
        found.extend(Path(folder) / d for d in dirs if (Path(folder) / d).is_symlink())
    return sorted(found)


def _refusal(path: Path) -> str | None:
    """Why a claimed file is not read at all, or None: only regular files of the types we know are opened."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return f"symbolic link to {shown(os.readlink(path))} refused: only regular files are read"
    if not stat.S_ISREG(mode):
        return "not a regular file (FIFO, socket or device): never opened"
    if path.suffix.lower() not in PATTERNS:
        return f"unsupported file type {shown(path.suffix) or '(none)'!r}; readable: {', '.join(PATTERNS)}"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"file is {path.stat().st_size} bytes, over the {MAX_FILE_BYTES} byte cap"
    return None


def store_claimed(conn: psycopg.Connection, inbox: Path) -> IngestCounts:
    """Store every file in processing/ and move it to done/, or to failed/ with a .reason file.

    A database that is down raises (the task is retried, the files wait in processing/); a file that cannot be
    moved stays where it is and is reported in `rejects`, never deleted. A file that vanishes from processing/
    meanwhile was taken by an ingest running at the same time (it lists the same folder): not ours to report.
    """
    counts = IngestCounts()
    processing = inbox / "processing"
    files = _claimed_files(processing) if processing.is_dir() else []
    for path in files:
        rel = path.relative_to(processing)
        counts.files += 1
        try:
            refusal = _refusal(path)
            if refusal:
                raise ValueError(refusal)
            items = items_from_file(path, rel)
            with conn.transaction():
                new_ids = store(conn, items)
        except FileNotFoundError:
            counts.files -= 1
            continue
        except (OSError, ValueError, TypeError, psycopg.DataError) as exc:
            if not _fail(conn, path, rel, processing, inbox, exc):
                counts.files_stuck += 1
            counts.files_failed += 1
            continue
        counts.items_seen += len(items)
        counts.items_new += len(new_ids)
        counts.items_unchanged += len(items) - len(new_ids)
        counts.new_ids.extend(new_ids)
        try:
            _move(path, inbox, "done", processing)
        except FileNotFoundError:  # the concurrent ingest stored the same bytes and moved the file first
            pass
        except OSError as exc:  # stored, but stuck in processing/: the next run stores nothing new and moves it
            log.error("could not move %s to done/: %s", shown(rel), exc)
            _report_stuck(conn, rel, f"stored, but cannot be moved to done/: {exc}")
            counts.files_stuck += 1
    return counts


def _report_stuck(conn: psycopg.Connection, rel: Path, detail: str) -> None:
    """One `file_unmovable` reject per file while it stays stuck (not one per run)."""
    with conn.transaction():
        conn.execute(
            "INSERT INTO rejects (source, stage, reason, detail, location) SELECT %s, 'ingest', 'file_unmovable', %s, %s "
            "WHERE NOT EXISTS (SELECT 1 FROM rejects WHERE stage = 'ingest' AND reason = 'file_unmovable' "
            "AND location = %s)",
            (_source_of(rel), detail[:2000], shown(rel), shown(rel)),
        )


def _fail(conn: psycopg.Connection, path: Path, rel: Path, processing: Path, inbox: Path, exc: Exception) -> bool:
    """Record the file's reject and move it to failed/ with a .reason file; False when it could not be moved."""
    reason = type(exc).__name__
    log.warning("inbox file %s failed: %s", shown(rel), exc)
    with conn.transaction():
        conn.execute(
            "INSERT INTO rejects (source, stage, reason, detail, location) VALUES (%s, 'ingest', %s, %s, %s)",
            (_source_of(rel), "file_unreadable" if isinstance(exc, OSError) else "file_rejected",
             shown(exc)[:2000], shown(rel)),
        )
    try:
        target = _move(path, inbox, "failed", processing)
        target.with_name(target.name + ".reason").write_text(f"{reason}: {shown(exc)}\n", encoding="utf-8")
    except FileNotFoundError:  # the concurrent ingest moved it to failed/ first
        return True
    except OSError as move_error:  # leave it where it is, reported, never deleted
        log.error("could not move %s to failed/: %s", shown(rel), move_error)
        _report_stuck(conn, rel, f"cannot be moved to failed/: {move_error}")
        return False
    return True


def ingest(conn: psycopg.Connection, inbox: Path) -> IngestCounts:
    """Claim new files and store everything claimed (also files a crashed run left in processing/).

    Files that cannot even be claimed (renamed into processing/) stay in the inbox and are reported.
    """
    inbox.mkdir(parents=True, exist_ok=True)
    stuck = _claim_reporting(inbox)
    counts = store_claimed(conn, inbox)
    for path, exc in stuck:
        _report_stuck(conn, path.relative_to(inbox), f"cannot be moved into processing/: {exc}")
        counts.files_stuck += 1
    return counts
