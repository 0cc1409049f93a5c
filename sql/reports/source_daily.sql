-- name: source_daily
-- kind: view
-- answers: How many articles and statements did each source publish per day, and what share were duplicates
--          (near-duplicate articles; statements repeating a claim the source made in the previous 7 days)?
-- filters: day, source
-- order: day, source
CREATE VIEW report_source_daily AS
WITH per_article AS (
    SELECT a.id, a.source, (coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC')::date AS day,
           a.duplicate_of IS NOT NULL AS duplicate,
           count(s.id) AS statements,
           count(s.id) FILTER (WHERE s.is_dup) AS statements_dup,
           count(s.id) FILTER (WHERE s.speaker_id IS NOT NULL OR s.speaker_text IS NOT NULL) AS attributed
    FROM articles a LEFT JOIN statements s ON s.article_id = a.id
    GROUP BY a.id
)
SELECT day,
       source,
       count(*) AS articles,
       count(*) FILTER (WHERE duplicate) AS articles_dup,
       round(count(*) FILTER (WHERE duplicate)::numeric / count(*), 3) AS article_dup_rate,
       sum(statements)::bigint AS statements,
       sum(statements_dup)::bigint AS statements_dup,
       round(sum(statements_dup) / nullif(sum(statements), 0), 3) AS statement_dup_rate,
       sum(attributed)::bigint AS attributed
FROM per_article
GROUP BY day, source;
COMMENT ON VIEW report_source_daily IS 'Articles and statements per source and day with duplicate rates.';
