"""Articles and statements into PostgreSQL: one transaction per batch, binary COPY, upserts, no row-at-a-time.

`load_articles` runs inside the caller's transaction:
1. validate every article (NUL bytes, length caps, offsets) so one bad row cannot abort the batch, each one
   just before its row goes into staging, so the check overlaps the server's work; invalid ones are left out;
2. new stories (a backfill's are nearly all new): probe which (source, canonical_key) are not stored yet, take
   their ids from the sequence in the same query, and binary COPY them straight into articles (articles.body
   compresses each body once, lz4); the stored ones (updates, reloads, older versions) go by binary COPY into a
   staging table (body uncompressed there), then `INSERT … SELECT … ON CONFLICT` into articles (keeping a
   replaced body in article_revisions); the batch's distinct speaker names are staged and upserted likewise;
3. delete the children of updated articles (their rows are locked by the upsert), probe which of the batch's
   norm hashes the table already holds (before the statements go in), then binary COPY statements and removed
   lines straight into their tables (statement ids from the column default, as in the ceiling) and link the
   co-speakers (statement_speakers; the primary speaker is statements.speaker_id) joined on (article_id, seq);
4. recompute `statements.is_dup` for the touched (source, norm_hash) keys that can have a copy (none: skipped)
   and `articles.duplicate_of` for the loaded articles (64-bit simhash, banded index).
If the database still refuses the batch with a data error, the batch is split in halves (savepoints) until the
culprit is isolated; it comes back in `LoadCounts.rejected` and the rest is loaded.

Statements deviate from "staging + INSERT … ON CONFLICT" on purpose, and stay idempotent and crash-safe: the
statement COPY is half or more of the load (the generated `arabic` tsvector), so a second pass of every row
through staging cost a third of the throughput (staged: 0.50-0.57 of the COPY ceiling); and there is nothing
to conflict with. A new article has no statements; an updated one's are deleted first, under the row lock its
upsert took, so a concurrent loader of the same story waits for this transaction and then replaces the lot;
the unique uid and (article_id, seq) still refuse any duplicate, and a crash rolls the whole batch back.
New articles skip staging (a second pass of every body through a temporary table, then INSERT … SELECT) and take no
lock: a story another loader inserts between the probe and the COPY makes the COPY fail on the unique
(source, canonical_key), or wait for that loader and then fail; that is not a bad row, so the batch's savepoint
is rolled back and the whole batch redone through staging and the upsert, which waits for or updates that row
as it always did. New ids are taken in (source, canonical_key) order, as the upsert inserts, so loaders of the
same new stories queue instead of deadlocking (a deadlock is retried by the caller, as before).
Loading twice gives the same rows (tests/integration/test_load.py), as does a concurrent run (test_concurrency);
the fast path gives what the upsert gives, races included (test_load_new_articles).
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import psycopg
from psycopg import errors
from psycopg.types.json import Jsonb

from pipeline.normalize import match_key
from pipeline.process import canonical_key
from pipeline.records import Article
from pipeline.simhash import MAX_DISTANCE, body_fingerprint
from pipeline.speaker_identity import unnamed

log = logging.getLogger(__name__)

# Length caps (characters). tsvector values are limited to 1 MB and B-tree index rows to about 2.7 kB, so long
# text is never indexed directly (uids and norm_hash are hashes) and the caps keep far below both limits.
MAX_BODY = 1_000_000
MAX_STATEMENT = 20_000
MAX_TITLE = 2_000
MAX_REMOVED = 100_000
MAX_NAME = 300  # speaker names: the unique B-tree on speakers.norm_key
MAX_FIELD = 2_000  # role, via, cue, url, external id, language
MAX_KEY_BYTES = 1_000  # canonical_key is in a unique B-tree; longer keys are stored as their hash
DUP_WINDOW = "7 days"
KINDS = frozenset({"sentence", "heading"})
MODES = frozenset({None, "direct", "indirect"})

# Errors a single row's data can cause; anything else (connection, lock, bug) aborts the batch.
ROW_ERRORS = (errors.DataError, errors.IntegrityError, errors.ProgramLimitExceeded)

_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS stage_articles (
    idx int, source text, canonical_key text, url text, external_id text, raw_item_id bigint, title text,
    dateline jsonb, published_at timestamptz, language text, body text, blocks jsonb, processor_version text,
    content_hash text, simhash bigint
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_names (name text, written text, key text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_co_speakers (article_id bigint, seq int, speaker_id bigint)
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_dup_keys (source text, norm_hash text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_ids (idx int, article_id bigint, inserted bool) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_old (article_id bigint, uid text, norm_hash text) ON COMMIT DELETE ROWS;
"""
# A staged body is not compressed (it is read once, by the upsert): articles.body compresses it, once.
_STAGING_CREATED = "ALTER TABLE stage_articles ALTER COLUMN body SET STORAGE EXTERNAL"
_CLEAR = "TRUNCATE stage_articles, stage_names, stage_co_speakers, stage_dup_keys, stage_ids, stage_old"

_ARTICLE_TYPES = ["int4", "text", "text", "text", "text", "int8", "text", "jsonb", "timestamptz", "text", "text",
                  "jsonb", "text", "text", "int8"]
_NEW_ARTICLE_COLUMNS = ("articles (id, source, canonical_key, url, external_id, raw_item_id, title, dateline, "
                        "published_at, language, body, blocks, processor_version, content_hash, simhash)")
_NEW_ARTICLE_TYPES = ["int8", *_ARTICLE_TYPES[1:]]
_KEY_CONSTRAINT = "articles_source_canonical_key_key"  # UNIQUE (source, canonical_key), migration 0001
_STATEMENT_COLUMNS = ("statements (article_id, seq, start_offset, end_offset, text, kind, speaker_id, speaker_text, "
                      "role, via, cue, mode, norm_hash, uid)")
_STATEMENT_TYPES = ["int8", "int4", "int4", "int4", "text", "text", "int8", "text", "text", "text", "text", "text",
                    "text", "text"]
_NAME_TYPES = ["text", "text", "text"]
_REMOVED_COLUMNS = "removed_lines (article_id, seq, text, rule)"
_REMOVED_TYPES = ["int8", "int4", "text", "text"]
_DUP_KEY_TYPES = ["text", "text"]
_CO_SPEAKER_TYPES = ["int8", "int4", "int8"]

# The batch's new stories (a backfill's are nearly all new): one index probe per (source, canonical_key), a
# correlated LIMIT 1 subquery that the planner can neither pull up into a join nor hash (see _PRESENT_HASHES);
# those not found get their ids from the articles' sequence in the same query, in the order given (the upsert's
# key order), and go straight into stage_ids for the later steps. They are then copied into articles with these
# ids, with no staging pass and no INSERT … SELECT. The probe takes no lock: a story another loader inserts after
# it makes that COPY fail on the unique key, and the batch is redone through the upsert (_Raced).
_CLAIM_NEW_IDS = """
INSERT INTO stage_ids (idx, article_id, inserted)
SELECT k.idx, nextval('articles_id_seq'), true
FROM unnest(%b::int4[], %b::text[], %b::text[]) WITH ORDINALITY AS k(idx, source, key, ord)
WHERE (SELECT true FROM articles a WHERE a.source = k.source AND a.canonical_key = k.key LIMIT 1) IS NULL
ORDER BY k.ord
RETURNING idx, article_id
"""

# Lock the existing rows in id order (fewer deadlocks between concurrent loaders), then keep the body that a
# newer raw version is about to replace.
_LOCK_AND_KEEP_REVISIONS = """
WITH locked AS (
    SELECT a.id FROM articles a JOIN stage_articles s USING (source, canonical_key) ORDER BY a.id FOR UPDATE OF a
)
INSERT INTO article_revisions (article_id, raw_item_id, title, body, content_hash, processor_version, valid_from,
                               replaced_by)
SELECT a.id, a.raw_item_id, a.title, a.body, a.content_hash, a.processor_version, a.updated_at, s.raw_item_id
FROM locked l JOIN articles a ON a.id = l.id JOIN stage_articles s USING (source, canonical_key)
WHERE a.raw_item_id IS DISTINCT FROM s.raw_item_id AND s.raw_item_id > a.raw_item_id
  AND a.content_hash <> s.content_hash
"""

# A version never replaces a newer one: the upsert applies only when the staged raw item is at least as new.
_UPSERT_ARTICLES = """
WITH upserted AS (
    INSERT INTO articles (source, canonical_key, url, external_id, raw_item_id, title, dateline, published_at,
                          language, body, blocks, processor_version, content_hash, simhash)
    SELECT source, canonical_key, url, external_id, raw_item_id, title, dateline, published_at,
           language, body, blocks, processor_version, content_hash, simhash
    FROM stage_articles ORDER BY source, canonical_key
    ON CONFLICT (source, canonical_key) DO UPDATE SET
        url = EXCLUDED.url, external_id = EXCLUDED.external_id, raw_item_id = EXCLUDED.raw_item_id,
        title = EXCLUDED.title, dateline = EXCLUDED.dateline, published_at = EXCLUDED.published_at,
        language = EXCLUDED.language, body = EXCLUDED.body, blocks = EXCLUDED.blocks,
        processor_version = EXCLUDED.processor_version, content_hash = EXCLUDED.content_hash,
        simhash = EXCLUDED.simhash, updated_at = now()
    WHERE articles.raw_item_id IS NULL OR EXCLUDED.raw_item_id IS NULL OR EXCLUDED.raw_item_id >= articles.raw_item_id
    RETURNING id, source, canonical_key, (xmax = 0) AS inserted
)
INSERT INTO stage_ids (idx, article_id, inserted)
SELECT s.idx, u.id, u.inserted FROM upserted u JOIN stage_articles s USING (source, canonical_key)
"""

# Only articles that existed have children to replace; their old statements are kept aside for the counts.
_REPLACE_CHILDREN = """
WITH gone AS (
    DELETE FROM statements WHERE article_id IN (SELECT article_id FROM stage_ids WHERE NOT inserted)
    RETURNING article_id, uid, norm_hash
)
INSERT INTO stage_old SELECT article_id, uid, norm_hash FROM gone;
DELETE FROM removed_lines WHERE article_id IN (SELECT article_id FROM stage_ids WHERE NOT inserted);
"""

# New speakers get the fullest spelling as canonical name; an existing canonical name (possibly curated) is kept.
# stage_names holds each distinct (name as resolved, name as written, key) of the batch once.
_UPSERT_SPEAKERS = """
INSERT INTO speakers (canonical_name, norm_key, aliases)
SELECT DISTINCT ON (key) name, key, ARRAY[]::text[]
FROM stage_names
ORDER BY key, length(name) DESC, name
ON CONFLICT (norm_key) DO NOTHING;
UPDATE speakers sp SET aliases = (SELECT array_agg(DISTINCT a ORDER BY a) FROM unnest(sp.aliases || seen.names) a)
FROM (
    SELECT key, array_agg(DISTINCT written) AS names FROM stage_names WHERE written IS NOT NULL GROUP BY key
) seen
WHERE sp.norm_key = seen.key AND NOT (seen.names <@ sp.aliases);
"""

# Statements and removed lines go straight into their tables by binary COPY (no second pass through staging):
# an updated article's old children are deleted first under its row lock and a new article has none, so a
# conflict cannot arise; a uid collision would raise and the batch split would isolate the article. Statement ids
# come from the column default during the COPY, as in the ceiling (fetching ids beforehand cost 5 % of the load).
# _LINK_CO_SPEAKERS completes the statements after their COPY: the links to their co-speakers, found by
# (article_id, seq) (stage_co_speakers holds each pair once, never the primary speaker, which is
# statements.speaker_id; migration 0050). Most batches have none and skip it. A correlated scalar subquery on
# purpose: one unique-index probe per pair whatever the table's size or statistics, where a join was planned as a
# hash of the whole statements table every batch (1.8 s of a 100k-statement load, growing with the table).
_LINK_CO_SPEAKERS = """
INSERT INTO statement_speakers (statement_id, speaker_id)
SELECT (SELECT st.id FROM statements st WHERE st.article_id = p.article_id AND st.seq = p.seq), p.speaker_id
FROM stage_co_speakers p
ON CONFLICT DO NOTHING
"""

# Norm hashes of the batch already in the table (any source: a superset of what dedup needs). Run before the
# batch's statements are copied in, so a new key is an index probe that finds nothing (no heap visit). A
# correlated LIMIT 1 subquery, which the planner can neither pull up into a join nor hash: one index probe per
# key, constant per batch. `norm_hash = ANY(array)` was planned, on a just-truncated table's stale statistics, as
# a seq scan comparing every row with all 10k keys (4 s a batch), and a semi-join hashed the whole table.
# The keys go as one newline-joined text (norm hashes are hex): a 10k-element text[] parameter cost 6 ms of
# Python a batch to build; the array form stays for a key that holds a newline.
_PRESENT_HASHES = """
SELECT k.h FROM unnest(string_to_array(%s::text, E'\\n')) AS k(h)
WHERE (SELECT true FROM statements s WHERE s.norm_hash = k.h LIMIT 1)
"""
_PRESENT_HASHES_ARRAY = """
SELECT k.h FROM unnest(%b::text[]) AS k(h)
WHERE (SELECT true FROM statements s WHERE s.norm_hash = k.h LIMIT 1)
"""

# Statement dedup, per source within a window of published_at: a statement is a copy when the previous statement
# with the same norm_hash lies within the window. Ties on published_at go to the lowest article id, then the
# position in the article: both survive reloads (statement ids do not, statements are replaced). Recomputed for every
# key the batch touched that has another copy (a key seen once in the batch costs one index probe) and every key
# of a deleted statement, over the whole source, so backfill order cannot change the flags. Skipped when there is
# no such key: a batch of new text has nothing to recompute.
_RECOMPUTE_DUPS = f"""
WITH keys AS (
    SELECT source, norm_hash FROM stage_dup_keys
    UNION
    SELECT a.source, o.norm_hash FROM stage_old o JOIN articles a ON a.id = o.article_id
),
ranked AS (
    SELECT st.id, st.is_dup, a.published_at AS at,
           lag(a.published_at) OVER w AS prev_at, lag(st.id) OVER w AS prev_id
    FROM keys k
    JOIN statements st ON st.norm_hash = k.norm_hash
    JOIN articles a ON a.id = st.article_id AND a.source = k.source
    WINDOW w AS (PARTITION BY a.source, st.norm_hash ORDER BY a.published_at NULLS LAST, st.article_id, st.seq)
),
flags AS (
    SELECT id, is_dup, prev_id IS NOT NULL AND (
        (at IS NULL AND prev_at IS NULL) OR prev_at >= at - interval '{DUP_WINDOW}') AS dup
    FROM ranked
)
UPDATE statements st SET is_dup = f.dup FROM flags f WHERE st.id = f.id AND st.is_dup <> f.dup
"""

# Near-duplicate articles: candidates share one of four 16-bit bands (index probes), then the exact distance.
_NEAR_PAIRS_BANDED = """
WITH b AS (
    SELECT a.id, a.source, a.simhash FROM stage_ids i JOIN articles a ON a.id = i.article_id WHERE a.simhash IS NOT NULL
),
candidates AS (
    SELECT b.id, c.id AS other FROM b JOIN articles c
      ON c.source = b.source AND ((c.simhash >> 48) & 65535) = ((b.simhash >> 48) & 65535) AND c.simhash IS NOT NULL
    UNION
    SELECT b.id, c.id FROM b JOIN articles c
      ON c.source = b.source AND ((c.simhash >> 32) & 65535) = ((b.simhash >> 32) & 65535) AND c.simhash IS NOT NULL
    UNION
    SELECT b.id, c.id FROM b JOIN articles c
      ON c.source = b.source AND ((c.simhash >> 16) & 65535) = ((b.simhash >> 16) & 65535) AND c.simhash IS NOT NULL
    UNION
    SELECT b.id, c.id FROM b JOIN articles c
      ON c.source = b.source AND (c.simhash & 65535) = (b.simhash & 65535) AND c.simhash IS NOT NULL
)
SELECT x.id, x.other FROM candidates x
JOIN articles a ON a.id = x.id JOIN articles c ON c.id = x.other
WHERE x.id <> x.other AND bit_count((a.simhash # c.simhash)::bit(64)) <= %(distance)s
"""

_NEAR_PAIRS_SCAN = """
SELECT a.id, c.id FROM stage_ids i JOIN articles a ON a.id = i.article_id
JOIN articles c ON c.source = a.source AND c.id <> a.id AND c.simhash IS NOT NULL
WHERE a.simhash IS NOT NULL AND bit_count((a.simhash # c.simhash)::bit(64)) <= %(distance)s
"""

_MARK_PROCESSED = """
UPDATE raw_items SET status = 'processed', processed_at = now(), processor_version = %s,
                     claimed_by = NULL, claim_expires_at = NULL
WHERE id = ANY(%s)
"""


@dataclass
class LoadReject:
    """An article the loader refused: the reason goes to the rejects table, the batch goes on."""

    article: Article
    reason: str
    detail: str


@dataclass
class LoadCounts:
    articles: int = 0
    articles_new: int = 0
    statements: int = 0
    lines_removed: int = 0
    revisions: int = 0
    near_duplicates: int = 0
    statements_kept: int = 0
    statements_added: int = 0
    statements_dropped: int = 0
    splits: int = 0
    rejected: list[LoadReject] = field(default_factory=list)

    def add(self, other: LoadCounts) -> None:
        for name in ("articles", "articles_new", "statements", "lines_removed", "revisions", "near_duplicates",
                     "statements_kept", "statements_added", "statements_dropped", "splits"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rejected.extend(other.rejected)


def content_hash(body: str) -> str:
    """Hash of the normalised body (memoised with the simhash; see pipeline.simhash.body_fingerprint)."""
    return body_fingerprint(body)[0]


def index_key(key: str) -> str:
    """A canonical key short enough for the unique B-tree: long keys become their hash."""
    if len(key) * 4 <= MAX_KEY_BYTES or len(key.encode("utf-8")) <= MAX_KEY_BYTES:
        return key
    return "sha256:" + hashlib.sha256(key.encode("utf-8")).hexdigest()


def _bad_text(value: str | None, cap: int) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        return "nul_byte"
    if len(value) > cap:
        return "too_long"
    return None


def validate(a: Article) -> tuple[str, str] | None:
    """Why an article cannot be loaded, as (reason, detail), or None when it can."""
    body = a.body
    for name, value, cap in (("body", body, MAX_BODY), ("title", a.title, MAX_TITLE), ("url", a.url, MAX_FIELD),
                             ("external_id", a.external_id, MAX_FIELD), ("language", a.language, MAX_FIELD)):
        problem = _bad_text(value, cap)
        if problem:
            return problem, f"{name}: {len(value)} characters" if problem == "too_long" else f"{name} holds U+0000"
    try:
        body.encode("utf-8")  # lone surrogates cannot be sent; statements are slices of the body
    except UnicodeEncodeError as exc:
        return "bad_encoding", f"body: {exc.reason} at {exc.start}"
    size = len(body)
    for s in a.statements:
        text, start, end = s.text, s.start, s.end
        if len(text) > MAX_STATEMENT:
            return "too_long", f"statement {s.seq}: {len(text)} characters (cap {MAX_STATEMENT})"
        if not (0 <= start < end <= size) or end - start != len(text) or not body.startswith(text, start):
            return "invalid_offsets", f"statement {s.seq}: [{start}, {end}) in a body of {size}"
        if s.kind not in KINDS or s.mode not in MODES or not s.uid or not s.norm_hash:
            return "invalid_statement", f"statement {s.seq}: kind={s.kind!r} mode={s.mode!r} uid={s.uid!r}"
        if s.speaker is None and s.speaker_canonical is None and s.role is None and s.via is None and s.cue is None \
                and not s.co_speakers:
            continue  # most statements report no speech: nothing else to check
        for name, value, cap in (("speaker", s.speaker, MAX_NAME), ("speaker", s.speaker_canonical, MAX_NAME),
                                 ("role", s.role, MAX_FIELD), ("via", s.via, MAX_FIELD), ("cue", s.cue, MAX_FIELD)):
            problem = _bad_text(value, cap)
            if problem:
                return problem, f"statement {s.seq} {name}"
        for name in s.co_speakers:
            if _bad_text(name, MAX_NAME):
                return _bad_text(name, MAX_NAME), f"statement {s.seq} co-speaker"
    for seq, r in enumerate(a.removed):
        problem = _bad_text(r.text, MAX_REMOVED) or _bad_text(r.rule, MAX_FIELD)
        if problem:
            return problem, f"removed line {seq}"
    if a.dateline is not None:
        for value in (a.dateline.text, a.dateline.place, a.dateline.agency, a.dateline.date):
            problem = _bad_text(value, MAX_FIELD)  # jsonb refuses \u0000 too
            if problem:
                return problem, "dateline"
    try:
        for text in (a.title, *(r.text for r in a.removed)):
            text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return "bad_encoding", exc.reason
    return None


def latest_per_key(articles: list[Article]) -> list[Article]:
    """One article per identity: a batch holding two versions of a story keeps the newest raw item."""
    return list(_latest(articles).values())


def _latest(articles: list[Article]) -> dict[tuple[str, str], Article]:
    latest: dict[tuple[str, str], Article] = {}
    for article in articles:
        key = (article.source or "", index_key(canonical_key(article)))
        if key not in latest or (article.raw_item_id or 0) >= (latest[key].raw_item_id or 0):
            latest[key] = article
    return latest


def load_articles(conn: psycopg.Connection, articles: list[Article]) -> LoadCounts:
    """Write a batch of articles inside the caller's transaction; an article's previous statements are replaced.

    Articles that fail validation, or that the database refuses on their own, are returned in `rejected`.
    """
    counts = LoadCounts()
    latest = _latest(articles)
    if not latest:
        return counts
    keys = {id(article): key for (_, key), article in latest.items()}  # its index key, computed once per batch
    batch = list(latest.values())
    invalid: dict[int, tuple[str, str]] = {}
    _load_isolating(conn, batch, keys, counts, invalid, top=True)
    # Validation rejects first, in batch order, then what the database refused (as before validation moved into
    # the staging COPY).
    counts.rejected[:0] = [LoadReject(a, *invalid[id(a)]) for a in batch if id(a) in invalid]
    return counts


def _load_isolating(conn: psycopg.Connection, batch: list[Article], keys: dict[int, str], counts: LoadCounts,
                    invalid: dict[int, tuple[str, str]], top: bool = False) -> None:
    """Load in a savepoint; on a row-data error split the batch in halves until the culprit is alone."""
    part = LoadCounts()
    try:
        try:
            with conn.transaction():
                _load(conn, batch, keys, part, invalid, fast=True)
        except _Raced:
            # Rolled back to the savepoint: another loader inserted one of the batch's new stories after the probe.
            # Not a bad row, so no split: the upsert waits for that loader's transaction if it is still open, then
            # replaces its row or keeps it (the newer raw item wins), exactly as it did before the fast path.
            part = LoadCounts()
            with conn.transaction():
                _load(conn, batch, keys, part, invalid, fast=False)
    except ROW_ERRORS as exc:
        batch = [a for a in batch if id(a) not in invalid]  # the failed attempt's staging validated them
        if not batch:
            raise  # nothing was valid to load, so no row is to blame
        if len(batch) == 1:
            log.warning("load refused article %s: %s", batch[0].raw_item_id, exc)
            counts.rejected.append(LoadReject(batch[0], "load_error", f"{type(exc).__name__}: {exc}"[:2000]))
            return
        counts.splits += 1
        before = len(counts.rejected)
        mid = len(batch) // 2
        _load_isolating(conn, batch[:mid], keys, counts, invalid)
        _load_isolating(conn, batch[mid:], keys, counts, invalid)
        if top and len(counts.rejected) - before == len(batch):
            # Every article fails on its own: not a bad row but a broken statement or schema; fail the batch.
            del counts.rejected[before:]
            raise exc
        return
    counts.add(part)


def _write_rows(cur: psycopg.Cursor, table: str, types: list[str], rows) -> None:
    with cur.copy(f"COPY {table} FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(types)
        write = copy.write_row
        for row in rows:
            write(row)


@lru_cache(maxsize=1 << 16)
def _speaker_key(name: str) -> str:
    """match_key of a speaker name; a batch names the same few people thousands of times."""
    return match_key(name)


@lru_cache(maxsize=64)
def _json_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _as_is(text: str) -> str:
    return text


class _Raced(Exception):
    """A story the probe found new was inserted by another loader before this batch's articles COPY."""


def _article_rows(batch: list[Article], keys: dict[int, str], invalid: dict[int, tuple[str, str]],
                  which: Iterable[int], ids: dict[int, int] | None = None):
    """Rows of the batch's articles at the indexes `which`, skipping invalid ones: for staging (first column the
    batch index) or, given `ids` (batch index: new article id), for the COPY into articles (first column the id).
    Each article is validated here, just before its row is sent, so the Python check runs while the server stores
    the rows sent before it (it ran alone before the COPY: 3 % of a load); an invalid article is left out, hence
    out of everything after, and noted in `invalid`. blocks goes as JSON text made here (jsonb stores the same
    value): json.dumps of a list of dicts took 25 ms per 1000 bench articles, this 11 ms."""
    for idx in which:
        a = batch[idx]
        if id(a) in invalid:
            continue
        problem = validate(a)
        if problem:
            invalid[id(a)] = problem
            continue
        yield (
            idx if ids is None else ids[idx], a.source, keys[id(a)], a.url, a.external_id, a.raw_item_id, a.title,
            asdict(a.dateline) if a.dateline else None, a.published_at, a.language, a.body,
            Jsonb("[" + ",".join([f'{{"start":{b.start},"end":{b.end},"kind":{_json_string(b.kind)}}}'
                                  for b in a.blocks]) + "]", dumps=_as_is),
            a.processor_version, *body_fingerprint(a.body),
        )


def _copy_new_articles(cur: psycopg.Cursor, batch: list[Article], keys: dict[int, str],
                       invalid: dict[int, tuple[str, str]]) -> set[int]:
    """Probe which articles of the batch are new, give them ids and copy them into articles; their batch indexes.

    Keys go in sorted (the upsert's order), so loaders inserting the same new stories queue rather than deadlock."""
    todo = sorted((i for i, a in enumerate(batch) if id(a) not in invalid),
                  key=lambda i: (batch[i].source or "", keys[id(batch[i])]))
    if not todo:
        return set()
    claimed = cur.execute(_CLAIM_NEW_IDS, (todo, [batch[i].source for i in todo], [keys[id(batch[i])] for i in todo]))
    ids: dict[int, int] = dict(claimed.fetchall())
    if not ids:
        return set()
    try:
        _write_rows(cur, _NEW_ARTICLE_COLUMNS, _NEW_ARTICLE_TYPES,
                    _article_rows(batch, keys, invalid, [i for i in todo if i in ids], ids))
    except errors.UniqueViolation as exc:
        if exc.diag.constraint_name == _KEY_CONSTRAINT:
            raise _Raced(str(exc)) from exc
        raise
    refused = [i for i in ids if id(batch[i]) in invalid]
    if refused:  # found invalid while copying: they were given an id but have no row
        cur.execute("DELETE FROM stage_ids WHERE idx = ANY(%s)", (refused,))
    return set(ids)


def _speaker_names(batch: list[Article]) -> set[tuple[str, str | None, str]]:
    """Each distinct (name as resolved, name as written, key) of the batch's speakers and co-speakers that name
    somebody across articles (`unnamed` ones, `الوزارة` or `مصدر عسكري`, stay on their statement only)."""
    names = set()
    for a in batch:
        for s in a.statements:
            name = s.speaker_canonical or s.speaker
            if name:
                names.add((name, s.speaker))
            for co in s.co_speakers:
                names.add((co, co))
    named = {n for n in {n for n, _ in names} if not unnamed(n)}
    return {(name, written, _speaker_key(name)) for name, written in names if name in named}


def _statement_rows(loaded: list[tuple[int, Article]], speaker_ids: dict[str, int],
                    co_speakers: set[tuple[int, int, int]]):
    """Rows for the statements COPY; collects the co-speaker links (each once, never the primary) meanwhile."""
    for article_id, a in loaded:
        for s in a.statements:
            name = s.speaker_canonical or s.speaker
            # an unnamed speaker was left out of stage_names, so it has no id here
            speaker_id = speaker_ids.get(_speaker_key(name)) if name else None
            for co in s.co_speakers:
                co_id = speaker_ids.get(_speaker_key(co))
                if co_id is not None and co_id != speaker_id:  # a co-speaker spelled like the speaker is the speaker
                    co_speakers.add((article_id, s.seq, co_id))
            yield (article_id, s.seq, s.start, s.end, s.text, s.kind, speaker_id, s.speaker, s.role, s.via,
                   s.cue, s.mode, s.norm_hash, s.uid)


def _removed_rows(loaded: list[tuple[int, Article]]):
    for article_id, a in loaded:
        for seq, r in enumerate(a.removed):
            yield article_id, seq, r.text, r.rule


def _dup_keys(cur: psycopg.Cursor, loaded: list[tuple[int, Article]]) -> list[tuple[str, str]]:
    """(source, norm_hash) of the loaded statements that may have another copy: repeated within the batch, or
    already in the table. Called before the batch's statements are copied in."""
    seen: dict[tuple[str, str], bool] = {}
    for _, a in loaded:
        for s in a.statements:
            key = (a.source, s.norm_hash)
            seen[key] = key in seen
    if not seen:
        return []
    hashes = list({h for _, h in seen})
    joined = "\n".join(hashes)
    if joined.count("\n") == len(hashes) - 1:
        present = {r[0] for r in cur.execute(_PRESENT_HASHES, (joined,))}
    else:
        present = {r[0] for r in cur.execute(_PRESENT_HASHES_ARRAY, (hashes,))}
    return [key for key, repeated in seen.items() if repeated or key[1] in present]


def _load(conn: psycopg.Connection, batch: list[Article], keys: dict[int, str], counts: LoadCounts,
          invalid: dict[int, tuple[str, str]], fast: bool = True) -> None:
    with conn.cursor() as cur:
        if cur.execute("SELECT to_regclass('pg_temp.stage_articles')").fetchone()[0] is None:
            cur.execute(_STAGING)
            cur.execute(_STAGING_CREATED)
        else:
            cur.execute(_CLEAR)
        new = _copy_new_articles(cur, batch, keys, invalid) if fast else set()
        rest = [i for i, a in enumerate(batch) if i not in new and id(a) not in invalid]
        if rest:
            # Stories already stored (every story, after a race): staging, row locks, revisions, the upsert.
            _write_rows(cur, "stage_articles", _ARTICLE_TYPES, _article_rows(batch, keys, invalid, rest))
            cur.execute(_LOCK_AND_KEEP_REVISIONS)
            counts.revisions = cur.rowcount
            cur.execute(_UPSERT_ARTICLES)
        _write_rows(cur, "stage_names", _NAME_TYPES, _speaker_names([a for a in batch if id(a) not in invalid]))
        ids: dict[int, int] = {}
        updated = False
        for idx, article_id, inserted in cur.execute("SELECT idx, article_id, inserted FROM stage_ids"):
            ids[idx] = article_id
            counts.articles_new += inserted
            updated = updated or not inserted
        counts.articles = len(ids)
        # An article older than the stored version is not loaded: it has no id here.
        loaded = [(ids[idx], a) for idx, a in enumerate(batch) if idx in ids]
        if updated:
            cur.execute(_REPLACE_CHILDREN)
        cur.execute(_UPSERT_SPEAKERS)
        speaker_ids = dict(cur.execute(
            "SELECT norm_key, id FROM speakers WHERE norm_key IN (SELECT key FROM stage_names)").fetchall())
        dup_keys = _dup_keys(cur, loaded)
        counts.statements = sum(len(a.statements) for _, a in loaded)
        co_speakers: set[tuple[int, int, int]] = set()
        _write_rows(cur, _STATEMENT_COLUMNS, _STATEMENT_TYPES, _statement_rows(loaded, speaker_ids, co_speakers))
        if co_speakers:
            _write_rows(cur, "stage_co_speakers", _CO_SPEAKER_TYPES, co_speakers)
            cur.execute(_LINK_CO_SPEAKERS)
        _write_rows(cur, _REMOVED_COLUMNS, _REMOVED_TYPES, _removed_rows(loaded))
        counts.lines_removed = sum(len(a.removed) for _, a in loaded)
        if updated:
            kept, old = cur.execute(
                "SELECT (SELECT count(*) FROM stage_old o JOIN statements s ON s.uid = o.uid"
                "        AND s.article_id = o.article_id), (SELECT count(*) FROM stage_old)"
            ).fetchone()
            counts.statements_kept = kept
            counts.statements_dropped = old - kept
        counts.statements_added = counts.statements - counts.statements_kept
        if dup_keys or updated:
            _write_rows(cur, "stage_dup_keys", _DUP_KEY_TYPES, dup_keys)
            cur.execute(_RECOMPUTE_DUPS)
        counts.near_duplicates = mark_near_duplicates(cur)


def mark_near_duplicates(cur: psycopg.Cursor, max_distance: int = MAX_DISTANCE) -> int:
    """Point each staged article and its near-duplicates at the group's original; returns articles marked.

    The original is the earliest published (then lowest id) of an article and everything within the distance,
    so load order does not matter. An article no longer near anything loses its mark.
    """
    query = _NEAR_PAIRS_BANDED if max_distance <= 3 else _NEAR_PAIRS_SCAN
    pairs = cur.execute(query, {"distance": max_distance}).fetchall()
    staged = [r[0] for r in cur.execute("SELECT article_id FROM stage_ids")]
    groups: dict[int, set[int]] = {a: {a} for a in staged}
    for a, other in pairs:
        groups[a].add(other)
    members = sorted({m for g in groups.values() for m in g})
    info = {
        r[0]: (r[1] is None, r[1], r[0], r[2])
        for r in cur.execute("SELECT id, published_at, duplicate_of FROM articles WHERE id = ANY(%s)", (members,))
    }
    target: dict[int, int | None] = {}
    for a, group in groups.items():
        original = min(group, key=lambda m: info[m][:3])
        target[a] = None if original == a else original
        for m in group:
            if m != a and m != original and a == original:
                current = info[m][3]
                # Re-point a later copy to this article when it is earlier than the copy's current original.
                if current is None or current not in info or info[original][:3] < info[current][:3]:
                    target.setdefault(m, original)
    changes = [(m, t) for m, t in target.items() if info[m][3] != t]
    if changes:
        cur.execute(
            "UPDATE articles a SET duplicate_of = c.target FROM unnest(%s::bigint[], %s::bigint[]) AS c(id, target) "
            "WHERE a.id = c.id",
            ([m for m, _ in changes], [t for _, t in changes]),
        )
    # Copies of an article that has changed so much that they are no longer near it lose their pointer.
    cur.execute(
        "UPDATE articles a SET duplicate_of = NULL FROM stage_ids i JOIN articles o ON o.id = i.article_id "
        "WHERE a.duplicate_of = o.id AND (a.simhash IS NULL OR o.simhash IS NULL "
        "OR bit_count((a.simhash # o.simhash)::bit(64)) > %s)",
        (max_distance,),
    )
    return sum(1 for t in target.values() if t is not None)


def mark_processed(conn: psycopg.Connection, raw_ids: list[int], version: str) -> None:
    conn.execute(_MARK_PROCESSED, (version, raw_ids))
