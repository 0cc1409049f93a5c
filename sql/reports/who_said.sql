-- name: who_said
-- kind: query
-- answers: Who said what about a term? Attributed statements matching a full-text search (PostgreSQL's arabic
--          configuration, web-search syntax), best match first, each claim once.
SELECT speaker,
       role,
       day,
       source AS outlet,
       text,
       round(ts_rank_cd(tsv, websearch_to_tsquery('arabic', :'term'))::numeric, 4) AS rank,
       title,
       url,
       uid
FROM report_statements
WHERE tsv @@ websearch_to_tsquery('arabic', :'term')
  AND speaker IS NOT NULL
  AND NOT is_dup
  AND (nullif(:'since', '')::date IS NULL OR day >= nullif(:'since', '')::date)
  AND (nullif(:'until', '')::date IS NULL OR day <= nullif(:'until', '')::date)
  AND (nullif(:'source', '')::text IS NULL OR source = nullif(:'source', ''))
ORDER BY rank DESC, day DESC, uid
LIMIT coalesce(nullif(:'limit', '')::int, 50);
