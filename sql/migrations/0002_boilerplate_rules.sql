-- Boilerplate lines learned from the corpus: candidates found by repetition, confirmed by a person.

CREATE TABLE boilerplate_rules (
    id          bigserial PRIMARY KEY,
    source      text NOT NULL REFERENCES sources (name) ON UPDATE CASCADE,
    line_key    text NOT NULL,
    rule_id     text NOT NULL UNIQUE,
    example     text NOT NULL,
    articles    integer NOT NULL DEFAULT 0,
    share       real NOT NULL DEFAULT 0,
    status      text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'accepted', 'rejected')),
    first_seen  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    accepted_at timestamptz,
    UNIQUE (source, line_key)
);
COMMENT ON TABLE boilerplate_rules IS 'Lines repeated across many articles of one source: boilerplate candidates, and the ones a person accepted.';
COMMENT ON COLUMN boilerplate_rules.line_key IS 'The line normalised (letters folded, digits as 0) so variants of one footer match.';
COMMENT ON COLUMN boilerplate_rules.rule_id IS 'learned:<hash>, the rule name recorded in removed_lines for lines it removes.';
COMMENT ON COLUMN boilerplate_rules.example IS 'One occurrence of the line as written.';
COMMENT ON COLUMN boilerplate_rules.articles IS 'Articles of the source containing the line in the learning window.';
COMMENT ON COLUMN boilerplate_rules.share IS 'Share of the source''s articles in the window that contain the line.';
COMMENT ON COLUMN boilerplate_rules.status IS 'candidate until accepted (then applied when cleaning) or rejected.';
