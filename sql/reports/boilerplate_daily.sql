-- name: boilerplate_daily
-- kind: view
-- answers: How much boilerplate did each rule remove per source and day? A jump or a drop to zero for a rule
--          means the outlet changed its layout.
-- filters: day, source
-- order: day, source, lines DESC, rule
CREATE VIEW report_boilerplate_daily AS
SELECT (coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC')::date AS day,
       a.source,
       r.rule,
       count(*) AS lines,
       count(DISTINCT a.id) AS articles,
       sum(length(r.text))::bigint AS characters
FROM removed_lines r
JOIN articles a ON a.id = r.article_id
GROUP BY 1, 2, 3;
COMMENT ON VIEW report_boilerplate_daily IS 'Removed lines per rule, source and day.';
