-- Fetching state: per-source fetch settings, conditional-GET validators per feed, and one outcome row per source per run.

ALTER TABLE sources ADD COLUMN fetch_settings jsonb NOT NULL DEFAULT '{}';
COMMENT ON COLUMN sources.fetch_settings IS 'Per-source fetch settings from sources.yaml (allow_private, min_delay_s, user_agent, max_bytes …); empty = the defaults.';

CREATE TABLE feed_state (
    source               text NOT NULL REFERENCES sources (name) ON UPDATE CASCADE ON DELETE CASCADE,
    url                  text NOT NULL,
    etag                 text,
    last_modified        text,
    last_status          integer,
    last_outcome         text,
    last_fetched_at      timestamptz,
    last_success_at      timestamptz,
    last_new_at          timestamptz,
    entries_seen         integer NOT NULL DEFAULT 0,
    consecutive_failures integer NOT NULL DEFAULT 0,
    PRIMARY KEY (source, url)
);
COMMENT ON TABLE feed_state IS 'One row per feed (or page) URL a source is read from: what to send for a conditional GET and how the last fetch went.';
COMMENT ON COLUMN feed_state.source IS 'The source (sources.name) this URL belongs to.';
COMMENT ON COLUMN feed_state.url IS 'Feed, sitemap or page URL as configured.';
COMMENT ON COLUMN feed_state.etag IS 'ETag of the last complete fetch, sent back as If-None-Match; kept empty while entries of that fetch are still unfetched.';
COMMENT ON COLUMN feed_state.last_modified IS 'Last-Modified of the last complete fetch, sent back as If-Modified-Since.';
COMMENT ON COLUMN feed_state.last_status IS 'HTTP status of the last attempt (304 = not modified), NULL when no response came.';
COMMENT ON COLUMN feed_state.last_outcome IS 'ok, not_modified, or the reject reason of the last attempt (http_500, timeout, robots_disallowed …).';
COMMENT ON COLUMN feed_state.last_fetched_at IS 'When the URL was last attempted.';
COMMENT ON COLUMN feed_state.last_success_at IS 'When the URL last answered 2xx or 304.';
COMMENT ON COLUMN feed_state.last_new_at IS 'When a fetch of this URL last stored a new raw item.';
COMMENT ON COLUMN feed_state.entries_seen IS 'Entries in the last feed body read (0 after a 304).';
COMMENT ON COLUMN feed_state.consecutive_failures IS 'Failed attempts in a row; 0 after a success. news_quality flags a source at 3.';

CREATE TABLE fetch_runs (
    id                 bigserial PRIMARY KEY,
    run_id             text,
    source             text NOT NULL REFERENCES sources (name) ON UPDATE CASCADE ON DELETE CASCADE,
    host               text NOT NULL,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz NOT NULL DEFAULT now(),
    ok                 boolean NOT NULL,
    feeds_fetched      integer NOT NULL DEFAULT 0,
    feeds_not_modified integer NOT NULL DEFAULT 0,
    feeds_failed       integer NOT NULL DEFAULT 0,
    pages_fetched      integer NOT NULL DEFAULT 0,
    pages_skipped      integer NOT NULL DEFAULT 0,
    pages_deferred     integer NOT NULL DEFAULT 0,
    items_new          integer NOT NULL DEFAULT 0,
    rejects            integer NOT NULL DEFAULT 0,
    error              text
);
CREATE INDEX fetch_runs_source_started ON fetch_runs (source, started_at DESC);
COMMENT ON TABLE fetch_runs IS 'One row per source per fetch run: what was fetched and whether the source answered; source health reads the latest rows.';
COMMENT ON COLUMN fetch_runs.run_id IS 'Airflow DAG run id, or cli:<timestamp> for command-line runs.';
COMMENT ON COLUMN fetch_runs.host IS 'Host group the source was fetched in (one mapped news_fetch task per host).';
COMMENT ON COLUMN fetch_runs.ok IS 'False when the source feed or page itself could not be fetched (article-page rejects do not count).';
COMMENT ON COLUMN fetch_runs.feeds_fetched IS 'Feed URLs that answered 200 with a body.';
COMMENT ON COLUMN fetch_runs.feeds_not_modified IS 'Feed URLs that answered 304 to the conditional request: success, nothing new.';
COMMENT ON COLUMN fetch_runs.feeds_failed IS 'Feed URLs that failed (see rejects).';
COMMENT ON COLUMN fetch_runs.pages_fetched IS 'Article pages downloaded.';
COMMENT ON COLUMN fetch_runs.pages_skipped IS 'Feed entries already in raw_items, not downloaded again.';
COMMENT ON COLUMN fetch_runs.pages_deferred IS 'Feed entries left for the next run (time budget or page cap reached).';
COMMENT ON COLUMN fetch_runs.items_new IS 'New raw_items rows.';
COMMENT ON COLUMN fetch_runs.rejects IS 'rejects rows written with stage fetch.';
COMMENT ON COLUMN fetch_runs.error IS 'Why the source failed in this run, when ok is false.';

COMMENT ON COLUMN rejects.stage IS 'fetch, ingest, extract, clean, segment, attribute or load.';
