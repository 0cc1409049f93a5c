-- Loading: previous article bodies, simhash for near-duplicate articles, run details, and the registry of
-- report views that `pipeline.report.install` keeps in step with sql/reports/.

ALTER TABLE articles ADD COLUMN simhash bigint;
COMMENT ON COLUMN articles.simhash IS '64-bit simhash of the normalised body (word bigrams), signed; near-duplicates differ in at most 3 bits.';
-- Four 16-bit bands: two hashes within Hamming distance 3 agree on at least one band (pigeonhole), so each
-- band is an index probe instead of a scan of the source.
CREATE INDEX articles_simhash_b0 ON articles (source, ((simhash >> 48) & 65535)) WHERE simhash IS NOT NULL;
CREATE INDEX articles_simhash_b1 ON articles (source, ((simhash >> 32) & 65535)) WHERE simhash IS NOT NULL;
CREATE INDEX articles_simhash_b2 ON articles (source, ((simhash >> 16) & 65535)) WHERE simhash IS NOT NULL;
CREATE INDEX articles_simhash_b3 ON articles (source, (simhash & 65535)) WHERE simhash IS NOT NULL;
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_revisions (
    id                bigserial PRIMARY KEY,
    article_id        bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    raw_item_id       bigint REFERENCES raw_items (id) ON DELETE SET NULL,
    title             text NOT NULL,
    body              text NOT NULL,
    content_hash      text NOT NULL,
    processor_version text NOT NULL,
    valid_from        timestamptz NOT NULL,
    replaced_at       timestamptz NOT NULL DEFAULT now(),
    replaced_by       bigint REFERENCES raw_items (id) ON DELETE SET NULL
);
CREATE INDEX article_revisions_article ON article_revisions (article_id, replaced_at);
COMMENT ON TABLE article_revisions IS 'Earlier versions of an article: the body a newer raw version of the same story replaced.';
COMMENT ON COLUMN article_revisions.raw_item_id IS 'The raw item the replaced version was derived from.';
COMMENT ON COLUMN article_revisions.body IS 'The cleaned body as it stood before the newer version arrived.';
COMMENT ON COLUMN article_revisions.valid_from IS 'When the replaced version was loaded (articles.updated_at at the time).';
COMMENT ON COLUMN article_revisions.replaced_by IS 'The raw item of the version that replaced it.';

ALTER TABLE ingest_runs
    ADD COLUMN worker  text,
    ADD COLUMN batches integer NOT NULL DEFAULT 0,
    ADD COLUMN retries integer NOT NULL DEFAULT 0,
    ADD COLUMN details jsonb NOT NULL DEFAULT '{}';
COMMENT ON COLUMN ingest_runs.worker IS 'host:pid of the process that ran the stage.';
COMMENT ON COLUMN ingest_runs.batches IS 'Batches (transactions) the run loaded.';
COMMENT ON COLUMN ingest_runs.retries IS 'Batches retried after a serialization failure or deadlock.';
COMMENT ON COLUMN ingest_runs.details IS 'Stage-specific counts, e.g. statements kept/added/dropped by a reprocess.';

CREATE INDEX rejects_created ON rejects (created_at);

CREATE TABLE report_views (
    name         text PRIMARY KEY,
    kind         text NOT NULL,
    sha256       text NOT NULL,
    installed_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE report_views IS 'Report views installed from sql/reports/ and the hash of the file each was created from.';
