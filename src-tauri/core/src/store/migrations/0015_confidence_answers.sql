-- v15: a fourth survey question, "how confident are you that we will reach your goal" (1-10).
-- SQLite cannot change a CHECK in place, so the table is rebuilt with every row and id kept.
CREATE TABLE survey_answer_v15 (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    stakeholder_id  INTEGER REFERENCES stakeholder (id) ON DELETE SET NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'confidence')),
    score           INTEGER NOT NULL,
    answered_on     TEXT NOT NULL,
    comment         TEXT NOT NULL DEFAULT '',
    followed_up_on  TEXT,
    created_at      TEXT NOT NULL,
    CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10) OR (kind = 'csat' AND score BETWEEN 1 AND 5)
        OR (kind = 'ces' AND score BETWEEN 1 AND 7) OR (kind = 'confidence' AND score BETWEEN 1 AND 10))
) STRICT;
INSERT INTO survey_answer_v15 (id, client_id, stakeholder_id, kind, score, answered_on, comment, followed_up_on, created_at)
    SELECT id, client_id, stakeholder_id, kind, score, answered_on, comment, followed_up_on, created_at FROM survey_answer;
DROP TABLE survey_answer;
ALTER TABLE survey_answer_v15 RENAME TO survey_answer;
CREATE INDEX survey_answer_client ON survey_answer (client_id, answered_on);
