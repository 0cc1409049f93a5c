-- statement_speakers keeps only the co-speakers of a statement (وأكد بوتين وروحاني: روحاني). The first-named
-- speaker is statements.speaker_id already; writing it again for every attributed statement (a row, two index
-- entries and two foreign-key checks each) was 6-9 % of a load, for a copy of a column. Readers that want every
-- speaker of a statement read statement_all_speakers, which has the rows the table used to hold.
DELETE FROM statement_speakers ss USING statements s WHERE s.id = ss.statement_id AND s.speaker_id = ss.speaker_id;
DELETE FROM statement_speakers WHERE is_primary;
ALTER TABLE statement_speakers DROP COLUMN is_primary;
COMMENT ON TABLE statement_speakers IS
    'Co-speakers of a statement, never its primary speaker (statements.speaker_id); statement_all_speakers has both.';

CREATE VIEW statement_all_speakers AS
SELECT id AS statement_id, speaker_id, true AS is_primary FROM statements WHERE speaker_id IS NOT NULL
UNION ALL
SELECT statement_id, speaker_id, false FROM statement_speakers;
COMMENT ON VIEW statement_all_speakers IS
    'Every speaker of a statement: the primary one (statements.speaker_id) and its co-speakers (statement_speakers).';
COMMENT ON COLUMN statement_all_speakers.is_primary IS 'True for the first-named speaker (statements.speaker_id).';
