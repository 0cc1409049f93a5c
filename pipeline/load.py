"""Articles and statements into PostgreSQL: one transaction per batch, binary COPY into staging, then upserts."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import psycopg

from pipeline.normalize import match_key, norm_text
from pipeline.process import canonical_key
from pipeline.records import Article

_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS stage_articles (
    idx int, source text, canonical_key text, url text, external_id text, raw_item_id bigint, title text,
    dateline jsonb, published_at timestamptz, language text, body text, blocks jsonb, processor_version text,
    content_hash text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_statements (
    idx int, seq int, start_offset int, end_offset int, text text, kind text, speaker_text text,
    speaker_name text, speaker_key text, co_speakers text[], co_keys text[], role text, via text, cue text,
    mode text, norm_hash text, uid text
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_removed (idx int, seq int, text text, rule text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_ids (idx int, article_id bigint) ON COMMIT DELETE ROWS;
"""

_ARTICLE_TYPES = ["int4", "text", "text", "text", "text", "int8", "text", "jsonb", "timestamptz", "text", "text",
                  "jsonb", "text", "text"]
_STATEMENT_TYPES = ["int4", "int4", "int4", "int4", "text", "text", "text", "text", "text", "text[]", "text[]",
                    "text", "text", "text", "text", "text", "text"]
_REMOVED_TYPES = ["int4", "int4", "text", "text"]

_UPSERT_ARTICLES = """
WITH upserted AS (
    INSERT INTO articles (source, canonical_key, url, external_id, raw_item_id, title, dateline, published_at,
                          language, body, blocks, processor_version, content_hash)
    SELECT source, canonical_key, url, external_id, raw_item_id, title, dateline, published_at,
           language, body, blocks, processor_version, content_hash
    FROM stage_articles
    ON CONFLICT (source, canonical_key) DO UPDATE SET
        url = EXCLUDED.url, external_id = EXCLUDED.external_id, raw_item_id = EXCLUDED.raw_item_id,
        title = EXCLUDED.title, dateline = EXCLUDED.dateline, published_at = EXCLUDED.published_at,
        language = EXCLUDED.language, body = EXCLUDED.body, blocks = EXCLUDED.blocks,
        processor_version = EXCLUDED.processor_version, content_hash = EXCLUDED.content_hash, updated_at = now()
    RETURNING id, source, canonical_key
)
INSERT INTO stage_ids (idx, article_id)
SELECT s.idx, u.id FROM upserted u JOIN stage_articles s USING (source, canonical_key)
"""

_REPLACE_CHILDREN = """
DELETE FROM statements WHERE article_id IN (SELECT article_id FROM stage_ids);
DELETE FROM removed_lines WHERE article_id IN (SELECT article_id FROM stage_ids);
"""

_UPSERT_SPEAKERS = """
INSERT INTO speakers (canonical_name, norm_key, aliases)
SELECT DISTINCT ON (key) name, key, ARRAY[]::text[]
FROM (
    SELECT speaker_name AS name, speaker_key AS key FROM stage_statements WHERE speaker_key IS NOT NULL
    UNION ALL
    SELECT n, k FROM stage_statements, unnest(co_speakers, co_keys) AS c(n, k)
) names
ORDER BY key, length(name) DESC
ON CONFLICT (norm_key) DO NOTHING;
UPDATE speakers sp SET aliases = (SELECT array_agg(DISTINCT a ORDER BY a) FROM unnest(sp.aliases || seen.names) a)
FROM (
    SELECT speaker_key AS key, array_agg(DISTINCT speaker_text) AS names
    FROM stage_statements WHERE speaker_key IS NOT NULL AND speaker_text IS NOT NULL GROUP BY speaker_key
) seen
WHERE sp.norm_key = seen.key AND NOT (seen.names <@ sp.aliases);
"""

_INSERT_STATEMENTS = """
INSERT INTO statements (article_id, seq, start_offset, end_offset, text, kind, speaker_id, speaker_text, role, via,
                        cue, mode, norm_hash, uid)
SELECT i.article_id, s.seq, s.start_offset, s.end_offset, s.text, s.kind, sp.id, s.speaker_text, s.role, s.via,
       s.cue, s.mode, s.norm_hash, s.uid
FROM stage_statements s
JOIN stage_ids i USING (idx)
LEFT JOIN speakers sp ON sp.norm_key = s.speaker_key;
INSERT INTO statement_speakers (statement_id, speaker_id, is_primary)
SELECT st.id, sp.id, bool_or(c.is_primary)
FROM stage_statements s
JOIN stage_ids i USING (idx)
JOIN statements st ON st.article_id = i.article_id AND st.seq = s.seq
CROSS JOIN LATERAL (
    SELECT s.speaker_key AS key, true AS is_primary WHERE s.speaker_key IS NOT NULL
    UNION ALL SELECT k, false FROM unnest(s.co_keys) k
) c
JOIN speakers sp ON sp.norm_key = c.key
GROUP BY st.id, sp.id
ON CONFLICT DO NOTHING;
"""

_INSERT_REMOVED = """
INSERT INTO removed_lines (article_id, seq, text, rule)
SELECT i.article_id, r.seq, r.text, r.rule FROM stage_removed r JOIN stage_ids i USING (idx);
"""

_MARK_PROCESSED = """
UPDATE raw_items SET status = 'processed', processed_at = now(), processor_version = %s,
                     claimed_by = NULL, claim_expires_at = NULL
WHERE id = ANY(%s)
"""


@dataclass
class LoadCounts:
    articles: int = 0
    statements: int = 0
    lines_removed: int = 0


def content_hash(body: str) -> str:
    return hashlib.sha256(norm_text(body).encode("utf-8")).hexdigest()[:32]


def _speaker_key(name: str | None) -> str | None:
    return match_key(name) if name else None


def load_articles(conn: psycopg.Connection, articles: list[Article]) -> LoadCounts:
    """Write a batch of articles inside the caller's transaction; an article's previous statements are replaced."""
    # One row per identity: a batch holding two versions of a story keeps the newest raw item.
    latest: dict[tuple[str, str], Article] = {}
    for article in articles:
        key = (article.source or "", canonical_key(article))
        if key not in latest or (article.raw_item_id or 0) >= (latest[key].raw_item_id or 0):
            latest[key] = article
    batch = list(latest.values())
    counts = LoadCounts()
    with conn.cursor() as cur:
        cur.execute(_STAGING)
        with cur.copy("COPY stage_articles FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(_ARTICLE_TYPES)
            for idx, a in enumerate(batch):
                copy.write_row((
                    idx, a.source, canonical_key(a), a.url, a.external_id, a.raw_item_id, a.title,
                    asdict(a.dateline) if a.dateline else None, a.published_at, a.language, a.body,
                    [asdict(b) for b in a.blocks], a.processor_version, content_hash(a.body),
                ))
        with cur.copy("COPY stage_statements FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(_STATEMENT_TYPES)
            for idx, a in enumerate(batch):
                for s in a.statements:
                    copy.write_row((
                        idx, s.seq, s.start, s.end, s.text, s.kind, s.speaker,
                        s.speaker_canonical or s.speaker, _speaker_key(s.speaker_canonical or s.speaker),
                        s.co_speakers, [match_key(c) for c in s.co_speakers], s.role, s.via, s.cue, s.mode,
                        s.norm_hash, s.uid,
                    ))
                    counts.statements += 1
        with cur.copy("COPY stage_removed FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(_REMOVED_TYPES)
            for idx, a in enumerate(batch):
                for seq, r in enumerate(a.removed):
                    copy.write_row((idx, seq, r.text, r.rule))
                    counts.lines_removed += 1
        cur.execute(_UPSERT_ARTICLES)
        counts.articles = cur.rowcount
        cur.execute(_REPLACE_CHILDREN)
        cur.execute(_UPSERT_SPEAKERS)
        cur.execute(_INSERT_STATEMENTS)
        cur.execute(_INSERT_REMOVED)
    return counts


def mark_processed(conn: psycopg.Connection, raw_ids: list[int], version: str) -> None:
    conn.execute(_MARK_PROCESSED, (version, raw_ids))
