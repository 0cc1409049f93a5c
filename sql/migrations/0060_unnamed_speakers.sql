-- Speakers an article names only by a common noun or as an anonymous source (`الوزارة`, `الجانبان`, `مصدر عسكري`)
-- are kept on their statement but not linked to `speakers`: every article's `الوزارة` is a different ministry.
-- pipeline/speaker_identity.py decides; stored statements change when they are reprocessed.
COMMENT ON COLUMN statements.speaker_id IS
    'Canonical speaker (speakers.id) when the statement reports speech by somebody named; NULL for a speaker the '
    'article names only by a common noun or as an anonymous source (speaker_text keeps it).';
COMMENT ON COLUMN statements.speaker_text IS
    'The speaker as written in this statement; set for every statement that reports speech.';
