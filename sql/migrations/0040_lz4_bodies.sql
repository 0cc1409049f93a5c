-- Article bodies compressed with lz4 instead of pglz: the loader compresses every body once, and pglz took
-- ~0.2 ms per 6 kB Arabic body (a third of the article upsert); lz4 compresses and decompresses several times
-- faster for a slightly larger TOAST. Only new values are affected; a server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE article_revisions ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE removed_lines ALTER COLUMN text SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 compression not available on this server (%); article bodies stay pglz', SQLERRM;
END
$$;
