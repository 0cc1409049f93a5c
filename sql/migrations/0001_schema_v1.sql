-- Schema v1: sources, raw items as received, articles, statements and who said them, audit and rejects.
-- Offsets are character offsets into articles.body (Python str indices): statements.text = body[start_offset:end_offset].

CREATE TABLE sources (
    id                        serial PRIMARY KEY,
    name                      text NOT NULL UNIQUE,
    aliases                   text[] NOT NULL DEFAULT '{}',
    kind                      text NOT NULL DEFAULT 'inbox' CHECK (kind IN ('feed', 'page', 'inbox')),
    url                       text,
    language                  text,
    time_zone                 text NOT NULL DEFAULT 'UTC',
    profile                   text,
    expected_interval_minutes integer,
    active                    boolean NOT NULL DEFAULT true,
    created_at                timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sources IS 'News outlets and feeds the pipeline ingests, seeded from rules/sources.yaml.';
COMMENT ON COLUMN sources.name IS 'Short stable name used everywhere else (e.g. sana, spa).';
COMMENT ON COLUMN sources.aliases IS 'Other names the same outlet goes by in input data (e.g. was, واس for spa).';
COMMENT ON COLUMN sources.kind IS 'feed = RSS/Atom, page = article URLs, inbox = files dropped into the inbox folder.';
COMMENT ON COLUMN sources.url IS 'Feed URL for feeds, home page otherwise.';
COMMENT ON COLUMN sources.language IS 'Expected language of the articles (BCP 47).';
COMMENT ON COLUMN sources.time_zone IS 'IANA time zone used to read local dates in datelines.';
COMMENT ON COLUMN sources.profile IS 'Boilerplate profile (rules/profiles/<profile>.yaml) applied to this source.';
COMMENT ON COLUMN sources.expected_interval_minutes IS 'A source silent for longer than this is flagged as stale.';
COMMENT ON COLUMN sources.active IS 'Inactive sources are neither fetched nor checked.';

CREATE TABLE raw_items (
    id               bigserial PRIMARY KEY,
    source           text NOT NULL REFERENCES sources (name) ON UPDATE CASCADE,
    external_id      text NOT NULL,
    url              text,
    path             text,
    record           integer,
    content_type     text,
    headers          jsonb NOT NULL DEFAULT '{}',
    body             bytea NOT NULL,
    sha256           text NOT NULL,
    size_bytes       integer NOT NULL,
    fetched_at       timestamptz NOT NULL DEFAULT now(),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processed', 'rejected')),
    claimed_by       text,
    claim_expires_at timestamptz,
    attempts         integer NOT NULL DEFAULT 0,
    processed_at     timestamptz,
    processor_version text,
    UNIQUE (source, external_id, sha256)
);
CREATE INDEX raw_items_pending ON raw_items (id) WHERE status = 'pending';
CREATE INDEX raw_items_source_fetched ON raw_items (source, fetched_at);
COMMENT ON TABLE raw_items IS 'Every fetched or dropped item exactly as received; never modified; the replay log for reprocessing.';
COMMENT ON COLUMN raw_items.external_id IS 'Identity of the story at its source: canonical URL, feed guid, or inbox file name and line.';
COMMENT ON COLUMN raw_items.url IS 'URL the item was fetched from, or the url field of an inbox record.';
COMMENT ON COLUMN raw_items.path IS 'Inbox file name the item came from.';
COMMENT ON COLUMN raw_items.record IS 'Line number inside a JSON Lines inbox file (1-based).';
COMMENT ON COLUMN raw_items.headers IS 'HTTP response headers, or inbox metadata.';
COMMENT ON COLUMN raw_items.body IS 'The bytes as received, before any decoding.';
COMMENT ON COLUMN raw_items.sha256 IS 'SHA-256 of body; a corrected story with new bytes is a new version of the same external_id.';
COMMENT ON COLUMN raw_items.status IS 'pending until processed into an article or rejected.';
COMMENT ON COLUMN raw_items.claimed_by IS 'Worker holding the lease while processing.';
COMMENT ON COLUMN raw_items.claim_expires_at IS 'When the lease lapses; an expired lease is taken again, so a crashed worker loses nothing.';
COMMENT ON COLUMN raw_items.processor_version IS 'Pipeline version that last processed this item.';

CREATE VIEW raw_items_latest AS
SELECT DISTINCT ON (source, external_id) *
FROM raw_items
ORDER BY source, external_id, fetched_at DESC, id DESC;
COMMENT ON VIEW raw_items_latest IS 'The newest received version of each story.';

CREATE TABLE articles (
    id                bigserial PRIMARY KEY,
    source            text NOT NULL REFERENCES sources (name) ON UPDATE CASCADE,
    canonical_key     text NOT NULL,
    url               text,
    external_id       text,
    raw_item_id       bigint REFERENCES raw_items (id) ON DELETE SET NULL,
    title             text NOT NULL DEFAULT '',
    dateline          jsonb,
    published_at      timestamptz,
    language          text,
    body              text NOT NULL,
    blocks            jsonb NOT NULL DEFAULT '[]',
    processor_version text NOT NULL,
    content_hash      text NOT NULL,
    duplicate_of      bigint REFERENCES articles (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source, canonical_key)
);
CREATE INDEX articles_published ON articles (source, published_at);
COMMENT ON TABLE articles IS 'One cleaned article per story: per (source, canonical URL or external id).';
COMMENT ON COLUMN articles.canonical_key IS 'Normalised URL (tracking parameters, fragment, scheme and www. folded) or external id.';
COMMENT ON COLUMN articles.raw_item_id IS 'The raw item version this article was derived from.';
COMMENT ON COLUMN articles.title IS 'Headline as published.';
COMMENT ON COLUMN articles.dateline IS 'Dateline as {text, place, agency, date}, e.g. موسكو – سانا.';
COMMENT ON COLUMN articles.published_at IS 'Publication time (from the page metadata, the record or the dateline).';
COMMENT ON COLUMN articles.language IS 'Language of the article (BCP 47).';
COMMENT ON COLUMN articles.body IS 'Cleaned article text: every word of the article, no boilerplate. Statement offsets point into it.';
COMMENT ON COLUMN articles.blocks IS 'Paragraphs and headings as [{start, end, kind}] offsets into body.';
COMMENT ON COLUMN articles.processor_version IS 'Pipeline version that produced this row; reprocessing updates it.';
COMMENT ON COLUMN articles.content_hash IS 'Hash of the normalised body; equal hashes are the same text.';
COMMENT ON COLUMN articles.duplicate_of IS 'The original article this one (near-)duplicates, if any.';

CREATE TABLE removed_lines (
    id         bigserial PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    text       text NOT NULL,
    rule       text NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX removed_lines_rule ON removed_lines (rule);
COMMENT ON TABLE removed_lines IS 'Every piece of text cleaning removed from an article, with the rule that removed it: nothing is silently lost.';
COMMENT ON COLUMN removed_lines.text IS 'The removed text as it stood in the input.';
COMMENT ON COLUMN removed_lines.rule IS 'Rule id, e.g. promo:telegram, marker:end, html:nav, sana:footer, learned:<hash>.';

CREATE TABLE speakers (
    id             bigserial PRIMARY KEY,
    canonical_name text NOT NULL,
    norm_key       text NOT NULL UNIQUE,
    aliases        text[] NOT NULL DEFAULT '{}',
    created_at     timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE speakers IS 'People and bodies quoted in the news, one row per canonical name across all articles.';
COMMENT ON COLUMN speakers.canonical_name IS 'Fullest spelling seen, or the one chosen in the curation file.';
COMMENT ON COLUMN speakers.norm_key IS 'Normalised name (alef/hamza, ى/ي, ة/ه, diacritics folded) used to match spellings.';
COMMENT ON COLUMN speakers.aliases IS 'Spellings and short mentions seen for this speaker.';

CREATE TABLE statements (
    id           bigserial PRIMARY KEY,
    article_id   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    start_offset integer NOT NULL CHECK (start_offset >= 0),
    end_offset   integer NOT NULL CHECK (end_offset > start_offset),
    text         text NOT NULL CHECK (text <> ''),
    kind         text NOT NULL DEFAULT 'sentence' CHECK (kind IN ('sentence', 'heading')),
    speaker_id   bigint REFERENCES speakers (id),
    speaker_text text,
    role         text,
    via          text,
    cue          text,
    mode         text CHECK (mode IN ('direct', 'indirect')),
    norm_hash    text NOT NULL,
    uid          text NOT NULL UNIQUE,
    is_dup       boolean NOT NULL DEFAULT false,
    tsv          tsvector GENERATED ALWAYS AS (to_tsvector('arabic'::regconfig, text)) STORED,
    UNIQUE (article_id, seq)
);
CREATE INDEX statements_speaker ON statements (speaker_id);
CREATE INDEX statements_norm_hash ON statements (norm_hash);
CREATE INDEX statements_tsv ON statements USING gin (tsv);
COMMENT ON TABLE statements IS 'Sentences and headings of articles; for reported speech, who said it and how.';
COMMENT ON COLUMN statements.seq IS 'Position in reading order within the article, from 0.';
COMMENT ON COLUMN statements.start_offset IS 'Start character offset into articles.body.';
COMMENT ON COLUMN statements.end_offset IS 'End character offset (exclusive) into articles.body.';
COMMENT ON COLUMN statements.text IS 'The statement exactly as in the cleaned body.';
COMMENT ON COLUMN statements.kind IS 'sentence, or heading for subheadings.';
COMMENT ON COLUMN statements.speaker_id IS 'Canonical speaker (speakers.id) when the statement reports speech.';
COMMENT ON COLUMN statements.speaker_text IS 'The speaker as written in this statement.';
COMMENT ON COLUMN statements.role IS 'Title or role given with the speaker, e.g. المتحدث باسم الرئاسة الروسية.';
COMMENT ON COLUMN statements.via IS 'Outlet or body through which the speech is reported (nested reports).';
COMMENT ON COLUMN statements.cue IS 'The speech verb as written, e.g. وقال, مشيرا.';
COMMENT ON COLUMN statements.mode IS 'direct when the content is in quotation marks, else indirect.';
COMMENT ON COLUMN statements.norm_hash IS 'Hash of the normalised text, for finding the same claim in other articles.';
COMMENT ON COLUMN statements.uid IS 'Stable id: hash of the article identity and normalised text; survives reprocessing while the text does.';
COMMENT ON COLUMN statements.is_dup IS 'True when an earlier statement of the same source within 7 days has the same normalised text.';
COMMENT ON COLUMN statements.tsv IS 'Full-text vector (PostgreSQL arabic configuration).';

CREATE TABLE statement_speakers (
    statement_id bigint NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    speaker_id   bigint NOT NULL REFERENCES speakers (id),
    is_primary   boolean NOT NULL DEFAULT false,
    PRIMARY KEY (statement_id, speaker_id)
);
CREATE INDEX statement_speakers_speaker ON statement_speakers (speaker_id);
COMMENT ON TABLE statement_speakers IS 'All speakers of a statement, including co-speakers (وأكد بوتين وروحاني).';
COMMENT ON COLUMN statement_speakers.is_primary IS 'True for the first-named speaker (statements.speaker_id).';

CREATE TABLE ingest_runs (
    id              bigserial PRIMARY KEY,
    dag_id          text,
    run_id          text,
    stage           text NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    items_seen      integer NOT NULL DEFAULT 0,
    items_new       integer NOT NULL DEFAULT 0,
    items_unchanged integer NOT NULL DEFAULT 0,
    articles        integer NOT NULL DEFAULT 0,
    statements      integer NOT NULL DEFAULT 0,
    lines_removed   integer NOT NULL DEFAULT 0,
    rejects         integer NOT NULL DEFAULT 0,
    timings         jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE ingest_runs IS 'One row per pipeline run and stage (ingest, process): counts and timings.';
COMMENT ON COLUMN ingest_runs.run_id IS 'Airflow DAG run id, or cli:<timestamp> for command-line runs.';
COMMENT ON COLUMN ingest_runs.items_seen IS 'Items looked at (files, feed entries, pending raw items).';
COMMENT ON COLUMN ingest_runs.items_new IS 'Items stored or processed for the first time.';
COMMENT ON COLUMN ingest_runs.items_unchanged IS 'Items already stored with the same bytes.';
COMMENT ON COLUMN ingest_runs.timings IS 'Seconds spent per step, e.g. {"extract": 0.12, "load": 0.30}.';

CREATE TABLE rejects (
    id          bigserial PRIMARY KEY,
    raw_item_id bigint REFERENCES raw_items (id) ON DELETE SET NULL,
    source      text,
    stage       text NOT NULL,
    reason      text NOT NULL,
    detail      text NOT NULL DEFAULT '',
    location    text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rejects_raw_item ON rejects (raw_item_id);
COMMENT ON TABLE rejects IS 'Items a stage refused, with why and a pointer to the raw item: bad input never crashes a run or vanishes.';
COMMENT ON COLUMN rejects.stage IS 'ingest, extract, clean, segment, attribute or load.';
COMMENT ON COLUMN rejects.reason IS 'Short machine-readable reason, e.g. encoding_unknown, empty_body, invalid_json.';
COMMENT ON COLUMN rejects.detail IS 'Human-readable detail of the error.';
COMMENT ON COLUMN rejects.location IS 'Where the item came from when no raw item exists (file path, URL, line).';
