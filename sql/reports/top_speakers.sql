-- name: top_speakers
-- kind: query
-- answers: Who was quoted most in a period (optionally in one source), each claim counted once?
SELECT speaker,
       sum(statements)::bigint AS statements,
       sum(articles)::bigint AS articles,
       count(DISTINCT source) AS sources,
       min(day) AS first_day,
       max(day) AS last_day
FROM report_speaker_daily
WHERE (nullif(:'since', '')::date IS NULL OR day >= nullif(:'since', '')::date)
  AND (nullif(:'until', '')::date IS NULL OR day <= nullif(:'until', '')::date)
  AND (nullif(:'source', '')::text IS NULL OR source = nullif(:'source', ''))
GROUP BY speaker_id, speaker
ORDER BY statements DESC, speaker
LIMIT coalesce(nullif(:'limit', '')::int, 20);
