-- name: statements
-- kind: view
-- answers: Every statement with who said it, in what role, when and in which outlet (the base for searches).
--          speaker is the canonical name, or as written for one the article does not name (`الوزارة`, `مصدر
--          عسكري`: speaker_id is NULL, as it is not the same speaker in another article).
-- filters: day, source
-- order: published_at, source, article_id, seq
CREATE VIEW report_statements AS
SELECT s.id AS statement_id,
       s.uid,
       s.article_id,
       s.seq,
       a.source,
       (coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC')::date AS day,
       a.published_at,
       a.title,
       a.url,
       s.text,
       s.kind,
       coalesce(sp.canonical_name, s.speaker_text) AS speaker,
       s.speaker_id,
       s.speaker_text,
       s.role,
       s.via,
       s.cue,
       s.mode,
       s.is_dup,
       a.duplicate_of IS NOT NULL AS in_duplicate_article,
       s.tsv
FROM statements s
JOIN articles a ON a.id = s.article_id
LEFT JOIN speakers sp ON sp.id = s.speaker_id;
COMMENT ON VIEW report_statements IS 'Statements with speaker, role, date and outlet; tsv is the arabic full-text vector.';
