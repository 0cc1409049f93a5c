-- name: ingest_health
-- kind: view
-- answers: How did each pipeline run go: items fetched, new, unchanged, rejected, articles and statements
--          loaded, how long it took?
-- filters: day
-- order: started_at DESC
CREATE VIEW report_ingest_health AS
SELECT id AS run,
       stage,
       dag_id,
       run_id,
       (started_at AT TIME ZONE 'UTC')::date AS day,
       started_at,
       round(extract(epoch FROM finished_at - started_at)::numeric, 2) AS duration_s,
       items_seen AS items_fetched,
       items_new,
       items_unchanged,
       rejects AS items_rejected,
       articles,
       statements,
       lines_removed,
       batches,
       retries,
       worker
FROM ingest_runs;
COMMENT ON VIEW report_ingest_health IS 'One row per pipeline run and stage: counts and duration.';
