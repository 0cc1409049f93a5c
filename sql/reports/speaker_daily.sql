-- name: speaker_daily
-- kind: materialized view
-- answers: How many statements did each canonical speaker make per day and source (each claim counted once)?
-- filters: day, source
-- order: day, source, statements DESC, speaker
CREATE MATERIALIZED VIEW report_speaker_daily AS
SELECT sp.id AS speaker_id,
       sp.canonical_name AS speaker,
       a.source,
       (coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC')::date AS day,
       count(*) FILTER (WHERE NOT s.is_dup) AS statements,
       count(*) AS statements_with_copies,
       count(DISTINCT a.id) AS articles
FROM statement_all_speakers ss
JOIN statements s ON s.id = ss.statement_id
JOIN articles a ON a.id = s.article_id
JOIN speakers sp ON sp.id = ss.speaker_id
WHERE a.duplicate_of IS NULL
GROUP BY sp.id, sp.canonical_name, a.source, day;
CREATE UNIQUE INDEX report_speaker_daily_key ON report_speaker_daily (speaker_id, source, day);
COMMENT ON MATERIALIZED VIEW report_speaker_daily IS 'Statements per canonical speaker, day and source; copies (is_dup) and near-duplicate articles not counted. Refreshed by the quality DAG.';
