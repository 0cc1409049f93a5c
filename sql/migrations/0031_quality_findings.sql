-- Findings of the news_quality checks: warnings to look at, and the errors that failed a run.

CREATE TABLE quality_findings (
    id          bigserial PRIMARY KEY,
    run_id      text,
    check_name  text NOT NULL,
    severity    text NOT NULL CHECK (severity IN ('error', 'warning')),
    source      text,
    article_ids bigint[] NOT NULL DEFAULT '{}',
    detail      text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quality_findings_created ON quality_findings (created_at);
COMMENT ON TABLE quality_findings IS 'What news_quality found: errors (the run failed) and warnings (drift, stale sources, residual promo words).';
COMMENT ON COLUMN quality_findings.run_id IS 'Airflow run id of the news_quality run, or cli:… for command-line runs.';
COMMENT ON COLUMN quality_findings.check_name IS 'The check, e.g. residual_end_marker, drift_statements_per_article, stale_source.';
COMMENT ON COLUMN quality_findings.severity IS 'error fails the news_quality run; warning is recorded and notified.';
COMMENT ON COLUMN quality_findings.source IS 'Source concerned, when the finding is about one source.';
COMMENT ON COLUMN quality_findings.article_ids IS 'Offending articles (at most 50 listed).';
COMMENT ON COLUMN quality_findings.detail IS 'Human-readable explanation with the measured values.';
